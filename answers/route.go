package answers

import (
	"slices"
	"sync"
	"unicode/utf8"

	"planbot/index"
	"planbot/index/report"
)

// router finds the reports of a catalog that a question names, by place
// (in Chinese or in pinyin) or by the default region, from small indexes
// made once per catalog: a question never reads every entry, so routing
// costs the same with ten reports or a thousand. Whether a report is
// about a place is still matchesPlace's to say; the indexes only find the
// few reports that may be.
type router struct {
	entries []index.Entry
	stems   map[string][]int32 // a region's stem (北京, 九原) → its reports
	grams   map[string][]int32 // each character and pair of characters of a report's stem and title → the reports
	nation  []int32            // the reports of 全国
	pinyin  map[string][]int32 // a region's stem in pinyin (ningxia) → its reports
	regions sync.Map           // region → []index.Entry: ofRegion of all the reports
}

func newRouter(entries []index.Entry) *router {
	rt := &router{entries: entries, stems: map[string][]int32{}, grams: map[string][]int32{}, pinyin: map[string][]int32{}}
	for i, e := range entries {
		id, region := int32(i), e.Meta.Region
		switch region {
		case "":
			continue
		case "全国":
			rt.nation = append(rt.nation, id)
			continue
		}
		stem := report.RegionStem(region)
		rt.stems[stem] = append(rt.stems[stem], id)
		for g := range grams(stem + "\n" + e.Meta.Title) {
			if l := rt.grams[g]; len(l) == 0 || l[len(l)-1] != id {
				rt.grams[g] = append(l, id)
			}
		}
		for _, py := range placePinyin(region) {
			if len(py) >= 4 {
				rt.pinyin[py] = append(rt.pinyin[py], id)
			}
		}
	}
	return rt
}

// routerKey names the router derived from a catalog.
type routerKey struct{}

// routerOf returns the router of the catalog snap serves, made once.
func routerOf(snap *index.Snapshot) *router {
	return snap.Derived(routerKey{}, func() any { return newRouter(snap.Entries()) }).(*router)
}

// grams yields each character of text and each pair of adjacent ones.
func grams(text string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for i, r := range text {
			n := utf8.RuneLen(r)
			if !yield(text[i : i+n]) {
				return
			}
			if _, m := utf8.DecodeRuneInString(text[i+n:]); m > 0 && !yield(text[i:i+n+m]) {
				return
			}
		}
	}
}

// named returns the reports about place p (matchesPlace), in catalog
// order.
func (rt *router) named(p string) []int32 {
	ps := report.RegionStem(p)
	var cands []int32
	for i := range p { // stems inside p: 九原区 of 包头市九原区
		for j := i + 1; j <= len(p); j++ {
			if j == len(p) || utf8.RuneStart(p[j]) {
				cands = append(cands, rt.stems[p[i:j]]...)
			}
		}
	}
	cands = append(cands, rt.rarestGram(ps)...) // stems and titles with ps inside
	if ps == "全国" || ps == "国务院" || ps == "中央" || ps == "中国" {
		cands = append(cands, rt.nation...)
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	out := cands[:0]
	for _, i := range cands {
		if matchesPlace(rt.entries[i], p) {
			out = append(out, i)
		}
	}
	return out
}

// rarestGram returns the reports whose stem or title has the rarest
// character pair of s (its character, if it has one only): a superset of
// those with s inside.
func (rt *router) rarestGram(s string) []int32 {
	var best []int32
	found := false
	for g := range grams(s) {
		if utf8.RuneCountInString(g) == 1 && utf8.RuneCountInString(s) > 1 {
			continue
		}
		if l := rt.grams[g]; !found || len(l) < len(best) {
			best, found = l, true
		}
	}
	return best
}

// inPinyin returns the regions of reports that q names in pinyin as
// whole Latin words (What was Ningxia's GDP), or by an English name of one
// or two words (Tibet, Inner Mongolia), in catalog order.
func (rt *router) inPinyin(q string) []string {
	var ids []int32
	prev := ""
	for i := 0; i < len(q); {
		if latinBoundary(q, i) {
			if q[i] != ' ' {
				prev = "" // a name of two words is written with a space between
			}
			i++
			continue
		}
		j := i
		for j < len(q) && !latinBoundary(q, j) {
			j++
		}
		ids = append(ids, rt.pinyin[q[i:j]]...)
		if prev != "" {
			ids = append(ids, rt.pinyin[prev+" "+q[i:j]]...)
		}
		prev = q[i:j]
		i = j
	}
	slices.Sort(ids)
	var out []string
	for _, i := range ids {
		if r := rt.entries[i].Meta.Region; !isOneOf(r, out) {
			out = append(out, r)
		}
	}
	return out
}

// ofRegion returns the reports of region, or all of them when region is
// "" or has none; made once per region.
func (rt *router) ofRegion(region string) []index.Entry {
	if region == "" {
		return rt.entries
	}
	if v, ok := rt.regions.Load(region); ok {
		return v.([]index.Entry)
	}
	local := rt.entries
	if ids := rt.named(region); len(ids) > 0 {
		local = make([]index.Entry, len(ids))
		for k, i := range ids {
			local[k] = rt.entries[i]
		}
	}
	rt.regions.Store(region, local)
	return local
}
