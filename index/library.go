package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"planbot/index/segment"
)

// Errors of the library.
var (
	ErrDuplicate = errors.New("该报告已经导入过")
	ErrNotFound  = errors.New("没有这个报告")
	ErrExists    = errors.New("已有同一编号的报告，如要替换请加 --replace")
	ErrSeed      = errors.New("这是 seeds 目录中的报告，请从 seeds 目录删除文件后重建索引")
)

// Library is the collection of reports being served. See the package
// documentation for how readers and writers share it.
type Library struct {
	opts    Options
	log     *slog.Logger
	cache   *openCache
	writeMu sync.Mutex // one writer at a time in this process; the lock file for others
	current atomic.Pointer[state]
	catMod  atomic.Int64 // modification time of the catalog being served
	checked atomic.Int64 // when the catalog was last looked at
	built   *Stats       // what Open built, when it had to
}

// Open opens the library in opts.DataDir. It reads the catalog and
// nothing more: reports are opened when questions need them. With no
// catalog (or one of another format) it builds the index when opts.Build
// allows, and fails with ErrNoIndex otherwise. A catalog that no longer
// matches the seeds or the kept words is served as it is, with a warning:
// only writers rebuild.
func Open(ctx context.Context, opts Options) (*Library, error) {
	if opts.DataDir == "" {
		return nil, errors.New("open library: no data directory")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.OpenReports <= 0 {
		opts.OpenReports = DefaultOpenReports
	}
	switch {
	case opts.OpenBytes == 0:
		opts.OpenBytes = DefaultOpenBytes
	case opts.OpenBytes < 0:
		opts.OpenBytes = 0 // no bound
	}
	l := &Library{opts: opts, log: opts.Logger, cache: newOpenCache(opts.OpenReports, opts.OpenBytes)}
	cat, err := readCatalog(opts.DataDir)
	if err != nil {
		return nil, err
	}
	if cat == nil || cat.Version != FormatVersion {
		if !opts.Build {
			return nil, fmt.Errorf("%s: %w", opts.DataDir, ErrNoIndex)
		}
		if err := l.buildMissing(ctx); err != nil {
			return nil, err
		}
		return l, nil
	}
	l.use(cat)
	if why := l.Stale(); why != "" {
		l.log.Warn("the index does not match its sources; run planbot index", "why", why)
	}
	return l, nil
}

// buildMissing builds the index unless another process built it while
// this one waited for the lock.
func (l *Library) buildMissing(ctx context.Context) error {
	start := time.Now()
	return l.update(ctx, func(old *Catalog) (*Catalog, error) {
		if old.Version == FormatVersion && old.Reports != nil {
			return old, nil
		}
		next, _, err := l.buildAll(ctx, old, nil)
		if err == nil {
			st := statsOf(next, start)
			l.built = &st
		}
		return next, err
	})
}

// BuiltByOpen returns what Open built when the data directory had no
// index, so that a rebuild asked for right after can be skipped.
func (l *Library) BuiltByOpen() (Stats, bool) {
	if l.built == nil {
		return Stats{}, false
	}
	return *l.built, true
}

// Close closes the open reports.
func (l *Library) Close() error {
	l.cache.closeAll()
	return nil
}

// View runs fn with a snapshot of the library; the reports it opens stay
// open until fn returns.
func (l *Library) View(fn func(*Snapshot) error) error {
	l.reloadIfChanged()
	st := l.current.Load()
	if st == nil {
		return errors.New("no index is open")
	}
	s := &Snapshot{state: st, lib: l}
	defer s.release()
	return fn(s)
}

// use makes cat the catalog being served.
func (l *Library) use(cat *Catalog) {
	l.current.Store(newState(cat))
	if fi, err := os.Stat(filepath.Join(l.opts.DataDir, catalogFile)); err == nil {
		l.catMod.Store(fi.ModTime().UnixNano())
	}
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
	cat, err := readCatalog(l.opts.DataDir)
	if err != nil || cat == nil || cat.Version != FormatVersion {
		l.log.Warn("reload catalog", "err", err)
		return
	}
	l.use(cat)
}

// Reports lists the reports being served, oldest first.
func (l *Library) Reports() []Entry {
	l.reloadIfChanged()
	if st := l.current.Load(); st != nil {
		return st.cat.Reports
	}
	return nil
}

// Failed lists the report files that the last rebuild could not serve.
func (l *Library) Failed() []Failure {
	if st := l.current.Load(); st != nil {
		return st.cat.Failed
	}
	return nil
}

// Open returns how many reports are open.
func (l *Library) Open() int { n, _ := l.cache.open(); return n }

// OpenBytes returns what the open reports hold (Loaded.Bytes).
func (l *Library) OpenBytes() int64 { _, b := l.cache.open(); return b }

// Paragraph returns the text of a paragraph of a report.
func (l *Library) Paragraph(reportID string, id int) (string, bool) {
	var text string
	var ok bool
	l.View(func(s *Snapshot) error {
		r, err := s.Open(reportID)
		if err == nil && id >= 0 && id < r.Paragraphs.Len() {
			text, ok = r.Paragraphs.Text(id), true
		}
		return nil
	})
	return text, ok
}

// Stale says why the index being served does not match its sources (a
// seed file changed, added or removed; other kept words; another format),
// or "" when it does.
func (l *Library) Stale() string {
	st := l.current.Load()
	if st == nil {
		return "no index"
	}
	cat := st.cat
	switch {
	case cat.Version != FormatVersion:
		return "built by another version of planbot"
	case cat.Keep != l.keepHash():
		return "the vocabulary changed"
	case l.opts.SeedsDir == "":
		return ""
	}
	known := map[string]Entry{}
	for _, e := range cat.Reports {
		if e.Seed {
			known[e.Source] = e
		}
	}
	srcs, failed, err := listSources(l.opts.SeedsDir, true, known)
	if err != nil {
		return err.Error()
	}
	have := map[string]string{}
	for _, e := range cat.Reports {
		if e.Seed {
			have[e.Source] = e.Meta.Hash
		}
	}
	for _, f := range cat.Failed {
		have[filepath.Base(f.Source)] = "failed"
	}
	for _, f := range failed {
		name := filepath.Base(f.Source)
		if have[name] != "failed" {
			return "unreadable seed file " + name
		}
		delete(have, name)
	}
	for _, s := range srcs {
		name := filepath.Base(s.Path)
		h, ok := have[name]
		if !ok {
			return "new seed file " + name
		}
		if h != s.Hash && h != "failed" {
			return "changed seed file " + name
		}
		delete(have, name)
	}
	for p := range have {
		return "seed file gone: " + p
	}
	return ""
}

// keepHash fingerprints what the dictionaries are pruned with besides
// the reports: the kept words, the built-in domain terms and the common
// words that every dictionary shares.
func (l *Library) keepHash() string {
	h := sha256.New()
	for _, w := range append(append([]string{segment.CommonName()}, l.opts.Keep...), segment.Terms()...) {
		h.Write([]byte(w))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
