package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"planbot/index/report"
)

// Add adds a report file (or replaces the added report with the same id)
// and rebuilds. The file is checked first: a file that cannot be read as a
// report, or that is already in the library, changes nothing. id may be
// empty to derive it from the name.
func (l *Library) Add(ctx context.Context, name string, data []byte, id string, progress Progress) (report.Meta, Stats, error) {
	if id == "" {
		id = IDFromName(name)
	} else {
		id = IDFromName(id)
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	if progress != nil {
		progress("解析…")
	}
	r, err := report.ParseFile(name, data, report.Meta{}, id, hash)
	if err != nil {
		return report.Meta{}, Stats{}, err
	}

	l.writeMu.Lock()
	defer l.writeMu.Unlock()
	unlock, err := lockDir(l.opts.DataDir)
	if err != nil {
		return report.Meta{}, Stats{}, err
	}
	defer unlock()

	var dupErr error
	l.viewLocked(func(s *Snapshot) {
		for _, have := range s.Reports {
			switch {
			case have.Meta.Hash == hash || sameText(have.Report, r):
				dupErr = fmt.Errorf("%s: %w (%s)", name, ErrDuplicate, have.Meta.ID)
			case have.Meta.ID == id && have.Seed:
				dupErr = fmt.Errorf("%s: id %q is a seed report; choose another id", name, id)
			}
		}
	})
	if dupErr != nil {
		return report.Meta{}, Stats{}, dupErr
	}

	if err := os.MkdirAll(l.addedDir(), 0o755); err != nil {
		return report.Meta{}, Stats{}, fmt.Errorf("create %s: %w", l.addedDir(), err)
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext == "" || len(ext) > 6 {
		ext = ".txt"
	}
	path := filepath.Join(l.addedDir(), id+ext)
	commit, rollback, err := l.replaceAdded(id, path, data)
	if err != nil {
		return report.Meta{}, Stats{}, err
	}
	st, err := l.rebuild(ctx, progress)
	if err != nil {
		rollback()
		return report.Meta{}, Stats{}, err
	}
	commit()
	var meta report.Meta
	l.viewLocked(func(s *Snapshot) {
		if lr := s.Report(id); lr != nil {
			meta = lr.Meta
		}
	})
	return meta, st, nil
}

// Remove removes a report added by an admin and rebuilds.
func (l *Library) Remove(ctx context.Context, id string, progress Progress) (Stats, error) {
	l.writeMu.Lock()
	defer l.writeMu.Unlock()
	unlock, err := lockDir(l.opts.DataDir)
	if err != nil {
		return Stats{}, err
	}
	defer unlock()
	var found, seed bool
	l.viewLocked(func(s *Snapshot) {
		if lr := s.Report(id); lr != nil {
			found, seed = true, lr.Seed
		}
	})
	switch {
	case !found:
		return Stats{}, fmt.Errorf("%s: %w", id, ErrNotFound)
	case seed:
		return Stats{}, fmt.Errorf("%s: %w", id, ErrSeed)
	}
	commit, rollback, err := l.replaceAdded(id, "", nil)
	if err != nil {
		return Stats{}, err
	}
	st, err := l.rebuild(ctx, progress)
	if err != nil {
		rollback()
		return Stats{}, err
	}
	commit()
	return st, nil
}

// replaceAdded moves the added files of id aside and writes data at path
// (nothing when path is empty). After the rebuild, commit drops the files
// moved aside, or rollback puts them back.
func (l *Library) replaceAdded(id, path string, data []byte) (commit, rollback func(), err error) {
	old, _ := filepath.Glob(filepath.Join(l.addedDir(), id+".*"))
	var moved []string
	rollback = func() {
		if path != "" {
			os.Remove(path)
		}
		for _, m := range moved {
			os.Rename(m+".bak", m)
		}
	}
	commit = func() {
		for _, m := range moved {
			os.Remove(m + ".bak")
		}
	}
	for _, o := range old {
		if strings.HasSuffix(o, ".bak") || strings.HasSuffix(o, sidecarSuffix) {
			continue
		}
		if err := os.Rename(o, o+".bak"); err != nil {
			rollback()
			return nil, nil, fmt.Errorf("replace %s: %w", o, err)
		}
		moved = append(moved, o)
	}
	if path != "" {
		if err := writeFileAtomic(path, data); err != nil {
			rollback()
			return nil, nil, err
		}
	}
	return commit, rollback, nil
}

// viewLocked is View for callers that hold writeMu (it skips the reload).
func (l *Library) viewLocked(fn func(*Snapshot)) {
	s := l.current.Load()
	if s == nil {
		return
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if !s.closed {
		fn(s)
	}
}

// sameText reports whether two reports have the same body text, so the same
// report converted to another format is recognised.
func sameText(a, b *report.Report) bool {
	if len(a.Sentences) != len(b.Sentences) || len(a.Sentences) == 0 {
		return false
	}
	return fingerprint(a) == fingerprint(b)
}

func fingerprint(r *report.Report) string {
	h := sha256.New()
	for _, s := range r.Sentences {
		h.Write([]byte(strings.Map(func(c rune) rune {
			if unicode.IsSpace(c) {
				return -1
			}
			return c
		}, s.Text)))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Reports lists the reports being served, oldest first.
func (l *Library) Reports() []Entry {
	var out []Entry
	l.View(func(s *Snapshot) error {
		for _, r := range s.Reports {
			e := Entry{Meta: r.Meta, Seed: r.Seed, Sentences: len(r.Sentences)}
			for _, st := range r.Sentences {
				e.Figures += len(st.Figures)
			}
			out = append(out, e)
		}
		return nil
	})
	return out
}

// Paragraph returns the text of a paragraph of a report.
func (l *Library) Paragraph(reportID string, id int) (string, bool) {
	var text string
	var ok bool
	l.View(func(s *Snapshot) error {
		if r := s.Report(reportID); r != nil && id >= 0 && id < len(r.Paragraphs) {
			text, ok = r.Paragraphs[id].Text, true
		}
		return nil
	})
	return text, ok
}
