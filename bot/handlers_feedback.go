package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"

	"planbot/bot/feedback"
)

// feedbackPageSize is how many questions a page of /feedback lists.
const feedbackPageSize = 8

// digestSize is how many questions the daily digest lists.
const digestSize = 10

const (
	textNoFeedbackLog    = "没有反馈记录：机器人没有数据目录（data_dir）。"
	textNotAdminFeedback = "抱歉，只有管理员可以查看反馈。"
	buttonPrev           = "« 上一页"
	buttonNext           = "下一页 »"
	buttonAllFeedback    = "查看全部反馈"
)

// onFeedback answers an admin's /feedback with the first page.
func (b *Bot) onFeedback(ctx context.Context, log *slog.Logger, to target) {
	if !b.learn.on() {
		b.reply(ctx, log, to, textNoFeedbackLog)
		return
	}
	html, kb, err := b.feedbackPage(0)
	if err != nil {
		log.Error("read feedback", "err", err)
		b.reply(ctx, log, to, textError)
		return
	}
	if _, err := b.sendHTML(ctx, to, html, kb); err != nil {
		log.Error("send feedback", "err", err)
	}
}

// onFeedbackPage shows another page of /feedback in its message: for an
// admin, in their private chat only.
func (b *Bot) onFeedbackPage(ctx context.Context, log *slog.Logger, cb *callbackAnswer, q *models.CallbackQuery, page int) {
	msg := q.Message.Message
	if msg == nil || msg.Chat.Type != models.ChatTypePrivate || msg.Chat.ID != q.From.ID || !b.isAdmin(q.From.ID) || !b.learn.on() {
		log.Warn("feedback page refused")
		cb.send(textExpired)
		return
	}
	html, kb, err := b.feedbackPage(page)
	if err != nil {
		log.Error("read feedback", "err", err)
		cb.send(textError)
		return
	}
	b.finishEdit(ctx, log, cb, msg, html, kb)
}

// feedbackPage renders page (from 0) of the log's 👎 and unanswered
// questions, with the buttons to the pages beside it. A page past the
// last (the log changed) shows the last.
func (b *Bot) feedbackPage(page int) (string, *inlineKeyboard, error) {
	entries, err := b.learn.store.List(time.Time{})
	if err != nil {
		return "", nil, err
	}
	s := feedback.Summarize(entries)
	pages := max(1, (len(s.Groups)+feedbackPageSize-1)/feedbackPageSize)
	page = min(page, pages-1)
	var sb strings.Builder
	fmt.Fprintf(&sb, "<b>反馈</b>（最近 %s）：👍 %d · 👎 %d · 没答上 %d\n", esc(ageText(b.learn.store.Retention())), s.Up, s.Down, s.Unanswered)
	if len(s.Groups) == 0 {
		sb.WriteString("没有 👎，也没有没答上的问题。")
		return sb.String(), nil, nil
	}
	fmt.Fprintf(&sb, "要看的问题 %d 个，最近的在前（第 %d/%d 页）：", len(s.Groups), page+1, pages)
	from := page * feedbackPageSize
	writeGroups(&sb, s.Groups[from:min(len(s.Groups), from+feedbackPageSize)], from)
	kb := &inlineKeyboard{}
	var nav []inlineButton
	if page > 0 {
		nav = append(nav, inlineButton{Text: buttonPrev, CallbackData: feedbackPageData(page - 1)})
	}
	if page+1 < pages {
		nav = append(nav, inlineButton{Text: buttonNext, CallbackData: feedbackPageData(page + 1)})
	}
	kb.row(nav...)
	return sb.String(), kb, nil
}

// writeGroups lists groups, numbered from first+1: the question, how
// often and why, how it was understood and the answer voted down.
func writeGroups(sb *strings.Builder, groups []feedback.Group, first int) {
	for i, g := range groups {
		fmt.Fprintf(sb, "\n\n%d. <b>%s</b>\n%s · %s", first+i+1, esc(truncateRunes(g.Question, 100)), esc(g.Counts()), g.Last.Local().Format("1月2日 15:04"))
		var und []string
		if g.Report != "" {
			und = append(und, "报告 "+g.Report)
		}
		if g.Intent != "" {
			und = append(und, g.Intent)
		}
		if len(g.Topics) > 0 {
			und = append(und, "话题 "+strings.Join(g.Topics, "、"))
		}
		if len(und) > 0 {
			sb.WriteString("\n<i>理解：" + esc(truncateRunes(strings.Join(und, " · "), 160)) + "</i>")
		}
		if g.Note != "" {
			sb.WriteString("\n说明：" + esc(g.Note))
		}
		if g.Answer != "" {
			sb.WriteString("\n答：" + esc(truncateRunes(g.Answer, 80)))
		}
		if g.Found != "" {
			sb.WriteString("\n在章节中找到 👍：" + esc(truncateRunes(g.Found, 100)))
		}
	}
}

// ageText writes a retention for people: 90 天, 36 小时.
func ageText(d time.Duration) string {
	if d%(24*time.Hour) == 0 {
		return fmt.Sprintf("%d 天", d/(24*time.Hour))
	}
	return fmt.Sprintf("%d 小时", d/time.Hour)
}

// runDigest sends the admins, each day at the configured time, the day's
// 👎 and unanswered questions, until ctx is done. A day with nothing new
// sends nothing.
func (b *Bot) runDigest(ctx context.Context) {
	at := b.learn.digest
	if at == nil || !b.learn.on() || len(b.cfg.Admins) == 0 {
		return
	}
	for {
		now := b.learn.clock.Now()
		next := at.next(now)
		select {
		case <-ctx.Done():
			return
		case <-b.learn.clock.After(next.Sub(now)):
		}
		recovered(b.log, func() { b.sendDigest(ctx, next.Add(-24*time.Hour)) })
	}
}

// sendDigest sends each admin what the log holds since since.
func (b *Bot) sendDigest(ctx context.Context, since time.Time) {
	log := b.log.With("digest_since", since)
	entries, err := b.learn.store.List(since)
	if err != nil {
		log.Error("digest: read feedback", "err", err)
		return
	}
	s := feedback.Summarize(entries)
	if s.Up+s.Down+s.Unanswered == 0 {
		log.Info("digest: nothing new")
		return
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "<b>每日反馈</b>（%s 起）：👍 %d · 👎 %d · 没答上 %d", since.Local().Format("1月2日 15:04"), s.Up, s.Down, s.Unanswered)
	writeGroups(&sb, s.Groups[:min(len(s.Groups), digestSize)], 0)
	if n := len(s.Groups) - digestSize; n > 0 {
		fmt.Fprintf(&sb, "\n\n还有 %d 个问题，见 /feedback", n)
	}
	kb := &inlineKeyboard{}
	kb.row(inlineButton{Text: buttonAllFeedback, CallbackData: feedbackPageData(0)})
	for _, id := range b.cfg.Admins {
		if _, err := b.sendHTML(ctx, target{chatID: id, chatType: string(models.ChatTypePrivate)}, sb.String(), kb); err != nil {
			log.Warn("digest not sent", "admin", id, "err", err)
			continue
		}
		log.Info("digest sent", "admin", id, "groups", len(s.Groups))
	}
}
