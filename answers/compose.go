package answers

import (
	"slices"
	"sort"
	"strings"

	"planbot/index"
	"planbot/index/report"
)

// compose turns a ranked sentence into an answer, its figures marks
// highlighted.
func compose(r *index.Loaded, s candidate, q question, marks []report.Figure) Answer {
	a := Answer{
		Text:        s.s.Text,
		Section:     strings.Join(s.s.Section, " › "),
		Path:        s.s.Section,
		Report:      r.Meta.Title,
		ReportID:    r.Meta.ID,
		Part:        string(s.s.Part),
		Score:       round3(s.score),
		SentenceID:  s.s.ID,
		ParagraphID: s.s.Para,
	}
	for _, f := range marks {
		a.Marks = append(a.Marks, Span{Start: f.Start, End: f.End})
	}
	if len(q.units) > 0 && !hasUnit(s.s.Text, s.s.Figures, q.units) && len(s.s.Figures) > 0 {
		a.Note = "报告未给出所问单位的数字，这里是相关的" + describe(s.s.Figures[0])
	}
	return a
}

// answerFigures returns the figures of c to highlight: when a figure is
// asked, those said with the question's topics (盐碱地's 2000亩 is not
// 高标准农田's) and of the period asked (the 2024 result of a table row,
// not its plan for 2025), as far as they are told apart; else all.
func answerFigures(j *judge, c *candidate) []report.Figure {
	figs := c.s.Figures
	if !j.q.figure {
		return figs
	}
	if near := topicFigs(j, c); len(near) > 0 {
		figs = near
	}
	want := report.PeriodResult
	switch j.q.intent {
	case wantTarget:
		want = report.PeriodTarget
	case wantResult:
	default:
		return figs
	}
	var of []report.Figure
	for _, f := range figs {
		if f.Period == want {
			of = append(of, f)
		}
	}
	if len(of) == 0 {
		return figs
	}
	return of
}

func describe(f report.Figure) string {
	switch f.Unit {
	case "%":
		return "增速或比例"
	}
	return "数字"
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// closest offers up to four headings near a question the report does not
// answer, for the bot to suggest: headings that name most of its topics,
// the sections of the sentences that came nearest, best first, then other
// headings that name some; each leads to a sentence that would answer
// within it (markOpen). On the tuning and older held-out sets the headings
// offered for a withheld answer held its sentence 61% of the time, the
// first 43%, when stop 33 measured it (73% and 49% before the last
// condition, 55% and 23% when every heading naming a topic led). kws are
// the topics the candidates were ranked by.
func (e *Engine) closest(r *index.Loaded, kws []keyword, ranked []candidate) []string {
	rc := e.cache(r)
	total := 0.0
	for _, k := range kws {
		total += k.weight
	}
	score := map[string]float64{}
	var named []string
	for _, h := range r.Headings {
		if s := headingCover(kws, strings.ToLower(h)); s > 0 && score[h] == 0 {
			score[h] = s
			named = append(named, h)
		}
	}
	named = slices.DeleteFunc(named, func(h string) bool { // a heading offered leads to a sentence
		return !slices.ContainsFunc(ranked, func(c candidate) bool { return c.open && rc.isUnder(c.s.ID, h) })
	})
	sort.SliceStable(named, func(i, j int) bool { return score[named[i]] > score[named[j]] })
	var hs []string
	seen := map[string]bool{}
	add := func(h string) {
		if !seen[h] && len(hs) < 4 {
			seen[h] = true
			hs = append(hs, h)
		}
	}
	for _, h := range named {
		if score[h] >= total/2 {
			add(h) // it names most of the question: 社会消费品零售总额, a row of the indicator table
		}
	}
	for _, c := range ranked {
		if len(hs) >= 4 || c.f.Coverage == 0 {
			break
		}
		if n := len(c.s.Section); n > 0 && c.open {
			add(c.s.Section[n-1])
		}
	}
	for _, h := range named {
		add(h)
	}
	return hs
}
