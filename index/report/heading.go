package report

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Heading ranks, outermost first. A heading closes every open heading of
// its rank or deeper.
const (
	rankAppendix = iota // 附件1 / 名词解释
	rankTitle           // the title line of an appendix
	rankPart            // 一、2024年…执行情况
	rankSub             // (一)坚持稳大盘保增长
	rankItem            // 一是工业生产承压前行。 / 一要… / 第一，… / ——经济总体回升向好。
	rankLead            // 这是经济实力持续提升的五年。 (a short line heading the paragraphs below it)
	rankNum             // 1. / 1、
)

const (
	maxHeadingRunes = 60 // longer "headings" are body text
	maxLeadRunes    = 30 // longest unnumbered lead line taken as a heading
	cnNum           = `[一二三四五六七八九十]{1,3}`
)

// The numbered heading styles. library.go reads the last group of each as
// the heading without its number.
var (
	rePart = regexp.MustCompile(`^(` + cnNum + `)[、．.]\s*(\S.*)$`)
	reSub  = regexp.MustCompile(`^[(（](` + cnNum + `)[)）]\s*(\S.*)$`)
	reItem = regexp.MustCompile(`^((?:第` + cnNum + `[,，、])|(?:` + cnNum + `[是要]))(\S.*)$`)
	reNum  = regexp.MustCompile(`^(\d{1,2})[.、．]\s*(\D.*)$`)
	reDash = regexp.MustCompile(`^——+(\S.*)$`)

	reAppendix = regexp.MustCompile(`^(附件|附表)\s*[0-9一二三四五六七八九十]*\s*[:：]?\s*(.*)$`)
	reTerms    = regexp.MustCompile(`^(名词解释|名词注释|注释|附注)[:：]?$`)
	reAddress  = regexp.MustCompile(`^各位代表[:：！!，,]?`)
	rePunct    = regexp.MustCompile(`[\p{P}\p{S}]`)
)

// heading is a recognised heading line, possibly with body text after it.
type heading struct {
	rank int
	text string // the heading as shown in a section path
	body string // text on the same line after the heading sentence
}

// parseHeading recognises a numbered heading at the start of line: 一、
// (一) 一是/一要/第一， ——…。 1.
func parseHeading(line string) (heading, bool) {
	switch {
	case rePart.MatchString(line):
		return splitHeading(rankPart, line, line, false)
	case reSub.MatchString(line):
		return splitHeading(rankSub, line, line, false)
	case reItem.MatchString(line):
		return splitHeading(rankItem, line, line, true)
	}
	if m := reDash.FindStringSubmatch(line); m != nil {
		// "——经济总体回升向好。国内生产总值…" is an item; "——地区生产总值增长8%左右;"
		// (a line of a target list) is not.
		h, ok := splitHeading(rankItem, line, m[1], true)
		if !ok || h.body == "" || strings.ContainsAny(h.text, "0123456789%％") {
			return heading{}, false
		}
		return h, true
	}
	if reNum.MatchString(line) {
		return splitHeading(rankNum, line, line, true)
	}
	return heading{}, false
}

// splitHeading cuts line into its heading sentence and the body after it;
// text is the part of line shown as the heading (line without a leading
// dash). An item heading must end with a full stop or colon; a part or sub
// heading may also stand alone on its line without one.
func splitHeading(rank int, line, text string, needStop bool) (heading, bool) {
	cut, size := headingCut(text)
	if cut < 0 {
		if needStop || utf8.RuneCountInString(text) > maxHeadingRunes {
			return heading{}, false
		}
		return heading{rank: rank, text: strings.TrimSpace(text)}, true
	}
	h := heading{rank: rank, text: strings.TrimSpace(text[:cut]), body: strings.TrimSpace(text[cut+size:])}
	if h.text == "" || utf8.RuneCountInString(h.text) > maxHeadingRunes {
		return heading{}, false
	}
	return h, true
}

// headingCut finds the end of the heading sentence: the first 。：:！ outside
// quotes and titles. It returns its byte offset and size, or -1.
func headingCut(s string) (int, int) {
	depth := 0
	for i, r := range s {
		switch {
		case strings.ContainsRune(openQuotes, r):
			depth++
		case strings.ContainsRune(closeQuotes, r):
			depth = max(depth-1, 0)
		case depth == 0 && strings.ContainsRune("。：:！", r):
			return i, utf8.RuneLen(r)
		}
	}
	return -1, 0
}

// appendixHeading recognises the label of an appendix: 附件, 附件1,
// 附件2：名词解释, 名词解释.
func appendixHeading(line string) (heading, bool) {
	if utf8.RuneCountInString(line) > 40 || strings.ContainsAny(line, "。；;") {
		return heading{}, false
	}
	if reAppendix.MatchString(line) || reTerms.MatchString(line) {
		return heading{rank: rankAppendix, text: line}, true
	}
	return heading{}, false
}

// isAddress reports whether line opens with an address to the deputies
// (各位代表：/各位代表！), which speakers use between the parts of a speech.
func isAddress(line string) bool { return reAddress.MatchString(line) }

// isBareAddress reports whether line is nothing but an address.
func isBareAddress(line string) bool {
	m := reAddress.FindStringIndex(line)
	return m != nil && strings.TrimSpace(line[m[1]:]) == ""
}

// isLeadLine reports whether line, standing alone before the paragraph
// next, reads as an unnumbered heading of the paragraphs below it: a short
// single sentence with no inner punctuation and no figure ("这是经济实力持续
// 提升的五年。"), or a short line with no punctuation at all, followed by a
// longer paragraph of body text.
func isLeadLine(line, next string) bool {
	n := utf8.RuneCountInString(line)
	if n < 4 || n > maxLeadRunes || isAddress(line) || reFigure.MatchString(line) {
		return false
	}
	inner := strings.TrimSuffix(line, "。")
	if rePunct.MatchString(stripQuoted(inner)) {
		return false
	}
	if next == "" || isTableLine(next) || utf8.RuneCountInString(next) < 2*n {
		return false
	}
	if _, ok := parseHeading(next); ok {
		return false
	}
	_, ok := appendixHeading(next)
	return !ok
}

// stripQuoted drops quotation and title marks, keeping their content, so
// that "“百千万工程”" counts as words rather than punctuation.
func stripQuoted(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(openQuotes+closeQuotes, r) {
			return -1
		}
		return r
	}, s)
}

// isTitleLine reports whether l reads as a short title rather than a sentence.
func isTitleLine(l string) bool {
	return utf8.RuneCountInString(l) <= 40 && !strings.ContainsAny(l, "。；;，,")
}
