package index

import (
	"unicode/utf8"

	"planbot/index/report"
	"planbot/index/segment"
)

// Words are the words of a report's sentences as its dictionary cuts
// them. They are found once, when the report is built, and kept beside
// it (in report.gob), so that a reader never cuts the whole report: opening
// a report loads its dictionary lazily (segment.Lazy), which cuts a
// question quickly but a whole report slowly.
type Words struct {
	// All lists the distinct words, the words inside longer words
	// included, in the order they first occur.
	All []string `json:"all"`
	// Top lists the distinct words that are not inside a longer one, in
	// the order they first occur.
	Top []TopWord `json:"top"`
}

// TopWord is a word of a report not inside a longer one. A word of three
// characters or more has Heads: the byte offsets at which the words of
// its own cut start (Segmenter.Cut of the word alone, inner words
// included), so that its parts are known without cutting it.
type TopWord struct {
	Word  string `json:"w"`
	Heads []int  `json:"h,omitempty"`
}

// headsFrom is the length in characters from which a top word has Heads.
const headsFrom = 3

// wordsOf cuts the sentences of r with seg and lists their words.
func wordsOf(r *report.Report, seg *segment.Segmenter) *Words {
	w := &Words{All: []string{}, Top: []TopWord{}}
	all, top := map[string]bool{}, map[string]bool{}
	for _, s := range r.Sentences {
		end := -1
		for _, t := range seg.Cut(s.Text) {
			if !all[t.Term] {
				all[t.Term] = true
				w.All = append(w.All, t.Term)
			}
			if t.Start < end {
				continue // inside the word before
			}
			end = t.End
			if top[t.Term] {
				continue
			}
			top[t.Term] = true
			tw := TopWord{Word: t.Term}
			if utf8.RuneCountInString(t.Term) >= headsFrom {
				for _, sub := range seg.Cut(t.Term) {
					tw.Heads = append(tw.Heads, sub.Start)
				}
			}
			w.Top = append(w.Top, tw)
		}
	}
	return w
}
