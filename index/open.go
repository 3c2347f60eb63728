package index

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"unsafe"

	"planbot/index/report"
	"planbot/index/segment"
)

// Loaded is a report opened for questions: its parsed text (its
// sentences, figures and paragraphs as the records stored, decoded when
// asked: body.go), its bleve index, the segmenter of its dictionary
// (segment.Lazy: it cuts questions, not the whole report) and the words of
// its sentences as that dictionary cuts them.
type Loaded struct {
	Meta       report.Meta
	Sentences  Sentences
	Paragraphs Paragraphs
	Rows       []report.TableRow
	Headings   []string
	Index      *SearchIndex
	Seg        *segment.Segmenter
	Words      *Words
	Seed       bool
	// Text is the stored text of the report, of which its strings are
	// slices (TextAt); "" for a report not read back.
	Text string
	dict string // the name its segmenter is registered under
	// bytes is what it holds, as estimated when it was opened (Bytes).
	bytes int64
	// Memo keeps what a reader derives from the report (its caches of
	// it) while the report stays open; they go when it closes.
	Memo
}

// TextAt returns where s is in the report's Text, when s is a slice of it
// (the strings of a report read back are: newDecoder), so that a reader
// can search the text once for what its sentences say.
func (l *Loaded) TextAt(s string) (int, bool) {
	if s == "" || l.Text == "" {
		return 0, false
	}
	base, p := uintptr(unsafe.Pointer(unsafe.StringData(l.Text))), uintptr(unsafe.Pointer(unsafe.StringData(s)))
	if p < base || p-base > uintptr(len(l.Text)-len(s)) {
		return 0, false
	}
	return int(p - base), true
}

// Bytes estimates the memory the report holds open, as it was opened:
// its text and records as read and its dictionary (not what readers
// derive from it later, nor the segmenter's index of its dictionary:
// about a tenth more; its bleve index holds none: SearchIndex). The open
// reports are bounded by it (Options.OpenBytes).
func (l *Loaded) Bytes() int64 { return l.bytes }

func (l *Loaded) close() {
	if l.Index != nil {
		l.Index.Close()
	}
	l.Words.close()
	segment.Unregister(l.dict)
}

// openReport opens the report of entry e of the catalog in dataDir: its
// dictionary and bleve index in the background while its text is decoded,
// each about half of the work.
func openReport(dataDir string, e Entry) (*Loaded, error) {
	dir := filepath.Join(dataDir, e.Dir)
	type searchIndex struct {
		idx   *SearchIndex
		seg   *segment.Segmenter
		name  string
		bytes int64
		err   error
	}
	opened := make(chan searchIndex, 1)
	go func() {
		idx, seg, name, bytes, err := openSearchIndex(dir)
		opened <- searchIndex{idx, seg, name, bytes, err}
	}()
	l, err := readReport(dir)
	si := <-opened
	if si.err == nil && err != nil {
		si.idx.Close()
		segment.Unregister(si.name)
	}
	if err == nil && si.err != nil {
		l.Words.close()
	}
	if err == nil {
		err = si.err
	}
	if err != nil {
		return nil, fmt.Errorf("open report %s: %w", e.Meta.ID, err)
	}
	l.Meta, l.Index, l.Seg, l.Seed, l.dict = e.Meta, si.idx, si.seg, e.Seed, si.name
	l.bytes = si.bytes + l.heldBytes()
	return l, nil
}

// openSearchIndex opens the bleve index in dir and the segmenter of its
// dictionary, registered under a name of this opening's own, which the
// index's mapping (made in code, SearchIndex) gives its analyzer (undo
// with segment.Unregister(name) when the index is closed). At build time
// the name is the dictionary's hash (buildReport); here no hash is needed.
// It returns the bytes of the dictionary too (the index holds no memory
// while open: SearchIndex).
func openSearchIndex(dir string) (idx *SearchIndex, seg *segment.Segmenter, name string, bytes int64, err error) {
	dict, err := os.ReadFile(filepath.Join(dir, dictFile))
	if err != nil {
		return nil, nil, "", 0, err
	}
	// The dictionary's text is the file's bytes, read for it alone and
	// never changed: no copy.
	if seg, err = segment.Lazy(unsafe.String(unsafe.SliceData(dict), len(dict))); err != nil {
		return nil, nil, "", 0, fmt.Errorf("its dictionary: %w", err)
	}
	name = "open" + strconv.FormatInt(openings.Add(1), 10)
	segment.Register(name, seg) // before the index is opened: its mapping names it
	idx, err = openSearch(filepath.Join(dir, bleveDir), name)
	if err != nil {
		segment.Unregister(name)
		return nil, nil, "", 0, fmt.Errorf("its index: %w", err)
	}
	return idx, seg, name, int64(len(dict)), nil
}

// openings counts the reports opened, to name their dictionaries.
var openings atomic.Int64

// openCache keeps at most limit reports open, by directory, and at most
// maxBytes of them (Loaded.Bytes; 0: no bound by bytes), closing the ones
// used longest ago when another is opened; a report held by a reader is
// never closed, so the cache may hold more for a while. Closing a report
// (closing its files) is done in the background, off the path of the
// question that let it go.
type openCache struct {
	mu       sync.Mutex
	limit    int
	maxBytes int64
	bytes    int64 // of the open reports
	clock    int64
	items    map[string]*cached
	closing  sync.WaitGroup // the reports being closed in the background
}

type cached struct {
	ready chan struct{} // closed once r or err is set
	r     *Loaded
	err   error
	refs  int
	used  int64
}

func newOpenCache(limit int, maxBytes int64) *openCache {
	return &openCache{limit: limit, maxBytes: maxBytes, items: map[string]*cached{}}
}

// acquire returns the report of dir, opening it with open unless it is
// open already, and holds it until release is called.
func (c *openCache) acquire(dir string, open func() (*Loaded, error)) (r *Loaded, release func(), err error) {
	c.mu.Lock()
	it := c.items[dir]
	fresh := it == nil
	if fresh {
		it = &cached{ready: make(chan struct{})}
		c.items[dir] = it
	}
	it.refs++
	c.clock++
	it.used = c.clock
	c.mu.Unlock()
	if fresh {
		it.r, it.err = open()
		if it.err == nil {
			c.mu.Lock()
			c.bytes += it.r.Bytes()
			c.mu.Unlock()
		}
		close(it.ready)
	}
	<-it.ready
	release = func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		it.refs--
		if it.err != nil && c.items[dir] == it {
			delete(c.items, dir) // tried again next time
		}
		c.evict()
	}
	if it.err != nil {
		release()
		return nil, nil, it.err
	}
	return it.r, release, nil
}

// evict closes the reports used longest ago that nobody holds until at
// most limit are open, holding at most maxBytes (but for one report, which
// may hold more). c.mu is held.
func (c *openCache) evict() {
	for len(c.items) > c.limit || c.maxBytes > 0 && c.bytes > c.maxBytes && len(c.items) > 1 {
		var oldest string
		for dir, it := range c.items {
			if it.refs == 0 && it.r != nil && (oldest == "" || it.used < c.items[oldest].used) {
				oldest = dir
			}
		}
		if oldest == "" {
			return
		}
		r := c.items[oldest].r
		c.bytes -= r.Bytes()
		c.closing.Go(r.close) // out of the map: nobody can hold it
		delete(c.items, oldest)
	}
}

// open returns how many reports are open and what they hold.
func (c *openCache) open() (int, int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items), c.bytes
}

// closeAll closes every open report, and waits for those being closed.
func (c *openCache) closeAll() {
	defer c.closing.Wait()
	c.mu.Lock()
	defer c.mu.Unlock()
	for dir, it := range c.items {
		if it.r != nil {
			it.r.close()
		}
		delete(c.items, dir)
	}
	c.bytes = 0
}
