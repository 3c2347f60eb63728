// Package segment cuts Chinese text into words with gse and offers the
// result to bleve as a tokenizer of type "gse", one per dictionary: each
// report is cut with a dictionary of its own, registered under a name
// that the report's index mapping records (Register, Analyze).
//
// Loading gse's full dictionary takes about a second and 200 MB, so it is
// loaded only to build an index. The build keeps a pruned dictionary: the
// words of the full one that occur in the indexed reports, plus the domain
// terms, plus one balancing entry that keeps the total frequency of the
// full dictionary. The common words, which every pruned dictionary keeps,
// are built in once (common.txt) rather than written with each report. gse's path costs depend only on the words present in a
// text and on that total, so the pruned dictionary cuts every indexed text
// exactly as the full one does, and loads in milliseconds (FromDict).
//
// A reader need not load even that: Lazy indexes the pruned dictionary's
// lines and, for each text, loads into gse only the words found in it and
// a balancing entry, which cuts the text exactly as the whole pruned
// dictionary does, on the same ground. Opening it takes a fraction of a
// millisecond; each new text then costs tens of microseconds (less when a
// gse dictionary built for an earlier text holds all its words: the
// pieces of a question reuse the question's), so it is for questions,
// and a report's own words are found when it is built.
package segment

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
	"github.com/go-ego/gse/hmm"
)

//go:embed terms.txt
var domainTerms string

// Terms returns the built-in domain terms, so that an index built with
// other terms can be recognised as stale.
func Terms() []string { return domainLines() }

// termFreq is the frequency given to domain and report terms: high enough
// that a term stays whole rather than being cut into shorter words.
const termFreq = 2000

// commonFreq is the frequency from which a dictionary word is kept in a
// pruned dictionary even when no report uses it.
const commonFreq = 300

// balanceToken stands for the words pruned away; it is a private-use
// pair of characters that never occurs in text (gse forces one-character
// words to frequency 2, so it must be two).
const balanceToken = "\ue000\ue001"

// Token is a word of a text with its byte offsets and its part of speech
// as gse's dictionary tags it ("n", "v", "vn"…; "" for words it lacks).
type Token struct {
	Term       string
	Start, End int
	Pos        string
}

// Segmenter cuts text into words. It is safe for concurrent use.
type Segmenter struct {
	seg   gse.Segmenter // the whole dictionary loaded (Full, FromDict)
	words *lazyWords    // or a dictionary loaded per text (Lazy)

	cutsMu sync.Mutex
	cuts   map[string][]Token // Lazy's last cuts
}

// hmmOnce loads gse's HMM model, which lives in package-level maps of
// gse/hmm: loading it again for each segmenter writes those maps while
// other goroutines cut text with them (a fatal concurrent map write when
// reports are indexed in parallel, or opened while others are asked).
var hmmOnce sync.Once

// LoadHMM loads gse's HMM model, once for the process. A gse.Segmenter
// made outside this package must call it and set NotLoadHMM.
func LoadHMM() { hmmOnce.Do(func() { hmm.LoadModel() }) }

// newSegmenter returns a segmenter that will not load the HMM model again.
func newSegmenter() *Segmenter {
	LoadHMM()
	s := &Segmenter{}
	s.seg.SkipLog = true
	s.seg.NotLoadHMM = true
	return s
}

// Full loads gse's Simplified Chinese dictionary and the domain terms.
func Full() (*Segmenter, error) {
	s := newSegmenter()
	// Terms loaded first win over the same words in gse's dictionary.
	if err := s.seg.LoadDictStr(dictText(domainLines())); err != nil {
		return nil, fmt.Errorf("load domain terms: %w", err)
	}
	if err := s.seg.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("load gse dictionary: %w", err)
	}
	return s, nil
}

// FromDict loads a dictionary written by Prune, with the common words.
func FromDict(dict string) (*Segmenter, error) {
	s := newSegmenter()
	dict, _ = cutTotal(dict)
	if err := s.seg.LoadDictStr(commonText + dict); err != nil {
		return nil, fmt.Errorf("load pruned dictionary: %w", err)
	}
	if s.seg.Dict.NumTokens() == 0 {
		return nil, fmt.Errorf("load pruned dictionary: it is empty")
	}
	return s, nil
}

// Prune writes the part of a report's dictionary that is its own: every
// word of s found in texts or in keep that is not a common word, terms (a
// report's headings and table indicators) as whole words, and the
// balancing entry. Its first line gives the total frequency of the whole
// dictionary, the common words (Common) included (for Lazy). With the
// common words it cuts texts as s does (FromDict, Lazy).
// Adding a term adds its frequency to both the pruned and the reference
// total, so the balance is unchanged.
func (s *Segmenter) Prune(texts, keep, terms []string) string {
	d := s.seg.Dict
	seen := map[string]dictEntry{}
	tokens := make([]*gse.Token, d.MaxTokenLen()+1)
	look := func(text string) {
		words := s.seg.SplitTextToWords([]byte(text))
		for i := range words {
			// one walk of the trie finds every word that starts here
			n := d.LookupTokens(words[i:min(i+d.MaxTokenLen(), len(words))], tokens)
			for _, tok := range tokens[:n] {
				if w := tok.Text(); tok.Freq() > 0 {
					if _, ok := seen[w]; !ok {
						seen[w] = dictEntry{tok.Freq(), tok.Pos()}
					}
				}
			}
		}
	}
	for _, t := range texts {
		look(t)
	}
	for _, t := range keep {
		look(t)
	}
	common := s.common()
	for w, e := range common {
		seen[w] = e
	}
	kept := 0.0 // of the full dictionary's total
	for _, e := range seen {
		kept += e.freq
	}
	for _, t := range wordTerms(terms) {
		if _, ok := seen[t]; !ok {
			seen[t] = dictEntry{termFreq, "n"}
		}
	}
	whole := dictLines(seen)
	if rest := d.TotalFreq() - kept; rest >= 2 {
		whole += fmt.Sprintf("%s %s\n", balanceToken, strconv.FormatFloat(rest, 'f', -1, 64))
	}
	total := 0.0
	if w, err := indexWords(whole); err == nil {
		total = w.totalFreq()
	}
	var own strings.Builder
	own.WriteString(totalPrefix + strconv.FormatFloat(total, 'f', -1, 64) + "\n")
	for _, l := range strings.SplitAfter(whole, "\n") {
		if w, _, _ := strings.Cut(l, " "); l != "" {
			if _, ok := common[w]; !ok {
				own.WriteString(l)
			}
		}
	}
	return own.String()
}

// dictEntry is a word's frequency and part of speech in a dictionary.
type dictEntry struct {
	freq float64
	pos  string
}

// common returns the common words of s's dictionary: those of two
// characters or more with a frequency of commonFreq or more. Every pruned
// dictionary has them, so that a question's ordinary words (出生, 股票) are
// cut as words, not taken for typos or unknown characters; they are kept
// once for all (common.txt), not in each report's dictionary.
func (s *Segmenter) common() map[string]dictEntry {
	d := s.seg.Dict
	out := map[string]dictEntry{}
	for i := range d.Tokens {
		tok := &d.Tokens[i]
		if w := tok.Text(); tok.Freq() >= commonFreq && utf8.RuneCountInString(w) >= 2 && !strings.ContainsAny(w, " \t\n") {
			if _, ok := out[w]; !ok {
				out[w] = dictEntry{tok.Freq(), tok.Pos()}
			}
		}
	}
	return out
}

// dictLines writes words as dictionary lines "word freq [pos]", sorted.
func dictLines(words map[string]dictEntry) string {
	sorted := make([]string, 0, len(words))
	for w := range words {
		sorted = append(sorted, w)
	}
	sort.Strings(sorted)
	var b strings.Builder
	for _, w := range sorted {
		if strings.ContainsAny(w, " \t\n") {
			continue
		}
		b.WriteString(w)
		b.WriteByte(' ')
		b.WriteString(strconv.FormatFloat(words[w].freq, 'f', -1, 64))
		if pos := words[w].pos; pos != "" && !strings.ContainsAny(pos, " \t\n") {
			b.WriteByte(' ')
			b.WriteString(pos)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// Cut returns the words of text in search mode: each word, then the shorter
// dictionary words inside it, with byte offsets into text. Spaces and
// punctuation are dropped.
func (s *Segmenter) Cut(text string) []Token {
	if s.words == nil {
		return cut(&s.seg, text)
	}
	if toks, ok := s.cutMemo(text); ok {
		return toks
	}
	toks := cut(s.words.gseFor(text), text)
	s.remember(text, toks)
	return toks
}

// cut cuts text with g in search mode.
func cut(g *gse.Segmenter, text string) []Token {
	var out []Token
	for _, sg := range g.ModeSegment([]byte(text), false) {
		tok := sg.Token()
		word := text[sg.Start():sg.End()]
		if !isWord(word) {
			continue
		}
		out = append(out, Token{Term: word, Start: sg.Start(), End: sg.End(), Pos: tok.Pos()})
		addSubwords(&out, tok, text, sg.Start())
	}
	return out
}

// addSubwords adds the dictionary words inside a long word, for recall:
// 高标准农田 also yields 标准 and 农田.
func addSubwords(out *[]Token, tok *gse.Token, text string, base int) {
	subs := tok.Segments()
	if len(subs) < 2 {
		return
	}
	for _, sub := range subs {
		start, end := base+sub.Start(), base+sub.End()
		if end > len(text) || end-start < 4 { // at least two CJK characters
			continue
		}
		*out = append(*out, Token{Term: text[start:end], Start: start, End: end, Pos: sub.Token().Pos()})
		addSubwords(out, sub.Token(), text, start)
	}
}

// IsWord reports whether w is a word of the segmenter's dictionary, with
// a frequency gse would use; Latin letters in any case (gse lowers them).
func (s *Segmenter) IsWord(w string) bool {
	key := strings.ToLower(w)
	if s.words == nil {
		freq, _, ok := s.seg.Find(key)
		return ok && freq > 0
	}
	return s.words.common.has(key) || s.words.own.has(key)
}

// Words returns the words of text without their offsets.
func (s *Segmenter) Words(text string) []string {
	toks := s.Cut(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Term
	}
	return out
}

// isWord reports whether w has a letter or a digit.
func isWord(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// domainLines returns the lines of terms.txt, comments left out.
func domainLines() []string {
	var out []string
	for _, l := range strings.Split(domainTerms, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}

// wordTerms keeps the terms that can be words: 2 to 12 characters, no
// spaces.
func wordTerms(terms []string) []string {
	var out []string
	for _, t := range terms {
		t = strings.TrimSpace(t)
		if n := utf8.RuneCountInString(t); n >= 2 && n <= 12 && !strings.ContainsAny(t, " \t") {
			out = append(out, t)
		}
	}
	return out
}

// dictText writes dictionary lines "word freq" for terms without one.
func dictText(terms []string) string {
	var b strings.Builder
	for _, l := range terms {
		if strings.Contains(l, " ") {
			b.WriteString(l)
		} else {
			fmt.Fprintf(&b, "%s %d n", l, termFreq)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// A segmenter is registered under the name of its dictionary, so that the
// bleve index cut with it names the dictionary in its mapping and is
// queried with the same one. Names are content hashes (DictName): the same
// dictionary has one name, and registering it twice is counted.
var (
	namedMu sync.Mutex
	named   = map[string]*registered{}
)

type registered struct {
	s    *Segmenter
	refs int
}

// DictName names a pruned dictionary by its content.
func DictName(dict string) string {
	sum := sha256.Sum256([]byte(dict))
	return hex.EncodeToString(sum[:8])
}

// Register makes s the segmenter of the dictionary called name, for the
// bleve indexes whose mapping names it. Each Register is undone by one
// Unregister.
func Register(name string, s *Segmenter) {
	namedMu.Lock()
	defer namedMu.Unlock()
	if r := named[name]; r != nil {
		r.refs++
		return
	}
	named[name] = &registered{s: s, refs: 1}
}

// Unregister undoes one Register of name.
func Unregister(name string) {
	namedMu.Lock()
	defer namedMu.Unlock()
	if r := named[name]; r != nil {
		if r.refs--; r.refs <= 0 {
			delete(named, name)
		}
	}
}

// Named returns the segmenter registered under name.
func Named(name string) (*Segmenter, bool) {
	namedMu.Lock()
	defer namedMu.Unlock()
	r := named[name]
	if r == nil {
		return nil, false
	}
	return r.s, true
}
