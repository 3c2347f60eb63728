package bot

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/go-telegram/bot/models"
)

// Notices are the replies that answer no question: refusals of admin
// commands, unknown commands, usage hints, "too fast" warnings. All users
// together may be sent noticeBurst of them at once and noticeRate a second
// after that, a small share of Telegram's 30 messages a second: a flood of
// commands from many users cannot spend the sending budget that answers
// need. Notices past it are dropped.
const (
	noticeRate  = 5.0
	noticeBurst = 10.0
)

// noticeQuota is the budget of notices shared by all users.
type noticeQuota struct {
	mu  sync.Mutex
	b   *bucket
	now func() time.Time
}

func newNoticeQuota() *noticeQuota {
	return &noticeQuota{b: newBucket(noticeRate, noticeBurst, time.Now()), now: time.Now}
}

// take reports whether a notice may be sent now, taking it from the
// budget. It never waits.
func (q *noticeQuota) take() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.b.refill(q.now())
	if q.b.tokens < 1 {
		return false
	}
	q.b.tokens--
	return true
}

// notice replies to msg with html, a reply that answers no question. For
// the public it counts against the sender's question limit, as a question
// would, and against the notices' shared budget; admins are limited by
// neither.
func (b *Bot) notice(ctx context.Context, log *slog.Logger, msg *models.Message, html string) {
	to := replyTarget(msg)
	if msg.From != nil && msg.SenderChat == nil && b.isAdmin(msg.From.ID) {
		b.reply(ctx, log, to, html)
		return
	}
	if !b.allowed(ctx, log, to, askerID(msg), msg.From) {
		return
	}
	b.noticeTo(ctx, log, to, html)
}

// noticeTo sends html to to if the notices' shared budget allows.
func (b *Bot) noticeTo(ctx context.Context, log *slog.Logger, to target, html string) {
	if !b.notes.take() {
		log.Debug("notice dropped: too many notices", "chat_id", to.chatID)
		return
	}
	b.reply(ctx, log, to, html)
}
