// Package plain is the plain pipeline planbot is measured against: gse
// with its default dictionaries (what gse.New() loads) as a bleve analyzer,
// bleve with default settings, one document per sentence, and the top hit
// of a match query as the answer. Only benchmarks import it.
package plain

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/go-ego/gse"

	"planbot/index/segment"

	"planbot/index/extract"
)

// The tokenizer, registered in bleve as "plain_gse", cuts with the
// segmenter set by Use in gse's default mode
// and drops tokens without a letter or digit; its analyzer adds bleve's
// lowercase filter. Everything else is bleve's default.

var (
	current  atomic.Pointer[gse.Segmenter]
	register sync.Once
)

// NewSegmenter is gse.New(): gse's default dictionaries (zh_s and
// zh_t), with gse's log lines switched off.
func NewSegmenter() (gse.Segmenter, error) {
	segment.LoadHMM()
	seg := gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	err := seg.LoadDict()
	return seg, err
}

// Use makes seg the segmenter of the plain tokenizer.
func Use(seg *gse.Segmenter) { current.Store(seg) }

// tokenizer is the plain pipeline's bleve tokenizer.
type tokenizer struct{}

// Tokenize implements analysis.Tokenizer.
func (tokenizer) Tokenize(in []byte) analysis.TokenStream {
	var out analysis.TokenStream
	for _, s := range current.Load().Segment(in) {
		w := in[s.Start():s.End()]
		if !strings.ContainsFunc(string(w), func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		out = append(out, &analysis.Token{Term: w, Start: s.Start(), End: s.End(), Position: len(out) + 1, Type: analysis.Ideographic})
	}
	return out
}

// newMapping is bleve.NewIndexMapping() with the gse analyzer as default.
func newMapping() (mapping.IndexMapping, error) {
	register.Do(func() {
		registry.RegisterTokenizer("plain_gse", func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
			return tokenizer{}, nil
		})
	})
	im := bleve.NewIndexMapping()
	err := im.AddCustomAnalyzer("plain", map[string]interface{}{
		"type": custom.Name, "tokenizer": "plain_gse", "token_filters": []string{lowercase.Name}})
	im.DefaultAnalyzer = "plain"
	return im, err
}

// Build indexes the sentences of the report files at dir, one
// document {"text": sentence} each, and returns the open index.
func Build(dir string, files []string) (bleve.Index, error) {
	im, err := newMapping()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.New(dir, im)
	if err != nil {
		return nil, err
	}
	batch := idx.NewBatch()
	for _, f := range files {
		text, err := text(f)
		if err != nil {
			idx.Close()
			return nil, err
		}
		for _, s := range sentences(text) {
			if err := batch.Index(strconv.Itoa(batch.Size()), map[string]string{"text": s}); err != nil {
				idx.Close()
				return nil, err
			}
		}
	}
	if err := idx.Batch(batch); err != nil {
		idx.Close()
		return nil, err
	}
	return idx, nil
}

// text reads the text of a report file with planbot's extractor, so
// both pipelines index the same text whatever the file format.
func text(file string) (string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	return extract.Text(filepath.Base(file), data)
}

// sentences splits text at 。！？； and line ends.
func sentences(text string) []string {
	var out []string
	for _, s := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("。！？；\n", r) }) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Ask answers q with the text of the top hit of a MatchQuery.
func Ask(idx bleve.Index, q string) (string, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchQuery(q), 1, 0, false)
	req.Fields = []string{"text"}
	res, err := idx.Search(req)
	if err != nil || len(res.Hits) == 0 {
		return "", err
	}
	s, _ := res.Hits[0].Fields["text"].(string)
	return s, nil
}

// Files lists the report files of dir as planbot's index does:
// regular files but hidden ones, READMEs and NAME.meta.yaml sidecars.
func Files(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		name := e.Name()
		if e.Type().IsRegular() && !strings.HasPrefix(name, ".") && !strings.HasSuffix(name, ".meta.yaml") &&
			!strings.HasPrefix(strings.ToUpper(name), "README") {
			out = append(out, filepath.Join(dir, name))
		}
	}
	return out
}
