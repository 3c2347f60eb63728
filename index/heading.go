package index

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Heading ranks, outermost first.
const (
	rankPart = 1 // 一、2024年…执行情况
	rankSub  = 2 // (一)坚持稳大盘保增长
	rankItem = 3 // 一是工业生产承压前行。 / 一要… / 第一，… / ——经济总体回升向好。
	rankNum  = 4 // 1. / 1、
)

const (
	maxHeadingRunes = 60 // longer "headings" are body text
	cnNum           = `[一二三四五六七八九十]{1,3}`
)

var (
	rePart = regexp.MustCompile(`^(` + cnNum + `)[、．.]\s*(\S.*)$`)
	reSub  = regexp.MustCompile(`^[(（](` + cnNum + `)[)）]\s*(\S.*)$`)
	reItem = regexp.MustCompile(`^((?:第` + cnNum + `[,，、])|(?:` + cnNum + `[是要]))(\S.*)$`)
	reNum  = regexp.MustCompile(`^(\d{1,2})[.、．]\s*(\D.*)$`)
	reDash = regexp.MustCompile(`^——+(\S.*)$`)
)

// heading is a recognised heading line, possibly with body text after it.
type heading struct {
	rank int
	text string // the heading as shown in a section path
	body string // text on the same line after the heading sentence
}

// parseHeading recognises a heading at the start of line.
func parseHeading(line string) (heading, bool) {
	if m := rePart.FindStringSubmatch(line); m != nil {
		return splitHeading(rankPart, line, false)
	}
	if m := reSub.FindStringSubmatch(line); m != nil {
		return splitHeading(rankSub, line, false)
	}
	if reItem.MatchString(line) {
		return splitHeading(rankItem, line, true)
	}
	if m := reDash.FindStringSubmatch(line); m != nil {
		// "——经济总体回升向好。国内生产总值…" is an item; "——地区生产总值增长8%左右;"
		// (a line of a target list) is not.
		h, ok := splitHeading(rankItem, m[1], true)
		if !ok || h.body == "" || strings.ContainsAny(h.text, "0123456789%") {
			return heading{}, false
		}
		return h, true
	}
	if m := reNum.FindStringSubmatch(line); m != nil {
		return splitHeading(rankNum, line, true)
	}
	return heading{}, false
}

// splitHeading cuts line into its heading sentence and the body after it.
// An item heading must end with a full stop or colon; a part or sub heading
// may also stand alone on its line without one.
func splitHeading(rank int, line string, needStop bool) (heading, bool) {
	cut := strings.IndexAny(line, "。：:！")
	if cut < 0 {
		if needStop || utf8.RuneCountInString(line) > maxHeadingRunes {
			return heading{}, false
		}
		return heading{rank: rank, text: strings.TrimSpace(line)}, true
	}
	text := strings.TrimSpace(line[:cut])
	_, size := utf8.DecodeRuneInString(line[cut:])
	body := strings.TrimSpace(line[cut+size:])
	if utf8.RuneCountInString(text) > maxHeadingRunes {
		return heading{}, false
	}
	return heading{rank: rank, text: text, body: body}, true
}
