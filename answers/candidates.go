package answers

import (
	"slices"
	"strings"

	"planbot/index"
	"planbot/index/report"
)

// searchSize is how many search hits are ranked: 40 answers every
// question set as 60 did (25 loses one seed question), with less of
// bleve's work a question.
const searchSize = 40

// candidate is a sentence that may answer, with its features, its score
// and the gate that rejected it (nil: it may answer).
type candidate struct {
	s        *report.Sentence
	f        features
	score    float64
	rejected *gate
	standout bool // answers though the coverage gate rejected it (standout)
	sayer    bool // standout as the one sentence saying the topic asked (onlySayer)
	// open marks a candidate of an unanswered question that would answer
	// if its section were asked (within.go): a heading offered for the
	// question leads to it.
	open bool
}

// candidates finds the sentences of a report that may answer: bleve's
// hits for the words of the question's topics, the sentences a matching
// topic sentence heads, and those with a figure in a rare unit asked for.
func candidates(r *index.Loaded, rc *reportCache, q question, kws []keyword) []index.Hit {
	hits, err := index.Search(r.Index, searchText(kws), searchSize)
	if err != nil {
		return nil
	}
	hits = rc.withLiteral(hits, kws)
	hits = rc.withChars(hits, kws)
	hits = rc.withFollowers(hits)
	return rc.withUnit(hits, q.units)
}

// rareLiteral is how many sentences may say a topic for them all to be
// added: a word the index cut otherwise (营造林 as 营造/林 hides 造林).
const rareLiteral = 20

// withLiteral adds the sentences that say one of the question's topics
// word for word that the search missed, because the report's words were
// cut across it; a topic said by many sentences adds none.
func (rc *reportCache) withLiteral(hits []index.Hit, kws []keyword) []index.Hit {
	seen := sentencesOf(hits)
	for _, k := range kws {
		if k.verb || !k.known {
			continue
		}
		missed := map[int]bool{} // the sentences that say the topic and the search missed
		for _, a := range k.alts {
			is, n := rc.sentencesWith(a)
			if n > maxSaid {
				is = rc.scan(a) // many sentences say it, but the search may have found most
			}
			for _, i := range is {
				if !seen[i] {
					missed[i] = true
				}
			}
			if len(missed) > rareLiteral {
				break
			}
		}
		if len(missed) > rareLiteral {
			continue
		}
		more := make([]int, 0, len(missed))
		for i := range missed {
			more = append(more, i)
		}
		slices.Sort(more)
		for _, i := range more {
			seen[i] = true
			hits = append(hits, index.Hit{Sentence: i})
		}
	}
	return hits
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

// withChars adds the sentences that say a rare character of a topic the
// report never names (rareChars): few, by the choice of the characters.
func (rc *reportCache) withChars(hits []index.Hit, kws []keyword) []index.Hit {
	var seen map[int]bool
	for _, k := range kws {
		for _, c := range k.chars {
			if seen == nil {
				seen = sentencesOf(hits)
			}
			is, _ := rc.sentencesWith(c)
			for _, i := range is {
				if !seen[i] {
					seen[i] = true
					hits = append(hits, index.Hit{Sentence: i})
				}
			}
		}
	}
	return hits
}
