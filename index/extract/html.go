package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlText extracts the body text of an HTML page: page furniture (scripts,
// styles, navigation, headers, footers, forms…) is dropped, block elements
// end lines and data tables become "| a | b |" row lines.
func htmlText(s string) string {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		// html.Parse rejects pages nested deeper than 512 elements (and
		// fails on nothing else when reading a string): fall back to a
		// flat pass over the tokens.
		return cleanText(htmlTokensText(s))
	}
	r := htmlRenderer{tables: analyzeTables(doc)}
	var w lineWriter
	r.render(doc, &w)
	w.endLine()
	return cleanText(w.out.String())
}

// skippedElement reports whether an element and everything in it is page
// furniture or not text.
func skippedElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Nav, atom.Header,
		atom.Footer, atom.Iframe, atom.Form, atom.Button, atom.Select, atom.Textarea,
		atom.Template, atom.Svg, atom.Object, atom.Embed, atom.Canvas, atom.Audio,
		atom.Video, atom.Datalist, atom.Rp, atom.Rt, atom.Title:
		return true
	}
	return false
}

// blockElement reports whether an element starts and ends a line. Table
// cells and rows count as blocks in layout tables.
func blockElement(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body,
		atom.Caption, atom.Center, atom.Dd, atom.Details, atom.Dialog, atom.Dir,
		atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption, atom.Figure,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Hgroup,
		atom.Hr, atom.Html, atom.Legend, atom.Li, atom.Main, atom.Menu, atom.Ol,
		atom.P, atom.Pre, atom.Section, atom.Summary, atom.Table, atom.Tbody,
		atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Ul, atom.Option,
		atom.Listing, atom.Plaintext, atom.Xmp:
		return true
	}
	return false
}

// maxCellRunes: a table with a cell longer than this is taken for a layout
// table (a page laid out with a table) rather than a data table.
const maxCellRunes = 1000

// tableInfo describes a table, to tell data tables from layout tables.
type tableInfo struct {
	nested   bool // contains another table
	maxCells int  // most cells in a row, merged cells counted by colspan
	longCell bool // has a cell longer than maxCellRunes
	layout   bool // role="presentation"
}

// maxColumns: a wider table is read as layout, which also bounds the work
// of tracking row spans.
const maxColumns = 100

// data reports whether the table holds data, to be written as row lines.
func (t *tableInfo) data() bool {
	return t != nil && !t.nested && !t.longCell && !t.layout && t.maxCells >= 2 && t.maxCells <= maxColumns
}

// analyzeTables describes every table of the document in one pass.
func analyzeTables(root *html.Node) map[*html.Node]*tableInfo {
	infos := make(map[*html.Node]*tableInfo)
	type frame struct {
		n     *html.Node
		table *tableInfo
		row   *int // cells so far in the open row
		cell  *int // runes so far in the open cell
	}
	stack := []frame{{n: root}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch n := f.n; n.Type {
		case html.ElementNode:
			if skippedElement(n) {
				continue
			}
			switch n.DataAtom {
			case atom.Table:
				if f.table != nil {
					f.table.nested = true
				}
				f.table = &tableInfo{layout: strings.EqualFold(attr(n, "role"), "presentation")}
				infos[n] = f.table
				f.row, f.cell = nil, nil
			case atom.Tr:
				if f.table != nil {
					f.row, f.cell = new(int), nil
				}
			case atom.Td, atom.Th:
				if f.table != nil && f.row != nil {
					*f.row += colspan(n)
					f.table.maxCells = max(f.table.maxCells, *f.row)
					f.cell = new(int)
				}
			}
		case html.TextNode:
			if f.cell != nil {
				*f.cell += utf8.RuneCountInString(strings.TrimSpace(f.n.Data))
				if *f.cell > maxCellRunes {
					f.table.longCell = true
				}
			}
			continue
		case html.DocumentNode:
		default:
			continue
		}
		for c := f.n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, frame{n: c, table: f.table, row: f.row, cell: f.cell})
		}
	}
	return infos
}

// attr returns the value of attribute key of n.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// colspan returns the column span of a table cell, between 1 and maxSpan.
func colspan(n *html.Node) int {
	v, err := strconv.Atoi(strings.TrimSpace(attr(n, "colspan")))
	if err != nil {
		return 1
	}
	return max(1, min(v, maxSpan))
}

// rowspan returns the row span of a table cell, at least 1. (0, "to the
// end of the table", is taken as 1.)
func rowspan(n *html.Node) int {
	v, err := strconv.Atoi(strings.TrimSpace(attr(n, "rowspan")))
	if err != nil || v < 1 {
		return 1
	}
	return min(v, 65534)
}

// htmlRenderer writes the text of a parsed page.
type htmlRenderer struct {
	tables map[*html.Node]*tableInfo
}

// render writes the text under root to w. It walks the tree with an
// explicit stack, so deeply nested pages cannot exhaust the call stack.
func (r *htmlRenderer) render(root *html.Node, w *lineWriter) {
	type frame struct {
		n    *html.Node
		exit bool
	}
	stack := []frame{{n: root}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		if f.exit {
			if n.DataAtom == atom.Pre || n.DataAtom == atom.Listing || n.DataAtom == atom.Xmp || n.DataAtom == atom.Plaintext {
				w.pre--
			}
			if blockElement(n.DataAtom) {
				w.endLine()
			}
			continue
		}
		switch n.Type {
		case html.TextNode:
			w.text(n.Data)
			continue
		case html.ElementNode:
			if skippedElement(n) {
				continue
			}
			switch n.DataAtom {
			case atom.Br:
				w.lineBreak()
				continue
			case atom.Table:
				if info := r.tables[n]; info.data() {
					w.endLine()
					r.dataTable(n, w)
					continue
				}
			case atom.Pre, atom.Listing, atom.Xmp, atom.Plaintext:
				w.pre++
			}
			if blockElement(n.DataAtom) {
				w.endLine()
			}
			stack = append(stack, frame{n: n, exit: true})
		case html.DocumentNode:
		default: // comments, doctypes
			continue
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, frame{n: c})
		}
	}
}

// dataTable writes a data table: its caption as a line, then one
// "| a | b |" line per row. Data tables have no nested tables, so the
// recursion through render is at most one level deep.
func (r *htmlRenderer) dataTable(t *html.Node, w *lineWriter) {
	var rows []*html.Node
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Caption:
			r.render(c, w)
		case atom.Tr:
			rows = append(rows, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for tr := c.FirstChild; tr != nil; tr = tr.NextSibling {
				if tr.DataAtom == atom.Tr {
					rows = append(rows, tr)
				}
			}
		}
	}
	var pending []int // per column: rows still covered by a rowspan from above
	for _, tr := range rows {
		var cells []string
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c.DataAtom != atom.Td && c.DataAtom != atom.Th {
				continue
			}
			for len(cells) < len(pending) && pending[len(cells)] > 0 {
				pending[len(cells)]--
				cells = append(cells, "")
			}
			var cw lineWriter
			r.render(c, &cw)
			cw.endLine()
			span := rowspan(c)
			for i := range colspan(c) {
				if i == 0 {
					cells = append(cells, cw.out.String())
				} else {
					cells = append(cells, "")
				}
				if len(pending) < len(cells) {
					pending = append(pending, 0)
				}
				pending[len(cells)-1] = span - 1
			}
		}
		// Columns after the last cell that earlier rows span into.
		last := len(cells)
		for col := len(cells); col < len(pending); col++ {
			if pending[col] > 0 {
				pending[col]--
				last = col + 1
			}
		}
		for len(cells) < last {
			cells = append(cells, "")
		}
		if l := tableRow(cells); l != "" {
			w.out.WriteString(l)
			w.out.WriteByte('\n')
		}
	}
}

// lineWriter collects text into lines, collapsing whitespace as a browser
// does, except that a line break between two CJK characters (source
// wrapping) is dropped instead of becoming a space.
type lineWriter struct {
	out   strings.Builder
	line  strings.Builder
	space bool // collapsed whitespace pending
	wrap  bool // ... and it contained a line break
	last  rune // last rune written to line
	pre   int  // depth of open pre elements
}

// text writes the content of a text node.
func (w *lineWriter) text(s string) {
	for _, r := range s {
		switch {
		case w.pre > 0 && (r == '\n' || r == '\r'):
			if r == '\n' {
				w.lineBreak()
			}
		case w.pre > 0:
			w.put(r)
		case unicode.IsSpace(r):
			if w.line.Len() > 0 {
				w.space = true
				w.wrap = w.wrap || r == '\n' || r == '\r'
			}
		default:
			w.put(r)
		}
	}
}

// put writes r, preceded by the pending space if any.
func (w *lineWriter) put(r rune) {
	if w.space && !(w.wrap && isCJK(w.last) && isCJK(r)) {
		w.line.WriteByte(' ')
	}
	w.space, w.wrap = false, false
	w.line.WriteRune(r)
	w.last = r
}

// endLine ends the current line if it has text (block boundary).
func (w *lineWriter) endLine() {
	if w.line.Len() > 0 {
		w.lineBreak()
	}
}

// lineBreak ends the current line even if it is empty (<br>).
func (w *lineWriter) lineBreak() {
	w.out.WriteString(w.line.String())
	w.out.WriteByte('\n')
	w.line.Reset()
	w.space, w.wrap, w.last = false, false, 0
}

// htmlTokensText is the fallback for pages html.Parse rejects: it streams
// the tokens without building a tree. Furniture elements are skipped up to
// their end tag, block tags end lines and tables are read as layout (one
// line per cell).
func htmlTokensText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var w lineWriter
	var skip []atom.Atom // open skipped elements, at most maxSkipDepth
	push := func(a atom.Atom) {
		if len(skip) < maxSkipDepth { // deeper ones are inside a skipped element anyway
			skip = append(skip, a)
		}
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			w.endLine()
			return w.out.String()
		case html.TextToken:
			if len(skip) == 0 {
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			tag, _ := z.TagName()
			a := atom.Lookup(tag)
			n := &html.Node{Type: html.ElementNode, DataAtom: a}
			switch {
			case a == atom.Body && tt == html.StartTagToken:
				skip = skip[:0] // e.g. a head without its end tag
			case tt == html.EndTagToken && len(skip) > 0:
				for i := len(skip) - 1; i >= 0; i-- {
					if skip[i] == a {
						skip = skip[:i]
						break
					}
				}
			case len(skip) > 0:
				if tt == html.StartTagToken && skippedElement(n) && !voidElement(a) {
					push(a)
				}
			case skippedElement(n):
				if tt == html.StartTagToken && !voidElement(a) {
					push(a)
				}
			case a == atom.Br:
				w.lineBreak()
			case a == atom.Pre || a == atom.Listing:
				w.endLine()
				if tt == html.StartTagToken {
					w.pre++
				} else if tt == html.EndTagToken && w.pre > 0 {
					w.pre--
				}
			case blockElement(a):
				w.endLine()
			}
		}
	}
}

// maxSkipDepth bounds the stack of skipped elements of htmlTokensText, and
// with it the cost of matching their end tags.
const maxSkipDepth = 64

// voidElement reports whether an element has no end tag.
func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img,
		atom.Input, atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}
