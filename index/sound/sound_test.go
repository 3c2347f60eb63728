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
