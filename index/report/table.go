package report

import (
	"regexp"
	"strings"
)

var (
	// A value cell: a number not followed by 年/月/日 ("8左右", "3.9以内", "-2").
	reValue     = regexp.MustCompile(`^[-−]?\d+(?:\.\d+)?(?:$|[^\d.年月日])`)
	reLeadNum   = regexp.MustCompile(`^(-?\d+(?:\.\d+)?)`)
	reSpaceInCJ = regexp.MustCompile(`(\p{Han})\s+(\p{Han})`)
)

// isTableLine reports whether l is a line of a table: a "| a | b |" row or
// a "cell |" line of a table flattened one cell per line.
func isTableLine(l string) bool {
	return strings.HasPrefix(l, "|") || strings.HasSuffix(l, "|")
}

// isRowLine reports whether l is a whole table row, "| a | b |".
func isRowLine(l string) bool {
	return len(l) > 1 && strings.HasPrefix(l, "|") && strings.HasSuffix(l, "|") && strings.Trim(l, "| ") != ""
}

// tableLen returns how many lines at the start of lines belong to a table:
// at least two rows written as "| a | b |", or at least three cells of a
// table flattened one per line as "cell |" (a bare "|" ends a header row).
func tableLen(lines []string) int {
	n := 0
	if len(lines) > 0 && isRowLine(lines[0]) {
		for n < len(lines) && isRowLine(lines[n]) {
			n++
		}
		if n < 2 {
			return 0
		}
		return n
	}
	for n < len(lines) && isTableLine(lines[n]) {
		n++
	}
	if n < 3 {
		return 0
	}
	return n
}

// tableRows turns the lines of a table into header rows and data rows of
// cells; the first cell of a data row is its indicator.
func tableRows(lines []string) (header [][]string, data [][]string) {
	if isRowLine(lines[0]) {
		width := 0
		rows := make([][]string, 0, len(lines))
		for _, l := range lines {
			r := splitCells(l)
			width = max(width, len(r))
			rows = append(rows, r)
		}
		for i := range rows {
			for len(rows[i]) < width {
				rows[i] = append(rows[i], "")
			}
		}
		return splitHeader(rows)
	}
	return flatRows(lines)
}

// flatRows reads a table flattened one cell per line: the header rows end
// with a bare "|"; the data cells follow, as many per row as the last
// header row has columns (plus one for the indicator unless the header
// names that column).
func flatRows(lines []string) (header [][]string, data [][]string) {
	var cur []string
	for _, l := range lines {
		cell := cleanCell(strings.TrimSuffix(l, "|"))
		if cell == "" {
			if len(cur) > 0 {
				header = append(header, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, cell)
	}
	if len(header) == 0 {
		return nil, nil
	}
	leaf := header[len(header)-1]
	width := len(leaf) + 1
	if isIndicatorHeader(leaf[0]) {
		width = len(leaf)
	}
	for len(cur) >= width {
		data = append(data, cur[:width])
		cur = cur[width:]
	}
	return header, data
}

func splitCells(l string) []string {
	l = strings.TrimSuffix(strings.TrimPrefix(l, "|"), "|")
	var out []string
	for _, c := range strings.Split(l, "|") {
		out = append(out, cleanCell(c))
	}
	return out
}

func cleanCell(c string) string {
	c = strings.TrimSpace(c)
	return reSpaceInCJ.ReplaceAllString(c, "$1$2")
}

// splitHeader separates the leading header rows (rows with no value cells)
// from the data rows.
func splitHeader(rows [][]string) (header, data [][]string) {
	for i, r := range rows {
		for _, c := range r[1:] {
			if reValue.MatchString(c) {
				return rows[:i], rows[i:]
			}
		}
	}
	return rows[:min(1, len(rows))], rows[min(1, len(rows)):]
}

func isIndicatorHeader(c string) bool {
	return strings.Contains(c, "指标") || strings.Contains(c, "项目") || strings.Contains(c, "名称")
}

// columnNames builds one name per value column from one or two header rows:
// "2024年(%)" over "计划增速" and "完成情况" gives "2024年计划增速" and
// "2024年完成情况". percent tells whether a column's values are in %.
// A header row one cell wider than the values names the indicator column
// first; that cell is dropped.
func columnNames(header [][]string, width int) (names []string, percent []bool) {
	names = make([]string, width)
	percent = make([]bool, width)
	if len(header) == 0 {
		return names, percent
	}
	leaf := valueColumns(header[len(header)-1], width)
	var groups []string
	if len(header) > 1 {
		groups = valueColumns(header[0], width)
		if len(groups) == len(leaf) {
			fillMerged(groups)
		}
	}
	owner := groupOf(groups, leaf)
	for i := 0; i < width && i < len(leaf); i++ {
		g := ""
		if owner[i] >= 0 {
			g = groups[owner[i]]
		}
		percent[i] = strings.Contains(g+leaf[i], "%") || strings.Contains(g+leaf[i], "％")
		names[i] = stripUnit(g) + stripUnit(leaf[i])
	}
	return names, percent
}

// valueColumns drops the indicator column from a header row.
func valueColumns(row []string, width int) []string {
	if len(row) > 0 && (len(row) == width+1 || isIndicatorHeader(row[0]) || row[0] == "") {
		return row[1:]
	}
	return row
}

// fillMerged gives the empty cells of a group header row, left by a cell
// merged across columns, the name of the cell to their left.
func fillMerged(groups []string) {
	for i := 1; i < len(groups); i++ {
		if groups[i] == "" {
			groups[i] = groups[i-1]
		}
	}
}

// groupOf assigns each leaf column to a group header. Leaves naming a
// target (预期, 目标) at the end belong to the last group; the others are
// shared out in order among the groups before it.
func groupOf(groups, leaf []string) []int {
	owner := make([]int, len(leaf))
	for i := range owner {
		owner[i] = -1
	}
	switch {
	case len(groups) == 0:
		return owner
	case len(groups) == len(leaf):
		for i := range owner {
			owner[i] = i
		}
		return owner
	}
	last := len(leaf)
	for last > 1 && containsAny(leaf[last-1], []string{"预期", "目标"}) {
		last--
	}
	if last == len(leaf) {
		last = len(leaf) - 1
	}
	for i := last; i < len(leaf); i++ {
		owner[i] = len(groups) - 1
	}
	early := len(groups) - 1
	if early == 0 {
		early = 1
	}
	per := (last + early - 1) / early
	for i := 0; i < last; i++ {
		owner[i] = min(i/max(per, 1), len(groups)-1)
	}
	return owner
}

func stripUnit(s string) string {
	for _, u := range []string{"(%)", "（%）", "（％）", "%", "％"} {
		s = strings.ReplaceAll(s, u, "")
	}
	return strings.TrimSpace(s)
}

// table adds the rows of a table as sentences of the table part.
func (p *parser) table(lines []string) {
	header, data := tableRows(lines)
	if len(data) == 0 {
		for _, l := range lines { // not a table we understand: keep its text
			if t := strings.Join(strings.Fields(strings.Join(splitCells(l), " ")), " "); t != "" {
				p.paragraph(t, plain)
			}
		}
		return
	}
	names, percent := columnNames(header, len(data[0])-1)
	r := p.r
	section := p.sectionPath()
	for _, cells := range data {
		row := TableRow{Indicator: cells[0]}
		for i, v := range cells[1:] {
			if i < len(percent) && percent[i] {
				v = reLeadNum.ReplaceAllString(v, "$1%")
			}
			row.Columns = append(row.Columns, names[i])
			row.Values = append(row.Values, v)
		}
		r.Rows = append(r.Rows, row)
		text, figs := row.render(r.Meta.ReviewYear, r.Meta.PlanYear)
		r.Sentences = append(r.Sentences, Sentence{
			ID: len(r.Sentences), Para: -1, Row: len(r.Rows) - 1,
			Section: section, Part: PartTable, Span: SpanYear, Text: text, Figures: figs,
		})
		r.Headings = append(r.Headings, row.Indicator)
	}
}

// render writes a row as one readable line with its figures:
// "地区生产总值：2024年计划增速9%左右，2024年完成情况8%，2025年预期目标8%左右".
// Empty cells are left out.
func (row TableRow) render(reviewYear, planYear int) (string, []Figure) {
	var b strings.Builder
	var figs []Figure
	b.WriteString(row.Indicator)
	b.WriteString("：")
	first := true
	for i, v := range row.Values {
		if v == "" {
			continue
		}
		if !first {
			b.WriteString("，")
		}
		first = false
		col := row.Columns[i]
		b.WriteString(col)
		at := b.Len()
		b.WriteString(v)
		for _, f := range extractFigures(v, PartTable, reviewYear, planYear) {
			f.Start += at
			f.End += at
			f.Measure = row.Indicator
			f.Period, f.Year = columnPeriod(col, reviewYear, planYear)
			f.Span = SpanYear
			figs = append(figs, f)
		}
	}
	return b.String(), figs
}

// columnPeriod tells from a column name whether its values are results.
func columnPeriod(col string, reviewYear, planYear int) (Period, int) {
	year := 0
	if m := reTitleYr.FindStringSubmatch(col); m != nil {
		for _, r := range m[1] {
			year = year*10 + int(r-'0')
		}
	}
	if containsAny(col, []string{"完成", "实际", "实绩", "预计"}) && !containsAny(col, []string{"目标", "计划"}) {
		if year == 0 {
			year = reviewYear
		}
		return PeriodResult, year
	}
	if year == 0 {
		year = planYear
	}
	return PeriodTarget, year
}
