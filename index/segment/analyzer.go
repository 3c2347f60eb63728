package segment

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
)

// TokenizerType is the type under which the tokenizer is registered in
// bleve. An index mapping defines one tokenizer of this type per
// dictionary, with the dictionary's name in its config ("dict").
const TokenizerType = "gse"

// Analyze adds to im the analyzer that cuts text with the dictionary
// called dict (registered with Register before the index is created or
// opened) and lowers Latin letters, and returns its name.
func Analyze(im *mapping.IndexMappingImpl, dict string) (string, error) {
	tok, name := TokenizerType+"-"+dict, "zh-"+dict
	if err := im.AddCustomTokenizer(tok, map[string]interface{}{"type": TokenizerType, "dict": dict}); err != nil {
		return "", fmt.Errorf("define tokenizer: %w", err)
	}
	err := im.AddCustomAnalyzer(name, map[string]interface{}{
		"type": custom.Name, "tokenizer": tok, "token_filters": []string{lowercase.Name}})
	if err != nil {
		return "", fmt.Errorf("define analyzer: %w", err)
	}
	return name, nil
}

// tokenizer adapts a Segmenter to bleve.
type tokenizer struct{ s *Segmenter }

// Tokenize implements analysis.Tokenizer.
func (t tokenizer) Tokenize(input []byte) analysis.TokenStream {
	toks := t.s.Cut(string(input))
	out := make(analysis.TokenStream, 0, len(toks))
	for i, tok := range toks {
		out = append(out, &analysis.Token{
			Term:     []byte(tok.Term),
			Start:    tok.Start,
			End:      tok.End,
			Position: i + 1,
			Type:     analysis.Ideographic,
		})
	}
	return out
}

func tokenizerConstructor(config map[string]interface{}, _ *registry.Cache) (analysis.Tokenizer, error) {
	name, _ := config["dict"].(string)
	s, ok := Named(name)
	if !ok {
		return nil, fmt.Errorf("gse tokenizer: no dictionary %q is registered", name)
	}
	return tokenizer{s}, nil
}

func init() {
	if err := registry.RegisterTokenizer(TokenizerType, tokenizerConstructor); err != nil {
		panic(err)
	}
}
