package answers

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Weights are every number the answers are ranked and gated by: the
// weight of each feature in a candidate's score, the credits by which
// topics count as said, and the cut-offs below which the reports do not
// answer. DefaultWeights gives them; Set changes one (planbot eval --set),
// to measure what it does on every question set.
type Weights struct {
	// Score: a candidate's score is the sum of its features (features.go)
	// times these weights; a feature is a share (0–1), a count, or 1 when
	// it holds.

	Coverage     float64 // the share of the question's topics, by weight, the sentence says: it decides
	InOrder      float64 // per pair of topics said in the question's order, close together
	Compound     float64 // per topic said with the topic it modifies in the question as one word (规模以上工业增加值)
	Literal      float64 // per topic said in the question's own word (停车位, not only 停车设施)
	Heading      float64 // the share of the topics the headings above the sentence name
	Relevance    float64 // bleve's score over the best candidate's
	PartMatch    float64 // in the part the intent asks for (the plan for a target or for how, no time said; the review for a result)
	PartMismatch float64 // in the other part (the review for a target, or for how with no time said; the plan for a result)
	TableRow     float64 // a table row, when a figure or a period is asked
	PlanTable    float64 // a table row, when a result is set against its plan
	PeriodMatch  float64 // has a figure of the period asked
	LatestFact   float64 // has a result, when "X是多少" asks no period
	HasFigure    float64 // has a figure, when a figure is asked
	NoFigure     float64 // has none, when a figure is asked
	HasAmount    float64 // has an amount, when an amount is asked
	OnlyRates    float64 // has only rates, when an amount is asked
	UnitMatch    float64 // has a figure in the unit asked
	UnitMismatch float64 // has none in the unit asked
	YearNamed    float64 // per year asked that the sentence names
	SpanMatch    float64 // is of the span asked: this year, or five
	SpanMismatch float64 // is of the other span
	SpanUsual    float64 // is of one year, when no span is asked (a question naming no period asks of a year)
	HowTable     float64 // a table row or a list of targets, when how is asked
	HowDetail    float64 // the length of what is done (to 60 characters) over 60, when how is asked
	Definition   float64 // a definition (指…, 名词解释), when a term's meaning is asked
	Short        float64 // a short sentence without a figure: a sub-heading
	Listed       float64 // the topics only as short items of a list, when how is asked
	SubScope     float64 // a heading above it names a part of the whole (高新区, 市本级) that the question does not
	DateSaid     float64 // names a date (2030年前, 年底), when when is asked
	FigureApart  float64 // the figures said with the topics are all in clauses after theirs, when a figure is asked
	Guiding      float64 // sets out the year's guiding principles, speaks of the report itself or of its shortcomings, naming topics in passing, when none is asked

	// Coverage: how much a topic counts when it is said otherwise than
	// in the sentence itself.

	SectionCredit      float64 // found only in the section path
	LeadCredit         float64 // found only in the phrase heading the sentence's paragraph
	HowLeadCredit      float64 // the same, when how is asked: what is done about X is said under X
	PrevCredit         float64 // found only in the sentence before
	PartCredit         float64 // a topic the report names, its words found apart (times the share found)
	UnknownPartCredit  float64 // a topic the report never names, its words all found
	UnknownShareCredit float64 // a topic the report never names, some of its words found (times their share)
	CharCredit         float64 // a topic the report never names, one of its rare characters found (碱 of 地碱大 in 盐碱地)
	CharRare           float64 // the most sentences a character may be said in to be rare
	FarCredit          float64 // what the lesser of two topics far apart keeps
	FarApart           float64 // bytes between two topics (about 20 characters) beyond which they are far apart
	UnknownTopic       float64 // the weight of a topic the report never names, as a share of a known one
	ColloquialTopic    float64 // the weight of such a topic that no report of the register uses either (爷爷, 烂路), as a share of that
	GenericTopic       float64 // the weight of a verb or another word saying how rather than what
	TranslatedTopic    float64 // the weight of a topic an English word gives through the dictionary
	ContextTopic       float64 // the weight of a topic said only outside the one clause that asks (markContext)
	PlanPeriod         float64 // the credit of the name of a five-year plan (十四五) for a sentence of five years that names none

	// Cut-offs.

	MinCoverage       float64 // the coverage the best sentence needs: below it the reports do not answer
	MinCoverageUnit   float64 // the coverage of the topics the report names that is enough with a figure in the unit asked next to one
	MinCoverageFloor  float64 // the least coverage of all topics even then
	WithinCoverage    float64 // the coverage enough within a section the asker picked from those offered for an unanswered question (within.go)
	StandoutCoverage  float64 // the coverage enough when nothing else answers and one sentence stands out (standout)
	StandoutMargin    float64 // how far above every other sentence it must score
	OnlySayerCoverage float64 // the coverage enough, without the margin, for the one sentence of the report that says the topic the asking clause names (onlySayer)
	ManyFigures       float64 // figures that make a sentence a list of targets
}

// DefaultWeights are the weights planbot answers with.
var DefaultWeights = Weights{
	Coverage:     1,
	InOrder:      0.03,
	Compound:     0.1,
	Literal:      0.03,
	Heading:      0.15,
	Relevance:    0.1,
	PartMatch:    0.1,
	PartMismatch: -0.25,
	TableRow:     0.075,
	PlanTable:    0.3,
	PeriodMatch:  0.05,
	LatestFact:   0.05,
	HasFigure:    0.15,
	NoFigure:     -0.15,
	HasAmount:    0.1,
	OnlyRates:    -0.1,
	UnitMatch:    0.2,
	UnitMismatch: -0.1,
	YearNamed:    0.1,
	SpanMatch:    0.1,
	SpanMismatch: -0.3,
	SpanUsual:    0.05,
	HowTable:     -0.3,
	HowDetail:    0.3,
	Definition:   0.4,
	Short:        -0.15,
	Listed:       -0.2,
	Guiding:      -0.3,
	SubScope:     -0.2,
	DateSaid:     0.3,
	FigureApart:  -0.1,

	SectionCredit:      0.7,
	LeadCredit:         0.6,
	HowLeadCredit:      0.9,
	PrevCredit:         0.4,
	PartCredit:         0.7,
	UnknownPartCredit:  0.5,
	UnknownShareCredit: 0.5,
	CharCredit:         0.5,
	CharRare:           8,
	FarCredit:          0.75,
	FarApart:           60,
	UnknownTopic:       0.7,
	ColloquialTopic:    0.2,
	GenericTopic:       0.3,
	TranslatedTopic:    0.6,
	ContextTopic:       0.5,
	PlanPeriod:         0.7,

	MinCoverage:       0.55,
	MinCoverageUnit:   0.45,
	MinCoverageFloor:  0.35,
	WithinCoverage:    0.2,
	StandoutCoverage:  0.35,
	StandoutMargin:    0.3,
	OnlySayerCoverage: 0.45,
	ManyFigures:       5,
}

// Set sets the weight called name ("MinCoverage") to value.
func (w *Weights) Set(name, value string) error {
	f := reflect.ValueOf(w).Elem().FieldByName(name)
	if !f.IsValid() || f.Kind() != reflect.Float64 {
		return fmt.Errorf("no weight %q; the weights are: %s", name, strings.Join(weightNames(), ", "))
	}
	v, err := strconv.ParseFloat(value, 64)
	if err != nil {
		return fmt.Errorf("weight %s: %w", name, err)
	}
	f.SetFloat(v)
	return nil
}

func weightNames() []string {
	t := reflect.TypeOf(Weights{})
	out := make([]string, t.NumField())
	for i := range out {
		out[i] = t.Field(i).Name
	}
	return out
}
