package answers

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLowerAsStrings checks lower against strings.ToLower for every
// character alone and beside Chinese text, and for odd strings.
func TestLowerAsStrings(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		for _, s := range []string{string(r), "高标准" + string(r) + "农田"} {
			if got, want := lower(s), strings.ToLower(s); got != want {
				t.Fatalf("lower(%q) = %q, want %q", s, got, want)
			}
		}
	}
	for _, s := range []string{"", "GDP增长5%", "ＧＤＰ", "\xe4\xb8", "\xe4AB", "\xe4\xb8A", "农\xff田", "Ⅻ项", "ΣΑ", "城镇居民人均可支配收入"} {
		if got, want := lower(s), strings.ToLower(s); got != want {
			t.Errorf("lower(%q) = %q, want %q", s, got, want)
		}
	}
}
