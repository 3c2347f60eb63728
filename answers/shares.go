package answers

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// shareCues ask for a share (比重, 占比): then the base of a share is part
// of what is asked.
var shareCues = words.list("cue.share")

// asksShare reports whether q asks for a share of something, in its words
// or in a vocabulary term's (研发投入强度 is 研发经费占生产总值的比例).
func asksShare(q question) bool {
	if containsAny(q.text, shareCues) {
		return true
	}
	for _, g := range q.groups {
		for _, a := range g {
			if containsAny(a, shareEnds) {
				return true
			}
		}
	}
	return false
}

// shareLeads open the base of a share in a sentence, shareEnds close it:
// 占 … 比重, 相当于 … 的比例.
var (
	shareLeads = []string{"占", "相当于"}
	shareEnds  = []string{"比重", "比例"}
)

// compareLeads open the base a rate is compared with, compareEnds close
// it: 全员劳动生产率增速高于地区生产总值增速 gives no rate of 地区生产总值.
var (
	compareLeads = []string{"高于", "低于", "快于", "慢于"}
	compareEnds  = []string{"增速", "增幅"}
)

// notShareAfter are the characters after 占 that make it a word of its
// own, no share's lead: 占领, 占用, 占地, 占有.
const notShareAfter = "领用地有据"

// maxShareBase is the most characters a share's base may have (全社会研发
// 经费, 规模以上工业增加值).
const maxShareBase = 16

// withoutShareBases returns text with the base of each share it states
// blanked out byte for byte, with the 的 that may end it (全市生产总值的 of
// 相当于全市生产总值的比例), or text itself when it states none; shares
// says whether to look for shares (占 … 比重) besides the bases rates are
// compared with (高于 … 增速), which are blanked out always. A sentence
// that names a thing only as what another is a share of, or is compared
// with, does not talk about it: 研发经费支出相当于全市生产总值的比例达到4.5%
// gives no figure of 生产总值.
func withoutShareBases(text string, shares bool) string {
	var out []byte
	blank := func(leads, ends []string) {
		for _, lead := range leads {
			for from := 0; ; {
				i := strings.Index(text[from:], lead)
				if i < 0 {
					break
				}
				start := from + i + len(lead)
				from = start
				if end := baseEnd(text, start, ends); end > start {
					if out == nil {
						out = []byte(text)
					}
					for b := start; b < end; b++ {
						out[b] = ' '
					}
				}
			}
		}
	}
	if shares {
		blank(shareLeads, shareEnds)
	}
	blank(compareLeads, compareEnds)
	if out == nil {
		return text
	}
	return string(out)
}

// baseEnd returns where the base that starts at byte start of text ends,
// right before one of ends (比重, 增速), or start when none follows within
// the clause or the lead is a word of its own (占领, 占用, 占地).
func baseEnd(text string, start int, ends []string) int {
	if r, _ := utf8.DecodeRuneInString(text[start:]); strings.ContainsRune(notShareAfter, r) && strings.HasSuffix(text[:start], "占") {
		return start
	}
	for n, b := 0, start; n <= maxShareBase && b < len(text); n++ {
		for _, end := range ends {
			if strings.HasPrefix(text[b:], end) {
				return b
			}
		}
		r, size := utf8.DecodeRuneInString(text[b:])
		if !unicode.Is(unicode.Han, r) && !unicode.IsLetter(r) && r != '、' {
			return start // a figure or a clause's end: no share
		}
		b += size
	}
	return start
}
