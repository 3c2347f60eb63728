package index

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"

	"planbot/index/segment"

	"planbot/index/report"
)

// Snapshot is the set of reports served at one moment. It never changes;
// a rebuild makes a new one.
type Snapshot struct {
	Reports []*Loaded // oldest first
	byID    map[string]*Loaded

	mu     sync.RWMutex // held for reading while a question uses it
	closed bool
}

// Loaded is a report with its open index.
type Loaded struct {
	*report.Report
	Index bleve.Index
	Seed  bool
}

// Report returns the report with the given id, or nil.
func (s *Snapshot) Report(id string) *Loaded { return s.byID[id] }

// Newest returns the report with the latest plan year, or nil.
func (s *Snapshot) Newest() *Loaded {
	if len(s.Reports) == 0 {
		return nil
	}
	return s.Reports[len(s.Reports)-1]
}

// retire closes the snapshot's indexes once no question uses them.
func (s *Snapshot) retire() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	for _, r := range s.Reports {
		r.Index.Close()
	}
}

// View runs fn with the current snapshot, which stays open until fn returns.
func (l *Library) View(fn func(*Snapshot) error) error {
	l.reloadIfChanged()
	for {
		s := l.current.Load()
		if s == nil {
			return fmt.Errorf("no index is open")
		}
		s.mu.RLock()
		if s.closed { // swapped out meanwhile: take the new one
			s.mu.RUnlock()
			continue
		}
		err := fn(s)
		s.mu.RUnlock()
		return err
	}
}

// load opens the indexes a catalog lists and makes them current.
func (l *Library) load(cat *Catalog) error {
	dict, err := os.ReadFile(filepath.Join(l.opts.DataDir, cat.Dict))
	if err != nil {
		return fmt.Errorf("read dictionary: %w", err)
	}
	seg, err := segment.FromDict(string(dict))
	if err != nil {
		return err
	}
	segment.Use(seg)
	snap := &Snapshot{byID: map[string]*Loaded{}}
	fail := func(err error) error {
		for _, r := range snap.Reports {
			r.Index.Close()
		}
		return err
	}
	for _, e := range cat.Reports {
		dir := filepath.Join(l.opts.DataDir, e.Dir)
		b, err := os.ReadFile(filepath.Join(dir, "report.json"))
		if err != nil {
			return fail(fmt.Errorf("read report %s: %w", e.Meta.ID, err))
		}
		var r report.Report
		if err := json.Unmarshal(b, &r); err != nil {
			return fail(fmt.Errorf("decode report %s: %w", e.Meta.ID, err))
		}
		r.Meta = e.Meta
		idx, err := bleve.OpenUsing(filepath.Join(dir, "bleve"), map[string]interface{}{"read_only": true})
		if err != nil {
			return fail(fmt.Errorf("open index of %s: %w", e.Meta.ID, err))
		}
		lr := &Loaded{Report: &r, Index: idx, Seed: e.Seed}
		snap.Reports = append(snap.Reports, lr)
		snap.byID[r.Meta.ID] = lr
	}
	if fi, err := os.Stat(filepath.Join(l.opts.DataDir, catalogFile)); err == nil {
		l.catMod.Store(fi.ModTime().UnixNano())
	}
	if old := l.current.Swap(snap); old != nil {
		go old.retire()
	}
	return nil
}

// reloadIfChanged picks up a catalog written by another process (the CLI
// adding a report while the bot serves), looking at most every 2 seconds.
func (l *Library) reloadIfChanged() {
	now := time.Now().UnixNano()
	last := l.checked.Load()
	if now-last < int64(2*time.Second) || !l.checked.CompareAndSwap(last, now) {
		return
	}
	fi, err := os.Stat(filepath.Join(l.opts.DataDir, catalogFile))
	if err != nil || fi.ModTime().UnixNano() == l.catMod.Load() {
		return
	}
	if !l.writeMu.TryLock() {
		return // this process is rebuilding
	}
	defer l.writeMu.Unlock()
	cat, err := readCatalog(l.opts.DataDir)
	if err != nil || cat == nil {
		return
	}
	if err := l.load(cat); err != nil {
		l.log.Warn("reload catalog", "err", err)
	}
}
