package index

import (
	"fmt"
	"slices"
	"strings"

	"planbot/index/report"
)

// stored is what report.gob holds: the parsed report and its words (gob
// decodes it about four times faster than JSON), kept lean because every
// report a question opens is decoded. Its sentences, figures and words
// are kept as columns, slices of numbers that gob decodes in one go
// rather than field by field, element by element: a sentence's text that
// stands in its paragraph is kept as its place there, a figure's as its
// place in its sentence, each section path and label once. pack makes
// it, unpack restores the report, its strings sharing memory. Offsets and
// counts fit in int32: a report has at most report.MaxChars characters.
type stored struct {
	Report *report.Report // its meta, paragraphs (without sections), rows and headings
	Words  *Words         // its pairs

	Sections      [][]string // the distinct section paths
	SectionOfPara []int32    // per paragraph, its path in Sections

	// Per sentence: its fields, its path in Sections, its part and span
	// (SentLabels, two each) and the end of its figures in the figure
	// columns. Its text is its paragraph's from TextStart to TextEnd, or
	// when TextStart is -1 the next of OwnText.
	SentID, SentPara, SentRow []int32
	SentHeading               []bool
	SectionOfSent             []int32
	TextStart, TextEnd        []int32
	OwnText                   []string
	SentLabels                []int32
	FiguresEnd                []int32

	// Per figure of the sentences in order: its fields, its unit, measure,
	// period and span (FigLabels, four each). Its text is its sentence's
	// from FigStart to FigEnd when FigureInText, else the next of FigText.
	FigValue                  []float64
	FigYear, FigStart, FigEnd []int32
	FigureInText              []bool
	FigText                   []string
	FigLabels                 []int32

	// The few distinct labels (parts, spans, units, measures, periods).
	Labels []string

	WordColumns storedWords // the rest of its words
}

// sentenceLabels and figureLabels are how many labels a sentence and a
// figure have in SentLabels and FigLabels.
const sentenceLabels, figureLabels = 2, 4

// pack makes the stored form of r and its words; r is not changed.
func pack(r *report.Report, w *Words) stored {
	lean := *r
	lean.Paragraphs = slices.Clone(r.Paragraphs)
	lean.Sentences = nil
	leanWords := Words{Pairs: w.Pairs, PairsBySecond: w.PairsBySecond}
	st := stored{Report: &lean, Words: &leanWords}
	st.WordColumns.packWords(w)
	var labels table[string]
	label := func(l string) int32 { return labels.id(l, l) }
	var sections table[[]string]
	section := func(path []string) int32 { return sections.id(strings.Join(path, "\x00"), path) }
	for i := range lean.Paragraphs {
		p := &lean.Paragraphs[i]
		st.SectionOfPara = append(st.SectionOfPara, section(p.Section))
		p.Section = nil
	}
	at := map[int]int{} // paragraph → where the next sentence is looked for
	for _, s := range r.Sentences {
		st.SentID = append(st.SentID, int32(s.ID))
		st.SentPara = append(st.SentPara, int32(s.Para))
		st.SentRow = append(st.SentRow, int32(s.Row))
		st.SentHeading = append(st.SentHeading, s.Heading)
		st.SectionOfSent = append(st.SectionOfSent, section(s.Section))
		start := int32(-1)
		if s.Para >= 0 && s.Para < len(r.Paragraphs) && s.Text != "" {
			p := r.Paragraphs[s.Para].Text
			if k := strings.Index(p[at[s.Para]:], s.Text); k >= 0 {
				start = int32(at[s.Para] + k)
				at[s.Para] += k + len(s.Text)
			}
		}
		st.TextStart = append(st.TextStart, start)
		st.TextEnd = append(st.TextEnd, start+int32(len(s.Text)))
		if start < 0 {
			st.OwnText = append(st.OwnText, s.Text)
		}
		st.SentLabels = append(st.SentLabels, label(string(s.Part)), label(string(s.Span)))
		for _, f := range s.Figures {
			in := 0 <= f.Start && f.Start <= f.End && f.End <= len(s.Text) && s.Text[f.Start:f.End] == f.Text
			st.FigureInText = append(st.FigureInText, in)
			if !in {
				st.FigText = append(st.FigText, f.Text)
			}
			st.FigValue = append(st.FigValue, f.Value)
			st.FigYear = append(st.FigYear, int32(f.Year))
			st.FigStart = append(st.FigStart, int32(f.Start))
			st.FigEnd = append(st.FigEnd, int32(f.End))
			st.FigLabels = append(st.FigLabels, label(f.Unit), label(f.Measure), label(string(f.Period)), label(string(f.Span)))
		}
		st.FiguresEnd = append(st.FiguresEnd, int32(len(st.FigValue)))
	}
	st.Labels, st.Sections = labels.values, sections.values
	return st
}

// table numbers distinct values in the order they are first met.
type table[T any] struct {
	ids    map[string]int32
	values []T
}

// id returns the number of the value known by key, v the first time.
func (t *table[T]) id(key string, v T) int32 {
	id, ok := t.ids[key]
	if !ok {
		if t.ids == nil {
			t.ids = map[string]int32{}
		}
		id = int32(len(t.values))
		t.ids[key] = id
		t.values = append(t.values, v)
	}
	return id
}

// unpack restores the report and its words that pack stored, or says
// why the file cannot be (a damaged file is an error, never a panic).
func (st *stored) unpack() (*report.Report, *Words, error) {
	r := st.Report
	if r == nil || st.Words == nil {
		return nil, nil, fmt.Errorf("no report")
	}
	if err := st.WordColumns.unpackWords(st.Words); err != nil {
		return nil, nil, err
	}
	n, nf := len(st.SentID), len(st.FigValue)
	if len(st.SectionOfPara) != len(r.Paragraphs) || len(st.SentPara) != n || len(st.SentRow) != n || len(st.SentHeading) != n ||
		len(st.SectionOfSent) != n || len(st.TextStart) != n || len(st.TextEnd) != n || len(st.FiguresEnd) != n || len(st.SentLabels) != sentenceLabels*n ||
		len(st.FigYear) != nf || len(st.FigStart) != nf || len(st.FigEnd) != nf || len(st.FigureInText) != nf || len(st.FigLabels) != figureLabels*nf {
		return nil, nil, fmt.Errorf("its tables do not match its sentences")
	}
	for _, ids := range [][]int32{st.SentLabels, st.FigLabels} {
		for _, id := range ids {
			if id < 0 || int(id) >= len(st.Labels) {
				return nil, nil, fmt.Errorf("no label %d", id)
			}
		}
	}
	path := func(id int32) ([]string, error) {
		if id < 0 || int(id) >= len(st.Sections) {
			return nil, fmt.Errorf("no section %d", id)
		}
		p := st.Sections[id]
		return p[:len(p):len(p)], nil // shared: an append copies
	}
	var err error
	for i := range r.Paragraphs {
		if r.Paragraphs[i].Section, err = path(st.SectionOfPara[i]); err != nil {
			return nil, nil, err
		}
	}
	if n > 0 {
		r.Sentences = make([]report.Sentence, n)
	}
	figures := make([]report.Figure, nf)
	figure, own, ownFig := 0, 0, 0
	for i := range r.Sentences {
		s := &r.Sentences[i]
		s.ID, s.Para, s.Row, s.Heading = int(st.SentID[i]), int(st.SentPara[i]), int(st.SentRow[i]), st.SentHeading[i]
		if s.Section, err = path(st.SectionOfSent[i]); err != nil {
			return nil, nil, err
		}
		if start := int(st.TextStart[i]); start >= 0 {
			if s.Para < 0 || s.Para >= len(r.Paragraphs) {
				return nil, nil, fmt.Errorf("sentence %d: no paragraph %d", i, s.Para)
			}
			p, end := r.Paragraphs[s.Para].Text, int(st.TextEnd[i])
			if start > end || end > len(p) {
				return nil, nil, fmt.Errorf("sentence %d: text out of its paragraph", i)
			}
			s.Text = p[start:end]
		} else {
			if own >= len(st.OwnText) {
				return nil, nil, fmt.Errorf("sentence %d: no text", i)
			}
			s.Text = st.OwnText[own]
			own++
		}
		l := st.SentLabels[sentenceLabels*i:]
		s.Part, s.Span = report.Part(st.Labels[l[0]]), report.Span(st.Labels[l[1]])
		end := int(st.FiguresEnd[i])
		if end < figure || end > nf {
			return nil, nil, fmt.Errorf("sentence %d: figures out of their table", i)
		}
		if end > figure {
			s.Figures = figures[figure:end:end]
		}
		for j := range s.Figures {
			f := &s.Figures[j]
			f.Value, f.Year, f.Start, f.End = st.FigValue[figure], int(st.FigYear[figure]), int(st.FigStart[figure]), int(st.FigEnd[figure])
			if st.FigureInText[figure] {
				if f.Start < 0 || f.Start > f.End || f.End > len(s.Text) {
					return nil, nil, fmt.Errorf("sentence %d: figure out of its text", i)
				}
				f.Text = s.Text[f.Start:f.End]
			} else {
				if ownFig >= len(st.FigText) {
					return nil, nil, fmt.Errorf("sentence %d: figure without text", i)
				}
				f.Text = st.FigText[ownFig]
				ownFig++
			}
			l := st.FigLabels[figureLabels*figure:]
			f.Unit, f.Measure = st.Labels[l[0]], st.Labels[l[1]]
			f.Period, f.Span = report.Period(st.Labels[l[2]]), report.Span(st.Labels[l[3]])
			figure++
		}
	}
	return r, st.Words, nil
}
