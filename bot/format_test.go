package bot

import (
	"strings"
	"testing"

	"planbot/answers"
	"planbot/bot/telegramtest"
)

func TestEsc(t *testing.T) {
	cases := map[string]string{
		`a<b>&"c'`:  `a&lt;b&gt;&amp;&quot;c'`,
		"增长8%左右":    "增长8%左右",
		"bad\xffut": "bad\uFFFDut",
	}
	for in, want := range cases {
		if got := esc(in); got != want {
			t.Errorf("esc(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkFigures(t *testing.T) {
	s := farmSentence
	cases := []struct {
		name  string
		marks []answers.Span
		want  string
	}{
		{"none", nil, s},
		{"two, unsorted", []answers.Span{spanOf(s, "2000亩"), spanOf(s, "4万亩")}, "积极争取<b>4万亩</b>高标准农田建设和<b>2000亩</b>盐碱地综合治理改造。"},
		{"overlapping ignored", []answers.Span{spanOf(s, "4万亩"), {Start: spanOf(s, "万亩").Start, End: spanOf(s, "万亩").End}}, "积极争取<b>4万亩</b>高标准农田建设和2000亩盐碱地综合治理改造。"},
		{"mid-character ignored", []answers.Span{{Start: 1, End: 4}}, s},
		{"out of range ignored", []answers.Span{{Start: 0, End: len(s) + 1}, {Start: 5, End: 5}}, s},
	}
	for _, c := range cases {
		if got := markFigures(s, c.marks); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	if got := markFigures("a<b", []answers.Span{{Start: 1, End: 2}}); got != "a<b>&lt;</b>b" {
		t.Errorf("escaped mark = %q", got)
	}
}

// Every part of a split is at most the limit, valid Telegram HTML on its
// own, and together the parts show the whole text.
func TestSplitHTML(t *testing.T) {
	long := strings.Repeat("第一句话很长，有<b>数字 100%</b>和&amp;符号。", 200)
	cases := []struct {
		name  string
		html  string
		limit int
	}{
		{"short", "<b>短</b>文本", 100},
		{"sentences", long, 500},
		{"lines", strings.Repeat("一行文字\n", 300), 100},
		{"no break at all", "<i>" + strings.Repeat("字", 1000) + "</i>", 128},
		{"nested tags", "<u>" + strings.Repeat("前<b>加粗</b>后。", 100) + "</u>", 64},
		{"emoji", strings.Repeat("😀", 300), 101},
		{"real limit", renderAnswer(answers.Answer{Text: longText(), Section: "节", Report: "报告"}, 0), maxMessageUnits},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			parts := splitHTML(c.html, c.limit)
			wantPlain, _, err := telegramtest.ParseHTML(c.html)
			if err != nil {
				t.Fatal(err)
			}
			var all strings.Builder
			for i, p := range parts {
				plain, _, err := telegramtest.ParseHTML(p)
				if err != nil {
					t.Fatalf("part %d invalid: %v: %q", i, err, p)
				}
				if n := telegramtest.UTF16Len(plain); n > c.limit {
					t.Errorf("part %d has %d units > %d", i, n, c.limit)
				}
				all.WriteString(plain)
			}
			if all.String() != wantPlain {
				t.Errorf("parts do not add up to the text")
			}
		})
	}
	if parts := splitHTML(" \n ", 10); len(parts) != 0 {
		t.Errorf("blank text split into %q", parts)
	}
}

func TestRenderParagraph(t *testing.T) {
	a := farmAnswers()[0]
	got := renderParagraph(a, farmParagraph)
	want := "<b>原文</b>\n抓好粮食生产。<u>积极争取<b>4万亩</b>高标准农田建设和<b>2000亩</b>盐碱地综合治理改造。</u>推进设施农业。\n<i>" + farmSection + "</i>\n——《" + farmReport + "》"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestFigureTitle(t *testing.T) {
	a := farmAnswers()
	if got := figureTitle(a[0]); got != "4万亩" {
		t.Errorf("title = %q", got)
	}
	if got := figureTitle(answers.Answer{Text: strings.Repeat("长", 40)}); got != strings.Repeat("长", 29)+"…" {
		t.Errorf("title = %q", got)
	}
}

func TestRenderNoAnswerSaysWhy(t *testing.T) {
	tests := []struct {
		note    string
		closest []string
		want    string
	}{
		{"", nil, textNoAnswer},
		{"报告没有涉及<昆都仑区>", nil, "报告没有涉及&lt;昆都仑区&gt;，" + textNoAnswer},
		{"", []string{"三是巩固农牧业基础"}, textNoAnswer + "\n" + textTryHeadings},
	}
	for _, tt := range tests {
		if got := renderNoAnswer(tt.note, tt.closest); got != tt.want {
			t.Errorf("renderNoAnswer(%q, %v) = %q, want %q", tt.note, tt.closest, got, tt.want)
		}
	}
}
