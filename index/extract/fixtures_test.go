package extract

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// reportLines is an excerpt of a real planning report
// (seeds/jiuyuan_2025_plan_report.txt), kept inline so the tests do not
// depend on the seed file.
var reportLines = []string{
	"九原区2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划(草案)的报告",
	"——2025年1月20日在九原区第十八届人民代表大会第四次会议上",
	"各位代表:",
	"我受区人民政府委托,向区人大常委会报告九原区2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案,请予审议。",
	"一、2024年国民经济和社会发展计划执行情况",
	"预计全年,地区生产总值完成368.7亿元,增长8%左右;规上工业产值完成393亿元,增加值增长21%左右;固定资产投资保持正增长;社会消费品零售总额完成69.14亿元,增长2%左右;一般公共预算收入完成16.9亿元,增长3.3%左右。",
	"(一)坚持稳大盘保增长,产业质效稳步发展",
	"二是服务业发展势头良好。激发释放消费潜能,稳定扩大传统消费。带动新能源汽车、家电家居等消费突破2亿元。实施消费品以旧换新,推动汽车、家电、电动自行车三大品类以旧换新政策落地落实,累计完成汽车以旧换新初审申请3362件。",
	"三是农牧业生产总体平稳。抓好重要农产品稳产保供。2024年全区粮食产量15.7万吨,同比增长1%;经济作物产量45.5万吨,同比增长1%。",
}

// reportText is reportLines as a UTF-8 text file.
var reportText = strings.Join(reportLines, "\n") + "\n"

// tableRows is a small table: a header row and two data rows.
var tableRows = [][]string{
	{"指标名称", "2024年(%)", "2025年(%)"},
	{"地区生产总值", "8", "8左右"},
	{"规模以上工业增加值", "21", "14以上"},
}

// wantRows is tableRows as Text writes them.
var wantRows = []string{
	"| 指标名称 | 2024年(%) | 2025年(%) |",
	"| 地区生产总值 | 8 | 8左右 |",
	"| 规模以上工业增加值 | 21 | 14以上 |",
}

func encode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

func gbk(t testing.TB, s string) []byte { return encode(t, simplifiedchinese.GB18030, s) }

func utf16LE(t testing.TB, s string, bom bool) []byte {
	b := unicode.UseBOM
	if !bom {
		b = unicode.IgnoreBOM
	}
	return encode(t, unicode.UTF16(unicode.LittleEndian, b), s)
}

func utf16BE(t testing.TB, s string, bom bool) []byte {
	b := unicode.UseBOM
	if !bom {
		b = unicode.IgnoreBOM
	}
	return encode(t, unicode.UTF16(unicode.BigEndian, b), s)
}

// zipOf builds a zip file from name → content pairs, in order.
func zipOf(t testing.TB, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// mustZip indexes a zip file's entries by lower-cased name, as zipText does.
func mustZip(t testing.TB, data []byte) map[string]*zip.File {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := make(map[string]*zip.File)
	for _, f := range zr.File {
		files[strings.ToLower(f.Name)] = f
	}
	return files
}

const (
	docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
)

// documentXML wraps body in a w:document as Word writes it.
func documentXML(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" mc:Ignorable="wps"><w:body>` +
		body + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
}

// docx builds a docx whose body is the given WordprocessingML.
func docx(t testing.TB, body string) []byte {
	return zipOf(t,
		"[Content_Types].xml", docxContentTypes,
		"_rels/.rels", docxRels,
		"word/document.xml", documentXML(body))
}

// wPara is a w:p holding s split over two runs, with paragraph
// properties whose tab stops are not text.
func wPara(s string) string {
	r := []rune(s)
	a, b := xmlEscape(string(r[:len(r)/2])), xmlEscape(string(r[len(r)/2:]))
	return `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>` +
		`<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>` + a + `</w:t></w:r>` +
		`<w:r><w:t xml:space="preserve">` + b + `</w:t></w:r></w:p>`
}

// wTable is a w:tbl with one row per element of rows.
func wTable(rows [][]string) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2840"/></w:tblGrid>`)
	for _, row := range rows {
		b.WriteString(`<w:tr>`)
		for _, c := range row {
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="2840" w:type="dxa"/></w:tcPr>` + wPara(c) + `</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	return b.String()
}

// reportDocx is the report excerpt as a docx with the table after the
// third paragraph.
func reportDocx(t testing.TB) []byte {
	var b strings.Builder
	for i, l := range reportLines {
		b.WriteString(wPara(l))
		if i == 2 {
			b.WriteString(wTable(tableRows))
		}
	}
	return docx(t, b.String())
}

// reportHTML is the report excerpt as a page saved from a government
// site: declared gb2312, with navigation, scripts, styles, comments, a
// layout table and a data table.
func reportHTML() string {
	var b strings.Builder
	b.WriteString(`<!-- saved from url=(0054)http://www.jiuyuan.gov.cn/zwgk/ghjh/2025/report.html -->
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>九原区人民政府-计划报告</title>
<style type="text/css">body { font-size: 14px; } .nav li { float: left; }</style>
<script type="text/javascript">var _hmt = _hmt || []; document.write("统计代码");</script>
</head>
<body>
<div class="top"><header><img src="logo.png" alt="九原区人民政府"/>九原区人民政府门户网站</header></div>
<nav class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul></nav>
<!-- 正文开始 -->
<table width="100%" border="0"><tr><td class="content">
`)
	for i, l := range reportLines {
		b.WriteString("<p style=\"text-indent:2em\">&nbsp;&nbsp;&nbsp;&nbsp;" + htmlEscape(l) + "</p>\n")
		if i == 2 {
			b.WriteString("<table border=\"1\"><tbody>\n")
			for r, row := range tableRows {
				b.WriteString("<tr>")
				for _, c := range row {
					if r == 0 {
						b.WriteString("<th><p class=\"MsoNormal\"><span>" + htmlEscape(c) + "</span></p></th>")
					} else {
						b.WriteString("<td>" + htmlEscape(c) + "</td>")
					}
				}
				b.WriteString("</tr>\n")
			}
			b.WriteString("</tbody></table>\n")
		}
	}
	b.WriteString(`</td></tr></table>
<form action="/search"><input name="q"/><button>搜索</button><select><option>部门网站</option></select></form>
<footer>版权所有：九原区人民政府办公室 备案号：蒙ICP备00000000号</footer>
<noscript>请启用脚本</noscript>
<iframe src="share.html">分享</iframe>
</body></html>
`)
	return b.String()
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// oleFile is the start of an OLE compound file whose directory names the
// given stream.
func oleFile(stream string) []byte {
	b := []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	b = append(b, make([]byte, 504)...)
	for i := 0; i < len(stream); i++ {
		b = append(b, stream[i], 0)
	}
	return append(b, make([]byte, 512)...)
}
