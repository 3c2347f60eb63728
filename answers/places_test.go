package answers

import (
	"slices"
	"testing"
)

func TestAsPlace(t *testing.T) {
	tests := []struct{ m, want string }{
		{"昆都仑区", "昆都仑区"},
		{"去年九原区", "九原区"}, // the name that ends the words
		{"内蒙古自治区", "内蒙古自治区"},
		{"黔东南州", "黔东南州"}, // 黔东南苗族侗族自治州
		{"一共省", ""},
		{"开电车回县", ""},
		{"南宁吴圩机场T3航战区", ""}, // a typo of 航站区
		{"火星省", ""},
	}
	for _, tt := range tests {
		if got := asPlace(tt.m); got != tt.want {
			t.Errorf("asPlace(%q) = %q, want %q", tt.m, got, tt.want)
		}
	}
	if got := notCovered([]string{"一共省"}); got != "" {
		t.Errorf("notCovered(一共省) = %q, want no place named", got)
	}
	if got := notCovered([]string{"开电车回县", "杭州市"}); got != "报告没有涉及杭州市" {
		t.Errorf("notCovered(开电车回县, 杭州市) = %q, want the real place named", got)
	}
}

func TestWithoutScene(t *testing.T) {
	tests := []struct {
		text   string
		places []string
		want   []string
	}{
		{"我在深圳跑外卖，算不算工伤，有保障没", []string{"深圳"}, nil}, // two clauses ask: still the scene
		{"深圳今年GDP目标多少，增长多少", []string{"深圳"}, []string{"深圳"}},
		{"在深圳创业有什么补贴", []string{"深圳"}, []string{"深圳"}}, // one clause
	}
	for _, tt := range tests {
		if got := withoutScene(tt.places, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("withoutScene(%v, %q) = %v, want %v", tt.places, tt.text, got, tt.want)
		}
	}
}

func TestAsked(t *testing.T) {
	tests := []struct {
		text   string
		places []string
		want   []string
	}{
		{"在广东打了十几年工，想回老家自己干点事，有支持吗", []string{"广东"}, nil},
		{"渝昆高铁到底啥时候能通？回重庆老家坐大巴太折腾了", []string{"重庆"}, nil},
		{"在广东创业有什么补贴", []string{"广东"}, []string{"广东"}},       // one clause: it asks
		{"我在广东，广东今年GDP目标多少", []string{"广东"}, []string{"广东"}}, // also named where it asks
		{"去年广东GDP多少，增长多少", []string{"广东"}, []string{"广东"}},   // not after 在/去/回
		{"子女都去广东打工了，村里有没有人帮着照看老人", []string{"广东"}, nil},
		{"我喺香港住，成日返深圳，口岸几时用得", []string{"香港", "深圳"}, nil},  // Cantonese 喺 and 返
		{"过年回云南，高速免费吗，几天", []string{"云南"}, []string{"云南"}}, // several ask: it may be asked about
		{"往返湖南的高铁，今年新开哪些", []string{"湖南"}, []string{"湖南"}}, // 往返 sets no scene
	}
	for _, tt := range tests {
		if got := asked(tt.places, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("asked(%v, %q) = %v, want %v", tt.places, tt.text, got, tt.want)
		}
	}
}

func TestAbbreviatedPlaces(t *testing.T) {
	tests := []struct {
		a, b, text string
		want       bool
	}{
		{"阜阳", "黄山", "力争开工阜黄高铁、南信合高铁", true},
		{"石家庄", "衡水", "力促石衡沧港城际铁路等建成投运", true},
		{"阜阳", "黄山", "推进阜阳复线船闸建设", false}, // one said, the other not: no pair
		{"农业", "村庄", "推进农村改革", false},     // no places
		{"长沙", "江门", "推动长江经济带发展", false},  // 长江 is a word of its own
	}
	for _, tt := range tests {
		kws := []keyword{{alts: []string{tt.a}, place: placeStem(tt.a)}, {alts: []string{tt.b}, place: placeStem(tt.b)}}
		credits, at := []float64{0, 0}, []int{-1, -1}
		abbreviatedPlaces(kws, tt.text, credits, at)
		if got := credits[0] == 1 && credits[1] == 1; got != tt.want {
			t.Errorf("abbreviatedPlaces(%s, %s, %q): %v, want %v", tt.a, tt.b, tt.text, got, tt.want)
		}
	}
}
