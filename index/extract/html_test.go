package extract

import (
	"strings"
	"testing"
)

func TestHTMLText(t *testing.T) {
	tests := []struct {
		name string
		page string
		want string
	}{
		{"blocks and inline elements",
			`<body><h1>标题</h1><div>第一段<b>加粗</b>和<a href="#">链接</a>。</div><p>第二段</p><ul><li>一</li><li>二</li></ul></body>`,
			"标题\n第一段加粗和链接。\n第二段\n一\n二"},
		{"br ends lines",
			`<p>甲<br>乙<br/><br>丙</p>`, "甲\n乙\n\n丙"},
		{"entities and nbsp",
			`<p>&nbsp;&nbsp;&nbsp;&nbsp;增长&gt;8%&amp;&lt;10%&#65292;&quot;稳&quot;&#x3002;</p>`, `增长>8%&<10%，"稳"。`},
		{"whitespace collapses, source wrapping inside CJK text does not split it",
			"<p>\n   各位代表：\n   现在，我代表区人民政府\n   向大会报告工作，   请予审议。\n Total   GDP\n  grew.</p>",
			"各位代表：现在，我代表区人民政府向大会报告工作， 请予审议。 Total GDP grew."},
		{"wrapping across inline elements",
			"<p><span>经济</span>\n<span>发展</span> <span>稳定</span></p>", "经济发展 稳定"},
		{"furniture is dropped",
			`<html><head><title>网站标题</title><style>p{}</style></head><body><header>页头</header><nav>导航</nav><script>var x="脚本";</script><noscript>无脚本</noscript>` +
				`<!-- 注释 --><p>正文</p><form><input value="输入"><button>按钮</button><select><option>选项</option></select><textarea>文本</textarea></form><iframe>框架</iframe><footer>页脚</footer></body></html>`,
			"正文"},
		{"conditional comments of Word pages",
			`<p class=MsoListParagraph><![if !supportLists]><span>1.</span><![endif]>第一条<o:p></o:p></p><!--[if gte mso 9]><xml><w:WordDocument>隐藏</w:WordDocument></xml><![endif]-->`,
			"1.第一条"},
		{"data table",
			`<table><caption>表1 主要指标</caption><thead><tr><th>指标</th><th colspan="2">2024年</th></tr></thead>` +
				`<tbody><tr><td><p>地区生产<br>总值</p></td><td>9</td><td>8</td></tr><tr><td>a|b</td><td></td><td>x</td></tr><tr><td></td><td> </td><td></td></tr></tbody></table><p>表后</p>`,
			"表1 主要指标\n| 指标 | 2024年 |  |\n| 地区生产 总值 | 9 | 8 |\n| a｜b |  | x |\n表后"},
		{"table without tbody, unclosed cells",
			`<table><tr><td>甲<td>乙<tr><td>丙<td>丁</table>`, "| 甲 | 乙 |\n| 丙 | 丁 |"},
		{"single column table is layout",
			`<table><tr><td><p>第一段</p><p>第二段</p></td></tr><tr><td>第三段</td></tr></table>`, "第一段\n第二段\n第三段"},
		{"layout table around the article, data table inside",
			`<table><tr><td>左栏</td><td><p>正文第一段</p><table><tr><td>a</td><td>b</td></tr></table><p>正文第二段</p></td></tr></table>`,
			"左栏\n正文第一段\n| a | b |\n正文第二段"},
		{"table with a long cell is layout",
			`<table><tr><td>目录</td><td><p>` + strings.Repeat("长", maxCellRunes+1) + `</p><p>下一段</p></td></tr></table>`,
			"目录\n" + strings.Repeat("长", maxCellRunes+1) + "\n下一段"},
		{"presentation table is layout",
			`<table role="presentation"><tr><td>甲</td><td>乙</td></tr></table>`, "甲\n乙"},
		{"pre keeps lines",
			"<pre>  第一行\n第二行   末尾\n\n第四行</pre>", "第一行\n第二行   末尾\n\n第四行"},
		{"hostile colspan is capped",
			`<table><tr><td colspan="99999">x</td><td>y</td></tr></table>`, "| x" + strings.Repeat(" | ", maxSpan-1) + " | y |"},
		{"row spans leave empty cells below them",
			`<table><tr><th rowspan="3">工业</th><th>产值</th><th rowspan="2">备注</th></tr><tr><td>393</td></tr><tr><td>21</td><td>增速</td></tr><tr><td>农业</td><td>15.7</td><td>x</td></tr></table>`,
			"| 工业 | 产值 | 备注 |\n|  | 393 |  |\n|  | 21 | 增速 |\n| 农业 | 15.7 | x |"},
		{"row and column spans together",
			`<table><tr><td rowspan=2 colspan=2>合并</td><td>c</td></tr><tr><td>f</td></tr><tr><td>g</td><td>h</td><td>i</td></tr></table>`,
			"| 合并 |  | c |\n|  |  | f |\n| g | h | i |"},
		{"very wide table is layout",
			`<table><tr>` + strings.Repeat(`<td>格</td>`, maxColumns+1) + `</tr></table>`,
			strings.TrimSuffix(strings.Repeat("格\n", maxColumns+1), "\n")},
		{"fragment without html element", `<p>只有段落</p>`, "只有段落"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := htmlText(tc.page); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestHTMLDeepNesting checks the fallback for pages html.Parse rejects
// (nested deeper than 512 elements).
func TestHTMLDeepNesting(t *testing.T) {
	const depth = 100000
	page := `<html><head><title>标题</title><script>var s = "</div>";</script><body><nav><ul><li>导航</ul></nav>` +
		strings.Repeat("<div><span>", depth) + "深处<br>第二行<table><tr><td>甲<td>乙</table><pre>  保留\n  空格</pre><p>最后</p>" +
		strings.Repeat("</span></div>", depth) + `<footer>页脚<img src=a.png></footer>`
	if got, want := htmlText(page), "深处\n第二行\n甲\n乙\n保留\n空格\n最后"; got != want {
		t.Errorf("got  %q\nwant %q", trunc(got), want)
	}
}

func TestKindOfMarkup(t *testing.T) {
	tests := []struct {
		file, head string
		want       markup
	}{
		{"a.html", "<!DOCTYPE html><html>", markupHTML},
		{"a", "\n\n  <HTML lang=zh>", markupHTML},
		{"a", "<!-- saved from url=(0030)http://example.gov.cn/ -->\r\n<html>", markupHTML},
		{"a", `<?xml version="1.0" encoding="gb2312"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"><html>`, markupHTML},
		{"a", "<meta charset=gbk><p>正文", markupHTML},
		{"a", "<p>正文</p>", markupHTML},
		{"a.txt", "标题\n<body>", markupHTML},
		{"a.htm", "正文<br>第二行", markupHTML},
		{"a.txt", "正文<br>第二行", markupNone},
		{"a.txt", "<<政府工作报告>>\n各位代表", markupNone},
		{"a.txt", "<附件>", markupNone},
		{"a.txt", "各位代表：x < y", markupNone},
		{"a.xml", `<?xml version="1.0"?><w:wordDocument>`, markupXML},
		{"a", "<report><para>正文</para></report>", markupXML},
	}
	for _, tc := range tests {
		if got := kindOfMarkup(tc.file, tc.head); got != tc.want {
			t.Errorf("kindOfMarkup(%q, %q) = %v, want %v", tc.file, tc.head, got, tc.want)
		}
	}
}
