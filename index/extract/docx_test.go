package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestParseDocumentXML(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string
	}{
		{"paragraphs", wPara("第一段。") + wPara("第二段。"), "第一段。\n第二段。\n"},
		{"tab and break",
			`<w:p><w:r><w:t>一、</w:t><w:tab/><w:t>总体要求</w:t><w:br/><w:t>第二行</w:t><w:cr/><w:t>第三行</w:t></w:r></w:p>`,
			"一、\t总体要求\n第二行\n第三行\n"},
		{"tab stops are not text",
			`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>`,
			"正文\n"},
		{"field codes and deleted text are not text",
			`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
				`<w:del w:id="1" w:author="a"><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>新增的</w:t></w:r></w:ins></w:p>`,
			"3新增的\n"},
		{"hyperlink and content control",
			`<w:p><w:hyperlink r:id="rId5" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:sdt><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt></w:p>`,
			"链接控件\n"},
		{"text box fallback is not repeated",
			`<w:p><w:r><w:t>前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>` + wPara("文本框") + `</w:txbxContent></wps:txbx></w:drawing></mc:Choice>` +
				`<mc:Fallback><w:pict><w:txbxContent>` + wPara("文本框") + `</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>后</w:t></w:r></w:p>`,
			"文本框\n前后\n"},
		{"ruby annotation", `<w:p><w:r><w:ruby><w:rt><w:r><w:t>jīng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>经</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>`, "经\n"},
		{"math", `<w:p><w:r><w:t>公式</w:t></w:r><m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath></w:p>`, "公式x=1\n"},
		{"table", wTable(tableRows), strings.Join(wantRows, "\n") + "\n"},
		{"table cell with several paragraphs, breaks and a pipe",
			`<w:tbl><w:tr><w:tc>` + wPara("第一行") + `<w:p><w:r><w:t>第二</w:t><w:br/><w:t>行</w:t><w:tab/><w:t>a|b</w:t></w:r></w:p></w:tc><w:tc>` + wPara("值") + `</w:tc></w:tr></w:tbl>`,
			"| 第一行 第二 行 a｜b | 值 |\n"},
		{"merged cells keep columns aligned",
			`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>` + wPara("合并") + `</w:tc><w:tc>` + wPara("c") + `</w:tc></w:tr>` +
				`<w:tr><w:tc>` + wPara("a") + `</w:tc><w:tc>` + wPara("b") + `</w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>`,
			"| 合并 |  | c |\n| a | b |  |\n"},
		{"hostile gridSpan is capped",
			`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000000000"/></w:tcPr>` + wPara("x") + `</w:tc></w:tr></w:tbl>`,
			"| x" + strings.Repeat(" | ", maxSpan-1) + " |\n"},
		{"empty rows are dropped", `<w:tbl><w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>`, ""},
		{"nested table stays in its cell",
			`<w:tbl><w:tr><w:tc>` + wPara("外") + `<w:tbl><w:tr><w:tc>` + wPara("内1") + `</w:tc><w:tc>` + wPara("内2") + `</w:tc></w:tr></w:tbl><w:p/></w:tc><w:tc>` + wPara("右") + `</w:tc></w:tr></w:tbl>`,
			"| 外 内1 内2 | 右 |\n"},
		{"strict ooxml namespace",
			`<s:p xmlns:s="http://purl.oclc.org/ooxml/wordprocessingml/main"><s:r><s:t>严格</s:t></s:r></s:p>`, "严格\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseDocumentXML(strings.NewReader(documentXML(tc.body)), nil)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestDocxErrors(t *testing.T) {
	bigBody := strings.Repeat(wPara("填充内容用于测试大小上限。"), 200)
	tests := []struct {
		name string
		data func(t *testing.T) []byte
		err  error
	}{
		{"malformed xml", func(t *testing.T) []byte {
			return zipOf(t, "_rels/.rels", docxRels, "word/document.xml", `<w:document xmlns:w="`+nsW+`"><w:body><w:p><w:r><w:t>正文</w:p></w:body>`)
		}, ErrCorrupt},
		{"truncated xml", func(t *testing.T) []byte {
			return zipOf(t, "word/document.xml", documentXML(wPara("正文"))[:200])
		}, ErrCorrupt},
		{"not xml", func(t *testing.T) []byte {
			return zipOf(t, "word/document.xml", "\x00\x01\x02 binary")
		}, ErrCorrupt},
		{"document over the cap", func(t *testing.T) []byte {
			setDocumentCap(t, 10<<10)
			return docx(t, bigBody)
		}, ErrTooLarge},
		{"document over the cap with a lying size header", func(t *testing.T) []byte {
			setDocumentCap(t, 10<<10)
			return lyingZip(t, "word/document.xml", documentXML(bigBody))
		}, nil}, // ErrTooLarge or ErrCorrupt, whichever notices first
		{"nested too deep", func(t *testing.T) []byte {
			return zipOf(t, "word/document.xml", documentXML(strings.Repeat("<w:p>", 5000)+strings.Repeat("</w:p>", 5000)))
		}, ErrCorrupt},
		{"bad crc", func(t *testing.T) []byte {
			b := docx(t, wPara(reportText))
			i := bytes.Index(b, []byte("PK\x01\x02"))
			for i >= 0 { // corrupt the CRC of every central directory entry
				b[i+16] ^= 0xFF
				j := bytes.Index(b[i+4:], []byte("PK\x01\x02"))
				if j < 0 {
					break
				}
				i += 4 + j
			}
			return b
		}, ErrCorrupt},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Text("report.docx", tc.data(t))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want *Error", err)
			}
			t.Logf("%v (%v)", err, e.Err)
			if tc.err != nil && !errors.Is(err, tc.err) {
				t.Errorf("err = %v (%v), want %v", err, e.Err, tc.err)
			}
			if tc.err == nil && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrCorrupt) {
				t.Errorf("err = %v (%v), want ErrTooLarge or ErrCorrupt", err, e.Err)
			}
		})
	}
}

func TestDocxMainPartFromRels(t *testing.T) {
	rels := strings.Replace(docxRels, "word/document.xml", "/word/document2.xml", 1)
	data := zipOf(t, "_rels/.rels", rels, "word/document2.xml", documentXML(wPara(reportText)))
	got, err := Text("report.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	if got != strings.TrimSpace(reportText) {
		t.Errorf("got %q", trunc(got))
	}
}

// setDocumentCap lowers the docx document size cap for one test.
func setDocumentCap(t *testing.T, n int64) {
	old := maxDocumentSize
	maxDocumentSize = n
	t.Cleanup(func() { maxDocumentSize = old })
}

// lyingZip stores content deflated under name with a zip header that
// claims it is only 100 bytes long.
func lyingZip(t *testing.T, name, content string) []byte {
	var comp bytes.Buffer
	{
		var tmp bytes.Buffer
		zw := zip.NewWriter(&tmp)
		w, _ := zw.Create(name)
		w.Write([]byte(content))
		zw.Close()
		zr, err := zip.NewReader(bytes.NewReader(tmp.Bytes()), int64(tmp.Len()))
		if err != nil {
			t.Fatal(err)
		}
		rc, err := zr.File[0].OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		comp.ReadFrom(rc)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CompressedSize64: uint64(comp.Len()), UncompressedSize64: 100})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	zw.Close()
	return buf.Bytes()
}

func TestCapReader(t *testing.T) {
	doc := documentXML(wPara("正文"))
	n := int64(len(doc))
	if _, err := parseDocumentXML(&capReader{r: strings.NewReader(doc), n: n + 1}, nil); err != nil {
		t.Errorf("document exactly at the cap: %v", err)
	}
	if _, err := parseDocumentXML(&capReader{r: strings.NewReader(doc), n: n}, nil); !errors.Is(err, errDocTooLarge) {
		t.Errorf("document one byte over the cap: err = %v, want errDocTooLarge", err)
	}
}
