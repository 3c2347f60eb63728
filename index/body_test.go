package index

import (
	"reflect"
	"testing"

	"planbot/index/report"
)

// TestBodyInPlace checks that an open report's records give each
// sentence and paragraph as parsed, field by field as At gives it whole,
// and that sentences decoded one after another into one slice of figures
// (AppendAt) keep their own figures.
func TestBodyInPlace(t *testing.T) {
	tests := []struct{ name, path string }{
		{"seed", "../seeds/jiuyuan_2025_plan_report.txt"},
		{"corpus", "testdata/reports/" + firstCorpusReport(t)},
	}
	for _, tt := range tests {
		r := parsedForTest(t, tt.path)
		l, err := LoadedOf(r)
		if err != nil {
			t.Fatal(err)
		}
		ss := &l.Sentences
		if ss.Len() != len(r.Sentences) || l.Paragraphs.Len() != len(r.Paragraphs) {
			t.Fatalf("%s: %d sentences and %d paragraphs, want %d and %d", tt.name, ss.Len(), l.Paragraphs.Len(), len(r.Sentences), len(r.Paragraphs))
		}
		var figs []report.Figure
		got := make([]report.Sentence, ss.Len())
		for i, want := range r.Sentences {
			got[i], figs = ss.AppendAt(figs, i)
			fields := []any{ss.Text(i), ss.Para(i), ss.Section(i), ss.NumFigures(i), ss.AppendFigures(nil, i)}
			if !reflect.DeepEqual(fields, []any{want.Text, want.Para, want.Section, len(want.Figures), want.Figures}) {
				t.Errorf("%s: sentence %d: %v, want %+v", tt.name, i, fields, want)
			}
			if _, ok := l.TextAt(ss.Text(i)); !ok && want.Text != "" {
				t.Errorf("%s: sentence %d is no slice of the report's text", tt.name, i)
			}
		}
		if !reflect.DeepEqual(got, r.Sentences) {
			t.Errorf("%s: the sentences decoded one after another differ from those parsed", tt.name)
		}
		for i, want := range r.Paragraphs {
			if p := l.Paragraphs.At(i); l.Paragraphs.Text(i) != want.Text || !reflect.DeepEqual(p, want) {
				t.Errorf("%s: paragraph %d: %+v, want %+v", tt.name, i, p, want)
			}
		}
	}
}
