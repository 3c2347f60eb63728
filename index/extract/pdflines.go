package extract

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pdfLine is one line of text on a page: glyphs that share a baseline,
// in reading order, cut into segments where a gap wider than a table
// column's leaves them apart.
type pdfLine struct {
	page           int
	x0, y0, x1, y1 float64 // box of the line (y grows upwards)
	size           float64 // the line's font size: its median glyph height
	segs           []pdfSeg
	glyphs         int
}

// pdfSeg is a run of a line's glyphs without a column gap.
type pdfSeg struct {
	x0, x1 float64
	text   string
}

// text is the line's text, its segments joined.
func (l *pdfLine) text() string {
	if len(l.segs) == 1 {
		return l.segs[0].text
	}
	var b strings.Builder
	for _, s := range l.segs {
		b.WriteString(s.text)
	}
	return b.String()
}

// height is the height of the line's box.
func (l *pdfLine) height() float64 { return l.y1 - l.y0 }

// dedupeGlyphs drops the second copy of a glyph drawn twice at almost the
// same place: bold made by double striking, or a text drawn again as its
// own shadow.
func dedupeGlyphs(gs []glyph) []glyph {
	seen := make(map[rune][]int, len(gs))
	out := gs[:0:0]
	for _, g := range gs {
		dup := false
		w, h := g.x1-g.x0, g.y1-g.y0
		for _, i := range seen[g.r] {
			o := out[i]
			if math.Abs(o.x0-g.x0) < 0.35*w+0.5 && math.Abs(o.y0-g.y0) < 0.35*h+0.5 {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		seen[g.r] = append(seen[g.r], len(out))
		out = append(out, g)
	}
	return out
}

// pageLines groups the glyphs of a page into lines, top to bottom.
func pageLines(page int, gs []glyph) []pdfLine {
	gs = dedupeGlyphs(gs)
	sort.SliceStable(gs, func(i, j int) bool {
		ci, cj := gs[i].y0+gs[i].y1, gs[j].y0+gs[j].y1
		if ci != cj {
			return ci > cj
		}
		return gs[i].x0 < gs[j].x0
	})
	type acc struct {
		y0, y1 float64
		gs     []glyph
	}
	var lines []*acc
	for _, g := range gs {
		h := g.y1 - g.y0
		var into *acc
		// Only the last few lines can still overlap a glyph lower down.
		for k := len(lines) - 1; k >= 0 && k >= len(lines)-4; k-- {
			l := lines[k]
			ov := math.Min(l.y1, g.y1) - math.Max(l.y0, g.y0)
			if ov > 0.5*math.Min(h, l.y1-l.y0) {
				into = l
				break
			}
		}
		if into == nil {
			into = &acc{y0: g.y0, y1: g.y1}
			lines = append(lines, into)
		}
		into.gs = append(into.gs, g)
	}
	out := make([]pdfLine, 0, len(lines))
	for _, a := range lines {
		out = append(out, makeLine(page, a.gs))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].y1+out[i].y0 > out[j].y1+out[j].y0 })
	return out
}

// makeLine builds a line from its glyphs.
func makeLine(page int, gs []glyph) pdfLine {
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].x0 < gs[j].x0 })
	hs := make([]float64, len(gs))
	l := pdfLine{page: page, x0: gs[0].x0, x1: gs[0].x1, y0: gs[0].y0, y1: gs[0].y1, glyphs: len(gs)}
	for i, g := range gs {
		hs[i] = g.y1 - g.y0
		l.x0, l.x1 = math.Min(l.x0, g.x0), math.Max(l.x1, g.x1)
		l.y0, l.y1 = math.Min(l.y0, g.y0), math.Max(l.y1, g.y1)
	}
	sort.Float64s(hs)
	l.size = hs[len(hs)/2]
	em := l.size
	// A column gap is much wider than the line's usual gap between
	// glyphs: letter-spaced text (a justified line, a spaced-out title)
	// has wide gaps everywhere.
	gaps := make([]float64, 0, len(gs))
	for i := 1; i < len(gs); i++ {
		gaps = append(gaps, gs[i].x0-gs[i-1].x1)
	}
	colGap := 4 * em // too few gaps to tell letter spacing from columns
	if len(gaps) >= 3 {
		sort.Float64s(gaps)
		colGap = math.Max(0.9*em, gaps[len(gaps)/2]+0.8*em)
	}
	var seg strings.Builder
	segX0 := gs[0].x0
	prev := gs[0]
	seg.WriteRune(prev.r)
	var segs []pdfSeg
	for _, g := range gs[1:] {
		gap := g.x0 - prev.x1
		if gap > colGap {
			segs = append(segs, pdfSeg{x0: segX0, x1: prev.x1, text: seg.String()})
			seg.Reset()
			segX0 = g.x0
		} else if isWordRune(prev.r) && isWordRune(g.r) && (gap > 0.5*em || gap > 0.2*em && !(unicode.IsDigit(prev.r) && unicode.IsDigit(g.r))) {
			seg.WriteByte(' ')
		}
		seg.WriteRune(g.r)
		prev = g
	}
	segs = append(segs, pdfSeg{x0: segX0, x1: prev.x1, text: seg.String()})
	if len(segs) > 1 {
		segs = splitNumberCells(gs, segs, em)
	}
	if len(segs) >= 3 && allSingle(segs) {
		// 保　　定　　市: a letter-spaced title, not a row of cells.
		var b strings.Builder
		for _, s := range segs {
			b.WriteString(s.text)
		}
		segs = []pdfSeg{{x0: l.x0, x1: l.x1, text: b.String()}}
	}
	l.segs = segs
	return l
}

// isWordRune reports whether r is a Latin letter or digit, between two of
// which a gap is a space between words.
func isWordRune(r rune) bool {
	return r < 0x3000 && (unicode.IsLetter(r) || unicode.IsDigit(r)) && !unicode.Is(unicode.Han, r)
}

// allSingle reports whether every segment is one character.
func allSingle(segs []pdfSeg) bool {
	for _, s := range segs {
		if utf8.RuneCountInString(s.text) != 1 {
			return false
		}
	}
	return true
}

// splitNumberCells cuts the segments of a table row once more where a
// number is followed by a Chinese character after a gap (3270591 一、…: a
// number column right against a text column), and joins two adjacent
// single Chinese characters a column gap apart (合　　计: a letter-spaced
// cell).
func splitNumberCells(gs []glyph, segs []pdfSeg, em float64) []pdfSeg {
	var out []pdfSeg
	for _, s := range segs {
		var cut []pdfSeg
		var b strings.Builder
		x0 := s.x0
		var prev *glyph
		for i := range gs {
			g := &gs[i]
			if g.x0 < s.x0-0.01 || g.x1 > s.x1+0.01 {
				continue
			}
			if prev != nil && unicode.IsDigit(prev.r) && unicode.Is(unicode.Han, g.r) && g.x0-prev.x1 > 0.4*em {
				cut = append(cut, pdfSeg{x0: x0, x1: prev.x1, text: b.String()})
				b.Reset()
				x0 = g.x0
			}
			b.WriteRune(g.r)
			prev = g
		}
		if len(cut) == 0 {
			out = append(out, s) // keeps the spaces between words
			continue
		}
		cut = append(cut, pdfSeg{x0: x0, x1: s.x1, text: b.String()})
		out = append(out, cut...)
	}
	merged := out[:1]
	for _, s := range out[1:] {
		last := &merged[len(merged)-1]
		if isSingleHan(last.text) && isSingleHan(s.text) && s.x0-last.x1 < 4*em {
			last.text += s.text
			last.x1 = s.x1
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// isSingleHan reports whether s is one Chinese character.
func isSingleHan(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && unicode.Is(unicode.Han, r)
}
