package answers

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"planbot/index"
	"planbot/index/report"
	"planbot/index/sound"
)

// reportCache holds what the engine derives from a report once: where
// its sentences are in its text, the few sentences that lowering changes,
// lowered, and memos of the words a question looked for.
//
// A word is looked for in the report's own text, in place (index.Loaded's
// Text, of which its sentences are slices): spans says where each
// sentence is in it, so that one pass over the text finds the sentences
// that say a word, as a pass over the report joined and lowered would,
// without that copy of the report (as large as its text) made at every
// opening. Sentences that lowering changes (GDP, PM2.5) or that are not
// slices of the text are looked for apart, lowered (others); every other
// sentence is its own text lowered (lowered).
type reportCache struct {
	r         *index.Loaded
	spans     []span   // the sentences that are the same lowered, by where they are in r.Text
	others    []int    // the other sentences, in order
	otherText []string // their texts lowered
	extra     []string // lowered headings and title, which contains looks in too

	memoMu   sync.Mutex
	dfs      map[string]said    // the sentences that contain a word
	uses     map[string]bool    // whether the report uses a word anywhere
	sections map[pathKey]string // lowered section paths, as asked for
	verbs    map[string]string  // a term said verb first (verbFirst), "" for none
}

// span is where a sentence is in its report's text.
type span struct {
	start, end, sentence int32
}

// maxMemo is how many words a report's memos hold; past it they start
// again, so that a long-running bot's memory does not grow with the
// questions it is asked: at most about 0.6 MB a report (2,048 words, each
// with at most maxSaid sentences), far less as questions go (a few words
// of few sentences each).
const maxMemo = 2048

func newReportCache(r *index.Loaded) *reportCache {
	rc := &reportCache{r: r, dfs: map[string]said{}, uses: map[string]bool{}, sections: map[pathKey]string{}, verbs: map[string]string{}}
	n := r.Sentences.Len()
	rc.spans = make([]span, 0, n)
	sorted := true
	for i := range n {
		s := r.Sentences.Text(i)
		t := lower(s)
		at, ok := r.TextAt(s)
		if t != s || !ok || at > math.MaxInt32-len(t) {
			rc.others, rc.otherText = append(rc.others, i), append(rc.otherText, t)
			continue
		}
		sp := span{int32(at), int32(at + len(t)), int32(i)}
		sorted = sorted && (len(rc.spans) == 0 || rc.spans[len(rc.spans)-1].end <= sp.start)
		rc.spans = append(rc.spans, sp)
	}
	if !sorted {
		slices.SortFunc(rc.spans, func(a, b span) int { return int(a.start - b.start) })
	}
	rc.extra = make([]string, 0, len(r.Headings)+1)
	for _, h := range r.Headings {
		rc.extra = append(rc.extra, lower(h))
	}
	rc.extra = append(rc.extra, lower(r.Meta.Title))
	return rc
}

// lowered returns the text of sentence i lowered: the sentence's own
// text but for the few that lowering changes.
func (rc *reportCache) lowered(i int) string {
	if k, ok := slices.BinarySearch(rc.others, i); ok {
		return rc.otherText[k]
	}
	return rc.r.Sentences.Text(i)
}

// lead returns the lowered topic sentence that opens the passage sentence
// i is in ("" for none): the first sentence of its paragraph, when it
// reads as a title (isTopicSentence) and i is not that sentence.
func (rc *reportCache) lead(i int) string {
	ss := &rc.r.Sentences
	para := ss.Para(i)
	if para < 0 {
		return ""
	}
	first := i
	for first > 0 && ss.Para(first-1) == para {
		first--
	}
	if first == i || !isTopicSentence(ss, first) {
		return ""
	}
	return rc.lowered(first)
}

// prev returns the lowered sentence before i in the same paragraph, or "".
func (rc *reportCache) prev(i int) string {
	ss := &rc.r.Sentences
	if i > 0 && ss.Para(i) >= 0 && ss.Para(i-1) == ss.Para(i) {
		return rc.lowered(i - 1)
	}
	return ""
}

// section returns the lowered section path of sentence i, joined once
// for the sentences that share it (a stored report's sentences share
// their paths), when a question first asks for it: a question weighs a
// few dozen sentences, and a report opened for one question need not
// join them all.
func (rc *reportCache) section(i int) string {
	p := rc.r.Sentences.Section(i)
	if len(p) == 0 {
		return ""
	}
	k := pathKey{&p[0], len(p)}
	rc.memoMu.Lock()
	t, ok := rc.sections[k]
	rc.memoMu.Unlock()
	if !ok {
		t = lower(strings.Join(p, " "))
		rc.memoMu.Lock()
		rc.sections[k] = t
		rc.memoMu.Unlock()
	}
	return t
}

// pathKey knows a section path shared by sentences: its first element's
// place and its length.
type pathKey struct {
	first *string
	n     int
}

// leads reports whether sentence i is a topic sentence followed by the
// sentences it heads.
func (rc *reportCache) leads(i int) bool {
	ss := &rc.r.Sentences
	return isTopicSentence(ss, i) && i+1 < ss.Len() && ss.Para(i+1) == ss.Para(i)
}

// withFollowers adds to hits the sentences that a topic sentence among
// them heads (积极稳妥推进碳达峰。建立碳排放总量和强度双控制度…), which may
// not repeat its words.
func (rc *reportCache) withFollowers(hits []index.Hit) []index.Hit {
	seen := sentencesOf(hits)
	ss := &rc.r.Sentences
	for _, h := range hits {
		if !rc.leads(h.Sentence) {
			continue
		}
		for i := h.Sentence + 1; i < ss.Len() && ss.Para(i) == ss.Para(h.Sentence); i++ {
			if !seen[i] {
				seen[i] = true
				hits = append(hits, index.Hit{Sentence: i, Score: h.Score})
			}
		}
	}
	return hits
}

// withUnit adds to hits the sentences with a figure in the unit asked for
// (多少头 → 生猪出栏6248万头), which a search for the question's words may
// miss when the report joins them into longer words; only for a rare unit,
// not for 个 or %.
func (rc *reportCache) withUnit(hits []index.Hit, units []string) []index.Hit {
	if len(units) == 0 || len(units) > 4 || units[0] == "%" {
		return hits
	}
	seen := sentencesOf(hits)
	var more []index.Hit
	var figs []report.Figure // of one sentence at a time
	ss := &rc.r.Sentences
	for i := range ss.Len() {
		if seen[i] || ss.NumFigures(i) == 0 {
			continue
		}
		figs = ss.AppendFigures(figs[:0], i)
		if hasUnit(ss.Text(i), figs, units) {
			more = append(more, index.Hit{Sentence: i})
		}
	}
	if len(more) > rareUnit {
		return hits // a common unit says little
	}
	return append(hits, more...)
}

// sentencesOf returns the set of the sentences hit.
func sentencesOf(hits []index.Hit) map[int]bool {
	seen := make(map[int]bool, len(hits))
	for _, h := range hits {
		seen[h.Sentence] = true
	}
	return seen
}

// rareUnit is how many more sentences a unit may bring.
const rareUnit = 20

// isTopicSentence reports whether sentence i reads as the title of the
// sentences after it: short, no figure, opening a paragraph
// (深化“放管服”改革。积极稳妥推进碳达峰碳中和。).
func isTopicSentence(ss *index.Sentences, i int) bool {
	para, text := ss.Para(i), ss.Text(i)
	first := i == 0 || ss.Para(i-1) != para
	return para >= 0 && first && ss.NumFigures(i) == 0 && utf8.RuneCountInString(text) <= 16 && strings.HasSuffix(text, "。")
}

// contains reports whether the report uses w anywhere: a sentence, a
// heading or its title.
func (rc *reportCache) contains(w string) bool {
	return memoized(&rc.memoMu, rc.uses, w, func() bool { return rc.said(w) })
}

// memoized returns m[key], found by find the first time and kept: a memo
// of a report's cache, guarded by mu, that starts again past maxMemo keys
// so that a long-running bot's memory does not grow with its questions.
func memoized[V any](mu *sync.Mutex, m map[string]V, key string, find func() V) V {
	mu.Lock()
	v, known := m[key]
	mu.Unlock()
	if known {
		return v
	}
	v = find()
	mu.Lock()
	if len(m) >= maxMemo {
		clear(m)
	}
	m[key] = v
	mu.Unlock()
	return v
}

// verbFirst returns term, a thing and then what is done to it (老旧小区改造),
// said verb first as the reports write it in a sentence (改造老旧小区), or
// "" when term is not so made; cut once for each term.
func (rc *reportCache) verbFirst(term string) string {
	return memoized(&rc.memoMu, rc.verbs, term, func() string {
		toks := topLevel(rc.r.Seg.Cut(term))
		if len(toks) == 2 && strings.HasPrefix(toks[1].Pos, "v") && utf8.RuneCountInString(toks[0].Term) >= 2 && utf8.RuneCountInString(toks[1].Term) >= 2 {
			return toks[1].Term + toks[0].Term
		}
		return ""
	})
}

// said reports whether the report's sentences, headings and title
// joined, each ended by '\n' (the title not), say w.
func (rc *reportCache) said(w string) bool {
	if strings.Contains(w, "\n") {
		return indexOf(rc.joined(), w) >= 0 // it may stand across two
	}
	if len(rc.scanUpTo(w, 1)) > 0 {
		return true
	}
	for _, t := range rc.extra {
		if indexOf(t, w) >= 0 {
			return true
		}
	}
	return false
}

// joined returns the lowered sentences, headings and title of the report
// joined, each but the last ended by '\n', made for the rare word that
// holds a '\n'.
func (rc *reportCache) joined() string {
	var b strings.Builder
	for i := range rc.r.Sentences.Len() {
		b.WriteString(rc.lowered(i))
		b.WriteByte('\n')
	}
	for i, t := range rc.extra {
		b.WriteString(t)
		if i < len(rc.extra)-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// containsAny reports whether the report uses any of ws.
func (rc *reportCache) containsAny(ws []string) bool {
	for _, w := range ws {
		if rc.contains(w) {
			return true
		}
	}
	return false
}

// said is where a report says a word: how many sentences, and which,
// when they are few.
type said struct {
	n         int
	sentences []int // nil when more than maxSaid
}

// maxSaid is how many sentences a word's memo lists at most.
const maxSaid = 64

// sentencesWith returns, in order, the sentences that contain w; a word
// said by more than maxSaid sentences gives nil and their count.
func (rc *reportCache) sentencesWith(w string) ([]int, int) {
	m := memoized(&rc.memoMu, rc.dfs, w, func() said {
		ids := rc.scan(w)
		if len(ids) > maxSaid {
			return said{n: len(ids)}
		}
		return said{n: len(ids), sentences: ids}
	})
	return m.sentences, m.n
}

// scan returns, in order, the sentences that contain w: one pass over
// the report's text (spans) rather than one over each sentence, and one
// over each of the others.
func (rc *reportCache) scan(w string) []int {
	if w == "" || strings.Contains(w, "\n") {
		return nil
	}
	return rc.scanUpTo(w, rc.r.Sentences.Len())
}

// scanUpTo returns, in order, at most max of the sentences that contain
// w, a word of no '\n'.
func (rc *reportCache) scanUpTo(w string, max int) []int {
	var out []int
	for k, i := range rc.others {
		if indexOf(rc.otherText[k], w) >= 0 {
			out = append(out, i)
			if len(out) >= max {
				return out
			}
		}
	}
	if w == "" && len(rc.spans) > 0 {
		return append(out, int(rc.spans[0].sentence))
	}
	text, spans := rc.r.Text, rc.spans
	for k := 0; k < len(spans) && len(out) < max; {
		from, end := int(spans[k].start), int(spans[len(spans)-1].end)
		j := indexOf(text[from:end], w)
		if j < 0 {
			break
		}
		at := from + j
		k += sort.Search(len(spans)-k, func(i int) bool { return int(spans[k+i].end) > at }) // the span that holds at, or the next
		if k < len(spans) && int(spans[k].start) <= at && at+len(w) <= int(spans[k].end) {
			out = append(out, int(spans[k].sentence))
		}
		if k < len(spans) && int(spans[k].start) > at {
			continue // at was between two sentences: look again from the next
		}
		k++
	}
	if !slices.IsSorted(out) { // others first, or sentences not in the text's order
		slices.Sort(out)
	}
	return out
}

// df counts the sentences that contain w.
func (rc *reportCache) df(w string) int {
	_, n := rc.sentencesWith(w)
	return n
}

// homophones returns words of the report that sound like w and share a
// character with it: the typos of a pinyin input method (城真 → 城镇).
func (rc *reportCache) homophones(w string) []string {
	if utf8.RuneCountInString(w) < 2 || utf8.RuneCountInString(w) > 4 {
		return nil
	}
	key := sound.Key(w)
	if key == "" {
		return nil
	}
	var out []string
	for _, c := range rc.r.Words.SoundsLike(sound.HashKey(key)) {
		if c != w && shareRune(c, w) && sound.Key(c) == key {
			out = append(out, c)
		}
	}
	return out
}

// spelled returns the words of the report that w, a word in Latin
// letters, spells in pinyin: English questions write Chinese names so
// (Jiangbei → 江北, Hongqiao → 虹桥).
func (rc *reportCache) spelled(w string) []string {
	var out []string
	for _, key := range sound.Spelled(w) {
		for _, c := range rc.r.Words.SoundsLike(sound.HashKey(key)) {
			if sound.Key(c) == key && !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// pairHomophone returns the one pair of characters of the report that
// sounds like the two-character word w and shares one of them (托味 →
// 托位 of 普惠托位, a word the segmenter keeps apart), or "".
func (rc *reportCache) pairHomophone(w string) string {
	ws := []rune(w)
	if len(ws) != 2 {
		return ""
	}
	a, b := ws[0], ws[1]
	ka, kb := sound.RuneKey(a), sound.RuneKey(b)
	if ka == "" || kb == "" {
		return ""
	}
	words := rc.r.Words
	found := map[[2]rune]bool{}
	for _, c := range []rune{a, b} { // the first character shared
		if sound.RuneKey(c) != ka {
			continue
		}
		for _, x := range words.After(c) {
			if sound.RuneKey(x) == kb {
				found[[2]rune{c, x}] = true
			}
		}
	}
	for _, c := range []rune{a, b} { // the second character shared
		if sound.RuneKey(c) != kb {
			continue
		}
		for _, x := range words.Before(c) {
			if sound.RuneKey(x) == ka {
				found[[2]rune{x, c}] = true
			}
		}
	}
	delete(found, [2]rune{a, b})
	if len(found) != 1 {
		return ""
	}
	for p := range found {
		return string(p[:])
	}
	return ""
}

func shareRune(a, b string) bool {
	for _, r := range a {
		if strings.ContainsRune(b, r) {
			return true
		}
	}
	return false
}

// fixTypos replaces two-character windows of q that sound like a word of
// the report and share a character with it (城真居民 → 城镇居民, 粮食产亮 →
// 粮食产量). Only characters that the segmenter left alone (in no word of
// two or more characters) nor in an alias of the vocabulary that q says
// (the last word of each of groups: 不能自理 is no typo of 不能治理), so
// correct text is never changed; nor the 干不干 of a question that asks yes or
// no.
func (rc *reportCache) fixTypos(q string, groups [][]string) string {
	runes := []rune(q)
	known := make([]bool, len(runes))
	pos := 0 // rune index of the byte offset being walked
	byteToRune := make(map[int]int, len(runes)+1)
	for i := range q {
		byteToRune[i] = pos
		pos++
	}
	byteToRune[len(q)] = pos
	for _, t := range topLevel(rc.r.Seg.Cut(q)) {
		if utf8.RuneCountInString(t.Term) >= 2 {
			for k := byteToRune[t.Start]; k < byteToRune[t.End]; k++ {
				known[k] = true
			}
		}
	}
	for _, m := range reUnitAsked.FindAllStringIndex(q, -1) { // 多少人 is no typo of 人形
		for k := byteToRune[m[0]]; k < byteToRune[m[1]]; k++ {
			known[k] = true
		}
	}
	for _, g := range groups {
		alias := g[len(g)-1]
		for _, i := range occurrences(q, alias) {
			for k := byteToRune[i]; k < byteToRune[i+len(alias)]; k++ {
				known[k] = true
			}
		}
	}
	skip := make([]bool, len(runes)) // windows that start there are no typos
	for i := 0; i+3 <= len(runes); i++ {
		if runes[i] == runes[i+2] && (runes[i+1] == '不' || runes[i+1] == '没') {
			skip[i], skip[i+1] = true, true // 干不干净 asks yes or no: 干不 is no typo of 干部, nor 不干 of another word
		}
	}
	for i := 0; i+2 <= len(runes); i++ {
		w := string(runes[i : i+2])
		if skip[i] || known[i] || known[i+1] || !sound.AllHan(w) || strings.ContainsAny(w, functionChars) || strings.ContainsRune(aBit, runes[i+1]) {
			continue
		}
		if hs := rc.homophones(w); len(hs) == 1 {
			copy(runes[i:i+2], []rune(hs[0]))
			i++
		}
	}
	return string(runes)
}

// aBit are the characters that, after a verb, say "a bit" (涨点, 多些,
// 看下). A window of two characters that ends in one is left alone,
// whatever the first: 涨点 is no typo of 站点 nor 种点 of 重点, and a typo
// there (事点 for 试点) is the rarer case (measured: two answers right
// more on the tuning sets, none lost on any set).
const aBit = "点些下"

func isQuestionWord(w string) bool { return isOneOf(w, questionWords) }

// abbreviated returns the words of the report that w abbreviates the way
// Chinese abbreviations are made, each character heading one of the
// word's parts in order (社零 → 社会消费品零售总额, 固投 → 固定资产投资,
// 自贸区 → 自由贸易试验区); at most three, shortest first.
func (rc *reportCache) abbreviated(w string) []string {
	ws := []rune(w)
	if len(ws) < 2 || len(ws) > 4 || !sound.AllHan(w) {
		return nil
	}
	var out []string
	for _, t := range rc.r.Words.LongFrom(ws[0]) {
		n := utf8.RuneCountInString(t.Word)
		if n <= 12 && n >= 2*len(ws) && sound.AllHan(t.Word) && abbreviates(ws, t) { // 民企 ← 民营企业, not 天气 ← 天然气
			out = append(out, t.Word)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) < len(out[j]) })
	return out[:min(len(out), 3)]
}

// abbreviates reports whether the characters ws head parts of word tw in
// order (its heads: where the words of its cut start); the last of three
// or more may also end it (区 of 自由贸易试验区).
func abbreviates(ws []rune, tw index.TopWord) bool {
	t := tw.Word
	heads := map[int]bool{0: true}
	for _, h := range tw.Heads {
		heads[h] = true
	}
	at := 0 // byte offset in t from which the next character is looked for
	for k, r := range ws {
		found := false
		for i, c := range t[at:] {
			if c != r {
				continue
			}
			p := at + i
			last := k == len(ws)-1 && k >= 2 && p+utf8.RuneLen(c) == len(t)
			if heads[p] || last {
				at, found = p+utf8.RuneLen(c), true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// cooccur reports whether one sentence of the report says both a and b.
// Two words each said by more than maxSaid sentences are taken to be said
// together somewhere without looking.
func (rc *reportCache) cooccur(a, b string) bool {
	sa, na := rc.sentencesWith(a)
	sb, nb := rc.sentencesWith(b)
	switch {
	case na == 0 || nb == 0:
		return false
	case sa == nil && sb == nil:
		return true // both said everywhere
	case sa == nil:
		sa, sb, a, b = sb, sa, b, a
	}
	if sb == nil { // b said everywhere: look for it in a's few sentences
		for _, i := range sa {
			if strings.Contains(rc.lowered(i), b) {
				return true
			}
		}
		return false
	}
	for i, j := 0, 0; i < len(sa) && j < len(sb); {
		switch {
		case sa[i] == sb[j]:
			return true
		case sa[i] < sb[j]:
			i++
		default:
			j++
		}
	}
	return false
}
