package answers

import (
	"slices"
	"strings"

	"planbot/answers/english"
)

// maxInflected is the longest phrase, in words, that inflected matches.
const maxInflected = 4

// inflected rewrites the English phrases of q (lowercase, as normalise
// leaves it) that say a Latin alias of two or more words with a word of
// four letters or more in the other number (tax refunds for tax refund,
// sports event for sports events) as the alias says them, so that the
// vocabulary finds them. The words of a phrase stand apart by spaces
// only. A phrase that an alias says as typed, that two aliases match in
// different ways, or that the dictionary knows (english.Words, which
// also tries its last word's singular) is left alone; so is a word alone,
// whose forms english.Words finds.
func (v *Vocabulary) inflected(q string) string {
	words, spans := v.hyphensApart(latinWordsOf(q))
	if len(words) < 2 {
		return q
	}
	type rewrite struct {
		start, end int // bytes of q
		with       string
	}
	var rws []rewrite
	taken := make([]bool, len(words))
	for n := maxInflected; n >= 2; n-- { // longer phrases first
		for i := 0; i+n <= len(words); i++ {
			if anyTaken(taken, i, i+n) || !spacedOnly(q, spans[i:i+n]) {
				continue
			}
			raw := q[spans[i][0]:spans[i+n-1][1]]
			with, ok := v.aliasFormOf(words[i : i+n])
			if !ok || with != strings.Join(words[i:i+n], " ") && english.Words(raw) != nil {
				continue
			}
			for k := i; k < i+n; k++ {
				taken[k] = true
			}
			if with != raw {
				rws = append(rws, rewrite{spans[i][0], spans[i+n-1][1], with})
			}
		}
	}
	if len(rws) == 0 {
		return q
	}
	slices.SortFunc(rws, func(a, b rewrite) int { return a.start - b.start })
	var b strings.Builder
	at := 0
	for _, rw := range rws {
		b.WriteString(q[at:rw.start])
		b.WriteString(rw.with)
		at = rw.end
	}
	b.WriteString(q[at:])
	return b.String()
}

// aliasFormOf returns the one Latin alias that says words, in the form the
// vocabulary writes it: words itself when an alias says them so.
func (v *Vocabulary) aliasFormOf(words []string) (string, bool) {
	typed := strings.Join(words, " ")
	for _, i := range v.phrases[words[0]] {
		if v.aliases[i].from == typed {
			return typed, true
		}
	}
	var idx []int
	for _, f := range english.NounForms(words[0]) {
		idx = append(idx, v.phrases[f]...)
	}
	slices.Sort(idx) // in the order of the aliases, as said
	found := ""
	for _, i := range idx {
		aw := strings.Fields(v.aliases[i].from)
		if len(aw) != len(words) {
			continue
		}
		same := true
		for k := range aw {
			same = same && (aw[k] == words[k] || len(words[k]) > 3 && english.SameNoun(aw[k], words[k]))
		}
		switch {
		case !same:
		case found != "" && found != v.aliases[i].from:
			return "", false // two aliases in different forms: which one is asked?
		default:
			found = v.aliases[i].from
		}
	}
	return found, found != ""
}

// latinWordsOf returns the Latin words of q with their spans: runs of
// lowercase letters, digits, &, ' and - (r&d, 5g, china-europe, people's),
// with a dot between two of them (pm2.5): english.Phrases' words, and the
// apostrophe that aliases such as people's livelihood hold.
func latinWordsOf(q string) ([]string, [][2]int) {
	var words []string
	var spans [][2]int
	isPart := func(c byte) bool {
		return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '&' || c == '\'' || c == '-'
	}
	for i := 0; i < len(q); {
		if !isPart(q[i]) {
			i++
			continue
		}
		j := i
		for j < len(q) && (isPart(q[j]) || q[j] == '.' && j+1 < len(q) && isPart(q[j+1]) && j > i) {
			j++
		}
		if strings.ContainsFunc(q[i:j], func(r rune) bool { return 'a' <= r && r <= 'z' }) {
			words = append(words, q[i:j])
			spans = append(spans, [2]int{i, j})
		}
		i = j
	}
	return words, spans
}

// hyphensApart returns words with each hyphenated word that no alias
// begins with or is (china-europe is one) cut at its hyphens into its
// parts, each with its span: new-energy may be the alias new energy.
func (v *Vocabulary) hyphensApart(words []string, spans [][2]int) ([]string, [][2]int) {
	if !slices.ContainsFunc(words, hyphenated) {
		return words, spans
	}
	var ws []string
	var ss [][2]int
	for k, w := range words {
		if !hyphenated(w) || v.phrases[w] != nil || v.terms[w] != nil {
			ws, ss = append(ws, w), append(ss, spans[k])
			continue
		}
		at := spans[k][0]
		for _, part := range strings.Split(w, "-") {
			if part != "" {
				ws, ss = append(ws, part), append(ss, [2]int{at, at + len(part)})
			}
			at += len(part) + 1
		}
	}
	return ws, ss
}

// hyphenated reports whether w has a hyphen between two of its letters.
func hyphenated(w string) bool { return strings.Contains(strings.Trim(w, "-"), "-") }

// spacedOnly reports whether the words at spans stand apart by spaces
// only in q: a year, a comma or a Chinese word between two words parts
// them (major 2025 project is no major project).
func spacedOnly(q string, spans [][2]int) bool {
	for k := 1; k < len(spans); k++ {
		if gap := q[spans[k-1][1]:spans[k][0]]; strings.Trim(gap, " ") != "" && gap != "-" {
			return false
		}
	}
	return true
}
