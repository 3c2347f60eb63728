package bot

import (
	"testing"
	"unicode/utf8"

	"planbot/answers"
	"planbot/bot/telegramtest"
)

// FuzzRender: whatever text an answer holds (report text is arbitrary),
// the HTML the bot sends parses as Telegram parses it, and every part of a
// split message is within Telegram's 4096 units.
func FuzzRender(f *testing.F) {
	f.Add("积极争取4万亩高标准农田建设和2000亩盐碱地综合治理改造。", 12, 19, "二、2025年 › 三是巩固农牧业基础", "九原区报告", "注")
	f.Add("<b>&amp;</b> & < > \" '", 0, 3, "<i>", "&lt;", "")
	f.Add("😀😀😀", 1, 3, "", "", "")
	f.Add(string(make([]byte, 5000)), 0, 4000, "x", "y", "z")
	f.Fuzz(func(t *testing.T, text string, start, end int, section, report, note string) {
		if !utf8.ValidString(text) || !utf8.ValidString(section) || !utf8.ValidString(report) || !utf8.ValidString(note) {
			return // texts come from Go strings built from decoded reports
		}
		a := answers.Answer{Text: text, Section: section, Report: report, Note: note,
			Marks: []answers.Span{{Start: start, End: end}}}
		for _, html := range []string{renderAnswer(a, 1), renderParagraph(a, text+text), renderNoAnswer(note, []string{section})} {
			for _, part := range splitHTML(html, maxMessageUnits) {
				plain, _, err := telegramtest.ParseHTML(part)
				if err != nil {
					t.Fatalf("bad HTML %q: %v", part, err)
				}
				if n := telegramtest.UTF16Len(plain); n > maxMessageUnits {
					t.Fatalf("part of %d units > %d", n, maxMessageUnits)
				}
			}
		}
	})
}
