// Command planbot answers questions about Chinese government planning
// reports, from the command line or as a Telegram bot.
//
//	planbot ask "高标准农田目标是多少"      answer a question (--json, --top N, --report ID, - for stdin)
//	planbot index                           rebuild the index from the seeds and the added reports
//	planbot index add FILE [--id ID]        add a report (--replace to replace the one with that id)
//	planbot index remove ID                 remove an added report
//	planbot reports                         list the reports, and the files that could not be read
//	planbot outline FILE|ID                 the heading tree of a report with its periods and counts
//	planbot eval [-v] FILE.jsonl            measure answer quality on a question set
//	planbot vocab check [FILE]              check the vocabulary
//	planbot feedback [--since 7d] [--json]  what the bot's users said: 👎 and unanswered questions
//	planbot feedback export FILE.jsonl      those questions as a question set for eval
//	planbot serve                           run the Telegram bot
//
// Every subcommand takes --config FILE (default ./config.yaml) and -h.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"planbot/answers"
	"planbot/bot/config"
)

const usage = `planbot answers questions about government planning reports.

usage:
  planbot ask [--json] [--explain] [--top N] [--report ID [--within HEADING]] "问题"   (or - to read one question a line)
  planbot index                      rebuild the index from the seeds and the added reports
  planbot index add FILE [--id ID] [--replace]   add a report (pdf, docx, doc, wps, html, txt)
  planbot index remove ID            remove a report added with index add
  planbot reports                    list the reports, and the files that could not be read
  planbot outline FILE|ID            the heading tree of a report, with periods and counts
  planbot eval [-v] [--dump OUT.jsonl] [--report ID] FILE.jsonl   measure answer quality on a question set
  planbot vocab check [FILE]         check the vocabulary (the built-in one and the config's, or FILE)
  planbot feedback [--since 7d] [--json]   the bot's 👎 and unanswered questions, grouped
  planbot feedback export FILE.jsonl the same as a question set for planbot eval, to label
  planbot serve                      run the Telegram bot

every subcommand takes --config FILE (default ./config.yaml) and -h
`

// command is a subcommand: its synopsis and what it runs.
type command struct {
	synopsis string // shown by -h
	run      func(ctx context.Context, args []string, in io.Reader, out io.Writer) error
}

var commands = map[string]command{
	"ask":      {askSynopsis, runAsk},
	"index":    {indexSynopsis, runIndex},
	"reports":  {reportsSynopsis, runReports},
	"outline":  {outlineSynopsis, runOutline},
	"eval":     {evalSynopsis, runEval},
	"vocab":    {vocabSynopsis, runVocab},
	"feedback": {feedbackSynopsis, runFeedback},
	"serve":    {serveSynopsis, runServe},
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	name, args := os.Args[1], os.Args[2:]
	if name == "help" || name == "-h" || name == "--help" {
		fmt.Print(usage)
		return
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(os.Stderr, "planbot: unknown command %q\n\n%s", name, usage)
		os.Exit(2)
	}
	err := cmd.run(ctx, args, os.Stdin, os.Stdout)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return
	case err != nil:
		fmt.Fprintf(os.Stderr, "planbot %s: %v\n", name, err)
		os.Exit(1)
	}
}

// flags returns the flag set of a subcommand, with --config, and whose -h
// prints the subcommand's synopsis and flags to out.
func flags(name, synopsis string, out io.Writer) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	cfg := fs.String("config", "config.yaml", "configuration `file`")
	fs.Usage = func() {
		fmt.Fprintf(out, "usage: %s\n\nflags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs, cfg
}

// parse parses args, flags and positional arguments in any order
// (ask "问题" --json), and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// open loads the configuration and opens the engine over the library.
// build lets the library be built when the data directory has none (a
// first question on a fresh checkout).
func open(ctx context.Context, cfgPath string, build bool) (*config.Config, *answers.Engine, error) {
	cfg, err := config.Load(cfgPath)
	if err != nil {
		return nil, nil, err
	}
	e, err := answers.Open(ctx, cfg.Setup(cfg.Logger(), build))
	if err != nil {
		return nil, nil, err
	}
	return cfg, e, nil
}

// knownIDs lists the ids of the reports, for an error about another one.
func knownIDs(e *answers.Engine) string {
	var ids []string
	for _, r := range e.Library().Reports() {
		ids = append(ids, r.Meta.ID)
	}
	sort.Strings(ids)
	return strings.Join(ids, ", ")
}
