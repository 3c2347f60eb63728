package report

import (
	"regexp"
	"strings"
	"unicode"
)

// Terms returns the words a report's headings and table name and the
// short names it quotes, for a segmenter to keep whole.
func (r *Report) Terms() []string {
	var out []string
	for _, row := range r.Rows {
		out = append(out, row.Indicator)
	}
	for _, h := range r.Headings {
		for _, piece := range strings.FieldsFunc(stripOrdinal(h), isPunct) {
			if n := len([]rune(piece)); n >= 3 && n <= 6 && !reTitleYr.MatchString(piece) {
				out = append(out, piece)
			}
		}
	}
	seen := map[string]bool{}
	for _, s := range r.Sentences {
		for _, m := range reQuotedName.FindAllStringSubmatch(s.Text, -1) {
			if !seen[m[1]] {
				seen[m[1]] = true
				out = append(out, m[1]) // “两癌”: a name the report gives a thing
			}
		}
	}
	return out
}

// reQuotedName matches a short name in quotes: “两癌”, “渝车出海”.
var reQuotedName = regexp.MustCompile(`“(\p{Han}{2,6})”`)

// stripOrdinal drops the numbering of a heading: 一、 (一) 一是 1.
func stripOrdinal(h string) string {
	for _, re := range []*regexp.Regexp{rePart, reSub, reItem, reNum} {
		if m := re.FindStringSubmatch(h); m != nil {
			return m[len(m)-1]
		}
	}
	return h
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) }
