package answers

import (
	"slices"
	"strings"

	"planbot/index"
)

// A question the report does not answer is offered the headings nearest
// to it (closest), each one that leads to a sentence. When the asker picks
// one, the question is asked again within that section (Options.Within):
// every sentence under the heading is a candidate, and the best of those
// that say at least Weights.WithinCoverage of the question answers though
// it says too little for the whole report, since the asker chose where to
// look; the gates after the coverage gate still hold (a figure of another
// year, another unit), and so does the rule that an amount answers "是多少".
// When no sentence of the section passes them, the best that says enough
// of the question for the whole report is given with the note of the
// first gate after coverage that rejected it (此句没有所问的数字), its
// figures not highlighted (noted). Of the 604 questions withheld on all
// the sets, a heading offered leads so to the expected sentence for 345,
// the first heading for 260 (311 and 243 without the noted sentences;
// TestQuestionSets keeps a floor).

// under returns the hits under heading, with every other sentence under it
// added: the asker chose the section, so all of it may answer, not only
// what the search found.
func (rc *reportCache) under(heading string, hits []index.Hit) []index.Hit {
	seen := sentencesOf(hits)
	out := hits[:0:0]
	for _, h := range hits {
		if rc.isUnder(h.Sentence, heading) {
			out = append(out, h)
		}
	}
	for i := range rc.r.Sentences.Len() {
		if !seen[i] && rc.isUnder(i, heading) {
			out = append(out, index.Hit{Sentence: i})
		}
	}
	return out
}

// isUnder reports whether sentence i stands under heading: in its section
// path, or, for a row of an indicator table, as the row's indicator
// (社会消费品零售总额：2024年计划增速8%以上，…).
func (rc *reportCache) isUnder(i int, heading string) bool {
	ss := &rc.r.Sentences
	return slices.Contains(ss.Section(i), heading) || ss.Para(i) < 0 && strings.HasPrefix(ss.Text(i), heading+"：")
}

// markOpen marks the candidates of an unanswered question that would
// answer within their section, for closest to offer only headings that
// lead to a sentence.
func markOpen(j *judge, ranked []candidate) {
	for i := range ranked {
		c := &ranked[i]
		c.open = c.rejected == nil || inSection(j, c) && laterGate(j, c) == nil || c.rejected.note != ""
	}
}

// noted returns, when no sentence of the section chosen answers, the best
// that a gate after the coverage gate rejected, each with the gate's note
// (此句没有所问的数字) and no figure highlighted: it is about the question,
// the asker chose where to look, and the note says what it lacks.
func noted(r *index.Loaded, j *judge, ranked []candidate, top int) []Answer {
	var out []Answer
	for i := range ranked {
		c := &ranked[i]
		if len(out) == top {
			break
		}
		if c.rejected == nil || c.rejected.note == "" {
			continue
		}
		a := compose(r, *c, j.q, nil)
		a.Note = c.rejected.note
		out = append(out, a)
	}
	return out
}

// inSection reports whether c, which the coverage gate rejected, may
// answer when the asker chose its section: it says at least
// Weights.WithinCoverage of the question, enough to be about it (彩票 is
// not answered by 房票 of a housing section).
func inSection(j *judge, c *candidate) bool {
	return c.rejected != nil && c.rejected.name == "coverage" && c.f.Coverage >= j.w.WithinCoverage && c.f.Coverage > 0
}

// laterGate returns the first gate after the coverage gate that rejects c,
// or nil.
func laterGate(j *judge, c *candidate) *gate {
	after := slices.IndexFunc(gates, func(g gate) bool { return g.name == "coverage" }) + 1
	for k := after; k < len(gates); k++ {
		if gates[k].rejects(j, c) {
			return &gates[k]
		}
	}
	return nil
}
