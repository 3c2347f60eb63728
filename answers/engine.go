// Package answers understands a question about a report, finds the
// sentences that answer it and ranks them, or says that the reports do not
// answer it.
package answers

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"planbot/index"
	"planbot/index/report"
)

// candidates is how many search hits are ranked.
const candidates = 60

// Options shape one question.
type Options struct {
	Top      int    // at most this many answers (default 3)
	ReportID string // ask this report only
}

// Engine answers questions from a library of reports.
type Engine struct {
	lib           *index.Library
	vocab         *Vocabulary
	defaultRegion string
	debug         io.Writer // how questions are understood and ranked; nil for nowhere
}

// newEngine returns an engine over lib. defaultRegion picks the reports asked
// when a question names no place ("" for all).
func newEngine(lib *index.Library, vocab *Vocabulary, defaultRegion string) *Engine {
	return &Engine{lib: lib, vocab: vocab, defaultRegion: defaultRegion}
}

// Ask answers one question.
func (e *Engine) Ask(ctx context.Context, raw string, opt Options) (Result, error) {
	if opt.Top <= 0 {
		opt.Top = 3
	}
	res := Result{Question: raw, Answers: []Answer{}}
	err := e.lib.View(func(snap *index.Snapshot) error {
		res = e.ask(snap, raw, opt)
		if res.Answers == nil {
			res.Answers = []Answer{} // JSON: "answers": [], never null
		}
		return nil
	})
	if err != nil {
		return res, fmt.Errorf("ask %q: %w", raw, err)
	}
	return res, ctx.Err()
}

func (e *Engine) ask(snap *index.Snapshot, raw string, opt Options) Result {
	res := Result{Question: raw}
	text := normalise(raw, snap.KnownHan)
	text, groups := e.vocab.expandLatin(text)
	q := understand(raw, text, groups)
	if strings.TrimSpace(text) == "" {
		return res
	}
	mentions := func(en index.Entry, s string) bool {
		r, err := snap.Open(en.Meta.ID)
		return err == nil && e.cache(r).contains(s)
	}
	var ch choice
	if opt.ReportID != "" {
		en, ok := snap.Entry(opt.ReportID)
		if !ok {
			res.Note = "没有这个报告: " + opt.ReportID
			return res
		}
		ch = choose([]index.Entry{en}, &q, "", mentions)
	} else {
		ch = choose(snap.Entries(), &q, e.defaultRegion, mentions)
	}
	if len(ch.reports) == 0 {
		res.Note = ch.reason
		return res
	}
	resolveYears(&q, ch.reports)
	var loaded []*index.Loaded
	for _, en := range ch.reports {
		r, err := snap.Open(en.Meta.ID)
		if err != nil {
			res.Note = "报告暂时无法打开"
			return res
		}
		loaded = append(loaded, r)
	}
	if q.across && len(loaded) > 1 {
		for _, r := range loaded {
			if best, _ := e.answerFrom(r, q, 1); len(best) > 0 {
				res.Answers = append(res.Answers, best[0])
			}
		}
		return res
	}
	r := loaded[len(loaded)-1]
	var ranked []scored
	res.Answers, ranked = e.answerFrom(r, q, opt.Top)
	if len(res.Answers) == 0 {
		res.Closest = e.closest(r, q, ranked)
	}
	return res
}

// resolveYears reads 今年/去年 and years named against the report's years:
// a year the report plans asks for targets, one it reviews for results.
func resolveYears(q *question, reports []index.Entry) {
	r := reports[len(reports)-1].Meta
	explicitTarget := containsAny(q.text, targetCues)
	explicitResult := containsAny(q.text, resultCues)
	for _, y := range q.years {
		switch {
		case y == r.PlanYear && !explicitResult:
			q.intent, q.strict = wantTarget, true
		case y == r.ReviewYear && !explicitTarget:
			q.intent, q.strict = wantResult, true
		}
	}
}

// answerFrom ranks the sentences of one report for q.
// It also returns the ranked candidates, from which the closest topics of
// an unanswered question are taken.
func (e *Engine) answerFrom(r *index.Loaded, q question, top int) ([]Answer, []scored) {
	rc := e.cache(r)
	q.groups = append(q.groups[:len(q.groups):len(q.groups)], e.vocab.expandChinese(q.text, r.Seg)...)
	if fixed := rc.fixTypos(q.text); fixed != q.text {
		var more [][]string
		q.text, more = e.vocab.expandLatin(fixed) // the corrected words may be aliases
		more = append(more, e.vocab.expandChinese(q.text, r.Seg)...)
		q.groups = append(q.groups, more...)
	}
	kws := e.keywords(q, rc)
	if e.debug != nil {
		fmt.Fprintf(e.debug, "q=%+v\nkws=%+v\n", q, kws)
	}
	if len(kws) == 0 || unknownCode(kws) {
		return nil, nil
	}
	hits, err := index.Search(r.Index, searchText(kws), candidates)
	if err != nil {
		return nil, nil
	}
	hits = rc.withFollowers(hits)
	hits = rc.withUnit(hits, q.units)
	if len(hits) == 0 {
		return nil, nil
	}
	var out []Answer
	ranked := rank(q, kws, rc, hits)
	if e.debug != nil {
		for _, s := range ranked[:min(5, len(ranked))] {
			fmt.Fprintf(e.debug, "  %.3f cov=%.3f ok=%v %s\n", s.score, s.coverage, rc.answers(q, kws, s.s), s.s.Text)
		}
	}
	var ok []scored
	for _, s := range ranked {
		if s.coverage < minCoverage && !(s.coverage >= minCoverageFloor && unitSaid(q, kws, s, rc)) {
			continue
		}
		if rc.answers(q, kws, s.s) {
			ok = append(ok, s)
		}
	}
	if q.figure && !q.growth && !q.how && !q.versusPlan && anyAmount(ok) {
		ok = withAmounts(ok) // "是多少" is answered by an amount where there is one
	}
	for _, s := range ok {
		if len(out) == top {
			break
		}
		out = append(out, compose(r, s, q))
	}
	return out, ranked
}

// unitSaid reports whether s has a figure in the unit asked for (多少岁,
// 几台) next to one of the question's topics and covers the topics the
// report has words for: evidence enough to let pass the everyday words a
// user says and the report does not (街上跑的电车). A vocabulary topic the
// report never uses (成都地铁 in a report without 地铁) is a near miss.
func unitSaid(q question, kws []keyword, sc scored, rc *reportCache) bool {
	s := sc.s
	if len(q.units) == 0 || q.units[0] == "%" {
		return false
	}
	var known []keyword
	total, unknown := 0.0, false
	for _, k := range kws {
		switch {
		case k.known:
			known = append(known, k)
			total += k.weight
		case !k.verb && len(k.alts) > 1:
			return false
		case !k.verb:
			unknown = true
		}
	}
	figs, ok := topicFigures(s, rc.text[s.ID], kws, 0)
	if !ok || !hasUnit(s.Text, figs, q.units) || total == 0 {
		return false
	}
	p := passageOf(q, rc, s.ID)
	var main keyword // the heaviest topic the report names must be there
	for _, k := range known {
		if !k.verb && k.weight > main.weight {
			main = k
		}
	}
	if c, _, _ := coverage([]keyword{main}, p); unknown && main.alts != nil && c == 0 {
		return false // with words the report lacks, its main one must be there
	}
	if !unknown {
		return sc.coverage >= minCoverageUnit
	}
	sum, _, _ := coverage(known, p)
	return sum/total >= minCoverageUnit
}

// unknownCode reports whether a topic is a code the report never uses
// (pm10, 6g): nothing else can stand for it.
func unknownCode(kws []keyword) bool {
	for _, k := range kws {
		if !k.known && isCode(k.alts[0]) {
			return true
		}
	}
	return false
}

// isCode reports whether w mixes Latin letters and digits.
func isCode(w string) bool {
	return strings.ContainsAny(w, "0123456789") && strings.ContainsFunc(w, func(r rune) bool { return r < unicode.MaxASCII && unicode.IsLetter(r) })
}

func anyAmount(ss []scored) bool {
	for _, s := range ss {
		if hasAmount(s.s) {
			return true
		}
	}
	return false
}

func withAmounts(ss []scored) []scored {
	var out []scored
	for _, s := range ss {
		if hasAmount(s.s) {
			out = append(out, s)
		}
	}
	return out
}

// answers reports whether a sentence can answer q at all: a wrong figure
// is worse than none, so a result is no answer to a question about a
// target (and the reverse), a sentence without a number is no answer to
// "how much", and a growth rate is no answer to "how many 亿元". The
// figures judged are those said with the question's topics.
func (rc *reportCache) answers(q question, kws []keyword, s *report.Sentence) bool {
	m := rc.r.Meta
	if rc.leads(s.ID) {
		return false // a topic sentence heads the answer, it is not one
	}
	if q.strict && s.Part != report.PartTable {
		switch {
		case q.intent == wantTarget && (s.Part == report.PartReview || s.Part == report.PartFront) &&
			!strings.Contains(s.Text, itoa(m.PlanYear)+"年") && !hasPeriod(s, report.PeriodTarget):
			return false
		case q.intent == wantResult && s.Part == report.PartPlan && !strings.Contains(s.Text, itoa(m.ReviewYear)+"年"):
			return false
		}
	}
	figs := s.Figures
	unitFigs := s.Figures // a unit may follow in the clause after: 项目38个，协议金额606.99亿元
	if near, ok := topicFigures(s, rc.text[s.ID], kws, 0); ok {
		figs = near
		if len(q.units) > 0 {
			unitFigs, _ = topicFigures(s, rc.text[s.ID], kws, 1)
		}
	}
	if !isOneOf("年", q.units) {
		figs = withoutDurations(figs) // 连续9年 answers 几年, not 下降了多少
	}
	if q.ordinal {
		return reRank.MatchString(s.Text) // 第四次, 居全国第5位, 稳居首位
	}
	if q.figure && !q.how && len(figs) == 0 {
		return false
	}
	if len(q.years) > 0 && len(s.Figures) > 0 && !figureOfYears(s, q.years) {
		return false // a figure of another year
	}
	if (q.rel == "last" || len(q.years) > 0) && !q.across && !containsAny(q.text, spanCues) && onlySpans(s.Text, figs) {
		return false // 累计/年均 over five years is not last year's figure
	}
	if len(q.units) > 0 && q.units[0] != "%" && !hasUnit(s.Text, unitFigs, q.units) {
		return false
	}
	if len(q.units) > 0 && q.units[0] == "%" && len(figs) > 0 && !hasRate(unitFigs) {
		return false // 上调百分之几 is not answered by 提高20元
	}
	return true
}

// hasRate reports whether one of figs is a rate or a share.
func hasRate(figs []report.Figure) bool {
	for _, f := range figs {
		switch f.Unit {
		case "%", "％", "个百分点", "百分点", "‰", "倍":
			return true
		}
	}
	return false
}

func withoutDurations(figs []report.Figure) []report.Figure {
	var out []report.Figure
	for _, f := range figs {
		if f.Unit != "年" {
			out = append(out, f)
		}
	}
	return out
}

// reRank matches an ordinal or a rank.
var reRank = regexp.MustCompile(`第[0-9一二三四五六七八九十百]+|首位|榜首|首次|第一`)

// Words that make a question, or a figure, cover several years. 年均浓度
// is one year's average; 全年累计 is one year's sum.
var (
	spanCues       = words.list("cue.span")
	figureSpanCues = words.list("cue.figure_span")
)

// figureOfYears reports whether a figure of s, or its text, is about one
// of years.
func figureOfYears(s *report.Sentence, years []int) bool {
	for _, y := range years {
		if strings.Contains(s.Text, itoa(y)+"年") {
			return true
		}
		for _, f := range s.Figures {
			if f.Year == y || f.Year == 0 {
				return true
			}
		}
	}
	return false
}

func hasPeriod(s *report.Sentence, p report.Period) bool {
	for _, f := range s.Figures {
		if f.Period == p {
			return true
		}
	}
	return false
}

// searchText is the query given to bleve: every word of every topic.
func searchText(kws []keyword) string {
	var b strings.Builder
	for _, k := range kws {
		for _, a := range k.alts {
			b.WriteString(a)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// compose turns a ranked sentence into an answer.
func compose(r *index.Loaded, s scored, q question) Answer {
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
	for _, f := range s.s.Figures {
		a.Marks = append(a.Marks, Span{Start: f.Start, End: f.End})
	}
	if len(q.units) > 0 && !hasUnit(s.s.Text, s.s.Figures, q.units) && len(s.s.Figures) > 0 {
		a.Note = "报告未给出所问单位的数字，这里是相关的" + describe(s.s.Figures[0])
	}
	return a
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
// answer, for the bot to suggest: headings that name its topics, then the
// sections of the sentences that came nearest.
func (e *Engine) closest(r *index.Loaded, q question, ranked []scored) []string {
	kws := e.keywords(q, e.cache(r))
	score := map[string]float64{}
	var hs []string
	for _, h := range r.Headings {
		if s := headingCover(kws, strings.ToLower(h)); s > 0 && score[h] == 0 {
			score[h] = s
			hs = append(hs, h)
		}
	}
	sort.SliceStable(hs, func(i, j int) bool { return score[hs[i]] > score[hs[j]] })
	for _, c := range ranked {
		if len(hs) >= 4 || c.coverage == 0 {
			break
		}
		if n := len(c.s.Section); n > 0 && score[c.s.Section[n-1]] == 0 {
			h := c.s.Section[n-1]
			score[h] = c.coverage
			hs = append(hs, h)
		}
	}
	return hs[:min(len(hs), 4)]
}

// cacheKey names the engine's data derived from a report.
type cacheKey struct{}

// cache returns the data derived from a report, made once while it is
// open.
func (e *Engine) cache(r *index.Loaded) *reportCache {
	return r.Derived(cacheKey{}, func() any { return newReportCache(r) }).(*reportCache)
}
