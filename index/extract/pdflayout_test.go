package extract

import (
	"strings"
	"testing"
)

// sheet lays out lines of text as glyphs on A4 pages, as a PDF producer
// would: each character a box of its size, lines at a fixed pitch.
type sheet struct {
	pages []pdfPage
	y     float64
}

const (
	sheetLeft  = 80.0
	sheetRight = 520.0
	sheetBody  = 16.0
)

// page starts a new page.
func (s *sheet) page() *sheet {
	s.pages = append(s.pages, pdfPage{w: 595, h: 842})
	s.y = 740
	return s
}

// at writes text at x with the given size on the line at y, advancing
// nothing.
func (s *sheet) at(x, y, size float64, text string) *sheet {
	p := &s.pages[len(s.pages)-1]
	for _, r := range text {
		w := size
		if r < 0x2000 {
			w = size / 2
		}
		if r != ' ' {
			p.glyphs = append(p.glyphs, glyph{r: r, x0: x, x1: x + w, y0: y, y1: y + size})
		}
		x += w
	}
	return s
}

// line writes a body line, indented by indent characters, and moves down.
func (s *sheet) line(indent int, text string) *sheet {
	s.at(sheetLeft+float64(indent)*sheetBody, s.y, sheetBody, text)
	s.y -= 28
	return s
}

// para writes a paragraph as a government document sets it: the first
// line indented by two characters, the lines full to the right margin.
func (s *sheet) para(text string) *sheet {
	perLine := 27 // (sheetRight - sheetLeft) / sheetBody, whole characters
	rs := []rune(text)
	first := true
	for len(rs) > 0 {
		n, indent := perLine, 0
		if first {
			n, indent = perLine-2, 2
		}
		n = min(n, len(rs))
		s.line(indent, string(rs[:n]))
		rs = rs[n:]
		first = false
	}
	return s
}

// down moves the next line to y.
func (s *sheet) down(y float64) *sheet { s.y = y; return s }

// footer writes a page number at the foot of the page.
func (s *sheet) footer(text string) *sheet { return s.at(280, 60, 14, text) }

func TestPDFLayout(t *testing.T) {
	long := strings.Repeat("全市地区生产总值增长百分之五点五，", 4) // 68 characters: three lines
	// A paragraph whose first two lines fill a page's last two lines
	// (25 and 27 characters), the rest on the next page.
	full, rest := string([]rune(long)[:52]), string([]rune(long)[52:])
	tests := []struct {
		name  string
		sheet *sheet
		want  []string
	}{
		{
			name:  "paragraphs by indent and short last line",
			sheet: new(sheet).page().line(2, "一、总体情况").para(long).para("第二段很短。"),
			want:  []string{"一、总体情况", long, "第二段很短。"},
		},
		{
			name: "a paragraph across a page break, page numbers dropped",
			sheet: new(sheet).page().para(full).footer("— 1 —").
				page().line(0, rest).footer("— 2 —"),
			want: []string{long},
		},
		{
			name: "running header repeated on every page dropped",
			sheet: new(sheet).page().at(80, 800, 10, "九原区发展和改革委员会文件").line(2, "第一页的段落。").
				page().at(80, 800, 10, "九原区发展和改革委员会文件").line(2, "第二页的段落。").
				page().at(80, 800, 10, "九原区发展和改革委员会文件").line(2, "第三页的段落。"),
			want: []string{"第一页的段落。", "第二页的段落。", "第三页的段落。"},
		},
		{
			name: "footnote moved to the end, sentence kept whole",
			sheet: new(sheet).page().para(full).
				at(80, 120, 12, "①注释的说明文字。").footer("— 1 —").
				page().line(0, rest),
			want: []string{long, "注释", "①注释的说明文字。"},
		},
		{
			name: "meeting header above the title dropped, title joined",
			sheet: new(sheet).page().at(80, 780, 16, "区十八届人大").at(80, 760, 16, "四次会议文件（3）").
				at(140, 700, 24, "关于九原区2024年计划执行情况").at(180, 672, 24, "的报告").
				down(620).line(0, "各位代表：").para("我受区人民政府委托，向大会报告，请予审议。"),
			want: []string{"关于九原区2024年计划执行情况的报告", "各位代表：", "我受区人民政府委托，向大会报告，请予审议。"},
		},
		{
			name:  "full-width digits and spaced numbers normalised",
			sheet: new(sheet).page().line(2, "增长 ５.５%，达到 2025 年目标。"),
			want:  []string{"增长5.5%，达到2025年目标。"},
		},
		{
			name:  "English words keep their spaces",
			sheet: new(sheet).page().line(2, "研发投入强度（R&D ratio）提高。"),
			want:  []string{"研发投入强度（R&D ratio）提高。"},
		},
		{
			name: "table rows",
			sheet: new(sheet).page().
				at(80, 700, 10, "项目").at(200, 700, 10, "预算数").at(300, 700, 10, "执行数").
				at(80, 685, 10, "税收收入").at(200, 685, 10, "1843890").at(300, 685, 10, "1760417"),
			want: []string{"| 项目 | 预算数 | 执行数 |", "| 税收收入 | 1843890 | 1760417 |"},
		},
		{
			name: "a wrapped cell joins its row",
			sheet: new(sheet).page().
				at(80, 700, 10, "项目").at(200, 700, 10, "预算数").at(300, 700, 10, "执行数").
				at(80, 686, 10, "文化旅游共同事权转").at(200, 680, 10, "11963").at(300, 680, 10, "16332").at(80, 674, 10, "移支付"),
			want: []string{"| 项目 | 预算数 | 执行数 |", "| 文化旅游共同事权转移支付 | 11963 | 16332 |"},
		},
		{
			name:  "bold by double striking counts once",
			sheet: new(sheet).page().line(2, "加粗的标题").at(sheetLeft+2*sheetBody+0.4, 740.3, sheetBody, "加粗的标题"),
			want:  []string{"加粗的标题"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Split(cleanText(pdfLayout(tc.sheet.pages)), "\n")
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestIsPageNumber(t *testing.T) {
	for s, want := range map[string]bool{
		"— 1 —": true, "-12-": true, "第3页": true, "第 3 页 共 20 页": true, "3/20": true, "iv": true, "15": true,
		"一、总体情况": false, "2025年": false, "— 附件 —": false, "": false,
	} {
		if got := isPageNumber(s); got != want {
			t.Errorf("isPageNumber(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestPickReport(t *testing.T) {
	body := strings.Repeat("全市经济运行总体平稳，主要指标好于预期。", 60)
	plan := "关于九原区2024年国民经济和社会发展计划执行情况与2025年计划草案的报告"
	budget := "关于九原区2024年预算执行情况和2025年预算草案的报告"
	resolution := "关于九原区2025年国民经济和社会发展计划的决议"
	tests := []struct {
		name, text, want, err string
	}{
		{name: "one document", text: plan + "\n" + body, want: plan + "\n" + body},
		{name: "the plan of a gazette", text: "政府公报\n" + budget + "\n" + body + "\n" + plan + "\n" + body + "\n" + resolution + "\n" + body, want: plan + "\n" + body},
		{name: "contents entries are no documents", text: plan + "\n" + budget + "\n" + plan + "\n" + body, want: plan + "\n" + body},
		{name: "two reports, neither a plan", text: budget + "\n" + body + "\n关于九原区2024年政府工作的报告\n" + body, err: "这份 PDF 含有多份文件（1." + budget},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := pickReport("g.pdf", tc.text)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.(*Error).Reason, tc.err) {
					t.Fatalf("err = %v, want one saying %q", err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("pickReport = %.40q…, %v; want %.40q…", got, err, tc.want)
			}
		})
	}
}
