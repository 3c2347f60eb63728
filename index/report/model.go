// Package index turns report files into a searchable model: it parses a
// report's structure (sections, paragraphs, sentences, table rows and
// figures), segments Chinese text with gse, and keeps one bleve index per
// report on disk.
package report

import "time"

// Part says which half of a report a passage belongs to.
type Part string

// The parts of a report.
const (
	PartFront   Part = "front"   // title, date, opening lines
	PartReview  Part = "review"  // results of the reviewed year
	PartPlan    Part = "plan"    // targets and work of the planned year
	PartTable   Part = "table"   // rows of an appended table
	PartClosing Part = "closing" // closing lines and appendices that are not tables
)

// Period says whether a figure is a result or a target.
type Period string

// Periods of a figure.
const (
	PeriodResult Period = "result"
	PeriodTarget Period = "target"
)

// Meta describes one report.
type Meta struct {
	ID         string    `json:"id" yaml:"id,omitempty"`
	Title      string    `json:"title" yaml:"title,omitempty"`
	Region     string    `json:"region" yaml:"region,omitempty"`
	Date       string    `json:"date,omitempty" yaml:"date,omitempty"`     // YYYY-MM-DD when the text states it
	ReviewYear int       `json:"review_year" yaml:"review_year,omitempty"` // the year whose results it reports
	PlanYear   int       `json:"plan_year" yaml:"plan_year,omitempty"`     // the year it plans
	Source     string    `json:"source,omitempty" yaml:"source,omitempty"`
	Hash       string    `json:"hash,omitempty" yaml:"hash,omitempty"` // sha256 of the source file
	Added      time.Time `json:"added,omitempty" yaml:"added,omitempty"`
}

// Report is a parsed report.
type Report struct {
	Meta       Meta        `json:"meta"`
	Paragraphs []Paragraph `json:"paragraphs"`
	Sentences  []Sentence  `json:"sentences"`
	Rows       []TableRow  `json:"rows,omitempty"`
	Headings   []string    `json:"headings,omitempty"` // every heading text, in order
}

// Paragraph is one paragraph of body text under its section.
type Paragraph struct {
	ID      int      `json:"id"`
	Section []string `json:"section"`
	Part    Part     `json:"part"`
	Span    Span     `json:"span"`
	Text    string   `json:"text"`
}

// Sentence is the unit of an answer: a sentence of a paragraph, or a table
// row rendered as one readable line.
type Sentence struct {
	ID      int      `json:"id"`
	Para    int      `json:"para"` // index into Report.Paragraphs, -1 for table rows
	Row     int      `json:"row"`  // index into Report.Rows, -1 for body text
	Section []string `json:"section"`
	Part    Part     `json:"part"`
	Span    Span     `json:"span"`
	// Heading marks a phrase that heads the sentences after it (扩大有效
	// 投资。): part of the text, but a title rather than an answer.
	Heading bool     `json:"heading,omitempty"`
	Text    string   `json:"text"`
	Figures []Figure `json:"figures,omitempty"`
}

// Figure is a number with its unit found in a sentence.
type Figure struct {
	Text    string  `json:"text"`  // as written, e.g. "368.7亿元", "8%左右"
	Value   float64 `json:"value"` // the number in the unit written
	Unit    string  `json:"unit"`  // "亿元", "%", "万亩", ...; "" for a bare number
	Measure string  `json:"measure,omitempty"`
	Period  Period  `json:"period,omitempty"`
	Year    int     `json:"year,omitempty"`
	Span    Span    `json:"span,omitempty"` // one year, or summed or averaged over five
	Start   int     `json:"start"`          // byte offsets in Sentence.Text
	End     int     `json:"end"`
}

// TableRow is one row of an appended table of indicators.
type TableRow struct {
	Indicator string   `json:"indicator"`
	Columns   []string `json:"columns"` // column headers after the indicator
	Values    []string `json:"values"`
}
