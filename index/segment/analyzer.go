package segment

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/registry"
)

// Names under which the tokenizer and the analyzer are registered in bleve.
const (
	TokenizerName = "gse"
	AnalyzerName  = "zh"
)

// tokenizer adapts the current Segmenter to bleve.
type tokenizer struct{}

// Tokenize implements analysis.Tokenizer.
func (tokenizer) Tokenize(input []byte) analysis.TokenStream {
	s := Current()
	toks := s.Cut(string(input))
	out := make(analysis.TokenStream, 0, len(toks))
	for i, t := range toks {
		out = append(out, &analysis.Token{
			Term:     []byte(t.Term),
			Start:    t.Start,
			End:      t.End,
			Position: i + 1,
			Type:     analysis.Ideographic,
		})
	}
	return out
}

func tokenizerConstructor(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
	return tokenizer{}, nil
}

func analyzerConstructor(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
	tok, err := cache.TokenizerNamed(TokenizerName)
	if err != nil {
		return nil, fmt.Errorf("zh analyzer: %w", err)
	}
	lower, err := cache.TokenFilterNamed(lowercase.Name)
	if err != nil {
		return nil, fmt.Errorf("zh analyzer: %w", err)
	}
	return &analysis.DefaultAnalyzer{Tokenizer: tok, TokenFilters: []analysis.TokenFilter{lower}}, nil
}

func init() {
	if err := registry.RegisterTokenizer(TokenizerName, tokenizerConstructor); err != nil {
		panic(err)
	}
	if err := registry.RegisterAnalyzer(AnalyzerName, analyzerConstructor); err != nil {
		panic(err)
	}
}
