package extract

import (
	"strings"
	"testing"
)

const testNumbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="1"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%3.%4"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61548;"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="一, 二, 三, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimalEnclosedCircle"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`

const testStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>`

// numPara is a paragraph with a style and/or direct numbering.
func numPara(style, numID, ilvl, text string) string {
	var b strings.Builder
	b.WriteString(`<w:p><w:pPr>`)
	if style != "" {
		b.WriteString(`<w:pStyle w:val="` + style + `"/>`)
	}
	if numID != "" || ilvl != "" {
		b.WriteString(`<w:numPr>`)
		if ilvl != "" {
			b.WriteString(`<w:ilvl w:val="` + ilvl + `"/>`)
		}
		if numID != "" {
			b.WriteString(`<w:numId w:val="` + numID + `"/>`)
		}
		b.WriteString(`</w:numPr>`)
	}
	b.WriteString(`<w:pPrChange w:id="9"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:pPrChange></w:pPr>`)
	if text != "" {
		b.WriteString(`<w:r><w:t>` + text + `</w:t></w:r>`)
	}
	b.WriteString(`</w:p>`)
	return b.String()
}

func TestDocxNumbering(t *testing.T) {
	body := strings.Join([]string{
		numPara("1", "", "", "2024年工作回顾"),
		numPara("2", "", "", "稳增长"),
		numPara("2", "", "", "促改革"),
		numPara("", "1", "2", "第一项"),
		numPara("", "1", "2", ""), // empty: counted, not written
		numPara("", "1", "2", "第三项"),
		numPara("", "1", "3", "法定编号"),
		numPara("1", "", "", "2025年工作安排"),
		numPara("2", "", "", "抓项目"),
		numPara("a", "", "", "正文不编号"),
		numPara("1", "0", "", "编号已取消"),
		numPara("", "3", "0", "项目符号"),
		numPara("", "4", "0", "带圈数字"),
		numPara("", "2", "0", "重新编号"),
		numPara("", "5", "0", "同一列表继续"),
		numPara("", "99", "0", "不存在的列表"),
		numPara("", "1", "42", "不存在的级别"),
	}, "")
	data := zipOf(t,
		"[Content_Types].xml", docxContentTypes,
		"_rels/.rels", docxRels,
		"word/document.xml", documentXML(body),
		"word/numbering.xml", testNumbering,
		"word/styles.xml", testStyles)
	zr := mustZip(t, data)
	got, err := docxText("a.docx", zr, "word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"一、2024年工作回顾",
		"（一）稳增长",
		"（二）促改革",
		"1. 第一项",
		"",
		"3. 第三项",
		"1.3.1 法定编号",
		"二、2025年工作安排",
		"（一）抓项目",
		"正文不编号",
		"编号已取消",
		"项目符号",
		"①带圈数字",
		"五、重新编号",
		"三、同一列表继续",
		"不存在的列表",
		"不存在的级别",
	}, "\n")
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestDocxBrokenNumberingIsIgnored(t *testing.T) {
	data := zipOf(t,
		"word/document.xml", documentXML(numPara("", "1", "0", reportText)),
		"word/numbering.xml", `<w:numbering><w:num`)
	got, err := docxText("a.docx", mustZip(t, data), "word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	if got != strings.TrimSpace(reportText) {
		t.Errorf("got %q", trunc(got))
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v      int
		format string
		want   string
	}{
		{1, "chineseCounting", "一"},
		{10, "chineseCounting", "十"},
		{11, "chineseCounting", "十一"},
		{20, "chineseCountingThousand", "二十"},
		{21, "chineseCounting", "二十一"},
		{100, "chineseCounting", "一百"},
		{101, "chineseCounting", "一百零一"},
		{110, "chineseCounting", "一百一十"},
		{1010, "chineseCounting", "一千零一十"},
		{9999, "chineseCounting", "九千九百九十九"},
		{10000, "chineseCounting", "10000"},
		{0, "chineseCounting", "0"},
		{12, "chineseLegalSimplified", "拾贰"},
		{3, "ideographTraditional", "丙"},
		{2024, "ideographDigital", "二〇二四"},
		{3, "decimalEnclosedCircle", "③"},
		{21, "decimalEnclosedCircle", "21"},
		{2, "decimalEnclosedParen", "⑵"},
		{12, "decimalFullWidth", "１２"},
		{7, "decimalZero", "07"},
		{28, "upperLetter", "BB"},
		{3, "lowerLetter", "c"},
		{1994, "upperRoman", "MCMXCIV"},
		{4, "lowerRoman", "iv"},
		{5, "somethingNew", "5"},
	}
	for _, tc := range tests {
		if got := formatNumber(tc.v, tc.format); got != tc.want {
			t.Errorf("formatNumber(%d, %q) = %q, want %q", tc.v, tc.format, got, tc.want)
		}
	}
}
