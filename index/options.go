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
	// OpenReports is how many reports are kept open at most. Default:
	// DefaultOpenReports.
	OpenReports int
	// OpenBytes bounds the open reports by what they hold (Loaded.Bytes:
	// their text and records and their dictionary, about 0.2 MB for a
	// provincial report, less for a county's), so that many small
	// reports stay open where few large ones would. Default:
	// DefaultOpenBytes; negative: no bound by bytes.
	OpenBytes int64
	// Build lets Open build the index when the data directory has none
	// (or one of another format): a command run on a fresh checkout. A
	// serving bot leaves it false and is told to run "planbot index".
	Build bool
}

// Defaults of Options.OpenReports and Options.OpenBytes.
const (
	DefaultOpenReports = 256
	DefaultOpenBytes   = 48 << 20
)

// ErrNoIndex is returned by Open when the data directory has no index it
// can serve and Options.Build is false.
var ErrNoIndex = errors.New("数据目录中还没有可用的索引，请先运行 planbot index")
