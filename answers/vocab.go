package answers

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"planbot/answers/english"
	"planbot/index/segment"
)

//go:embed vocab.txt
var defaultVocab string

// Vocabulary maps what people say (aliases: abbreviations, colloquial and
// English words) to the terms reports use.
type Vocabulary struct {
	aliases []alias // longest first, so 规上工业 wins over 规上
	// kin lists, by the term an alias stands for first, the Latin aliases
	// that stand for it: a report may write them (CPI for 居民消费价格).
	kin map[string][]string
	// terms are the terms of each alias.
	terms map[string][]string
	// byFirst lists, by the first character of their alias, the indexes
	// of the aliases in order: only those whose first character a
	// question says can be in it.
	byFirst map[rune][]int
	// longestChinese is the length in characters of the longest Chinese
	// alias.
	longestChinese int
	// phrases lists, by their first word, the indexes of the Latin
	// aliases of two to maxInflected words, in order (inflected).
	phrases map[string][]int
}

// termsOf returns the terms the alias w stands for, nil if w is none.
func (v *Vocabulary) termsOf(w string) []string { return v.terms[w] }

type alias struct {
	from  string
	terms []string
	latin bool
}

// LoadVocabulary reads the built-in vocabulary and, when path is not
// empty, the admins' file, whose lines add to it. A line that is not
// "alias = term ..." or an alias said twice (in one file or in both) is
// refused with its file and line.
func LoadVocabulary(path string) (*Vocabulary, error) {
	if path == "" {
		return ParseVocabulary("", "")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read vocabulary: %w", err)
	}
	return ParseVocabulary(string(b), path)
}

// ParseVocabulary is LoadVocabulary of a file called name whose content
// is text, not read from disk: the check of a file before it is written.
func ParseVocabulary(text, name string) (*Vocabulary, error) {
	n := strings.Count(defaultVocab, "\n") + strings.Count(text, "\n")
	v := &Vocabulary{terms: make(map[string][]string, n), aliases: make([]alias, 0, n)}
	lines := make(map[string]lineOf, n) // alias → where it was first said
	errs := v.parse(defaultVocab, "built-in vocabulary", lines)
	if text != "" {
		errs = append(errs, v.parse(text, name, lines)...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	v.sameHeads(lines)
	slices.SortStableFunc(v.aliases, func(a, b alias) int { return len(b.from) - len(a.from) })
	v.kin = make(map[string][]string, len(v.aliases))
	v.byFirst = map[rune][]int{}
	v.phrases = map[string][]int{}
	for i, a := range v.aliases {
		if sp := strings.IndexByte(a.from, ' '); a.latin && sp > 0 && strings.Count(a.from, " ") < maxInflected {
			v.phrases[a.from[:sp]] = append(v.phrases[a.from[:sp]], i)
		}
		v.kin[a.terms[0]] = append(v.kin[a.terms[0]], a.from)
		first, _ := utf8.DecodeRuneInString(a.from)
		v.byFirst[first] = append(v.byFirst[first], i)
		if !a.latin {
			v.longestChinese = max(v.longestChinese, utf8.RuneCountInString(a.from))
		}
	}
	return v, nil
}

// englishHeads are the nouns English ends a name with alike (foreign-
// invested enterprises, companies, firms), by kind.
var englishHeads = words.byKey("english_head")

// sameHeads says every English alias ending in a word of englishHeads with
// the others too, unless a line says that alias already; of two lines that
// end in different heads, the earlier gives the third its terms.
func (v *Vocabulary) sameHeads(seen map[string]lineOf) {
	for _, a := range v.aliases { // the aliases as parsed: those added here are not looked at again
		sp := strings.LastIndexByte(a.from, ' ')
		if !a.latin || sp < 0 {
			continue
		}
		for _, h := range englishHeads {
			if !slices.Contains(h.words, a.from[sp+1:]) {
				continue
			}
			for _, other := range h.words {
				from := a.from[:sp+1] + other
				if _, ok := seen[from]; !ok {
					seen[from] = seen[a.from]
					v.aliases = append(v.aliases, alias{from: from, terms: a.terms, latin: true})
					v.terms[from] = a.terms
				}
			}
		}
	}
}

// parse reads the lines of a vocabulary file called name, and returns
// what is wrong with them. seen says where each alias was said before.
func (v *Vocabulary) parse(text, name string, seen map[string]lineOf) []error {
	return readLines(text, name, func(from string, terms []string, where lineOf) error {
		from = strings.ToLower(from)
		if at, ok := seen[from]; ok {
			return fmt.Errorf("%s: alias %q is said already at %s; put its terms on one line", where, from, at)
		}
		seen[from] = where
		v.aliases = append(v.aliases, alias{from: from, terms: terms, latin: isASCII(from)})
		if v.terms == nil {
			v.terms = map[string][]string{}
		}
		v.terms[from] = terms
		return nil
	})
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

// expandLatin replaces the Latin aliases of q by their first term (so
// that "GDP growth target" reads as Chinese) and returns the groups of
// alternatives each stands for, the alias itself among them: a report
// that writes GDP answers for GDP.
func (v *Vocabulary) expandLatin(q string) (string, [][]string) {
	q = v.inflected(q)
	inPhrase := inPhraseOf(q)
	groups := v.find(q, true, nil, map[string]bool{}, func(i, j int, _ []string) bool { return inPhrase(i, j) })
	for _, i := range v.inText(q) {
		if a := v.aliases[i]; a.latin && strings.Contains(q, a.from) {
			q = replaceWordUnless(q, a.from, a.terms[0], inPhraseOf(q))
		}
	}
	return q, groups
}

// inPhraseOf reports of bytes i..j of q whether they lie inside a longer
// phrase of the English dictionary (companies in listed companies →
// 上市公司): an alias there is left to the dictionary.
func inPhraseOf(q string) func(i, j int) bool {
	var phrases [][2]int
	for _, m := range english.Phrases(q, nil) {
		if strings.Contains(m.Phrase, " ") {
			phrases = append(phrases, [2]int{m.Start, m.End})
		}
	}
	return func(i, j int) bool {
		for _, p := range phrases {
			if p[0] <= i && j <= p[1] && j-i < p[1]-p[0] {
				return true
			}
		}
		return false
	}
}

// inText returns, in the order of v.aliases, the indexes of the aliases
// whose first character q says: the only ones that q can contain.
func (v *Vocabulary) inText(q string) []int {
	var out []int
	for i, r := range q {
		if !strings.ContainsRune(q[:i], r) {
			out = append(out, v.byFirst[r]...)
		}
	}
	slices.Sort(out)
	return out
}

// expandChinese returns the groups of alternatives of the Chinese aliases
// in q (also those a Latin replacement completed: r&d强度 → 研发强度), cut
// into words by seg; an alias inside a longer word is no alias, nor is
// one inside the term a Latin alias was replaced by (旅游 of 入境旅游, which
// inbound tourism says) unless it shares a term with that alias (粮食 of
// 粮食产量 adds 粮食 to grain output's terms): latin are the groups
// expandLatin found.
func (v *Vocabulary) expandChinese(q string, seg *segment.Segmenter, latin [][]string) [][]string {
	return v.find(q, false, seg, map[string]bool{}, insideTerms(q, latin))
}

// insideTerms reports of an alias of terms at bytes i..j of q whether it
// lies inside, and is shorter than, a said first term of one of groups
// and shares no term with that group; nil when no first term is said.
func insideTerms(q string, groups [][]string) func(i, j int, terms []string) bool {
	type span struct {
		start, end int
		group      []string
	}
	var spans []span
	for _, g := range groups {
		for _, at := range occurrences(q, g[0]) {
			spans = append(spans, span{at, at + len(g[0]), g})
		}
	}
	if len(spans) == 0 {
		return nil
	}
	return func(i, j int, terms []string) bool {
		for _, s := range spans {
			if s.start <= i && j <= s.end && j-i < s.end-s.start && !slices.ContainsFunc(terms, func(t string) bool { return slices.Contains(s.group, t) }) {
				return true
			}
		}
		return false
	}
}

// find returns the groups of the Latin or the Chinese aliases in q, an
// alias once however often it is said.
func (v *Vocabulary) find(q string, latin bool, seg *segment.Segmenter, said map[string]bool, skip func(i, j int, terms []string) bool) [][]string {
	var groups [][]string
	taken := make([]bool, len(q))
	var words []segment.Token
	if !latin {
		words = topLevel(seg.Cut(q))
	}
	for _, k := range v.inText(q) {
		a := v.aliases[k]
		if a.latin != latin {
			continue
		}
		for _, i := range occurrences(q, a.from) {
			j := i + len(a.from)
			if a.latin && !(latinBoundary(q, i-1) && latinBoundary(q, j)) || skip != nil && skip(i, j, a.terms) {
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
			for _, k := range v.kin[a.terms[0]] { // 东西变贵 → 居民消费价格, which a report may write CPI
				if k != a.from && !slices.Contains(g, k) && isASCII(k) {
					g = append(g, k)
				}
			}
			groups = append(groups, append(g, a.from)) // the alias last
		}
	}
	if !latin {
		groups = append(groups, v.findAcrossGaps(q, words, taken, said)...)
	}
	return groups
}

// gapWords may stand inside an alias without breaking it: 经济年均增长
// says 经济增长 (and 年均, which stays a word of its own).
var gapWords = words.list("alias.gap")

// withoutGaps returns q without its gap words and, for each byte of the
// result, where it was in q.
func withoutGaps(q string) (string, []int) {
	if !containsAny(q, gapWords) {
		return q, nil // most questions: no copy, no offsets
	}
	var b strings.Builder
	var at []int
	for i := 0; i < len(q); {
		skip := 0
		for _, g := range gapWords {
			if strings.HasPrefix(q[i:], g) {
				skip = len(g)
				break
			}
		}
		if skip > 0 {
			i += skip
			continue
		}
		b.WriteByte(q[i])
		at = append(at, i)
		i++
	}
	return b.String(), at
}

// findAcrossGaps returns the groups of the Chinese aliases that q says
// with a gap word inside (经济年均增长), not said whole.
func (v *Vocabulary) findAcrossGaps(q string, words []segment.Token, taken []bool, said map[string]bool) [][]string {
	joined, at := withoutGaps(q)
	if len(joined) == len(q) {
		return nil
	}
	var groups [][]string
	for _, k := range v.beforeGaps(joined, at) {
		a := v.aliases[k]
		if a.latin || said[a.from] || isQuestionWord(a.terms[0]) {
			continue
		}
		for _, i := range occurrences(joined, a.from) {
			j := i + len(a.from)
			if at[j-1]+1-at[i] == len(a.from) {
				continue // said whole: find had it
			}
			bytes := at[i:j]
			if slices.ContainsFunc(bytes, func(b int) bool { return taken[b] }) {
				continue
			}
			head := 1 // the bytes before the gap
			for head < len(bytes) && bytes[head] == bytes[head-1]+1 {
				head++
			}
			if insideWord(words, bytes[0], bytes[head-1]+1) {
				continue // 投资 of 工业投资今年增速 is no 投资增速
			}
			for _, b := range bytes {
				taken[b] = true
			}
			said[a.from] = true
			groups = append(groups, append(slices.Clone(a.terms), a.from))
			break
		}
	}
	return groups
}

// beforeGaps returns, as inText does, the aliases that may stand across
// a gap of joined (where at, the bytes' places in the question, jumps):
// those whose first character joined says within an alias's length
// before one.
func (v *Vocabulary) beforeGaps(joined string, at []int) []int {
	var out []int
	seen := map[rune]bool{}
	for k := 1; k < len(at); k++ {
		if at[k] == at[k-1]+1 {
			continue
		}
		start := k
		for n := 0; n < v.longestChinese-1 && start > 0; n++ { // an alias across the gap starts at most so far before it
			_, size := utf8.DecodeLastRuneInString(joined[:start])
			start -= size
		}
		for _, r := range joined[start:k] {
			if !seen[r] {
				seen[r] = true
				out = append(out, v.byFirst[r]...)
			}
		}
	}
	slices.Sort(out)
	return out
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

func replaceWord(q, w, with string) string { return replaceWordUnless(q, w, with, nil) }

// replaceWordUnless replaces the Latin word w of q with with, but where
// skip says not to.
func replaceWordUnless(q, w, with string, skip func(i, j int) bool) string {
	var b strings.Builder
	at := 0 // bytes of the original q consumed
	for {
		i := strings.Index(q, w)
		if i < 0 {
			b.WriteString(q)
			return b.String()
		}
		j := i + len(w)
		if latinBoundary(q, i-1) && latinBoundary(q, j) && (skip == nil || !skip(at+i, at+j)) {
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
		q, at = q[j:], at+j
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

// Len returns the number of aliases.
func (v *Vocabulary) Len() int { return len(v.aliases) }
