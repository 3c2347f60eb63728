package index

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// SearchIndex is a report's bleve index opened to be searched: bleve's
// scorch index, read-only, with the mapping the index was built with
// made again in code (newMapping) instead of read back and parsed from
// its JSON at every opening, as bleve.Open does (a fifth of opening a
// report).
type SearchIndex struct {
	idx bindex.Index
	m   mapping.IndexMapping
}

// openSearch opens the bleve index written by buildIndex in dir, whose
// analyzer cuts with the dictionary registered as dict.
func openSearch(dir, dict string) (*SearchIndex, error) {
	m, err := newMapping(dict)
	if err != nil {
		return nil, err
	}
	idx, err := scorch.NewScorch(scorch.Name, map[string]interface{}{
		"path": filepath.Join(dir, "store"), "read_only": true,
		"create_if_missing": false, "error_if_exists": false,
	}, nil) // read-only: nothing to analyse for writing
	if err != nil {
		return nil, err
	}
	if err := idx.Open(); err != nil {
		return nil, err
	}
	return &SearchIndex{idx: idx, m: m}, nil
}

// Close closes the index.
func (s *SearchIndex) Close() error { return s.idx.Close() }

// search returns the ids and scores of the size best documents that q
// matches, best first, as bleve's Index.Search does with a request of
// that size and its default sort (by score).
func (s *SearchIndex) search(q query.Query, size int) (hits search.DocumentMatchCollection, err error) {
	r, err := s.idx.Reader()
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := r.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	ctx := context.Background()
	searcher, err := q.Searcher(ctx, r, s.m, search.SearcherOptions{})
	if err != nil {
		return nil, err
	}
	defer searcher.Close()
	coll := collector.NewTopNCollector(size, 0, search.SortOrder{&search.SortScore{Desc: true}})
	if err := coll.Collect(ctx, searcher, r); err != nil {
		return nil, fmt.Errorf("collect: %w", err)
	}
	return coll.Results(), nil
}
