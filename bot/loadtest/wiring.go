package loadtest

import (
	"context"
	"errors"
	"log/slog"
	"os"

	"planbot/answers"
	"planbot/bot"
)

// backend is what the bot asks: the Options' own or a library built from
// the seeds in a temporary data directory, with the engine over it
// (answers.Open wires them as for planbot serve).
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
	e, err := answers.Open(ctx, answers.Setup{DataDir: dir, SeedsDir: o.SeedsDir, Logger: log, Build: true})
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if len(e.Library().Reports()) == 0 {
		e.Close()
		os.RemoveAll(dir)
		return nil, errors.New("loadtest: no report in " + o.SeedsDir)
	}
	return &backend{
		asker: bot.EngineAsker(e),
		lib:   bot.IndexLibrary(e.Library()),
		close: func() { e.Close(); os.RemoveAll(dir) },
	}, nil
}
