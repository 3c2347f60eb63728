package bot

import (
	"context"
	"log/slog"
	"strconv"
	"strings"

	"github.com/go-telegram/bot/models"
)

// Callback data, at most 64 bytes: a kind, the id of a cached result and a
// number.
//
//	p:<id>:<page>   show a page of answers (更多答案, 返回答案)
//	o:<id>:<i>      show the paragraph of answer i (原文)
//	h:<id>:<k>      ask the question again within the k-th closest heading
//	x:<n>           ask the n-th example of /help
const (
	kindPage     = "p"
	kindOriginal = "o"
	kindHeading  = "h"
	kindExample  = "x"
)

func pageData(id string, page int) string  { return kindPage + ":" + id + ":" + strconv.Itoa(page) }
func originalData(id string, i int) string { return kindOriginal + ":" + id + ":" + strconv.Itoa(i) }
func headingData(id string, k int) string  { return kindHeading + ":" + id + ":" + strconv.Itoa(k) }
func exampleData(n int) string             { return kindExample + ":" + strconv.Itoa(n) }

// parseData reads callback data; ok is false for anything this bot did not
// write.
func parseData(data string) (kind, id string, n int, ok bool) {
	parts := strings.Split(data, ":")
	num := func(s string) (int, bool) {
		v, err := strconv.Atoi(s)
		return v, err == nil && v >= 0 && v < 100
	}
	switch {
	case len(parts) == 2 && parts[0] == kindExample:
		n, ok = num(parts[1])
		return parts[0], "", n, ok
	case len(parts) == 3 && (parts[0] == kindPage || parts[0] == kindOriginal || parts[0] == kindHeading):
		if len(parts[1]) != idLen {
			return "", "", 0, false
		}
		n, ok = num(parts[2])
		return parts[0], parts[1], n, ok
	}
	return "", "", 0, false
}

// onCallback handles a button press. Every callback query is answered; a
// stale or forged one only with textExpired, as is one whose result was
// shown in another chat.
func (b *Bot) onCallback(ctx context.Context, log *slog.Logger, q *models.CallbackQuery) {
	cb := &callbackAnswer{b: b, ctx: ctx, id: q.ID}
	defer cb.ensure()
	log = log.With("user_id", q.From.ID, "data", q.Data)
	if b.onVoteCallback(ctx, log, cb, q) {
		return // 👍, 👎 and /feedback's pages: see votes.go
	}
	msg := q.Message.Message // nil for inaccessible (old) and inline messages
	kind, id, n, ok := parseData(q.Data)
	if !ok || msg == nil {
		log.Info("callback refused")
		cb.send(textExpired)
		return
	}
	log = log.With("chat_id", msg.Chat.ID, "message_id", msg.ID)
	if kind == kindExample {
		if n >= len(examples) {
			cb.send(textExpired)
			return
		}
		b.askFromButton(ctx, log, cb, q, msg, examples[n], scope{})
		return
	}
	e, found := b.cache.get(id)
	if !found {
		log.Info("callback for expired result")
		cb.send(textExpired)
		return
	}
	if b.send.resolve(e.chatID) != b.send.resolve(msg.Chat.ID) {
		log.Warn("callback for another chat's result", "result_chat_id", e.chatID)
		cb.send(textExpired)
		return
	}
	switch kind {
	case kindPage:
		if n >= b.pages(e) {
			cb.send(textExpired)
			return
		}
		html, kb := b.renderPage(id, e, n)
		b.finishEdit(ctx, log, cb, msg, html, kb)
	case kindOriginal:
		if n >= len(e.result.Answers) {
			cb.send(textExpired)
			return
		}
		a := e.result.Answers[n]
		para, found := b.lib.Paragraph(a.ReportID, a.ParagraphID)
		if !found {
			cb.send(textNoParagraph)
			return
		}
		kb := &inlineKeyboard{}
		kb.row(inlineButton{Text: buttonBack, CallbackData: pageData(id, n/b.cfg.Answers.PerMessage)})
		b.finishEdit(ctx, log, cb, msg, renderParagraph(a, para), kb)
	case kindHeading:
		if n >= len(e.result.Closest) {
			cb.send(textExpired)
			return
		}
		question, in := e.question, scope{e.result.Report, e.result.Closest[n]}
		if _, ok := b.asker.(SectionAsker); !ok {
			question, in = in.heading, scope{} // an asker that cannot ask within a section asks the heading
		}
		b.askFromButton(ctx, log, cb, q, msg, question, in)
	}
}

// finishEdit answers a callback and edits its message. The answer comes
// first: the edit may have to wait for the chat's rate limit, and the
// client shows a spinner until the callback is answered.
func (b *Bot) finishEdit(ctx context.Context, log *slog.Logger, cb *callbackAnswer, msg *models.Message, html string, kb *inlineKeyboard) {
	cb.send("")
	if err := b.editHTML(ctx, msg.Chat.ID, msg.ID, html, kb); err != nil {
		log.Error("edit message", "err", err)
	}
}

// askFromButton asks question (in scope) for whoever pressed a button,
// answering in a new message in the button's chat.
func (b *Bot) askFromButton(ctx context.Context, log *slog.Logger, cb *callbackAnswer, q *models.CallbackQuery, msg *models.Message, question string, in scope) {
	if !b.isAdmin(q.From.ID) {
		if ok, _ := b.limits.allow(q.From.ID); !ok {
			cb.send(textTooFast)
			return
		}
	}
	cb.send("")
	b.answer(ctx, log, replyTarget(msg), question, in)
}

// callbackAnswer answers a callback query exactly once.
type callbackAnswer struct {
	b    *Bot
	ctx  context.Context
	id   string
	done bool
}

// send answers the query, with a toast when text is set.
func (c *callbackAnswer) send(text string) {
	if c.done {
		return
	}
	c.done = true
	c.b.answerCallback(c.ctx, c.id, text)
}

// ensure answers a query left unanswered, e.g. by a panic.
func (c *callbackAnswer) ensure() {
	if !c.done {
		c.send(textError)
	}
}
