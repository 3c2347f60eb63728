package report

import (
	"strings"
	"unicode/utf8"
)

const (
	openQuotes  = "“《「『‘"
	closeQuotes = "”》」』’"
	stops       = "。！？；!?;"
	trailers    = "”’」』)）"
)

// splitSentences cuts a paragraph where a reader would: after 。！？；
// (and their ASCII forms !?;) and after a colon that opens a list of items
// (：一是…), never inside a quotation or a title in 《》, and never inside
// a number (a '.' is never a boundary). Closing quotes and brackets right
// after a boundary stay with the sentence before it. Quotes that do not
// balance are ignored rather than swallowing the paragraph.
func splitSentences(para string) []string {
	quotes := balanced(para)
	var out []string
	start, depth := 0, 0
	for i, r := range para {
		switch {
		case quotes && strings.ContainsRune(openQuotes, r):
			depth++
		case quotes && strings.ContainsRune(closeQuotes, r):
			if depth > 0 {
				depth--
			}
		case depth == 0 && i >= start && (strings.ContainsRune(stops, r) || isListColon(para, i, r)):
			end := i + len(string(r))
			for end < len(para) {
				next, size := utf8.DecodeRuneInString(para[end:])
				if !strings.ContainsRune(trailers, next) {
					break
				}
				end += size
			}
			if s := strings.TrimSpace(para[start:end]); s != "" {
				out = append(out, s)
			}
			start = end
		}
	}
	if s := strings.TrimSpace(para[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// isListColon reports whether the colon r at i introduces a list of
// items (…标志性成果：一是…), which start sentences of their own.
func isListColon(para string, i int, r rune) bool {
	return (r == '：' || r == ':') && isInlineItem(para[i+utf8.RuneLen(r):])
}

// balanced reports whether every opening quote in s has a closing one.
func balanced(s string) bool {
	depth, dipped := quoteDepth(s)
	return depth == 0 && !dipped
}

// quoteDepth counts the quotations and titles s leaves open, and reports
// whether a closing quote ever came without its opening one.
func quoteDepth(s string) (depth int, dipped bool) {
	for _, r := range s {
		switch {
		case strings.ContainsRune(openQuotes, r):
			depth++
		case strings.ContainsRune(closeQuotes, r):
			depth--
			dipped = dipped || depth < 0
		}
	}
	return depth, dipped
}
