// Package bot is planbot's Telegram layer: it answers questions about
// planning reports in private chats, groups, channels and inline mode, and
// lets configured admins manage the reports.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

const (
	pollTimeout   = 50 * time.Second // long polling
	askTimeout    = 30 * time.Second
	inlineTimeout = 8 * time.Second // Telegram drops inline answers after ~10 s
	maxAskers     = 16              // questions answered at once
	cacheSize     = 4096
	cacheTTL      = 24 * time.Hour
)

// allowedUpdates are the update types the bot asks Telegram for. Edits are
// not among them: an edited question is not answered again.
var allowedUpdates = []string{
	models.AllowedUpdateMessage,
	models.AllowedUpdateChannelPost,
	models.AllowedUpdateInlineQuery,
	models.AllowedUpdateCallbackQuery,
	models.AllowedUpdateMyChatMember,
}

// Bot is planbot's Telegram bot.
type Bot struct {
	cfg    Config
	asker  Asker
	lib    Library
	log    *slog.Logger
	redact *redactor
	tg     *bot.Bot
	me     *models.User
	admins map[int64]bool

	send   *sender
	cache  *resultCache
	limits *userLimiter // questions
	inline *userLimiter // inline queries, sent while typing: a looser limit
	notes  *noticeQuota // replies that answer no question, all users together
	queue  *dispatcher
	seen   *seenSet
	in     *intake       // updates taken and not finished with: see intake.go
	waits  waitTimes     // when a waiting question is shown to wait
	askers chan struct{} // semaphore of running questions
	files  *http.Client  // downloads of uploaded reports
	learn  *learning     // votes, the feedback log, the admins' vocabulary: see learning.go

	adminBusy atomic.Bool
	bg        sync.WaitGroup // admin operations
}

// New connects to the Bot API (getMe) and returns a bot ready to Run. cfg is
// validated (defaults filled in). opts are passed to github.com/go-telegram/bot after the
// bot's own options (e.g. bot.WithServerURL for tests). A token Telegram
// rejects yields a one-line error.
func New(cfg Config, asker Asker, lib Library, logger *slog.Logger, opts ...bot.Option) (*Bot, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if asker == nil || lib == nil {
		return nil, errors.New("telegram bot: asker and library are required")
	}
	cfg = cfg.withDefaults()
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	_, secret, _ := strings.Cut(cfg.Token, ":")
	rd := newRedactor(cfg.Token, secret, cfg.Webhook.SecretToken)
	log := slog.New(&redactHandler{next: logger.Handler(), r: rd})
	learn, err := newLearning(cfg, asker, log)
	if err != nil {
		return nil, err
	}
	b := &Bot{
		cfg:    cfg,
		asker:  asker,
		lib:    lib,
		log:    log,
		redact: rd,
		admins: map[int64]bool{},
		send:   newSender(log, defaultLimits),
		cache:  newResultCache(cacheSize, cacheTTL),
		limits: newUserLimiter(cfg.RateLimit.QuestionsPerMinute),
		inline: newUserLimiter(3 * cfg.RateLimit.QuestionsPerMinute),
		notes:  newNoticeQuota(),
		queue:  newDispatcher(),
		seen:   newSeenSet(4096),
		in:     newIntake(spoolPath(cfg.DataDir)),
		waits:  defaultWaitTimes,
		askers: make(chan struct{}, maxAskers),
		files:  &http.Client{Timeout: 2 * time.Minute},
		learn:  learn,
	}
	for _, id := range cfg.Admins {
		b.admins[id] = true
	}
	b.loadSpool()
	base := []bot.Option{
		bot.WithServerURL(cfg.APIURL),
		bot.WithSkipGetMe(),
		bot.WithHTTPClient(pollTimeout, &statusClient{c: &http.Client{Timeout: pollTimeout + 15*time.Second, Transport: newTransport()}}),
		bot.WithDefaultHandler(b.onUpdate),
		bot.WithNotAsyncHandlers(), // onUpdate only queues; see dispatcher
		bot.WithAllowedUpdates(allowedUpdates),
		bot.WithErrorsHandler(func(err error) { b.log.Warn("telegram client error", "err", err) }),
		bot.WithDebugHandler(func(format string, args ...any) { b.log.Debug(fmt.Sprintf(format, args...)) }),
	}
	base = append(base, b.intakeOptions()...)
	if cfg.Webhook.SecretToken != "" {
		base = append(base, bot.WithWebhookSecretToken(cfg.Webhook.SecretToken))
	}
	tg, err := bot.New(cfg.Token, append(base, opts...)...)
	if err != nil {
		return nil, fmt.Errorf("telegram bot: %s", oneLine(rd.scrub(err.Error())))
	}
	b.tg = tg
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	var me *models.User
	err = b.send.do(ctx, 0, "getMe", func(ctx context.Context, _ int64) error {
		me, err = tg.GetMe(ctx)
		return err
	})
	if err != nil {
		return nil, b.getMeError(err)
	}
	b.me = me
	b.log = b.log.With("bot", me.Username)
	b.send.log = b.log
	return b, nil
}

// getMeError explains a failed getMe in one line, without the token.
func (b *Bot) getMeError(err error) error {
	switch {
	case errors.Is(err, bot.ErrorUnauthorized):
		return errors.New("telegram rejected the bot token (401 Unauthorized): check telegram.token in config.yaml or TELEGRAM_BOT_TOKEN")
	case errors.Is(err, bot.ErrorNotFound):
		return errors.New("telegram rejected the bot token (404 Not Found): check telegram.token in config.yaml or TELEGRAM_BOT_TOKEN, and telegram.api_url")
	}
	return &causeError{msg: "telegram getMe at " + redactedURL(b.cfg.APIURL) + " failed: " + b.redact.scrub(cause(err)), err: err}
}

// Username is the bot's username, without "@".
func (b *Bot) Username() string { return b.me.Username }

// Run serves updates until ctx is done: by long polling, or in webhook mode
// by an HTTP server on cfg.Webhook.Listen after registering the webhook.
// It sets the command menus meanwhile, in the background. It returns nil
// after ctx is done and the running handlers have finished.
//
// Told to stop, it takes no more updates, keeps answering those it took
// for cfg.ShutdownGrace and keeps the rest in the spool, which the next
// run answers first (see intake.go).
func (b *Bot) Run(ctx context.Context) error {
	b.resume()
	b.bg.Add(1)
	go func() {
		defer b.bg.Done()
		b.setCommands(ctx)
	}()
	b.bg.Add(1)
	go func() {
		defer b.bg.Done()
		b.runDigest(ctx) // when feedback.digest is set
	}()
	var err error
	if b.cfg.Mode == ModeWebhook {
		err = b.runWebhook(ctx)
	} else {
		err = b.runPolling(ctx)
	}
	b.drain()
	b.bg.Wait()
	return err
}

func (b *Bot) runPolling(ctx context.Context) error {
	// getUpdates does not work while a webhook is set.
	err := b.send.do(ctx, 0, "deleteWebhook", func(ctx context.Context, _ int64) error {
		_, err := b.tg.DeleteWebhook(ctx, &bot.DeleteWebhookParams{})
		return err
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		b.log.Warn("delete webhook", "err", err)
	}
	b.log.Info("polling for updates")
	b.tg.Start(ctx)
	b.log.Info("stopped polling")
	return nil
}

// menusBudget bounds the time spent setting the command menus, retries of
// all scopes included.
const menusBudget = time.Minute

// setCommands sets the command menus: the public commands for everyone and,
// in each admin's private chat, the admin commands too. A menu is not an
// authorisation: admin commands are checked on every use. Server and
// network errors are retried within menusBudget; a method the server does
// not know (404) ends the work, a scope it refuses (400) is skipped.
func (b *Bot) setCommands(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, menusBudget)
	defer cancel()
	unknown := false
	public := []models.BotCommand{
		{Command: "start", Description: "开始使用"},
		{Command: "help", Description: "使用说明"},
		{Command: "ask", Description: "提问，例如 /ask 高标准农田目标是多少"},
	}
	admin := append(slices.Clone(public),
		models.BotCommand{Command: "reindex", Description: "重建索引"},
		models.BotCommand{Command: "reports", Description: "报告列表"},
		models.BotCommand{Command: "remove", Description: "删除报告：/remove 报告ID"},
		models.BotCommand{Command: "feedback", Description: "用户反馈：👎 和没答上的问题"},
		models.BotCommand{Command: "alias", Description: "教新词：/alias 社零 社会消费品零售总额"},
		models.BotCommand{Command: "unalias", Description: "删除新词：/unalias 社零"},
	)
	set := func(scope models.BotCommandScope, cmds []models.BotCommand, who string) {
		if unknown || ctx.Err() != nil {
			b.log.Warn("command menu not set", "scope", who)
			return
		}
		err := b.send.do(ctx, 0, "setMyCommands", func(ctx context.Context, _ int64) error {
			_, err := b.tg.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: cmds, Scope: scope})
			return err
		})
		if err != nil {
			unknown = errors.Is(err, bot.ErrorNotFound)
			b.log.Warn("set command menu", "scope", who, "err", err, "cause", cause(err))
		}
	}
	set(&models.BotCommandScopeDefault{}, public, "default")
	for _, id := range b.cfg.Admins {
		set(&models.BotCommandScopeChat{ChatID: id}, admin, "admin "+strconv.FormatInt(id, 10))
	}
}

// onUpdate is the library's handler for every update. It runs in update
// order and only queues the work, per chat, on the dispatcher: see accept.
func (b *Bot) onUpdate(_ context.Context, _ *bot.Bot, upd *models.Update) {
	b.accept(upd)
}

// route picks the handler of an update and the queue it runs on.
func (b *Bot) route(ctx context.Context, log *slog.Logger, upd *models.Update) (string, func()) {
	switch {
	case upd.Message != nil:
		m := upd.Message
		return chatKey(m.Chat.ID), func() { b.onMessage(ctx, log, m) }
	case upd.ChannelPost != nil:
		m := upd.ChannelPost
		return chatKey(m.Chat.ID), func() { b.onChannelPost(ctx, log, m) }
	case upd.CallbackQuery != nil:
		q := upd.CallbackQuery
		key := "user:" + strconv.FormatInt(q.From.ID, 10)
		if m := q.Message.Message; m != nil {
			key = chatKey(m.Chat.ID)
		} else if m := q.Message.InaccessibleMessage; m != nil && m.Chat.ID != 0 {
			key = chatKey(m.Chat.ID)
		}
		return key, func() { b.onCallback(ctx, log, q) }
	case upd.InlineQuery != nil:
		q := upd.InlineQuery
		key := "inline"
		if q.From != nil {
			key = "inline:" + strconv.FormatInt(q.From.ID, 10)
		}
		return key, func() { b.onInline(ctx, log, q) }
	case upd.MyChatMember != nil:
		b.onMyChatMember(log, upd.MyChatMember)
	case upd.EditedMessage != nil, upd.EditedChannelPost != nil:
		log.Debug("edited message ignored")
	default:
		log.Debug("update ignored")
	}
	return "", nil
}

func chatKey(id int64) string { return "chat:" + strconv.FormatInt(id, 10) }

// onMyChatMember logs the bot being added to or removed from a chat.
func (b *Bot) onMyChatMember(log *slog.Logger, u *models.ChatMemberUpdated) {
	status := string(u.NewChatMember.Type)
	log = log.With("chat_id", u.Chat.ID, "chat_type", u.Chat.Type, "chat_title", u.Chat.Title, "by", u.From.ID, "status", status)
	switch u.NewChatMember.Type {
	case models.ChatMemberTypeLeft, models.ChatMemberTypeBanned:
		log.Info("bot removed from chat")
	default:
		log.Info("bot membership changed")
	}
}
