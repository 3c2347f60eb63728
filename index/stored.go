package index

import (
	"fmt"
	"strings"

	"planbot/index/report"
)

// The stored form of a report (reportFile) is the parsed report and its
// words, written by an encoder (codec.go) and kept lean because every
// report a question opens is read: a sentence's text that stands in its
// paragraph is kept as its place there, a figure's as its place in its
// sentence, each section path and each label (parts, spans, units,
// measures, periods) once. encodeReport writes it, decodeReport reads it
// back, its strings sharing one text.

// encodeReport returns the stored form of r and its words.
func encodeReport(r *report.Report, w *Words) ([]byte, error) {
	var e encoder
	m := r.Meta
	added, err := m.Added.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("store report %s: %w", m.ID, err)
	}
	for _, s := range []string{m.ID, m.Title, m.Region, m.Date, m.Source, m.Hash, string(added)} {
		e.str(s)
	}
	e.int(m.ReviewYear)
	e.int(m.PlanYear)

	var labels table[string]
	var sections table[[]string]
	label := func(l string) int { return int(labels.id(l, l)) }
	section := func(path []string) int { return int(sections.id(strings.Join(path, "\x00"), path)) }
	var body encoder // the sentences and paragraphs, written after the tables they name
	body.text = e.text
	body.int(len(r.Paragraphs))
	for _, p := range r.Paragraphs {
		body.int(p.ID)
		body.int(section(p.Section))
		body.int(label(string(p.Part)))
		body.int(label(string(p.Span)))
		body.str(p.Text)
	}
	at := map[int]int{} // paragraph → where the next sentence is looked for
	figures := 0
	for _, s := range r.Sentences {
		figures += len(s.Figures)
	}
	body.int(figures)
	body.int(len(r.Sentences))
	for _, s := range r.Sentences {
		body.int(s.ID)
		body.int(s.Para)
		body.int(s.Row)
		body.bool(s.Heading)
		body.int(section(s.Section))
		body.int(label(string(s.Part)))
		body.int(label(string(s.Span)))
		start := -1
		if s.Para >= 0 && s.Para < len(r.Paragraphs) && s.Text != "" {
			if k := strings.Index(r.Paragraphs[s.Para].Text[at[s.Para]:], s.Text); k >= 0 {
				start = at[s.Para] + k
				at[s.Para] = start + len(s.Text)
			}
		}
		body.int(start)
		if start >= 0 {
			body.int(len(s.Text))
		} else {
			body.str(s.Text)
		}
		body.int(len(s.Figures))
		for _, f := range s.Figures {
			body.float(f.Value)
			body.int(f.Year)
			body.int(f.Start)
			body.int(f.End)
			in := 0 <= f.Start && f.Start <= f.End && f.End <= len(s.Text) && s.Text[f.Start:f.End] == f.Text
			body.bool(in)
			if !in {
				body.str(f.Text)
			}
			for _, l := range []string{f.Unit, f.Measure, string(f.Period), string(f.Span)} {
				body.int(label(l))
			}
		}
	}
	e.text = body.text
	e.strs(labels.values)
	e.int(len(sections.values))
	for _, p := range sections.values {
		e.strs(p)
	}
	e.nums = append(e.nums, body.nums...)

	e.int(len(r.Rows))
	for _, row := range r.Rows {
		e.str(row.Indicator)
		e.strs(row.Columns)
		e.strs(row.Values)
	}
	e.strs(r.Headings)
	encodeWords(&e, w)
	return e.bytes(), nil
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

// decodeReport reads back the report and the words that encodeReport
// stored, or says why it cannot (damaged data is an error, never a panic).
func decodeReport(data []byte) (*report.Report, *Words, error) {
	return decodeFrom(newDecoder(data))
}

// decodeFrom reads back a report and its words from d (decodeReport).
func decodeFrom(d *decoder) (*report.Report, *Words, error) {
	r := &report.Report{}
	m := &r.Meta
	for _, s := range []*string{&m.ID, &m.Title, &m.Region, &m.Date, &m.Source, &m.Hash} {
		*s = d.str()
	}
	added := d.str()
	m.ReviewYear, m.PlanYear = d.int(), d.int()
	if err := m.Added.UnmarshalBinary([]byte(added)); d.err == nil && err != nil {
		return nil, nil, fmt.Errorf("its date added: %w", err)
	}
	labels := d.strs()
	sections := make([][]string, d.count())
	for i := range sections {
		sections[i] = d.strs()
	}
	label := func() string {
		if i := d.index(len(labels)); d.err == nil {
			return labels[i]
		}
		return ""
	}
	section := func() []string {
		if i := d.index(len(sections)); d.err == nil {
			return sections[i][:len(sections[i]):len(sections[i])] // shared: an append copies
		}
		return nil
	}
	if n := d.count(); n > 0 {
		r.Paragraphs = make([]report.Paragraph, n)
	}
	for i := range r.Paragraphs {
		p := &r.Paragraphs[i]
		p.ID = d.int()
		p.Section = section()
		p.Part, p.Span = report.Part(label()), report.Span(label())
		p.Text = d.str()
	}
	figures := make([]report.Figure, 0, d.count()) // of all sentences, one slice
	if n := d.count(); n > 0 {
		r.Sentences = make([]report.Sentence, n)
	}
	for i := range r.Sentences {
		s := &r.Sentences[i]
		s.ID, s.Para, s.Row, s.Heading = d.int(), d.int(), d.int(), d.bool()
		s.Section = section()
		s.Part, s.Span = report.Part(label()), report.Span(label())
		if start := d.int(); start >= 0 {
			end := start + d.int()
			if s.Para < 0 || s.Para >= len(r.Paragraphs) || end < start || end > len(r.Paragraphs[s.Para].Text) {
				return nil, nil, fmt.Errorf("sentence %d: text out of its paragraph", i)
			}
			s.Text = r.Paragraphs[s.Para].Text[start:end]
		} else {
			s.Text = d.str()
		}
		n := d.count()
		if n == 0 {
			continue
		}
		if n > cap(figures)-len(figures) {
			return nil, nil, fmt.Errorf("sentence %d: figures out of their table", i)
		}
		figures = figures[:len(figures)+n]
		s.Figures = figures[len(figures)-n : len(figures) : len(figures)]
		for j := range s.Figures {
			f := &s.Figures[j]
			f.Value, f.Year, f.Start, f.End = d.float(), d.int(), d.int(), d.int()
			if d.bool() {
				if f.Start < 0 || f.Start > f.End || f.End > len(s.Text) {
					return nil, nil, fmt.Errorf("sentence %d: figure out of its text", i)
				}
				f.Text = s.Text[f.Start:f.End]
			} else {
				f.Text = d.str()
			}
			f.Unit, f.Measure = label(), label()
			f.Period, f.Span = report.Period(label()), report.Span(label())
		}
	}
	if n := d.count(); n > 0 {
		r.Rows = make([]report.TableRow, n)
	}
	for i := range r.Rows {
		r.Rows[i] = report.TableRow{Indicator: d.str(), Columns: d.strs(), Values: d.strs()}
	}
	r.Headings = d.strs()
	w := decodeWords(d)
	if err := d.end(); err != nil {
		return nil, nil, err
	}
	return r, w, nil
}
