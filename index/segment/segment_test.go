package segment

import (
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestPrunedCutsAsFull(t *testing.T) {
	text, err := os.ReadFile("../../seeds/jiuyuan_2025_plan_report.txt")
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	full, err := Full()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("full: %v", time.Since(t0))
	lines := strings.Split(string(text), "\n")
	t0 = time.Now()
	dict := full.Prune(lines, nil, nil)
	t.Logf("prune: %v, %d bytes", time.Since(t0), len(dict))
	t0 = time.Now()
	small, err := FromDict(dict)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("load pruned: %v", time.Since(t0))
	for _, l := range lines {
		a, b := full.Words(l), small.Words(l)
		if strings.Join(a, "/") != strings.Join(b, "/") {
			t.Errorf("pruned cut differs:\n full %v\n pruned %v", a, b)
		}
	}
	t.Log(full.Words("规上工业增加值增长多少,高标准农田目标是多少,城镇登记失业率"))
	t.Log(small.Words("2024年全区粮食产量15.7万吨,同比增长1%;积极争取4万亩高标准农田建设"))
}

// TestAnalyzerByDictionary checks that two dictionaries registered under
// their names cut the same text each their own way through bleve's
// registry, and that an index mapping naming an unknown dictionary fails.
func TestAnalyzerByDictionary(t *testing.T) {
	a, err := FromDict("鹿城新语 2000 n\n新语 100 n\n鹿城 100 n\n")
	if err != nil {
		t.Fatal(err)
	}
	b, err := FromDict("新语 100 n\n鹿城 100 n\n")
	if err != nil {
		t.Fatal(err)
	}
	Register("a", a)
	Register("b", b)
	defer Unregister("a")
	defer Unregister("b")
	for name, want := range map[string]string{"a": "鹿城新语", "b": "鹿城"} {
		tok, err := tokenizerConstructor(map[string]interface{}{"dict": name}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(tok.Tokenize([]byte("鹿城新语"))[0].Term); got != want {
			t.Errorf("dictionary %s: first token %q, want %q", name, got, want)
		}
	}
	if _, err := tokenizerConstructor(map[string]interface{}{"dict": "none"}, nil); err == nil {
		t.Error("an unregistered dictionary gave a tokenizer")
	}
	Register("a", a) // counted: one Unregister leaves it registered
	Unregister("a")
	if _, ok := Named("a"); !ok {
		t.Error("a dictionary registered twice is gone after one Unregister")
	}
}

// TestLoadWhileCutting loads dictionaries while others cut text, as
// parallel builds and a serving library do. gse keeps its HMM model in
// package-level maps; loading it per segmenter crashed the process
// ("concurrent map writes").
func TestLoadWhileCutting(t *testing.T) {
	dict := dictText([]string{"高标准农田 1000 n", "盐碱地 1000 n", "综合治理 1000 n"})
	first, err := FromDict(dict)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 30; i++ {
				s, err := FromDict(dict)
				if err != nil {
					t.Error(err)
					return
				}
				first.Words("积极争取4万亩高标准农田建设和2000亩盐碱地综合治理改造")
				s.Words("九原区鹿城新语")
			}
		}()
	}
	wg.Wait()
}
