package answers

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestParseVocabulary(t *testing.T) {
	tests := []struct {
		name, text string
		wantErr    string // "" for none
		wantMore   int    // aliases beyond the built-in ones
	}{
		{"empty", "", "", 0},
		{"one line", "好田 = 高标准农田\n", "", 1},
		{"comments and blanks", "# 管理员词表\n\n好田 = 高标准农田 农田\n", "", 1},
		{"no terms", "好田 =\n", "admins.txt:1: want", 0},
		{"no equals", "\n好田 高标准农田\n", "admins.txt:2: want", 0},
		{"said twice", "好田 = 农田\n好田 = 高标准农田\n", "admins.txt:2: alias \"好田\" is said already at admins.txt:1", 0},
		{"built-in alias", "gdp = 地区生产总值\n", "alias \"gdp\" is said already at built-in vocabulary:", 0},
	}
	base, err := ParseVocabulary("", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := ParseVocabulary(tt.text, "admins.txt")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := v.Len() - base.Len(); got != tt.wantMore {
				t.Errorf("%d aliases more than the built-in ones, want %d", got, tt.wantMore)
			}
		})
	}
}

// TestSetVocabulary: an alias set while the engine runs answers the next
// question, and setting the old vocabulary back undoes it.
func TestSetVocabulary(t *testing.T) {
	e, _ := engineOnSeed(t)
	old := e.Vocabulary()
	t.Cleanup(func() { e.SetVocabulary(old) })
	const q = "好田目标是多少"
	ask := func() Result {
		t.Helper()
		res, err := e.Ask(context.Background(), q, Options{Explain: true})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	if res := ask(); len(res.Answers) != 0 {
		t.Fatalf("before the alias: answered %q", res.Answers[0].Text)
	}
	v, err := ParseVocabulary("好田 = 高标准农田\n", "admins.txt")
	if err != nil {
		t.Fatal(err)
	}
	e.SetVocabulary(v)
	res := ask()
	if len(res.Answers) == 0 || !strings.Contains(res.Answers[0].Text, "4万亩高标准农田") {
		t.Fatalf("after the alias: %+v", res.Answers)
	}
	if res.Trace == nil || res.Trace.Report == "" || !strings.Contains(res.Trace.Understood, "intent") {
		t.Errorf("trace %+v: want the report asked and the intent", res.Trace)
	}
	e.SetVocabulary(nil) // ignored
	if e.Vocabulary() != v {
		t.Errorf("SetVocabulary(nil) changed the vocabulary")
	}
	e.SetVocabulary(old)
	if res := ask(); len(res.Answers) != 0 {
		t.Errorf("the old vocabulary back: still answered %q", res.Answers[0].Text)
	}
}

// TestSetVocabularyConcurrent swaps the vocabulary while questions are
// asked (run with -race): every answer is the one of either vocabulary.
func TestSetVocabularyConcurrent(t *testing.T) {
	e, _ := engineOnSeed(t)
	old := e.Vocabulary()
	t.Cleanup(func() { e.SetVocabulary(old) })
	v, err := ParseVocabulary("好田 = 高标准农田\n", "admins.txt")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if i%2 == 0 {
				e.SetVocabulary(v)
			} else {
				e.SetVocabulary(old)
			}
		}
	}()
	var asked sync.WaitGroup
	for range 4 {
		asked.Add(1)
		go func() {
			defer asked.Done()
			for range 10 {
				res, err := e.Ask(context.Background(), "好田目标是多少", Options{})
				if err != nil {
					t.Error(err)
					return
				}
				if len(res.Answers) > 0 && !strings.Contains(res.Answers[0].Text, "高标准农田") {
					t.Errorf("answered %q", res.Answers[0].Text)
				}
			}
		}()
	}
	asked.Wait()
	close(stop)
	wg.Wait()
}

// TestBeforeGaps: the aliases that may stand across a gap word are those
// whose first character is said within an alias's length before a gap.
func TestBeforeGaps(t *testing.T) {
	v, err := LoadVocabulary("")
	if err != nil {
		t.Fatal(err)
	}
	aliasesOf := func(q string) []string {
		joined, at := withoutGaps(q)
		var out []string
		for _, k := range v.beforeGaps(joined, at) {
			if a := v.aliases[k].from; a == "新增就业" || a == "经济增长" || a == "农田" {
				out = append(out, a)
			}
		}
		slices.Sort(out)
		return out
	}
	tests := []struct {
		q    string
		want []string
	}{
		{"城镇新增就业多少", nil},                           // no gap inside
		{"多少新增就业", nil},                             // a gap at the start: nothing before it
		{"新增多少就业", []string{"新增就业"}},                // across the gap
		{"经济年均增长，新增多少就业", []string{"新增就业", "经济增长"}}, // two gaps
		{"农田的事先放一放，我想问的是新增多少就业", []string{"新增就业"}},  // 农田 too far before the gap
	}
	for _, tt := range tests {
		if got := aliasesOf(tt.q); !slices.Equal(got, tt.want) {
			t.Errorf("beforeGaps(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// TestSameHeads: an English alias ending in enterprises is said with
// companies and firms too, unless a line says that alias otherwise.
func TestSameHeads(t *testing.T) {
	v, err := ParseVocabulary("zonk enterprises = 甲\nzonk firms = 乙\n", "test")
	if err != nil {
		t.Fatal(err)
	}
	for from, want := range map[string]string{"zonk enterprises": "甲", "zonk companies": "甲", "zonk firms": "乙"} {
		if got := v.terms[from]; len(got) == 0 || got[0] != want {
			t.Errorf("terms of %q = %q, want %s first", from, got, want)
		}
	}
}
