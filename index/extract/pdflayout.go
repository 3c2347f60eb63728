package extract

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pdfLayout rebuilds the text of a report from the glyphs of its pages,
// one paragraph a line, as its author wrote it:
//
//   - lines are read top to bottom, a line's glyphs left to right; a
//     glyph drawn twice (bold by double striking) counts once;
//   - page furniture goes: page numbers (— 3 —, 第3页, 3/20), lines
//     repeated at the top or bottom of pages, and the meeting-document
//     header above the title of the first page (XX人大X次会议文件（4）);
//   - footnotes (lines smaller than the body at the foot of a page,
//     starting with ①, 注…) are taken out of the body and put at the end
//     under 注释, so that the sentence they interrupt stays whole;
//   - a paragraph starts with an indented line (government documents
//     indent the first line by two characters), a centred line, a change
//     of font size or a wide vertical gap, and after a line that ends
//     short of the right margin; otherwise lines are joined, across pages
//     too, without a space between Chinese characters;
//   - a table row (a line cut by column gaps, with the cells wrapped onto
//     lines just above or below it) becomes "| a | b |".
//
// Spaces are kept only between two Latin words; full-width digits become
// ASCII (normalizePDFText).
func pdfLayout(pages []pdfPage) string {
	all := make([][]pdfLine, len(pages))
	for i, p := range pages {
		all[i] = pageLines(i, p.glyphs)
	}
	body := bodySize(all)
	if body == 0 {
		return ""
	}
	stripFurniture(pages, all, body)
	var notes []pdfLine
	for i := range all {
		var n []pdfLine
		all[i], n = splitFootnotes(all[i], body)
		notes = append(notes, n...)
	}
	paras := paragraphs(all, body)
	if len(notes) > 0 {
		paras = append(paras, "注释")
		paras = append(paras, paragraphs([][]pdfLine{notes}, medianSize(notes))...)
	}
	return normalizePDFText(strings.Join(paras, "\n"))
}

// bodySize is the font size of most of the text: the size of the lines
// holding the most glyphs.
func bodySize(pages [][]pdfLine) float64 {
	count := map[int]int{}
	for _, ls := range pages {
		for _, l := range ls {
			count[int(math.Round(l.size*2))] += l.glyphs
		}
	}
	best, n := 0, 0
	for s, c := range count {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	return float64(best) / 2
}

// medianSize is the median font size of lines.
func medianSize(ls []pdfLine) float64 {
	if len(ls) == 0 {
		return 0
	}
	s := make([]float64, len(ls))
	for i, l := range ls {
		s[i] = l.size
	}
	sort.Float64s(s)
	return s[len(s)/2]
}

var (
	// rePageNumber matches a page number once dashes and spaces are
	// stripped: 3, 第3页, 第3页共20页, 3/20, iv.
	rePageNumber = regexp.MustCompile(`^(第?[0-9０-９]{1,4}页?([/／]|共)?([0-9０-９]{1,4}页?)?|[ivxlcIVXLC]{1,6})$`)
	// reMeetingHeader matches the lines of the block above a report's
	// title that say which meeting it was handed to.
	reMeetingHeader = regexp.MustCompile(`(人大|政协|人民代表大会|会议).{0,12}(会议)?文件|^[（(][0-9０-９]{1,3}[）)]$|^.{0,8}届人大$|^[一二三四五六七八九十]+次会议文件`)
)

// isPageNumber reports whether a line's text is a page number.
func isPageNumber(s string) bool {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '-', '—', '–', '－', '―', '‒', '_', '·', '•', '~', '～', ' ':
			return -1
		}
		return r
	}, s)
	return s != "" && rePageNumber.MatchString(s)
}

// stripFurniture removes page numbers, running headers and footers and
// the meeting header of the first page.
func stripFurniture(pages []pdfPage, all [][]pdfLine, body float64) {
	margin := func(p pdfPage, l pdfLine) bool {
		h := p.h
		if h <= 0 {
			return false
		}
		return l.y0 > 0.88*h || l.y1 < 0.12*h
	}
	// Lines repeated in the margins of several pages (digits aside).
	seen := map[string]int{}
	key := func(l pdfLine) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) || unicode.IsSpace(r) {
				return -1
			}
			return r
		}, l.text())
	}
	for i, ls := range all {
		done := map[string]bool{}
		for _, l := range ls {
			if k := key(l); k != "" && margin(pages[i], l) && !done[k] {
				done[k] = true
				seen[k]++
			}
		}
	}
	repeat := max(3, len(pages)/4)
	for i, ls := range all {
		out := ls[:0]
		for _, l := range ls {
			if margin(pages[i], l) && (isPageNumber(l.text()) || seen[key(l)] >= repeat) {
				continue
			}
			out = append(out, l)
		}
		all[i] = out
	}
	// The meeting header: short lines above the first-page title.
	for i, ls := range all {
		if len(ls) == 0 {
			continue
		}
		out := ls[:0]
		title := false
		for _, l := range ls {
			if l.size > 1.3*body {
				title = true
			}
			if !title && utf8.RuneCountInString(l.text()) <= 20 && reMeetingHeader.MatchString(l.text()) {
				continue
			}
			out = append(out, l)
		}
		all[i] = out
		break
	}
}

// isNoteStart reports whether s starts as a footnote does: with a mark
// (①, *, 注…), or with a glyph that has no Unicode meaning (a private-use
// character, as the marks past ⑩ drawn from pieces come out).
func isNoteStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= '①' && r <= '⑳' || isPrivateUse(r) || r >= '㉑' && r <= '㉟' || r == '*' || r == '※' ||
		strings.HasPrefix(s, "注") || r >= '⑴' && r <= '⒇' || r >= '¹' && r <= '⁹'
}

// splitFootnotes takes the footnotes off the foot of a page: the lines
// below the last body line that are smaller than the body and start with
// a footnote mark.
func splitFootnotes(ls []pdfLine, body float64) (rest, notes []pdfLine) {
	i := len(ls)
	for i > 0 && ls[i-1].size < 0.88*body {
		i--
	}
	for i < len(ls) && !isNoteStart(ls[i].text()) {
		i++
	}
	if i == len(ls) || i == 0 {
		return ls, nil
	}
	return ls[:i], ls[i:]
}

// paragraphs joins lines into paragraphs; see pdfLayout.
func paragraphs(pages [][]pdfLine, body float64) []string {
	var (
		out  []string
		cur  strings.Builder
		prev *pdfLine
		pL   float64 // the previous line's page's left margin and right margin
		pR   float64
	)
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	lefts, rights := margins(pages, body)
	for i, ls := range pages {
		left, right := lefts[i%2], rights[i%2]
		for _, g := range tableGroups(ls) {
			if len(g.rows) > 0 {
				flush()
				out = append(out, g.rows...)
				prev = nil
				continue
			}
			l := g.line
			if prev != nil && sameParagraph(prev, &l, pL, pR, left, right, body) {
				joinLine(&cur, l.text())
			} else {
				flush()
				cur.WriteString(l.text())
			}
			prev = &g.line
			pL, pR = left, right
		}
	}
	flush()
	return out
}

// sameParagraph reports whether line l continues the paragraph of line
// prev (which may be on the page before).
func sameParagraph(prev, l *pdfLine, pL, pR, left, right, body float64) bool {
	em := l.size
	switch {
	case math.Abs(prev.size-l.size) > 0.12*math.Max(prev.size, l.size):
		return false // a change of font size
	case prev.size > 1.15*body && l.size > 1.15*body:
		// A title set over several lines (centred, so indented).
		return prev.page == l.page && prev.y0-l.y1 < 0.8*l.size
	case centred(l, left, right) && balanced(prev, pL, pR):
		// A subtitle set over two centred lines, the first of them
		// nearly full.
		return prev.x1-prev.x0 > 0.45*(pR-pL) && prev.page == l.page && prev.y0-l.y1 < 1.2*l.size && !endsSentence(prev.text())
	case l.x0-left > 1.2*em:
		return false // an indented first line, or a centred one
	case pR-prev.x1 > 1.5*em:
		return false // the line before ended short
	case prev.x0-pL > 4*em && pR-prev.x1 > 0.8*em:
		return false // the line before was centred
	case prev.page == l.page && prev.y0-l.y1 > 1.6*em:
		return false // a wide gap
	}
	return true
}

// centred reports whether a line is centred between the margins and
// clear of both.
func centred(l *pdfLine, left, right float64) bool {
	a, b := l.x0-left, right-l.x1
	return a > 2*l.size && b > 2*l.size && math.Abs(a-b) < 2*l.size
}

// balanced reports whether a line is centred, however wide: as far from
// both margins, and not against the left one.
func balanced(l *pdfLine, left, right float64) bool {
	a, b := l.x0-left, right-l.x1
	return a > 0.15*l.size && math.Abs(a-b) < l.size
}

// endsSentence reports whether s ends with a full stop, a colon or the
// like.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("。！？：；.!?:;", r)
}

// joinLine appends a line to a paragraph: with a space only between two
// Latin words.
func joinLine(b *strings.Builder, s string) {
	cur := b.String()
	last, _ := utf8.DecodeLastRuneInString(cur)
	first, _ := utf8.DecodeRuneInString(s)
	if isWordRune(last) && isWordRune(first) && unicode.IsLetter(last) && unicode.IsLetter(first) {
		b.WriteByte(' ')
	}
	b.WriteString(s)
}

// margins returns the left and right margins of the pages, one pair for
// odd pages and one for even ones (printed documents mirror them), from
// the lines of body size: the left margin is the leftmost start shared
// by a tenth of them (more paragraphs than lines may start indented), the
// right margin their most common end (a full line ends there, give or
// take hanging punctuation, which sameParagraph's tolerance covers).
func margins(pages [][]pdfLine, body float64) (left, right [2]float64) {
	var lc, rc [2]map[int]int
	var n [2]int
	minX, maxX := [2]float64{math.Inf(1), math.Inf(1)}, [2]float64{math.Inf(-1), math.Inf(-1)}
	for i, ls := range pages {
		k := i % 2
		if lc[k] == nil {
			lc[k], rc[k] = map[int]int{}, map[int]int{}
		}
		for _, l := range ls {
			minX[k], maxX[k] = math.Min(minX[k], l.x0), math.Max(maxX[k], l.x1)
			if math.Abs(l.size-body) > 0.12*body || len(l.segs) > 1 {
				continue
			}
			lc[k][int(math.Round(l.x0))]++
			rc[k][int(math.Round(l.x1))]++
			n[k]++
		}
	}
	for k := range 2 {
		left[k] = minX[k]
		shared := math.Inf(1)
		for x, c := range lc[k] {
			if c >= max(2, n[k]/10) && float64(x) < shared {
				shared = float64(x)
			}
		}
		if !math.IsInf(shared, 1) {
			left[k] = shared
		}
		right[k] = mode(rc[k], maxX[k])
		if right[k] <= left[k] {
			right[k] = maxX[k]
		}
	}
	if n[1] < 5 { // one page, or few lines on even pages
		left[1], right[1] = left[0], right[0]
	}
	return left, right
}

// mode returns the most common key of counts (the smallest of equals),
// or def when counts is empty.
func mode(counts map[int]int, def float64) float64 {
	best, n := 0, 0
	for k, c := range counts {
		if c > n || c == n && k < best {
			best, n = k, c
		}
	}
	if n == 0 {
		return def
	}
	return float64(best)
}

// lineGroup is either one line of text or the rows of a table made of
// several lines.
type lineGroup struct {
	line pdfLine
	rows []string
}

// tableGroups groups the lines of a page: lines closer than a line
// apart, one of which is cut into cells, form a table row whose cells
// are gathered by column; every other line stands alone.
func tableGroups(ls []pdfLine) []lineGroup {
	var out []lineGroup
	for i := 0; i < len(ls); {
		j := i + 1
		cells := len(ls[i].segs) > 1
		for j < len(ls) && closeLines(ls[j-1], ls[j]) {
			cells = cells || len(ls[j].segs) > 1
			j++
		}
		if j-i == 1 && !cells {
			out = append(out, lineGroup{line: ls[i]})
			i++
			continue
		}
		if !cells {
			for k := i; k < j; k++ {
				out = append(out, lineGroup{line: ls[k]})
			}
			i = j
			continue
		}
		out = append(out, lineGroup{rows: []string{tableRow(mergeCells(ls[i:j]))}})
		i = j
	}
	return out
}

// closeLines reports whether b, below a, is nearer to it than lines of
// text are to each other: the two halves of a table cell wrapped around
// the row's other cells.
func closeLines(a, b pdfLine) bool {
	d := (a.y0 + a.y1 - b.y0 - b.y1) / 2
	return d < 0.8*math.Min(a.size, b.size)
}

// mergeCells gathers the segments of lines of one table row into cells:
// segments that overlap horizontally are one cell, read top to bottom.
func mergeCells(ls []pdfLine) []string {
	type cell struct {
		x0, x1 float64
		text   strings.Builder
	}
	var cells []*cell
	for _, l := range ls {
		for _, s := range l.segs {
			var into *cell
			for _, c := range cells {
				if s.x0 < c.x1 && c.x0 < s.x1 {
					into = c
					break
				}
			}
			if into == nil {
				into = &cell{x0: s.x0, x1: s.x1}
				cells = append(cells, into)
			}
			into.x0, into.x1 = math.Min(into.x0, s.x0), math.Max(into.x1, s.x1)
			into.text.WriteString(s.text)
		}
	}
	sort.SliceStable(cells, func(i, j int) bool { return cells[i].x0 < cells[j].x0 })
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = c.text.String()
	}
	return out
}

// normalizePDFText makes full-width digits ASCII and drops private-use
// characters (glyphs without a Unicode meaning).
func normalizePDFText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case isPrivateUse(r):
			return -1
		}
		return r
	}, s)
}

// isPrivateUse reports whether r is a private-use character.
func isPrivateUse(r rune) bool {
	return r >= 0xE000 && r <= 0xF8FF || r >= 0xF0000 && r <= 0x10FFFF ||
		r >= 0xD800 && r <= 0xDFFF // half of a pair that did not pair
}
