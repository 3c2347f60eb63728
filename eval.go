package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"planbot/answers"
)

const evalSynopsis = `planbot eval [-v] [--report ID] [--config FILE] FILE.jsonl

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
answers/weights.go), to measure what it does on a set.`

func runEval(ctx context.Context, args []string, _ io.Reader, out io.Writer) error {
	fs, cfgPath := flags("eval", evalSynopsis, out)
	verbose := fs.Bool("v", false, "list the failures, each with how it was understood and its candidates judged")
	report := fs.String("report", "", "ask only the report with this `id`")
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
		return errors.New("usage: planbot eval [-v] [--report ID] FILE.jsonl")
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
