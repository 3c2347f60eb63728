package answers

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"planbot/index/segment"
	"planbot/index/sound"
)

var update = flag.Bool("update", false, "rewrite register.txt from the corpus reports")

// TestRegisterIsCurrent checks that register.txt holds the words of the
// corpus reports as gse's dictionary cuts them.
func TestRegisterIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's dictionary")
	}
	seg, err := segment.Full()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../index/testdata/reports/*.txt")
	seeds, _ := filepath.Glob("../seeds/*.txt")
	seen := map[string]bool{}
	for _, f := range append(files, seeds...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range seg.Words(string(b)) {
			if utf8.RuneCountInString(w) >= 2 && sound.AllHan(w) {
				seen[w] = true
			}
		}
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	slices.Sort(words)
	got := strings.Join(words, "\n") + "\n"
	if *update {
		if err := os.WriteFile("register.txt", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != registerText {
		t.Fatalf("register.txt is stale (%d bytes, the corpus gives %d): rewrite it with go test ./answers -run TestRegisterIsCurrent -update", len(registerText), len(got))
	}
}

func TestInRegister(t *testing.T) {
	for w, want := range map[string]bool{
		"高标准农田": true,
		"养老金":   true,
		"爷爷":    false, // how people talk
		"媳妇":    false,
		"":      false,
	} {
		if got := inRegister(w); got != want {
			t.Errorf("inRegister(%q) = %v, want %v", w, got, want)
		}
	}
}
