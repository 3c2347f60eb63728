package bot

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Defaults applied to a Config's zero fields.
const (
	DefaultAPIURL             = "https://api.telegram.org"
	DefaultWebhookListen      = ":8443"
	DefaultDownloadTimeout    = 2 * time.Minute
	DefaultQuestionsPerMinute = 20
	DefaultAnswersPerMessage  = 1
	DefaultMaxAnswers         = 5
	DefaultShutdownGrace      = 20 * time.Second
)

// MaxShutdownGrace bounds Config.ShutdownGrace.
const MaxShutdownGrace = 10 * time.Minute

// Modes of receiving updates.
const (
	ModePolling = "polling"
	ModeWebhook = "webhook"
)

// Config configures the Telegram side of planbot. Package bot/config reads
// it from "telegram:" in config.yaml and the environment; New validates it.
type Config struct {
	// Token is the bot token from @BotFather. TELEGRAM_BOT_TOKEN overrides it.
	Token string `yaml:"token"`
	// APIURL is the Bot API server (default https://api.telegram.org).
	// TELEGRAM_API_URL overrides it.
	APIURL string `yaml:"api_url"`
	// Admins are the Telegram user ids allowed to manage reports. Being an
	// administrator of a chat is not enough. PLANBOT_ADMINS (comma-separated
	// ids) adds to them.
	Admins []int64 `yaml:"admins"`
	// DownloadTimeout bounds the download of a report an admin sends, all
	// retries included (default 2m): past it the admin is told, and the
	// next operation may start.
	DownloadTimeout time.Duration `yaml:"download_timeout"`
	// Mode is "polling" (the default) or "webhook".
	Mode string `yaml:"mode"`
	// Webhook configures webhook mode.
	Webhook WebhookConfig `yaml:"webhook"`
	// RateLimit limits how often the public may ask.
	RateLimit RateLimitConfig `yaml:"rate_limit"`
	// Answers controls how many answers are shown.
	Answers AnswersConfig `yaml:"answers"`
	// ShutdownGrace is how long the bot, told to stop, keeps answering
	// the questions it has queued (default 20s); what is left then is
	// kept in the spool in DataDir and answered first by the next run.
	ShutdownGrace time.Duration `yaml:"shutdown_grace"`
	// DataDir is where the spool is kept; "" keeps nothing across a
	// restart. It is no key of "telegram:": package bot/config sets it to
	// data_dir.
	DataDir string `yaml:"-"`
	// Feedback configures the feedback log kept in DataDir (none without
	// one) and the admins' digest; package bot/config sets it from
	// "feedback:".
	Feedback FeedbackConfig `yaml:"-"`
	// Vocabulary is the admins' vocabulary file that /alias and /unalias
	// change ("" refuses them); package bot/config sets it to vocabulary.
	Vocabulary string `yaml:"-"`
}

// WebhookConfig configures webhook mode.
type WebhookConfig struct {
	// Listen is the address the HTTP server listens on (default ":8443").
	Listen string `yaml:"listen"`
	// URL is the public HTTPS address Telegram posts updates to.
	URL string `yaml:"url"`
	// SecretToken is sent by Telegram in X-Telegram-Bot-Api-Secret-Token
	// (1–256 characters of A-Z a-z 0-9 _ -). TELEGRAM_WEBHOOK_SECRET
	// overrides it.
	SecretToken string `yaml:"secret_token"`
	// CertFile and KeyFile, when both set, make the server speak TLS itself
	// instead of relying on a reverse proxy.
	CertFile string `yaml:"cert_file"`
	KeyFile  string `yaml:"key_file"`
}

// RateLimitConfig limits questions from the public (admins are exempt).
type RateLimitConfig struct {
	// QuestionsPerMinute per user (default 20; negative disables the limit).
	QuestionsPerMinute int `yaml:"questions_per_minute"`
}

// AnswersConfig controls how many answers are shown.
type AnswersConfig struct {
	// PerMessage is how many answers one message shows (default 1).
	PerMessage int `yaml:"per_message"`
	// Max is how many answers are fetched; "更多答案" pages through them
	// (default 5).
	Max int `yaml:"max"`
}

var secretTokenRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

// withDefaults returns a copy of c with the zero fields set to their defaults.
func (c Config) withDefaults() Config {
	c.Token = strings.TrimSpace(c.Token)
	if c.APIURL == "" {
		c.APIURL = DefaultAPIURL
	}
	c.APIURL = strings.TrimRight(c.APIURL, "/")
	if c.Mode == "" {
		c.Mode = ModePolling
	}
	c.Mode = strings.ToLower(strings.TrimSpace(c.Mode))
	if c.Webhook.Listen == "" {
		c.Webhook.Listen = DefaultWebhookListen
	}
	if c.DownloadTimeout == 0 {
		c.DownloadTimeout = DefaultDownloadTimeout
	}
	if c.RateLimit.QuestionsPerMinute == 0 {
		c.RateLimit.QuestionsPerMinute = DefaultQuestionsPerMinute
	}
	if c.Answers.PerMessage == 0 {
		c.Answers.PerMessage = DefaultAnswersPerMessage
	}
	if c.Answers.Max == 0 {
		c.Answers.Max = DefaultMaxAnswers
	}
	if c.ShutdownGrace == 0 {
		c.ShutdownGrace = DefaultShutdownGrace
	}
	c.Feedback = c.Feedback.withDefaults()
	c.Admins = slices.Clone(c.Admins)
	return c
}

// Validate reports the first problem with the configuration, as a one-line
// error that names the setting to fix. Zero fields count as their defaults.
func (c *Config) Validate() error {
	d := c.withDefaults()
	if d.Token == "" {
		return errors.New("telegram token missing: set telegram.token in config.yaml or TELEGRAM_BOT_TOKEN")
	}
	if id, secret, ok := strings.Cut(d.Token, ":"); !ok || id == "" || secret == "" || strings.ContainsAny(d.Token, " /\t\n") {
		return errors.New("telegram token malformed: expected <bot id>:<secret> as given by @BotFather (telegram.token or TELEGRAM_BOT_TOKEN)")
	}
	api, err := url.Parse(d.APIURL)
	if err != nil || (api.Scheme != "http" && api.Scheme != "https") || api.Host == "" {
		return fmt.Errorf("telegram.api_url %q is not an http(s) URL", d.APIURL)
	}
	for _, id := range d.Admins {
		if id <= 0 {
			return fmt.Errorf("telegram.admins: %d is not a Telegram user id", id)
		}
	}
	if d.DownloadTimeout < 0 {
		return fmt.Errorf("telegram.download_timeout %v: want a positive duration, e.g. 2m", d.DownloadTimeout)
	}
	switch d.Mode {
	case ModePolling:
	case ModeWebhook:
		if err := d.validateWebhook(api); err != nil {
			return err
		}
	default:
		return fmt.Errorf("telegram.mode %q: want %q or %q", d.Mode, ModePolling, ModeWebhook)
	}
	if d.Answers.Max < 1 || d.Answers.Max > 10 {
		return fmt.Errorf("telegram.answers.max %d: want 1–10", d.Answers.Max)
	}
	if d.Answers.PerMessage < 1 || d.Answers.PerMessage > d.Answers.Max {
		return fmt.Errorf("telegram.answers.per_message %d: want 1–%d", d.Answers.PerMessage, d.Answers.Max)
	}
	if d.ShutdownGrace < 0 || d.ShutdownGrace > MaxShutdownGrace {
		return fmt.Errorf("telegram.shutdown_grace %v: want at most %v", d.ShutdownGrace, MaxShutdownGrace)
	}
	if err := d.Feedback.Validate(); err != nil {
		return err
	}
	return nil
}

func (c Config) validateWebhook(api *url.URL) error {
	w := c.Webhook
	if w.URL == "" {
		return errors.New("telegram.webhook.url missing: webhook mode needs the public URL Telegram posts to")
	}
	u, err := url.Parse(w.URL)
	if err != nil || u.Host == "" {
		return fmt.Errorf("telegram.webhook.url %q is not a URL", w.URL)
	}
	// api.telegram.org only posts to HTTPS; a self-hosted Bot API server
	// may post to plain HTTP.
	if u.Scheme != "https" && (u.Scheme != "http" || api.Host == "api.telegram.org") {
		return fmt.Errorf("telegram.webhook.url %q must be https", w.URL)
	}
	if w.SecretToken == "" {
		return errors.New("telegram.webhook.secret_token missing: set it in config.yaml or TELEGRAM_WEBHOOK_SECRET")
	}
	if !secretTokenRE.MatchString(w.SecretToken) {
		return errors.New("telegram.webhook.secret_token: want 1–256 characters of A-Z a-z 0-9 _ -")
	}
	if (w.CertFile == "") != (w.KeyFile == "") {
		return errors.New("telegram.webhook: set both cert_file and key_file, or neither")
	}
	return nil
}
