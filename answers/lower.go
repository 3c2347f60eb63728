package answers

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lower is strings.ToLower made fast for Chinese text, which has nothing
// to lower: it returns s itself, without decoding its CJK characters
// (U+3000 to U+9FFF, which have no case), unless some character would
// change, and then strings.ToLower(s). Opening a report lowers all its
// text.
func lower(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if 'A' <= c && c <= 'Z' {
				return strings.ToLower(s)
			}
			i++
		case 0xE3 <= c && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			i += 3 // a character of U+3000 to U+9FFF
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError || unicode.ToLower(r) != r {
				return strings.ToLower(s)
			}
			i += n
		}
	}
	return s
}
