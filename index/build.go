package index

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode"

	"planbot/index/report"
	"planbot/index/segment"
)

// The files of a report's directory.
const (
	reportFile = "report.bin"
	dictFile   = "dict.txt"
	bleveDir   = "bleve"
)

// buildReport writes the directory of report r: its pruned dictionary,
// its parsed model with its words, and its bleve index cut with that
// dictionary. On any error it removes what it wrote.
func buildReport(r *report.Report, dir string, full *segment.Segmenter, keep []string) (err error) {
	defer func() {
		if err != nil {
			os.RemoveAll(dir)
			err = fmt.Errorf("index %s: %w", r.Meta.Source, err)
		}
	}()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	dict := full.Prune(dictionaryTexts(r), keep, r.Terms())
	seg, err := segment.FromDict(dict)
	if err != nil {
		return err
	}
	name := segment.DictName(dict)
	segment.Register(name, seg)
	defer segment.Unregister(name)
	if err := writeFileAtomic(filepath.Join(dir, dictFile), []byte(dict)); err != nil {
		return err
	}
	stored, err := encodeReport(r, wordsOf(r, seg))
	if err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(dir, reportFile), stored); err != nil {
		return err
	}
	if err := buildIndex(r, filepath.Join(dir, bleveDir), name); err != nil {
		return err
	}
	return syncDir(dir)
}

// dictionaryTexts are the texts a report's dictionary is pruned to.
func dictionaryTexts(r *report.Report) []string {
	var texts []string
	for _, p := range r.Paragraphs {
		texts = append(texts, p.Text)
	}
	for _, s := range r.Sentences {
		if s.Row >= 0 {
			texts = append(texts, s.Text)
		}
	}
	texts = append(texts, r.Headings...)
	return append(texts, r.Meta.Title, r.Meta.Region)
}

// entryOf makes the catalog entry of a report built into dir.
func entryOf(r *report.Report, dir, source string, src Source) Entry {
	e := Entry{Meta: r.Meta, Dir: dir, Source: source, Seed: src.Seed, Sentences: len(r.Sentences), Fingerprint: fingerprint(r)}
	if src.Seed {
		e.Stamp = src.Stamp
	}
	for _, s := range r.Sentences {
		e.Figures += len(s.Figures)
	}
	return e
}

// fingerprint identifies a report's text whatever the format or the
// encoding of its file: the same report converted is recognised.
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

// generation names a new directory or file: the time, to the nanosecond.
func generation() string { return time.Now().UTC().Format("20060102T150405.000000000") }

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
