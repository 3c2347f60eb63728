package answers

import (
	"fmt"
	"strings"
)

// Result is what the engine says about one question.
type Result struct {
	Question string   `json:"question"`
	Answers  []Answer `json:"answers"`
	// Closest lists section headings near the question, offered when the
	// report does not answer it.
	Closest []string `json:"closest,omitempty"`
	// Report is the id of the report asked, when one was (the closest
	// headings are its); Within the heading asked within (Options.Within).
	Report string `json:"report,omitempty"`
	Within string `json:"within,omitempty"`
	// Note says why there is no answer when the reason is known, e.g. that
	// no report covers the place or year asked about.
	Note string `json:"note,omitempty"`
	// Trace shows how the question was understood and its candidates
	// judged, when Options.Explain asks for it.
	Trace *Trace `json:"trace,omitempty"`
}

// Trace is how a question was understood and its best candidates judged.
type Trace struct {
	Report     string      `json:"report,omitempty"` // the id of the report asked
	Understood string      `json:"understood"`       // intent, years, span and units asked
	Topics     []string    `json:"topics"`           // each topic: the words that say it, and its weight
	Candidates []TraceItem `json:"candidates"`       // best first
	top        int         // how many candidates to list (Options.ExplainTop)
}

// TraceItem is one candidate of a Trace.
type TraceItem struct {
	Text     string  `json:"text"`
	Section  string  `json:"section"` // the section path joined with " › "
	Score    float64 `json:"score"`
	Features string  `json:"features"`           // the terms of its score, largest first
	Rejected string  `json:"rejected,omitempty"` // the gate that kept it from answering, and why
	Passed   string  `json:"passed,omitempty"`   // the rule that let it answer though a gate rejected it
}

// String writes the trace for a person.
func (t *Trace) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "understood: %s\ntopics: %s\n", t.Understood, strings.Join(t.Topics, ", "))
	for _, c := range t.Candidates {
		verdict := "ok"
		if c.Passed != "" {
			verdict = "ok (" + c.Passed + ")"
		}
		if c.Rejected != "" {
			verdict = "rejected by " + c.Rejected
		}
		fmt.Fprintf(&b, "  %.3f %s\n        %s\n        %s\n", c.Score, c.Text, c.Features, verdict)
		if c.Section != "" {
			fmt.Fprintf(&b, "        — %s\n", c.Section)
		}
	}
	return b.String()
}

// Answer is one sentence (or table row) that answers a question.
type Answer struct {
	Text     string   `json:"text"`
	Section  string   `json:"section"` // the section path joined with " › "
	Report   string   `json:"report"`  // the report's title
	Score    float64  `json:"score"`
	ReportID string   `json:"report_id"`
	Path     []string `json:"path"` // the section path
	Part     string   `json:"part"` // review, plan, table, ...
	// Marks are byte ranges of Text that hold figures, to be highlighted.
	Marks []Span `json:"marks,omitempty"`
	// Note qualifies a near miss, e.g. that only a growth rate is given.
	Note string `json:"note,omitempty"`
	// SentenceID and ParagraphID identify the passage within its report.
	SentenceID  int `json:"sentence_id"`
	ParagraphID int `json:"paragraph_id"`
}

// Span is a byte range [Start, End) of a text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// detach copies the strings of res that are slices of an open report's
// text (a stored report's strings share one text, index/stored.go), so
// that a result kept after its question (the bot keeps thousands for their
// buttons) holds a few hundred bytes and not the whole text of its report
// after the report is closed.
func (res *Result) detach() {
	res.Closest = cloneAll(res.Closest)
	for i := range res.Answers {
		a := &res.Answers[i]
		for _, s := range []*string{&a.Text, &a.Section, &a.Report, &a.ReportID, &a.Part, &a.Note} {
			*s = strings.Clone(*s)
		}
		a.Path = cloneAll(a.Path)
	}
	if t := res.Trace; t != nil {
		t.Report, t.Understood = strings.Clone(t.Report), strings.Clone(t.Understood)
		t.Topics = cloneAll(t.Topics)
		for i := range t.Candidates {
			c := &t.Candidates[i]
			c.Text, c.Section, c.Features, c.Rejected, c.Passed = strings.Clone(c.Text), strings.Clone(c.Section), strings.Clone(c.Features), strings.Clone(c.Rejected), strings.Clone(c.Passed)
		}
	}
}

// cloneAll returns a copy of ss and of its strings (nil for nil).
func cloneAll(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.Clone(s)
	}
	return out
}
