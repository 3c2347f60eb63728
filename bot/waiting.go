package bot

import (
	"context"
	"slices"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// textQueued tells someone whose question has waited long that it is
// queued.
const textQueued = "问题较多，正在排队，请稍候。"

// A question that waits — queued behind others of its chat, behind
// Telegram's sending limits, or being answered — is shown to wait: after
// waitTimes.typing its chat shows "typing", renewed while it waits, and
// after waitTimes.notice it gets textQueued, threaded to it, once, while it
// is still queued: once its job started, its answer is the next message
// of its chat (a job asks for at most askTimeout), and a notice would
// only come after it.
//
// The notice is a message like any other: it waits for its turn under the
// chat's, the group's and the overall sending limits (and is not sent if
// the answer went first). So that a backlog does not double itself, a chat
// gets at most one notice per waitTimes.notice: in a group the others see
// it too, and each question still gets at most one. "Typing" is no message
// in a chat: it takes a token of the overall budget, and only when one is
// free at once, so it never holds up an answer.

// waitTimes say when a waiting question is shown to wait.
type waitTimes struct {
	typing      time.Duration // a question waiting this long shows "typing" in its chat…
	typingEvery time.Duration // …renewed this often while it waits (Telegram shows it about 5 s)
	notice      time.Duration // a question waiting this long gets its notice
	tick        time.Duration // how often the waiting questions are looked at
}

var defaultWaitTimes = waitTimes{
	typing:      3 * time.Second,
	typingEvery: 5 * time.Second,
	notice:      time.Minute,
	tick:        time.Second,
}

// typingTimeout bounds a sendChatAction call: it is not retried.
const typingTimeout = 5 * time.Second

// chatWait is when a chat with waiting questions was last shown "typing"
// and sent a notice.
type chatWait struct{ typing, notice time.Time }

// planWaiting decides at now which chats show "typing" (given by their
// oldest question) and which questions get their notice, marking those as
// noticed; a question whose job started gets none. qs are the questions
// waiting, oldest first; chats is updated, and the chats with no question
// waiting are forgotten. canType reports whether a chat action may be sent
// now; it is asked for a chat that is due.
func planWaiting(now time.Time, w waitTimes, qs []*taken, chats map[int64]*chatWait, canType func() bool) (typing, notices []*taken) {
	oldest := map[int64]bool{}
	for _, q := range qs {
		id := q.notice.chatID
		c := chats[id]
		if c == nil {
			c = &chatWait{}
			chats[id] = c
		}
		waited := now.Sub(q.received)
		if !oldest[id] {
			oldest[id] = true
			if waited >= w.typing && now.Sub(c.typing) >= w.typingEvery && canType() {
				c.typing = now
				typing = append(typing, q)
			}
		}
		if !q.noticed.Load() && !q.started.Load() && waited >= w.notice && now.Sub(c.notice) >= w.notice {
			c.notice = now
			q.noticed.Store(true)
			notices = append(notices, q)
		}
	}
	for id := range chats {
		if !oldest[id] {
			delete(chats, id)
		}
	}
	return typing, notices
}

// waitingQuestions returns the questions taken and not yet answered,
// oldest first.
func (b *Bot) waitingQuestions() []*taken {
	var qs []*taken
	for _, t := range b.in.pending() {
		if t.notice != nil && t.waiting() {
			qs = append(qs, t)
		}
	}
	slices.SortStableFunc(qs, func(a, b *taken) int { return a.received.Compare(b.received) })
	return qs
}

// watchWaiting shows the waiting questions to wait until ctx is done.
func (b *Bot) watchWaiting(ctx context.Context) {
	w := b.waits
	tick := time.NewTicker(w.tick)
	defer tick.Stop()
	chats := map[int64]*chatWait{}
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-tick.C:
			typing, notices := planWaiting(now, w, b.waitingQuestions(), chats, b.send.tryOverall)
			for _, q := range typing {
				b.in.watchers.Go(func() { b.sendTyping(ctx, *q.notice) })
			}
			for _, q := range notices {
				b.in.watchers.Go(func() { b.sendNotice(ctx, q) })
			}
		}
	}
}

// sendTyping shows "typing" in a chat, once: a failure is not retried.
func (b *Bot) sendTyping(ctx context.Context, to target) {
	ctx, cancel := context.WithTimeout(ctx, typingTimeout)
	defer cancel()
	_, err := b.tg.SendChatAction(ctx, &bot.SendChatActionParams{
		ChatID:          b.send.resolve(to.chatID),
		MessageThreadID: to.threadID,
		Action:          models.ChatActionTyping,
	})
	if err != nil && ctx.Err() == nil {
		b.log.Debug("typing not shown", "chat_id", to.chatID, "err", err)
	}
}

// sendNotice tells the asker of q that it is queued, threaded to q, unless
// q was answered before the notice's turn came.
func (b *Bot) sendNotice(ctx context.Context, q *taken) {
	to := *q.notice
	params := &bot.SendMessageParams{
		Text:            textQueued,
		MessageThreadID: to.threadID,
		ReplyParameters: &models.ReplyParameters{MessageID: to.replyTo, AllowSendingWithoutReply: true},
	}
	answered := false
	err := b.send.do(ctx, to.chatID, "sendMessage", func(ctx context.Context, chatID int64) error {
		if !q.waiting() {
			answered = true
			return nil
		}
		params.ChatID = chatID
		_, err := b.tg.SendMessage(ctx, params)
		return err
	})
	log := b.log.With("update_id", q.id, "chat_id", to.chatID, "waited", time.Since(q.received).Round(time.Second))
	switch {
	case err != nil && ctx.Err() == nil:
		log.Warn("waiting notice not sent", "err", err)
	case err == nil && !answered:
		log.Info("waiting notice sent")
	}
}

// noticeTarget is where the waiting notice of upd goes — threaded to the
// message, in its forum topic — or nil when upd is no message the bot
// replies to.
func (b *Bot) noticeTarget(upd *models.Update) *target {
	msg := upd.Message
	if msg == nil {
		msg = upd.ChannelPost
	}
	if msg == nil || !b.repliesTo(msg) {
		return nil
	}
	to := replyTarget(msg)
	to.replyTo = msg.ID
	return &to
}

// repliesTo reports whether the bot replies to msg, as onMessage and
// onChannelPost decide: in a private chat everything but what is addressed
// to another bot; in a group its commands, mentions of it and replies to
// it; in a channel a leading /ask or a mention.
func (b *Bot) repliesTo(msg *models.Message) bool {
	if msg.MigrateToChatID != 0 || msg.MigrateFromChatID != 0 || b.ignored(msg) {
		return false
	}
	text, ents := textOf(msg)
	if text == "" {
		return msg.Chat.Type == models.ChatTypePrivate && (msg.Document != nil || hasMedia(msg))
	}
	p := parse(text, ents, b.me)
	switch msg.Chat.Type {
	case models.ChatTypePrivate:
		return !p.forOther
	case models.ChatTypeGroup, models.ChatTypeSupergroup:
		if p.forOther && !p.mentioned {
			return false
		}
		switch p.command {
		case "ask", "start", "help", "reindex", "reports", "remove":
			return true
		}
		replyToMe := msg.ReplyToMessage != nil && msg.ReplyToMessage.From != nil && msg.ReplyToMessage.From.ID == b.me.ID
		return p.mentioned || replyToMe
	case models.ChatTypeChannel:
		return (p.command == "ask" && p.leading) || p.mentioned
	}
	return false
}
