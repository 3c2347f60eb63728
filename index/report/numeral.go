package report

import "regexp"

var (
	cnDigit = map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	cnUnit  = map[rune]int{'十': 10, '百': 100, '千': 1000}
	// reCNCount: a Chinese numeral counting things, 两次, 十件, 三个; not
	// one (一批, 一个中心), not a name (十四五, 三农): ParseChineseNumber
	// and the caller decide.
	reCNCount = regexp.MustCompile(`([零一两二三四五六七八九十百千]+)(次|个|项|件|家|所|条|座|场|批|处|名|位|台|套|支|天)`)
)

// ChineseDigit returns the value of a Chinese digit (一 → 1, 两 → 2).
func ChineseDigit(r rune) (int, bool) {
	d, ok := cnDigit[r]
	return d, ok
}

// ParseChineseNumber reads a Chinese numeral below ten thousand
// (两千 → 2000, 十五 → 15).
func ParseChineseNumber(s string) (int, bool) {
	total, cur := 0, -1
	for _, r := range s {
		if d, ok := cnDigit[r]; ok {
			cur = d
			continue
		}
		u, ok := cnUnit[r]
		if !ok {
			return 0, false
		}
		if cur < 0 {
			cur = 1
		}
		total += cur * u
		cur = -1
	}
	if cur > 0 {
		total += cur
	}
	return total, total > 0 || s == "零"
}
