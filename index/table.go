package index

import (
	"regexp"
	"strings"
)

var (
	reValue     = regexp.MustCompile(`^-?\d`)
	reLeadNum   = regexp.MustCompile(`^(-?\d+(?:\.\d+)?)`)
	reSpaceInCJ = regexp.MustCompile(`(\p{Han})\s+(\p{Han})`)
)

// tableLen returns how many lines at the start of lines belong to a table:
// either rows written as "| a | b |" or the cells of a table flattened one
// per line as "cell |".
func tableLen(lines []string) int {
	n := 0
	for _, l := range lines {
		if !strings.HasSuffix(l, "|") && !strings.HasPrefix(l, "|") {
			break
		}
		n++
	}
	if n < 3 {
		return 0
	}
	return n
}

// tableRows turns the lines of a table into rows of cells.
func tableRows(lines []string) (header [][]string, data [][]string) {
	if strings.HasPrefix(lines[0], "|") {
		var rows [][]string
		for _, l := range lines {
			rows = append(rows, splitCells(l))
		}
		return splitHeader(rows)
	}
	// Flattened: one cell per line; a line that is only "|" ends a header row.
	var rows [][]string
	var cur []string
	for _, l := range lines {
		cell := cleanCell(strings.TrimSuffix(l, "|"))
		if cell == "" {
			if len(cur) > 0 {
				rows = append(rows, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, cell)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	leaf := rows[len(rows)-1]
	width := len(leaf) + 1
	if isIndicatorHeader(leaf[0]) {
		width = len(leaf)
	}
	for len(cur) >= width {
		data = append(data, cur[:width])
		cur = cur[width:]
	}
	return rows, data
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
func columnNames(header [][]string, width int) (names []string, percent []bool) {
	names = make([]string, width)
	percent = make([]bool, width)
	if len(header) == 0 {
		return names, percent
	}
	leaf := header[len(header)-1]
	if len(leaf) > 0 && isIndicatorHeader(leaf[0]) {
		leaf = leaf[1:]
	}
	var groups []string
	if len(header) > 1 {
		groups = header[0]
		if len(groups) > 0 && isIndicatorHeader(groups[0]) {
			groups = groups[1:]
		}
	}
	owner := groupOf(groups, leaf)
	for i := 0; i < width && i < len(leaf); i++ {
		g := ""
		if owner[i] >= 0 {
			g = groups[owner[i]]
		}
		percent[i] = strings.Contains(g+leaf[i], "%")
		names[i] = stripUnit(g) + stripUnit(leaf[i])
	}
	return names, percent
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
	for _, u := range []string{"(%)", "（%）", "%"} {
		s = strings.ReplaceAll(s, u, "")
	}
	return strings.TrimSpace(s)
}

// table adds the rows of a table as sentences of the table part.
func (p *parser) table(lines []string) {
	header, data := tableRows(lines)
	if len(data) == 0 {
		for _, l := range lines { // not a table we understand: keep its text
			p.paragraph(strings.Trim(l, "| "))
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
			Section: section, Part: PartTable, Text: text, Figures: figs,
		})
		r.Headings = append(r.Headings, row.Indicator)
	}
}

// render writes a row as one readable line with its figures:
// "地区生产总值：2024年计划增速9%左右，2024年完成情况8%，2025年预期目标8%左右".
func (row TableRow) render(reviewYear, planYear int) (string, []Figure) {
	var b strings.Builder
	var figs []Figure
	b.WriteString(row.Indicator)
	b.WriteString("：")
	for i, v := range row.Values {
		if i > 0 {
			b.WriteString("，")
		}
		col := row.Columns[i]
		b.WriteString(col)
		at := b.Len()
		b.WriteString(v)
		for _, f := range extractFigures(v, PartTable, reviewYear, planYear) {
			f.Start += at
			f.End += at
			f.Measure = row.Indicator
			f.Period, f.Year = columnPeriod(col, reviewYear, planYear)
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
	if containsAny(col, []string{"完成", "实际", "实绩"}) {
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
