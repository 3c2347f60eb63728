package feedback

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// fakeClock is a clock the test moves.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

var day0 = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

func openTest(t *testing.T, dir string, opt Options) *Store {
	t.Helper()
	s, err := Open(dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func questions(es []Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Question)
	}
	return out
}

func TestRecordList(t *testing.T) {
	clock := &fakeClock{now: day0}
	s := openTest(t, t.TempDir(), Options{Now: clock.Now})
	for i, q := range []string{"a", "b", "c"} {
		e := Entry{Kind: KindUnanswered, Question: q, ChatType: "private"}
		if _, err := s.Record(e); err != nil {
			t.Fatal(err)
		}
		if i < 2 {
			clock.add(time.Hour)
		}
	}
	tests := []struct {
		since time.Time
		want  string
	}{
		{time.Time{}, "c b a"},
		{day0.Add(time.Hour), "c b"},
		{day0.Add(3 * time.Hour), ""},
	}
	for _, tt := range tests {
		got, err := s.List(tt.since)
		if err != nil {
			t.Fatal(err)
		}
		if g := strings.Join(questions(got), " "); g != tt.want {
			t.Errorf("List(%v) = %q, want %q", tt.since, g, tt.want)
		}
	}
	got, _ := s.List(time.Time{})
	if !got[0].Time.Equal(day0.Add(2*time.Hour)) || got[0].ChatType != "private" || got[0].Kind != KindUnanswered {
		t.Errorf("entry read back as %+v", got[0])
	}
}

// TestVoteReplaces: one vote per Ref; another Ref is another vote.
func TestVoteReplaces(t *testing.T) {
	clock := &fakeClock{now: day0}
	s := openTest(t, t.TempDir(), Options{Now: clock.Now})
	steps := []struct {
		ref          string
		vote         Vote
		reason       Reason
		wantReplaced bool
		want         string // the votes listed, newest first
	}{
		{"r1:0:alice", Up, "", false, "up"},
		{"r1:0:alice", Down, "", true, "down"},
		{"r1:0:alice", Down, ReasonNumber, true, "down/wrong_number"},
		{"r1:0:bob", Up, "", false, "up down/wrong_number"},
		{"r1:1:alice", Up, "", false, "up up down/wrong_number"},
	}
	for i, st := range steps {
		clock.add(time.Minute)
		replaced, err := s.Record(Entry{Kind: KindVote, Question: "q", Vote: st.vote, Reason: st.reason, Ref: st.ref})
		if err != nil {
			t.Fatal(err)
		}
		if replaced != st.wantReplaced {
			t.Errorf("step %d: replaced = %v, want %v", i, replaced, st.wantReplaced)
		}
		es, _ := s.List(time.Time{})
		var got []string
		for _, e := range es {
			v := string(e.Vote)
			if e.Reason != "" {
				v += "/" + string(e.Reason)
			}
			got = append(got, v)
		}
		if g := strings.Join(got, " "); g != st.want {
			t.Errorf("step %d: votes %q, want %q", i, g, st.want)
		}
	}
}

// TestRetention: entries past the retention are never listed, and are
// dropped (with their vote index) by the next write.
func TestRetention(t *testing.T) {
	clock := &fakeClock{now: day0}
	dir := t.TempDir()
	s := openTest(t, dir, Options{Now: clock.Now, Retention: 48 * time.Hour})
	if _, err := s.Record(Entry{Kind: KindVote, Vote: Up, Question: "old", Ref: "x:0:u"}); err != nil {
		t.Fatal(err)
	}
	clock.add(24 * time.Hour)
	if _, err := s.Record(Entry{Kind: KindUnanswered, Question: "new"}); err != nil {
		t.Fatal(err)
	}
	clock.add(25 * time.Hour) // "old" is 49 h old
	got, _ := s.List(time.Time{})
	if g := strings.Join(questions(got), " "); g != "new" {
		t.Fatalf("listed %q, want only new", g)
	}
	replaced, err := s.Record(Entry{Kind: KindVote, Vote: Down, Question: "again", Ref: "x:0:u"})
	if err != nil {
		t.Fatal(err)
	}
	if replaced {
		t.Errorf("a vote replaced one past the retention")
	}
	db, err := bolt.Open(filepath.Join(dir, FileName), 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bolt.Tx) error {
		if n := tx.Bucket(bucketEntries).Stats().KeyN; n != 2 {
			t.Errorf("%d entries on disk, want 2 (the old one dropped)", n)
		}
		if n := tx.Bucket(bucketVotes).Stats().KeyN; n != 1 {
			t.Errorf("%d votes indexed, want 1", n)
		}
		return nil
	})
}

func TestUserHash(t *testing.T) {
	dir := t.TempDir()
	s1 := openTest(t, dir, Options{})
	fi, err := os.Stat(filepath.Join(dir, KeyFileName))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", fi.Mode().Perm())
	}
	s2 := openTest(t, dir, Options{}) // the key kept
	h := s1.UserHash(1001)
	if h == "" || h == "1001" || strings.Contains(h, "1001") {
		t.Errorf("hash %q", h)
	}
	if s2.UserHash(1001) != h {
		t.Errorf("the kept key hashes another way")
	}
	if s1.UserHash(1002) == h {
		t.Errorf("two users, one hash")
	}
	s3 := openTest(t, t.TempDir(), Options{Key: []byte("a configured key, long enough")})
	if s3.UserHash(1001) == h {
		t.Errorf("another key, the same hash")
	}
	if _, err := Open(t.TempDir(), Options{Key: []byte("short")}); err == nil {
		t.Errorf("a 5-byte key accepted")
	}
	if err := os.Chmod(filepath.Join(dir, KeyFileName), 0o644); err != nil {
		t.Fatal(err)
	}
	openTest(t, dir, Options{})
	if fi, _ := os.Stat(filepath.Join(dir, KeyFileName)); fi.Mode().Perm() != 0o600 {
		t.Errorf("a key file readable by others was left %v", fi.Mode().Perm())
	}
}

func TestReadOnly(t *testing.T) {
	dir := t.TempDir()
	r := openTest(t, dir, Options{ReadOnly: true})
	if es, err := r.List(time.Time{}); err != nil || len(es) != 0 {
		t.Fatalf("List of a store never written: %v, %v", es, err)
	}
	if _, err := os.Stat(filepath.Join(dir, KeyFileName)); err == nil {
		t.Errorf("a read-only open made a key")
	}
	if _, err := r.Record(Entry{Question: "q"}); err == nil {
		t.Errorf("a read-only store recorded")
	}
	w := openTest(t, dir, Options{})
	if _, err := w.Record(Entry{Kind: KindUnanswered, Question: "q"}); err != nil {
		t.Fatal(err)
	}
	if es, err := r.List(time.Time{}); err != nil || len(es) != 1 {
		t.Errorf("read back %v, %v", es, err)
	}
}

// TestConcurrentWriters: two stores on one directory (as the bot and the
// command line are) and goroutines on each write at once; nothing is lost.
func TestConcurrentWriters(t *testing.T) {
	dir := t.TempDir()
	stores := []*Store{openTest(t, dir, Options{}), openTest(t, dir, Options{})}
	var wg sync.WaitGroup
	const each = 15
	for i, s := range stores {
		for g := range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for n := range each {
					if _, err := s.Record(Entry{Kind: KindUnanswered, Question: fmt.Sprintf("s%d g%d n%d", i, g, n)}); err != nil {
						t.Error(err)
						return
					}
				}
			}()
		}
	}
	wg.Wait()
	got, err := stores[0].List(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range got {
		seen[e.Question] = true
	}
	if len(got) != 2*3*each || len(seen) != len(got) {
		t.Errorf("%d entries (%d distinct), want %d", len(got), len(seen), 2*3*each)
	}
}

// TestKillDuringWrites kills a process writing entries as fast as it can,
// three times: each time the store opens, checks clean, and holds every
// entry the writer was told was written, with no gap; the next writer
// goes on.
func TestKillDuringWrites(t *testing.T) {
	if dir := os.Getenv("FEEDBACK_TEST_WRITER"); dir != "" {
		writeUntilKilled(dir)
		return
	}
	if testing.Short() {
		t.Skip("starts subprocesses")
	}
	dir := t.TempDir()
	next := 0
	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillDuringWrites$")
		cmd.Env = append(os.Environ(), "FEEDBACK_TEST_WRITER="+dir, "FEEDBACK_TEST_FROM="+strconv.Itoa(next))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		acked := -1
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			n, err := strconv.Atoi(sc.Text())
			if err != nil {
				continue // the test binary's own output
			}
			acked = n
			if n >= next+300 {
				break
			}
		}
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()
		if acked < next+300 {
			t.Fatalf("round %d: the writer stopped at %d", round, acked)
		}
		db, err := bolt.Open(filepath.Join(dir, FileName), 0o600, &bolt.Options{Timeout: time.Second})
		if err != nil {
			t.Fatalf("round %d: open after kill: %v", round, err)
		}
		err = db.View(func(tx *bolt.Tx) error {
			for err := range tx.Check() {
				return err
			}
			return nil
		})
		db.Close()
		if err != nil {
			t.Fatalf("round %d: store inconsistent after kill: %v", round, err)
		}
		s := openTest(t, dir, Options{})
		es, err := s.List(time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		// Newest first: q<len-1> … q0, every one of them.
		for i, e := range es {
			if want := fmt.Sprintf("q%d", len(es)-1-i); e.Question != want {
				t.Fatalf("round %d: entry %d is %q, want %q (an entry lost)", round, i, e.Question, want)
			}
		}
		if len(es) < acked+1 {
			t.Fatalf("round %d: %d entries, but %d were written", round, len(es), acked+1)
		}
		t.Logf("round %d: %d written and acknowledged, %d in the store after the kill", round, acked+1, len(es))
		next = len(es)
	}
}

// writeUntilKilled records q<from>, q<from+1>… printing each number once
// it is written.
func writeUntilKilled(dir string) {
	from, _ := strconv.Atoi(os.Getenv("FEEDBACK_TEST_FROM"))
	s, err := Open(dir, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	answers := []Shown{{Text: strings.Repeat("积极争取4万亩高标准农田建设。", 20), Section: "二、2025年工作安排", Score: 0.9}}
	for n := from; ; n++ {
		if _, err := s.Record(Entry{Kind: KindVote, Vote: Down, Question: fmt.Sprintf("q%d", n), Answers: answers, Ref: fmt.Sprintf("r%d", n)}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(n)
	}
}
