package answers

import (
	"slices"
	"strings"

	"planbot/index"
)

// A question the report does not answer is offered the headings nearest
// to it (closest). When the asker picks one, the question is asked again
// within that section (Options.Within): every sentence under the heading
// is a candidate, and the best of those that say something of the
// question answers though it says too little of its topics, since the
// asker chose where to look; the gates after the coverage gate still hold
// (a figure of another year, another unit). On the tuning and older held-out sets, one of the headings
// offered for a withheld question leads so to the expected sentence for
// 190 of 358 questions, the first heading for 130 (README, The Telegram
// bot).

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

// chosenSection lets the candidates that the coverage gate rejected answer,
// when the asker chose their section and they say something of the
// question: the gates after it are tried again, as standout tries them.
func chosenSection(j *judge, ranked []candidate) {
	after := slices.IndexFunc(gates, func(g gate) bool { return g.name == "coverage" }) + 1
	for i := range ranked {
		c := &ranked[i]
		if c.rejected == nil || c.rejected.name != "coverage" || c.f.Coverage == 0 {
			continue // a sentence that says nothing of the question stays out
		}
		c.rejected = nil
		for k := after; k < len(gates); k++ {
			if gates[k].rejects(j, c) {
				c.rejected = &gates[k]
				break
			}
		}
	}
}
