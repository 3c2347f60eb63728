package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// seedDir returns a seeds directory holding a copy of the seed report.
func seedDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	copyFile(t, "../seeds/jiuyuan_2025_plan_report.txt", filepath.Join(dir, "jiuyuan_2025_plan_report.txt"))
	return dir
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func openLib(t testing.TB, data, seeds string) *Library {
	t.Helper()
	lib, err := Open(context.Background(), Options{DataDir: data, SeedsDir: seeds, Build: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib
}

// findsFlagship reports whether the seed's 4万亩 sentence is among the hits
// for the flagship question.
func findsFlagship(lib *Library) error {
	return lib.View(func(s *Snapshot) error {
		r, err := s.Open("jiuyuan_2025_plan_report")
		if err != nil {
			return fmt.Errorf("seed report not served: %w", err)
		}
		hits, err := Search(r.Index, "高标准农田 目标", 10)
		if err != nil {
			return err
		}
		for _, h := range hits {
			if strings.Contains(r.Sentences.Text(h.Sentence), "4万亩高标准农田") {
				return nil
			}
		}
		return errors.New("flagship sentence not found")
	})
}

func TestOpenBuildsThenReuses(t *testing.T) {
	data, seeds := t.TempDir(), seedDir(t)
	lib := openLib(t, data, seeds)
	if err := findsFlagship(lib); err != nil {
		t.Fatal(err)
	}
	cat1, _ := readCatalog(data)
	lib.Close()

	lib2 := openLib(t, data, seeds) // nothing changed: the same index
	cat2, _ := readCatalog(data)
	if cat1.Reports[0].Dir != cat2.Reports[0].Dir {
		t.Errorf("reopened unchanged library was rebuilt: %s → %s", cat1.Reports[0].Dir, cat2.Reports[0].Dir)
	}
	lib2.Close()

	// a changed seed is seen as stale by a reader, and picked up by a rebuild
	f := filepath.Join(seeds, "jiuyuan_2025_plan_report.txt")
	b, _ := os.ReadFile(f)
	os.WriteFile(f, append(b, []byte("\n此外,全区新建口袋公园99处。\n")...), 0o644)
	lib3 := openLib(t, data, seeds)
	if why := lib3.Stale(); !strings.Contains(why, "changed seed file") {
		t.Errorf("Stale() = %q, want a changed seed file", why)
	}
	if cat3, _ := readCatalog(data); cat3.Reports[0].Dir != cat1.Reports[0].Dir {
		t.Error("a reader rebuilt the index")
	}
	if _, err := lib3.Rebuild(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	found := false
	lib3.View(func(s *Snapshot) error {
		r, err := s.Open("jiuyuan_2025_plan_report")
		if err != nil {
			return err
		}
		for i := range r.Sentences.Len() {
			found = found || strings.Contains(r.Sentences.Text(i), "口袋公园99处")
		}
		return nil
	})
	if !found {
		t.Error("changed seed not reindexed")
	}
	if why := lib3.Stale(); why != "" {
		t.Errorf("Stale() = %q after a rebuild", why)
	}
}

func TestAddRejectsBadFilesAndKeepsServing(t *testing.T) {
	lib := openLib(t, t.TempDir(), seedDir(t))
	before := lib.Reports()
	bad := []struct{ name, data string }{
		{"report.pdf", "%PDF-1.7\n1 0 obj\n"},
		{"empty.txt", ""},
		{"notes.txt", "hello world, this is not a report at all"},
		{"image.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
	}
	for _, b := range bad {
		_, err := lib.Add(context.Background(), b.name, []byte(b.data), AddOptions{})
		if err == nil {
			t.Errorf("%s: added, want an error", b.name)
			continue
		}
		if !strings.Contains(err.Error(), b.name) {
			t.Errorf("%s: error %q does not name the file", b.name, err)
		}
	}
	if got := lib.Reports(); len(got) != len(before) {
		t.Errorf("reports changed after bad files: %d → %d", len(before), len(got))
	}
	if err := findsFlagship(lib); err != nil {
		t.Errorf("old index not serving: %v", err)
	}
}

func TestAddRecognisesTheSameReport(t *testing.T) {
	lib := openLib(t, t.TempDir(), seedDir(t))
	seed, _ := os.ReadFile("../seeds/jiuyuan_2025_plan_report.txt")
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(seed)
	if err != nil {
		t.Fatal(err)
	}
	// the seed again, in GBK: the same text, so the same report
	if _, err := lib.Add(context.Background(), "九原区报告.txt", gbk, AddOptions{ID: "copy"}); !errors.Is(err, ErrDuplicate) {
		t.Errorf("GBK copy of the seed: err %v, want ErrDuplicate", err)
	}
	other := strings.Replace(string(seed), "九原区2024年", "九原区2023年", 1)
	other = strings.ReplaceAll(other, "15.7万吨", "15.1万吨")
	otherGBK, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(other))
	e, err := lib.Add(context.Background(), "jiuyuan_2024.txt", otherGBK, AddOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if e.Meta.ID != "jiuyuan_2024" || len(lib.Reports()) != 2 {
		t.Errorf("added %+v, %d reports", e.Meta, len(lib.Reports()))
	}
	if _, err := lib.Add(context.Background(), "again.txt", otherGBK, AddOptions{}); !errors.Is(err, ErrDuplicate) {
		t.Errorf("same file twice: err %v, want ErrDuplicate", err)
	}
	if err := lib.Remove(context.Background(), "jiuyuan_2025_plan_report"); !errors.Is(err, ErrSeed) {
		t.Errorf("removing a seed: err %v, want ErrSeed", err)
	}
	if err := lib.Remove(context.Background(), "jiuyuan_2024"); err != nil {
		t.Fatal(err)
	}
	if n := len(lib.Reports()); n != 1 {
		t.Errorf("%d reports after remove, want 1", n)
	}
}

// TestQuestionsDuringRebuild asks questions without pause while the index
// is rebuilt: every one must be answered from one complete index or the
// other.
func TestQuestionsDuringRebuild(t *testing.T) {
	lib := openLib(t, t.TempDir(), seedDir(t))
	var asked, failed atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				asked.Add(1)
				if err := findsFlagship(lib); err != nil {
					failed.Add(1)
					t.Log(err)
				}
			}
		}()
	}
	for i := 0; i < 2; i++ {
		if _, err := lib.Rebuild(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	if failed.Load() > 0 || asked.Load() == 0 {
		t.Errorf("%d of %d questions failed during rebuilds", failed.Load(), asked.Load())
	}
}

// TestKilledDuringRebuild kills a process in the middle of rebuilding and
// checks that the next start serves the last complete index and cleans up.
func TestKilledDuringRebuild(t *testing.T) {
	if os.Getenv("PLANBOT_REBUILD_FOREVER") != "" {
		return // the child: see below
	}
	data, seeds := t.TempDir(), seedDir(t)
	lib := openLib(t, data, seeds)
	lib.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestRebuildForever$")
	cmd.Env = append(os.Environ(), "PLANBOT_REBUILD_FOREVER=1", "PLANBOT_DATA="+data, "PLANBOT_SEEDS="+seeds)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2500 * time.Millisecond) // several rebuilds, then a kill at a random point of one
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()

	lib2 := openLib(t, data, seeds)
	if err := findsFlagship(lib2); err != nil {
		t.Fatalf("after a crash: %v", err)
	}
	if _, err := lib2.Rebuild(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Join(data, "reports"))
	if len(entries) > 2 { // the current index and the one before it
		t.Errorf("%d index directories left after a clean rebuild, want at most 2", len(entries))
	}
}

// TestRebuildForever is the child process of TestKilledDuringRebuild.
func TestRebuildForever(t *testing.T) {
	if os.Getenv("PLANBOT_REBUILD_FOREVER") == "" {
		t.Skip("run by TestKilledDuringRebuild")
	}
	lib, err := Open(context.Background(), Options{DataDir: os.Getenv("PLANBOT_DATA"), SeedsDir: os.Getenv("PLANBOT_SEEDS"), Build: true})
	if err != nil {
		t.Fatal(err)
	}
	for {
		lib.Rebuild(context.Background(), nil)
	}
}

func TestSidecarOverridesDerivedMeta(t *testing.T) {
	dir := seedDir(t)
	side := "id: jiuyuan-2025\nregion: 九原区（测试）\nplan_year: 2026\n"
	if err := os.WriteFile(filepath.Join(dir, "jiuyuan_2025_plan_report.meta.yaml"), []byte(side), 0o644); err != nil {
		t.Fatal(err)
	}
	srcs, _, err := listSources(dir, true, nil)
	if err != nil || len(srcs) != 1 {
		t.Fatalf("listSources: %v %v", srcs, err)
	}
	r, err := srcs[0].load()
	if err != nil {
		t.Fatal(err)
	}
	m := r.Meta
	if m.ID != "jiuyuan-2025" || m.Region != "九原区（测试）" || m.PlanYear != 2026 || m.ReviewYear != 2024 || m.Date != "2025-01-20" {
		t.Errorf("meta %+v: want the sidecar's id, region and plan year, the rest derived", m)
	}
}

// A report added by another process (the CLI while the bot serves) is
// picked up by the serving library without a restart.
func TestPicksUpAnotherProcessesCatalog(t *testing.T) {
	data, seeds := t.TempDir(), seedDir(t)
	serving := openLib(t, data, seeds)
	cli := openLib(t, data, seeds)
	seed, _ := os.ReadFile("../seeds/jiuyuan_2025_plan_report.txt")
	other := strings.ReplaceAll(strings.ReplaceAll(string(seed), "九原区", "昆都仑区"), "15.7万吨", "9.9万吨")
	if _, err := cli.Add(context.Background(), "kundulun.txt", []byte(other), AddOptions{}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for len(serving.Reports()) != 2 {
		if time.Now().After(deadline) {
			t.Fatalf("serving library still has %d reports", len(serving.Reports()))
		}
		time.Sleep(200 * time.Millisecond)
	}
	if err := findsFlagship(serving); err != nil {
		t.Error(err)
	}
}

// TestStaleByStamp: an unchanged seed file is known by its size and time
// without being read; a touched one is read again and found unchanged; a
// new sidecar changes it.
func TestStaleByStamp(t *testing.T) {
	data, seeds := t.TempDir(), seedDir(t)
	lib := openLib(t, data, seeds)
	defer lib.Close()
	cat, _ := readCatalog(data)
	if len(cat.Reports) == 0 || cat.Reports[0].Stamp == "" {
		t.Fatalf("a seed's catalog entry has no stamp: %+v", cat.Reports)
	}
	f := filepath.Join(seeds, "jiuyuan_2025_plan_report.txt")
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(f, later, later); err != nil {
		t.Fatal(err)
	}
	if why := lib.Stale(); why != "" {
		t.Errorf("Stale() = %q for a touched, unchanged seed", why)
	}
	side := filepath.Join(seeds, "jiuyuan_2025_plan_report.meta.yaml")
	if err := os.WriteFile(side, []byte("region: 九原区\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if why := lib.Stale(); !strings.Contains(why, "changed seed file") {
		t.Errorf("Stale() = %q, want a changed seed file after a sidecar appeared", why)
	}
}
