package index

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// report reads a report of the corpus.
func corpusReport(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "reports", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// ids returns the ids of the reports served.
func ids(lib *Library) []string {
	var out []string
	for _, e := range lib.Reports() {
		out = append(out, e.Meta.ID)
	}
	return out
}

// TestBadSeedFilesAreSkipped: a stray or bad file in the seeds directory
// (not a report, a PDF, an empty file, a bad sidecar) is skipped and
// listed with its reason; the good reports are served.
func TestBadSeedFilesAreSkipped(t *testing.T) {
	seeds := seedDir(t)
	os.WriteFile(filepath.Join(seeds, "notes.txt"), []byte("remember to buy milk"), 0o644)
	os.WriteFile(filepath.Join(seeds, "scan.pdf"), []byte("%PDF-1.7\n1 0 obj\n"), 0o644)
	os.WriteFile(filepath.Join(seeds, "empty.txt"), nil, 0o644)
	copyFile(t, filepath.Join("testdata", "reports", "hebei_2026_gwr.txt"), filepath.Join(seeds, "hebei.txt"))
	os.WriteFile(filepath.Join(seeds, "hebei.meta.yaml"), []byte("plan_year: abc\n"), 0o644)
	lib := openLib(t, t.TempDir(), seeds)
	if got := ids(lib); len(got) != 1 || got[0] != "jiuyuan_2025_plan_report" {
		t.Errorf("served %v, want the seed alone", got)
	}
	failed := map[string]string{}
	for _, f := range lib.Failed() {
		failed[filepath.Base(f.Source)] = f.Reason
	}
	for _, name := range []string{"notes.txt", "scan.pdf", "empty.txt", "hebei.txt"} {
		if failed[name] == "" {
			t.Errorf("%s not listed as failed: %v", name, failed)
		}
	}
	if !strings.Contains(failed["hebei.txt"], "hebei.meta.yaml") {
		t.Errorf("bad sidecar: reason %q does not name it", failed["hebei.txt"])
	}
	if err := findsFlagship(lib); err != nil {
		t.Error(err)
	}
	if why := lib.Stale(); why != "" {
		t.Errorf("Stale() = %q: the failed files are known", why)
	}
}

// TestReadersNeverWaitForWriters: while another process holds the
// writers' lock (a long index add), a reader opens the library and
// answers.
func TestReadersNeverWaitForWriters(t *testing.T) {
	data, seeds := t.TempDir(), seedDir(t)
	openLib(t, data, seeds).Close()
	unlock, err := lockDir(data) // the writer of another process
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	done := make(chan error, 1)
	go func() {
		lib, err := Open(context.Background(), Options{DataDir: data, SeedsDir: seeds})
		if err != nil {
			done <- err
			return
		}
		defer lib.Close()
		done <- findsFlagship(lib)
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute): // a deadlock detector, not a speed limit
		t.Fatal("a reader waited for the writer's lock")
	}
}

// TestReadersNeverBuild: a reader of a data directory without an index
// (or whose seeds changed) never builds or rewrites it.
func TestReadersNeverBuild(t *testing.T) {
	data, seeds := t.TempDir(), seedDir(t)
	if _, err := Open(context.Background(), Options{DataDir: data, SeedsDir: seeds}); !errors.Is(err, ErrNoIndex) {
		t.Fatalf("reader on an empty data directory: %v, want ErrNoIndex", err)
	}
	if entries, _ := os.ReadDir(data); len(entries) != 0 {
		t.Errorf("a reader wrote %d entries into an empty data directory", len(entries))
	}
	openLib(t, data, seeds).Close()
	before, _ := os.ReadFile(filepath.Join(data, catalogFile))
	// the seeds directory now empty (a typo in seeds_dir, another checkout)
	lib, err := Open(context.Background(), Options{DataDir: data, SeedsDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	if why := lib.Stale(); why == "" {
		t.Error("Stale() is empty for a seeds directory without the seed")
	}
	if err := findsFlagship(lib); err != nil {
		t.Error(err)
	}
	after, _ := os.ReadFile(filepath.Join(data, catalogFile))
	if !bytes.Equal(before, after) {
		t.Error("a reader changed the catalog")
	}
}

// TestIDsKeepThePlace: report files named by year only (2026年北京市…,
// 2026年上海市…) get ids of their place and year, never one another's.
func TestIDsKeepThePlace(t *testing.T) {
	lib := openLib(t, t.TempDir(), seedDir(t))
	ctx := context.Background()
	bj, err := lib.Add(ctx, "2026年北京市政府工作报告.txt", corpusReport(t, "beijing_2026_gwr.txt"), AddOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sh, err := lib.Add(ctx, "2026年上海市政府工作报告.txt", corpusReport(t, "shanghai_2026_gwr.txt"), AddOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if bj.Meta.ID != "beijing_2026" || sh.Meta.ID != "shanghai_2026" {
		t.Errorf("ids %q and %q, want beijing_2026 and shanghai_2026", bj.Meta.ID, sh.Meta.ID)
	}
	if n := len(lib.Reports()); n != 3 {
		t.Errorf("%d reports served, want 3", n)
	}
}

// TestIDCollision: an id given and taken is refused unless --replace; an
// id derived from the name is made unique; a seed is never replaced.
func TestIDCollision(t *testing.T) {
	lib := openLib(t, t.TempDir(), seedDir(t))
	ctx := context.Background()
	if _, err := lib.Add(ctx, "a.txt", corpusReport(t, "hebei_2026_gwr.txt"), AddOptions{ID: "prov"}); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Add(ctx, "b.txt", corpusReport(t, "jilin_2026_gwr.txt"), AddOptions{ID: "prov"}); !errors.Is(err, ErrExists) {
		t.Errorf("taken id: %v, want ErrExists", err)
	}
	e, err := lib.Add(ctx, "b.txt", corpusReport(t, "jilin_2026_gwr.txt"), AddOptions{ID: "prov", Replace: true})
	if err != nil {
		t.Fatal(err)
	}
	if e.Meta.Region != "吉林省" || len(lib.Reports()) != 2 {
		t.Errorf("replace: %+v, %d reports", e.Meta, len(lib.Reports()))
	}
	e2, err := lib.Add(ctx, "prov.txt", corpusReport(t, "hebei_2026_gwr.txt"), AddOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if e2.Meta.ID != "prov-2" {
		t.Errorf("derived id %q, want prov-2", e2.Meta.ID)
	}
	if _, err := lib.Add(ctx, "x.txt", corpusReport(t, "hubei_2026_gwr.txt"), AddOptions{ID: "jiuyuan_2025_plan_report", Replace: true}); !errors.Is(err, ErrSeed) {
		t.Errorf("replacing a seed: %v, want ErrSeed", err)
	}
}

// TestReportTwiceIsRefused: a report both in the seeds and added is
// served once: an added copy of a seed is refused, and a seed that copies
// an added report is skipped at the next rebuild.
func TestReportTwiceIsRefused(t *testing.T) {
	data, seeds := t.TempDir(), seedDir(t)
	lib := openLib(t, data, seeds)
	ctx := context.Background()
	seed, _ := os.ReadFile("../seeds/jiuyuan_2025_plan_report.txt")
	if _, err := lib.Add(ctx, "copy.txt", append([]byte("\ufeff"), seed...), AddOptions{}); !errors.Is(err, ErrDuplicate) {
		t.Errorf("added copy of a seed: %v, want ErrDuplicate", err)
	}
	hebei := corpusReport(t, "hebei_2026_gwr.txt")
	if _, err := lib.Add(ctx, "hebei.txt", hebei, AddOptions{}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(seeds, "hebei_seed.txt"), hebei, 0o644)
	if _, err := lib.Rebuild(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if got := ids(lib); len(got) != 2 {
		t.Errorf("served %v, want the seed and hebei once", got)
	}
	if f := lib.Failed(); len(f) != 1 || !strings.Contains(f[0].Reason, "已经导入") {
		t.Errorf("failed %+v, want the seed copy as a duplicate", f)
	}
}

// TestAddTouchesOneReport: adding a report builds its directory only;
// the others keep theirs.
func TestAddTouchesOneReport(t *testing.T) {
	data := t.TempDir()
	lib := openLib(t, data, seedDir(t))
	before, _ := readCatalog(data)
	if _, err := lib.Add(context.Background(), "hebei.txt", corpusReport(t, "hebei_2026_gwr.txt"), AddOptions{}); err != nil {
		t.Fatal(err)
	}
	after, _ := readCatalog(data)
	if after.Reports[0].Dir != before.Reports[0].Dir {
		t.Errorf("the seed was rebuilt: %s → %s", before.Reports[0].Dir, after.Reports[0].Dir)
	}
}

// TestKilledAddChangesNothing kills a process while it adds and removes a
// report over and over: the next start serves a complete catalog (the
// report served or not, never half), a leftover copy is quarantined and
// never added, and the next writer works.
func TestKilledAddChangesNothing(t *testing.T) {
	if os.Getenv("PLANBOT_ADD_FOREVER") != "" {
		return // the child: see TestAddForever
	}
	data, seeds := t.TempDir(), seedDir(t)
	openLib(t, data, seeds).Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestAddForever$")
	cmd.Env = append(os.Environ(), "PLANBOT_ADD_FOREVER=1", "PLANBOT_DATA="+data, "PLANBOT_SEEDS="+seeds)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(3 * time.Second)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()

	lib := openLib(t, data, seeds)
	if err := findsFlagship(lib); err != nil {
		t.Fatalf("after a kill: %v", err)
	}
	err := lib.View(func(s *Snapshot) error {
		for _, e := range s.Entries() {
			if _, err := s.Open(e.Meta.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("a report of the catalog does not open: %v", err)
	}
	lib.Remove(context.Background(), "hebei")
	if _, err := lib.Add(context.Background(), "hebei.txt", corpusReport(t, "hebei_2026_gwr.txt"), AddOptions{}); err != nil {
		t.Fatalf("the next add: %v", err)
	}
	cat, _ := readCatalog(data)
	added, _ := os.ReadDir(filepath.Join(data, "added"))
	if len(added) != 1 || len(cat.Reports) != 2 {
		t.Errorf("%d files in added/, %d reports; want 1 and 2", len(added), len(cat.Reports))
	}
}

// TestAddForever is the child process of TestKilledAddChangesNothing.
func TestAddForever(t *testing.T) {
	if os.Getenv("PLANBOT_ADD_FOREVER") == "" {
		t.Skip("run by TestKilledAddChangesNothing")
	}
	lib, err := Open(context.Background(), Options{DataDir: os.Getenv("PLANBOT_DATA"), SeedsDir: os.Getenv("PLANBOT_SEEDS")})
	if err != nil {
		t.Fatal(err)
	}
	hebei := corpusReport(t, "hebei_2026_gwr.txt")
	for {
		lib.Add(context.Background(), "hebei.txt", hebei, AddOptions{})
		lib.Remove(context.Background(), "hebei")
	}
}

// TestAbsurdFilesAreRefused: files far larger than any report, or that
// expand far beyond one, are refused with a message naming them and
// nothing changes.
func TestAbsurdFilesAreRefused(t *testing.T) {
	lib := openLib(t, t.TempDir(), seedDir(t))
	line := "全区经济运行总体平稳，主要指标保持增长，民生事业持续改善。\n"
	bigText := []byte(strings.Repeat(line, 19<<20/len(line))) // 19 MB of text
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	for name, body := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			strings.Repeat(`<w:p><w:r><w:t>`+strings.TrimSpace(line)+`</w:t></w:r></w:p>`, 49<<20/150) + `</w:body></w:document>`,
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	html := []byte("<html><body>" + strings.Repeat("<div><p><span><b>"+line+"</i></div></span>", 5<<20/100) + "</body></html>")
	lonely := []byte(strings.Repeat("。\n", 300))
	numbers := []byte(strings.Repeat("12345\n", 2000))
	for _, f := range []struct {
		name string
		data []byte
	}{{"big.txt", bigText}, {"bomb.docx", zbuf.Bytes()}, {"nested.html", html}, {"stops.txt", lonely}, {"numbers.txt", numbers}} {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		before := ms.TotalAlloc
		_, err := lib.Add(context.Background(), f.name, f.data, AddOptions{})
		runtime.ReadMemStats(&ms)
		if err == nil || !strings.Contains(err.Error(), f.name) {
			t.Errorf("%s (%d bytes): %v, want an error naming it", f.name, len(f.data), err)
		}
		t.Logf("%s: %d MB read, %d MB allocated: %v", f.name, len(f.data)>>20, (ms.TotalAlloc-before)>>20, err)
	}
	if n := len(lib.Reports()); n != 1 {
		t.Errorf("%d reports after absurd files, want 1", n)
	}
}

// TestDiskFull fills a small tmpfs: the add fails naming its file, the
// old index keeps serving, and once space is freed the next add works.
// It needs to mount a tmpfs (root on Linux) and is skipped otherwise.
func TestDiskFull(t *testing.T) {
	mnt := t.TempDir()
	if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size=3m"); err != nil {
		t.Skipf("cannot mount a tmpfs: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(mnt, 0) }) // after the library closes
	data, seeds := filepath.Join(mnt, "data"), seedDir(t)
	lib := openLib(t, data, seeds)
	filler := filepath.Join(mnt, "filler")
	var st syscall.Statfs_t
	syscall.Statfs(mnt, &st)
	free := int64(st.Bavail) * st.Bsize
	os.WriteFile(filler, make([]byte, max(0, free-300<<10)), 0o644) // leave 300 KB
	_, err := lib.Add(context.Background(), "hubei.txt", corpusReport(t, "hubei_2026_gwr.txt"), AddOptions{})
	if err == nil || !strings.Contains(err.Error(), "hubei.txt") {
		t.Fatalf("add on a full disk: %v, want an error naming hubei.txt", err)
	}
	if err := findsFlagship(lib); err != nil {
		t.Errorf("the old index does not serve: %v", err)
	}
	os.Remove(filler)
	if _, err := lib.Add(context.Background(), "hubei.txt", corpusReport(t, "hubei_2026_gwr.txt"), AddOptions{}); err != nil {
		t.Fatalf("add after space was freed: %v", err)
	}
	if n := len(lib.Reports()); n != 2 {
		t.Errorf("%d reports, want 2", n)
	}
}

// TestRemoveKeepsItsFile: the file of a removed report is kept in
// quarantine/, where nothing reads it, rather than deleted.
func TestRemoveKeepsItsFile(t *testing.T) {
	data := t.TempDir()
	lib := openLib(t, data, seedDir(t))
	defer lib.Close()
	body := corpusReport(t, "hebei_2026_gwr.txt")
	if _, err := lib.Add(context.Background(), "hebei.txt", body, AddOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := lib.Remove(context.Background(), "hebei"); err != nil {
		t.Fatal(err)
	}
	kept, _ := filepath.Glob(filepath.Join(data, "quarantine", "hebei*"))
	if len(kept) != 1 {
		t.Fatalf("quarantine holds %v, want the removed report's file", kept)
	}
	if b, err := os.ReadFile(kept[0]); err != nil || !bytes.Equal(b, body) {
		t.Errorf("the kept file differs from the report added (%v)", err)
	}
}
