package index

import (
	"context"
	"errors"
	"fmt"

	index "github.com/blevesearch/bleve_index_api"
	seg "github.com/blevesearch/scorch_segment_api/v2"
)

// zapReader is bleve's index.IndexReader over one zap segment, read-only
// and with no deleted documents: what a report's index is (buildIndex
// writes it in one batch). It gives bleve's searchers what scorch's
// snapshot of that one segment gives them — the same postings, counts
// and document numbers, so the same hits and scores — without scorch's
// bbolt file, goroutine and snapshot. Only what searching by terms and
// collecting by score asks is supported; the rest returns errUnsupported.
type zapReader struct {
	seg seg.Segment
}

var errUnsupported = errors.New("not supported by a report's index")

// TermFieldReader iterates over the documents whose field holds term,
// as scorch's reader does for a snapshot of one segment. The index keeps
// no term vectors (newMapping): none can be asked.
func (r zapReader) TermFieldReader(_ context.Context, term []byte, field string, freq, norm, vectors bool) (index.TermFieldReader, error) {
	if vectors {
		return nil, errUnsupported
	}
	t := &termReader{seg: r.seg, term: term, field: field, freq: freq, norm: norm}
	if err := t.reset(); err != nil {
		return nil, err
	}
	return t, nil
}

// DocCount returns the number of documents of the segment (scorch counts
// those that are not nested in another: all of a report's).
func (r zapReader) DocCount() (uint64, error) { return r.seg.Count(), nil }

// ExternalID returns the id a document was indexed under.
func (r zapReader) ExternalID(id index.IndexInternalID) (string, error) {
	v, err := r.seg.DocID(id.Value())
	if err != nil {
		return "", err
	}
	if v == nil {
		return "", fmt.Errorf("document %d not found", id.Value())
	}
	return string(v), nil
}

// DocValueReader returns a reader of no fields: the collector asks for
// one, and visits it only for what sorting by score does not need.
func (r zapReader) DocValueReader(fields []string) (index.DocValueReader, error) {
	if len(fields) > 0 {
		return nil, errUnsupported
	}
	return noDocValues{}, nil
}

// Close does nothing: the segment belongs to its SearchIndex.
func (r zapReader) Close() error { return nil }

func (r zapReader) DocIDReaderAll() (index.DocIDReader, error)          { return nil, errUnsupported }
func (r zapReader) DocIDReaderOnly([]string) (index.DocIDReader, error) { return nil, errUnsupported }
func (r zapReader) FieldDict(string) (index.FieldDict, error)           { return nil, errUnsupported }
func (r zapReader) Document(string) (index.Document, error)             { return nil, errUnsupported }
func (r zapReader) Fields() ([]string, error)                           { return r.seg.Fields(), nil }
func (r zapReader) GetInternal([]byte) ([]byte, error)                  { return nil, nil }
func (r zapReader) InternalID(string) (index.IndexInternalID, error)    { return nil, errUnsupported }
func (r zapReader) FieldDictRange(string, []byte, []byte) (index.FieldDict, error) {
	return nil, errUnsupported
}
func (r zapReader) FieldDictPrefix(string, []byte) (index.FieldDict, error) {
	return nil, errUnsupported
}

type noDocValues struct{}

func (noDocValues) VisitDocValues(index.IndexInternalID, index.DocValueVisitor) error { return nil }
func (noDocValues) BytesRead() uint64                                                 { return 0 }

// termReader is the postings of a term in a field of the segment, as
// scorch's IndexSnapshotTermFieldReader reads them for one segment.
type termReader struct {
	seg        seg.Segment
	term       []byte
	field      string
	freq, norm bool
	postings   seg.PostingsList
	iter       seg.PostingsIterator
	cur        index.IndexInternalID // the last document returned; nil before the first
}

// reset starts the postings from their first document.
func (t *termReader) reset() error {
	d, err := t.seg.Dictionary(t.field)
	if err != nil {
		return err
	}
	if t.postings, err = d.PostingsList(t.term, nil, nil); err != nil {
		return err
	}
	t.iter = t.postings.Iterator(t.freq, t.norm, false, nil)
	t.cur = nil
	return nil
}

// Next returns the next document holding the term, or nil after the last.
func (t *termReader) Next(pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	p, err := t.iter.Next()
	if err != nil || p == nil {
		return nil, err
	}
	return t.doc(p, pre), nil
}

// Advance returns the first document from id on that holds the term,
// going back to the first posting when id is not past the last one
// returned (as scorch does).
func (t *termReader) Advance(id index.IndexInternalID, pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	if t.cur != nil && t.cur.Compare(id) >= 0 {
		if err := t.reset(); err != nil {
			return nil, err
		}
	}
	p, err := t.iter.Advance(id.Value())
	if err != nil || p == nil {
		return nil, err
	}
	return t.doc(p, pre), nil
}

func (t *termReader) doc(p seg.Posting, rv *index.TermFieldDoc) *index.TermFieldDoc {
	if rv == nil {
		rv = &index.TermFieldDoc{}
	}
	rv.ID = index.NewIndexInternalID(rv.ID, p.Number())
	if t.freq {
		rv.Freq = p.Frequency()
	}
	if t.norm {
		rv.Norm = p.Norm()
	}
	t.cur = append(t.cur[:0], rv.ID...)
	return rv
}

// Count returns how many documents hold the term.
func (t *termReader) Count() uint64 { return t.postings.Count() }

// Close does nothing: the postings are the segment's.
func (t *termReader) Close() error { return nil }

// Size estimates the reader's bytes, as bleve's readers do.
func (t *termReader) Size() int {
	return 64 + len(t.term) + len(t.field) + t.postings.Size() + t.iter.Size()
}
