package answers

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/width"

	"planbot/index/report"
)

// maxQuestion is how many characters of a message are read as the question.
const maxQuestion = 300

var (
	// @username, or @显示名 ended by a space or a comma
	reMention = regexp.MustCompile(`@[A-Za-z0-9_]{3,}|@[\p{Han}A-Za-z0-9_]{1,16}(?:\s|[，,：:]|$)`)
	reCommand = regexp.MustCompile(`^/[A-Za-z_]+(@[A-Za-z0-9_]+)?\s*`)
	// Politeness and chat noise that says nothing about the question.
	noise = words.list("noise")
	// Adverbs that only stress a question (经济到底增长了多少), dropped
	// without a gap so that the words around them meet again.
	fillers = words.list("filler")
	// An English possessive: beijing's.
	rePossessive = regexp.MustCompile(`['’]s\b`)
	// The apostrophe of pinyin before a syllable that starts with a vowel
	// (Xiong'an, Xi'an): the name is one word. English contractions ('re,
	// 'll, 't) start with a consonant.
	rePinyinApostrophe = regexp.MustCompile(`([a-z])['’]([aeo])`)
	// An acronym in the plural: AEDs, SMEs.
	rePluralAcronym = regexp.MustCompile(`\b([A-Z]{2,})s\b`)
	// Sentence-final particles, dropped where they end a clause.
	reParticles = regexp.MustCompile(`[` + particleRunes + `]+([?？!！。,，~\s]|$)`)
)

// particleRunes are the sentence-final particles.
const particleRunes = "呢呀啊吧啦哦嘛喔噢"

// normalise turns a question as typed in a chat into plain Simplified
// Chinese: no @names, commands or greetings, an emoji a clause break, no
// other symbol, half-width letters and digits, Chinese numerals that carry
// figures written as digits.
func normalise(q string, isKnownHan func(rune) bool) string {
	q = reCommand.ReplaceAllString(strings.TrimSpace(q), "")
	if n := 0; len(q) > maxQuestion {
		for i := range q { // a question is short; a pasted page is read from its start
			if n++; n > maxQuestion {
				q = q[:i]
				break
			}
		}
	}
	q = reMention.ReplaceAllString(q, " ")
	q = width.Fold.String(q) // full-width ＧＤＰ２０２５ → GDP2025
	// breaks tells that a clause break was put in (an emoji, 问一下, a
	// particle before a space): the commas are tidied at the end
	breaks := false
	q = strings.Map(func(r rune) rune {
		switch {
		case r == '\u3000':
			return ' '
		case (r >= 0x1F000 || r >= 0x2600 && r <= 0x27BF) && unicode.Is(unicode.So, r):
			breaks = true
			return '，' // an emoji (😂, ☀, ✅) parts two clauses: 大学毕业有点慌😂 今年打算新增多少就业
		case unicode.Is(unicode.So, r), unicode.Is(unicode.Sk, r), unicode.In(r, unicode.Cs, unicode.Co, unicode.Cc) && r != '\n',
			r >= 0x1F000, r == 0xFE0F, r == 0x200D:
			return -1 // other symbols
		}
		return r
	}, q)
	if needsT2S(q, isKnownHan) {
		q = toSimplified(q)
	}
	q = rePluralAcronym.ReplaceAllString(q, "$1") // AEDs: a report writes AED
	q = strings.ToLower(q)
	q = rePossessive.ReplaceAllString(q, "")
	q = rePinyinApostrophe.ReplaceAllString(q, "$1$2")
	for _, n := range noise {
		if isASCII(n) {
			q = reWord(n).ReplaceAllString(q, " ")
			continue
		}
		if i := strings.Index(q, n); i > 0 && containsAny(n, askOpeners) && sceneBefore(q[:i]) {
			breaks = true // what the asker says before 问一下 is the scene: 种地的问一下 今年高标准农田建多少亩
			q = strings.ReplaceAll(q, n, "，")
		}
		q = strings.ReplaceAll(q, n, " ")
	}
	for _, f := range fillers {
		q = strings.ReplaceAll(q, f, "")
	}
	q = reParticles.ReplaceAllStringFunc(q, func(m string) string {
		end := strings.TrimLeft(m, particleRunes)
		if strings.TrimSpace(end) == "" && end != "" {
			breaks = true
			return "，" // the particle and a space end a clause: 今年新增多少就业岗位啊 俺在外地打工想回来
		}
		return end
	})
	q = cnNumerals(q)
	q = dialectCounts(q)
	q = strings.Join(strings.Fields(q), " ")
	if breaks {
		q = strings.Trim(reCommas.ReplaceAllString(q, "，"), " ，") // 😂😂😂 is one break; 谢谢🙏 leaves none
	}
	return q
}

// askOpeners are the words in the noise that open what is asked (请问,
// 想问一下, 我想知道), unlike 帮忙 or 麻烦.
var askOpeners = []string{"问", "想知道"}

// sceneBefore reports whether the text before a word like 问一下 ends
// with a clause of its own that tells who asks, three characters or more
// ending in 的: 种地的问一下 does; 今年我想知道 and 高速公路今年我想问一下修了多少
// do not.
func sceneBefore(before string) bool {
	clauses := reClause.Split(before, -1)
	last := strings.TrimSpace(clauses[len(clauses)-1])
	return utf8.RuneCountInString(last) >= 3 && strings.HasSuffix(last, "的")
}

// reCommas is a run of the commas emoji became.
var reCommas = regexp.MustCompile(`，(?:\s*，)+`)

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

var wordRes sync.Map

// reWord matches w as a whole ASCII word.
func reWord(w string) *regexp.Regexp {
	if re, ok := wordRes.Load(w); ok {
		return re.(*regexp.Regexp)
	}
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(w) + `\b`)
	wordRes.Store(w, re)
	return re
}

var (
	t2sOnce sync.Once
	t2s     *opencc.OpenCC
)

// needsT2S reports whether q has Han characters that the reports never use;
// only then is OpenCC's dictionary loaded, which costs time.
func needsT2S(q string, isKnownHan func(rune) bool) bool {
	for _, r := range q {
		if unicode.Is(unicode.Han, r) && (isKnownHan == nil || !isKnownHan(r)) {
			return true
		}
	}
	return false
}

// loadT2S loads OpenCC's Traditional-to-Simplified tables, once.
func loadT2S() { t2sOnce.Do(func() { t2s, _ = opencc.New("t2s") }) }

// toSimplified converts Traditional characters to Simplified with OpenCC.
func toSimplified(q string) string {
	loadT2S()
	if t2s == nil {
		return q
	}
	out, err := t2s.Convert(q)
	if err != nil {
		return q
	}
	return out
}

var (
	// A Chinese numeral followed by a unit: 两千亩, 十五万吨, 百分之五.
	reCNFigure  = regexp.MustCompile(`([零〇一二两三四五六七八九十百千]+)(万|亿)?(亩|吨|美元|元|人|家|个|项|场|所|户|公里|公顷|倍)`)
	reCNPercent = regexp.MustCompile(`百分之([零〇一二两三四五六七八九十点]+)`)
)

// cnNumerals writes Chinese numerals that carry figures as digits:
// 两千亩 → 2000亩, 百分之五 → 5%. Numerals in names (十四五, 二十大) stay.
func cnNumerals(q string) string {
	q = reCNPercent.ReplaceAllStringFunc(q, func(m string) string {
		s := strings.TrimPrefix(m, "百分之")
		parts := strings.SplitN(s, "点", 2)
		n, ok := report.ParseChineseNumber(parts[0])
		if !ok {
			return m
		}
		out := itoa(n)
		if len(parts) == 2 {
			var frac strings.Builder
			for _, r := range parts[1] {
				d, ok := report.ChineseDigit(r)
				if !ok {
					return m
				}
				frac.WriteByte(byte('0' + d))
			}
			out += "." + frac.String()
		}
		return out + "%"
	})
	return reCNFigure.ReplaceAllStringFunc(q, func(m string) string {
		sub := reCNFigure.FindStringSubmatch(m)
		n, ok := report.ParseChineseNumber(sub[1])
		if !ok || m == "一个" {
			return m // 一个人住 says alone, not 1 个人
		}
		return itoa(n) + sub[2] + sub[3]
	})
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// askingChars are characters that ask who, which, what, how or whether
// (谁管, 哪个, 啥, 怎么, 咋, 吗): a question with one asks that, not how
// many.
const askingChars = "谁哪啥怎咋吗么"

// reManyTimes is 好多 said of years, times or as done (打工好多年了, 好多次,
// 好多了): many, not how many.
var reManyTimes = regexp.MustCompile(`好多(?:年|次|了)`)

// dialectCounts reads the words for 多少 of the south-west (好多钱, 涨了
// 好多; dialect.count in words.txt) as 多少 where no other word of q asks:
// elsewhere they say many (好多人遛狗，这事归谁管).
var dialectCounts = func() func(q string) string {
	counts := words.list("dialect.count")
	return func(q string) string {
		for _, w := range counts {
			if !strings.Contains(q, w) {
				continue
			}
			if strings.ContainsAny(q, askingChars) || reManyTimes.MatchString(q) || slices.ContainsFunc(reClause.Split(q, -1), asksAsTyped) {
				return q
			}
			return strings.Replace(q, w, "多少", 1)
		}
		return q
	}
}()
