package index

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	"github.com/blevesearch/bleve/v2/search/query"
	seg "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v17"
)

// SearchIndex is a report's bleve index opened to be searched: the one
// zap segment of the scorch index buildIndex wrote, opened (mapped) by
// itself and read through zapReader, without scorch's bbolt root and
// machinery (a third of reopening a report), with the mapping the index
// was built with made again in code (newMapping) instead of read back and
// parsed from its JSON at every opening, as bleve.Open does.
type SearchIndex struct {
	seg seg.Segment
	m   mapping.IndexMapping
}

// openSearch opens the bleve index written by buildIndex in dir, whose
// analyzer cuts with the dictionary registered as dict.
func openSearch(dir, dict string) (*SearchIndex, error) {
	m, err := newMapping(dict)
	if err != nil {
		return nil, err
	}
	path, err := segmentFile(filepath.Join(dir, "store"))
	if err != nil {
		return nil, err
	}
	s, err := zapPlugin.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open segment: %w", err)
	}
	return &SearchIndex{seg: s, m: m}, nil
}

// zapPlugin reads the segments bleve writes (its default format).
var zapPlugin zap.ZapPlugin

// segmentFile returns the path of the one zap segment of a scorch index
// stored in dir, found once a directory (a report's never changes).
func segmentFile(dir string) (string, error) {
	if p, ok := segmentFiles.Load(dir); ok {
		return p.(string), nil
	}
	zaps, err := filepath.Glob(filepath.Join(dir, "*.zap"))
	if err != nil {
		return "", err
	}
	if len(zaps) != 1 {
		return "", fmt.Errorf("%s: %d segments, want 1", dir, len(zaps))
	}
	segmentFiles.Store(dir, zaps[0])
	return zaps[0], nil
}

// segmentFiles knows segmentFile of the directories read.
var segmentFiles sync.Map

// Close closes the index (unmaps its segment).
func (s *SearchIndex) Close() error { return s.seg.Close() }

// search returns the ids and scores of the size best documents that q
// matches, best first, as bleve's Index.Search does with a request of
// that size and its default sort (by score).
func (s *SearchIndex) search(q query.Query, size int) (hits search.DocumentMatchCollection, err error) {
	r := zapReader{s.seg}
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
