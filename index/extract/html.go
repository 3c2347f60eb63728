package extract

import (
	"fmt"
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
func htmlText(name, s string) (string, error) {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		// html.Parse only fails when reading fails, which a string
		// reader does not; keep the check for safety.
		return "", fail(name, reasonNotText, ErrCorrupt, fmt.Errorf("parse html: %w", err))
	}
	r := htmlRenderer{tables: analyzeTables(doc)}
	var w lineWriter
	r.render(doc, &w)
	w.endLine()
	return cleanText(w.out.String()), nil
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

// data reports whether the table holds data, to be written as row lines.
func (t *tableInfo) data() bool {
	return t != nil && !t.nested && !t.longCell && !t.layout && t.maxCells >= 2
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
	for _, tr := range rows {
		var cells []string
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c.DataAtom != atom.Td && c.DataAtom != atom.Th {
				continue
			}
			var cw lineWriter
			r.render(c, &cw)
			cw.endLine()
			cells = append(cells, cw.out.String())
			for range colspan(c) - 1 {
				cells = append(cells, "")
			}
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
