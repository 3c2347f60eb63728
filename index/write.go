package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"planbot/index/report"
)

// Progress receives the stages of a write: "解析…", "索引…".
type Progress func(stage string)

func (p Progress) say(stage string) {
	if p != nil {
		p(stage)
	}
}

// Stats counts what an index holds.
type Stats struct {
	Reports   int
	Sentences int
	Figures   int
	Took      time.Duration
}

func statsOf(cat *Catalog, start time.Time) Stats {
	st := Stats{Reports: len(cat.Reports), Took: time.Since(start)}
	for _, e := range cat.Reports {
		st.Sentences += e.Sentences
		st.Figures += e.Figures
	}
	return st
}

// update runs fn with the writers' lock held, on the catalog as it is on
// disk now (an empty one when there is none), and commits the catalog fn
// returns: written atomically, then served. Leftovers of writers that
// failed or were killed are removed first, what no catalog refers to any
// more after. fn must remove what it wrote when it fails.
func (l *Library) update(ctx context.Context, fn func(old *Catalog) (*Catalog, error)) error {
	l.writeMu.Lock()
	defer l.writeMu.Unlock()
	if err := os.MkdirAll(l.opts.DataDir, 0o755); err != nil {
		return fmt.Errorf("create data directory: %w", err)
	}
	unlock, err := lockDir(l.opts.DataDir)
	if err != nil {
		return err
	}
	defer unlock()
	old, err := readCatalog(l.opts.DataDir)
	if err != nil {
		l.log.Warn("catalog unreadable: starting a new one", "err", err)
		old = nil
	}
	if old == nil {
		old = &Catalog{Version: FormatVersion, Keep: l.keepHash()}
	}
	l.cleanup(old, nil)
	if err := ctx.Err(); err != nil {
		return err
	}
	next, err := fn(old)
	if err != nil {
		return err
	}
	if next == old {
		l.use(old)
		return nil
	}
	next.Version = FormatVersion
	next.Previous = nil
	for _, e := range old.Reports {
		next.Previous = append(next.Previous, e.Dir)
	}
	sortEntries(next.Reports)
	if err := writeCatalog(l.opts.DataDir, next); err != nil {
		return err
	}
	l.use(next)
	removed := map[string]bool{} // the files of the reports fn removed
	for _, e := range old.Reports {
		removed[e.Source] = true
	}
	l.cleanup(next, removed)
	return nil
}

// Rebuild parses and indexes every report anew: the seeds and the reports
// added before. A file that cannot be read or parsed is skipped, named in
// the log and in Failed. On any other error the old index keeps serving.
func (l *Library) Rebuild(ctx context.Context, progress Progress) (Stats, error) {
	start := time.Now()
	var st Stats
	err := l.update(ctx, func(old *Catalog) (*Catalog, error) {
		next, _, err := l.buildAll(ctx, old, progress)
		if err == nil {
			st = statsOf(next, start)
		}
		return next, err
	})
	if err == nil {
		l.log.Info("index rebuilt", "reports", st.Reports, "sentences", st.Sentences, "figures", st.Figures, "took", st.Took)
	}
	return st, err
}

// buildAll builds a catalog of every seed and every report old has added.
func (l *Library) buildAll(ctx context.Context, old *Catalog, progress Progress) (*Catalog, Stats, error) {
	progress.say("解析…")
	// A build allocates in bursts and frees it all at the end: collect
	// less often meanwhile.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	full := loadFullAsync() // about a second: meanwhile the reports are parsed
	var srcs []Source
	var failed []Failure
	for _, e := range old.Reports {
		if e.Seed {
			continue
		}
		s, err := readSource(filepath.Join(l.opts.DataDir, e.Source))
		if err != nil {
			failed = append(failed, Failure{Source: e.Source, Reason: err.Error()})
			continue
		}
		s.ID = e.Meta.ID
		srcs = append(srcs, s)
	}
	if l.opts.SeedsDir != "" {
		seeds, bad, err := listSources(l.opts.SeedsDir, true, nil)
		if err != nil {
			return nil, Stats{}, err
		}
		srcs, failed = append(srcs, seeds...), bad
	}
	reports := make([]*report.Report, len(srcs))
	errs := make([]error, len(srcs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, s := range srcs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			reports[i], errs[i] = s.load()
		}()
	}
	wg.Wait()
	next := &Catalog{Keep: l.keepHash()}
	taken := map[string]bool{}
	seen := map[string]string{} // fingerprint → id
	var todo []int
	for i, r := range reports {
		s := srcs[i]
		if errs[i] != nil {
			failed = append(failed, Failure{Source: s.Path, Reason: errs[i].Error()})
			continue
		}
		fp := fingerprint(r)
		if id, dup := seen[fp]; dup {
			failed = append(failed, Failure{Source: s.Path, Reason: fmt.Sprintf("%v (%s)", ErrDuplicate, id)})
			continue
		}
		id := s.ID
		if id == "" {
			id = idOf(s.Path, r.Meta)
		}
		id = uniqueID(id, func(c string) bool { return taken[c] })
		taken[id], seen[fp] = true, id
		r.Meta.ID = id
		r.Meta.Added = addedTime(old, id, s)
		todo = append(todo, i)
	}
	for _, f := range failed {
		l.log.Warn("report file skipped", "file", f.Source, "reason", f.Reason)
	}
	progress.say("索引…")
	fullSeg, err := full()
	if err != nil {
		return nil, Stats{}, err
	}
	gen := generation()
	entries := make([]Entry, len(todo))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for k, i := range todo {
		r, s := reports[i], srcs[i]
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			dir := filepath.Join("reports", r.Meta.ID+"-"+gen)
			if err := buildReport(r, filepath.Join(l.opts.DataDir, dir), fullSeg, l.opts.Keep); err != nil {
				return err
			}
			source := filepath.Base(s.Path)
			if !s.Seed {
				source, _ = filepath.Rel(l.opts.DataDir, s.Path)
			}
			entries[k] = entryOf(r, dir, source, s)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		for _, e := range entries {
			if e.Dir != "" {
				os.RemoveAll(filepath.Join(l.opts.DataDir, e.Dir))
			}
		}
		return nil, Stats{}, err
	}
	next.Reports, next.Failed = entries, failed
	for _, i := range todo {
		next.Han = hanOf(next.Han, reports[i])
	}
	return next, statsOf(next, time.Now()), nil
}

// addedTime keeps the time a report was first added across rebuilds.
func addedTime(old *Catalog, id string, s Source) time.Time {
	for _, e := range old.Reports {
		if e.Meta.ID == id && e.Meta.Hash == s.Hash && !e.Meta.Added.IsZero() {
			return e.Meta.Added
		}
	}
	if fi, err := os.Stat(s.Path); err == nil {
		return fi.ModTime().UTC().Truncate(time.Second)
	}
	return time.Now().UTC().Truncate(time.Second)
}

// AddOptions shape Add.
type AddOptions struct {
	// ID is the id to give the report. Default: from the file name, or
	// from the report's place and year when the name has no Latin
	// letters, made unique.
	ID string
	// Replace lets the report replace the added report with the same id;
	// without it an id given and taken is an error.
	Replace bool
	// Progress receives the stages.
	Progress Progress
}

// Add adds a report file, indexing it alone: the other reports are not
// touched. The file is checked first: one that cannot be read as a report,
// or that is already in the library (in any format or encoding, as a seed
// or added), changes nothing. It returns the new report's entry.
func (l *Library) Add(ctx context.Context, name string, data []byte, opt AddOptions) (Entry, error) {
	opt.Progress.say("解析…")
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	r, err := report.ParseFile(name, data, report.Meta{}, "", hash)
	if err != nil {
		return Entry{}, err
	}
	full := loadFullAsync()
	fp := fingerprint(r)
	var added Entry
	err = l.update(ctx, func(old *Catalog) (*Catalog, error) {
		id, replaced, err := l.idFor(old, name, r, opt)
		if err != nil {
			return nil, err
		}
		for _, e := range old.Reports {
			if (e.Meta.Hash == hash || e.Fingerprint == fp) && e.Meta.ID != replaced {
				return nil, fmt.Errorf("%s: %w (%s)", filepath.Base(name), ErrDuplicate, e.Meta.ID)
			}
		}
		r.Meta.ID = id
		r.Meta.Added = time.Now().UTC().Truncate(time.Second)
		opt.Progress.say("索引…")
		seg, err := full()
		if err != nil {
			return nil, err
		}
		gen := generation()
		dir := filepath.Join("reports", id+"-"+gen)
		if err := buildReport(r, filepath.Join(l.opts.DataDir, dir), seg, l.opts.Keep); err != nil {
			return nil, err
		}
		source := filepath.Join("added", id+"-"+gen+sourceExt(name))
		if err := l.writeSource(source, data); err != nil {
			os.RemoveAll(filepath.Join(l.opts.DataDir, dir))
			return nil, err
		}
		added = entryOf(r, dir, source, Source{})
		next := &Catalog{Keep: old.Keep, Failed: old.Failed, Han: hanOf(old.Han, r)}
		for _, e := range old.Reports {
			if e.Meta.ID != replaced {
				next.Reports = append(next.Reports, e)
			}
		}
		next.Reports = append(next.Reports, added)
		if replaced != "" {
			l.log.Info("report replaced", "id", replaced, "file", name)
		}
		return next, nil
	})
	return added, err
}

// idFor returns the id a new report gets, and the id of the report it
// replaces ("" for none).
func (l *Library) idFor(old *Catalog, name string, r *report.Report, opt AddOptions) (id, replaced string, err error) {
	byID := map[string]Entry{}
	for _, e := range old.Reports {
		byID[e.Meta.ID] = e
	}
	if opt.ID != "" {
		id = IDFromName(opt.ID)
		if id == "" {
			return "", "", fmt.Errorf("id %q: use Latin letters, digits, - and _", opt.ID)
		}
	} else if id = IDFromName(name); id == "" {
		id = idOf(name, r.Meta)
	}
	e, taken := byID[id]
	switch {
	case !taken:
		return id, "", nil
	case e.Seed:
		return "", "", fmt.Errorf("%s: %w", id, ErrSeed)
	case opt.Replace:
		return id, id, nil
	case opt.ID != "":
		return "", "", fmt.Errorf("%s: %w", id, ErrExists)
	}
	return uniqueID(id, func(c string) bool { _, ok := byID[c]; return ok }), "", nil
}

// sourceExt is the extension a copy of a report file keeps.
func sourceExt(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == "" || len(ext) > 6 {
		return ".txt"
	}
	return ext
}

// writeSource writes the copy of an added report file.
func (l *Library) writeSource(rel string, data []byte) error {
	path := filepath.Join(l.opts.DataDir, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create %s: %w", filepath.Dir(path), err)
	}
	return writeFileAtomic(path, data)
}

// Remove removes a report added by an admin.
func (l *Library) Remove(ctx context.Context, id string) error {
	return l.update(ctx, func(old *Catalog) (*Catalog, error) {
		i := slices.IndexFunc(old.Reports, func(e Entry) bool { return e.Meta.ID == id })
		switch {
		case i < 0:
			return nil, fmt.Errorf("%s: %w", id, ErrNotFound)
		case old.Reports[i].Seed:
			return nil, fmt.Errorf("%s: %w", id, ErrSeed)
		}
		next := *old
		next.Reports = slices.Delete(slices.Clone(old.Reports), i, i+1)
		return &next, nil
	})
}

// cleanup removes what neither cat nor the catalog before it refers to:
// index directories of older generations and of writers that failed or
// were killed, and the directories of an older format. Report files in
// added/ that no entry refers to (an add killed before its commit) are
// moved to quarantine/, where nothing reads them, as are those of the
// reports just removed (removed: their files in added/).
func (l *Library) cleanup(cat *Catalog, removed map[string]bool) {
	dataDir := l.opts.DataDir
	keep := map[string]bool{}
	for _, e := range cat.Reports {
		keep[e.Dir], keep[e.Source] = true, true
		keep[strings.TrimSuffix(e.Source, filepath.Ext(e.Source))+sidecarSuffix] = true
	}
	for _, p := range cat.Previous {
		keep[p] = true
	}
	remove := func(rel string) {
		if err := os.RemoveAll(filepath.Join(dataDir, rel)); err != nil {
			l.log.Warn("cleanup", "path", rel, "err", err)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dataDir, "reports"))
	for _, e := range entries {
		if rel := filepath.Join("reports", e.Name()); !keep[rel] {
			remove(rel)
		}
	}
	remove("dict") // dictionaries of format 13 and before
	added, _ := os.ReadDir(filepath.Join(dataDir, "added"))
	for _, e := range added {
		rel := filepath.Join("added", e.Name())
		if keep[rel] || strings.HasPrefix(e.Name(), ".tmp-") && time.Since(modTime(e)) < time.Minute {
			continue
		}
		if err := os.MkdirAll(filepath.Join(dataDir, "quarantine"), 0o755); err == nil {
			if removed[rel] {
				l.log.Info("report file of a removed report kept in quarantine", "file", rel)
			} else {
				l.log.Warn("report file of an unfinished add quarantined", "file", rel)
			}
			if err := os.Rename(filepath.Join(dataDir, rel), filepath.Join(dataDir, "quarantine", e.Name())); err != nil {
				remove(rel)
			}
		}
	}
}

func modTime(e os.DirEntry) time.Time {
	if fi, err := e.Info(); err == nil {
		return fi.ModTime()
	}
	return time.Time{}
}
