package extract

import (
	"bytes"
	"errors"
	"log/slog"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// withTable is reportLines with the table rows after the third line, as the
// docx and html fixtures are laid out.
func withTable() []string {
	out := slices.Clone(reportLines[:3])
	out = append(out, wantRows...)
	return append(out, reportLines[3:]...)
}

func TestText(t *testing.T) {
	messy := "\ufeff  " + strings.ReplaceAll(reportText, "\n", "  \t\r\n\r\n\r\n") + "\x00\x07\r\r\r末行\u200b。\r"
	tests := []struct {
		name   string // test name
		file   string
		data   []byte
		want   []string // exact lines, if not nil
		has    []string // substrings the text must contain
		hasNot []string // substrings the text must not contain
		err    error    // sentinel, if an error is wanted
		reason string   // Reason, if an error is wanted
	}{
		{name: "utf8", file: "report.txt", data: []byte(reportText), want: reportLines},
		{name: "utf8 bom", file: "report.txt", data: append([]byte("\xEF\xBB\xBF"), reportText...), want: reportLines},
		{name: "utf8 no extension", file: "report", data: []byte(reportText), want: reportLines},
		{name: "utf8 named pdf", file: "report.pdf", data: []byte(reportText), want: reportLines},
		{name: "utf8 messy", file: "report.txt", data: []byte(messy),
			has: []string{reportLines[0] + "\n\n" + reportLines[1], "\n\n末行。"}, hasNot: []string{"\x00", "\x07", "\r", "\u200b", "\ufeff"}},
		{name: "utf8 truncated mid character", file: "report.txt", data: []byte(reportText + "末")[:len(reportText)+2], want: reportLines},
		{name: "utf16le bom", file: "report.txt", data: utf16LE(t, reportText, true), want: reportLines},
		{name: "utf16be bom", file: "report.txt", data: utf16BE(t, reportText, true), want: reportLines},
		{name: "utf16le no bom", file: "report.txt", data: utf16LE(t, reportText, false), want: reportLines},
		{name: "utf16be no bom", file: "report.txt", data: utf16BE(t, reportText, false), want: reportLines},
		{name: "utf16le crlf", file: "report.txt", data: utf16LE(t, strings.ReplaceAll(reportText, "\n", "\r\n"), false), want: reportLines},
		{name: "gbk", file: "report.txt", data: gbk(t, reportText), want: reportLines},
		{name: "gbk crlf", file: "report.txt", data: gbk(t, strings.ReplaceAll(reportText, "\n", "\r\n")), want: reportLines},
		{name: "gbk cr", file: "report.txt", data: gbk(t, strings.ReplaceAll(reportText, "\n", "\r")), want: reportLines},
		{name: "gbk nul padded", file: "report.txt", data: append(gbk(t, reportText), make([]byte, 4096)...), want: reportLines},
		{name: "docx", file: "report.docx", data: reportDocx(t), want: withTable()},
		{name: "docx named txt", file: "report.txt", data: reportDocx(t), want: withTable()},
		{name: "html gb2312", file: "report.html", data: gbk(t, reportHTML()), want: withTable()},
		{name: "html gb2312 declared but utf8", file: "report.htm", data: []byte(reportHTML()), want: withTable()},
		{name: "html utf16 bom", file: "report.htm", data: utf16LE(t, reportHTML(), true), want: withTable()},

		{name: "empty", file: "report.txt", data: nil, err: ErrEmpty, reason: "文件为空"},
		{name: "only whitespace", file: "report.txt", data: []byte(" \r\n\t\n\u3000\n"), err: ErrEmpty, reason: "文件为空"},
		{name: "only whitespace utf16", file: "report.txt", data: utf16LE(t, "  \n\n ", true), err: ErrEmpty, reason: "文件为空"},
		{name: "only nuls", file: "report.txt", data: make([]byte, 100), err: ErrEmpty},
		{name: "empty docx", file: "report.docx", data: docx(t, `<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>`), err: ErrEmpty, reason: "文件中没有文字内容"},
		{name: "html without body text", file: "a.html", data: []byte(`<html><head><title>标题</title><script>var a = "正文";</script></head><body><nav>首页</nav></body></html>`), err: ErrEmpty, reason: "文件中没有文字内容"},
		{name: "short text", file: "note.txt", data: []byte("各位代表：\n这是一个很短的通知，不是报告。\n"), err: ErrNotReport, reason: "内容太短或不是中文报告"},
		{name: "english text", file: "readme.txt", data: []byte(strings.Repeat("This is a long English text, not a Chinese planning report. ", 20)), err: ErrNotReport},
		{name: "short gbk", file: "note.txt", data: gbk(t, "各位代表：这是一个很短的通知。"), err: ErrNotReport},
		{name: "too large", file: "big.txt", data: bytes.Repeat([]byte("报"), MaxFileSize/3+1), err: ErrTooLarge},

		{name: "pdf", file: "report.pdf", data: []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), err: ErrCorrupt, reason: reasonPDFCorrupt},
		{name: "pdf after junk", file: "report", data: []byte("\r\n\x00junk%PDF-1.4\n"), err: ErrCorrupt, reason: reasonPDFCorrupt},
		{name: "doc", file: "report.doc", data: oleFile("WordDocument"), err: ErrCorrupt, reason: "旧版 Word (.doc) 文件无法读取，请用 Word 或 WPS 另存为 docx 后再上传"},
		{name: "doc named docx", file: "report.docx", data: oleFile("WordDocument"), err: ErrCorrupt, reason: reasonDoc},
		{name: "wps", file: "report.wps", data: oleFile("WordDocument"), err: ErrCorrupt, reason: reasonWPS},
		{name: "xls", file: "data.xls", data: oleFile("Workbook"), err: ErrUnsupported, reason: reasonXLS},
		{name: "ppt", file: "slides", data: oleFile("PowerPoint Document"), err: ErrUnsupported, reason: reasonPPT},
		{name: "encrypted docx", file: "report.docx", data: oleFile("EncryptedPackage"), err: ErrUnsupported, reason: reasonEncrypted},
		{name: "unknown ole", file: "x.bin", data: oleFile("Foo"), err: ErrUnsupported, reason: reasonOLE},
		{name: "png", file: "report.png", data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"), err: ErrUnsupported, reason: reasonImage},
		{name: "jpeg", file: "scan.jpg", data: []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"), err: ErrUnsupported, reason: reasonImage},
		{name: "gif", file: "a.gif", data: []byte("GIF89a\x01\x00\x01\x00"), err: ErrUnsupported, reason: reasonImage},
		{name: "rar", file: "a.rar", data: []byte("Rar!\x1A\x07\x01\x00"), err: ErrUnsupported, reason: reasonArchive},
		{name: "gzip", file: "a.txt.gz", data: []byte("\x1F\x8B\x08\x00"), err: ErrUnsupported, reason: reasonArchive},
		{name: "rtf", file: "report.rtf", data: []byte(`{\rtf1\ansi\ansicpg936 {\fonttbl}}`), err: ErrUnsupported, reason: reasonRTF},
		{name: "mht", file: "report.mht", data: []byte("From: <Saved by Windows Internet Explorer 8>\r\nSubject: report\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----=_NextPart_000_0000\"\r\n"), err: ErrUnsupported, reason: reasonMHT},
		{name: "xml", file: "report.xml", data: []byte(`<?xml version="1.0"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body>` + reportText + `</w:body></w:wordDocument>`), err: ErrUnsupported, reason: reasonXML},
		{name: "zip", file: "report.zip", data: zipOf(t, "report.txt", reportText), err: ErrUnsupported, reason: reasonZip},
		{name: "xlsx", file: "data.xlsx", data: zipOf(t, "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>"), err: ErrUnsupported, reason: reasonXLSX},
		{name: "pptx", file: "a.pptx", data: zipOf(t, "ppt/presentation.xml", "<p/>"), err: ErrUnsupported, reason: reasonPPTX},
		{name: "odt", file: "a.odt", data: zipOf(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office:document-content/>"), err: ErrUnsupported, reason: reasonODF},
		{name: "ofd", file: "a.ofd", data: zipOf(t, "OFD.xml", "<ofd:OFD/>"), err: ErrUnsupported, reason: reasonOFD},
		{name: "broken zip", file: "report.docx", data: []byte("PK\x03\x04\x14\x00\x00\x00garbage"), err: ErrCorrupt, reason: reasonZipCorrupt},
		{name: "binary", file: "report.txt", data: binaryJunk(), err: ErrUnsupported, reason: reasonNotText},
		{name: "latin1", file: "report.txt", data: encode(t, charmap.ISO8859_1, strings.Repeat("Café déjà vu, résumé à la française. ", 20)), err: ErrEncoding},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Text(tc.file, tc.data)
			if tc.err != nil {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("Text() = %q, %v; want *Error", trunc(got), err)
				}
				if !errors.Is(err, tc.err) {
					t.Errorf("error %v (%v) is not %v", err, e.Err, tc.err)
				}
				if tc.reason != "" && e.Reason != tc.reason {
					t.Errorf("Reason = %q, want %q", e.Reason, tc.reason)
				}
				if e.File != tc.file || !strings.HasPrefix(err.Error(), tc.file+": ") {
					t.Errorf("Error() = %q, want it to start with the file name %q", err, tc.file)
				}
				return
			}
			if err != nil {
				t.Fatalf("Text: %v (%v)", err, errors.Unwrap(err))
			}
			checkClean(t, got)
			if tc.want != nil {
				if lines := strings.Split(got, "\n"); !slices.Equal(lines, tc.want) {
					t.Errorf("Text() lines:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(tc.want, "\n"))
				}
			}
			for _, s := range tc.has {
				if !strings.Contains(got, s) {
					t.Errorf("text lacks %q:\n%s", s, got)
				}
			}
			for _, s := range tc.hasNot {
				if strings.Contains(got, s) {
					t.Errorf("text has %q", s)
				}
			}
		})
	}
}

// binaryJunk is deterministic pseudo-random bytes.
func binaryJunk() []byte {
	b := make([]byte, 4096)
	x := uint32(2463534242)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = byte(x)
	}
	return b
}

func trunc(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

// checkClean checks the promises Text makes about its output.
func checkClean(t testing.TB, text string) {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Fatal("text is not valid UTF-8")
	}
	if strings.ContainsAny(text, "\x00\r") {
		t.Fatal("text has NUL or CR")
	}
	if strings.Contains(text, "\n\n\n") || strings.HasPrefix(text, "\n") || strings.HasSuffix(text, "\n") {
		t.Fatalf("text has runs of blank lines or leading/trailing newlines: %q", trunc(text))
	}
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimFunc(l, unicode.IsSpace) != l {
			t.Fatalf("line not trimmed: %q", l)
		}
		for _, r := range l {
			if r != '\t' && unicode.IsControl(r) {
				t.Fatalf("line has control character %U: %q", r, l)
			}
		}
	}
}

func TestErrorMessage(t *testing.T) {
	_, err := Text("report.pdf", []byte("%PDF-1.4"))
	if got, want := err.Error(), "report.pdf: PDF 文件已损坏，无法读取，请另存为 docx 或 txt 后再上传"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(err, ErrCorrupt) {
		t.Errorf("errors.Is(%v, ErrCorrupt) = false", err)
	}
	e := &Error{Reason: "文件为空", Err: ErrEmpty}
	if e.Error() != "文件为空" || errors.Unwrap(e) != ErrEmpty {
		t.Errorf("Error without file: %q, %v", e.Error(), errors.Unwrap(e))
	}
}

// TestSeedReport runs a whole real report through every supported format
// and checks that each gives the same lines.
func TestSeedReport(t *testing.T) {
	b, err := os.ReadFile("../../seeds/jiuyuan_2025_plan_report.txt")
	if err != nil {
		t.Skipf("seed report not available: %v", err)
	}
	want, err := Text("seed.txt", b)
	if err != nil {
		t.Fatal(err)
	}
	checkClean(t, want)
	lines := strings.Split(want, "\n")
	var body, page strings.Builder
	for _, l := range lines {
		body.WriteString(wPara(l))
		page.WriteString("<p>" + htmlEscape(l) + "</p>\n")
	}
	formats := []struct {
		name string
		data []byte
	}{
		{"seed-gbk.txt", gbk(t, string(b))},
		{"seed-utf16.txt", utf16LE(t, string(b), false)},
		{"seed-utf16be.txt", utf16BE(t, string(b), true)},
		{"seed.docx", docx(t, body.String())},
		{"seed.html", gbk(t, `<html><head><meta charset="gbk"></head><body>`+page.String()+`</body></html>`)},
	}
	for _, f := range formats {
		got, err := Text(f.name, f.data)
		if err != nil {
			t.Errorf("%s: %v", f.name, err)
			continue
		}
		if got != want {
			t.Errorf("%s: text differs from the UTF-8 original", f.name)
		}
	}
}

// TestErrorLog checks that a log line of an *Error carries its cause.
func TestErrorLog(t *testing.T) {
	_, err := Text("scan.pdf", scannedPDF())
	var buf strings.Builder
	slog.New(slog.NewJSONHandler(&buf, nil)).Error("add failed", "err", err)
	for _, want := range []string{`"file":"scan.pdf"`, "扫描版", "2 pages, 0 characters"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("log %s lacks %q", buf.String(), want)
		}
	}
}
