package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"

	"planbot/answers"
)

// ask answers a question asked by msg. An empty question (a bare "/ask" or
// mention) asks the text of the message it replies to, if any.
func (b *Bot) ask(ctx context.Context, log *slog.Logger, msg *models.Message, question string) {
	to := replyTarget(msg)
	if question == "" {
		if r := msg.ReplyToMessage; r != nil && (r.From == nil || r.From.ID != b.me.ID) {
			text, _ := textOf(r)
			question = cleanQuestion(text)
		}
	}
	if question == "" {
		b.notice(ctx, log, msg, textAskUsage)
		return
	}
	if !b.allowed(ctx, log, to, askerID(msg), msg.From) {
		return
	}
	b.answer(ctx, log, to, question, scope{})
}

// scope is where a question is asked: the whole library (the zero scope),
// or the section under a heading of one report that the asker picked
// from those offered for a question the report does not answer.
type scope struct{ reportID, heading string }

// allowed applies the per-user rate limit to the public; over the limit the
// user is told once (a notice: see notices.go). Admins are not limited.
func (b *Bot) allowed(ctx context.Context, log *slog.Logger, to target, who int64, from *models.User) bool {
	if from != nil && b.isAdmin(from.ID) {
		return true
	}
	ok, warn := b.limits.allow(who)
	if !ok {
		log.Info("question rate limited", "asker", who, "warned", warn)
	}
	if warn {
		b.noticeTo(ctx, log, to, textTooFast)
	}
	return ok
}

// answer asks question in scope and sends the answer.
func (b *Bot) answer(ctx context.Context, log *slog.Logger, to target, question string, in scope) {
	res, err := b.query(ctx, log, question, in, b.cfg.Answers.Max, askTimeout)
	if err != nil {
		b.reply(ctx, log, to, textError)
		return
	}
	und := understood(&res) // drops the trace
	e := &cachedResult{chatID: to.chatID, chatType: to.chatType, question: question, und: und, result: res}
	b.logUnanswered(log, e)
	html, kb := b.present(e)
	if _, err := b.sendHTML(ctx, to, html, kb); err != nil {
		log.Error("send answer", "err", err)
	}
}

// query runs the Asker with a timeout and bounded concurrency, turning a
// panic into an error. Errors are logged here, never shown to the public.
func (b *Bot) query(ctx context.Context, log *slog.Logger, question string, in scope, top int, timeout time.Duration) (res answers.Result, err error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	select {
	case b.askers <- struct{}{}:
		defer func() { <-b.askers }()
	case <-ctx.Done():
		log.Error("ask: too busy", "err", ctx.Err())
		return res, fmt.Errorf("ask: waiting for a free slot: %w", ctx.Err())
	}
	start := time.Now()
	defer func() {
		if r := recover(); r != nil {
			log.Error("panic in asker", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			err = fmt.Errorf("asker panicked: %v", r)
		}
	}()
	log.Debug("question", "question", question, "within", in.heading)
	if in.heading == "" {
		res, err = b.asker.Ask(ctx, question, top)
	} else if sa, ok := b.asker.(SectionAsker); ok {
		res, err = sa.AskWithin(ctx, question, in.reportID, in.heading, top)
	} else {
		err = errors.New("the asker cannot ask within a section")
	}
	if err != nil {
		log.Error("ask failed", "err", err, "took", time.Since(start))
		return res, fmt.Errorf("ask: %w", err)
	}
	if len(res.Answers) > top {
		res.Answers = res.Answers[:top]
	}
	log.Info("question answered", "answers", len(res.Answers), "took", time.Since(start))
	return res, nil
}

// maxClosest is how many section headings are offered when there is no answer.
const maxClosest = 4

// present formats a result for its chat: its first page of answers with
// the 原文 and 更多答案 buttons (and 👍 / 👎), or, without an answer, the
// closest headings as buttons.
func (b *Bot) present(e *cachedResult) (string, *inlineKeyboard) {
	res := &e.result
	if len(res.Answers) == 0 && res.Within != "" {
		return renderNoneWithin(res.Within), nil
	}
	if len(res.Answers) == 0 {
		res.Closest = nonEmpty(res.Closest, maxClosest)
		if len(res.Closest) == 0 {
			return renderNoAnswer(res.Note, nil), nil
		}
		id := b.cache.put(e)
		kb := &inlineKeyboard{}
		for k, h := range res.Closest {
			kb.row(inlineButton{Text: truncateRunes(h, 40), CallbackData: headingData(id, k)})
		}
		return renderNoAnswer(res.Note, res.Closest), kb
	}
	return b.renderPage(b.cache.put(e), e, 0)
}

// nonEmpty returns at most n non-blank strings of ss.
func nonEmpty(ss []string, n int) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" && len(out) < n {
			out = append(out, s)
		}
	}
	return out
}

// pages is how many pages the answers of e fill.
func (b *Bot) pages(e *cachedResult) int {
	per := b.cfg.Answers.PerMessage
	return (len(e.result.Answers) + per - 1) / per
}

// renderPage formats page (from 0) of the answers of e, stored under id.
func (b *Bot) renderPage(id string, e *cachedResult, page int) (string, *inlineKeyboard) {
	per := b.cfg.Answers.PerMessage
	all := e.result.Answers
	from, to := page*per, min(len(all), page*per+per)
	parts := make([]string, 0, to-from)
	for i := from; i < to; i++ {
		num := 0
		if per > 1 {
			num = i + 1
		}
		parts = append(parts, renderAnswer(all[i], num))
	}
	var buttons []inlineButton
	for i := from; i < to; i++ {
		if all[i].ReportID == "" {
			continue
		}
		label := buttonOriginal
		if to-from > 1 {
			label = fmt.Sprintf("%s %d", buttonOriginal, i+1)
		}
		buttons = append(buttons, inlineButton{Text: label, CallbackData: originalData(id, i)})
	}
	if page+1 < b.pages(e) {
		buttons = append(buttons, inlineButton{Text: buttonMore, CallbackData: pageData(id, page+1)})
	}
	kb := &inlineKeyboard{}
	kb.row(buttons...)
	if b.learn.on() {
		kb.row(voteRow(id, page)...)
	}
	html := strings.Join(parts, "\n\n")
	if h := e.result.Within; h != "" {
		html = renderWithin(h) + "\n\n" + html
	}
	return html, kb
}
