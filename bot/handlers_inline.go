package bot

import (
	"context"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"planbot/answers"
)

const (
	maxInlineResults = 5
	inlineCacheTime  = 60 // seconds Telegram may cache an inline answer
	// inlineWithinTimeout bounds the asks within the headings offered for
	// an inline question not answered, all of them together, and within
	// what is left of inlineTimeout; with less than inlineWithinLeast left
	// none is asked.
	inlineWithinTimeout = 2 * time.Second
	inlineWithinLeast   = 300 * time.Millisecond
)

// onInline answers an inline query with up to five articles, each of which
// sends the full formatted answer.
func (b *Bot) onInline(ctx context.Context, log *slog.Logger, q *models.InlineQuery) {
	start := time.Now()
	if q.From != nil {
		log = log.With("user_id", q.From.ID)
	}
	question := cleanQuestion(q.Query)
	cacheTime := inlineCacheTime
	var results []models.InlineQueryResult
	limited := false
	if question != "" && q.From != nil && !b.isAdmin(q.From.ID) {
		ok, _ := b.inline.allow(q.From.ID)
		limited = !ok
	}
	switch {
	case limited:
		log.Info("inline query rate limited")
		cacheTime = 1
		results = []models.InlineQueryResult{article("limited", textTooFast, question, esc(textTooFast))}
	case question == "":
		results = []models.InlineQueryResult{article("hint", "请输入问题", "例如："+examples[0], renderInlineHint(b.me.Username))}
	default:
		res, err := b.query(ctx, log, question, scope{}, maxInlineResults, inlineTimeout)
		switch {
		case err != nil:
			cacheTime = 1 // do not let Telegram keep the error
			results = []models.InlineQueryResult{article("error", textError, question, esc(textError))}
		case len(res.Answers) == 0:
			closest := nonEmpty(res.Closest, maxClosest)
			desc := "换个说法试试"
			if len(closest) > 0 {
				desc = "相近章节：" + strings.Join(closest, "；")
			}
			results = []models.InlineQueryResult{article("none", "报告中没有涉及这个问题", desc, renderInlineNone(question, closest))}
			results = append(results, b.inlineWithin(ctx, log, question, res.Report, closest, start.Add(inlineTimeout))...)
		default:
			und := understood(&res)
			voteID := "" // the answers' 👍 / 👎 buttons vote under this id
			if b.learn.on() {
				voteID = b.learn.inline.put(&cachedResult{chatType: "inline", question: question, result: res, und: und})
			}
			for i, a := range res.Answers {
				desc := a.Section
				if desc == "" {
					desc = a.Report
				}
				title := figureTitle(a)
				if title == "" {
					title = "答案"
				}
				art := article(strconv.Itoa(i), title, desc, renderInlineAnswer(question, a, ""))
				if voteID != "" {
					art.ReplyMarkup = markup(voteKeyboard(voteID, i))
				}
				results = append(results, art)
			}
		}
	}
	err := b.send.do(ctx, 0, "answerInlineQuery", func(ctx context.Context, _ int64) error {
		_, err := b.tg.AnswerInlineQuery(ctx, &bot.AnswerInlineQueryParams{
			InlineQueryID: q.ID,
			Results:       results,
			CacheTime:     cacheTime,
			IsPersonal:    false,
		})
		return err
	})
	if err != nil {
		log.Error("answer inline query", "err", err)
	}
}

// inlineWithin offers, after "not covered", what each heading offered
// says nearest to the question: the question asked again within it, as
// pressing the heading's button does in a chat (one article a heading
// whose section has a sentence on it; none when the asker cannot ask
// within a section).
func (b *Bot) inlineWithin(ctx context.Context, log *slog.Logger, question, reportID string, headings []string, deadline time.Time) []models.InlineQueryResult {
	budget := min(time.Until(deadline), inlineWithinTimeout)
	if _, ok := b.asker.(SectionAsker); !ok || reportID == "" || budget < inlineWithinLeast {
		return nil // "not covered" alone rather than late
	}
	ctx, cancel := context.WithTimeout(ctx, budget) // for all of them
	defer cancel()
	var out []models.InlineQueryResult
	for k, h := range headings[:min(len(headings), maxInlineResults-1)] {
		res, err := b.query(ctx, log, question, scope{reportID, h}, 1, budget)
		if err != nil || len(res.Answers) == 0 {
			continue
		}
		a := res.Answers[0]
		desc := a.Text
		if a.Note != "" {
			desc = noteText(a) + "。" + desc // what the sentence lacks, before it is chosen
		}
		art := article("w"+strconv.Itoa(k), "「"+h+"」中最相关的内容", desc, renderInlineAnswer(question, a, h))
		if b.learn.on() {
			voteID := b.learn.inline.put(&cachedResult{chatType: "inline", question: question, result: res, und: understood(&res)})
			art.ReplyMarkup = markup(voteKeyboard(voteID, 0))
		}
		out = append(out, art)
	}
	return out
}

// article is an inline result that sends html.
func article(id, title, description, html string) *models.InlineQueryResultArticle {
	parts := splitHTML(html, maxMessageUnits)
	if len(parts) == 0 {
		parts = []string{esc(title)}
	}
	return &models.InlineQueryResultArticle{
		ID:          id,
		Title:       truncateRunes(title, 60),
		Description: truncateRunes(description, 120),
		InputMessageContent: &models.InputTextMessageContent{
			MessageText:        parts[0],
			ParseMode:          models.ParseModeHTML,
			LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: bot.True()},
		},
	}
}

// renderInlineAnswer is the message an inline answer sends: the question,
// then the formatted answer, found within the section under heading when
// that is set.
func renderInlineAnswer(question string, a answers.Answer, within string) string {
	head := "问：" + esc(question) + "\n\n"
	if within != "" {
		head += renderWithin(within) + "\n\n"
	}
	return head + renderAnswer(a, 0)
}

// renderInlineNone is the message sent for a question the reports do not
// answer.
func renderInlineNone(question string, closest []string) string {
	var sb strings.Builder
	sb.WriteString("问：")
	sb.WriteString(esc(question))
	sb.WriteString("\n\n")
	sb.WriteString(textNoAnswer)
	if len(closest) > 0 {
		sb.WriteString("\n")
		sb.WriteString(textTryHeadings)
		for _, h := range closest {
			sb.WriteString("\n· ")
			sb.WriteString(esc(h))
		}
	}
	return sb.String()
}

// renderInlineHint is sent by the hint offered for an empty inline query.
func renderInlineHint(username string) string {
	return "在输入框中输入 <code>@" + esc(username) + " 问题</code>，例如 <code>@" + esc(username) + " " + esc(examples[0]) + "</code>"
}
