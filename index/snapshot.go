package index

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode"

	"planbot/index/report"
)

// state is a catalog being served, with what readers look up in it.
type state struct {
	cat  *Catalog
	byID map[string]int
	han  map[rune]bool
	// Memo keeps what readers derive from the catalog (an index of its
	// places) while it is served.
	Memo
}

func newState(cat *Catalog) *state {
	st := &state{cat: cat, byID: make(map[string]int, len(cat.Reports)), han: make(map[rune]bool, len(cat.Han))}
	for i, e := range cat.Reports {
		st.byID[e.Meta.ID] = i
	}
	for _, r := range cat.Han {
		st.han[r] = true
	}
	return st
}

// Snapshot is the library as one reader sees it: the catalog as it was
// when View began. Reports are opened when the reader asks for them and
// stay open until View returns.
type Snapshot struct {
	*state
	lib  *Library
	mu   sync.Mutex
	held []func()
}

// Entries lists the reports, oldest first.
func (s *Snapshot) Entries() []Entry { return s.cat.Reports }

// Entry returns the catalog entry of report id.
func (s *Snapshot) Entry(id string) (Entry, bool) {
	i, ok := s.byID[id]
	if !ok {
		return Entry{}, false
	}
	return s.cat.Reports[i], true
}

// KnownHan reports whether some report uses the Chinese character r.
func (s *Snapshot) KnownHan(r rune) bool { return s.han[r] }

// Open opens report id, or returns the open one.
func (s *Snapshot) Open(id string) (*Loaded, error) {
	e, ok := s.Entry(id)
	if !ok {
		return nil, fmt.Errorf("%s: %w", id, ErrNotFound)
	}
	dir := filepath.Join(s.lib.opts.DataDir, e.Dir)
	r, release, err := s.lib.cache.acquire(dir, func() (*Loaded, error) { return openReport(s.lib.opts.DataDir, e) })
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.held = append(s.held, release)
	s.mu.Unlock()
	return r, nil
}

// release lets the reports this snapshot opened be closed.
func (s *Snapshot) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.held {
		r()
	}
	s.held = nil
}

// sortEntries orders reports oldest first: by plan year, date, then id.
func sortEntries(es []Entry) {
	slices.SortStableFunc(es, func(a, b Entry) int {
		x, y := a.Meta, b.Meta
		switch {
		case x.PlanYear != y.PlanYear:
			return x.PlanYear - y.PlanYear
		case x.Date != y.Date:
			return strings.Compare(x.Date, y.Date)
		}
		return strings.Compare(x.ID, y.ID)
	})
}

// hanOf adds the Chinese characters of r to set, a string of distinct
// characters, and returns it.
func hanOf(set string, r *report.Report) string {
	have := map[rune]bool{}
	for _, c := range set {
		have[c] = true
	}
	out := []rune(set)
	add := func(text string) {
		for _, c := range text {
			if c >= 0x3400 && !have[c] && unicode.Is(unicode.Han, c) {
				have[c] = true
				out = append(out, c)
			}
		}
	}
	for _, p := range r.Paragraphs {
		add(p.Text)
	}
	for _, h := range r.Headings {
		add(h)
	}
	add(r.Meta.Title)
	return string(out)
}
