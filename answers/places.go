package answers

import (
	_ "embed"
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
	for name := range gazetteer() {
		if strings.HasPrefix(name, stem) && strings.HasSuffix(name, "自治州") {
			return true
		}
	}
	return false
}

// asked leaves out of places those that only set the scene: named in a
// clause that does not ask, after 在, 去, 到, 回, 从 or 来 (在广东打了十几年工，
// 想回老家自己干点事，有支持吗 asks of the report's own place, not of 广东).
func asked(places []string, text string) []string {
	clauses := reClause.Split(text, -1)
	if len(clauses) < 2 {
		return places
	}
	out := places[:0:0]
	for _, p := range places {
		scene := false
		for _, c := range clauses {
			if !strings.Contains(c, p) {
				continue
			}
			i := strings.Index(c, p)
			before, _ := utf8.DecodeLastRuneInString(c[:i])
			if asks(roughNumbers.Replace(c)) || !strings.ContainsRune("在去到回从来", before) {
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
