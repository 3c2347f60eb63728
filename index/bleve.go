package index

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"planbot/index/segment"

	"planbot/index/report"
)

// Kinds of documents in a report's bleve index.
const (
	KindSentence  = "sentence"
	KindRow       = "row"
	KindParagraph = "paragraph"
	KindFigure    = "figure"
)

// doc is what bleve indexes for a sentence, row, paragraph or figure:
// the fields that searches ask (Search). Paragraphs and figures are not
// searched for, but they count among the documents that weigh a word
// (its inverse document frequency).
type doc struct {
	Kind    string `json:"kind"`
	Text    string `json:"text"`
	Section string `json:"section"`
}

// newMapping maps text and section through the analyzer of the
// report's dictionary and kind as a keyword. Nothing is stored and
// there is no _all field, no term vectors and no doc values: the parsed
// report is kept beside the index, and searches only need the terms.
func newMapping(dict string) (mapping.IndexMapping, error) {
	im := bleve.NewIndexMapping()
	zhName, err := segment.Analyze(im, dict)
	if err != nil {
		return nil, err
	}
	zh := bleve.NewTextFieldMapping()
	zh.Analyzer = zhName
	kw := bleve.NewTextFieldMapping()
	kw.Analyzer = keyword.Name
	for _, f := range []*mapping.FieldMapping{zh, kw} {
		f.Store, f.IncludeInAll, f.IncludeTermVectors, f.DocValues = false, false, false, false
	}

	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt("text", zh)
	dm.AddFieldMappingsAt("section", zh)
	dm.AddFieldMappingsAt("kind", kw)
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())

	im.DefaultMapping = dm
	im.DefaultAnalyzer = zhName
	return im, nil
}

// docID names the document of a sentence (s12), paragraph (p3) or
// figure (f12.0); table rows are sentences too.
func docID(kind string, id, sub int) string {
	switch kind {
	case KindParagraph:
		return "p" + strconv.Itoa(id)
	case KindFigure:
		return "f" + strconv.Itoa(id) + "." + strconv.Itoa(sub)
	}
	return "s" + strconv.Itoa(id)
}

// SentenceID returns the sentence id of a document id, or -1.
func SentenceID(doc string) int {
	if !strings.HasPrefix(doc, "s") {
		return -1
	}
	n, err := strconv.Atoi(doc[1:])
	if err != nil {
		return -1
	}
	return n
}

// buildIndex writes the bleve index of r at dir, cut with the dictionary
// registered as dict.
func buildIndex(r *report.Report, dir, dict string) error {
	m, err := newMapping(dict)
	if err != nil {
		return err
	}
	idx, err := bleve.New(dir, m)
	if err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	b := idx.NewBatch()
	add := func(id string, d doc) error { return b.Index(id, d) }
	for _, s := range r.Sentences {
		kind := KindSentence
		if s.Row >= 0 {
			kind = KindRow
		}
		d := doc{Kind: kind, Text: s.Text, Section: strings.Join(s.Section, " ")}
		if err := add(docID(kind, s.ID, 0), d); err != nil {
			idx.Close()
			return fmt.Errorf("index sentence %d: %w", s.ID, err)
		}
		for k, f := range s.Figures {
			fd := doc{Kind: KindFigure, Text: f.Measure + " " + f.Text}
			if err := add(docID(KindFigure, s.ID, k), fd); err != nil {
				idx.Close()
				return fmt.Errorf("index figure %d.%d: %w", s.ID, k, err)
			}
		}
	}
	for _, p := range r.Paragraphs {
		d := doc{Kind: KindParagraph, Text: p.Text}
		if err := add(docID(KindParagraph, p.ID, 0), d); err != nil {
			idx.Close()
			return fmt.Errorf("index paragraph %d: %w", p.ID, err)
		}
	}
	if err := idx.Batch(b); err != nil {
		idx.Close()
		return fmt.Errorf("index %s: %w", r.Meta.ID, err)
	}
	if err := idx.Close(); err != nil {
		return fmt.Errorf("close index %s: %w", dir, err)
	}
	return nil
}

// Hit is a sentence (or table row) found by a search, with bleve's score.
type Hit struct {
	Sentence int
	Score    float64
}

// searchQuery is the query Search asks: the words of q in a sentence's or
// a table row's text, or in its section at a lower boost.
func searchQuery(q string) query.Query {
	text := bleve.NewMatchQuery(q)
	text.SetField("text")
	section := bleve.NewMatchQuery(q)
	section.SetField("section")
	section.SetBoost(0.3)
	kinds := bleve.NewDisjunctionQuery(termQuery("kind", KindSentence), termQuery("kind", KindRow))
	return bleve.NewConjunctionQuery(kinds, bleve.NewDisjunctionQuery(text, section))
}

// Search finds the sentences and table rows of a report whose text or
// section matches the words of q (analysed with the gse analyzer).
// Sections count for less than the sentence's own text.
func Search(idx *SearchIndex, q string, size int) ([]Hit, error) {
	hits, err := idx.search(searchQuery(q), size)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	out := make([]Hit, 0, len(hits))
	for _, h := range hits {
		if id := SentenceID(h.ID); id >= 0 {
			out = append(out, Hit{Sentence: id, Score: h.Score})
		}
	}
	return out, nil
}

func termQuery(field, term string) query.Query {
	q := bleve.NewTermQuery(term)
	q.SetField(field)
	return q
}
