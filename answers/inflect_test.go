package answers

import "testing"

func TestInflected(t *testing.T) {
	// besides the built-in sports events, tax refund and foreign tourists
	v, err := ParseVocabulary("open day = 开放日\nopen days = 开放周\n"+
		"blargs zonk flobs = 甲\nblarg zonks flobs = 乙\nblarg zonk flobs = 丙\nzonk flob = 丁\n", "test")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"how many sports event in 2026?", "how many sports events in 2026?"},
		{"tax refunds for tourists", "tax refund for tourists"},
		{"tax refund for tourists", "tax refund for tourists"},       // said as the alias says it
		{"foreign tourist numbers", "foreign tourists numbers"},      // a phrase inside more words
		{"tourist numbers", "tourist numbers"},                       // a word alone is the dictionary's
		{"the industrial park", "the industrial park"},               // a phrase the dictionary knows as typed
		{"when are the open day", "when are the open day"},           // an alias as typed wins
		{"blarg zonk flobs", "blarg zonk flobs"},                     // though other aliases match it in other forms
		{"are they aiming for growth", "are they aiming for growth"}, // verbs keep their form
		{"major 2025 project", "major 2025 project"},                 // a year parts two words
		{"tax和refunds, tax，refunds", "tax和refunds, tax，refunds"},     // so does any word or mark
		{"高标准农田 tax refunds", "高标准农田 tax refund"},
		{"new-energy capacity", "new energy capacity"},                 // a hyphen for a space
		{"zonk-flobs", "zonk flob"},                                    // and another number
		{"china-europe freight trains", "china-europe freight trains"}, // an alias with a hyphen stays
		{"tax--refunds", "tax--refunds"},                               // two hyphens part words
	}
	for _, tt := range tests {
		if got := v.inflected(tt.in); got != tt.want {
			t.Errorf("inflected(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
