package answers

import (
	"strings"

	"planbot/index"
	"planbot/index/report"
)

// searchSize is how many search hits are ranked.
const searchSize = 60

// candidate is a sentence that may answer, with its features, its score
// and the gate that rejected it (nil: it may answer).
type candidate struct {
	s        *report.Sentence
	f        features
	score    float64
	rejected *gate
}

// candidates finds the sentences of a report that may answer: bleve's
// hits for the words of the question's topics, the sentences a matching
// topic sentence heads, and those with a figure in a rare unit asked for.
func candidates(r *index.Loaded, rc *reportCache, q question, kws []keyword) []index.Hit {
	hits, err := index.Search(r.Index, searchText(kws), searchSize)
	if err != nil {
		return nil
	}
	hits = rc.withFollowers(hits)
	return rc.withUnit(hits, q.units)
}

// searchText is the query given to bleve: every word of every topic.
func searchText(kws []keyword) string {
	var b strings.Builder
	for _, k := range kws {
		for _, a := range k.alts {
			b.WriteString(a)
			b.WriteByte(' ')
		}
	}
	return b.String()
}
