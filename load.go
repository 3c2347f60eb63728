//go:build loadtest

package main

// The load test is not part of the serving binary: build with
// -tags loadtest (go run -tags loadtest . load).

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"planbot/bot"
	"planbot/bot/config"
	"planbot/bot/loadtest"
)

const loadSynopsis = `planbot load [--questions N] [--faults 0.01] [--paced] ... [--config FILE] [SET.jsonl ...]

Drives the real bot through a fake Bot API server on loopback and prints
what it measured: answered per second, latency, lost or duplicated replies,
memory. The questions are those of the question sets given, else of the
*_questions.jsonl sets in testdata/ beside the config file or beside the
seeds directory, wherever planbot is run from.`

func init() {
	commands["load"] = command{loadSynopsis, runLoad}
}

// runLoad measures the bot under load.
func runLoad(ctx context.Context, args []string, _ io.Reader, out io.Writer) error {
	fs, cfgPath := flags("load", loadSynopsis, out)
	o := loadtest.Options{Window: 256}
	fs.IntVar(&o.Questions, "questions", 0, "questions to send (default 5000, or rate×duration)")
	fs.IntVar(&o.Users, "users", loadtest.DefaultUsers, "distinct users")
	fs.IntVar(&o.Chats, "chats", loadtest.DefaultChats, "chats, half of them groups")
	fs.Float64Var(&o.FaultRate, "faults", 0, "share of Bot API requests failed (0–1)")
	fs.DurationVar(&o.Duration, "duration", 0, "stop sending after this long")
	fs.Float64Var(&o.Rate, "rate", 0, "questions a second (0: as fast as -window allows)")
	fs.IntVar(&o.Window, "window", o.Window, "questions in flight at most (0: all at once)")
	fs.BoolVar(&o.Paced, "paced", false, "keep to Telegram's rate limits")
	sets, err := parse(fs, args)
	if err != nil {
		return err
	}
	cfg, err := config.Load(*cfgPath)
	if err != nil {
		return err
	}
	cfg.ApplyGC() // as serve does
	if len(sets) == 0 {
		if sets, err = questionSets(cfg); err != nil {
			return err
		}
	}
	_, e, err := open(ctx, *cfgPath, true)
	if err != nil {
		return err
	}
	defer e.Close()
	o.Dir, o.SeedsDir, o.QuestionFiles = filepath.Dir(cfg.Path()), cfg.SeedsDir, sets
	o.Asker, o.Library = bot.EngineAsker(e), bot.IndexLibrary(e.Library())
	rep, err := loadtest.Run(ctx, o)
	if err == nil || rep.Questions > 0 { // a run that never started has nothing to report
		fmt.Fprint(out, rep)
	}
	if err == nil && !rep.OK() {
		err = errors.New("replies were lost, duplicated, out of order or wrong")
	}
	return err
}

// questionSets finds the default question sets, testdata/*_questions.jsonl,
// beside the config file or else beside the seeds directory (the
// repository root, for the shipped config), so that a load test run from
// any directory asks the same questions.
func questionSets(cfg *config.Config) ([]string, error) {
	var tried []string
	for _, dir := range []string{filepath.Dir(cfg.Path()), filepath.Dir(filepath.Clean(cfg.SeedsDir))} {
		testdata := filepath.Join(dir, "testdata")
		if slices.Contains(tried, testdata) {
			continue
		}
		tried = append(tried, testdata)
		sets, err := filepath.Glob(filepath.Join(testdata, "*_questions.jsonl"))
		if err != nil {
			return nil, fmt.Errorf("question sets in %s: %w", testdata, err)
		}
		if len(sets) > 0 {
			return sets, nil
		}
	}
	return nil, fmt.Errorf("no question sets (*_questions.jsonl) in %s: give SET.jsonl files as arguments", strings.Join(tried, " or "))
}
