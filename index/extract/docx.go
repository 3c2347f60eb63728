package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"golang.org/x/net/html/charset"
)

// zipText reads a zip file: a docx is extracted, other Office, OpenDocument
// and OFD packages and plain archives are rejected by name.
func zipText(name string, data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		// Insecure paths do not matter: nothing is written to disk.
		return "", fail(name, reasonZipCorrupt, ErrCorrupt, err)
	}
	files := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		// Part names are case-insensitive in OPC packages.
		k := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if _, dup := files[k]; !dup {
			files[k] = f
		}
	}
	main := mainPart(files)
	switch {
	case main != "" && strings.HasPrefix(main, "word/"):
		return docxText(name, files, main)
	case files["word/document.xml"] != nil:
		return docxText(name, files, "word/document.xml")
	case files["xl/workbook.xml"] != nil || strings.HasPrefix(main, "xl/"):
		return "", fail(name, reasonXLSX, ErrUnsupported, nil)
	case files["ppt/presentation.xml"] != nil || strings.HasPrefix(main, "ppt/"):
		return "", fail(name, reasonPPTX, ErrUnsupported, nil)
	case files["mimetype"] != nil && files["content.xml"] != nil:
		return "", fail(name, reasonODF, ErrUnsupported, nil)
	case files["ofd.xml"] != nil:
		return "", fail(name, reasonOFD, ErrUnsupported, nil)
	}
	return "", fail(name, reasonZip, ErrUnsupported, nil)
}

// mainPart returns the lower-cased name of the package's main document part
// as given by the officeDocument relationship in _rels/.rels, or "" if
// there is none or it is not in the zip.
func mainPart(files map[string]*zip.File) string {
	f := files["_rels/.rels"]
	if f == nil {
		return ""
	}
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	var rels struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	d := xml.NewDecoder(io.LimitReader(rc, 1<<20))
	d.CharsetReader = charset.NewReaderLabel
	if d.Decode(&rels) != nil {
		return ""
	}
	for _, r := range rels.Rel {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			p := strings.ToLower(path.Clean("/" + r.Target))[1:]
			if files[p] != nil {
				return p
			}
		}
	}
	return ""
}

// maxDocumentSize is MaxDocumentSize, a variable so tests can lower it.
var maxDocumentSize int64 = MaxDocumentSize

// errDocTooLarge is returned by capReader when its input is longer than
// its limit.
var errDocTooLarge = errors.New("document.xml exceeds the size cap")

// capReader reads r and fails with errDocTooLarge once more than n-1 bytes
// have been read: build it with n = limit+1.
type capReader struct {
	r io.Reader
	n int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.n <= 0 {
		return 0, errDocTooLarge
	}
	if int64(len(p)) > c.n {
		p = p[:c.n]
	}
	n, err := c.r.Read(p)
	c.n -= int64(n)
	if c.n <= 0 {
		return n, errDocTooLarge
	}
	return n, err
}

// docxText extracts the text of a docx whose main document part is main.
func docxText(name string, files map[string]*zip.File, main string) (string, error) {
	f := files[main]
	if f.UncompressedSize64 > uint64(maxDocumentSize) {
		return "", fail(name, reasonDocTooLarge, ErrTooLarge, nil)
	}
	rc, err := f.Open()
	if err != nil {
		return "", fail(name, reasonDocxCorrupt, ErrCorrupt, fmt.Errorf("open %s: %w", f.Name, err))
	}
	defer rc.Close()
	num := loadNumbering(files, main[:strings.LastIndex(main, "/")+1])
	text, err := parseDocumentXML(&capReader{r: rc, n: maxDocumentSize + 1}, num)
	switch {
	case errors.Is(err, errDocTooLarge):
		return "", fail(name, reasonDocTooLarge, ErrTooLarge, err)
	case err != nil:
		return "", fail(name, reasonDocxCorrupt, ErrCorrupt, fmt.Errorf("read %s: %w", f.Name, err))
	}
	return cleanText(text), nil
}

// maxXMLDepth caps the nesting of elements in document.xml; Word nests a
// few dozen deep. Without a cap a small, highly compressed document of
// nested elements would make the decoder and parser stacks grow huge.
const maxXMLDepth = 1000

var errTooDeep = fmt.Errorf("elements nested deeper than %d", maxXMLDepth)

// XML namespaces of the elements read in document.xml.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMath    = "http://schemas.openxmlformats.org/officeDocument/2006/math"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// docxTable is an open w:tbl.
type docxTable struct {
	row    []string // cells of the open row
	inRow  bool
	cell   []string // lines of the open cell
	inCell bool
	span   int // w:gridSpan of the open cell
}

// docxParser turns the token stream of document.xml into lines.
type docxParser struct {
	out    strings.Builder
	paras  []*docxPara  // open paragraphs, innermost last (text boxes nest)
	tables []*docxTable // open tables, innermost last
	runs   int          // depth of open w:r in the innermost paragraph
	text   int          // depth of open w:t / m:t
	skip   int          // depth inside skipped elements
	num    *numbering   // list definitions, nil if none
}

// docxPara is an open w:p.
type docxPara struct {
	text      strings.Builder
	outerRuns int    // runs open in the enclosing paragraph (a text box's anchor)
	pPr       int    // depth of open w:pPr
	style     string // w:pStyle
	numID     string // w:numPr/w:numId, "" if absent
	ilvl      string // w:numPr/w:ilvl, "" if absent
}

// parseDocumentXML streams document.xml and returns its lines: one per
// paragraph, one "| a | b |" line per table row. num (may be nil) gives the
// labels of numbered paragraphs.
func parseDocumentXML(r io.Reader, num *numbering) (string, error) {
	d := xml.NewDecoder(r)
	d.CharsetReader = charset.NewReaderLabel
	p := docxParser{num: num}
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxXMLDepth {
				return "", errTooDeep
			}
			p.start(t)
		case xml.EndElement:
			depth--
			p.end(t.Name)
		case xml.CharData:
			if p.text > 0 && p.skip == 0 {
				p.write(string(t))
			}
		}
	}
	for len(p.paras) > 0 { // cannot happen with a well-formed document
		p.endPara()
	}
	return p.out.String(), nil
}

// skipped reports whether the content of element n is not document text:
// alternate content fallbacks (duplicates of the chosen content), ruby
// annotations (pinyin), and deleted text and former properties of tracked
// changes.
func skipped(n xml.Name) bool {
	switch {
	case n.Space == nsMC && n.Local == "Fallback":
		return true
	case isW(n):
		switch n.Local {
		case "del", "moveFrom", "rt", "pPrChange", "rPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange":
			return true
		}
	}
	return false
}

// val returns the w:val attribute of an element.
func val(t xml.StartElement) string {
	for _, a := range t.Attr {
		if a.Name.Local == "val" {
			return a.Value
		}
	}
	return ""
}

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

func (p *docxParser) start(t xml.StartElement) {
	if p.skip > 0 || skipped(t.Name) {
		p.skip++
		return
	}
	n := t.Name
	if n.Space == nsMath && n.Local == "t" {
		p.text++
		return
	}
	if !isW(n) {
		return
	}
	switch n.Local {
	case "p":
		p.paras = append(p.paras, &docxPara{outerRuns: p.runs})
		p.runs = 0
	case "r":
		p.runs++
	case "t":
		p.text++
	case "pPr", "pStyle", "numId", "ilvl":
		if len(p.paras) == 0 {
			break
		}
		para := p.paras[len(p.paras)-1]
		switch {
		case n.Local == "pPr":
			para.pPr++
		case para.pPr == 0:
		case n.Local == "pStyle":
			para.style = val(t)
		case n.Local == "numId":
			para.numID = val(t)
		case n.Local == "ilvl":
			para.ilvl = val(t)
		}
	case "tab", "ptab":
		if p.runs > 0 {
			p.write("\t")
		}
	case "br", "cr":
		if p.runs > 0 {
			p.write("\n")
		}
	case "noBreakHyphen":
		if p.runs > 0 {
			p.write("-")
		}
	case "tbl":
		p.tables = append(p.tables, &docxTable{})
	case "tr":
		if tb := p.table(); tb != nil {
			p.endRow(tb) // an unclosed previous row
			tb.inRow = true
		}
	case "tc":
		if tb := p.table(); tb != nil {
			p.endCell(tb)
			tb.inRow = true
			tb.inCell, tb.span = true, 1
		}
	case "gridSpan":
		if tb := p.table(); tb != nil && tb.inCell {
			if v, err := strconv.Atoi(val(t)); err == nil {
				tb.span = max(1, min(v, maxSpan))
			}
		}
	}
}

func (p *docxParser) end(n xml.Name) {
	if p.skip > 0 {
		p.skip--
		return
	}
	if n.Space == nsMath && n.Local == "t" {
		p.text = max(0, p.text-1)
		return
	}
	if !isW(n) {
		return
	}
	switch n.Local {
	case "p":
		p.endPara()
	case "pPr":
		if len(p.paras) > 0 {
			para := p.paras[len(p.paras)-1]
			para.pPr = max(0, para.pPr-1)
		}
	case "r":
		p.runs = max(0, p.runs-1)
	case "t":
		p.text = max(0, p.text-1)
	case "tc":
		if tb := p.table(); tb != nil {
			p.endCell(tb)
		}
	case "tr":
		if tb := p.table(); tb != nil {
			p.endRow(tb)
		}
	case "tbl":
		if tb := p.table(); tb != nil {
			p.endRow(tb)
			p.tables = p.tables[:len(p.tables)-1]
		}
	}
}

// table returns the innermost open table, or nil.
func (p *docxParser) table() *docxTable {
	if len(p.tables) == 0 {
		return nil
	}
	return p.tables[len(p.tables)-1]
}

// write adds text to the innermost open paragraph (or as a line of its own
// for text outside any paragraph).
func (p *docxParser) write(s string) {
	if len(p.paras) == 0 {
		p.emit(s)
		return
	}
	p.paras[len(p.paras)-1].text.WriteString(s)
}

// endPara closes the innermost paragraph and emits its text.
func (p *docxParser) endPara() {
	if len(p.paras) == 0 {
		return
	}
	para := p.paras[len(p.paras)-1]
	p.paras = p.paras[:len(p.paras)-1]
	p.runs = para.outerRuns
	text := para.text.String()
	if label := p.num.label(para.style, para.numID, para.ilvl); label != "" && strings.TrimSpace(text) != "" {
		text = label + strings.TrimLeft(text, " \t\u3000")
	}
	p.emit(text)
}

// emit adds a finished paragraph to the open table cell, or to the output.
func (p *docxParser) emit(line string) {
	if tb := p.table(); tb != nil && tb.inCell {
		tb.cell = append(tb.cell, line)
		return
	}
	p.out.WriteString(line)
	p.out.WriteByte('\n')
}

// endCell closes the open cell of tb, padding merged cells with empty ones.
func (p *docxParser) endCell(tb *docxTable) {
	if !tb.inCell {
		return
	}
	tb.row = append(tb.row, cleanCell(strings.Join(tb.cell, " ")))
	for i := 1; i < tb.span; i++ {
		tb.row = append(tb.row, "")
	}
	tb.cell, tb.inCell, tb.span = nil, false, 1
}

// endRow closes the open row of tb and emits it: as a "| a | b |" line, or,
// for a table nested in a cell of another table, as a line of that cell.
func (p *docxParser) endRow(tb *docxTable) {
	p.endCell(tb)
	if !tb.inRow {
		return
	}
	cells := tb.row
	tb.row, tb.inRow = nil, false
	if len(p.tables) >= 2 && p.tables[len(p.tables)-2].inCell && tb == p.table() {
		outer := p.tables[len(p.tables)-2]
		outer.cell = append(outer.cell, strings.Join(cells, " "))
		return
	}
	if l := tableRow(cells); l != "" {
		p.out.WriteString(l)
		p.out.WriteByte('\n')
	}
}
