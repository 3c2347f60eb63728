package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"planbot/bot/config"
	"planbot/bot/feedback"
)

const feedbackSynopsis = `planbot feedback [--since 7d] [--json] [--config FILE]
       planbot feedback export [--since 7d] FILE.jsonl

Prints what the bot's users said (the feedback log in data_dir, written by
planbot serve): the number of 👍, 👎 and unanswered questions, then the
questions voted down or left unanswered, grouped and counted, the latest
first, each with how it was understood and the answer voted down. --json
prints the same as one JSON object. --since limits it to the last days or
hours (7d, 36h); by default all that is kept (feedback.retention).

export writes those questions as a question set for planbot eval: id, q,
cat ("down" or "unanswered"), an empty expect and section for an admin to
fill in, and a comment with what the bot answered and what users said.
A question left with an empty expect counts as one the reports do not
answer. It never overwrites a file.`

// runFeedback prints the feedback log, or exports it as a question set.
func runFeedback(_ context.Context, args []string, _ io.Reader, out io.Writer) error {
	fs, cfgPath := flags("feedback", feedbackSynopsis, out)
	sinceFlag := fs.String("since", "", "only the last `age` (7d, 36h); default: all that is kept")
	asJSON := fs.Bool("json", false, "print one JSON object")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	export := ""
	switch {
	case len(pos) == 0:
	case len(pos) == 2 && pos[0] == "export":
		export = pos[1]
	default:
		fs.Usage()
		return errors.New("usage: planbot feedback [--since 7d] [--json] | planbot feedback export FILE.jsonl")
	}
	cfg, err := config.Load(*cfgPath)
	if err != nil {
		return err
	}
	st, err := feedback.Open(cfg.DataDir, cfg.FeedbackOptions(true))
	if err != nil {
		return err
	}
	since := time.Now().Add(-st.Retention())
	if *sinceFlag != "" {
		d, err := feedback.ParseAge(*sinceFlag)
		if err != nil {
			return fmt.Errorf("--since: %w", err)
		}
		since = time.Now().Add(-d)
	}
	entries, err := st.List(since)
	if err != nil {
		return err
	}
	s := feedback.Summarize(entries)
	switch {
	case export != "":
		return exportCases(export, s, out)
	case *asJSON:
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Since time.Time `json:"since"`
			feedback.Summary
		}{since, s})
	}
	feedback.Print(out, s, since)
	return nil
}

// exportCases writes the groups of s to a new file path as a question set.
func exportCases(path string, s feedback.Summary, out io.Writer) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s exists (labelled already?): give another file", path)
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	werr := feedback.WriteCases(f, s.Groups)
	if err := errors.Join(werr, f.Close()); err != nil {
		os.Remove(path)
		return err
	}
	fmt.Fprintf(out, "wrote %d questions to %s: fill in each \"expect\" (and \"section\"), then run planbot eval %s\n", len(s.Groups), path, path)
	return nil
}
