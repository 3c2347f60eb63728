package loadtest

import (
	"context"
	"errors"
	"log/slog"
	"os"

	"planbot/answers"
	"planbot/bot"
	"planbot/index"
)

// backend is what the bot asks: the Options' own or a library built from
// the seeds in a temporary data directory, with the engine over it, as
// main.go's openApp builds them.
type backend struct {
	asker bot.Asker
	lib   bot.Library
	close func()
}

func openBackend(ctx context.Context, o Options, log *slog.Logger) (*backend, error) {
	if o.Asker != nil && o.Library != nil {
		return &backend{asker: o.Asker, lib: o.Library, close: func() {}}, nil
	}
	if o.Asker != nil || o.Library != nil {
		return nil, errors.New("loadtest: set both Asker and Library, or neither")
	}
	dir, err := os.MkdirTemp("", "planbot-load-")
	if err != nil {
		return nil, err
	}
	vocab, err := answers.LoadVocabulary("")
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	lib, err := index.Open(ctx, index.Options{DataDir: dir, SeedsDir: o.SeedsDir, Keep: vocab.KeepWords(), Logger: log})
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if len(lib.Reports()) == 0 {
		lib.Close()
		os.RemoveAll(dir)
		return nil, errors.New("loadtest: no report in " + o.SeedsDir)
	}
	return &backend{
		asker: bot.EngineAsker(answers.New(lib, vocab, "")),
		lib:   bot.IndexLibrary(lib),
		close: func() { lib.Close(); os.RemoveAll(dir) },
	}, nil
}
