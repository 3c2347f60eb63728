package answers

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync/atomic"
	"unicode"

	"planbot/answers/english"
	"planbot/index"
	"planbot/index/report"
	"planbot/index/segment"
)

// Options shape one question.
type Options struct {
	Top      int    // at most this many answers (default 3)
	ReportID string // ask this report only
	Explain  bool   // fill Result.Trace: how the question was understood and its candidates judged
	// ExplainTop is how many candidates the trace lists, best first
	// (default 8).
	ExplainTop int
	// Within asks within one section of the report asked: a heading that
	// Result.Closest offered and the asker picked (within.go). Every
	// sentence under it may answer, though it says too little of the
	// question. "" asks the whole report.
	Within string
}

// Engine answers questions from a library of reports.
type Engine struct {
	lib           *index.Library
	vocab         atomic.Pointer[Vocabulary] // swapped whole by SetVocabulary
	defaultRegion string
	w             Weights
	debug         io.Writer // how questions are understood and ranked; nil for nowhere
}

// newEngine returns an engine over lib. defaultRegion picks the reports asked
// when a question names no place ("" for all).
func newEngine(lib *index.Library, vocab *Vocabulary, defaultRegion string) *Engine {
	e := &Engine{lib: lib, defaultRegion: defaultRegion, w: DefaultWeights}
	e.vocab.Store(vocab)
	return e
}

// SetVocabulary makes the engine answer with v from the next question on,
// without a restart (e.g. after an admin taught it a word). A question
// being answered keeps the vocabulary it started with. It is safe to call
// while questions are asked; a nil v is ignored.
//
// The reports' dictionaries are not rebuilt: a term they do not know is
// still looked for, but cut into the words the dictionaries know until
// the next "planbot index".
func (e *Engine) SetVocabulary(v *Vocabulary) {
	if v != nil {
		e.vocab.Store(v)
	}
}

// Vocabulary returns the vocabulary the engine answers with.
func (e *Engine) Vocabulary() *Vocabulary { return e.vocab.Load() }

// Warm loads now the language data that questions otherwise load when
// they first need it (the English glossary, OpenCC's tables for
// Traditional characters: tens of milliseconds each), so that no user's
// question waits for them. A server calls it as it starts; a one-question
// run does not need to.
func (e *Engine) Warm() {
	english.Load()
	loadT2S()
	segment.LoadHMM()
}

// Ask answers one question.
func (e *Engine) Ask(ctx context.Context, raw string, opt Options) (Result, error) {
	if opt.Top <= 0 {
		opt.Top = 3
	}
	res := Result{Question: raw, Answers: []Answer{}}
	err := e.lib.View(func(snap *index.Snapshot) error {
		res = e.ask(snap, raw, opt)
		res.detach() // the report may be closed once the snapshot is let go
		if res.Answers == nil {
			res.Answers = []Answer{} // JSON: "answers": [], never null
		}
		return nil
	})
	if err != nil {
		return res, fmt.Errorf("ask %q: %w", raw, err)
	}
	return res, ctx.Err()
}

func (e *Engine) ask(snap *index.Snapshot, raw string, opt Options) Result {
	res := Result{Question: raw, Within: opt.Within}
	vocab := e.vocab.Load() // one vocabulary for the whole question
	text := normalise(raw, snap.KnownHan)
	text, groups := vocab.expandLatin(text)
	q := understand(raw, text, groups)
	if strings.TrimSpace(text) == "" {
		return res
	}
	mentions := func(en index.Entry, s string) bool {
		r, err := snap.Open(en.Meta.ID)
		return err == nil && e.cache(r).contains(s)
	}
	var ch choice
	if opt.ReportID != "" {
		en, ok := snap.Entry(opt.ReportID)
		if !ok {
			res.Note = "没有这个报告: " + opt.ReportID
			return res
		}
		ch = choose(newRouter([]index.Entry{en}), &q, "", mentions)
	} else {
		ch = choose(routerOf(snap), &q, e.defaultRegion, mentions)
	}
	if len(ch.reports) == 0 {
		res.Note = ch.reason
		return res
	}
	resolveYears(&q, ch.reports)
	var loaded []*index.Loaded
	for _, en := range ch.reports {
		r, err := snap.Open(en.Meta.ID)
		if err != nil {
			res.Note = "报告暂时无法打开"
			return res
		}
		loaded = append(loaded, r)
	}
	if q.across && len(loaded) > 1 {
		for _, r := range loaded {
			if best, _, _ := e.answerFrom(r, vocab, q, 1, "", nil); len(best) > 0 {
				res.Answers = append(res.Answers, best[0])
			}
		}
		return res
	}
	r := loaded[len(loaded)-1]
	var ranked []candidate
	var kws []keyword
	var trace *Trace
	if opt.Explain {
		trace = &Trace{Report: r.Meta.ID, top: opt.ExplainTop}
		res.Trace = trace
	}
	res.Report = r.Meta.ID
	res.Answers, ranked, kws = e.answerFrom(r, vocab, q, opt.Top, opt.Within, trace)
	if len(res.Answers) == 0 && opt.Within == "" {
		res.Closest = e.closest(r, kws, ranked)
	}
	return res
}

// answerFrom answers q from one report: it reads the question's topics
// with the report's words, finds the candidates, measures and scores each,
// passes them through the gates, and composes the best that pass. It also
// returns the ranked candidates and the question's topics, from which
// the closest headings of an unanswered question are taken. vocab is the
// vocabulary of the question; within, when set, the heading of the
// section asked (Options.Within).
func (e *Engine) answerFrom(r *index.Loaded, vocab *Vocabulary, q question, top int, within string, trace *Trace) ([]Answer, []candidate, []keyword) {
	rc := e.cache(r)
	q.groups = append(q.groups[:len(q.groups):len(q.groups)], vocab.expandChinese(q.text, r.Seg, q.groups)...)
	if fixed := rc.fixTypos(q.text, q.groups); fixed != q.text {
		var more [][]string
		q.text, more = vocab.expandLatin(fixed) // the corrected words may be aliases
		more = append(more, vocab.expandChinese(q.text, r.Seg, more)...)
		q.groups = append(q.groups, more...)
	}
	q.share = asksShare(q)
	q.each = asksEach(q.text)
	kws := e.keywords(q, rc)
	if trace != nil || e.debug != nil {
		trace = orNew(trace)
		trace.Understood = q.describe()
		for _, k := range kws {
			t := fmt.Sprintf("%s (%.2f", strings.Join(k.alts, "|"), k.weight)
			for i, part := range k.parts {
				t += fmt.Sprintf("; %s %.2f", part, k.partWeights[i])
			}
			trace.Topics = append(trace.Topics, t+")")
		}
	}
	if len(kws) == 0 || unknownCode(kws) {
		return nil, nil, kws
	}
	hits := candidates(r, rc, q, kws)
	if within != "" {
		hits = rc.under(within, hits)
	}
	if len(hits) == 0 {
		return nil, nil, kws
	}
	ranked := e.rank(q, kws, rc, hits, within != "")
	j := &judge{q: q, kws: kws, rc: rc, w: &e.w}
	if trace != nil {
		n := trace.top
		if n <= 0 {
			n = 8
		}
		for _, c := range ranked[:min(n, len(ranked))] {
			t := TraceItem{Text: c.s.Text, Section: strings.Join(c.s.Section, " › "), Score: round3(c.score), Features: e.w.explain(c.f)}
			if c.rejected != nil {
				t.Rejected = c.rejected.name + ": " + c.rejected.why
			}
			switch {
			case c.sayer:
				t.Passed = onlySayerWhy
			case c.standout:
				t.Passed = standoutWhy
			}
			trace.Candidates = append(trace.Candidates, t)
		}
	}
	if e.debug != nil && trace != nil {
		fmt.Fprint(e.debug, trace)
	}
	var out []Answer
	given := map[int]bool{} // the sentences answered, siblings joined included
	for _, c := range ranked {
		if c.rejected != nil || given[c.s.ID] {
			continue
		}
		if len(out) == top {
			break
		}
		a := compose(r, c, q, answerFigures(j, &c))
		given[c.s.ID] = true
		if o, figs, before, ok := sibling(j, &c); ok && !given[o.ID] {
			a = withSibling(a, o, figs, before)
			given[o.ID] = true
		}
		out = append(out, a)
	}
	switch {
	case len(out) == 0 && within == "":
		markOpen(j, ranked) // for the headings offered (closest)
	case len(out) == 0:
		out = noted(r, j, ranked, top)
	}
	return out, ranked, kws
}

// rank measures, scores and judges the candidates, best first; within
// when the asker chose their section (within.go: inSection).
func (e *Engine) rank(q question, kws []keyword, rc *reportCache, hits []index.Hit, within bool) []candidate {
	maxRel := 0.0
	for _, h := range hits {
		maxRel = max(maxRel, h.Score)
	}
	j := &judge{q: q, kws: kws, rc: rc, w: &e.w}
	out := make([]candidate, 0, len(hits))
	anyAmount := false
	nfigs := 0
	for _, h := range hits {
		nfigs += rc.r.Sentences.NumFigures(h.Sentence)
	}
	// the sentences hit, decoded (the report keeps them as records), their
	// figures in one slice
	sents, figs := make([]report.Sentence, len(hits)), make([]report.Figure, 0, nfigs)
	for k, h := range hits {
		// judged in place: a candidate of its own, given to the gates'
		// functions, would be moved to the heap (one allocation a hit)
		s := &sents[k]
		*s, figs = rc.r.Sentences.AppendAt(figs, h.Sentence)
		out = append(out, candidate{s: s, f: featuresOf(q, kws, rc, s, h, maxRel, &e.w)})
		c := &out[len(out)-1]
		c.score = e.w.score(c.f)
		for i := range gates {
			if gates[i].rejects(j, c) {
				c.rejected = &gates[i]
				break
			}
		}
		if within && inSection(j, c) && laterGate(j, c) == nil {
			c.rejected = nil
		}
		anyAmount = anyAmount || c.rejected == nil && hasAmount(c.s)
	}
	if asksAmount(q) && anyAmount {
		for i := range out { // "总量是多少" is answered by an amount where there is one
			if out[i].rejected == nil && !hasAmount(out[i].s) {
				out[i].rejected = &amountGate
			}
		}
	}
	bestFirst(out)
	standout(j, out)
	return out
}

// bestFirst sorts candidates by score, best first, and of equal scores
// the earlier sentence first, so that an answer does not depend on the
// order of the search's tied hits, which varies with how the index was
// built (the same ①一般公共预算收入… row of two districts).
func bestFirst(cs []candidate) {
	slices.SortFunc(cs, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.s.ID, b.s.ID))
	})
}

// unknownCode reports whether a topic is a code the report never uses
// (pm10, 6g): nothing else can stand for it.
func unknownCode(kws []keyword) bool {
	for _, k := range kws {
		if !k.known && isCode(k.alts[0]) {
			return true
		}
	}
	return false
}

// isCode reports whether w mixes Latin letters and digits.
func isCode(w string) bool {
	return strings.ContainsAny(w, "0123456789") && strings.ContainsFunc(w, func(r rune) bool { return r < unicode.MaxASCII && unicode.IsLetter(r) })
}

// cacheKey names the engine's data derived from a report.
type cacheKey struct{}

// cache returns the data derived from a report, made once while it is
// open.
func (e *Engine) cache(r *index.Loaded) *reportCache {
	return r.Derived(cacheKey{}, func() any { return newReportCache(r) }).(*reportCache)
}

func orNew(t *Trace) *Trace {
	if t == nil {
		return &Trace{}
	}
	return t
}
