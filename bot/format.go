package bot

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"planbot/answers"
)

// User-facing texts.
const (
	textNoAnswer     = "报告中没有找到与此相关的内容。"
	textTryHeadings  = "可以看看这些章节："
	textError        = "出错了，请稍后再试"
	textTooFast      = "提问太频繁了，请稍后再试"
	textExpired      = "该答案已过期，请重新提问"
	textNotAdmin     = "抱歉，只有管理员可以更新报告。"
	textNotAdminList = "抱歉，只有管理员可以查看报告列表。"
	textPrivateOnly  = "管理命令请在与我的私聊中使用。"
	textBusy         = "正在更新，请稍候"
	textAskUsage     = "请在 /ask 后面写上问题，例如：<code>/ask 高标准农田目标是多少</code>"
	textTextOnly     = "请用文字提问，例如：<code>高标准农田目标是多少</code>"
	textNoParagraph  = "没有找到这段原文"
	buttonMore       = "更多答案"
	buttonOriginal   = "原文"
	buttonBack       = "返回答案"
)

// examples are offered by /start and /help as buttons that ask them.
var examples = []string{
	"高标准农田目标是多少",
	"地区生产总值增长多少",
	"城镇新增就业目标",
}

// htmlEscaper escapes text for Telegram's HTML parse mode, which knows only
// the entities &lt; &gt; &amp; and &quot; (html.EscapeString would also write
// &#39; and &#34;).
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// esc escapes s for Telegram HTML, replacing invalid UTF-8.
func esc(s string) string {
	return htmlEscaper.Replace(strings.ToValidUTF8(s, "\uFFFD"))
}

// markFigures escapes text and wraps the byte ranges marks in <b>. Marks
// that are out of range, overlapping or not on character boundaries are
// ignored.
func markFigures(text string, marks []answers.Span) string {
	spans := slices.Clone(marks)
	slices.SortFunc(spans, func(a, b answers.Span) int { return a.Start - b.Start })
	var sb strings.Builder
	pos := 0
	for _, m := range spans {
		if m.Start < pos || m.End <= m.Start || m.End > len(text) ||
			!boundary(text, m.Start) || !boundary(text, m.End) {
			continue
		}
		sb.WriteString(esc(text[pos:m.Start]))
		sb.WriteString("<b>")
		sb.WriteString(esc(text[m.Start:m.End]))
		sb.WriteString("</b>")
		pos = m.End
	}
	sb.WriteString(esc(text[pos:]))
	return sb.String()
}

// boundary reports whether byte offset i of s starts a character (or is the end).
func boundary(s string, i int) bool {
	return i == len(s) || (i >= 0 && i < len(s) && utf8.RuneStart(s[i]))
}

// renderAnswer formats one answer: the sentence with its figures in bold,
// the section path in italics, the report's title and the note if any.
// num > 0 numbers the answer.
func renderAnswer(a answers.Answer, num int) string {
	var sb strings.Builder
	if num > 0 {
		fmt.Fprintf(&sb, "%d. ", num)
	}
	sb.WriteString(markFigures(a.Text, a.Marks))
	writeSource(&sb, a)
	if a.Note != "" {
		sb.WriteString("\n")
		sb.WriteString(esc(noteText(a)))
	}
	return sb.String()
}

// noteText is what an answer's note says to the asker: 注：此句没有所问的数字.
func noteText(a answers.Answer) string { return "注：" + a.Note }

// writeSource appends the section path and the report's title.
func writeSource(sb *strings.Builder, a answers.Answer) {
	if a.Section != "" {
		sb.WriteString("\n<i>")
		sb.WriteString(esc(a.Section))
		sb.WriteString("</i>")
	}
	if a.Report != "" {
		sb.WriteString("\n——《")
		sb.WriteString(esc(a.Report))
		sb.WriteString("》")
	}
}

// renderParagraph formats the paragraph a answers from, with the answer's
// sentence underlined and its figures in bold when it can be found.
func renderParagraph(a answers.Answer, paragraph string) string {
	var sb strings.Builder
	sb.WriteString("<b>原文</b>\n")
	if i := strings.Index(paragraph, a.Text); a.Text != "" && i >= 0 {
		end := i + len(a.Text)
		sb.WriteString(esc(paragraph[:i]))
		sb.WriteString("<u>")
		sb.WriteString(markFigures(a.Text, a.Marks))
		sb.WriteString("</u>")
		sb.WriteString(esc(paragraph[end:]))
	} else {
		sb.WriteString(esc(paragraph))
	}
	writeSource(&sb, a)
	return sb.String()
}

// renderNoAnswer formats the reply for a question the reports do not answer.
func renderNoAnswer(note string, closest []string) string {
	text := textNoAnswer
	if note != "" { // why: 报告没有涉及昆都仑区
		text = esc(note) + "，" + text
	}
	if len(closest) == 0 {
		return text
	}
	return text + "\n" + textTryHeadings
}

// renderWithin heads the answers found within a section the asker picked:
// the report does not answer the question itself, so they are offered as
// what the section says nearest to it.
func renderWithin(heading string) string {
	return "在「" + esc(heading) + "」中，与问题最相关的是："
}

// renderNoneWithin is the reply when the section picked says nothing near
// the question.
func renderNoneWithin(heading string) string {
	return "「" + esc(heading) + "」中也没有找到能回答这个问题的句子。"
}

// renderHelp is the reply to /start and /help.
func renderHelp(username string) string {
	var sb strings.Builder
	sb.WriteString("你好！我回答关于政府规划报告的问题，给出报告原句和所在章节。\n\n")
	sb.WriteString("私聊直接发送问题，例如：<code>")
	sb.WriteString(esc(examples[0]))
	sb.WriteString("</code>\n")
	sb.WriteString("群组中请用 <code>/ask ")
	sb.WriteString(esc(examples[0]))
	sb.WriteString("</code>，或 @")
	sb.WriteString(esc(username))
	sb.WriteString(" 加问题，或回复我的消息。\n")
	sb.WriteString("在任意聊天输入 <code>@")
	sb.WriteString(esc(username))
	sb.WriteString(" 问题</code> 可使用内联模式。\n\n")
	sb.WriteString("点下面的按钮试试：")
	return sb.String()
}

// renderReports lists the reports for /reports.
func renderReports(reports []ReportInfo) string {
	if len(reports) == 0 {
		return "还没有报告。把报告文件（PDF、Word、WPS、网页或 txt）发给我即可添加。"
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "共 %d 份报告：\n", len(reports))
	for i, r := range reports {
		fmt.Fprintf(&sb, "\n%d. 《%s》\n<code>%s</code>", i+1, esc(r.Title), esc(r.ID))
		if r.Region != "" {
			sb.WriteString(" · ")
			sb.WriteString(esc(r.Region))
		}
		if r.ReviewYear > 0 {
			fmt.Fprintf(&sb, " · 回顾 %d", r.ReviewYear)
		}
		if r.PlanYear > 0 {
			fmt.Fprintf(&sb, " · 计划 %d", r.PlanYear)
		}
		fmt.Fprintf(&sb, " · %d 句 · %d 个数字", r.Sentences, r.Figures)
	}
	return sb.String()
}

// renderDone is the last progress text of an admin operation.
func renderDone(s Stats) string {
	return fmt.Sprintf("完成: %d 句, %d 个数字", s.Sentences, s.Figures)
}

// stageText turns a progress stage into the text shown, e.g. "索引" → "索引…".
func stageText(stage string) string {
	stage = strings.TrimSpace(stage)
	if strings.HasSuffix(stage, "…") || strings.HasSuffix(stage, "...") {
		return stage
	}
	return stage + "…"
}

// figureTitle is an inline result's title: the answer's first figure, or the
// start of its sentence.
func figureTitle(a answers.Answer) string {
	for _, m := range a.Marks {
		if m.Start >= 0 && m.End <= len(a.Text) && m.Start < m.End && boundary(a.Text, m.Start) && boundary(a.Text, m.End) {
			return a.Text[m.Start:m.End]
		}
	}
	return truncateRunes(a.Text, 30)
}

// truncateRunes shortens s to at most n characters, marking the cut with "…".
func truncateRunes(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// oneLine collapses whitespace (newlines included) to single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
