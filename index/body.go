package index

import (
	"encoding/binary"
	"fmt"
	"math"
	"strings"

	"planbot/index/report"
)

// An open report holds its paragraphs, sentences and figures as they are
// stored in report.bin: fixed-size records with no pointers, read in
// place (Sentences, Paragraphs), every string a place in the report's
// text and every label and section path a number into tables of their
// own. The collector does not scan them, and a sentence is decoded into
// a report.Sentence only when a question asks for it.

// Sizes of the records of a report's body, little-endian.
const (
	// id, para, row (int32), section (uint32), part, span (uint16),
	// text at, length (uint32), first figure (uint32), figures (uint16),
	// heading (uint8), one byte unused
	sentenceSize = 36
	// value (float64), year, start, end (int32), text at, length
	// (uint32), unit, measure, period, span (uint16)
	figureSize = 36
	// id (int32), section (uint32), part, span (uint16), text at,
	// length (uint32)
	paragraphSize = 20
)

// tables are what a report's records name: its text, labels and section
// paths.
type tables struct {
	text     string
	labels   []string
	sections [][]string
}

func (t *tables) str(at, n int) string { return t.text[at : at+n] }

// section returns section path i, shared: an append copies.
func (t *tables) section(i int) []string {
	p := t.sections[i]
	return p[:len(p):len(p)]
}

// Sentences are the sentences of an open report and their figures, as
// stored (sentenceSize and figureSize bytes each), decoded when asked.
type Sentences struct {
	tables
	recs, figs []byte
}

// Len returns how many sentences there are.
func (s *Sentences) Len() int { return len(s.recs) / sentenceSize }

// At returns sentence i, decoded; its figures are a slice of their own.
func (s *Sentences) At(i int) report.Sentence {
	out, _ := s.AppendAt(nil, i)
	return out
}

// AppendAt returns sentence i, decoded, its figures appended to figs (so
// that the sentences a question weighs share one slice of figures), and
// figs after them.
func (s *Sentences) AppendAt(figs []report.Figure, i int) (report.Sentence, []report.Figure) {
	b := s.recs[i*sentenceSize:]
	out := report.Sentence{
		ID: i32(b, 0), Para: i32(b, 4), Row: i32(b, 8),
		Section: s.section(u32(b, 12)),
		Part:    report.Part(s.labels[u16(b, 16)]), Span: report.Span(s.labels[u16(b, 18)]),
		Text:    s.str(u32(b, 20), u32(b, 24)),
		Heading: b[34] != 0,
	}
	if n := u16(b, 32); n > 0 {
		from := len(figs)
		if figs == nil {
			figs = make([]report.Figure, 0, n)
		}
		figs = s.AppendFigures(figs, i)
		out.Figures = figs[from:len(figs):len(figs)]
	}
	return out, figs
}

// Text returns the text of sentence i.
func (s *Sentences) Text(i int) string {
	b := s.recs[i*sentenceSize:]
	return s.str(u32(b, 20), u32(b, 24))
}

// Para returns the paragraph of sentence i (-1 for a table row).
func (s *Sentences) Para(i int) int { return i32(s.recs[i*sentenceSize:], 4) }

// Section returns the section path of sentence i, shared with the
// sentences of the same section: an append copies.
func (s *Sentences) Section(i int) []string { return s.section(u32(s.recs[i*sentenceSize:], 12)) }

// NumFigures returns how many figures sentence i has.
func (s *Sentences) NumFigures(i int) int { return u16(s.recs[i*sentenceSize:], 32) }

// AppendFigures appends the figures of sentence i to dst, decoded.
func (s *Sentences) AppendFigures(dst []report.Figure, i int) []report.Figure {
	b := s.recs[i*sentenceSize:]
	from, n := u32(b, 28), u16(b, 32)
	for k := from; k < from+n; k++ {
		f := s.figs[k*figureSize:]
		dst = append(dst, report.Figure{
			Value: math.Float64frombits(binary.LittleEndian.Uint64(f)),
			Year:  i32(f, 8), Start: i32(f, 12), End: i32(f, 16),
			Text:    s.str(u32(f, 20), u32(f, 24)),
			Unit:    s.labels[u16(f, 28)],
			Measure: s.labels[u16(f, 30)],
			Period:  report.Period(s.labels[u16(f, 32)]),
			Span:    report.Span(s.labels[u16(f, 34)]),
		})
	}
	return dst
}

// Paragraphs are the paragraphs of an open report, as stored
// (paragraphSize bytes each), decoded when asked.
type Paragraphs struct {
	tables
	recs []byte
}

// Len returns how many paragraphs there are.
func (p *Paragraphs) Len() int { return len(p.recs) / paragraphSize }

// At returns paragraph i, decoded.
func (p *Paragraphs) At(i int) report.Paragraph {
	b := p.recs[i*paragraphSize:]
	return report.Paragraph{
		ID: i32(b, 0), Section: p.section(u32(b, 4)),
		Part: report.Part(p.labels[u16(b, 8)]), Span: report.Span(p.labels[u16(b, 10)]),
		Text: p.str(u32(b, 12), u32(b, 16)),
	}
}

// Text returns the text of paragraph i.
func (p *Paragraphs) Text(i int) string {
	b := p.recs[i*paragraphSize:]
	return p.str(u32(b, 12), u32(b, 16))
}

func u16(b []byte, i int) int { return int(binary.LittleEndian.Uint16(b[i:])) }
func i32(b []byte, i int) int { return int(int32(binary.LittleEndian.Uint32(b[i:]))) }

// bodyWriter makes the records of a report's paragraphs, sentences and
// figures, writing their strings into e's text and numbering their labels
// and section paths.
type bodyWriter struct {
	e                 *encoder
	labels            table[string]
	sections          table[[]string]
	paras, sents, fig []byte
	err               error
}

// put writes s into the text and returns where it is.
func (w *bodyWriter) put(s string) (uint32, uint32) {
	at := len(w.e.text)
	w.e.text = append(w.e.text, s...)
	return w.u32(at), w.u32(len(s))
}

func (w *bodyWriter) u32(v int) uint32 {
	if v < 0 || v > math.MaxUint32 {
		w.err = fmt.Errorf("%d is out of a record's range", v)
	}
	return uint32(v)
}

func (w *bodyWriter) label(l string) uint16 {
	id := w.labels.id(l, l)
	if id > math.MaxUint16 {
		w.err = fmt.Errorf("%d labels: too many", id)
	}
	return uint16(id)
}

func (w *bodyWriter) section(p []string) uint32 {
	return uint32(w.sections.id(strings.Join(p, "\x00"), p))
}

// int32s checks that vs fit a record's int32 fields.
func (w *bodyWriter) int32s(vs ...int) {
	for _, v := range vs {
		if v < math.MinInt32 || v > math.MaxInt32 {
			w.err = fmt.Errorf("%d is out of a record's range", v)
		}
	}
}

// write makes the records of r's body; the sentences' texts said in
// their paragraphs, and the figures' said in their sentences, are places
// there rather than copies.
func (w *bodyWriter) write(r *report.Report) {
	le := binary.LittleEndian
	paraAt := make([]uint32, len(r.Paragraphs))
	for i, p := range r.Paragraphs {
		w.int32s(p.ID)
		at, n := w.put(p.Text)
		paraAt[i] = at
		w.paras = le.AppendUint32(w.paras, uint32(p.ID))
		w.paras = le.AppendUint32(w.paras, w.section(p.Section))
		w.paras = le.AppendUint16(w.paras, w.label(string(p.Part)))
		w.paras = le.AppendUint16(w.paras, w.label(string(p.Span)))
		w.paras = le.AppendUint32(le.AppendUint32(w.paras, at), n)
	}
	from := map[int]int{} // paragraph → where the next sentence is looked for in it
	figures := 0
	for _, s := range r.Sentences {
		w.int32s(s.ID, s.Para, s.Row)
		var at, n uint32
		in := false
		if s.Para >= 0 && s.Para < len(r.Paragraphs) && s.Text != "" {
			text := r.Paragraphs[s.Para].Text
			if k := indexFrom(text, s.Text, from[s.Para]); k >= 0 {
				at, n, in = paraAt[s.Para]+w.u32(k), w.u32(len(s.Text)), true
				from[s.Para] = k + len(s.Text)
			}
		}
		if !in {
			at, n = w.put(s.Text)
		}
		if len(s.Figures) > math.MaxUint16 {
			w.err = fmt.Errorf("sentence %d: %d figures, too many", s.ID, len(s.Figures))
		}
		b := le.AppendUint32(w.sents, uint32(s.ID))
		b = le.AppendUint32(le.AppendUint32(b, uint32(s.Para)), uint32(s.Row))
		b = le.AppendUint32(b, w.section(s.Section))
		b = le.AppendUint16(le.AppendUint16(b, w.label(string(s.Part))), w.label(string(s.Span)))
		b = le.AppendUint32(le.AppendUint32(b, at), n)
		b = le.AppendUint32(b, w.u32(figures))
		b = le.AppendUint16(b, uint16(len(s.Figures)))
		heading := byte(0)
		if s.Heading {
			heading = 1
		}
		w.sents = append(b, heading, 0)
		for _, f := range s.Figures {
			w.figure(f, s.Text, at)
		}
		figures += len(s.Figures)
	}
}

// figure appends the record of f, a figure of the sentence text said at
// at in the report's text.
func (w *bodyWriter) figure(f report.Figure, text string, at uint32) {
	le := binary.LittleEndian
	w.int32s(f.Year, f.Start, f.End)
	var fat, n uint32
	if 0 <= f.Start && f.Start <= f.End && f.End <= len(text) && text[f.Start:f.End] == f.Text {
		fat, n = at+uint32(f.Start), uint32(len(f.Text))
	} else {
		fat, n = w.put(f.Text)
	}
	b := le.AppendUint64(w.fig, math.Float64bits(f.Value))
	b = le.AppendUint32(le.AppendUint32(le.AppendUint32(b, uint32(f.Year)), uint32(f.Start)), uint32(f.End))
	b = le.AppendUint32(le.AppendUint32(b, fat), n)
	for _, l := range []string{f.Unit, f.Measure, string(f.Period), string(f.Span)} {
		b = le.AppendUint16(b, w.label(l))
	}
	w.fig = b
}

// indexFrom returns where sub is in s at or after from, or -1.
func indexFrom(s, sub string, from int) int {
	if k := strings.Index(s[from:], sub); k >= 0 {
		return from + k
	}
	return -1
}

// validBody reports whether every record of s and p stays within the
// text, the tables and the figures, so that reading them cannot fail.
func validBody(s *Sentences, p *Paragraphs) bool {
	t := &s.tables
	if len(s.recs)%sentenceSize != 0 || len(s.figs)%figureSize != 0 || len(p.recs)%paragraphSize != 0 {
		return false
	}
	inText := func(at, n int) bool { return at <= len(t.text) && n <= len(t.text)-at }
	labels := func(b []byte, is ...int) bool {
		for _, i := range is {
			if u16(b, i) >= len(t.labels) {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(p.recs); i += paragraphSize {
		b := p.recs[i:]
		if u32(b, 4) >= len(t.sections) || !labels(b, 8, 10) || !inText(u32(b, 12), u32(b, 16)) {
			return false
		}
	}
	nfigs := len(s.figs) / figureSize
	for i := 0; i < len(s.recs); i += sentenceSize {
		b := s.recs[i:]
		if u32(b, 12) >= len(t.sections) || !labels(b, 16, 18) || !inText(u32(b, 20), u32(b, 24)) ||
			u32(b, 28) > nfigs || u16(b, 32) > nfigs-u32(b, 28) {
			return false
		}
	}
	for i := 0; i < len(s.figs); i += figureSize {
		if b := s.figs[i:]; !labels(b, 28, 30, 32, 34) || !inText(u32(b, 20), u32(b, 24)) {
			return false
		}
	}
	return true
}
