package bot

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/go-telegram/bot/models"
)

// The spool keeps across a restart what a stopping bot took from Telegram
// but did not answer: the updates themselves (Telegram will not send an
// update again once polling acknowledged it, nor a webhook update it was
// given 200 for) and the offset polling resumes from. It is one JSON file
// in the data directory, written whole (a temporary file renamed over it)
// and bounded in size; a file that cannot be read is set aside, never
// trusted and never fatal.
const (
	spoolName       = "telegram-spool.json"
	spoolVersion    = 1
	maxSpoolUpdates = 10000    // updates kept; the newest beyond are dropped
	maxSpoolBytes   = 16 << 20 // the file's size, written or read
)

// spoolFile is the spool's content.
type spoolFile struct {
	Version int       `json:"version"`
	Saved   time.Time `json:"saved"`
	// Offset is the getUpdates offset polling resumes from: one past the
	// highest update id taken. 0 when unknown.
	Offset int64 `json:"offset"`
	// OffsetAt is when the update before Offset was taken.
	OffsetAt time.Time       `json:"offset_at"`
	Updates  []spooledUpdate `json:"updates"`
}

// spooledUpdate is an update not answered, oldest first in the file.
type spooledUpdate struct {
	ID       int64           `json:"id"`
	Update   json.RawMessage `json:"update"`
	Received time.Time       `json:"received"`          // when the bot first took it
	Noticed  bool            `json:"noticed,omitempty"` // the waiting notice was sent
}

// spoolPath is the spool's file in dataDir, "" when there is no data
// directory (the bot then keeps nothing across a restart).
func spoolPath(dataDir string) string {
	if dataDir == "" {
		return ""
	}
	return filepath.Join(dataDir, spoolName)
}

// readSpool reads the spool at path. A missing file is no spool (nil, nil).
// Any other failure — unreadable, too large, not JSON, an unknown version,
// an entry that is not an update — is an error: the caller sets the file
// aside.
func readSpool(path string) (*spoolFile, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("open spool: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSpoolBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read spool: %w", err)
	}
	if len(data) > maxSpoolBytes {
		return nil, fmt.Errorf("spool larger than %d bytes", maxSpoolBytes)
	}
	var sf spoolFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&sf); err != nil {
		return nil, fmt.Errorf("decode spool: %w", err)
	}
	if sf.Version != spoolVersion {
		return nil, fmt.Errorf("spool version %d, want %d", sf.Version, spoolVersion)
	}
	if sf.Offset < 0 {
		return nil, fmt.Errorf("spool offset %d is negative", sf.Offset)
	}
	if len(sf.Updates) > maxSpoolUpdates {
		return nil, fmt.Errorf("spool holds %d updates, more than %d", len(sf.Updates), maxSpoolUpdates)
	}
	for i, u := range sf.Updates {
		var upd models.Update
		if err := json.Unmarshal(u.Update, &upd); err != nil {
			return nil, fmt.Errorf("spool entry %d: %w", i, err)
		}
		if upd.ID <= 0 || upd.ID != u.ID {
			return nil, fmt.Errorf("spool entry %d: update id %d, recorded as %d", i, upd.ID, u.ID)
		}
	}
	return &sf, nil
}

// writeSpool writes sf to path atomically (a temporary file in the same
// directory, synced, renamed over path), creating the directory. It keeps
// the oldest updates that fit maxSpoolUpdates and maxSpoolBytes and
// returns how many it dropped.
func writeSpool(path string, sf *spoolFile) (dropped int, err error) {
	sf.Version = spoolVersion
	slices.SortFunc(sf.Updates, func(a, b spooledUpdate) int { return cmp.Compare(a.ID, b.ID) })
	budget := maxSpoolBytes - 4096 // the envelope
	keep := 0
	for _, u := range sf.Updates {
		size := len(u.Update) + 128 // the entry's own fields
		if keep == maxSpoolUpdates || size > budget {
			break
		}
		budget -= size
		keep++
	}
	dropped = len(sf.Updates) - keep
	sf.Updates = sf.Updates[:keep]
	data, err := json.Marshal(sf)
	if err != nil {
		return dropped, fmt.Errorf("encode spool: %w", err)
	}
	return dropped, writeFileAtomic(path, data)
}

// writeFileAtomic replaces path with data: readers see the old file or the
// new one, never a part. The file is private to the bot's user: it holds
// what people asked.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("spool directory: %w", err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+"-*.tmp")
	if err != nil {
		return fmt.Errorf("spool temporary file: %w", err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // a no-op once renamed
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write spool %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("replace spool: %w", err)
	}
	if d, err := os.Open(dir); err == nil { // the rename itself, durable
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}

// setAsideSpool renames a spool that could not be read to a name the bot
// never reads (…bad-<time>), to be looked at, and returns it.
func setAsideSpool(path string, now time.Time) (string, error) {
	aside := path + ".bad-" + now.UTC().Format("20060102T150405.000000000")
	if err := os.Rename(path, aside); err != nil {
		return "", fmt.Errorf("set aside spool: %w", err)
	}
	return aside, nil
}
