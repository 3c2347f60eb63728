package bot

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxMessageUnits is Telegram's limit on a message's text after entity
// parsing, in UTF-16 code units.
const maxMessageUnits = 4096

// htmlToken is a tag, an entity or one character of Telegram HTML.
type htmlToken struct {
	text    string
	units   int    // visible UTF-16 code units
	tag     string // tag name for tags
	closing bool   // a closing tag
	r       rune   // the character, for text and entities
}

// tokenizeHTML splits Telegram HTML as written by this package into tokens.
func tokenizeHTML(s string) []htmlToken {
	var toks []htmlToken
	for i := 0; i < len(s); {
		switch s[i] {
		case '<':
			if j := strings.IndexByte(s[i:], '>'); j > 0 {
				raw := s[i : i+j+1]
				inner := strings.TrimSuffix(strings.TrimPrefix(raw, "<"), ">")
				t := htmlToken{text: raw}
				if strings.HasPrefix(inner, "/") {
					t.closing = true
					inner = inner[1:]
				}
				t.tag, _, _ = strings.Cut(strings.TrimSpace(inner), " ")
				toks = append(toks, t)
				i += j + 1
				continue
			}
		case '&':
			if j := strings.IndexByte(s[i:], ';'); j > 0 && j < 12 {
				raw := s[i : i+j+1]
				r := entityRune(raw)
				toks = append(toks, htmlToken{text: raw, units: utf16Len(r), r: r})
				i += j + 1
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		toks = append(toks, htmlToken{text: s[i : i+n], units: utf16Len(r), r: r})
		i += n
	}
	return toks
}

// entityRune decodes one HTML entity such as "&lt;" or "&#128512;".
func entityRune(e string) rune {
	switch e {
	case "&lt;":
		return '<'
	case "&gt;":
		return '>'
	case "&amp;":
		return '&'
	case "&quot;":
		return '"'
	}
	name := strings.TrimSuffix(strings.TrimPrefix(e, "&#"), ";")
	base := 10
	if strings.HasPrefix(name, "x") || strings.HasPrefix(name, "X") {
		name, base = name[1:], 16
	}
	if n, err := strconv.ParseInt(name, base, 32); err == nil && utf8.ValidRune(rune(n)) {
		return rune(n)
	}
	return utf8.RuneError
}

// utf16Len is the number of UTF-16 code units of r.
func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// breakPriority ranks the places after a token where a message may be split:
// line ends first, then sentence ends, then commas and spaces.
func breakPriority(t htmlToken) int {
	if t.tag != "" || t.units == 0 {
		return 0
	}
	switch t.r {
	case '\n':
		return 3
	case '。', '！', '？', '；', '!', '?', ';':
		return 2
	case '，', '、', ',', ' ':
		return 1
	}
	return 0
}

// splitHTML splits Telegram HTML into messages of at most limit visible
// UTF-16 units, preferably at line ends, else at sentence ends. Tags open
// at a split are closed at the end of one part and reopened at the start of
// the next. Blank parts are dropped.
func splitHTML(s string, limit int) []string {
	toks := tokenizeHTML(s)
	total := 0
	for _, t := range toks {
		total += t.units
	}
	if total <= limit {
		if blankHTML(toks) {
			return nil
		}
		return []string{s}
	}
	type cut struct {
		end   int // token index after the cut
		units int
		stack []htmlToken
	}
	var parts []string
	var stack []htmlToken // open tags
	for i := 0; i < len(toks); {
		start := cloneTokens(stack)
		units := 0
		var best [4]cut // the latest cut of each priority
		j := i
		for ; j < len(toks); j++ {
			t := toks[j]
			if t.units > 0 && units+t.units > limit {
				break
			}
			units += t.units
			stack = applyTag(stack, t)
			if p := breakPriority(t); p > 0 {
				best[p] = cut{end: j + 1, units: units, stack: cloneTokens(stack)}
			}
		}
		end := j
		if j < len(toks) {
			// Prefer the strongest cut that keeps the part reasonably full.
			for p := 3; p >= 1; p-- {
				if best[p].end > i && best[p].units >= limit/4 {
					end, stack = best[p].end, best[p].stack
					break
				}
			}
		}
		if end == i { // cannot happen with limit >= 2; guarantees progress
			end = i + 1
			stack = applyTag(stack, toks[i])
		}
		var sb strings.Builder
		for _, t := range start {
			sb.WriteString(t.text)
		}
		for _, t := range toks[i:end] {
			sb.WriteString(t.text)
		}
		for k := len(stack) - 1; k >= 0; k-- {
			sb.WriteString("</" + stack[k].tag + ">")
		}
		if !blankHTML(toks[i:end]) {
			parts = append(parts, sb.String())
		}
		i = end
	}
	return parts
}

// applyTag updates the stack of open tags with t.
func applyTag(stack []htmlToken, t htmlToken) []htmlToken {
	if t.tag == "" {
		return stack
	}
	if !t.closing {
		return append(stack, t)
	}
	for k := len(stack) - 1; k >= 0; k-- {
		if stack[k].tag == t.tag {
			return stack[:k]
		}
	}
	return stack
}

func cloneTokens(ts []htmlToken) []htmlToken {
	return append([]htmlToken(nil), ts...)
}

// blankHTML reports whether the tokens show nothing but white space.
func blankHTML(toks []htmlToken) bool {
	for _, t := range toks {
		if t.units > 0 && !unicode.IsSpace(t.r) {
			return false
		}
	}
	return true
}
