package answers

import (
	_ "embed"
	"fmt"
	"os"
	"sort"
	"strings"

	"planbot/index/segment"
)

//go:embed vocab.txt
var defaultVocab string

// Vocabulary maps what people say (aliases: abbreviations, colloquial and
// English words) to the terms reports use.
type Vocabulary struct {
	aliases []alias // longest first, so 规上工业 wins over 规上
}

type alias struct {
	from  string
	terms []string
	latin bool
}

// LoadVocabulary reads the built-in vocabulary and, when path is not
// empty, the admins' file, whose lines add to it.
func LoadVocabulary(path string) (*Vocabulary, error) {
	v := &Vocabulary{}
	if err := v.parse(defaultVocab, "built-in vocabulary"); err != nil {
		return nil, err
	}
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read vocabulary: %w", err)
		}
		if err := v.parse(string(b), path); err != nil {
			return nil, err
		}
	}
	sort.SliceStable(v.aliases, func(i, j int) bool { return len(v.aliases[i].from) > len(v.aliases[j].from) })
	return v, nil
}

func (v *Vocabulary) parse(text, name string) error {
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		from, to, ok := strings.Cut(line, "=")
		terms := strings.Fields(to)
		from = strings.ToLower(strings.TrimSpace(from))
		if !ok || from == "" || len(terms) == 0 {
			return fmt.Errorf("%s:%d: want \"alias = term ...\", got %q", name, n+1, line)
		}
		v.aliases = append(v.aliases, alias{from: from, terms: terms, latin: isASCII(from)})
	}
	return nil
}

// Texts returns every term of the vocabulary, for the index to keep in its
// dictionary.
func (v *Vocabulary) Texts() []string {
	var out []string
	for _, a := range v.aliases {
		out = append(out, a.terms...)
	}
	return out
}

// KeepWords returns the words the index's pruned dictionary must know
// besides the reports' own: the vocabulary's terms and the words that
// shape questions, so that questions are cut into words the same way.
func (v *Vocabulary) KeepWords() []string {
	out := v.Texts()
	out = append(out, questionWords...)
	out = append(out, targetCues...)
	out = append(out, resultCues...)
	out = append(out, howCues...)
	return append(out, figureCues...)
}

// expand finds the aliases in q. It returns q with Latin aliases replaced
// by their first term (so that "GDP growth target" reads as Chinese) and
// the groups of alternative terms each alias stands for.
func (v *Vocabulary) expand(q string) (string, [][]string) {
	said := map[string]bool{}
	groups := v.find(q, true, said)
	for _, a := range v.aliases { // Latin aliases give way to a Chinese term
		if a.latin {
			q = replaceWord(q, a.from, a.terms[0])
		}
	}
	// then the Chinese aliases, also those the replacement completes
	// (r&d强度 → 研发强度)
	return q, append(groups, v.find(q, false, said)...)
}

// find returns the groups of the Latin or the Chinese aliases in q, an
// alias once however often it is said.
func (v *Vocabulary) find(q string, latin bool, said map[string]bool) [][]string {
	var groups [][]string
	taken := make([]bool, len(q))
	var words []segment.Token
	if !latin {
		words = topLevel(segment.Current().Cut(q))
	}
	for _, a := range v.aliases {
		if a.latin != latin {
			continue
		}
		for _, i := range occurrences(q, a.from) {
			j := i + len(a.from)
			if a.latin && !(latinBoundary(q, i-1) && latinBoundary(q, j)) {
				continue
			}
			if !a.latin && insideWord(words, i, j) {
				continue // 三产 in 第三产业 is not the alias 三产
			}
			if anyTaken(taken, i, j) {
				continue
			}
			for k := i; k < j; k++ {
				taken[k] = true
			}
			if isQuestionWord(a.terms[0]) || said[a.from] {
				continue // "target" only says what is asked, like 目标
			}
			said[a.from] = true
			g := append([]string{}, a.terms...)
			if !a.latin {
				g = append(g, a.from)
			}
			groups = append(groups, g)
		}
	}
	return groups
}

func anyTaken(t []bool, i, j int) bool {
	for k := i; k < j; k++ {
		if t[k] {
			return true
		}
	}
	return false
}

// latinBoundary reports whether q[i] is not a Latin letter or digit.
func latinBoundary(q string, i int) bool {
	if i < 0 || i >= len(q) {
		return true
	}
	c := q[i]
	return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '&' || c == '-')
}

func replaceWord(q, w, with string) string {
	var b strings.Builder
	for {
		i := strings.Index(q, w)
		if i < 0 {
			b.WriteString(q)
			return b.String()
		}
		j := i + len(w)
		if latinBoundary(q, i-1) && latinBoundary(q, j) {
			b.WriteString(q[:i])
			if i > 0 && isASCII(q[i-1:i]) && q[i-1] != ' ' { // apart from Latin text, not from Han
				b.WriteByte(' ')
			}
			b.WriteString(with)
			if j < len(q) && isASCII(q[j:j+1]) && q[j] != ' ' {
				b.WriteByte(' ')
			}
		} else {
			b.WriteString(q[:j])
		}
		q = q[j:]
	}
}

// insideWord reports whether bytes i..j lie inside one longer word that
// does not start with them (三产 in 第三产业; 地铁 in 地铁线 is its head).
func insideWord(words []segment.Token, i, j int) bool {
	for _, w := range words {
		if w.Start < i && w.End >= j {
			return true
		}
	}
	return false
}
