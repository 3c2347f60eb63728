package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"planbot/index/segment"

	"planbot/index/report"
)

// Options configure a Library.
type Options struct {
	DataDir  string // where indexes, the catalog and added reports live
	SeedsDir string // report files that are always indexed
	// Keep lists texts whose words the pruned dictionary must know besides
	// the reports' own, e.g. the vocabulary questions are normalised with.
	Keep   []string
	Logger *slog.Logger
}

// Progress receives the stages of a rebuild: "解析…", "索引…".
type Progress func(stage string)

// Errors of the write operations.
var (
	ErrDuplicate = errors.New("该报告已经导入过")
	ErrNotFound  = errors.New("没有这个报告")
	ErrSeed      = errors.New("这是 seeds 目录中的报告，请从 seeds 目录删除文件后重建索引")
)

// Library is the collection of reports being served. Questions read a
// Snapshot; rebuilds make a new one beside it and swap it in, so readers
// never wait and never see a half-built index.
type Library struct {
	opts    Options
	log     *slog.Logger
	writeMu sync.Mutex
	current atomic.Pointer[Snapshot]
	catMod  atomic.Int64 // mtime of the catalog the snapshot came from
	checked atomic.Int64 // when the catalog was last looked at
	built   *Stats       // what Open built, when it had to
}

// Open opens the library in opts.DataDir, building it from the seeds when
// there is no index yet or when a seed file changed.
func Open(ctx context.Context, opts Options) (*Library, error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	l := &Library{opts: opts, log: opts.Logger}
	if err := os.MkdirAll(opts.DataDir, 0o755); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	cat, err := readCatalog(opts.DataDir)
	if err != nil {
		l.log.Warn("catalog unreadable, rebuilding", "err", err)
		cat = nil
	}
	if cat != nil {
		stale, err := l.stale(cat)
		if err != nil {
			return nil, err
		}
		if !stale {
			if err := l.load(cat); err == nil {
				return l, nil
			} else {
				l.log.Warn("index unreadable, rebuilding", "err", err)
			}
		}
	}
	st, err := l.Rebuild(ctx, nil)
	if err != nil {
		return nil, err
	}
	l.built = &st
	return l, nil
}

// BuiltByOpen returns what Open built when there was no index to open or
// it was stale, so that an explicit rebuild right after can be skipped.
func (l *Library) BuiltByOpen() (Stats, bool) {
	if l.built == nil {
		return Stats{}, false
	}
	return *l.built, true
}

// Close closes the indexes being served.
func (l *Library) Close() error {
	if s := l.current.Swap(nil); s != nil {
		s.retire()
	}
	return nil
}

// sources lists the seeds and the reports added by admins.
func (l *Library) sources() ([]Source, error) {
	seeds, err := ListSources(l.opts.SeedsDir, true)
	if err != nil {
		return nil, err
	}
	added, err := ListSources(l.addedDir(), false)
	if err != nil {
		return nil, err
	}
	return append(seeds, added...), nil
}

func (l *Library) addedDir() string { return filepath.Join(l.opts.DataDir, "added") }

// stale reports whether the catalog no longer matches the report files.
func (l *Library) stale(cat *Catalog) (bool, error) {
	srcs, err := l.sources()
	if err != nil {
		return false, err
	}
	if cat.Version != FormatVersion || len(srcs) != len(cat.Reports) || cat.Keep != l.keepHash() {
		return true, nil
	}
	have := map[string]string{}
	for _, e := range cat.Reports {
		have[e.Meta.ID] = e.Meta.Hash
	}
	for _, s := range srcs {
		if have[s.ID] != s.Hash {
			return true, nil
		}
	}
	return false, nil
}

// Rebuild parses every report file and indexes them anew beside the
// indexes being served, then switches to the new ones. On any error the
// old indexes keep serving.
func (l *Library) Rebuild(ctx context.Context, progress Progress) (Stats, error) {
	l.writeMu.Lock()
	defer l.writeMu.Unlock()
	unlock, err := lockDir(l.opts.DataDir)
	if err != nil {
		return Stats{}, err
	}
	defer unlock()
	return l.rebuild(ctx, progress)
}

// Stats counts what an index holds.
type Stats struct {
	Reports   int
	Sentences int
	Figures   int
	Took      time.Duration
}

func (l *Library) rebuild(ctx context.Context, progress Progress) (Stats, error) {
	start := time.Now()
	say := func(s string) {
		if progress != nil {
			progress(s)
		}
	}
	say("解析…")
	// A build allocates in bursts and frees it all at the end: collect less
	// often meanwhile.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	full := loadFullAsync() // about a second: meanwhile the reports are parsed
	srcs, err := l.sources()
	if err != nil {
		return Stats{}, err
	}
	seen := map[string]string{}
	for _, s := range srcs {
		if prev, dup := seen[s.ID]; dup {
			return Stats{}, fmt.Errorf("two report files have the id %q: %s and %s", s.ID, prev, s.Path)
		}
		seen[s.ID] = s.Path
	}
	reports := make([]*report.Report, len(srcs))
	pg, pctx := errgroup.WithContext(ctx)
	pg.SetLimit(runtime.GOMAXPROCS(0))
	for i, s := range srcs {
		pg.Go(func() error {
			if err := pctx.Err(); err != nil {
				return err
			}
			r, err := s.Load()
			if err != nil {
				return fmt.Errorf("parse %s: %w", s.Path, err)
			}
			r.Meta.Added = l.addedTime(s)
			reports[i] = r
			return nil
		})
	}
	if err := pg.Wait(); err != nil {
		return Stats{}, err
	}
	say("索引…")
	seg, dict, err := dictionaryFor(reports, l.opts.Keep, full)
	if err != nil {
		return Stats{}, err
	}
	segment.Use(seg)
	gen := time.Now().UTC().Format("20060102T150405.000000000")
	dictName := filepath.Join("dict", gen+".txt")
	if err := os.MkdirAll(filepath.Join(l.opts.DataDir, "dict"), 0o755); err != nil {
		return Stats{}, fmt.Errorf("create dict directory: %w", err)
	}
	if err := writeFileAtomic(filepath.Join(l.opts.DataDir, dictName), []byte(dict)); err != nil {
		return Stats{}, err
	}
	cat := &Catalog{Version: FormatVersion, Dict: dictName, Keep: l.keepHash()}
	var st Stats
	// Each report's index is written on its own core.
	cat.Reports = make([]Entry, len(reports))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, r := range reports {
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			dir := filepath.Join("reports", r.Meta.ID+"-"+gen)
			if err := writeReport(r, filepath.Join(l.opts.DataDir, dir)); err != nil {
				return err
			}
			e := Entry{Meta: r.Meta, Dir: dir, Source: srcs[i].Path, Seed: srcs[i].Seed, Sentences: len(r.Sentences)}
			for _, s := range r.Sentences {
				e.Figures += len(s.Figures)
			}
			cat.Reports[i] = e
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return Stats{}, err
	}
	for _, e := range cat.Reports {
		st.Sentences += e.Sentences
		st.Figures += e.Figures
	}
	sortEntries(cat.Reports)
	st.Reports = len(cat.Reports)
	if old, _ := readCatalog(l.opts.DataDir); old != nil {
		for _, e := range old.Reports {
			cat.Previous = append(cat.Previous, e.Dir)
		}
		cat.Previous = append(cat.Previous, old.Dict)
	}
	if err := writeCatalog(l.opts.DataDir, cat); err != nil {
		return Stats{}, err
	}
	if err := l.load(cat); err != nil {
		return Stats{}, err
	}
	l.cleanup(cat)
	st.Took = time.Since(start)
	l.log.Info("index rebuilt", "reports", st.Reports, "sentences", st.Sentences, "figures", st.Figures, "took", st.Took)
	return st, nil
}

// addedTime keeps the time a report was first added across rebuilds.
func (l *Library) addedTime(s Source) time.Time {
	if snap := l.current.Load(); snap != nil {
		if r := snap.byID[s.ID]; r != nil && r.Meta.Hash == s.Hash && !r.Meta.Added.IsZero() {
			return r.Meta.Added
		}
	}
	if fi, err := os.Stat(s.Path); err == nil {
		return fi.ModTime().UTC().Truncate(time.Second)
	}
	return time.Now().UTC().Truncate(time.Second)
}

// dictionaryFor loads the full dictionary with the reports' own terms and
// prunes it to what the reports and keep use.
func dictionaryFor(reports []*report.Report, keep []string, loadFull func() (*segment.Segmenter, error)) (*segment.Segmenter, string, error) {
	var terms, texts []string
	for _, r := range reports {
		terms = append(terms, r.Terms()...)
		for _, p := range r.Paragraphs {
			texts = append(texts, p.Text)
		}
		for _, s := range r.Sentences {
			if s.Row >= 0 {
				texts = append(texts, s.Text)
			}
		}
		texts = append(texts, r.Headings...)
		texts = append(texts, r.Meta.Title, r.Meta.Region)
	}
	full, err := loadFull()
	if err != nil {
		return nil, "", err
	}
	dict := full.Prune(texts, keep, terms)
	seg, err := segment.FromDict(dict)
	if err != nil {
		return nil, "", err
	}
	return seg, dict, nil
}

// loadFullAsync starts loading gse's full dictionary and returns a
// function that waits for it.
func loadFullAsync() func() (*segment.Segmenter, error) {
	type loaded struct {
		s   *segment.Segmenter
		err error
	}
	ch := make(chan loaded, 1)
	go func() {
		s, err := segment.Full()
		ch <- loaded{s, err}
	}()
	var once sync.Once
	var got loaded
	return func() (*segment.Segmenter, error) {
		once.Do(func() { got = <-ch })
		return got.s, got.err
	}
}

// writeReport writes a report's parsed model and its bleve index into dir.
func writeReport(r *report.Report, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("encode report %s: %w", r.Meta.ID, err)
	}
	if err := writeFileAtomic(filepath.Join(dir, "report.json"), b); err != nil {
		return err
	}
	if err := buildIndex(r, filepath.Join(dir, "bleve")); err != nil {
		return err
	}
	return syncDir(dir)
}

// sortEntries orders reports oldest first: by plan year, date, then id.
func sortEntries(es []Entry) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i].Meta, es[j].Meta
		if a.PlanYear != b.PlanYear {
			return a.PlanYear < b.PlanYear
		}
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		return a.ID < b.ID
	})
}

// cleanup removes index directories and dictionaries that neither this
// catalog nor the one before it refers to: leftovers of crashed rebuilds
// and of older generations.
func (l *Library) cleanup(cat *Catalog) {
	keep := map[string]bool{cat.Dict: true}
	for _, e := range cat.Reports {
		keep[e.Dir] = true
	}
	for _, p := range cat.Previous {
		keep[p] = true
	}
	for _, sub := range []string{"reports", "dict"} {
		entries, _ := os.ReadDir(filepath.Join(l.opts.DataDir, sub))
		for _, e := range entries {
			rel := filepath.Join(sub, e.Name())
			if !keep[rel] {
				if err := os.RemoveAll(filepath.Join(l.opts.DataDir, rel)); err != nil {
					l.log.Warn("cleanup", "path", rel, "err", err)
				}
			}
		}
	}
}

// keepHash fingerprints what the dictionary was pruned with besides the
// reports: the kept words and the built-in domain terms.
func (l *Library) keepHash() string {
	return hashWords(append(append([]string{}, l.opts.Keep...), segment.Terms()...))
}

// hashWords fingerprints a word list.
func hashWords(ws []string) string {
	h := sha256.New()
	for _, w := range ws {
		h.Write([]byte(w))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
