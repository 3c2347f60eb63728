package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"planbot/answers"
	"planbot/index"
	"planbot/index/report"
)

const indexSynopsis = `planbot index [--config FILE]
       planbot index add FILE [--id ID] [--replace] [--config FILE]
       planbot index remove ID [--config FILE]

index rebuilds every report: the files of the seeds directory and the
reports added before. A file that cannot be read is skipped and listed by
planbot reports. index add adds one report file (txt in UTF-8/GBK/UTF-16,
docx, html) and indexes it alone; its id comes from --id, else from the
file name, else from the report's place and year, and an id already taken
is refused unless --replace. index remove removes an added report.`

func runIndex(ctx context.Context, args []string, _ io.Reader, out io.Writer) error {
	fs, cfgPath := flags("index", indexSynopsis, out)
	id := fs.String("id", "", "report `id` for index add (default: from the file name, or the place and year)")
	replace := fs.Bool("replace", false, "index add: replace the added report with the same id")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	_, e, err := open(ctx, *cfgPath, true)
	if err != nil {
		return err
	}
	defer e.Close()
	lib := e.Library()
	progress := func(stage string) { fmt.Fprintln(out, stage) }
	switch {
	case len(pos) == 0:
		st, fresh := lib.BuiltByOpen() // opening an empty data directory just built it
		if !fresh {
			if st, err = lib.Rebuild(ctx, progress); err != nil {
				return err
			}
		}
		fmt.Fprintf(out, "完成: %d 份报告, %d 句, %d 个数字 (%v)\n", st.Reports, st.Sentences, st.Figures, st.Took.Round(1e6))
		for _, f := range lib.Failed() {
			fmt.Fprintf(out, "未能导入 %s: %s\n", f.Source, f.Reason)
		}
	case pos[0] == "add" && len(pos) == 2:
		data, err := index.ReadFile(pos[1])
		if err != nil {
			return err
		}
		en, err := lib.Add(ctx, pos[1], data, index.AddOptions{ID: *id, Replace: *replace, Progress: progress})
		if err != nil {
			return err
		}
		m := en.Meta
		fmt.Fprintf(out, "已添加 %s: %s (%s, %d年回顾, %d年计划, %d 句, %d 个数字)\n",
			m.ID, m.Title, m.Region, m.ReviewYear, m.PlanYear, en.Sentences, en.Figures)
	case pos[0] == "remove" && len(pos) == 2:
		if err := lib.Remove(ctx, pos[1]); err != nil {
			if errors.Is(err, index.ErrNotFound) {
				return fmt.Errorf("%w; the reports are: %s", err, knownIDs(e))
			}
			return err
		}
		fmt.Fprintf(out, "已删除 %s; 还有 %d 份报告\n", pos[1], len(lib.Reports()))
	default:
		fs.Usage()
		return errors.New("usage: planbot index | index add FILE [--id ID] [--replace] | index remove ID")
	}
	return nil
}

const reportsSynopsis = `planbot reports [--config FILE]

Lists the reports being served, the report files that could not be read
(with the reason), and whether the index matches the report files.`

func runReports(ctx context.Context, args []string, _ io.Reader, out io.Writer) error {
	fs, cfgPath := flags("reports", reportsSynopsis, out)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	_, e, err := open(ctx, *cfgPath, false)
	if err != nil {
		return err
	}
	defer e.Close()
	lib := e.Library()
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\t地区\t回顾\t计划\t日期\t句子\t数字\t来源\t标题")
	for _, en := range lib.Reports() {
		src := "added"
		if en.Seed {
			src = "seed"
		}
		m := en.Meta
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%d\t%d\t%s\t%s\n", m.ID, m.Region, m.ReviewYear, m.PlanYear, m.Date, en.Sentences, en.Figures, src, m.Title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, f := range lib.Failed() {
		fmt.Fprintf(out, "未能导入 %s: %s\n", f.Source, f.Reason)
	}
	if why := lib.Stale(); why != "" {
		fmt.Fprintf(out, "索引与报告文件不一致 (%s)，请运行 planbot index\n", why)
	}
	return nil
}

const outlineSynopsis = `planbot outline [--config FILE] FILE|ID

Prints the heading tree of a report file, or of the report ID of the
library: each heading with the periods of the text under it (review or
plan, one year or five) and the counts of its sentences and figures.`

// runOutline prints the heading tree of a report file or of a report of
// the library.
func runOutline(ctx context.Context, args []string, _ io.Reader, out io.Writer) error {
	fs, cfgPath := flags("outline", outlineSynopsis, out)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return errors.New("usage: planbot outline FILE|ID")
	}
	if _, err := os.Stat(pos[0]); err == nil {
		data, err := index.ReadFile(pos[0])
		if err != nil {
			return err
		}
		r, err := report.ParseFile(pos[0], data, report.Meta{}, filepath.Base(pos[0]), "")
		if err != nil {
			return err
		}
		return r.Outline(out)
	}
	_, e, err := open(ctx, *cfgPath, false)
	if err != nil {
		return err
	}
	defer e.Close()
	r, ok := findReport(e, pos[0])
	if !ok {
		return fmt.Errorf("%q is neither a file nor a report; the reports are: %s", pos[0], knownIDs(e))
	}
	return r.Outline(out)
}

// findReport returns the parsed report id of the library.
func findReport(e *answers.Engine, id string) (*report.Report, bool) {
	var r *report.Report
	e.Library().View(func(s *index.Snapshot) error {
		if l, err := s.Open(id); err == nil {
			r = l.Report()
		}
		return nil
	})
	return r, r != nil
}
