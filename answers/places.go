package answers

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed places.txt
var placesText string

// gazetteer is the set of names of places.txt.
var gazetteer = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.Split(placesText, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			set[line] = true
		}
	}
	return set
})

// asPlace returns the place m names, m being words that end with an
// administrative suffix (rePlace): m itself when it is the name of a
// province, city or county, or the longest such name that ends m (去年九原区
// → 九原区); 黔东南州 names the autonomous prefecture 黔东南苗族侗族自治州. It
// returns "" when m names none (一共省, 开电车回县, 航战区).
func asPlace(m string) string {
	names := gazetteer()
	for i := 0; i < len(m); {
		rest := m[i:]
		if utf8.RuneCountInString(rest) < 3 {
			break
		}
		if names[rest] || strings.HasSuffix(rest, "州") && prefecture(strings.TrimSuffix(rest, "州")) {
			return rest
		}
		_, n := utf8.DecodeRuneInString(rest)
		i += n
	}
	return ""
}

// prefecture reports whether an autonomous prefecture's name starts with
// stem (黔东南 of 黔东南苗族侗族自治州).
func prefecture(stem string) bool {
	return slices.ContainsFunc(prefectures(), func(name string) bool { return strings.HasPrefix(name, stem) })
}

// prefectures are the names of places.txt that end in 自治州.
var prefectures = sync.OnceValue(func() []string {
	var out []string
	for name := range gazetteer() {
		if strings.HasSuffix(name, "自治州") {
			out = append(out, name)
		}
	}
	return out
})

// asked leaves out of places those that only set the scene: named in a
// clause that does not ask, after 在, 去, 到, 回, 从 or 来 (or Cantonese 喺,
// 返), while one other clause asks (在广东打了十几年工，想回老家自己干点事，有支持吗
// asks of the report's own place, not of 广东). 现在, 过去 and the like are no
// such word. With several clauses asking (过年回云南，高速免费吗，几天) the place
// may be what they ask about: it stays, to pick its report.
func asked(places []string, text string) []string {
	if onlyAsking(text) == text {
		return places // no clause asks, or several do
	}
	return withoutScene(places, text)
}

// withoutScene leaves out of places those named only after a word of the
// scene in clauses that do not ask, when any clause asks: a place that
// has no report of its own and stands there (我在深圳跑外卖，…算不算工伤，
// 有保障没) does not keep the report's sentences from answering.
func withoutScene(places []string, text string) []string {
	var clauses []string
	anyAsks := false
	for _, c := range reClause.Split(text, -1) {
		if c != "" {
			clauses = append(clauses, c)
			anyAsks = anyAsks || asks(c)
		}
	}
	if !anyAsks || len(clauses) < 2 {
		return places // no clause asks, or the question is one clause
	}
	out := places[:0:0]
	for _, p := range places {
		scene := false
		for _, c := range clauses {
			i := strings.Index(c, p)
			if i < 0 {
				continue
			}
			if asks(c) || !afterSceneWord(c[:i]) {
				scene = false
				break // named where it may be asked about
			}
			scene = true
		}
		if !scene {
			out = append(out, p)
		}
	}
	return out
}

// afterSceneWord reports whether before ends with a word that sets the
// scene of a place (在, 去, 到, 回, 从, 来) and not with a word it ends
// (现在, 过去, 回来).
func afterSceneWord(before string) bool {
	r, n := utf8.DecodeLastRuneInString(before)
	if !strings.ContainsRune("在去到回从来喺返", r) {
		return false
	}
	p, _ := utf8.DecodeLastRuneInString(before[:len(before)-n])
	return !isOneOf(string(p)+string(r), notSceneWords)
}

// notSceneWords end in a scene word (在, 去, 到…) without setting a scene.
var notSceneWords = []string{"往返", "重返", "遣返", "现在", "正在", "所在", "实在", "存在", "好在", "未来", "本来", "后来", "原来", "近来", "从来", "向来", "看来",
	"过去", "回去", "出去", "进去", "上去", "下去", "失去", "回来", "出来", "进来", "上来", "下来", "起来",
	"得到", "达到", "做到", "受到", "感到", "直到", "遇到", "想到", "看到", "收到", "找到", "来到", "回到", "提到", "见到", "听到", "用到", "拿到"}

// placeStem reports whether w, two or three Han characters, names a city
// or a county without its suffix (阜阳 of 阜阳市).
func placeStem(w string) bool {
	if n := utf8.RuneCountInString(w); n < 2 || n > 3 {
		return false
	}
	names := gazetteer()
	return names[w+"市"] || names[w+"县"] || names[w+"区"]
}

// abbreviatedPlaces credits two places the question names, not said in
// text by name, when text says their first characters together as a
// word's (阜黄高铁 for 阜阳到黄山的高铁, 石衡沧港城际 for 石家庄到衡水的城际)
// and the two characters are no word of the reports' own (长江 of 长沙 and
// 江门): credits and at are coverage's, by topic.
func abbreviatedPlaces(kws []keyword, text string, credits []float64, at []int) {
	for i := range kws {
		for j := range kws {
			if i == j || credits[i] >= 1 || credits[j] >= 1 || !kws[i].place || !kws[j].place {
				continue
			}
			a, _ := utf8.DecodeRuneInString(kws[i].alts[0])
			b, _ := utf8.DecodeRuneInString(kws[j].alts[0])
			pair := string(a) + string(b)
			if inRegister(pair) {
				continue
			}
			if k := strings.Index(text, pair); k >= 0 {
				credits[i], credits[j], at[i], at[j] = 1, 1, k, k
			}
		}
	}
}
