package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"planbot/answers"
)

const evalSynopsis = `planbot eval [-v] [--dump OUT.jsonl] [--report ID] [--config FILE] FILE.jsonl

Asks every question of a question set and measures the answers beside
those of a plain bleve + gse search: top-1, top-3, top-1 with the right
section, abstention, strict (text and section), withheld and wrong, overall
and per category. -v lists the failures.

A question set has one JSON object a line:
  {"id": "nx001", "q": "今年经济增长目标是多少", "expect": [["5%左右"]],
   "section": ["三、", "（一）"], "cat": "target"}
q is the question (required). expect lists alternatives, each a list of
strings the first answer must all contain; [] or no expect: the reports do
not answer it, and no answer is right. section is a string, or a list of
strings, that the first answer's section path must all contain. cat is a
category for the per-category lines. Full-width and half-width forms match.

--set Name=value changes a weight of the ranking for the run (see
answers/weights.go), to measure what it does on a set.

--dump OUT.jsonl writes every question, one JSON object a line: the case
as read, the answers given and the trace of how it was understood and its
best 30 candidates judged (each with its section, features and the gate
that rejected it), to study a rule on every candidate before building it.`

func runEval(ctx context.Context, args []string, _ io.Reader, out io.Writer) error {
	fs, cfgPath := flags("eval", evalSynopsis, out)
	verbose := fs.Bool("v", false, "list the failures, each with how it was understood and its candidates judged")
	report := fs.String("report", "", "ask only the report with this `id`")
	dump := fs.String("dump", "", "write every question with its answers and candidates to `file` (JSON lines)")
	var sets []string
	fs.Func("set", "set a weight for this run, `Name=value` (e.g. MinCoverage=0.5; repeatable)", func(v string) error {
		sets = append(sets, v)
		return nil
	})
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return errors.New("usage: planbot eval [-v] [--dump OUT.jsonl] [--report ID] FILE.jsonl")
	}
	if *dump != "" && filepath.Clean(*dump) == filepath.Clean(pos[0]) {
		return fmt.Errorf("--dump %s would write over the question set", *dump)
	}
	cases, err := answers.ReadCases(pos[0])
	if err != nil {
		return err
	}
	_, e, err := open(ctx, *cfgPath, true)
	if err != nil {
		return err
	}
	defer e.Close()
	if *report != "" {
		if _, ok := findReport(e, *report); !ok {
			return fmt.Errorf("no report %q; the reports are: %s", *report, knownIDs(e))
		}
	}
	for _, kv := range sets {
		name, value, _ := strings.Cut(kv, "=")
		if err := e.SetWeight(name, value); err != nil {
			return err
		}
	}
	mine := answers.Evaluate(cases, func(q string) []answers.Answer {
		res, _ := e.Ask(ctx, q, answers.Options{ReportID: *report})
		return res.Answers
	})
	plain := answers.Evaluate(cases, answers.Plain(e.Library(), *report))
	answers.Print(out, pos[0], mine, plain, false)
	if *dump != "" {
		if err := dumpCases(ctx, e, cases, *report, *dump); err != nil {
			return err
		}
	}
	if *verbose {
		fmt.Fprintln(out, "failures:")
		for _, f := range mine.All.Failures {
			res, _ := e.Ask(ctx, f.Case.Q, answers.Options{ReportID: *report, Explain: true})
			fmt.Fprintf(out, "\n%s\n", f)
			if res.Trace != nil {
				fmt.Fprint(out, res.Trace)
			} else if res.Note != "" {
				fmt.Fprintln(out, "  "+res.Note)
			}
		}
	}
	return nil
}

// dumpTop is how many candidates of each question eval --dump writes.
const dumpTop = 30

// dumpCases writes each case with its answers and its trace to path, one
// JSON object a line.
func dumpCases(ctx context.Context, e *answers.Engine, cases []answers.Case, report, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, c := range cases {
		res, err := e.Ask(ctx, c.Q, answers.Options{ReportID: report, Explain: true, ExplainTop: dumpTop})
		if err != nil {
			f.Close()
			return fmt.Errorf("dump %s: %w", c.ID, err)
		}
		if err := enc.Encode(struct {
			Case    answers.Case     `json:"case"`
			Answers []answers.Answer `json:"answers"`
			Note    string           `json:"note,omitempty"`
			Trace   *answers.Trace   `json:"trace,omitempty"`
		}{c, res.Answers, res.Note, res.Trace}); err != nil {
			f.Close()
			return fmt.Errorf("dump %s: %w", c.ID, err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("dump: %w", err)
	}
	return f.Close()
}
