package feedback

import (
	"testing"
	"time"
)

func TestParseAge(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"90d", 90 * 24 * time.Hour, true},
		{"7d", 7 * 24 * time.Hour, true},
		{"1d12h", 36 * time.Hour, true},
		{"36h", 36 * time.Hour, true},
		{"30m", 30 * time.Minute, true},
		{" 2d ", 48 * time.Hour, true},
		{"0d", 0, true},
		{"", 0, false},
		{"90", 0, false},
		{"d", 0, false},
		{"-1d", 0, false},
		{"1w", 0, false},
		{"1d-2h", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseAge(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseAge(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestAgeText(t *testing.T) {
	var a Age
	if err := a.UnmarshalText([]byte("90d")); err != nil || time.Duration(a) != DefaultRetention {
		t.Fatalf("90d read as %v, %v", time.Duration(a), err)
	}
	for _, tt := range []struct {
		a    Age
		want string
	}{{Age(DefaultRetention), "90d"}, {Age(36 * time.Hour), "36h0m0s"}, {0, "0s"}} {
		if got := tt.a.String(); got != tt.want {
			t.Errorf("%v.String() = %q, want %q", time.Duration(tt.a), got, tt.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"高标准农田目标是多少？", "高标准农田目标是多少"},
		{"  GDP   增长多少?! ", "gdp 增长多少"},
		{"社零", "社零"},
		{"？？", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReasonLabel(t *testing.T) {
	want := []string{"答非所问", "数字不对", "年份不对", "报告里有但没找到"}
	for i, r := range Reasons {
		if r.Label() != want[i] {
			t.Errorf("%s: label %q, want %q", r, r.Label(), want[i])
		}
	}
	if Reason("x").Label() != "x" {
		t.Errorf("an unknown reason's label")
	}
}
