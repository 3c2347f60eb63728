package answers

import (
	"strings"

	"planbot/index"
)

// Plain answers with the top hit of a plain bleve + gse search of the
// question as typed: the baseline the engine is measured against.
func Plain(lib *index.Library, reportID string) func(q string) []Answer {
	return func(q string) []Answer {
		var out []Answer
		lib.View(func(snap *index.Snapshot) error {
			id := reportID
			if es := snap.Entries(); id == "" && len(es) > 0 {
				id = es[len(es)-1].Meta.ID
			}
			r, err := snap.Open(id)
			if err != nil {
				return nil
			}
			hits, err := index.Search(r.Index, q, 3)
			if err != nil {
				return err
			}
			for _, h := range hits {
				s := r.Sentences.At(h.Sentence)
				out = append(out, Answer{Text: s.Text, Section: strings.Join(s.Section, " › "), Report: r.Meta.Title, ReportID: r.Meta.ID})
			}
			return nil
		})
		res := Result{Answers: out}
		res.detach()
		return res.Answers
	}
}
