package sound

import "testing"

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
