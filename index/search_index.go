package index

import (
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	"github.com/blevesearch/bleve/v2/search/query"
	zap "github.com/blevesearch/zapx/v17"
)

// SearchIndex is a report's bleve index opened to be searched: the one
// zap segment of the scorch index buildIndex wrote, read through
// zapReader without scorch's bbolt root and machinery, with the mapping
// the index was built with made again in code (newMapping) instead of
// read back and parsed from its JSON at every opening, as bleve.Open
// does. Nothing of the segment is kept in memory while the report is
// open, only its file: each search reads it into a buffer the searches
// share (segmentBuffers). Reading it (about 0.05 ms for 300 KB) costs
// less than mapping it did: a mapped segment's pages stayed resident as
// long as the report was open (about 0.26 MB a report), and unmapping it
// took 0.1 ms (BENCHMARKS.md, stop 29).
type SearchIndex struct {
	f    *os.File // kept open: a report removed meanwhile stays readable
	foot zapFooter
	m    mapping.IndexMapping
}

// zapFooter is what zap writes at the end of a segment's file: where its
// parts are, and the file's size.
type zapFooter struct {
	size                                int64
	numDocs, storedIndex, sectionsIndex uint64
	chunkMode, crc                      uint32
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
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	foot, err := readFooter(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("segment %s: %w", path, err)
	}
	return &SearchIndex{f: f, foot: foot, m: m}, nil
}

// readFooter reads and checks the footer of a zap segment's file f,
// written by bleve's default segment format (zap 17) with no writer
// callback (nothing to undo when reading it).
func readFooter(f *os.File) (zapFooter, error) {
	fi, err := f.Stat()
	if err != nil {
		return zapFooter{}, err
	}
	var b [zap.FooterSize]byte
	if fi.Size() < int64(len(b)) {
		return zapFooter{}, fmt.Errorf("%d bytes: too short", fi.Size())
	}
	if _, err := f.ReadAt(b[:], fi.Size()-int64(len(b))); err != nil {
		return zapFooter{}, err
	}
	be := binary.BigEndian
	ft := zapFooter{
		size: fi.Size(), numDocs: be.Uint64(b[4:]), storedIndex: be.Uint64(b[12:]),
		sectionsIndex: be.Uint64(b[20:]), chunkMode: be.Uint32(b[28:]), crc: be.Uint32(b[36:]),
	}
	if v := be.Uint32(b[32:]); v != zap.Version {
		return zapFooter{}, fmt.Errorf("zap version %d, want %d", v, zap.Version)
	}
	if n := be.Uint32(b[0:]); n != 0 {
		return zapFooter{}, fmt.Errorf("written through a callback (%d bytes of id)", n)
	}
	if body := uint64(ft.size) - zap.FooterSize; ft.storedIndex > body || ft.sectionsIndex > body {
		return zapFooter{}, fmt.Errorf("offsets %d, %d past %d bytes", ft.storedIndex, ft.sectionsIndex, body)
	}
	return ft, nil
}

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

// segmentBuffers holds the buffers (*[]byte) searches read segments into,
// one a search in flight (a bot answers at most 16 questions at once: at
// most 16 buffers of a segment's size, 0.2–0.5 MB): a buffer goes back
// once the search's results, which hold nothing of it (ids are copied
// out), are collected.
var segmentBuffers = sync.Pool{New: func() any { return new([]byte) }}

// Close closes the index's file.
func (s *SearchIndex) Close() error { return s.f.Close() }

// segment reads the index's segment into a buffer of segmentBuffers, to be
// given back with done once nothing reads the segment any more.
func (s *SearchIndex) segment() (sb *zap.SegmentBase, done func(), err error) {
	bp := segmentBuffers.Get().(*[]byte)
	giveBack := func() { segmentBuffers.Put(bp) }
	if int64(cap(*bp)) < s.foot.size {
		*bp = make([]byte, s.foot.size)
	}
	b := (*bp)[:s.foot.size]
	if _, err := s.f.ReadAt(b, 0); err != nil {
		giveBack()
		return nil, nil, fmt.Errorf("read segment: %w", err)
	}
	ft := s.foot
	sb, err = zap.InitSegmentBase(b[:len(b)-zap.FooterSize], ft.crc, ft.chunkMode, ft.numDocs, ft.storedIndex, ft.sectionsIndex, nil, nil)
	if err != nil {
		giveBack()
		return nil, nil, fmt.Errorf("segment: %w", err)
	}
	return sb, func() { sb.Close(); giveBack() }, nil
}

// search returns the ids and scores of the size best documents that q
// matches, best first, as bleve's Index.Search does with a request of
// that size and its default sort (by score).
func (s *SearchIndex) search(q query.Query, size int) (hits search.DocumentMatchCollection, err error) {
	sb, done, err := s.segment()
	if err != nil {
		return nil, err
	}
	defer done()
	r := zapReader{sb}
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
