package answers

import (
	"fmt"
	"slices"
	"testing"

	"planbot/index"
	"planbot/index/report"
)

// TestRouterFindsAsScanning checks the router against a scan of every
// entry with matchesPlace: the same reports for every place, in the same
// order, and the same regions named in pinyin.
func TestRouterFindsAsScanning(t *testing.T) {
	regions := []string{"九原区", "北京市", "全国", "宁夏回族自治区", "包头市", "东河区", "", "内蒙古自治区", "九原区", "上海市", "新疆维吾尔自治区", "东东省"}
	var entries []index.Entry
	for i, r := range regions {
		title := r + "2025年政府工作报告"
		if i == 4 {
			title = "包头市九原区国民经济和社会发展计划"
		}
		entries = append(entries, index.Entry{Meta: report.Meta{ID: fmt.Sprint(i), Region: r, Title: title}})
	}
	rt := newRouter(entries)
	places := []string{"九原区", "包头市九原区", "九原", "北京", "北京市", "全国", "国务院", "中国", "宁夏", "宁夏回族自治区", "内蒙古",
		"东东省", "东省", "东", "火星省", "上海", "新疆", "包头", "报告", "原区"}
	for _, p := range places {
		var want []int32
		for i, e := range entries {
			if matchesPlace(e, p) {
				want = append(want, int32(i))
			}
		}
		if got := rt.named(p); !slices.Equal(got, want) {
			t.Errorf("%s: router %v, scan %v", p, got, want)
		}
	}
	for q, want := range map[string][]string{
		"what was ningxia's gdp":         {"宁夏回族自治区"},
		"beijing and shanghai":           {"北京市", "上海市"},
		"shanghai and beijing":           {"北京市", "上海市"},
		"jiuyuan":                        {"九原区"},
		"beijingshi":                     nil,
		"xinjiang-uygur":                 nil,
		"gdp growth in 2025 of dongdong": {"东东省"},
		"inner mongolia gdp target":      {"内蒙古自治区"}, // an English name of two words
		"inner, mongolia":                nil,
	} {
		if got := rt.inPinyin(q); !slices.Equal(got, want) {
			t.Errorf("%q: named in pinyin %v, want %v", q, got, want)
		}
	}
}

func TestPlacePinyin(t *testing.T) {
	tests := map[string][]string{
		"宁夏回族自治区": {"ningxia"},
		"重庆市":     {"chongqing", "zhongqing"}, // 重 is read two ways
		"北京市":     {"beijing"},
		"西藏自治区":   {"xizang", "tibet"}, // the English name besides the pinyin
		"陕西省":     {"shaanxi"},         // English writes 陕西 Shaanxi; shanxi is 山西
		"内蒙古自治区":  {"neimenggu", "inner mongolia"},
	}
	for region, want := range tests {
		got := placePinyin(region)
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("placePinyin(%q) = %q, lacks %q", region, got, w)
			}
		}
		if n := len(pinyinOf(report.RegionStem(region))); n > maxSpellings {
			t.Errorf("placePinyin(%q): %d pinyin spellings, more than %d", region, n, maxSpellings)
		}
	}
	if got := placePinyin("陕西省"); slices.Contains(got, "shanxi") {
		t.Errorf("placePinyin(陕西省) = %q: shanxi is 山西", got)
	}
	if got := placePinyin(""); got != nil {
		t.Errorf("placePinyin(\"\") = %q, want none", got)
	}
}
