package answers

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planbot/index"
	"planbot/index/report"
)

// engineOnMany serves the seed, a made-up 九原区 report of the year before
// (the seed with its years shifted back), and two real reports of other
// places, with 九原区 as the default region.
func engineOnMany(t *testing.T) *Engine {
	t.Helper()
	seeds := t.TempDir()
	seed, err := os.ReadFile("../seeds/jiuyuan_2025_plan_report.txt")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(seeds, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("jiuyuan_2025.txt", seed)
	older := strings.NewReplacer("2025", "2024", "2024", "2023", "368.7亿元", "341.2亿元", "8%左右", "7.5%左右").Replace(string(seed))
	write("jiuyuan_2024.txt", []byte(older))
	for _, f := range []string{"beijing_2026_gwr.txt", "guowuyuan_2024_gwr.txt"} {
		b, err := os.ReadFile(filepath.Join("../index/testdata/reports", f))
		if err != nil {
			t.Fatal(err)
		}
		write(f, b)
	}
	e, err := Open(context.Background(), Setup{DataDir: t.TempDir(), SeedsDir: seeds, DefaultRegion: "九原区", Build: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

func TestChoosesTheReport(t *testing.T) {
	e := engineOnMany(t)
	tests := []struct {
		q, report, want string // want "" means no answer
	}{
		{"高标准农田目标是多少", "jiuyuan_2025", "4万亩"},
		{"2023年地区生产总值是多少", "jiuyuan_2024", "341.2亿元"}, // the report that reviews 2023
		{"2024年地区生产总值是多少", "jiuyuan_2025", "368.7亿元"},
		{"北京今年地区生产总值增长目标", "beijing_2026_gwr", "5%左右"},
		{"全国今年国内生产总值增长目标是多少", "guowuyuan_2024_gwr", "5%左右"},
		{"上海去年GDP多少", "", ""},
		{"开车回县城看了看，高标准农田目标是多少", "jiuyuan_2025", "4万亩"}, // 开车回县 only ends like a place
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res, err := e.Ask(context.Background(), tt.q, Options{})
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tt.want == "" && len(res.Answers) > 0:
				t.Fatalf("answered %q from %s, want no answer", res.Answers[0].Text, res.Answers[0].ReportID)
			case tt.want == "":
				return
			case len(res.Answers) == 0:
				t.Fatalf("no answer (%s)", res.Note)
			}
			a := res.Answers[0]
			if a.ReportID != tt.report || !strings.Contains(a.Text, tt.want) {
				t.Errorf("answered %q from %s, want %q from %s", a.Text, a.ReportID, tt.want, tt.report)
			}
		})
	}
}

func TestAcrossYears(t *testing.T) {
	e := engineOnMany(t)
	res, err := e.Ask(context.Background(), "历年地区生产总值是多少", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range res.Answers {
		got = append(got, a.ReportID+": "+a.Text)
	}
	if len(res.Answers) != 2 || res.Answers[0].ReportID != "jiuyuan_2024" || res.Answers[1].ReportID != "jiuyuan_2025" ||
		!strings.Contains(res.Answers[0].Text, "341.2亿元") || !strings.Contains(res.Answers[1].Text, "368.7亿元") {
		t.Errorf("across years got\n%s\nwant the 九原区 figures of 2023 then 2024", strings.Join(got, "\n"))
	}
}

// TestUncoveredPlaceLooksIntoOneReport: a place that no report is about is
// looked for only in the report that would answer, so that it costs one
// report whatever the size of the collection.
func TestUncoveredPlaceLooksIntoOneReport(t *testing.T) {
	var reports []index.Entry
	for i, region := range []string{"九原区", "北京市", "全国", "九原区"} {
		reports = append(reports, index.Entry{Meta: report.Meta{ID: itoa(i), Region: region, PlanYear: 2025}})
	}
	for _, tt := range []struct {
		question, region string
		mentioned        bool
		want             string // the report chosen, or the reason
	}{
		{"杭州市去年GDP是多少", "", false, "报告没有涉及杭州市"},
		{"火星省去年GDP是多少", "", false, ""}, // no such place: not named back
		{"火星自治区去年GDP是多少", "", false, ""},
		{"包头市去年GDP是多少", "", true, "3"},
		{"包头市去年GDP是多少", "北京市", true, "1"},
	} {
		var looked []string
		mentions := func(en index.Entry, s string) bool {
			looked = append(looked, en.Meta.ID)
			return tt.mentioned
		}
		q := understand(tt.question, tt.question, nil)
		ch := choose(newRouter(reports), &q, tt.region, mentions)
		got := ch.reason
		if len(ch.reports) > 0 {
			got = ch.reports[0].Meta.ID
		}
		if got != tt.want || len(looked) != 1 {
			t.Errorf("%s (region %q): chose %q looking into %v; want %q looking into one", tt.question, tt.region, got, looked, tt.want)
		}
		if tt.mentioned && q.elsewhere != "包头市" {
			t.Errorf("%s: elsewhere %q, want 包头市: the answer must name the place asked", tt.question, q.elsewhere)
		}
	}
}

// TestPlanEndIsCovered: a year the report never writes is covered when it
// ends the five-year plan the report names (湖南 2026: 城镇化率提升至67.5%
// under “十五五”, never 2030); another year it never writes is not.
func TestPlanEndIsCovered(t *testing.T) {
	reports := []index.Entry{{Meta: report.Meta{ID: "hunan", Region: "湖南省", ReviewYear: 2025, PlanYear: 2026}}}
	says := func(en index.Entry, s string) bool { return s == "十五五" }
	for _, tt := range []struct{ question, reason string }{
		{"2030年城镇化率目标是多少", ""},
		{"2035年城镇化率目标是多少", "报告没有涉及2035年"},
	} {
		q := understand(tt.question, tt.question, nil)
		if ch := choose(newRouter(reports), &q, "", says); ch.reason != tt.reason {
			t.Errorf("%s: reason %q, want %q", tt.question, ch.reason, tt.reason)
		}
	}
}
