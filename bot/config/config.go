// Package config is the one owner of planbot's configuration: it reads
// config.yaml, applies every environment override and checks every value,
// so that a mistake is an error naming the setting (and its line) rather
// than a default silently used.
//
// The environment:
//
//	PLANBOT_DATA_DIR         data_dir
//	PLANBOT_DEBUG            debug (any non-empty value)
//	TELEGRAM_BOT_TOKEN       telegram.token
//	TELEGRAM_API_URL         telegram.api_url
//	TELEGRAM_WEBHOOK_SECRET  telegram.webhook.secret_token
//	PLANBOT_ADMINS           added to telegram.admins (comma-separated user ids)
//	PLANBOT_FEEDBACK_KEY     feedback.key
//	GOMEMLIMIT               memory_limit_mb (read by Go itself; ApplyGC then leaves it)
//	GOGC                     gc_percent (the same)
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"planbot/answers"
	"planbot/bot"
	"planbot/bot/feedback"
	"planbot/index"
)

// Config is config.yaml. The zero value of a field is not its default:
// Default gives the defaults, which config.yaml also shows.
type Config struct {
	// SeedsDir holds report files that are always served. It must exist.
	SeedsDir string `yaml:"seeds_dir"`
	// DataDir holds the indexes, the catalog and the reports admins add.
	DataDir string `yaml:"data_dir"`
	// Vocabulary is an extra vocabulary file added to the built-in one;
	// "" for none.
	Vocabulary string `yaml:"vocabulary"`
	// DefaultRegion picks the reports asked when a question names no
	// place; "" for the newest of all.
	DefaultRegion string `yaml:"default_region"`
	// LogLevel is debug, info, warn or error.
	LogLevel string `yaml:"log_level"`
	// OpenReports is how many reports are kept open at most.
	OpenReports int `yaml:"open_reports"`
	// OpenReportsMB bounds the open reports by what they hold, in MiB
	// (index.Loaded.Bytes), beside OpenReports: many small reports stay
	// open where few large ones would.
	OpenReportsMB int `yaml:"open_reports_mb"`
	// MemoryLimitMB is a soft limit on the memory of a serving process,
	// in MiB (the Go runtime's memory limit); 0 for none. The environment
	// variable GOMEMLIMIT, when set, wins.
	MemoryLimitMB int `yaml:"memory_limit_mb"`
	// GCPercent is the garbage collector's target for a serving process
	// (Go's GOGC): how far the heap grows past what is live before it is
	// collected, in percent; -1 collects only near MemoryLimitMB. The
	// environment variable GOGC, when set, wins.
	GCPercent int `yaml:"gc_percent"`
	// Debug writes how each question was understood and ranked to the
	// log's output (standard error).
	Debug bool `yaml:"debug"`
	// Telegram configures the bot (planbot serve).
	Telegram bot.Config `yaml:"telegram"`
	// Feedback configures the feedback log (votes and unanswered
	// questions, in DataDir) and the admins' daily digest.
	Feedback bot.FeedbackConfig `yaml:"feedback"`

	path string // the file read, "" for the defaults alone
}

// Default returns the configuration used when config.yaml sets nothing.
func Default() Config {
	return Config{
		SeedsDir:      "seeds",
		DataDir:       "data",
		LogLevel:      "info",
		OpenReports:   index.DefaultOpenReports,
		OpenReportsMB: index.DefaultOpenBytes >> 20,

		MemoryLimitMB: DefaultMemoryLimitMB,
		GCPercent:     DefaultGCPercent,

		Telegram: bot.Config{
			DownloadTimeout: bot.DefaultDownloadTimeout,

			APIURL:    bot.DefaultAPIURL,
			Mode:      bot.ModePolling,
			Webhook:   bot.WebhookConfig{Listen: bot.DefaultWebhookListen},
			RateLimit: bot.RateLimitConfig{QuestionsPerMinute: bot.DefaultQuestionsPerMinute},
			Answers:   bot.AnswersConfig{PerMessage: bot.DefaultAnswersPerMessage, Max: bot.DefaultMaxAnswers},

			ShutdownGrace: bot.DefaultShutdownGrace,
		},
		Feedback: bot.FeedbackConfig{Retention: feedback.Age(feedback.DefaultRetention)},
	}
}

// Load reads the configuration file at path over the defaults, applies
// the environment and checks the result. Relative paths in the file are
// relative to its directory. A missing file, an unknown key, a value of
// the wrong kind, a bad log level or a missing seeds directory is an
// error.
func Load(path string) (*Config, error) {
	c := Default()
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w (run planbot in its directory, or give --config FILE)", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) { // an empty file: the defaults
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	c.path = path
	base := filepath.Dir(path)
	for _, p := range []*string{&c.SeedsDir, &c.DataDir, &c.Vocabulary} {
		if *p != "" && !filepath.IsAbs(*p) {
			*p = filepath.Join(base, *p)
		}
	}
	if err := c.applyEnv(); err != nil {
		return nil, err
	}
	if err := c.check(); err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	return &c, nil
}

// applyEnv applies the environment overrides.
func (c *Config) applyEnv() error {
	if v := os.Getenv("PLANBOT_DATA_DIR"); v != "" {
		c.DataDir = v
	}
	if os.Getenv("PLANBOT_DEBUG") != "" {
		c.Debug = true
	}
	t := &c.Telegram
	if v := strings.TrimSpace(os.Getenv("TELEGRAM_BOT_TOKEN")); v != "" {
		t.Token = v
	}
	if v := strings.TrimSpace(os.Getenv("TELEGRAM_API_URL")); v != "" {
		t.APIURL = v
	}
	if v := strings.TrimSpace(os.Getenv("TELEGRAM_WEBHOOK_SECRET")); v != "" {
		t.Webhook.SecretToken = v
	}
	if v := strings.TrimSpace(os.Getenv("PLANBOT_FEEDBACK_KEY")); v != "" {
		c.Feedback.Key = v
	}
	for part := range strings.SplitSeq(os.Getenv("PLANBOT_ADMINS"), ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		id, err := strconv.ParseInt(part, 10, 64)
		if err != nil || id <= 0 {
			return fmt.Errorf("PLANBOT_ADMINS: %q is not a Telegram user id", part)
		}
		if !slices.Contains(t.Admins, id) {
			t.Admins = append(t.Admins, id)
		}
	}
	return nil
}

// check reports the first bad value, naming its key.
func (c *Config) check() error {
	if _, err := c.Level(); err != nil {
		return err
	}
	if c.OpenReports < 1 {
		return fmt.Errorf("open_reports %d: want at least 1", c.OpenReports)
	}
	if c.OpenReportsMB < 1 {
		return fmt.Errorf("open_reports_mb %d: want at least 1", c.OpenReportsMB)
	}
	if err := c.checkGC(); err != nil {
		return err
	}
	if c.DataDir == "" {
		return errors.New("data_dir is empty")
	}
	if fi, err := os.Stat(c.SeedsDir); err != nil || !fi.IsDir() {
		return fmt.Errorf("seeds_dir %s is not a directory", c.SeedsDir)
	}
	if g := c.Telegram.ShutdownGrace; g < time.Second || g > bot.MaxShutdownGrace {
		return fmt.Errorf("telegram.shutdown_grace %v: want a duration of 1s to %v, e.g. 20s", g, bot.MaxShutdownGrace)
	}
	if c.Vocabulary != "" {
		if _, err := os.Stat(c.Vocabulary); err != nil {
			return fmt.Errorf("vocabulary: %w", err)
		}
	}
	if c.Feedback.Retention <= 0 {
		return fmt.Errorf("feedback.retention %v: want a duration of at least 1h, e.g. 90d", c.Feedback.Retention)
	}
	return c.Feedback.Validate()
}

// Level returns the log level.
func (c *Config) Level() (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(c.LogLevel)); err != nil || !slices.Contains([]string{"debug", "info", "warn", "error"}, strings.ToLower(c.LogLevel)) {
		return 0, fmt.Errorf("log_level %q: want debug, info, warn or error", c.LogLevel)
	}
	return l, nil
}

// Logger returns a logger at the configured level, writing to standard
// error.
func (c *Config) Logger() *slog.Logger {
	l, _ := c.Level()
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: l}))
}

// Setup returns what answers.Open needs; build lets the library be built
// when the data directory has none.
func (c *Config) Setup(log *slog.Logger, build bool) answers.Setup {
	s := answers.Setup{DataDir: c.DataDir, SeedsDir: c.SeedsDir, Vocabulary: c.Vocabulary, DefaultRegion: c.DefaultRegion,
		Logger: log, OpenReports: c.OpenReports, OpenBytes: int64(c.OpenReportsMB) << 20, Build: build}
	if c.Debug {
		s.Debug = os.Stderr
	}
	return s
}

// Bot returns the bot's configuration: telegram: with the data directory,
// where the bot keeps the updates it has not answered across a restart and
// its feedback log, feedback: and the admins' vocabulary file.
func (c *Config) Bot() bot.Config {
	t := c.Telegram
	t.DataDir = c.DataDir
	t.Feedback = c.Feedback
	t.Vocabulary = c.Vocabulary
	return t
}

// FeedbackOptions returns the options of the feedback log in DataDir
// (package bot/feedback), for a reader (planbot feedback) or a writer.
func (c *Config) FeedbackOptions(readOnly bool) feedback.Options {
	return feedback.Options{Retention: time.Duration(c.Feedback.Retention), Key: []byte(c.Feedback.Key), ReadOnly: readOnly}
}

// Path returns the file the configuration was read from.
func (c *Config) Path() string { return c.path }
