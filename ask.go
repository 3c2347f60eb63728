package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"planbot/answers"
)

const askSynopsis = `planbot ask [--json] [--explain] [--top N] [--report ID [--within HEADING]] [--config FILE] "问题"
       planbot ask [--json] ... -

Answers a question from the reports: the sentence that answers it, its
figures marked, its section and report; or says that the reports do not
cover it. With - it reads one question a line from standard input and
answers every line, in order: with --json one JSON object a line, a line it
cannot take (blank, too long, not UTF-8) getting one with an "error" field.
--explain adds how each question was understood and its best candidates
judged (their features, section and the gate that rejected them): printed
before the answer, or as the "trace" field with --json. --within asks
within the section under a heading of the report, as a heading offered for
a question the report does not answer does in the bot.`

// maxLine is the longest input line ask takes as a question.
const maxLine = 2000

func runAsk(ctx context.Context, args []string, in io.Reader, out io.Writer) error {
	fs, cfgPath := flags("ask", askSynopsis, out)
	asJSON := fs.Bool("json", false, "print one JSON object per question")
	top := fs.Int("top", 3, "at most `N` answers")
	reportID := fs.String("report", "", "ask only the report with this `id`")
	explain := fs.Bool("explain", false, "show how each question was understood and its candidates judged")
	within := fs.String("within", "", "ask within the section under this `heading` of the report (--report)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *within != "" && *reportID == "" {
		return fmt.Errorf("--within needs --report: a heading is one report's")
	}
	if len(pos) == 0 {
		return fmt.Errorf(`a question is needed: planbot ask "高标准农田目标是多少" (or - to read from stdin)`)
	}
	_, e, err := open(ctx, *cfgPath, true)
	if err != nil {
		return err
	}
	defer e.Close()
	if *reportID != "" {
		if _, ok := findReport(e, *reportID); !ok {
			return fmt.Errorf("no report %q; the reports are: %s", *reportID, knownIDs(e))
		}
	}
	opt := answers.Options{Top: *top, ReportID: *reportID, Explain: *explain, Within: *within}
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	answer := func(q string) error {
		res, err := e.Ask(ctx, q, opt)
		if err != nil {
			return err
		}
		if *asJSON {
			return enc.Encode(res)
		}
		if res.Trace != nil {
			fmt.Fprint(out, res.Trace)
		}
		printResult(out, res)
		return nil
	}
	if len(pos) != 1 || pos[0] != "-" {
		return answer(strings.Join(pos, " "))
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		bad := ""
		switch {
		case strings.TrimSpace(line) == "":
			bad = "empty line"
		case !utf8.ValidString(line):
			bad = "not UTF-8"
		case utf8.RuneCountInString(line) > maxLine:
			bad = fmt.Sprintf("longer than %d characters", maxLine)
		}
		if bad != "" {
			if *asJSON {
				enc.Encode(struct {
					Question string           `json:"question"`
					Answers  []answers.Answer `json:"answers"`
					Error    string           `json:"error"`
				}{strings.ToValidUTF8(line, "\uFFFD"), []answers.Answer{}, fmt.Sprintf("line %d: %s", n, bad)})
			} else {
				fmt.Fprintf(out, "问: %s\n(line %d: %s)\n\n", firstRunes(line, 40), n, bad)
			}
			continue
		}
		if !*asJSON {
			fmt.Fprintf(out, "问: %s\n", line)
		}
		if err := answer(line); err != nil {
			return err
		}
		if !*asJSON {
			fmt.Fprintln(out)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read questions: %w", err)
	}
	return nil
}

// printResult writes answers for a person, figures in 【】.
func printResult(w io.Writer, res answers.Result) {
	if res.Within != "" && len(res.Answers) == 0 {
		fmt.Fprintf(w, "「%s」中也没有找到能回答这个问题的句子（或报告没有这个标题）。\n", res.Within)
		return
	}
	if res.Within != "" {
		fmt.Fprintf(w, "在「%s」中，与问题最相关的是：\n", res.Within)
	}
	if len(res.Answers) == 0 {
		msg := "报告中没有找到与此相关的内容。"
		if res.Note != "" {
			msg = res.Note + "，" + msg
		}
		fmt.Fprintln(w, msg)
		if len(res.Closest) > 0 {
			fmt.Fprintln(w, "相关章节: "+strings.Join(res.Closest, "；"))
		}
		return
	}
	for i, a := range res.Answers {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%d. %s\n", i+1, markFigures(a))
		if a.Note != "" {
			fmt.Fprintf(w, "   (%s)\n", a.Note)
		}
		fmt.Fprintf(w, "   — %s\n   《%s》\n", a.Section, a.Report)
	}
}

func markFigures(a answers.Answer) string {
	var b strings.Builder
	last := 0
	for _, m := range a.Marks {
		if m.Start < last || m.End > len(a.Text) {
			continue
		}
		b.WriteString(a.Text[last:m.Start])
		b.WriteString("【" + a.Text[m.Start:m.End] + "】")
		last = m.End
	}
	b.WriteString(a.Text[last:])
	return b.String()
}

// firstRunes returns the first n characters of s.
func firstRunes(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
