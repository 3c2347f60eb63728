package extract

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are the fixtures the fuzz targets start from.
func fuzzSeeds(f *testing.F) []struct {
	name string
	data []byte
} {
	return []struct {
		name string
		data []byte
	}{
		{"report.txt", []byte(reportText)},
		{"report.txt", append([]byte("\xEF\xBB\xBF"), reportText...)},
		{"report.txt", utf16LE(f, reportText, true)},
		{"report.txt", utf16LE(f, reportText, false)},
		{"report.txt", utf16BE(f, reportText, false)},
		{"report.txt", gbk(f, reportText)},
		{"report.docx", reportDocx(f)},
		{"report.html", gbk(f, reportHTML())},
		{"report.htm", []byte(`<html><body><table><tr><td>甲<td colspan=3>乙</table><pre> 保留 </pre></body></html>`)},
		{"report.pdf", []byte("%PDF-1.7\n1 0 obj\n")},
		{"scan.pdf", scannedPDF()},
		{"text.pdf", textPDF()},
		{"report.doc", oleFile("WordDocument")},
		{"scan.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")},
		{"empty.txt", nil},
		{"note.txt", []byte("各位代表：这是一个很短的通知。")},
		{"a.zip", zipOf(f, "a.txt", "x")},
		{"a.xml", []byte(`<?xml version="1.0"?><doc/>`)},
		{"a.mht", []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n")},
	}
}

// FuzzText checks that no input makes Text panic, that failures are
// *Error values with a reason, and that successful output keeps the
// promises of Text.
func FuzzText(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s.name, s.data)
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		got, err := Text(name, data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Reason == "" || e.Err == nil {
				t.Fatalf("error %#v is not a complete *Error", err)
			}
			if got != "" {
				t.Fatalf("text %q returned with error %v", trunc(got), err)
			}
			return
		}
		if !utf8.ValidString(got) || strings.ContainsRune(got, 0) {
			t.Fatalf("output is not valid UTF-8 without NUL: %q", trunc(got))
		}
		checkClean(t, got)
		if again := cleanText(got); again != got {
			t.Fatalf("output is not clean: cleanText changes it")
		}
	})
}

// FuzzDocumentXML fuzzes the docx reader below the zip layer, where
// mutations of compressed data would hardly ever reach.
func FuzzDocumentXML(f *testing.F) {
	f.Add(documentXML(wPara("正文") + wTable(tableRows)))
	f.Add(documentXML(`<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t><w:br/></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`))
	f.Add(documentXML(`<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:tab/></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:p/></mc:Fallback></mc:AlternateContent></w:r></w:p>`))
	f.Fuzz(func(t *testing.T, doc string) {
		got, err := parseDocumentXML(&capReader{r: strings.NewReader(doc), n: 1 << 20}, nil)
		if err == nil && !utf8.ValidString(cleanText(got)) {
			t.Fatalf("invalid UTF-8")
		}
	})
}

// FuzzNumbering fuzzes list definitions together with numbered paragraphs.
func FuzzNumbering(f *testing.F) {
	f.Add(testNumbering, testStyles, documentXML(numPara("2", "", "", "稳增长")+numPara("", "1", "3", "法定")+numPara("", "2", "0", "重排")))
	f.Fuzz(func(t *testing.T, numXML, stylesXML, doc string) {
		var xn xNumbering
		var xs xStyles
		if xml.Unmarshal([]byte(numXML), &xn) != nil {
			return
		}
		_ = xml.Unmarshal([]byte(stylesXML), &xs)
		got, err := parseDocumentXML(strings.NewReader(doc), buildNumbering(&xn, &xs))
		if err == nil && !utf8.ValidString(cleanText(got)) {
			t.Fatalf("invalid UTF-8")
		}
	})
}

// FuzzHTML fuzzes the HTML extractor, both the tree walk and the token
// fallback.
func FuzzHTML(f *testing.F) {
	f.Add(reportHTML())
	f.Add(`<table><tr><td>a<table><tr><td>b<td>c</table><td>d</table><pre>x</pre>`)
	f.Fuzz(func(t *testing.T, page string) {
		for _, got := range []string{htmlText(page), cleanText(htmlTokensText(page))} {
			if !utf8.ValidString(got) || strings.ContainsAny(got, "\x00\r") {
				t.Fatalf("bad output %q", trunc(got))
			}
		}
	})
}

// textPDF is a small PDF with a line of Latin text in a standard font.
func textPDF() []byte {
	return pdfFile(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		streamObj("", []byte("BT /F1 12 Tf 72 720 Td (Planning report 2025) Tj 0 -20 Td (GDP +5.5%) Tj ET"), true),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	)
}

// FuzzPDFLayout fuzzes the layout of glyphs into paragraphs, below
// PDFium: every 7 bytes are a glyph (a character of a small alphabet, its
// page, x, y and size).
func FuzzPDFLayout(f *testing.F) {
	f.Add([]byte("\x00\x00\x10\x80\x10\x01\x00\x12\x80\x10\x02\x00\x14\x80\x10\x03\x01\x10\x70\x10"))
	f.Add(bytes.Repeat([]byte("\x05\x00\x10\x10\x08\x06\x00\x30\x10\x08\x07\x00\x50\x10\x08"), 20))
	alphabet := []rune("全市增长5.5%，。一二（）|—①注abc ０")
	f.Fuzz(func(t *testing.T, data []byte) {
		pages := make([]pdfPage, 3)
		for i := range pages {
			pages[i] = pdfPage{w: 595, h: 842}
		}
		for i := 0; i+7 <= len(data) && i < 7*2000; i += 7 {
			g := data[i : i+7]
			size := float64(g[4]%40) + 1
			x := float64(g[2]) * 2.3
			y := float64(g[3]) * 3.3
			if g[5]&1 == 1 {
				x += float64(g[6]) / 10
			}
			pages[int(g[1])%3].glyphs = append(pages[int(g[1])%3].glyphs, glyph{
				r: alphabet[int(g[0])%len(alphabet)], x0: x, x1: x + size*float64(1+g[6]%2)/2, y0: y, y1: y + size})
		}
		got := cleanText(pdfLayout(pages))
		if !utf8.ValidString(got) || strings.ContainsAny(got, "\x00\r") {
			t.Fatalf("bad output %q", trunc(got))
		}
	})
}

// FuzzWordText fuzzes the reader of old Word files (the OLE container
// and the piece table).
func FuzzWordText(f *testing.F) {
	seed, err := os.ReadFile("testdata/seed.doc")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add(oleFile("WordDocument"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := wordText(data)
		if err == nil && !utf8.ValidString(cleanText(got)) {
			t.Fatalf("invalid UTF-8")
		}
	})
}
