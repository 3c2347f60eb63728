package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse: any text parses into a report or ErrNotReport, never a panic,
// and every sentence's figures lie inside it.
func FuzzParse(f *testing.F) {
	seed, err := os.ReadFile("../../seeds/jiuyuan_2025_plan_report.txt")
	if err != nil {
		f.Fatal(err)
	}
	lines := strings.Split(string(seed), "\n")
	f.Add(string(seed))
	for i := 0; i+8 < len(lines); i += 8 {
		f.Add(strings.Join(lines[i:i+8], "\n"))
	}
	reports, _ := filepath.Glob("../testdata/reports/*.txt")
	for _, r := range reports {
		b, _ := os.ReadFile(r)
		f.Add(string(b[:min(len(b), 4000)]))
	}
	for _, s := range []string{"", "\n\n\n", "一、", "（一）", "一是。", "——", "|||\n|\n|", "附件\n| a |\n| 1 |\n| 2 |", "各位代表：\n\xff\xfe", "1.2.3.4%%%亿元"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r, err := Parse(Meta{ID: "fuzz"}, text)
		if err != nil {
			return
		}
		for _, s := range r.Sentences {
			if s.Text == "" {
				t.Errorf("empty sentence %d", s.ID)
			}
			if utf8.ValidString(text) && !utf8.ValidString(s.Text) {
				t.Errorf("sentence %d is not valid UTF-8: %q", s.ID, s.Text)
			}
			for _, fig := range s.Figures {
				if fig.Start < 0 || fig.End > len(s.Text) || fig.Start >= fig.End || s.Text[fig.Start:fig.End] != fig.Text {
					t.Errorf("figure %+v outside sentence %q", fig, s.Text)
				}
			}
			if s.Para >= len(r.Paragraphs) || s.Row >= len(r.Rows) {
				t.Errorf("sentence %d points outside the report", s.ID)
			}
		}
	})
}
