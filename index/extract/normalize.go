package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanText normalises extracted text: line endings (\r\n, \r, U+2028,
// U+2029) become \n; control characters other than tab, invisible format
// characters and invalid bytes are dropped; each line is trimmed; runs of
// blank lines collapse to one; leading and trailing blank lines go.
func cleanText(s string) string {
	var out, line strings.Builder
	out.Grow(len(s))
	blank := false
	flush := func() {
		l := strings.TrimFunc(line.String(), unicode.IsSpace)
		line.Reset()
		switch {
		case l == "":
			blank = out.Len() > 0
		default:
			if out.Len() > 0 {
				out.WriteByte('\n')
				if blank {
					out.WriteByte('\n')
				}
			}
			out.WriteString(l)
			blank = false
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			flush()
		case r == '\n', r == '\u2028', r == '\u2029', r == '\u0085':
			flush()
		case r == '\t':
			line.WriteByte('\t')
		case dropRune(r):
		default:
			line.WriteRune(r)
		}
	}
	flush()
	return out.String()
}

// dropRune reports whether r is noise to drop from extracted text: control
// characters, the replacement character (invalid input), noncharacters and
// invisible format characters (BOM, zero-width space, bidi controls, soft
// hyphen).
func dropRune(r rune) bool {
	switch {
	case unicode.IsControl(r), r == utf8.RuneError, r == 0xFFFE, r == 0xFFFF:
		return true
	case r == '\uFEFF', r == '\u200B', r == '\u200E', r == '\u200F', r == '\u00AD':
		return true
	case r >= '\u202A' && r <= '\u202E', r >= '\u2060' && r <= '\u2064', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// maxSpan caps how many columns one merged table cell is padded to, so that
// a hostile colspan cannot blow up the output.
const maxSpan = 20

// tableRow formats the cells of a table row as one line, "| a | b |". It
// returns "" for a row whose cells are all empty.
func tableRow(cells []string) string {
	empty := true
	for i, c := range cells {
		cells[i] = cleanCell(c)
		if cells[i] != "" {
			empty = false
		}
	}
	if empty {
		return ""
	}
	return "| " + strings.Join(cells, " | ") + " |"
}

// cleanCell puts a table cell's text on one line: line breaks, tabs and
// runs of spaces become one space and "|" becomes a full-width "｜" so the
// row can be split into its cells again.
func cleanCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(s, "|", "｜")
}
