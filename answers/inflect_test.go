package answers

import "testing"

func TestInflected(t *testing.T) {
	v, err := ParseVocabulary("open day = 开放日\nopen days = 开放周", "test") // besides sports events and tax refund
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"how many sports event in 2026?", "how many sports events in 2026?"},
		{"tax refunds for tourists", "tax refund for tourists"},
		{"tax refund for tourists", "tax refund for tourists"},       // said as the alias says it
		{"tourist numbers", "tourist numbers"},                       // a word alone is the dictionary's
		{"the industrial park", "the industrial park"},               // a phrase the dictionary knows as typed
		{"when are the open day", "when are the open day"},           // an alias as typed wins
		{"are they aiming for growth", "are they aiming for growth"}, // verbs keep their form
		{"高标准农田 tax refunds", "高标准农田 tax refund"},
	}
	for _, tt := range tests {
		if got := v.inflected(tt.in); got != tt.want {
			t.Errorf("inflected(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
