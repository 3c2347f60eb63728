package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"planbot/answers"
	"planbot/bot/feedback"
)

// Callback data of the feedback buttons, at most 64 bytes like the others
// (see callbacks.go): a kind, the id of a cached result and a page of its
// answers (an answer's number for an inline answer).
//
//	u:<id>:<page>      👍
//	d:<id>:<page>      👎, which asks for a reason
//	w:<id>:<page>:<r>  the reason r (feedback.Reasons[r]) of a 👎
//	b:<id>:<page>      back to the answer without a reason
//	f:<page>           a page of /feedback (admins only)
const (
	kindUp       = "u"
	kindDown     = "d"
	kindWhy      = "w"
	kindBack     = "b"
	kindFeedback = "f"
)

// User-facing texts of the feedback.
const (
	buttonUp          = "👍"
	buttonDown        = "👎"
	textAskReason     = "👎 哪里不对？请选一项："
	textThanksUp      = "谢谢！已记下 👍"
	textThanksDown    = "已记下 👎"
	textThanksReason  = "已记下：%s。谢谢反馈！"
	textVoteChanged   = "已改为 "
	textVoteTooFast   = "操作太频繁了，请稍后再试"
	textFeedbackError = "没能记下，请稍后再试"
)

func voteData(kind, id string, page int) string { return kind + ":" + id + ":" + strconv.Itoa(page) }
func whyData(id string, page, reason int) string {
	return kindWhy + ":" + id + ":" + strconv.Itoa(page) + ":" + strconv.Itoa(reason)
}
func feedbackPageData(page int) string { return kindFeedback + ":" + strconv.Itoa(page) }

// vote is parsed feedback callback data.
type vote struct {
	kind   string
	id     string // the cached result
	page   int
	reason int // for kindWhy
}

// parseVote reads feedback callback data; ok is false for anything else,
// including data this bot did not write.
func parseVote(data string) (v vote, ok bool) {
	parts := strings.Split(data, ":")
	num := func(s string, max int) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil && n >= 0 && n < max && strconv.Itoa(n) == s
	}
	switch {
	case len(parts) == 2 && parts[0] == kindFeedback:
		if v.page, ok = num(parts[1], 1000); !ok {
			return vote{}, false
		}
		v.kind = kindFeedback
		return v, true
	case len(parts) == 3 && (parts[0] == kindUp || parts[0] == kindDown || parts[0] == kindBack),
		len(parts) == 4 && parts[0] == kindWhy:
		if len(parts[1]) != idLen {
			return vote{}, false
		}
		v.kind, v.id = parts[0], parts[1]
		if v.page, ok = num(parts[2], 100); !ok {
			return vote{}, false
		}
		if v.kind == kindWhy {
			if v.reason, ok = num(parts[3], len(feedback.Reasons)); !ok {
				return vote{}, false
			}
		}
		return v, true
	}
	return vote{}, false
}

// voteKeyboard is a keyboard of voteRow alone: an inline answer's.
func voteKeyboard(id string, page int) *inlineKeyboard {
	kb := &inlineKeyboard{}
	kb.row(voteRow(id, page)...)
	return kb
}

// voteRow is the row of 👍 / 👎 buttons under page of the result id.
func voteRow(id string, page int) []inlineButton {
	return []inlineButton{
		{Text: buttonUp, CallbackData: voteData(kindUp, id, page)},
		{Text: buttonDown, CallbackData: voteData(kindDown, id, page)},
	}
}

// reasonKeyboard offers the reasons of a 👎, and a way back.
func reasonKeyboard(id string, page int) *inlineKeyboard {
	kb := &inlineKeyboard{}
	var row []inlineButton
	for i, r := range feedback.Reasons {
		row = append(row, inlineButton{Text: r.Label(), CallbackData: whyData(id, page, i)})
		if len(row) == 2 {
			kb.row(row...)
			row = nil
		}
	}
	kb.row(row...)
	kb.row(inlineButton{Text: buttonBack, CallbackData: voteData(kindBack, id, page)})
	return kb
}

// understanding is how a question was understood, as the log keeps it.
type understanding struct {
	report, intent, note string
	topics               []string
}

// understood takes how res's question was understood from its trace and
// drops the trace, which is not kept with a cached result.
func understood(res *answers.Result) understanding {
	u := understanding{note: res.Note}
	if t := res.Trace; t != nil {
		u.report, u.intent = t.Report, t.Understood
		for _, topic := range t.Topics {
			words, _, _ := strings.Cut(topic, " (") // 高标准农田|农田 (0.83; …)
			u.topics = append(u.topics, words)
		}
	}
	if u.report == "" && len(res.Answers) > 0 {
		u.report = res.Answers[0].ReportID
	}
	res.Trace = nil
	return u
}

// entry is the log entry of e about its answers from..to.
func (e *cachedResult) entry(kind feedback.Kind, from, to int) feedback.Entry {
	en := feedback.Entry{Kind: kind, Question: e.question, ChatType: e.chatType,
		Report: e.und.report, Intent: e.und.intent, Topics: e.und.topics, Note: e.und.note, Within: e.result.Within}
	all := e.result.Answers
	for i := from; i < to && i < len(all); i++ {
		a := all[i]
		en.Answers = append(en.Answers, feedback.Shown{Text: a.Text, Section: a.Section, Report: a.Report, ReportID: a.ReportID, Score: a.Score})
	}
	return en
}

// logUnanswered writes a question the bot could not answer to the log.
func (b *Bot) logUnanswered(log *slog.Logger, e *cachedResult) {
	if !b.learn.on() || len(e.result.Answers) > 0 || e.result.Within != "" || strings.TrimSpace(e.question) == "" {
		return // asked again within a section offered: logged the first time
	}
	if _, err := b.learn.rec.Record(e.entry(feedback.KindUnanswered, 0, 0)); err != nil {
		log.Error("log unanswered question", "err", err)
	}
}

// onVoteCallback handles the presses of the feedback buttons, and reports
// whether q was one. Every press is answered; a stale or forged one only
// with textExpired, and nothing is written.
func (b *Bot) onVoteCallback(ctx context.Context, log *slog.Logger, cb *callbackAnswer, q *models.CallbackQuery) bool {
	v, ok := parseVote(q.Data)
	if !ok {
		return false
	}
	if v.kind == kindFeedback {
		b.onFeedbackPage(ctx, log, cb, q, v.page)
		return true
	}
	if !b.learn.on() {
		cb.send(textExpired)
		return true
	}
	var (
		e        *cachedResult
		from, to int // the answers the message shows
		view     func(html string, kb *inlineKeyboard)
		shown    func() (string, *inlineKeyboard)
		found    bool
		inlineID = q.InlineMessageID
	)
	if inlineID != "" {
		log = log.With("inline_message_id", inlineID)
		if e, found = b.learn.inline.get(v.id); !found || v.page >= len(e.result.Answers) {
			log.Info("vote for an expired or unknown inline answer")
			cb.send(textExpired)
			return true
		}
		from, to = v.page, v.page+1
		shown = func() (string, *inlineKeyboard) {
			return renderInlineAnswer(e.question, e.result.Answers[v.page], e.result.Within), voteKeyboard(v.id, v.page)
		}
		view = func(html string, kb *inlineKeyboard) {
			if err := b.editInline(ctx, inlineID, html, kb); err != nil {
				log.Error("edit inline message", "err", err)
			}
		}
	} else {
		msg := q.Message.Message
		if msg == nil {
			log.Info("vote refused: no message")
			cb.send(textExpired)
			return true
		}
		log = log.With("chat_id", msg.Chat.ID, "message_id", msg.ID)
		if e, found = b.cache.get(v.id); !found {
			log.Info("vote for an expired result")
			cb.send(textExpired)
			return true
		}
		if b.send.resolve(e.chatID) != b.send.resolve(msg.Chat.ID) {
			log.Warn("vote for another chat's result", "result_chat_id", e.chatID)
			cb.send(textExpired)
			return true
		}
		if len(e.result.Answers) == 0 || v.page >= b.pages(e) {
			cb.send(textExpired)
			return true
		}
		per := b.cfg.Answers.PerMessage
		from, to = v.page*per, min(len(e.result.Answers), v.page*per+per)
		shown = func() (string, *inlineKeyboard) { return b.renderPage(v.id, e, v.page) }
		view = func(html string, kb *inlineKeyboard) {
			if !fitsOne(html) {
				return // a page sent in several messages: its buttons are on the last, which is not edited
			}
			if err := b.editHTML(ctx, msg.Chat.ID, msg.ID, html, kb); err != nil {
				log.Error("edit message", "err", err)
			}
		}
	}
	if v.kind == kindBack {
		cb.send("")
		view(shown())
		return true
	}
	if !b.isAdmin(q.From.ID) {
		if ok, _ := b.limits.allow(q.From.ID); !ok {
			log.Info("vote rate limited")
			cb.send(textVoteTooFast)
			return true
		}
	}
	en := e.entry(feedback.KindVote, from, to)
	en.User = b.learn.store.UserHash(q.From.ID)
	en.Ref = v.id + ":" + strconv.Itoa(v.page) + ":" + en.User
	if inlineID != "" {
		en.ChatType = "inline"
	}
	toast := ""
	switch v.kind {
	case kindUp:
		en.Vote, toast = feedback.Up, textThanksUp
	case kindDown:
		en.Vote, toast = feedback.Down, textThanksDown
	case kindWhy:
		r := feedback.Reasons[v.reason]
		en.Vote, en.Reason = feedback.Down, r
		toast = fmt.Sprintf(textThanksReason, r.Label())
	}
	replaced, err := b.learn.rec.Record(en)
	if err != nil {
		log.Error("record vote", "err", err)
		cb.send(textFeedbackError)
		return true
	}
	log.Info("vote recorded", "vote", en.Vote, "reason", en.Reason, "replaced", replaced)
	if replaced && v.kind != kindWhy {
		toast = textVoteChanged + string(map[feedback.Vote]string{feedback.Up: buttonUp, feedback.Down: buttonDown}[en.Vote])
	}
	cb.send(toast)
	switch v.kind {
	case kindDown:
		html, _ := shown()
		if prompt := html + "\n\n<i>" + esc(textAskReason) + "</i>"; fitsOne(prompt) {
			view(prompt, reasonKeyboard(v.id, v.page))
		}
	case kindWhy:
		view(shown())
	}
	return true
}

// fitsOne reports whether html fits in one message.
func fitsOne(html string) bool { return len(splitHTML(html, maxMessageUnits)) == 1 }

// editInline replaces the text and keyboard of a message sent through
// inline mode. Such a message has no chat the bot knows, so it is not
// paced by chat, and text too long for one message is cut.
func (b *Bot) editInline(ctx context.Context, inlineID, html string, kb *inlineKeyboard) error {
	parts := splitHTML(html, maxMessageUnits)
	if len(parts) == 0 {
		return nil
	}
	params := &bot.EditMessageTextParams{
		InlineMessageID:    inlineID,
		Text:               parts[0],
		ParseMode:          models.ParseModeHTML,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: bot.True()},
		ReplyMarkup:        markup(kb),
	}
	return b.send.do(ctx, 0, "editMessageText", func(ctx context.Context, _ int64) error {
		_, err := b.tg.EditMessageText(ctx, params)
		if notModified(err) || inlineEdited(err) {
			return nil
		}
		return err
	})
}

// inlineEdited reports the library's error for a successful edit of an
// inline message: Telegram answers true, not the message, which
// github.com/go-telegram/bot v1.19 cannot decode into one.
func inlineEdited(err error) bool {
	return err != nil && strings.Contains(err.Error(), "error decode response result for method editMessageText") &&
		strings.Contains(err.Error(), "cannot unmarshal bool")
}
