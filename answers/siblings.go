package answers

import (
	"slices"
	"strings"

	"planbot/index/report"
)

// sibling returns the clause of a list next to c's (the sentence before
// or after it in its paragraph, the two parted by ；) that says the topics
// of a question asking several figures that c does not: 今年GDP和一般公共
// 预算收入目标各定的多少 is answered by …地区生产总值增长5%以上…；and
// 一般公共预算收入增长2%…；together. Two topics the report names, one said
// by c and one by the clause, make the question one of several figures
// (the question need not join them in words: 油气 of oil and gas output is
// one topic, said in the clause before). It returns the figures of that
// clause said with those topics (all of its figures when none is); ok is
// false when there is none.
func sibling(j *judge, c *candidate) (s report.Sentence, figs []report.Figure, before, ok bool) {
	if !j.q.figure || c.s.Para < 0 {
		return s, nil, false, false
	}
	text := j.rc.lowered(c.s.ID)
	said, lacks := 0, make([]bool, len(j.kws))
	for i, k := range j.kws {
		if k.verb || !k.known {
			continue
		}
		if containsAny(text, k.alts) {
			said++
		} else {
			lacks[i] = true
		}
	}
	missing := anchoredBy(j.kws, func(i int) bool { return lacks[i] }) // the topics c lacks
	if said == 0 || !slices.Contains(lacks, true) {
		return s, nil, false, false
	}
	ss := &j.rc.r.Sentences
	for _, id := range []int{c.s.ID - 1, c.s.ID + 1} {
		if id < 0 || id >= ss.Len() {
			continue
		}
		o := ss.At(id)
		first := c.s.Text
		if id < c.s.ID {
			first = o.Text
		}
		if o.Para != c.s.Para || !(strings.HasSuffix(first, "；") || strings.HasSuffix(first, ";")) || len(o.Figures) == 0 {
			continue
		}
		other := j.rc.lowered(id)
		if slices.ContainsFunc(missing, func(k keyword) bool { return !k.verb && !containsAny(other, k.alts) }) {
			continue // it lacks one too
		}
		figs, found := topicFigures(&o, other, missing, 0)
		if !found || len(figs) == 0 {
			figs = o.Figures
		}
		return o, figs, id < c.s.ID, true
	}
	return s, nil, false, false
}

// withSibling adds sentence o, the clause next to a's (before it when
// before), to answer a, its figures figs highlighted as well.
func withSibling(a Answer, o report.Sentence, figs []report.Figure, before bool) Answer {
	var marks []Span
	if before {
		for _, f := range figs {
			marks = append(marks, Span{Start: f.Start, End: f.End})
		}
		for _, m := range a.Marks {
			marks = append(marks, Span{Start: m.Start + len(o.Text), End: m.End + len(o.Text)})
		}
		a.Text = o.Text + a.Text
	} else {
		marks = a.Marks
		for _, f := range figs {
			marks = append(marks, Span{Start: f.Start + len(a.Text), End: f.End + len(a.Text)})
		}
		a.Text += o.Text
	}
	a.Marks = marks
	return a
}
