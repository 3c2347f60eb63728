package answers

// Result is what the engine says about one question.
type Result struct {
	Question string   `json:"question"`
	Answers  []Answer `json:"answers"`
	// Closest lists section headings near the question, offered when the
	// report does not answer it.
	Closest []string `json:"closest,omitempty"`
	// Note says why there is no answer when the reason is known, e.g. that
	// no report covers the place or year asked about.
	Note string `json:"note,omitempty"`
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
