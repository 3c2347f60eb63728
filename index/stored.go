package index

import (
	"fmt"
	"slices"
	"strings"

	"planbot/index/report"
)

// stored is what report.gob holds: the parsed report and its words (gob
// decodes it about four times faster than JSON), kept lean because every
// report a question opens is decoded: a sentence's text that stands in its
// paragraph is kept as its place there, a figure's as its place in its
// sentence, and each section path once. pack makes it, unpack restores
// the report, its strings sharing memory.
type stored struct {
	Report *report.Report // its texts and sections left out where the fields below give them
	Words  *Words

	Sections      [][]string // the distinct section paths
	SectionOfPara []int32    // per paragraph, its path in Sections
	SectionOfSent []int32    // per sentence, its path in Sections
	TextStart     []int32    // per sentence, where its text starts in its paragraph's; -1: in Text
	TextEnd       []int32    // and where it ends
	FigureInText  []bool     // per figure of the sentences in order: its text is Text[Start:End]

	// The figures of all sentences in order, and where each sentence's
	// end: one slice to decode instead of one a sentence.
	Figures    []report.Figure
	FiguresEnd []int32
	// The few distinct labels (parts, spans, units, measures, periods),
	// and per sentence its part and span, per figure its unit, measure,
	// period and span, as indexes into them: decoded once, not each time.
	Labels     []string
	SentLabels []int32
	FigLabels  []int32

	// The words of Words.All end to end, and where each ends: one string
	// to decode instead of thousands. Words.Long's words are indexes into
	// them (LongWord), their heads one slice (Heads, HeadsEnd).
	WordsText string
	WordEnds  []int32
	LongWord  []int32
	Heads     []int32
	HeadsEnd  []int32
}

// sentenceLabels and figureLabels are how many labels a sentence and a
// figure have in SentLabels and FigLabels.
const sentenceLabels, figureLabels = 2, 4

// pack makes the stored form of r and its words; r is not changed.
func pack(r *report.Report, w *Words) stored {
	lean := *r
	lean.Paragraphs = slices.Clone(r.Paragraphs)
	lean.Sentences = slices.Clone(r.Sentences)
	leanWords := *w
	st := stored{Report: &lean, Words: &leanWords}
	st.packWords(w)
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
	for i := range lean.Sentences {
		s := &lean.Sentences[i]
		st.SectionOfSent = append(st.SectionOfSent, section(s.Section))
		s.Section = nil
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
		if start >= 0 {
			s.Text = ""
		}
		st.SentLabels = append(st.SentLabels, label(string(s.Part)), label(string(s.Span)))
		s.Part, s.Span = "", ""
		for _, f := range s.Figures {
			in := 0 <= f.Start && f.Start <= f.End && f.End <= len(r.Sentences[i].Text) && r.Sentences[i].Text[f.Start:f.End] == f.Text
			st.FigureInText = append(st.FigureInText, in)
			if in {
				f.Text = ""
			}
			st.FigLabels = append(st.FigLabels, label(f.Unit), label(f.Measure), label(string(f.Period)), label(string(f.Span)))
			f.Unit, f.Measure, f.Period, f.Span = "", "", "", ""
			st.Figures = append(st.Figures, f)
		}
		s.Figures = nil
		st.FiguresEnd = append(st.FiguresEnd, int32(len(st.Figures)))
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

// packWords stores the words of w as one string and Long's as indexes
// into it, where it can (a long word missing from All stays as it is).
func (st *stored) packWords(w *Words) {
	at := make(map[string]int32, len(w.All))
	var b strings.Builder
	for i, word := range w.All {
		b.WriteString(word)
		st.WordEnds = append(st.WordEnds, int32(b.Len()))
		at[word] = int32(i)
	}
	st.WordsText = b.String()
	st.Words.All = nil
	st.Words.Long = slices.Clone(w.Long)
	for i := range st.Words.Long {
		t := &st.Words.Long[i]
		k, ok := at[t.Word]
		if !ok {
			k = -1
		} else {
			t.Word = ""
		}
		st.LongWord = append(st.LongWord, k)
		for _, h := range t.Heads {
			st.Heads = append(st.Heads, int32(h))
		}
		st.HeadsEnd = append(st.HeadsEnd, int32(len(st.Heads)))
		t.Heads = nil
	}
}

// unpackWords restores what packWords stored.
func (st *stored) unpackWords() error {
	w := st.Words
	if len(st.LongWord) != len(w.Long) || len(st.HeadsEnd) != len(w.Long) {
		return fmt.Errorf("its long words do not match their tables")
	}
	heads := make([]int, len(st.Heads))
	for i, h := range st.Heads {
		heads[i] = int(h)
	}
	from := int32(0)
	for i, end := range st.HeadsEnd {
		if end < from || int(end) > len(heads) {
			return fmt.Errorf("long word %d: heads out of their table", i)
		}
		if end > from {
			w.Long[i].Heads = heads[from:end:end]
		}
		from = end
	}
	w.All = make([]string, len(st.WordEnds))
	start := int32(0)
	for i, end := range st.WordEnds {
		if end < start || int(end) > len(st.WordsText) {
			return fmt.Errorf("word %d out of its text", i)
		}
		w.All[i] = st.WordsText[start:end]
		start = end
	}
	for i, k := range st.LongWord {
		switch {
		case k < 0:
		case int(k) >= len(w.All):
			return fmt.Errorf("long word %d: no word %d", i, k)
		default:
			w.Long[i].Word = w.All[k]
		}
	}
	return nil
}

// unpack restores the report and its words that pack stored, or says
// why the file cannot be (a damaged file is an error, never a panic).
func (st *stored) unpack() (*report.Report, *Words, error) {
	r := st.Report
	if r == nil || st.Words == nil {
		return nil, nil, fmt.Errorf("no report")
	}
	if err := st.unpackWords(); err != nil {
		return nil, nil, err
	}
	if len(st.SectionOfPara) != len(r.Paragraphs) || len(st.SectionOfSent) != len(r.Sentences) || len(st.TextStart) != len(r.Sentences) || len(st.TextEnd) != len(r.Sentences) ||
		len(st.FiguresEnd) != len(r.Sentences) || len(st.SentLabels) != sentenceLabels*len(r.Sentences) ||
		len(st.FigLabels) != figureLabels*len(st.Figures) || len(st.FigureInText) != len(st.Figures) {
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
	figure := 0
	for i := range r.Sentences {
		s := &r.Sentences[i]
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
		}
		l := st.SentLabels[sentenceLabels*i:]
		s.Part, s.Span = report.Part(st.Labels[l[0]]), report.Span(st.Labels[l[1]])
		end := int(st.FiguresEnd[i])
		if end < figure || end > len(st.Figures) {
			return nil, nil, fmt.Errorf("sentence %d: figures out of their table", i)
		}
		if end > figure {
			s.Figures = st.Figures[figure:end:end]
		}
		for j := range s.Figures {
			f := &s.Figures[j]
			if st.FigureInText[figure] {
				if f.Start < 0 || f.Start > f.End || f.End > len(s.Text) {
					return nil, nil, fmt.Errorf("sentence %d: figure out of its text", i)
				}
				f.Text = s.Text[f.Start:f.End]
			}
			l := st.FigLabels[figureLabels*figure:]
			f.Unit, f.Measure = st.Labels[l[0]], st.Labels[l[1]]
			f.Period, f.Span = report.Period(st.Labels[l[2]]), report.Span(st.Labels[l[3]])
			figure++
		}
	}
	return r, st.Words, nil
}
