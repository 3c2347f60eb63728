package index

import (
	"fmt"

	"planbot/index/report"
)

// The stored form of a report (reportFile) is the parsed report and its
// words, written by an encoder (codec.go) and kept lean because every
// report a question opens is read: its paragraphs, sentences and figures
// as fixed-size records (body.go) that an open report keeps as they are,
// a sentence's text that stands in its paragraph kept as its place there,
// a figure's as its place in its sentence, each section path and each
// label (parts, spans, units, measures, periods) once. encodeReport
// writes it, decodeReport reads it back, its strings sharing one text.

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

	body := bodyWriter{e: &e}
	body.write(r)
	if body.err != nil {
		return nil, fmt.Errorf("store report %s: %w", m.ID, body.err)
	}
	e.strs(body.labels.values)
	e.int(len(body.sections.values))
	for _, p := range body.sections.values {
		e.strs(p)
	}
	for _, b := range [][]byte{body.paras, body.sents, body.fig} {
		e.block(b)
	}
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
	l, err := decodeFrom(newDecoder(data))
	if err != nil {
		return nil, nil, err
	}
	return l.Report(), l.Words, nil
}

// decodeFrom reads back a report and its words from d as a report opened
// for questions holds them (Loaded): its body as the records stored, in
// place (slices of d's data, which must not change while they are used).
func decodeFrom(d *decoder) (*Loaded, error) {
	l := &Loaded{Text: d.text}
	m := &l.Meta
	for _, s := range []*string{&m.ID, &m.Title, &m.Region, &m.Date, &m.Source, &m.Hash} {
		*s = d.str()
	}
	added := d.str()
	m.ReviewYear, m.PlanYear = d.int(), d.int()
	if err := m.Added.UnmarshalBinary([]byte(added)); d.err == nil && err != nil {
		return nil, fmt.Errorf("its date added: %w", err)
	}
	t := tables{text: d.text, labels: d.strs(), sections: make([][]string, d.count())}
	for i := range t.sections {
		t.sections[i] = d.strs()
	}
	l.Paragraphs = Paragraphs{tables: t, recs: d.block()}
	l.Sentences = Sentences{tables: t, recs: d.block(), figs: d.block()}
	if d.err == nil && !validBody(&l.Sentences, &l.Paragraphs) {
		return nil, fmt.Errorf("its sentences: %w", errDamaged)
	}
	if n := d.count(); n > 0 {
		l.Rows = make([]report.TableRow, n)
	}
	for i := range l.Rows {
		l.Rows[i] = report.TableRow{Indicator: d.str(), Columns: d.strs(), Values: d.strs()}
	}
	l.Headings = d.strs()
	l.Words = decodeWords(d)
	if err := d.end(); err != nil {
		return nil, err
	}
	return l, nil
}

// Report returns the report l holds, every sentence and paragraph decoded
// (a copy of its own, for a reader that needs it whole: the outline).
func (l *Loaded) Report() *report.Report {
	r := &report.Report{Meta: l.Meta, Rows: l.Rows, Headings: l.Headings}
	if n := l.Paragraphs.Len(); n > 0 {
		r.Paragraphs = make([]report.Paragraph, n)
	}
	for i := range r.Paragraphs {
		r.Paragraphs[i] = l.Paragraphs.At(i)
	}
	if n := l.Sentences.Len(); n > 0 {
		r.Sentences = make([]report.Sentence, n)
	}
	for i := range r.Sentences {
		r.Sentences[i] = l.Sentences.At(i)
	}
	return r
}

// LoadedOf returns report r as a report opened for questions holds it
// (its body as stored, read in place), without its index, dictionary or
// words: for readers tested on a report made in code.
func LoadedOf(r *report.Report) (*Loaded, error) {
	data, err := encodeReport(r, &Words{})
	if err != nil {
		return nil, err
	}
	l, err := decodeFrom(newDecoder(data))
	if err != nil {
		return nil, fmt.Errorf("read back report %s: %w", r.Meta.ID, err)
	}
	return l, nil
}
