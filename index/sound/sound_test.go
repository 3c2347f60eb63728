package sound

import (
	"slices"
	"testing"

	"github.com/mozillazg/go-pinyin"
)

func TestKey(t *testing.T) {
	for _, tt := range []struct{ w, key string }{
		{"城镇", "cen zen "},
		{"城真", "cen zen "},
		{"粮食", "lian si "},
		{"GDP", ""},
		{"农", "nong "},
	} {
		if got := Key(tt.w); got != tt.key {
			t.Errorf("Key(%s) = %q, want %q", tt.w, got, tt.key)
		}
		h, ok := Hash(tt.w)
		if ok != (tt.key != "") || ok && h != HashKey(tt.key) {
			t.Errorf("Hash(%s) = %x %v, want the hash of %q", tt.w, h, ok, tt.key)
		}
	}
}

// TestSameSound checks what a pinyin typo may stand for: the same fuzzy
// sounds, and only those.
func TestSameSound(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"城真", "城镇", true}, // same sounds
		{"资出", "支出", true}, // z for zh
		{"产亮", "产量", true}, // an for ang
		{"债卷", "债券", false},
	} {
		if got := Key(tt.a) == Key(tt.b); got != tt.same {
			t.Errorf("Key(%q) == Key(%q) is %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

func TestSpelled(t *testing.T) {
	tests := []struct {
		latin string
		want  string // one of the keys
	}{
		{"jiangbei", Key("江北")},
		{"Hongqiao", Key("虹桥")},
		{"xian", Key("西安")},
		{"xian", Key("先")},
	}
	for _, tt := range tests {
		if got := Spelled(tt.latin); !slices.Contains(got, tt.want) {
			t.Errorf("Spelled(%q) = %q, lacks %q", tt.latin, got, tt.want)
		}
	}
	for _, w := range []string{"passengers", "gdp", "a", "中文"} {
		if got := Spelled(w); got != nil {
			t.Errorf("Spelled(%q) = %q, want none", w, got)
		}
	}
}

// TestSyllablesAreCurrent checks syllables.txt against go-pinyin: every
// syllable a Chinese character is read with, and no other.
func TestSyllablesAreCurrent(t *testing.T) {
	want := map[string]bool{}
	for r := rune(0x4e00); r <= 0x9fa5; r++ {
		if p := pinyin.SinglePinyin(r, args); len(p) > 0 && p[0] != "" {
			want[p[0]] = true
		}
	}
	got := syllables()
	for s := range want {
		if !got[s] {
			t.Errorf("syllables.txt lacks %q", s)
		}
	}
	for s := range got {
		if !want[s] {
			t.Errorf("syllables.txt has %q, which no character is read as", s)
		}
	}
}
