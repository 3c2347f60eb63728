package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"planbot/answers"
	"planbot/bot/config"
)

const vocabSynopsis = `planbot vocab check [--config FILE] [FILE]

Checks the built-in vocabulary with the config's vocabulary file (or with
FILE): every line "alias = term ...", no alias said twice. Exits 1 naming
the file and line of each problem.`

// runVocab checks the vocabulary: the built-in one with the config's file,
// or with FILE.
func runVocab(_ context.Context, args []string, _ io.Reader, out io.Writer) error {
	fs, cfgPath := flags("vocab", vocabSynopsis, out)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 1 || pos[0] != "check" || len(pos) > 2 {
		fs.Usage()
		return errors.New("usage: planbot vocab check [FILE]")
	}
	file := ""
	if len(pos) == 2 {
		file = pos[1]
	} else if cfg, err := config.Load(*cfgPath); err == nil {
		file = cfg.Vocabulary
	}
	v, err := answers.LoadVocabulary(file)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "vocabulary ok: %d aliases\n", v.Len())
	return nil
}
