package answers

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

//go:embed words.txt
var wordsText string

// words are the word lists of words.txt, by kind.
var words = mustReadWords(wordsText)

// wordLists are the words of words.txt by kind, and the kinds in the
// order of the file.
type wordLists struct {
	byKind map[string][]string
	kinds  []string
	asked  map[string]bool // kinds the code asked for
}

// readLines reads the lines "key = value ..." of a data file called name,
// comments and blank lines left out, calling each with the key, the values
// and where the line is (written name:line). It returns the lines it cannot read
// and what each returns.
func readLines(text, name string, each func(key string, values []string, where lineOf) error) []error {
	var errs []error
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		where := lineOf{name, n + 1}
		key, rest, ok := strings.Cut(line, "=")
		key, values := strings.TrimSpace(key), strings.Fields(rest)
		if !ok || key == "" || len(values) == 0 {
			errs = append(errs, fmt.Errorf("%s: want \"key = word ...\", got %q", where, line))
			continue
		}
		if err := each(key, values, where); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// lineOf is a line of a file, written as file:line.
type lineOf struct {
	file string
	line int
}

func (l lineOf) String() string { return l.file + ":" + strconv.Itoa(l.line) }

// readWords reads words.txt: the lines of a kind add up; "_" stands for a
// space.
func readWords(text string) (wordLists, []error) {
	w := wordLists{byKind: map[string][]string{}, asked: map[string]bool{}}
	errs := readLines(text, "words.txt", func(kind string, values []string, _ lineOf) error {
		if _, ok := w.byKind[kind]; !ok {
			w.kinds = append(w.kinds, kind)
		}
		for _, v := range values {
			w.byKind[kind] = append(w.byKind[kind], strings.ReplaceAll(v, "_", " "))
		}
		return nil
	})
	return w, errs
}

func mustReadWords(text string) wordLists {
	w, errs := readWords(text)
	if len(errs) > 0 {
		panic(fmt.Sprintf("answers: the embedded words.txt: %v", errs)) // the build's own data
	}
	return w
}

// list returns the words of a kind; a kind words.txt lacks is a bug of
// the build.
func (w wordLists) list(kind string) []string {
	l, ok := w.byKind[kind]
	w.asked[kind] = true
	if !ok {
		panic("answers: words.txt has no kind " + kind)
	}
	return l
}

// chars returns the words of a kind joined: a set of characters.
func (w wordLists) chars(kind string) string { return strings.Join(w.list(kind), "") }

// keyed is the list of one kind prefix.KEY.
type keyed struct {
	key   string
	words []string
}

// byKey returns the lists of the kinds prefix.KEY, in the file's order.
func (w wordLists) byKey(prefix string) []keyed {
	var out []keyed
	for _, k := range w.kinds {
		if key, ok := strings.CutPrefix(k, prefix+"."); ok {
			w.asked[k] = true
			out = append(out, keyed{strings.ReplaceAll(key, "_", " "), w.byKind[k]})
		}
	}
	if len(out) == 0 {
		panic("answers: words.txt has no kind " + prefix + ".*")
	}
	return out
}

// mapOf returns the lists of the kinds prefix.KEY by KEY.
func (w wordLists) mapOf(prefix string) map[string][]string {
	out := map[string][]string{}
	for _, k := range w.byKey(prefix) {
		out[k.key] = k.words
	}
	return out
}
