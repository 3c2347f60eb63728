// Package english maps English words and phrases to candidate Chinese words,
// so that questions asked in English can be matched against Chinese reports.
//
// The data is an index of CC-CEDICT glosses (CC BY-SA 4.0, MDBG,
// https://cc-cedict.org/wiki/) embedded from glosses.txt, which gen.mjs
// generates. A gloss such as "unemployment rate" becomes a key with the
// headwords it describes (失业率). Candidates are broad on purpose: the caller
// keeps those its report actually uses.
package english

import (
	_ "embed"
	"regexp"
	"slices"
	"strings"
	"sync"
)

//go:embed glosses.txt
var glosses string

// glossIndex is the parsed form of glosses.txt.
type glossIndex struct {
	words map[string][]string // key → Chinese words
	verbs map[string]bool     // keys most of whose glosses are verbs
}

// index is glosses.txt parsed, built on first use.
var index = sync.OnceValue(func() glossIndex { return parse(glosses) })

// parse reads lines of the form "key<TAB>word word ...[<TAB>v]", skipping
// comments and malformed lines. Keys and words share the memory of data.
func parse(data string) glossIndex {
	ix := glossIndex{words: make(map[string][]string, strings.Count(data, "\n")), verbs: map[string]bool{}}
	for line := range strings.Lines(data) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		key, rest, ok := strings.Cut(line, "\t")
		rest, flag, _ := strings.Cut(rest, "\t")
		words := strings.Fields(rest)
		if !ok || key == "" || len(words) == 0 {
			continue
		}
		ix.words[key] = words
		if flag == "v" {
			ix.verbs[key] = true
		}
	}
	return ix
}

// IsVerb reports whether the dictionary knows the English word w mostly
// as a verb (visit, drop), or w is a verb form of one (visited, working).
func IsVerb(w string) bool {
	w = strings.ToLower(w)
	ix := index()
	if ix.verbs[w] {
		return true
	}
	for _, suffix := range []string{"ed", "d", "ing", "s", "es"} {
		if stem, ok := strings.CutSuffix(w, suffix); ok && ix.verbs[stem] {
			return true
		}
	}
	return false
}

// Words returns the candidate Chinese words for an English word or phrase,
// or nil if it is unknown. The phrase is matched case-insensitively with
// runs of spaces collapsed, and the base forms of its last word give their
// words too, after those of the phrase as is ("cities" gives 城邑 and then
// the words of "city", 城市…; "boxes" those of "box"): a dictionary that
// knows a plural in one sense only must not hide the common one. A
// hyphenated phrase is also tried with spaces
// ("high-tech" gives the words of "high tech" too). The result is a
// fresh slice the caller may modify.
func Words(phrase string) []string {
	phrase = strings.Join(strings.Fields(strings.ToLower(phrase)), " ")
	if phrase == "" {
		return nil
	}
	var out []string
	forms := []string{phrase}
	if strings.Contains(phrase, "-") {
		forms = append(forms, strings.ReplaceAll(phrase, "-", " ")) // high-tech, high tech
	}
	m := index().words
	for _, f := range forms {
		for _, k := range append([]string{f}, singulars(f)...) {
			for _, x := range m[k] {
				if !slices.Contains(out, x) {
					out = append(out, x)
				}
			}
		}
	}
	return out
}

// singulars returns possible singular forms of a phrase whose last word
// looks plural, most likely first.
func singulars(p string) []string {
	head, last := "", p
	if i := strings.LastIndexByte(p, ' '); i >= 0 {
		head, last = p[:i+1], p[i+1:]
	}
	var out []string
	for _, f := range baseForms(last) {
		out = append(out, head+f)
	}
	return out
}

// SameNoun reports whether the English words a and b are one noun, in
// the singular or the plural (tourists and tourist, refunds and refund,
// cities and city).
func SameNoun(a, b string) bool { return slices.Contains(NounForms(a), b) }

// NounForms returns w and the forms w has, as a noun, in the other number
// (tourist: tourists, touristes; cities: city; buses: buse, bus),
// whether or not they are words.
func NounForms(w string) []string {
	out := []string{w, w + "s", w + "es"}
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		out = append(out, w[:len(w)-1])
	}
	if strings.HasSuffix(w, "es") {
		out = append(out, w[:len(w)-2])
	}
	if strings.HasSuffix(w, "ies") {
		out = append(out, w[:len(w)-3]+"y")
	}
	if strings.HasSuffix(w, "y") {
		out = append(out, w[:len(w)-1]+"ies")
	}
	return out
}

// baseForms returns the forms a word of a question may stand for in the
// dictionary: its singular (cities → city, boxes → box), its verb's base
// (created → create, stopped → stop, studied → study, rising → rise) and
// its American spelling (labourer → laborer, organise → organize).
func baseForms(w string) []string {
	var out []string
	add := func(f string) {
		if len(f) >= 2 && !slices.Contains(out, f) && f != w {
			out = append(out, f)
		}
	}
	if base, ok := irregular()[w]; ok {
		add(base) // built → build
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		add(w[:len(w)-3] + "y") // cities
	case strings.HasSuffix(w, "es"):
		add(w[:len(w)-2]) // boxes, buses
		add(w[:len(w)-1]) // houses
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		add(w[:len(w)-1]) // tourists
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		add(w[:len(w)-3] + "y") // studied
	case strings.HasSuffix(w, "ed"):
		stem := w[:len(w)-2]
		add(stem)       // finished
		add(stem + "e") // created
		if n := len(stem); n > 2 && stem[n-1] == stem[n-2] {
			add(stem[:n-1]) // stopped
		}
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		stem := w[:len(w)-3]
		add(stem)       // building
		add(stem + "e") // rising
		if n := len(stem); n > 2 && stem[n-1] == stem[n-2] {
			add(stem[:n-1]) // running
		}
	}
	for _, f := range append([]string{w}, out...) {
		if strings.Contains(f, "our") {
			add(strings.Replace(f, "our", "or", 1)) // labour
		}
		if strings.HasSuffix(f, "ise") || strings.HasSuffix(f, "isation") {
			add(strings.Replace(f, "is", "iz", 1)) // organise
		}
	}
	return out
}

//go:embed irregular.txt
var irregularText string

// irregular maps the irregular forms of English verbs to their base
// (built → build, grew → grow), from irregular.txt.
var irregular = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(irregularText, "\n") {
		if f := strings.Fields(line); len(f) == 2 && !strings.HasPrefix(line, "#") {
			m[f[0]] = f[1]
		}
	}
	return m
})

type Match struct {
	Phrase     string   // the phrase as written in the text
	Start, End int      // byte offsets of the phrase in the text
	Words      []string // candidate Chinese words, as returned by Words
}

// reOrdinal matches an ordinal number: 15th, 2nd.
var reOrdinal = regexp.MustCompile(`^\d+(st|nd|rd|th)$`)

// maxPhrase is the longest phrase, in words, that Phrases tries.
const maxPhrase = 4

// stopWords are never a phrase on their own, nor together with other stop
// words only, but may appear inside a longer phrase ("rate of return").
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the of in on for to by at as from into over under about per with without
		is are was were be been being am do does did done have has had having will would shall should can could may might must
		how what which who whom whose when where why there here this that these those it its they their them we our us you your
		i me my he his she her and or but not no so than then also just only very too much many more most less some any each every
		all both other such own same up down out off again further once now currently current so far ever yet still
		last next year years get got units unit make made give given take taken come comes came go goes went
		within throughout since until while large big doing going trying
		after before during against among between across along around behind beyond toward towards via upon
		ahead forward back away already really even like unlike rather quite almost
		deal deals dealing dealt lot lots supposed suppose think thinking coming extra alone actually part kind sort approach worth period
		ago compared compare comparison versus`) {
		m[w] = true
	}
	return m
}()

// IsOrdinal reports whether w is an ordinal number (8th, 15th): a count,
// not a topic.
func IsOrdinal(w string) bool { return reOrdinal.MatchString(w) }

// IsStopWord reports whether w (lower case) is an English word that only
// shapes a sentence: the, did, over, have.
func IsStopWord(w string) bool { return stopWords[w] }

// Phrases finds the English phrases in a text that may mix Chinese and
// English. It scans words (runs of ASCII letters, digits, '&' and '-', with
// inner dots as in "PM2.5") from left to right and at each word takes the
// longest phrase of up to four words, separated only by spaces, that Words
// knows. Phrases made only of stop words ("how", "in", "how many") are
// skipped. It returns nil if there are none.
func Phrases(text string, accept func(words []string) bool) []Match {
	var toks []span
	for i := 0; i < len(text); {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && (isWordByte(text[j]) ||
			text[j] == '.' && j+1 < len(text) && isAlnum(text[j+1]) && isAlnum(text[j-1])) {
			j++
		}
		switch {
		case !strings.ContainsFunc(text[i:j], isLetter) || reOrdinal.MatchString(text[i:j]): // 2025, 15th
		case strings.Contains(text[i:j], "-") && !glossed(text[i:j], accept):
			// non-fossil is looked up as non and fossil, county-level as
			// county and level when the text does not use 县级
			for k := i; k < j; {
				e := strings.IndexByte(text[k:j], '-')
				if e < 0 {
					e = j - k
				}
				if e > 0 {
					toks = append(toks, span{k, k + e})
				}
				k += e + 1
			}
		default:
			toks = append(toks, span{i, j})
		}
		i = j
	}

	var out []Match
	for i := 0; i < len(toks); {
		n := 1 // words consumed
		for k := min(maxPhrase, len(toks)-i); k >= 1; k-- {
			last := i + k - 1
			if !spacesOnly(text, toks, i, last) {
				continue
			}
			stop := true
			for _, t := range toks[i : last+1] {
				stop = stop && stopWords[strings.ToLower(text[t.start:t.end])]
			}
			if stop {
				continue
			}
			p := text[toks[i].start:toks[last].end]
			if w := Words(p); w != nil && (accept == nil || k == 1 || accept(w)) {
				out = append(out, Match{Phrase: p, Start: toks[i].start, End: toks[last].end, Words: w})
				n = k
				break
			}
		}
		i += n
	}
	return out
}

// glossed reports whether w has Chinese words that accept takes (any, when
// accept is nil).
func glossed(w string, accept func(words []string) bool) bool {
	ws := Words(w)
	return ws != nil && (accept == nil || accept(ws))
}

// A span is the byte range of a word in a text.
type span struct{ start, end int }

// spacesOnly reports whether tokens i..last are separated by spaces only.
func spacesOnly(text string, toks []span, i, last int) bool {
	for j := i; j < last; j++ {
		if strings.Trim(text[toks[j].end:toks[j+1].start], " ") != "" {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isLetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

func isWordByte(c byte) bool { return isAlnum(c) || c == '&' || c == '-' }

// Load parses the glossary now rather than on first use (a server calls
// it at start, so that no question waits for it).
func Load() { index() }
