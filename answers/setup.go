package answers

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"planbot/index"
)

// Setup says where the library of reports is and how to answer from it.
type Setup struct {
	DataDir  string // the library's data directory
	SeedsDir string // report files always served
	// Vocabulary is an admins' vocabulary file, added to the built-in one
	// ("" for none).
	Vocabulary string
	// DefaultRegion picks the reports asked when a question names no
	// place ("" for the newest of all).
	DefaultRegion string
	Logger        *slog.Logger
	// OpenReports is how many reports are kept open at most, and
	// OpenBytes what they may hold (index.Options; 0: the library's
	// defaults).
	OpenReports int
	OpenBytes   int64
	// Build lets the library be built when the data directory has none.
	Build bool
	// Debug receives how each question was understood and its best
	// candidates with their scores (nil: nowhere).
	Debug io.Writer
}

// Open wires planbot's answering together: the vocabulary, the library
// (whose dictionaries must know the vocabulary's words, so that questions
// are cut into the same words as the reports) and the engine over them.
// Close the engine to close the library.
func Open(ctx context.Context, s Setup) (*Engine, error) {
	vocab, err := LoadVocabulary(s.Vocabulary)
	if err != nil {
		return nil, err
	}
	lib, err := index.Open(ctx, index.Options{DataDir: s.DataDir, SeedsDir: s.SeedsDir, Keep: vocab.KeepWords(),
		Logger: s.Logger, OpenReports: s.OpenReports, OpenBytes: s.OpenBytes, Build: s.Build})
	if err != nil {
		return nil, fmt.Errorf("open library: %w", err)
	}
	e := newEngine(lib, vocab, s.DefaultRegion)
	e.debug = s.Debug
	return e, nil
}

// Library returns the library the engine answers from.
func (e *Engine) Library() *index.Library { return e.lib }

// Close closes the library.
func (e *Engine) Close() error { return e.lib.Close() }

// SetWeight changes one of the engine's weights (see Weights), to measure
// what it does.
func (e *Engine) SetWeight(name, value string) error { return e.w.Set(name, value) }
