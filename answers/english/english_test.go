package english

import (
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestWords(t *testing.T) {
	tests := []struct {
		phrase string
		want   string // a word the result must contain; "" means nil result
	}{
		{"grain", "谷物"}, // CC-CEDICT glosses 粮食 as "foodstuff; cereals", not "grain"
		{"foodstuff", "粮食"},
		{"tourists", "游客"},
		{"Tourists", "旅游者"},
		{"unemployment rate", "失业率"},
		{"  Unemployment   RATE ", "失业率"},
		{"universities", "大学"},
		{"cities", "城市"}, // "cities" alone is glossed 城邑; "city" gives the common word
		{"financial institutions", "金融机构"},
		{"base station", "基站"},
		{"deficit", "赤字"},
		{"high-tech", "高新技术"}, // from "high tech"
		{"enter a country", "入境"},
		{"inbound", ""}, // no gloss is just "inbound"
		{"", ""},
		{"xyzzy", ""},
	}
	for _, tt := range tests {
		got := Words(tt.phrase)
		if tt.want == "" {
			if got != nil {
				t.Errorf("Words(%q) = %v, want nil", tt.phrase, got)
			}
			continue
		}
		if !slices.Contains(got, tt.want) {
			t.Errorf("Words(%q) = %v, want it to contain %s", tt.phrase, got, tt.want)
		}
	}
}

func TestSingulars(t *testing.T) {
	tests := map[string]string{
		"tourists": "tourist",
		"cities":   "city",
		"boxes":    "box",
		"buses":    "bus",
		"houses":   "house",
	}
	for in, want := range tests {
		if got := singulars(in); !slices.Contains(got, want) {
			t.Errorf("singulars(%q) = %q, want it to contain %q", in, got, want)
		}
	}
	if got := singulars("glass"); got != nil {
		t.Errorf("singulars(%q) = %q, want nil", "glass", got)
	}
}

func TestPhrases(t *testing.T) {
	tests := []struct {
		text string
		want []string // phrases found, in order
	}{
		{"How many inbound tourists visited Sichuan in 2025?", []string{"tourists", "visited", "Sichuan"}}, // no "inbound" key; "visited" is not stemmed
		{"What was the unemployment rate last year?", []string{"unemployment rate"}},
		{"四川省2025年R&D投入和unemployment rate", []string{"unemployment rate"}},
		{"rate of return", []string{"rate of return"}},
		{"unemployment, rate", []string{"unemployment", "rate"}},
		{"how many", nil},
		{"non-fossil sources", []string{"fossil", "sources"}}, // no key for non-fossil: its words apart
		{"high-tech firms", []string{"high-tech", "firms"}},
		{"county-level hospitals", []string{"county-level", "hospitals"}},
		{"2025年四川省接待入境游客多少人次？", nil},
		{"After the floods, how is it dealing with debt?", []string{"floods", "debt"}}, // after (以后) and deal (交易) only shape the question
		{"", nil},
	}
	for _, tt := range tests {
		ms := Phrases(tt.text, nil)
		var got []string
		for _, m := range ms {
			got = append(got, m.Phrase)
			if tt.text[m.Start:m.End] != m.Phrase || len(m.Words) == 0 {
				t.Errorf("Phrases(%q): bad match %+v", tt.text, m)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Phrases(%q) = %q, want %q", tt.text, got, tt.want)
		}
		if tt.want == nil && ms != nil {
			t.Errorf("Phrases(%q) = %v, want nil", tt.text, ms)
		}
	}
}

func TestParse(t *testing.T) {
	ix := parse("# comment\n\nno tab here\nempty\t\nkey\tA B\nlast\tC\tv")
	m := ix.words
	if len(m) != 2 || !slices.Equal(m["key"], []string{"A", "B"}) || !slices.Equal(m["last"], []string{"C"}) {
		t.Errorf("parse = %v", m)
	}
	if ix.verbs["key"] || !ix.verbs["last"] {
		t.Errorf("parse verbs = %v, want only last", ix.verbs)
	}
}

func TestIsVerb(t *testing.T) {
	for w, want := range map[string]bool{"visit": true, "visited": true, "building": true, "drop": true,
		"cryptocurrency": false, "regulation": false, "xyzzy": false} {
		if got := IsVerb(w); got != want {
			t.Errorf("IsVerb(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestStats logs the size of the index and the heap it takes.
func TestStats(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	m := parse(glosses)
	elapsed := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("glosses.txt: %d bytes, %d keys, parsed in %v, heap %.1f MB",
		len(glosses), len(m.words), elapsed, float64(after.HeapAlloc-before.HeapAlloc)/(1<<20))
	runtime.KeepAlive(m)
	for _, p := range []string{"grain output", "inbound tourists", "tourists", "greenway",
		"financial institutions", "base station", "universities", "sports events",
		"fixed asset investment", "deficit"} {
		t.Logf("%-24s %v", p, Words(p))
	}
}

func FuzzPhrases(f *testing.F) {
	f.Add("How many inbound tourists visited Sichuan in 2025?")
	f.Add("四川省R&D经费和5G基站，PM2.5浓度 rate of return")
	f.Add("a-b & c.d.. -- & x\xff\xfe")
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, m := range Phrases(text, nil) {
			if m.Start < end || m.Start >= m.End || m.End > len(text) {
				t.Fatalf("bad offsets %d..%d after %d in %q", m.Start, m.End, end, text)
			}
			if text[m.Start:m.End] != m.Phrase || len(m.Words) == 0 {
				t.Fatalf("bad match %+v in %q", m, text)
			}
			end = m.End
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		parse(glosses)
	}
}

func BenchmarkPhrases(b *testing.B) {
	text := strings.Repeat("How many inbound tourists visited Sichuan in 2025? 四川省接待入境游客 ", 4)
	Phrases(text, nil) // load the index outside the timing
	b.ResetTimer()
	for b.Loop() {
		Phrases(text, nil)
	}
}

// TestPhrasesAccept: a hyphenated word whose Chinese words the text does
// not take is looked up as its words (county-level: 县级 not said, 县域 is).
func TestPhrasesAccept(t *testing.T) {
	saysCounty := func(ws []string) bool { return slices.Contains(ws, "县域") }
	var got []string
	for _, m := range Phrases("county-level hospitals", saysCounty) {
		got = append(got, m.Phrase)
	}
	if want := []string{"county", "level", "hospitals"}; !slices.Equal(got, want) {
		t.Errorf("Phrases = %q, want %q", got, want)
	}
}

func TestBaseForms(t *testing.T) {
	tests := []struct {
		w    string
		want string // one of the forms
	}{
		{"cities", "city"}, {"boxes", "box"}, {"houses", "house"}, {"tourists", "tourist"},
		{"studied", "study"}, {"finished", "finish"}, {"created", "create"}, {"stopped", "stop"},
		{"building", "build"}, {"rising", "rise"}, {"running", "run"},
		{"labourers", "laborer"}, {"organise", "organize"},
		{"built", "build"}, {"grew", "grow"}, {"sent", "send"}, // irregular.txt
	}
	for _, tt := range tests {
		if got := baseForms(tt.w); !slices.Contains(got, tt.want) {
			t.Errorf("baseForms(%q) = %v, want %q among them", tt.w, got, tt.want)
		}
	}
}

func TestSameNoun(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"tourist", "tourists", true},
		{"refunds", "refund", true},
		{"city", "cities", true},
		{"bus", "buses", true},
		{"plan", "planned", false}, // a verb's forms are no noun's
		{"invest", "investment", false},
		{"park", "park", true},
	}
	for _, tt := range tests {
		if got := SameNoun(tt.a, tt.b); got != tt.want {
			t.Errorf("SameNoun(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestIsOrdinal(t *testing.T) {
	for w, want := range map[string]bool{"8th": true, "15th": true, "2nd": true, "2025": false, "tenth": false, "th": false} {
		if got := IsOrdinal(w); got != want {
			t.Errorf("IsOrdinal(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestIsStopWord(t *testing.T) {
	// words that shape a comparison (compared with five years ago) name no topic
	for w, want := range map[string]bool{"ago": true, "compared": true, "the": true, "grain": false, "rank": false} {
		if got := IsStopWord(w); got != want {
			t.Errorf("IsStopWord(%q) = %v, want %v", w, got, want)
		}
	}
}
