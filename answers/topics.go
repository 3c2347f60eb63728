package answers

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"planbot/answers/english"
	"planbot/index/report"
	"planbot/index/segment"
	"planbot/index/sound"
)

// keyword is a thing the answer must talk about, with the words that
// count as saying it.
type keyword struct {
	alts  []string
	said  []string // those of alts the question says itself
	parts []string // words inside the keyword, each worth partial credit
	// partWeights weigh the parts by how rare they are in the report: of
	// 固定资产投资 the 固定资产 says more than the 投资 every other sentence says.
	partWeights []float64
	partAlts    [][]string // per part, the terms the vocabulary gives for it
	known       bool       // the report uses one of alts
	verb        bool       // a verb or another word that says how, not what
	// heads are the topics the question says right after this one, which
	// it modifies (规上 in 规上工业增加值). Said before another word in a
	// sentence (规上服务业营收增长11.4%) it names another thing: no figure
	// is its.
	heads []int
	// translated marks a topic an English word gives through the
	// dictionary: its Chinese words are a guess (university → 大学, where
	// the report says 高校), and it weighs less.
	translated bool
	// colloquial marks a topic that no report of the register uses
	// (爷爷, 媳妇, 烂路): how people talk around what they ask. It weighs
	// little, and a sentence that passes only because of that must say
	// every other topic the report names (the coverage gate).
	colloquial bool
	noun       bool // cut as a noun (a noun of the dictionary if oneWord)
	// chars are the characters of a topic the report never names that
	// the report uses in few sentences, inside its own words: 碱 of 地碱大
	// is said by 盐碱地, 桥 of 老桥 by 危旧桥梁.
	chars []string
	// context marks a topic said only outside the one clause that asks
	// (markContext): the scene, not what is asked.
	context bool
	// place marks a city or a county named without its suffix (阜阳):
	// with another, it may be said by their first characters (阜黄高铁).
	place bool
	// vocab marks a topic the vocabulary names (赤字 → 赤字率, 赤字规模):
	// a thing, not a way of saying it. A report that never says it, nor
	// any of its words, does not speak of it: it weighs in full.
	vocab  bool
	weight float64
	// plan marks a topic said only as the name of a five-year plan
	// (十四五期间…): the period asked, said by any sentence of those years.
	plan bool
}

var (
	// Words that shape a question but are not its topic.
	questionWords = words.list("question")
	// Words that ask how something is done.
	howWords = words.list("how.word")
	// Characters that never start or end a topic on their own.
	functionChars = words.chars("function")
	// Characters that end the name of a place (咱省, 我市).
	placeChars = words.chars("place.end")
	// Question phrases the segmenter may cut differently; removed as text.
	multiWordQuestions = words.list("question.phrase")
	reYearWord         = regexp.MustCompile(`(19|20)\d\d年?`)
)

// yearCues say which year a question asks (今年, 去年): never a topic.
var yearCues = slices.Concat(thisYearCues, lastYearCues)

// keywords returns the topics of q, each weighted by how rare it is in
// the report (rare words decide; common ones barely count).
func (e *Engine) keywords(q question, rc *reportCache) []keyword {
	vocab := e.Vocabulary()
	text := reYearWord.ReplaceAllString(q.text, " ")
	for _, w := range yearCues {
		text = strings.ReplaceAll(text, w, " ") // 今年 says when, never what (延迟退休今年是怎么安排的)
	}
	text = reUnitAsked.ReplaceAllString(text, " ") // 多少亿元 asks for a unit, it is not a topic
	text = reEnglishUnit.ReplaceAllString(text, " ")
	var out []keyword
	places := append([]string{rc.r.Meta.Region, report.RegionStem(rc.r.Meta.Region)}, placePinyin(rc.r.Meta.Region)...)
	for _, g := range q.groups {
		if isOneOf(g[0], places) {
			continue // the report's own place is implied (shanghai → 上海)
		}
		if i := sharing(out, g); i >= 0 { // 演唱会 and 音乐节 both stand for 演出: one topic
			for _, t := range g {
				if !isOneOf(t, out[i].alts) {
					out[i].alts = append(out[i].alts, t)
				}
			}
			continue
		}
		out = append(out, keyword{alts: append([]string{}, g...), vocab: true})
	}
	for _, w := range multiWordQuestions {
		text = strings.ReplaceAll(text, w, " ")
	}
	for _, place := range places {
		switch {
		case place == "":
		case isASCII(place):
			text = replaceWord(text, place, " ") // ningxia in English
		default:
			text = withoutPlace(text, place) // the report's own place is implied
		}
	}
	text, quoted := quotedTopics(text, rc)
	text, numbered := numberedTopics(text)
	for _, k := range append(quoted, numbered...) { // names taken whole
		if sharing(out, k.alts) < 0 { // “十五五” of the vocabulary is one topic, not two
			out = append(out, k)
		}
	}
	text = pinyinApart(text, rc)
	text, en := englishTopics(text, rc)
	for _, k := range en {
		if sharing(out, k.alts) < 0 { // passed through: one 通过
			out = append(out, k)
		}
	}
	seg := rc.r.Seg
	gapless, _ := withoutGaps(q.text) // 经济 of 经济年均增长 is 经济增长's
	top := topLevel(seg.Cut(text))
	// the lone characters of the cut that may be part of the asker's own
	// word (工 of 工/地上), start to end: not 在 or 不, nor the 省 of 咱省
	loneAt := map[int]int{}
	for _, t := range top {
		if utf8.RuneCountInString(t.Term) == 1 && sound.AllHan(t.Term) && !strings.ContainsAny(t.Term, functionChars+placeChars) && !negation(t.Term) {
			loneAt[t.Start] = t.End
		}
	}
	toks := joinSuffixes(mergeSingles(withoutFunctionWords(top)), rc)
	for i, t := range toks {
		w, tagged := t.Term, false
		if tag := tagEnding(w); tag != "" && endsClause(text, t.End) && !seg.IsWord(w) {
			w, tagged = strings.TrimSuffix(w, tag), true // 管这事不, 能报不: 不 asks yes or no, cut with the word before it
		}
		if straddles(t, text, q.groups) {
			continue // 车上 of 新能源车上牌: the vocabulary word is a topic already
		}
		// the verb of 怎么调整 asks how; the answer says it in its own words
		howVerb := i > 0 && isOneOf(toks[i-1].Term, howWords)
		// a lone character the report uses (猪, 煤) is a weak topic
		// (not the verb a yes-or-no tag was cut from: 还能接着种不)
		lone := !tagged && utf8.RuneCountInString(w) == 1 && sound.AllHan(w) && !strings.ContainsAny(w, functionChars) && rc.contains(w)
		if narrowed(out, w) {
			continue // 粮食播种面积 asked: the vocabulary topic 粮食 is that word only
		}
		if !(meaningful(w) || lone) || isQuestionWord(w) || coveredBy(out, w, q.text) || coveredBy(out, w, gapless) || english.IsStopWord(w) || english.IsOrdinal(w) {
			continue
		}
		if negation(w) {
			continue // 能不能, 让不让, 没人管: whether, not what
		}
		if isOneOf(w, tagWords) && endsClause(text, t.End) && afterHan(text[:t.End], w) {
			continue // 房价止跌了没, 城际铁路今年能通不: the 没 and 不 ask yes or no
		}
		if alias := heldAlias(out, w); alias != "" && !rc.contains(w) {
			// 地铁线, 财政赤字 the report never says: the vocabulary word
			// stands for its part, the rest (赤字) is a topic of its own
			w = strings.Replace(w, alias, "", 1)
			if !meaningful(w) || isQuestionWord(w) || coveredBy(out, w, q.text) {
				continue
			}
		}
		out = dropNarrower(out, w)
		// a long word of the report is a term (放管服), whatever its tag
		verb := lone || isVerbLike(t.Pos) && (utf8.RuneCountInString(w) <= 2 || !rc.contains(w)) || isEnglishWord(w) && !rc.contains(w) && !properNoun(q.raw, w) || howVerb
		if w == t.Term && piece(seg, rc, text, loneAt, t.Start, t.End) {
			verb = true // 地上 of 工地上 cut as 工/地上: a piece of the asker's word weighs as little as a verb
		}
		k := keyword{alts: append([]string{w}, rc.standIns(w)...), verb: verb}
		k.noun = strings.HasPrefix(t.Pos, "n") && w == t.Term // 票价, not 装扶手 (装/扶/手): oneWord tells
		k.parts = partsOf(seg, w, rc)
		out = append(out, k)
	}
	out = joinLone(out, q.text, rc)
	out = senses(out, rc)
	for i := range out {
		out[i].alts = withVerbFirst(rc, out[i].alts)
		for _, a := range out[i].alts {
			if strings.Contains(q.text, a) || strings.Contains(gapless, a) { // 新增多少就业 says 新增就业
				out[i].said = append(out[i].said, a)
			}
		}
		out[i].said = outsideLonger(out[i].said, q.text, gapless)
		if out[i].parts == nil { // vocabulary topics: the words of their first term
			out[i].parts = partsOf(seg, out[i].alts[0], rc)
		}
		out[i].partWeights = make([]float64, len(out[i].parts))
		out[i].partAlts = make([][]string, len(out[i].parts))
		for j, part := range out[i].parts {
			if !isQuestionWord(part) { // 总额 of 进出口总额 names no thing: 社会消费品零售总额 says none of it
				out[i].partWeights[j] = rc.idf([]string{part})
			}
			out[i].partAlts[j] = vocab.termsOf(part) // 外贸 of 外贸进出口 is said as 进出口
		}
		out[i].weight = rc.idf(out[i].alts)
		out[i].known = rc.containsAny(out[i].alts)
		if !out[i].known && !out[i].vocab && !out[i].translated {
			out[i].chars = rc.rareChars(out[i].alts[0], int(e.w.CharRare))
		}
		// a thing of the vocabulary the report never names weighs in full
		// where a figure is asked (最低工资标准调到多少: no other figure
		// answers), or where the report says none of its words either
		if !out[i].known && !(out[i].vocab && (q.figure || !rc.containsAny(out[i].parts))) {
			out[i].weight *= e.w.UnknownTopic
			if !out[i].vocab && !out[i].translated && sound.AllHan(out[i].alts[0]) && !anyInRegister(out[i].alts) {
				out[i].colloquial = true // 爷爷奶奶的养老金: 爷爷 and 奶奶 are how people talk
			}
		}
		if out[i].verb {
			out[i].weight *= e.w.GenericTopic
		}
		if out[i].translated {
			out[i].weight *= e.w.TranslatedTopic
		}
	}
	for i := range out {
		out[i].plan = saidOnlyAs(out[i], planNames)
		out[i].place = placeStem(out[i].alts[0])
	}
	markModifiers(out, q.text)
	for i := range out {
		if onlyPeople(out[i]) && anyOtherThing(out, i) {
			out[i].weight *= e.w.GenericTopic // 家里老人 of 家里老人装扶手: who asks, not what
		}
		if saidOnlyAs(out[i], lightNouns) && anyOtherThing(out, i) {
			out[i].weight *= e.w.GenericTopic // 地方 of 养老的地方: a word for anything
			out[i].verb = true
		}
		if out[i].colloquial && out[i].noun && saidAfterTopic(out, i, q.text) && oneWord(seg, out[i].alts[0]) {
			out[i].colloquial = false // 票价 of 地铁票价 is the thing asked
		}
		if out[i].colloquial {
			out[i].weight *= e.w.ColloquialTopic
		}
	}
	markContext(q.text, out, &e.w)
	return out
}

// peopleWords name the people a question is about (孩子, 家里): a report
// names what is done for them instead.
var peopleWords = words.list("people.about")

// planNames are the names of five-year plans (十四五).
var planNames = words.list("plan.five")

// lightNouns stand for anything (地方, 样子): what they follow is asked.
var lightNouns = words.list("light.noun")

// onlyPeople reports whether k is said only in words for people.
func onlyPeople(k keyword) bool { return saidOnlyAs(k, peopleWords) }

// saidOnlyAs reports whether the question says k, and only in words of ws.
func saidOnlyAs(k keyword, ws []string) bool {
	for _, w := range k.said {
		if !isOneOf(w, ws) {
			return false
		}
	}
	return len(k.said) > 0
}

// anyOtherThing reports whether a topic other than i names a thing: no
// verb, no word for people.
func anyOtherThing(kws []keyword, i int) bool {
	for j, k := range kws {
		if j != i && !k.verb && !onlyPeople(k) {
			return true
		}
	}
	return false
}

// oneWord reports whether seg cuts w as one word.
func oneWord(seg *segment.Segmenter, w string) bool {
	toks := seg.Cut(w)
	return len(toks) > 0 && toks[0].Term == w
}

// anyInRegister reports whether a report of the corpus uses one of ws.
func anyInRegister(ws []string) bool {
	for _, w := range ws {
		if inRegister(w) {
			return true
		}
	}
	return false
}

// saidAfterTopic reports whether the question says topic i right after
// another topic that the report names and is no verb (票价 of 地铁票价):
// the head of what is asked.
func saidAfterTopic(kws []keyword, i int, text string) bool {
	for j, m := range kws {
		if j != i && !m.verb && m.known && saidBefore(m, kws[i], text) {
			return true
		}
	}
	return false
}

// saidBefore reports whether text (the question) says a word of m right
// before a word of k: 规上 before 工业增加值, 地铁 before 票价.
func saidBefore(m, k keyword, text string) bool {
	for _, a := range m.said {
		for _, b := range k.said {
			if strings.Contains(text, a+b) {
				return true
			}
		}
	}
	return false
}

// withoutPlace takes place out of text, and the 人 after it that makes
// its people (贵州人大概有多少 → 大概有多少, not 人大), though not the 人
// of a word (上海人口).
func withoutPlace(text, place string) string {
	var b strings.Builder
	for {
		i := strings.Index(text, place)
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:i])
		b.WriteByte(' ')
		text = text[i+len(place):]
		if rest, ok := strings.CutPrefix(text, "人"); ok {
			if next, _ := utf8.DecodeRuneInString(rest); !strings.ContainsRune(personWordChars, next) {
				text = rest
			}
		}
	}
}

// personWordChars follow 人 in words that are not "people of" (人口,
// 人才, 人民, 人均).
const personWordChars = "口才民员均数次工社居力气文事"

// standIns returns the words of the report that may stand for w, a word
// it never uses: homophones of a pinyin typo (城真 → 城镇), else the words
// a name in pinyin spells (Jiangbei → 江北), else a pair of
// characters that sounds like it (托味 → 托位), else the longer words it
// abbreviates (社零 → 社会消费品零售总额), else the word less its last
// character (粮食总产量 → 粮食总产).
func (rc *reportCache) standIns(w string) []string {
	if rc.contains(w) {
		return nil
	}
	if hs := rc.homophones(w); len(hs) > 0 {
		return hs
	}
	if ws := rc.spelled(w); len(ws) > 0 {
		return ws
	}
	if p := rc.pairHomophone(w); p != "" {
		return []string{p}
	}
	if ws := rc.abbreviated(w); len(ws) > 0 {
		return ws
	}
	if rs := []rune(w); len(rs) >= 3 && sound.AllHan(w) && rc.contains(string(rs[:len(rs)-1])) {
		return []string{string(rs[:len(rs)-1])} // 粮食总产量 the report writes 粮食总产
	}
	return nil
}

// reQuoted matches a quoted name: “保交房”, 「两新」, 《纲要》.
var reQuoted = regexp.MustCompile(`[“"「『《]([^”"」』》]{2,20})[”"」』》]`)

// quotedTopics takes the quoted names of text that the report uses as
// topics whole: 「保交房」 is one thing, not 保 and 交房.
func quotedTopics(text string, rc *reportCache) (string, []keyword) {
	var out []keyword
	text = reQuoted.ReplaceAllStringFunc(text, func(m string) string {
		name := reQuoted.FindStringSubmatch(m)[1]
		if !rc.contains(name) {
			return m
		}
		out = append(out, keyword{alts: []string{name}})
		return " "
	})
	return text, out
}

// reNumbered matches a name that a number makes (15号线, 3号机组, 2号航站楼,
// G318, 318国道): the number is part of the name.
var reNumbered = regexp.MustCompile(`\d+号(?:线|机组|航站楼)|\b[gGsS]\d{1,4}\b|\d{1,4}(?:国道|省道)`)

// roadCodes are the letters of the codes that name the highways of a
// class: 318国道 is G318, 207省道 S207.
var roadCodes = map[string]string{"国道": "g", "省道": "s"}

// numberedTopics takes the numbered names of text as topics whole: 地铁8号线
// asks of line 8, not of any 号线; a report that never names line 8 does
// not answer it.
func numberedTopics(text string) (string, []keyword) {
	var out []keyword
	text = reNumbered.ReplaceAllStringFunc(text, func(m string) string {
		alts := []string{m}
		for class, code := range roadCodes {
			if n, ok := strings.CutSuffix(m, class); ok {
				alts = append(alts, code+n) // the report's G318 (lowered as every text is)
			} else if n, ok := strings.CutPrefix(strings.ToLower(m), code); ok && n != "" && n[0] >= '0' && n[0] <= '9' {
				alts = append(alts, n+class)
			}
		}
		out = append(out, keyword{alts: alts})
		return " "
	})
	return text, out
}

// manySenses is the number of Chinese words that makes an English word
// one of many senses.
const manySenses = 10

// englishTopics turns the English words and phrases of text that the
// dictionary knows into topics: their Chinese words that the report uses
// (tourists → 游客). The phrases are taken out of text.
func englishTopics(text string, rc *reportCache) (string, []keyword) {
	// a phrase of the dictionary whose words the report does not use
	// (launch pad → 发射站) gives way to its words (launch → 发射)
	matches := english.Phrases(text, rc.containsAny)
	if len(matches) == 0 {
		return text, nil
	}
	var out []keyword
	var b strings.Builder
	last := 0
	for _, m := range matches {
		var alts []string
		shape := false // the government → 政府: a word of the question's shape
		for _, w := range m.Words {
			shape = shape || isQuestionWord(w)
			if rc.contains(w) && !isQuestionWord(w) {
				alts = append(alts, w)
			}
		}
		if shape && len(alts) == 0 {
			b.WriteString(text[last:m.Start])
			b.WriteByte(' ')
			last = m.End
			continue
		}
		if len(alts) == 0 || isQuestionWord(m.Phrase) {
			continue // left in text: a word the report never uses, or one of the question's shape
		}
		// a verb (drop → 下降) says how, as a Chinese verb does; a word of
		// many senses the report uses more than one of (field → 领域 方面)
		// says little more
		many := len(alts) >= 3 || len(alts) == 2 && len(m.Words) >= manySenses
		out = append(out, keyword{alts: alts, verb: many || english.IsVerb(m.Phrase), translated: true})
		b.WriteString(text[last:m.Start])
		b.WriteByte(' ')
		last = m.End
	}
	b.WriteString(text[last:])
	return b.String(), out
}

// reLatinRun is a run of Latin words apart by single spaces.
var reLatinRun = regexp.MustCompile(`[a-z]+(?: [a-z]+)+`)

// maxSyllablesApart is the most words a name spelled in pinyin apart takes.
const maxSyllablesApart = 4

// pinyinApart writes a Chinese name the question spells in pinyin
// syllables apart (Dian Chao, Huai He) as the one word of the report it
// spells (滇超, 淮河), when exactly one word does; words that spell none,
// or several, stay as typed, and no name holds a stop word (the, of).
func pinyinApart(text string, rc *reportCache) string {
	return reLatinRun.ReplaceAllStringFunc(text, func(run string) string {
		words := strings.Fields(run)
		for i := 0; i < len(words); i++ {
			for n := min(maxSyllablesApart, len(words)-i); n >= 2; n-- {
				part := words[i : i+n]
				if slices.ContainsFunc(part, english.IsStopWord) {
					continue
				}
				if found := spelledName(rc, part); found != "" {
					words = slices.Replace(words, i, i+n, found)
					break
				}
			}
		}
		return strings.Join(words, " ")
	})
}

// geoSyllables are the syllables an English word for a place's kind
// stands for at the end of a name in pinyin (Poyang Lake → 鄱阳湖).
var geoSyllables = words.mapOf("place_kind")

// spelledName returns the one word of the report that the words spell in
// pinyin, the last perhaps an English word for the place's kind, or "".
func spelledName(rc *reportCache, words []string) string {
	spellings := []string{strings.Join(words, "")}
	for _, syl := range geoSyllables[words[len(words)-1]] {
		spellings = append(spellings, strings.Join(words[:len(words)-1], "")+syl)
	}
	for _, sp := range spellings {
		if found := rc.spelled(sp); len(found) == 1 {
			return found[0]
		}
	}
	return ""
}

// isEnglishWord reports whether w is a word of letters only (receive,
// inbound), which says less than a code such as pm10 or a Chinese term.
func isEnglishWord(w string) bool {
	for _, r := range w {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// straddles reports whether token t is cut across the edge of a
// vocabulary word of text.
func straddles(t segment.Token, text string, groups [][]string) bool {
	for _, g := range groups {
		for _, w := range []string{g[0], g[len(g)-1]} {
			for _, start := range occurrences(text, w) {
				end := start + len(w)
				if t.Start < start && t.End > start && t.End < end || t.Start > start && t.Start < end && t.End > end {
					return true
				}
			}
		}
	}
	return false
}

// properNoun reports whether the English word w is capitalised inside the
// question raw (Hohhot), a name rather than a word.
func properNoun(raw, w string) bool {
	lower := []byte(raw) // ASCII letters lowered in place: offsets stay
	for i, c := range lower {
		if 'A' <= c && c <= 'Z' {
			lower[i] = c + 'a' - 'A'
		}
	}
	for i := 0; ; {
		j := strings.Index(string(lower[i:]), w)
		if j < 0 {
			return false
		}
		at := i + j
		if at > 0 && 'A' <= raw[at] && raw[at] <= 'Z' {
			return true
		}
		i = at + len(w)
	}
}

// isVerbLike reports whether a part-of-speech tag marks a word that says
// what happens or how (verbs, adverbs, adjectives, pronouns, time words)
// rather than what a question is about (nouns, and verbs used as nouns).
func isVerbLike(pos string) bool {
	if pos == "" || pos == "vn" || pos == "an" {
		return false
	}
	switch pos[0] {
	case 'v', 'd', 'a', 'r', 't', 'f', 'p', 'c', 'u', 'q', 'm', 'y', 'e', 'o':
		return true
	}
	return false
}

// withoutFunctionWords drops the words that name nothing (functionWord):
// 要是 of 跑外卖的要是路上受了伤 joins two clauses. They go before lone
// characters are merged, which they would otherwise start or join. The
// words that ask how (怎么, tagged as pronouns) stay: the verb after one
// says how, not what.
func withoutFunctionWords(toks []segment.Token) []segment.Token {
	return slices.DeleteFunc(toks, func(t segment.Token) bool { return functionWord(t.Term, t.Pos) && !isOneOf(t.Term, howWords) })
}

// functionWord reports whether w, tagged pos by gse's dictionary, names
// nothing: a conjunction, preposition, pronoun, auxiliary, modal
// particle, interjection or onomatopoeia. A lone character tagged as an
// auxiliary may name a thing in the question all the same (地 of 承包的地,
// 过 of 过年): its tag is the dictionary's, not the question's.
func functionWord(w, pos string) bool {
	switch {
	case pos == "":
		return false
	case pos[0] == 'u':
		return utf8.RuneCountInString(w) > 1
	}
	return strings.ContainsRune("cpyeor", rune(pos[0]))
}

// markModifiers gives each topic the topics the question says right
// after it that the report uses and that weigh more: what names the thing
// asked (工业增加值 of 规上工业增加值, not 企业 of 规上工业企业).
func markModifiers(kws []keyword, text string) {
	for i := range kws {
		for j := range kws {
			if i == j || kws[j].verb || !kws[j].known || kws[j].weight < kws[i].weight && !kws[i].ratio() {
				continue
			}
			if saidBefore(kws[i], kws[j], text) && !slices.Contains(kws[i].heads, j) {
				kws[i].heads = append(kws[i].heads, j)
			}
		}
	}
}

// modifiesOther reports whether, at byte i of text, where k was said, the
// word that follows is not one of k's heads (规上服务业 for 规上 of 规上工业
// 增加值): its first character is no head's first.
func modifiesOther(k keyword, kws []keyword, text string, i int) bool {
	if len(k.heads) == 0 || i >= len(text) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[i:])
	if !unicode.Is(unicode.Han, next) {
		return false // 管网7761公里: a figure follows, not another word
	}
	for _, h := range k.heads {
		for _, a := range kws[h].alts {
			if first, _ := utf8.DecodeRuneInString(a); first == next {
				return false
			}
		}
	}
	return true
}

// ratioWords make a figure per something: 人均, 亩均.
var ratioWords = words.list("ratio")

// ratio reports whether k is a ratio word (人均), which modifies the
// topic after it whatever their weights.
func (k keyword) ratio() bool {
	for _, w := range k.said {
		if isOneOf(w, ratioWords) {
			return true
		}
	}
	return false
}

// modifiedOtherwise reports whether, at byte i of text, topic h is said
// without the ratio word the question puts before it: 全省地区生产总值
// 5.3万亿元 is no figure of 人均地区生产总值.
func modifiedOtherwise(h int, kws []keyword, text string, i int) bool {
	for _, m := range kws {
		if !slices.Contains(m.heads, h) || !m.ratio() {
			continue
		}
		for _, a := range m.alts {
			if strings.HasSuffix(text[:i], a) {
				return false
			}
		}
		return true
	}
	return false
}

// withVerbFirst returns alts and, for each alternative that is a thing
// and then what is done to it (老旧小区改造), the same said verb first as
// the reports write it in a sentence (改造老旧小区).
func withVerbFirst(rc *reportCache, alts []string) []string {
	out := alts
	for _, a := range alts {
		if utf8.RuneCountInString(a) < 4 || !sound.AllHan(a) {
			continue // two words of two characters at least: 老旧小区改造, not gdp or 改造
		}
		if swapped := rc.verbFirst(a); swapped != "" && !slices.Contains(out, swapped) {
			out = append(slices.Clip(out), swapped)
		}
	}
	return out
}

// partsOf returns the words inside w, each worth partial credit when w
// itself is missing. A word the report never uses is kept: it weighs most,
// so that 投资 alone is not most of 固定资产投资 in a report without 固定资产.
func partsOf(seg *segment.Segmenter, w string, rc *reportCache) []string {
	parts := []string{}
	if utf8.RuneCountInString(w) <= 2 {
		return parts // no word of two characters inside but w: no cut needed
	}
	for _, sub := range seg.Words(w) {
		if sub != w && utf8.RuneCountInString(sub) >= 2 {
			parts = append(parts, sub)
		}
	}
	return parts
}

// mergeSingles joins runs of single Han characters that the dictionary did
// not know (房/价/走/势 → 房价走势), so that a topic the reports never
// use is still a topic; function characters break a run.
func mergeSingles(toks []segment.Token) []segment.Token {
	var out []segment.Token
	run := -1 // index in out of the run being extended
	for _, t := range toks {
		r, n := utf8.DecodeRuneInString(t.Term)
		single := n == len(t.Term) && unicode.Is(unicode.Han, r) && !strings.ContainsRune(functionChars, r)
		if single && run >= 0 && out[run].End == t.Start {
			out[run].Term += t.Term
			out[run].End = t.End
			continue
		}
		out = append(out, t)
		run = -1
		if single {
			run = len(out) - 1
		}
	}
	return out
}

// topLevel drops the sub-words that search-mode segmentation adds inside
// a longer word.
// suffixChars make a noun of the word before them (保障率, 交易额).
var suffixChars = words.chars("suffix")

// joinSuffixes joins a lone character to the word before it when the
// report says the two as one word: 保障率 of 三保保障率 is one topic, not
// 保障 and a 率 said anywhere.
func joinSuffixes(toks []segment.Token, rc *reportCache) []segment.Token {
	var out []segment.Token
	for _, t := range toks {
		r, n := utf8.DecodeRuneInString(t.Term)
		if i := len(out) - 1; i >= 0 && n == len(t.Term) && strings.ContainsRune(suffixChars, r) &&
			out[i].End == t.Start && utf8.RuneCountInString(out[i].Term) >= 2 && rc.contains(out[i].Term+t.Term) {
			out[i].Term += t.Term
			out[i].End = t.End
			out[i].Pos = "n"
			continue
		}
		out = append(out, t)
	}
	return out
}

func topLevel(toks []segment.Token) []segment.Token {
	var out []segment.Token
	end := -1
	for _, t := range toks {
		if t.Start < end {
			continue
		}
		out = append(out, t)
		end = t.End
	}
	return out
}

// meaningful reports whether w can be a topic: two or more letters, or one
// Latin word, not a bare number.
func meaningful(w string) bool {
	n := utf8.RuneCountInString(w)
	hasHan, hasLetter := false, false
	for _, r := range w {
		if unicode.Is(unicode.Han, r) {
			hasHan = true
		} else if unicode.IsLetter(r) {
			hasLetter = true
		}
	}
	switch {
	case hasHan:
		return n >= 2
	case hasLetter:
		return n >= 2
	}
	return false
}

// coveredBy reports whether a topic already says w of the question text:
// w is part of one of its words that the question says (农田 of 高标准
// 农田), not only of an alternative the vocabulary gives (补贴 of
// 育儿补贴, given for 生孩子 in 生孩子有没有补贴).
func coveredBy(ks []keyword, w, text string) bool {
	for _, k := range ks {
		for _, a := range k.alts {
			if strings.Contains(a, w) && (strings.Contains(text, a) || !strings.Contains(text, w)) {
				return true
			}
		}
	}
	return false
}

// sharing returns the index of the topic that has a word of g, or -1:
// first the topic of the word g stands for (its last), which a group of
// another alias may share a term with.
func sharing(ks []keyword, g []string) int {
	for i, k := range ks {
		if isOneOf(g[len(g)-1], k.alts) {
			return i // 机场 of airports, not 旅客吞吐量 of air passengers
		}
	}
	for i, k := range ks {
		for _, t := range g {
			if isOneOf(t, k.alts) {
				return i
			}
		}
	}
	return -1
}

// narrowed narrows a vocabulary topic to w when the question says w, one
// of the topic's words that holds its alias: who asks for 粮食播种面积 does
// not ask for 粮食产量, though both stand for 粮食.
func narrowed(ks []keyword, w string) bool {
	for i, k := range ks {
		alias := k.alts[len(k.alts)-1]
		// (the first word is what an English alias was replaced with: GDP →
		// 地区生产总值 does not narrow)
		if w != alias && w != k.alts[0] && strings.Contains(w, alias) && isOneOf(w, k.alts) {
			ks[i].alts = []string{w}
			return true
		}
	}
	return false
}

// heldAlias returns the alias of a vocabulary topic that w holds, or "".
func heldAlias(ks []keyword, w string) string {
	for _, k := range ks {
		if alias := k.alts[len(k.alts)-1]; alias != w && strings.Contains(w, alias) {
			return alias
		}
	}
	return ""
}

// dropNarrower removes vocabulary topics whose alias is only a part of the
// longer word w: in 粮食播种面积 the topic is not 粮食.
func dropNarrower(ks []keyword, w string) []keyword {
	out := ks[:0]
	for _, k := range ks {
		alias := k.alts[len(k.alts)-1] // expand puts the alias last
		if alias != w && strings.Contains(w, alias) {
			continue
		}
		out = append(out, k)
	}
	return out
}

// idf weighs a keyword by the rarest of its words found in the report;
// words the report never uses weigh like the rarest ones.
func (rc *reportCache) idf(alts []string) float64 {
	n := float64(rc.r.Sentences.Len())
	best := 0.0
	for _, a := range alts {
		if df := rc.df(a); df > 0 {
			best = max(best, math.Log(1+n/(1+float64(df))))
		}
	}
	if best == 0 {
		return math.Log(1 + n)
	}
	return best
}

func isOneOf(w string, list []string) bool {
	for _, l := range list {
		if l == w {
			return true
		}
	}
	return false
}

// piece reports whether text[start:end], a word of two characters or a
// longer one the report never says, is likely a piece of the asker's own
// word: the cut left a lone character beside it that makes, with its
// edge, a word of the dictionary the report never says (工地 of 工地上 cut
// as 工/地上, 一大早 of 一大早 cut as 一大/早). A long word of the report
// (城镇新增就业 of 咱省城镇新增就业) is its term whatever stands beside it.
func piece(seg *segment.Segmenter, rc *reportCache, text string, lone map[int]int, start, end int) bool {
	if n := utf8.RuneCountInString(text[start:end]); n < 2 || n > 2 && rc.contains(text[start:end]) {
		return false
	}
	w := text[start:end]
	word := func(x string) bool { return seg.IsWord(x) && !rc.contains(x) }
	for ls, le := range lone {
		c := text[ls:le]
		if le == start && word(c+w) || ls == end && word(w+c) {
			return true
		}
		for i := range w { // the topic cut after its first character or more
			if i > 0 && (le == start && word(c+w[:i]) || ls == end && word(w[i:]+c)) {
				return true
			}
		}
	}
	return false
}

// negations ask whether (能不能, 让不让, 没人管); they name nothing.
var negations = words.list("negation")

// negation reports whether w is a negation (不, 不能, 没人), not a word
// that starts with one (不足, 没收).
func negation(w string) bool { return isOneOf(w, negations) }

// tagWords end a question asking yes or no (止跌了没, 能通不).
var tagWords = words.list("question.tag")

// tagEnding returns the tag word (不, 没) w ends with, when w is more
// than the tag.
func tagEnding(w string) string {
	for _, tag := range tagWords {
		if len(w) > len(tag) && strings.HasSuffix(w, tag) && afterHan(w, tag) {
			return tag
		}
	}
	return ""
}

// afterHan reports whether tag, which text ends with, is Chinese or
// follows a Chinese character: bu, ma and mei typed in pinyin end a
// question after a Chinese word (能通车bu), not an English word (asthma).
func afterHan(text, tag string) bool {
	if !isASCII(tag) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(text, tag))
	return unicode.Is(unicode.Han, r)
}

// endsClause reports whether text ends a clause at byte i.
func endsClause(text string, i int) bool {
	rest := strings.TrimLeft(text[i:], " ")
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || strings.ContainsRune(clauseEnds, r)
}

// rareChars returns the characters of w, a word the report never uses,
// that the report says in at most rare sentences (and in one at least):
// the morphemes a report's own word may share with it (碱 of 地碱大,
// said in 盐碱地).
func (rc *reportCache) rareChars(w string, rare int) []string {
	if utf8.RuneCountInString(w) < 2 || !sound.AllHan(w) {
		return nil
	}
	var out []string
	for _, r := range w {
		c := string(r)
		if strings.ContainsRune(functionChars, r) || slices.Contains(out, c) {
			continue
		}
		if n := rc.df(c); n > 0 && n <= rare {
			out = append(out, c)
		}
	}
	return out
}

// joinLone joins two lone characters of the question that it joins by 又,
// 和 or 、 into the one word the report writes them as: 又黑又臭 asks of 黑臭
// (黑臭水体), not of 黑 and 臭 anywhere.
func joinLone(kws []keyword, text string, rc *reportCache) []keyword {
	single := func(k keyword) bool { return len(k.alts) == 1 && utf8.RuneCountInString(k.alts[0]) == 1 }
	for i := 0; i+1 < len(kws); i++ {
		a, b := kws[i], kws[i+1]
		if !single(a) || !single(b) || !rc.contains(a.alts[0]+b.alts[0]) {
			continue
		}
		at := strings.Index(text, a.alts[0])
		if at < 0 || !hasAnyPrefix(text[at+len(a.alts[0]):], joinedBy(b.alts[0])) {
			continue
		}
		kws[i] = keyword{alts: []string{a.alts[0] + b.alts[0]}, noun: true}
		kws = slices.Delete(kws, i+1, i+2)
	}
	return kws
}

// coordinators join two things of one kind (又黑又臭, 税和费).
var coordinators = words.list("coordinator")

// joinedBy returns how a second character c follows a first one it is
// coordinated with: 又c, 和c, 、c.
func joinedBy(c string) []string {
	out := make([]string, len(coordinators))
	for i, j := range coordinators {
		out[i] = j + c
	}
	return out
}

// hasAnyPrefix reports whether s starts with one of prefixes.
func hasAnyPrefix(s string, prefixes []string) bool {
	return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(s, p) })
}

// hasAnySuffix reports whether s ends with one of suffixes.
func hasAnySuffix(s string, suffixes []string) bool {
	return slices.ContainsFunc(suffixes, func(x string) bool { return strings.HasSuffix(s, x) })
}

// senses keeps, of each topic an English word gives through the
// dictionary, the Chinese words the report says in one sentence with
// another topic of the question (capacity → 才能, 容量: with 可再生能源 the
// report says neither; tax changes … studying → 学习, 研究: 研究 beside
// 所得税). A translation the report never says beside the question's
// other topics is one of the word's other senses; when none is, all
// stay. Topics of the question's own Chinese or of the vocabulary are the
// anchors; without one, nothing changes.
func senses(kws []keyword, rc *reportCache) []keyword {
	var anchors []string
	for _, k := range kws {
		if !k.translated && rc.containsAny(k.alts) {
			anchors = append(anchors, k.alts...)
		}
	}
	if len(anchors) == 0 {
		return kws
	}
	for i := range kws {
		k := &kws[i]
		if !k.translated {
			continue
		}
		var kept []string
		for _, a := range k.alts {
			if slices.ContainsFunc(anchors, func(b string) bool { return rc.cooccur(a, b) }) {
				kept = append(kept, a)
			}
		}
		if len(kept) > 0 {
			k.alts = kept
		}
	}
	return kws
}

// outsideLonger drops the words of said that the question (text, or
// gapless, text without its gap words) says only inside another of them:
// 就业 of 城镇就业 is not asked alone, so a sentence saying only 就业 says
// part of the topic.
func outsideLonger(said []string, text, gapless string) []string {
	count := func(w string) int { return max(strings.Count(text, w), strings.Count(gapless, w)) }
	var out []string
	for _, a := range said {
		n := count(a)
		if !slices.ContainsFunc(said, func(b string) bool {
			return len(b) > len(a) && strings.Contains(b, a) && n == count(b)*strings.Count(b, a)
		}) {
			out = append(out, a)
		}
	}
	return out
}
