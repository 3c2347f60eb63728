package report

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Heading ranks, outermost first. A heading closes every open heading of a
// deeper rank, and the open heading of its own rank and style.
const (
	rankAppendix = iota // 附件1 / 名词解释 / 注释
	rankTitle           // the title line of an appendix
	rankPart            // 一、2024年…执行情况, or an unnumbered part title
	rankSub             // （一）坚持稳大盘保增长
	rankItem            // 一是… / 第一，… / ——… / 1．… / （1）… / ［1］… at the start of a line
	rankGroup           // a heading line that says more than a phrase: 这一年，我们…，封关运作如期实现。
	rankLead            // a short phrase naming what follows: 内需拉动明显增强。
	rankInline          // an item or a naming phrase inside a paragraph: …。二是…；…。突出科技供给。
)

const (
	maxHeadingRunes = 60 // longer "headings" are body text
	maxLeadRunes    = 20 // longest phrase taken as a lead without inner punctuation
	maxGroupRunes   = 50 // longest sentence of a heading line
	maxRunInGroup   = 30 // longest such sentence at the head of a paragraph
	maxInlineLabel  = 30 // an inline item is shown by its first clause, at most this long
	cnNum           = `[一二三四五六七八九十]{1,3}`
)

// The numbered heading styles. Terms reads the last group of each as the
// heading without its number.
var (
	rePart = regexp.MustCompile(`^(` + cnNum + `)[、．.]\s*(\S.*)$`)
	reSub  = regexp.MustCompile(`^[(（](` + cnNum + `)[)）]\s*(\S.*)$`)
	reItem = regexp.MustCompile(`^((?:第` + cnNum + `[,，、])|(?:` + cnNum + `[是要])|(?:(?:另)?一方面[,，]))(\S.*)$`)
	reNum  = regexp.MustCompile(`^(\d{1,2})[.、．]\s*(\D.*)$`)
	reDash = regexp.MustCompile(`^(?:——|――|—)+(\S.*)$`)
	// (1) （1） ① ［1］ [1]
	reParenNum = regexp.MustCompile(`^(?:[(（]\d{1,2}[)）]|[①-⑳]|[［\[]\d{1,2}[］\]])\s*(\S.*)$`)
	// An entry of a list of terms: "6. 两重：…", "20.2026年10件民生实事：…".
	reEntry = regexp.MustCompile(`^(?:\d{1,2}[.．、]|[［\[]\d{1,2}[］\]])\s*[^：:。]{1,30}[：:]`)

	reAppendix = regexp.MustCompile(`^(附件|附表)\s*[0-9一二三四五六七八九十]*\s*[:：]?\s*(.*)$`)
	reTerms    = regexp.MustCompile(`^(名词解释|名词注释|注释|附注|注)[:：]?$`)
	reAddress  = regexp.MustCompile(`^各位代表[:：！!，,]?`)
	rePunct    = regexp.MustCompile(`[\p{P}\p{S}]`)
)

// heading is a recognised heading, possibly with body text after it on the
// same line.
type heading struct {
	rank  int
	style string // the numbering of an item (是, 第, 1., (1), —); headings of one rank and another style nest
	text  string // the heading as shown in a section path
	body  string // text on the same line after the heading sentence
	runIn bool   // the heading shares its line with its text: it covers that paragraph and the deeper headings after it
	// A run-in heading covers the paragraphs after its own until one of
	// its series has covered none: then the series is flat (一是…。二是…。
	// 六是…。一年来，…), and what follows its last belongs to its parent.
	covered, flat bool
}

// parseHeading recognises a numbered heading at the start of line: 一、
// (一) 一是/一要/第一，/一方面 ——…。 1. (1) ① ［1］.
func parseHeading(line string) (heading, bool) {
	switch {
	case rePart.MatchString(line):
		return splitHeading(rankPart, "", line, line, false)
	case reSub.MatchString(line):
		return splitHeading(rankSub, "", line, line, false)
	case reItem.MatchString(line):
		return splitHeading(rankItem, itemStyle(line), line, line, true)
	}
	if reDash.MatchString(line) {
		// "——经济总体回升向好。国内生产总值…" is an item, and so is a line of
		// its own "——扎实抓好三项基本任务，…持续夯实。"; "——地区生产总值增长
		// 8%左右;" (a line of a target list) is not.
		h, ok := splitHeading(rankItem, "—", line, line, true)
		if !ok || strings.ContainsAny(h.text, "0123456789%％") || h.body == "" && !strings.HasSuffix(line, "。") {
			return heading{}, false
		}
		return h, true
	}
	if reNum.MatchString(line) {
		return splitHeading(rankItem, "1.", line, line, true)
	}
	if reParenNum.MatchString(line) {
		return splitHeading(rankItem, numStyle(line), line, line, false)
	}
	return heading{}, false
}

// itemStyle names the numbering of an item line: 是 (一是), 要 (一要), 第
// (第一，), 方面 (一方面).
func itemStyle(line string) string {
	switch {
	case strings.HasPrefix(line, "第"):
		return "第"
	case strings.Contains(line[:min(len(line), 12)], "方面"):
		return "方面"
	}
	m := reItem.FindStringSubmatch(line)
	r, _ := utf8.DecodeLastRuneInString(m[1])
	return string(r)
}

// numStyle names the numbering of (1), ① and ［1］.
func numStyle(line string) string {
	r, _ := utf8.DecodeRuneInString(line)
	switch {
	case r == '(' || r == '（':
		return "(1)"
	case r == '［' || r == '[':
		return "[1]"
	}
	return "①"
}

// splitHeading cuts line into its heading sentence and the body after it;
// text is the part of line shown as the heading (line without a leading
// dash). An item heading must end with a full stop or colon; a part or sub
// heading may also stand alone on its line without one.
func splitHeading(rank int, style, line, text string, needStop bool) (heading, bool) {
	cut, size := headingCut(text)
	if cut < 0 {
		if needStop || utf8.RuneCountInString(text) > maxHeadingRunes {
			return heading{}, false
		}
		return heading{rank: rank, style: style, text: strings.TrimSpace(text)}, true
	}
	h := heading{rank: rank, style: style, text: strings.TrimSpace(text[:cut]), body: strings.TrimSpace(text[cut+size:])}
	if h.text == "" || utf8.RuneCountInString(h.text) > maxHeadingRunes {
		return heading{}, false
	}
	h.runIn = h.body != ""
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
// 附件2：名词解释, 名词解释, 注释.
func appendixHeading(line string) (heading, bool) {
	if utf8.RuneCountInString(line) > 40 || strings.ContainsAny(line, "。；;") {
		return heading{}, false
	}
	if reAppendix.MatchString(line) || reTerms.MatchString(line) {
		return heading{rank: rankAppendix, text: line}, true
	}
	return heading{}, false
}

// entryHeading recognises an entry of a list of terms in an appendix
// ("6. 两重：指…", "［3］离岛免税：") and cuts it at its colon.
func entryHeading(line string) (heading, bool) {
	if !reEntry.MatchString(line) {
		return heading{}, false
	}
	i := strings.IndexAny(line, "：:")
	_, size := utf8.DecodeRuneInString(line[i:])
	h := heading{rank: rankItem, style: "entry", text: strings.TrimSpace(line[:i]), body: strings.TrimSpace(line[i+size:])}
	h.runIn = h.body != ""
	return h, true
}

// isAddress reports whether line opens with an address to the deputies
// (各位代表：/各位代表！), which speakers use between the parts of a speech.
func isAddress(line string) bool { return reAddress.MatchString(line) }

// isBareAddress reports whether line is nothing but an address.
func isBareAddress(line string) bool {
	m := reAddress.FindStringIndex(line)
	return m != nil && strings.TrimSpace(line[m[1]:]) == ""
}

// withoutAddress drops a leading address: "各位代表！“十四五”时期…" → "“十四五”时期…".
func withoutAddress(line string) string {
	if m := reAddress.FindStringIndex(line); m != nil {
		return strings.TrimSpace(line[m[1]:])
	}
	return line
}

// leadShape says whether sentence s reads as a phrase naming what follows
// it: rankLead for a short phrase with no inner punctuation (内需拉动明显
// 增强。), rankGroup for a longer one of a clause or two (这一年，我们感恩
// 奋进、埋头苦干，封关运作如期实现。), 0 for a sentence of body text. A
// lead has no figure and ends with a full stop; on a heading line of its
// own (onLine) it may end with nothing and a group may be longer.
func leadShape(s string, onLine bool) int {
	inner, stopped := strings.CutSuffix(s, "。")
	if !stopped {
		last, _ := utf8.DecodeLastRuneInString(s)
		if !onLine || rePunct.MatchString(string(last)) && !strings.ContainsRune(closeQuotes, last) {
			return 0
		}
	}
	n := utf8.RuneCountInString(inner)
	if n < 4 || isAddress(s) || hasFigure(inner) || strings.ContainsAny(inner, "：:；;？?！!") {
		return 0
	}
	bare := stripQuoted(inner)
	longest := maxRunInGroup
	if onLine {
		longest = maxGroupRunes
	}
	switch {
	case n <= maxLeadRunes && !rePunct.MatchString(bare):
		return rankLead
	case n <= longest && strings.Count(bare, "，")+strings.Count(bare, ",") <= 3:
		return rankGroup
	}
	return 0
}

// stripQuoted drops quotation and title marks and brackets, keeping their
// content, so that "“百千万工程”" and "北京（京津冀）" count as words
// rather than punctuation.
func stripQuoted(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(openQuotes+closeQuotes+"（）()", r) {
			return -1
		}
		return r
	}, s)
}

// isTitleLine reports whether l reads as a short title rather than a sentence.
func isTitleLine(l string) bool {
	return utf8.RuneCountInString(l) <= 40 && !strings.ContainsAny(l, "。；;，,")
}

// inlineLabel is how an item inside a paragraph is shown in a section
// path: its first clause, at most maxInlineLabel characters.
func inlineLabel(s string) string {
	if i := strings.IndexAny(s, "，,；;。：:"); i > 0 {
		s = s[:i]
	}
	if utf8.RuneCountInString(s) > maxInlineLabel {
		s = string([]rune(s)[:maxInlineLabel])
	}
	return s
}
