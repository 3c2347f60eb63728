package main

import (
	"context"
	"errors"
	"fmt"
	"io"

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
category for the per-category lines. Full-width and half-width forms match.`

func runEval(ctx context.Context, args []string, _ io.Reader, out io.Writer) error {
	fs, cfgPath := flags("eval", evalSynopsis, out)
	verbose := fs.Bool("v", false, "list the failures")
	report := fs.String("report", "", "ask only the report with this `id`")
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
	mine := answers.Evaluate(cases, func(q string) []answers.Answer {
		res, _ := e.Ask(ctx, q, answers.Options{ReportID: *report})
		return res.Answers
	})
	plain := answers.Evaluate(cases, answers.Plain(e.Library(), *report))
	answers.Print(out, pos[0], mine, plain, *verbose)
	return nil
}
