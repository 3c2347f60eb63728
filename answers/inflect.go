package answers

import (
	"slices"
	"strings"

	"planbot/answers/english"
)

// latinPhrases returns the words of the Latin aliases of two or more
// words, by alias index, and those indexes by their first word.
func (v *Vocabulary) latinPhrases() ([][]string, map[string][]int) {
	v.latinOnce.Do(func() {
		v.latin = make([][]string, len(v.aliases))
		v.latinByFirst = map[string][]int{}
		for i, a := range v.aliases {
			if ws := strings.Fields(a.from); a.latin && len(ws) >= 2 {
				v.latin[i] = ws
				v.latinByFirst[ws[0]] = append(v.latinByFirst[ws[0]], i)
			}
		}
	})
	return v.latin, v.latinByFirst
}

func isLatinLetter(r rune) bool { return 'a' <= r && r <= 'z' }

// inflected rewrites the English phrases of q that say a Latin alias of
// two or more words with a noun in the other number (tax refunds for tax
// refund, sports event for sports events) as the alias says them, so that
// the vocabulary finds them. A phrase the dictionary knows as typed, one
// that two aliases match in different ways, or one an alias matches as it
// is, is left alone; so is a word alone (english.Words finds its forms).
func (v *Vocabulary) inflected(q string) string {
	words, spans := latinWordsOf(q)
	if len(words) == 0 {
		return q
	}
	type rewrite struct {
		start, end int // bytes of q
		with       string
	}
	var rws []rewrite
	taken := make([]bool, len(words))
	for _, n := range []int{4, 3, 2} { // longer phrases first
		for i := 0; i+n <= len(words); i++ {
			if anyTaken(taken, i, i+n) {
				continue
			}
			with, ok := v.aliasFormOf(words[i : i+n])
			if !ok || english.Words(q[spans[i][0]:spans[i+n-1][1]]) != nil && with != strings.Join(words[i:i+n], " ") {
				continue
			}
			for k := i; k < i+n; k++ {
				taken[k] = true
			}
			if with != strings.Join(words[i:i+n], " ") {
				rws = append(rws, rewrite{spans[i][0], spans[i+n-1][1], with})
			}
		}
	}
	if len(rws) == 0 {
		return q
	}
	var b strings.Builder
	at := 0
	for _, i := range sortedByStart(len(rws), func(i int) int { return rws[i].start }) {
		b.WriteString(q[at:rws[i].start])
		b.WriteString(rws[i].with)
		at = rws[i].end
	}
	b.WriteString(q[at:])
	return b.String()
}

// aliasFormOf returns the one Latin alias that says words, in the form the
// vocabulary writes it: words itself when an alias says them so.
func (v *Vocabulary) aliasFormOf(words []string) (string, bool) {
	found := ""
	latin, byFirst := v.latinPhrases()
	var idx []int
	for _, f := range english.NounForms(words[0]) {
		idx = append(idx, byFirst[f]...)
	}
	slices.Sort(idx) // in the order of the aliases, as said
	for _, i := range idx {
		aw := latin[i]
		if len(aw) != len(words) {
			continue
		}
		same, exact := true, true
		for k := range aw {
			exact = exact && aw[k] == words[k]
			same = same && (aw[k] == words[k] || len(words[k]) > 3 && english.SameNoun(aw[k], words[k]))
		}
		switch {
		case exact:
			return v.aliases[i].from, true
		case same && found != "" && found != v.aliases[i].from:
			return "", false // tourist: tourists or touristy?
		case same:
			found = v.aliases[i].from
		}
	}
	return found, found != ""
}

// latinWordsOf returns the lowercase Latin words of q with their spans.
func latinWordsOf(q string) ([]string, [][2]int) {
	var words []string
	var spans [][2]int
	for i := 0; i < len(q); {
		if !isLatinLetter(rune(q[i])) {
			i++
			continue
		}
		j := i
		for j < len(q) && (isLatinLetter(rune(q[j])) || q[j] == '-' || q[j] == '\'') {
			j++
		}
		words = append(words, q[i:j])
		spans = append(spans, [2]int{i, j})
		i = j
	}
	return words, spans
}

// sortedByStart returns 0..n-1 ordered by start(i).
func sortedByStart(n int, start func(int) int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	for i := 1; i < n; i++ {
		for k := i; k > 0 && start(out[k]) < start(out[k-1]); k-- {
			out[k], out[k-1] = out[k-1], out[k]
		}
	}
	return out
}
