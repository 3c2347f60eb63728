package answers

import (
	"sort"
	"strings"
	"unicode/utf8"

	"planbot/index"
	"planbot/index/report"
)

// Weights of the ranking. Coverage of the question's topics decides; the
// rest picks among sentences that cover them equally.
const (
	sectionCredit     = 0.6  // a topic found only in the section path or the sentences leading to it
	partCredit        = 0.7  // a topic whose words are all found, but apart
	unknownPartCredit = 0.5  // the same for a topic the report never names
	prevCredit        = 0.4  // a topic found only in the sentence before
	howLeadCredit     = 0.9  // what is done about X: the sentences of the paragraph X heads
	farApart          = 60   // bytes (about 20 characters) between topics that belong together
	farCredit         = 0.5  // what the lesser of two such topics keeps
	intentMatch       = 0.15 // the sentence is in the part the intent asks for
	intentMismatch    = 0.25
	periodMatch       = 0.1 // a figure of the asked period
	figureWanted      = 0.15
	unitMatch         = 0.2
	unitMismatch      = 0.1
	yearMatch         = 0.1
	shortPenalty      = 0.15
	amountWanted      = 0.1
	howTable          = 0.3
	manyFigures       = 5 // figures that make a sentence a list of targets
	planTable         = 0.3
	definition        = 0.4
	listedPenalty     = 0.2
	factWanted        = 0.05
	orderBonus        = 0.03 // per pair of topics in the question's order
	literalBonus      = 0.03 // per topic said in the question's own word
	headingWeight     = 0.15 // topics named by the headings above the sentence
	howDetail         = 0.2
	relevanceWeight   = 0.1
	// minCoverage is the share of the question's topics (by weight) the best
	// sentence must cover; below it the report does not answer.
	minCoverage = 0.6
	// minCoverageUnit is the share of the topics the report uses that is
	// enough when the sentence has a figure in the unit asked for next to
	// one of them (unitSaid), if it covers minCoverageFloor of all.
	minCoverageUnit  = 0.5
	minCoverageFloor = 0.35
)

// scored is a candidate sentence with its score.
type scored struct {
	s        *report.Sentence
	score    float64
	coverage float64
}

// rank scores the candidates of one report for q.
func rank(q question, kws []keyword, rc *reportCache, hits []index.Hit) []scored {
	maxRel := 0.0
	for _, h := range hits {
		maxRel = max(maxRel, h.Score)
	}
	total := 0.0
	for _, k := range kws {
		total += k.weight
	}
	out := make([]scored, 0, len(hits))
	for _, h := range hits {
		s := &rc.r.Sentences[h.Sentence]
		i := h.Sentence
		sum, inOrder, literal := coverage(kws, passageOf(q, rc, i))
		cov := sum / max(total, 1e-9)
		sc := scored{s: s, coverage: cov, score: cov + orderBonus*float64(inOrder) + literalBonus*float64(literal)}
		sc.score += headingWeight * headingCover(kws, rc.section[i]) / max(total, 1e-9)
		sc.score += fit(q, s)
		if q.how && onlyListed(kws, rc.text[i]) {
			sc.score -= listedPenalty // 拓展医疗健康、养老托育、居住服务等: 养老 in passing
		}
		if maxRel > 0 {
			sc.score += relevanceWeight * h.Score / maxRel
		}
		out = append(out, sc)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out
}

// passageOf returns the passage of sentence i.
func passageOf(q question, rc *reportCache, i int) passage {
	p := passage{text: rc.text[i], section: rc.section[i], lead: rc.lead[i], prev: rc.prev[i], leadCredit: sectionCredit}
	if q.how {
		p.leadCredit = howLeadCredit
	}
	return p
}

// passage is the text a sentence is judged by: its own words first, then
// the headings above it and the sentence before it, which count for less.
type passage struct {
	text, section, lead, prev string
	leadCredit                float64 // of a topic found in the topic sentence heading the passage
}

// coverage sums the weights of the topics a sentence talks about. Two
// topics next to each other in the question but far apart in the sentence
// (人均 … 地区生产总值) count as only loosely said.
func coverage(kws []keyword, p passage) (sum float64, inOrder, literal int) {
	at := make([]int, len(kws)) // where each topic was found in the text, -1 if not
	credits := make([]float64, len(kws))
	for i, k := range kws {
		credit, pos := 0.0, -1
		for _, a := range k.alts {
			if j := strings.Index(p.text, a); j >= 0 {
				credit, pos = 1, j
				if isOneOf(a, k.said) {
					literal++ // 停车位 as asked, not only 停车设施
				}
				break
			}
			switch {
			case strings.Contains(p.lead, a):
				credit = max(credit, p.leadCredit)
			case strings.Contains(p.section, a):
				credit = max(credit, sectionCredit)
			case strings.Contains(p.prev, a):
				credit = max(credit, prevCredit)
			}
		}
		if credit == 0 && len(k.parts) > 0 {
			found := 0
			for _, part := range k.parts {
				if strings.Contains(p.text, part) {
					found++
				}
			}
			// a topic the report never names counts only when all its words are there
			switch {
			case k.known:
				credit = partCredit * float64(found) / float64(len(k.parts))
			case found == len(k.parts):
				credit = unknownPartCredit
			}
		}
		at[i], credits[i] = pos, credit
	}
	for i := 1; i < len(kws); i++ {
		if at[i-1] >= 0 && at[i] > at[i-1] && at[i]-at[i-1] <= farApart {
			inOrder++ // said in the question's order, close together
		}
		if at[i-1] >= 0 && at[i] >= 0 && abs(at[i]-at[i-1]) > farApart {
			lo := i
			if kws[i-1].weight < kws[i].weight {
				lo = i - 1
			}
			credits[lo] *= farCredit
		}
	}
	for i, k := range kws {
		sum += credits[i] * k.weight
	}
	return sum, inOrder, literal
}

// headingCover sums the weights of the topics a heading (or a section
// path) names.
func headingCover(kws []keyword, section string) float64 {
	sum := 0.0
	for _, k := range kws {
		for _, a := range k.alts {
			if strings.Contains(section, a) {
				sum += k.weight
				break
			}
		}
	}
	return sum
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// fit scores how well a sentence suits what the question asks for: the
// part of the report, the period of its figures, the unit, the year.
func fit(q question, s *report.Sentence) float64 {
	score := 0.0
	// The period of a figure says more than the part it stands in: 年内计划投资
	// in the review is a plan.
	askedPeriod := q.intent == wantTarget && hasPeriod(s, report.PeriodTarget) || q.intent == wantResult && hasPeriod(s, report.PeriodResult)
	switch {
	case s.Part == report.PartTable:
		if q.figure || q.intent != anyPeriod {
			score += intentMatch / 2
		}
		if q.versusPlan {
			score += planTable // the table sets each result beside its plan
		}
	case q.intent == wantTarget && s.Part == report.PartPlan, q.intent == wantResult && (s.Part == report.PartReview || s.Part == report.PartFront):
		score += intentMatch
	case askedPeriod:
	case q.intent == wantTarget && s.Part == report.PartReview, q.intent == wantResult && s.Part == report.PartPlan:
		score -= intentMismatch
	}
	if q.intent == anyPeriod && q.figure && hasPeriod(s, report.PeriodResult) {
		score += factWanted // "X是多少" with no time asks for the latest fact
	}
	for _, f := range s.Figures {
		if q.how {
			break // what is done, not how much
		}
		if q.intent == wantTarget && f.Period == report.PeriodTarget || q.intent == wantResult && f.Period == report.PeriodResult {
			score += periodMatch
			break
		}
	}
	if (q.figure || q.figureSoft) && !q.how {
		if len(s.Figures) > 0 {
			score += figureWanted
		} else {
			score -= figureWanted
		}
	}
	if q.figure && !q.growth && !q.how {
		// "是多少" without 增长/增速 asks for an amount rather than a rate
		if hasAmount(s) {
			score += amountWanted
		} else if len(s.Figures) > 0 {
			score -= amountWanted
		}
	}
	if len(q.units) > 0 {
		if hasUnit(s.Text, s.Figures, q.units) {
			score += unitMatch
		} else {
			score -= unitMismatch
		}
	}
	for _, y := range q.years {
		if strings.Contains(s.Text, itoa(y)+"年") {
			score += yearMatch
		}
	}
	if q.how {
		// "what/how" is answered by a sentence that says what is done, not
		// by a row of figures or a slogan
		if s.Part == report.PartTable || len(s.Figures) >= manyFigures {
			score -= howTable // a list of targets says how much, not what is done
		}
		score += howDetail * min(1, float64(utf8.RuneCountInString(s.Text))/60)
	}
	if q.define && (strings.HasPrefix(s.Text, "指") || strings.HasPrefix(s.Text, "是指") || strings.Contains(strings.Join(s.Section, " "), "名词解释")) {
		score += definition // 名词解释 › “两新”：是指…
	}
	if utf8.RuneCountInString(s.Text) < 12 && len(s.Figures) == 0 {
		score -= shortPenalty // a sub-heading such as 全方位夯实粮食安全。
	}
	return score
}

// hasUnit reports whether s has a figure in one of units, or in a larger
// measure of one (万套 for 套, 亿元 for 元).
func hasUnit(text string, figs []report.Figure, units []string) bool {
	for _, f := range figs {
		for _, u := range units {
			if f.Unit == u || u != "%" && strings.HasSuffix(f.Unit, u) && (strings.HasPrefix(f.Unit, "万") || strings.HasPrefix(f.Unit, "亿")) {
				return true
			}
			// 6600多万纳税人: a bare 万 counts the noun after it
			if (f.Unit == "万" || f.Unit == "亿") && utf8.RuneCountInString(u) == 1 && strings.Contains(firstRunes(text[f.End:], 4), u) {
				return true
			}
		}
	}
	return false
}

// hasAmount reports whether s has a figure that is not a rate.
func hasAmount(s *report.Sentence) bool {
	for _, f := range s.Figures {
		if f.Unit != "%" && f.Unit != "个百分点" {
			return true
		}
	}
	return false
}

// firstRunes returns the first n characters of s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// onlyListed reports whether every topic the text names stands in a list
// (a clause with two or more 、): said in passing, not the subject.
func onlyListed(kws []keyword, text string) bool {
	found := false
	for _, k := range kws {
		if k.verb {
			continue
		}
		for _, a := range k.alts {
			for _, at := range occurrences(text, a) {
				lo := strings.LastIndexAny(text[:at], clauseEnds) + 1
				hi := len(text)
				if e := strings.IndexAny(text[at:], clauseEnds); e >= 0 {
					hi = at + e
				}
				if strings.Count(text[lo:hi], "、") < 2 || !isListItem(text[lo:hi], at-lo, a) {
					return false
				}
				found = true
			}
		}
	}
	return found
}

// isListItem reports whether the word a at offset at of clause is one short
// item of its list (养老 in 医疗健康、养老托育、居住服务), not the words the
// list is about.
func isListItem(clause string, at int, a string) bool {
	lo := strings.LastIndex(clause[:at], "、") + 1
	hi := len(clause)
	if e := strings.Index(clause[at:], "、"); e >= 0 {
		hi = at + e
	}
	if lo == 0 && hi == len(clause) {
		return false
	}
	item := clause[lo:hi]
	if e := strings.Index(item, "等"); e >= 0 && e >= at-lo+len(a) {
		item = item[:e] // 养老床位等资源: the item ends at 等
	}
	return utf8.RuneCountInString(item) <= utf8.RuneCountInString(a)+4
}
