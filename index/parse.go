package index

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrNotReport is returned for text in which no report body is found.
var ErrNotReport = errors.New("没有找到报告正文")

var (
	reOpening  = regexp.MustCompile(`^各位代表[:：！!，,]?`)
	reClosing  = regexp.MustCompile(`^以上报告[,，]?请予审议`)
	reAppendix = regexp.MustCompile(`^(附件|附表)\s*[0-9一二三四五六七八九十]*\s*[:：]?\s*(.*)$`)
	reTerms    = regexp.MustCompile(`^名词解释`)
)

// Parse builds a report from its text, one paragraph per line. meta holds
// what is already known of the report (at least its ID); the rest is
// derived from the text.
func Parse(meta Meta, text string) (*Report, error) {
	lines := contentLines(text)
	bodyStart := findBody(lines)
	if bodyStart < 0 {
		return nil, ErrNotReport
	}
	title, dateLine := frontMatter(lines[:bodyStart])
	deriveMeta(&meta, title, dateLine)

	p := parser{r: &Report{Meta: meta}, part: PartFront}
	for i := bodyStart; i < len(lines); i++ {
		if n := tableLen(lines[i:]); n > 0 {
			p.table(lines[i : i+n])
			i += n - 1
			continue
		}
		p.line(lines[i])
	}
	if len(p.r.Sentences) == 0 {
		return nil, ErrNotReport
	}
	return p.r, nil
}

// contentLines splits text into trimmed, non-empty lines and drops the
// furniture of saved web pages.
func contentLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(strings.TrimPrefix(l, "\ufeff"))
		l = strings.Trim(l, "\u3000 \t\r")
		if l == "" || isFurniture(l) {
			continue
		}
		if len(out) > 0 && endsContent(l) {
			break
		}
		out = append(out, l)
	}
	return out
}

// findBody returns the index of the first line of the body: the line after
// 各位代表, or the first part heading, whichever comes first.
func findBody(lines []string) int {
	for i, l := range lines {
		if m := reOpening.FindStringIndex(l); m != nil {
			if rest := strings.TrimSpace(l[m[1]:]); rest != "" {
				lines[i] = rest // "各位代表：现在，我代表…" on one line
				return i
			}
			return i + 1
		}
		if h, ok := parseHeading(l); ok && h.rank == rankPart {
			return i
		}
	}
	if len(lines) > 0 {
		return 0
	}
	return -1
}

// frontMatter finds the title and the line giving the delivery date among
// the lines before the body.
func frontMatter(front []string) (title, dateLine string) {
	var titleLines []string
	for _, l := range front {
		if dateLine == "" && reDate.MatchString(l) {
			if k := strings.Index(l, "——"); k > 0 { // "政府工作报告——2024年3月5日在…"
				titleLines = append(titleLines, l[:k])
			}
			dateLine = l
			continue
		}
		if dateLine == "" {
			titleLines = append(titleLines, l)
		}
	}
	title = strings.Join(titleLines, "")
	if utf8.RuneCountInString(title) > 80 {
		title = string([]rune(title)[:80])
	}
	return title, dateLine
}

// parser walks the body lines, keeping the heading path.
type parser struct {
	r       *Report
	path    []heading // open headings, outermost first
	part    Part
	inline  bool // the last heading came with its body on the same line
	closing bool
}

func (p *parser) line(l string) {
	switch {
	case reClosing.MatchString(l):
		p.closing = true
		p.part = PartClosing
		p.path = nil
		p.paragraph(l)
		return
	case reAppendix.MatchString(l) || reTerms.MatchString(l):
		p.closing = true
		p.part = PartClosing
		p.path = []heading{{rank: rankPart, text: l}}
		p.inline = false
		p.r.Headings = append(p.r.Headings, l)
		return
	}
	if p.inline {
		p.pop(rankItem) // an inline item covers its own paragraph only
		p.inline = false
	}
	h, ok := parseHeading(l)
	if !ok && p.closing && len(p.path) == 1 && isTitleLine(l) {
		// the title of an appendix: "2025年经济社会发展主要预期目标安排"
		h, ok = heading{rank: rankSub, text: l}, true
	}
	if !ok {
		p.paragraph(l)
		return
	}
	p.pop(h.rank)
	p.path = append(p.path, h)
	p.r.Headings = append(p.r.Headings, h.text)
	if h.rank == rankPart && !p.closing {
		p.part = p.partOf(h.text)
	}
	if h.body != "" {
		p.inline = h.rank >= rankItem
		p.paragraph(h.body)
	}
}

// pop closes the headings at rank and deeper.
func (p *parser) pop(rank int) {
	for len(p.path) > 0 && p.path[len(p.path)-1].rank >= rank {
		p.path = p.path[:len(p.path)-1]
	}
}

func (p *parser) sectionPath() []string {
	out := make([]string, len(p.path))
	for i, h := range p.path {
		out[i] = h.text
	}
	return out
}

// paragraph adds a paragraph of body text and its sentences.
func (p *parser) paragraph(text string) {
	r := p.r
	para := Paragraph{ID: len(r.Paragraphs), Section: p.sectionPath(), Part: p.part, Text: text}
	r.Paragraphs = append(r.Paragraphs, para)
	for _, s := range splitSentences(text) {
		r.Sentences = append(r.Sentences, Sentence{
			ID:      len(r.Sentences),
			Para:    para.ID,
			Row:     -1,
			Section: para.Section,
			Part:    p.part,
			Text:    s,
			Figures: extractFigures(s, p.part, r.Meta.ReviewYear, r.Meta.PlanYear),
		})
	}
}

// partOf tells from a part heading whether it reviews or plans.
func (p *parser) partOf(text string) Part {
	m := p.r.Meta
	for _, y := range reTitleYr.FindAllStringSubmatch(text, -1) {
		switch y[1] {
		case strconv.Itoa(m.PlanYear):
			return PartPlan
		case strconv.Itoa(m.ReviewYear):
			return PartReview
		}
	}
	switch {
	case containsAny(text, []string{"回顾", "执行情况", "过去", "成就", "主要成效"}):
		return PartReview
	case containsAny(text, []string{"任务", "目标", "重点", "总体要求", "工作安排", "计划", "建议", "政策取向", "展望", "十五五"}):
		return PartPlan
	}
	if p.part == PartFront {
		return PartReview
	}
	return p.part
}

// isTitleLine reports whether l reads as a short title rather than a sentence.
func isTitleLine(l string) bool {
	return utf8.RuneCountInString(l) <= 40 && !strings.ContainsAny(l, "。；;，,")
}
