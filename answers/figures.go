package answers

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"planbot/index/report"
)

// clauseEnds are the marks that end a clause.
const clauseEnds = "，,；;。！？!?"

// topicFigures returns the figures of s said in a clause that names one of
// the question's topics: in 工业增加值年均增长6.1%，…累计完成建筑业产值9万亿元
// the figure of 工业增加值 is 6.1%. ok is false when no topic is named in
// the sentence itself (a table row, a sentence found by its heading): then
// every figure counts. more widens the window by that many clauses.
func topicFigures(s *report.Sentence, text string, kws []keyword, more int) (figs []report.Figure, ok bool) {
	if s.Part == report.PartTable || len(text) != len(s.Text) {
		return nil, false
	}
	in := make([]bool, len(s.Figures))
	for j, k := range kws {
		if k.verb {
			continue
		}
		for _, a := range anchorsOf(k, text) {
			for _, start := range occurrences(text, a) {
				end := start + len(a)
				ok = true
				if modifiesOther(k, kws, text, end) || modifiedOtherwise(j, kws, text, start) || isDenominator(text, start, a) {
					continue // named, but of another thing
				}
				lo, hi := strings.LastIndexAny(text[:start], clauseEnds)+1, end
				// the clause of the topic, or the next ones up to a figure:
				// 打好“保交房”攻坚战，交付31.7万套
				mark := func(lo, hi int) (found bool) {
					for i, f := range s.Figures {
						if f.Start >= lo && f.End <= hi && !(f.Start >= end && (containsAny(text[end:f.Start], sumCues) || reExamples.MatchString(text[end:f.Start]))) {
							in[i], found = true, true
						}
					}
					return found
				}
				for n, found := 0, false; n < 3 && !found && hi < len(text); n++ {
					next := clauseEnd(text, hi)
					if n > 0 || hi > end {
						if strings.Contains(text[hi:next], "分别") {
							break // 孤儿津贴标准分别提高510元、440元: the clause's own things
						}
					}
					hi = next
					found = mark(lo, hi)
					// 安排资金0.15亿元，支持安全生产专项行动: the funds come first,
					// perhaps several clauses before (统筹安排资金12.1亿元，占…，落实…)
					for to := lo; n == 0 && !found && to > 0; {
						from := strings.LastIndexAny(text[:to-1], clauseEnds) + 1
						if containsAny(text[from:to], fundCues) {
							found = mark(from, to)
						}
						to = from
					}
				}
				for n := 0; n < more && hi < len(text); n++ {
					hi = clauseEnd(text, hi)
					mark(lo, hi)
				}
			}
		}
	}
	for i, f := range s.Figures {
		if in[i] {
			figs = append(figs, f)
		}
	}
	return figs, ok
}

// anchorsOf returns the words where text says topic k: its alternatives,
// or when it says none of them its longest part it says that is half the
// topic or more (生产总值 of 地区生产总值, in 全省生产总值增长5.6%).
func anchorsOf(k keyword, text string) []string {
	if containsAny(text, k.alts) {
		return k.alts
	}
	best, half := "", (utf8.RuneCountInString(k.alts[0])+1)/2
	for _, p := range k.parts {
		if len(p) > len(best) && utf8.RuneCountInString(p) >= max(2, half) && strings.Contains(text, p) {
			best = p // most of the topic: 生产总值 of 地区生产总值, not 增加值 of 规上工业增加值
		}
	}
	if best == "" {
		return nil
	}
	return []string{best}
}

// sumCues, between a topic and a figure, make the figure a sum of the
// topic and more (一般公共预算收入加上转移性收入后总收入为233.77亿元).
var sumCues = words.list("cue.sum")

// fundCues, in the clause before a topic's, say the funds for it
// (安排资金0.15亿元，支持安全生产专项行动).
var fundCues = words.list("cue.funds")

// rePer ends a text with 每 and a number word, perhaps a few characters
// more: 每万, 每千城镇.
var rePer = regexp.MustCompile(`每[十百千万]+\p{Han}{0,2}$`)

// perHeads are the heads a figure is counted per.
var perHeads = words.list("ratio.per")

// isDenominator reports whether topic a, said at byte start of text, is
// what another thing is counted per: 常住人口 of 每万城镇常住人口拥有社区
// 工作者19.2人 has no figure of its own.
func isDenominator(text string, start int, a string) bool {
	for _, h := range perHeads {
		if strings.HasSuffix(a, h) {
			return rePer.MatchString(text[:start])
		}
	}
	return false
}

// occurrences returns the byte offsets of the occurrences of w in text
// that do not overlap, none for an empty w.
func occurrences(text, w string) []int {
	var out []int
	for from := 0; w != ""; {
		j := strings.Index(text[from:], w)
		if j < 0 {
			break
		}
		out = append(out, from+j)
		from += j + len(w)
	}
	return out
}

// clauseEnd returns the end of the clause that goes on at i: the byte
// after its closing mark, or the end of text.
func clauseEnd(text string, i int) int {
	if e := strings.IndexAny(text[i:], clauseEnds); e >= 0 {
		_, n := utf8.DecodeRuneInString(text[i+e:])
		return i + e + n
	}
	return len(text)
}

// onlySpans reports whether every one of figs covers several years: the
// clause before it says so (累计达到149.6亿美元, 年均增长6.1%).
func onlySpans(text string, figs []report.Figure) bool {
	if len(figs) == 0 {
		return false
	}
	for _, f := range figs {
		clause := text[:f.Start]
		if i := strings.LastIndexAny(clause, "，,；;：:。"); i >= 0 {
			clause = clause[i:]
		}
		if !containsAny(clause, figureSpanCues) || strings.Contains(clause, "全年") {
			return false
		}
	}
	return true
}

// reExamples matches the 等 that ends a list of examples: a figure after it
// counts the thing the examples are of (停车设施建设运营等服务场景30个 counts
// 服务场景), not the topic named before it; 等级, 一等奖, 平等 are no list.
var reExamples = regexp.MustCompile(`(?:^|[^同平对均相一二三])等[^级奖次于同]`)
