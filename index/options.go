package index

import (
	"errors"
	"log/slog"
)

// Options configure a Library. The zero value of each field but DataDir
// is a usable default.
type Options struct {
	// DataDir holds the catalog, the indexes and the added reports.
	// Required.
	DataDir string
	// SeedsDir holds report files that are always served. A writer lists
	// it; a reader only compares it with the catalog to warn when the
	// index is stale. Default: none.
	SeedsDir string
	// Keep lists words every report's dictionary must know besides its
	// own, so that questions are cut into the same words: the vocabulary
	// and the words that shape questions. Default: none.
	Keep []string
	// Logger receives warnings (a stale index, a report file skipped) and
	// what writers did. Default: discard.
	Logger *slog.Logger
	// OpenReports is how many reports are kept open at most (an open
	// report costs its parsed text, its own dictionary words and its
	// index, and a reader's caches of it: about 0.5 MB of heap and 0.3 MB
	// of its index's file mapped, for a provincial report). Default:
	// DefaultOpenReports.
	OpenReports int
	// Build lets Open build the index when the data directory has none
	// (or one of another format): a command run on a fresh checkout. A
	// serving bot leaves it false and is told to run "planbot index".
	Build bool
}

// DefaultOpenReports is the default of Options.OpenReports.
const DefaultOpenReports = 32

// ErrNoIndex is returned by Open when the data directory has no index it
// can serve and Options.Build is false.
var ErrNoIndex = errors.New("数据目录中还没有可用的索引，请先运行 planbot index")
