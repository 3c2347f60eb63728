package index

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unsafe"
)

// readReport reads the report in dir and its words, keeping only what
// questions read: the file is read into a buffer shared by the openings
// (scratch), decoded there, and its text and its records (sentences,
// figures, paragraphs, words) are copied out of it, the text once and
// the records into one allocation with no pointers; the pairs of
// characters stay in the file, read when a question first needs them
// (Words.After), through the file kept open until the report closes
// (Words.close), so that a report removed meanwhile still gives them.
// The report's strings are slices of its Text.
func readReport(dir string) (*Loaded, error) {
	f, err := os.Open(filepath.Join(dir, reportFile))
	if err != nil {
		return nil, err
	}
	buf := scratch.Get().(*[]byte)
	defer scratch.Put(buf)
	l, err := readFrom(f, buf)
	if err != nil {
		f.Close()
		return nil, err
	}
	return l, nil
}

// scratch holds the buffers report files are read into.
var scratch = sync.Pool{New: func() any { return new([]byte) }}

// readFrom reads and decodes the report file f into *buf (grown when it
// is short), copying out of it what the report keeps (readReport). The
// words keep f for their pairs (Words.close closes it).
func readFrom(f *os.File, buf *[]byte) (*Loaded, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := int(st.Size())
	if cap(*buf) < size {
		*buf = make([]byte, size)
	}
	data := (*buf)[:size]
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, err
	}
	d := newDecoder(data)
	d.text = strings.Clone(d.text) // the report's strings are slices of the copy
	l, err := decodeFrom(d)
	if err != nil {
		return nil, fmt.Errorf("decode it: %w", err)
	}
	w, s := l.Words, &l.Sentences
	parts := []*[]byte{&s.recs, &s.figs, &l.Paragraphs.recs, &w.sounds, &w.long, &w.heads}
	n := 0
	for _, p := range parts {
		n += len(*p)
	}
	keep := make([]byte, 0, n)
	for _, p := range parts {
		*p, keep = keepAppend(keep, *p)
	}
	at := uintptr(unsafe.Pointer(unsafe.SliceData(w.storedPairs))) - uintptr(unsafe.Pointer(unsafe.SliceData(data)))
	w.pairsIn, w.storedPairs = &storedFile{f: f, at: int64(at), n: len(w.storedPairs)}, nil
	return l, nil
}

// heldBytes returns the bytes l holds as read: its text and records.
func (l *Loaded) heldBytes() int64 {
	w := l.Words
	return int64(len(l.Text) + len(l.Sentences.recs) + len(l.Sentences.figs) + len(l.Paragraphs.recs) +
		len(w.sounds) + len(w.long) + len(w.heads))
}

// keepAppend appends b to keep, which has room for it, and returns b's
// copy and keep after it.
func keepAppend(keep, b []byte) ([]byte, []byte) {
	keep = append(keep, b...)
	return keep[len(keep)-len(b) : len(keep) : len(keep)], keep
}

// storedFile is a part of a report's file, read when it is first needed.
type storedFile struct {
	f  *os.File
	at int64
	n  int
}

// read returns the part, or nil if it cannot be read.
func (s *storedFile) read() []byte {
	b := make([]byte, s.n)
	if _, err := s.f.ReadAt(b, s.at); err != nil {
		return nil
	}
	return b
}

// close closes the file a report's words read their pairs from, if any.
func (w *Words) close() {
	if w != nil && w.pairsIn != nil {
		w.pairsIn.f.Close()
	}
}
