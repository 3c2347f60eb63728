package feedback

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Files in the data directory.
const (
	FileName    = "feedback.db"  // the store
	KeyFileName = "feedback.key" // the generated hashing key, when none is configured
)

// Defaults of Options.
const (
	DefaultRetention   = 90 * 24 * time.Hour
	DefaultLockTimeout = 5 * time.Second
	// MinKeyLen is the shortest key Options.Key accepts.
	MinKeyLen = 16
)

var (
	bucketEntries = []byte("entries")
	bucketVotes   = []byte("votes")
)

// Options configure a Store. The zero value of each field is its default.
type Options struct {
	// Retention is how long entries are kept (default DefaultRetention,
	// 90 days). Older entries are dropped by every write and never
	// listed.
	Retention time.Duration
	// Key is the key users are hashed with, at least MinKeyLen bytes
	// (default: the key kept in KeyFileName in the store's directory,
	// made once, mode 0600). Changing it makes the same person another
	// user to the store.
	Key []byte
	// ReadOnly opens the store for reading only: no key is made, no file
	// created; List of a store never written returns nothing.
	ReadOnly bool
	// LockTimeout bounds the wait for another process's write (default
	// DefaultLockTimeout).
	LockTimeout time.Duration
	// Now is the clock (default time.Now).
	Now func() time.Time
}

// Store is the feedback log. Its methods are safe for concurrent use, by
// goroutines and processes.
type Store struct {
	path string
	opt  Options
	key  []byte
	mu   sync.Mutex // one transaction at a time in this process
}

// Open returns the store in dir (which is created if missing), making
// the hashing key if it needs one and there is none.
func Open(dir string, opt Options) (*Store, error) {
	if opt.Retention <= 0 {
		opt.Retention = DefaultRetention
	}
	if opt.LockTimeout <= 0 {
		opt.LockTimeout = DefaultLockTimeout
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	s := &Store{path: filepath.Join(dir, FileName), opt: opt}
	if opt.ReadOnly {
		return s, nil
	}
	if len(opt.Key) > 0 && len(opt.Key) < MinKeyLen {
		return nil, fmt.Errorf("feedback key: %d bytes, want at least %d", len(opt.Key), MinKeyLen)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("feedback store: %w", err)
	}
	s.key = opt.Key
	if len(s.key) == 0 {
		k, err := loadKey(filepath.Join(dir, KeyFileName))
		if err != nil {
			return nil, err
		}
		s.key = k
	}
	// Create the file and its buckets now, so that a store that cannot
	// be written fails here rather than at the first vote.
	if err := s.update(func(*bolt.Tx) error { return nil }); err != nil {
		return nil, err
	}
	return s, nil
}

// Path returns the store's file.
func (s *Store) Path() string { return s.path }

// Retention returns how long entries are kept.
func (s *Store) Retention() time.Duration { return s.opt.Retention }

// loadKey reads the key file at path, or makes it (32 random bytes in
// hex, mode 0600) when there is none. Two processes making it at once
// agree on the first one written.
func loadKey(path string) ([]byte, error) {
	for range 3 {
		b, err := os.ReadFile(path)
		if err == nil {
			k := bytes.TrimSpace(b)
			if len(k) < MinKeyLen {
				return nil, fmt.Errorf("feedback key file %s: %d bytes, want at least %d", path, len(k), MinKeyLen)
			}
			if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
				if err := os.Chmod(path, 0o600); err != nil {
					return nil, fmt.Errorf("feedback key file %s: %w", path, err)
				}
			}
			return k, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("feedback key file: %w", err)
		}
		var raw [32]byte
		if _, err := rand.Read(raw[:]); err != nil {
			return nil, fmt.Errorf("feedback key: %w", err)
		}
		k := []byte(hex.EncodeToString(raw[:]))
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue // another process made it first: read theirs
		}
		if err != nil {
			return nil, fmt.Errorf("feedback key file: %w", err)
		}
		_, werr := f.Write(append(k, '\n'))
		if err := errors.Join(werr, f.Sync(), f.Close()); err != nil {
			os.Remove(path)
			return nil, fmt.Errorf("feedback key file %s: %w", path, err)
		}
		return k, nil
	}
	return nil, fmt.Errorf("feedback key file %s: cannot be read or made", path)
}

// UserHash returns the keyed hash a user is stored under. It is empty for
// a store opened read-only.
func (s *Store) UserHash(id int64) string {
	if len(s.key) == 0 {
		return ""
	}
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte("telegram-user:" + strconv.FormatInt(id, 10)))
	return hex.EncodeToString(m.Sum(nil))[:24]
}

// Record adds e to the log, its Time set to now when zero, and drops the
// entries past the retention. An entry with a Ref replaces the earlier
// entry with that Ref (a person's second vote on an answer replaces the
// first): replaced says so.
func (s *Store) Record(e Entry) (replaced bool, err error) {
	if s.opt.ReadOnly {
		return false, errors.New("feedback store opened read-only")
	}
	now := s.opt.Now()
	if e.Time.IsZero() {
		e.Time = now
	}
	e.Time = e.Time.UTC()
	val, err := json.Marshal(e)
	if err != nil {
		return false, fmt.Errorf("feedback entry: %w", err)
	}
	err = s.update(func(tx *bolt.Tx) error {
		entries, votes := tx.Bucket(bucketEntries), tx.Bucket(bucketVotes)
		if err := s.prune(entries, votes, now); err != nil {
			return err
		}
		seq, err := entries.NextSequence()
		if err != nil {
			return err
		}
		key := entryKey(e.Time, seq)
		if e.Ref != "" {
			if old := votes.Get([]byte(e.Ref)); old != nil {
				replaced = true
				if err := entries.Delete(old); err != nil {
					return err
				}
			}
			if err := votes.Put([]byte(e.Ref), key); err != nil {
				return err
			}
		}
		return entries.Put(key, val)
	})
	if err != nil {
		return false, fmt.Errorf("record feedback: %w", err)
	}
	return replaced, nil
}

// prune deletes the entries older than the retention, with the votes
// index entries that point to them.
func (s *Store) prune(entries, votes *bolt.Bucket, now time.Time) error {
	cutoff := entryKey(now.Add(-s.opt.Retention), 0)
	c := entries.Cursor()
	for k, v := c.First(); k != nil && bytes.Compare(k, cutoff) < 0; k, v = c.Next() {
		var old Entry
		if json.Unmarshal(v, &old) == nil && old.Ref != "" && bytes.Equal(votes.Get([]byte(old.Ref)), k) {
			if err := votes.Delete([]byte(old.Ref)); err != nil {
				return err
			}
		}
		if err := c.Delete(); err != nil {
			return err
		}
	}
	return nil
}

// List returns the entries written since since (all within the retention
// for the zero time), newest first. An entry that cannot be read is
// skipped.
func (s *Store) List(since time.Time) ([]Entry, error) {
	if cut := s.opt.Now().Add(-s.opt.Retention); since.Before(cut) {
		since = cut
	}
	var out []Entry
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketEntries)
		if b == nil {
			return nil
		}
		from := entryKey(since, 0)
		c := b.Cursor()
		for k, v := c.Last(); k != nil && bytes.Compare(k, from) >= 0; k, v = c.Prev() {
			var e Entry
			if err := json.Unmarshal(v, &e); err != nil {
				continue
			}
			out = append(out, e)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list feedback: %w", err)
	}
	return out, nil
}

// entryKey is the key of an entry written at t: its time, then seq, so
// that keys sort by time.
func entryKey(t time.Time, seq uint64) []byte {
	k := make([]byte, 16)
	ns := t.UnixNano()
	if ns < 0 {
		ns = 0
	}
	binary.BigEndian.PutUint64(k, uint64(ns))
	binary.BigEndian.PutUint64(k[8:], seq)
	return k
}

// update runs fn in a write transaction of a freshly opened store.
func (s *Store) update(fn func(*bolt.Tx) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	db, err := bolt.Open(s.path, 0o600, &bolt.Options{Timeout: s.opt.LockTimeout})
	if err != nil {
		return fmt.Errorf("open %s: %w", s.path, lockHint(err))
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketEntries, bucketVotes} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return fn(tx)
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// view runs fn in a read transaction; a store never written has no file,
// and fn is not called.
func (s *Store) view(fn func(*bolt.Tx) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := os.Stat(s.path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	db, err := bolt.Open(s.path, 0o600, &bolt.Options{Timeout: s.opt.LockTimeout, ReadOnly: true})
	if err != nil {
		return fmt.Errorf("open %s: %w", s.path, lockHint(err))
	}
	err = db.View(fn)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// lockHint says who may hold the lock when opening timed out.
func lockHint(err error) error {
	if strings.Contains(err.Error(), "timeout") {
		return fmt.Errorf("%w (another process holds the store: it is written to for milliseconds at a time, so one holding it longer is stuck)", err)
	}
	return err
}
