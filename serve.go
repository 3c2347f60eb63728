package main

import (
	"context"
	"io"

	"planbot/bot"
	"planbot/bot/config"
)

const serveSynopsis = `planbot serve [--config FILE]

Runs the Telegram bot (see README.md for the setup). The token comes from
telegram.token or TELEGRAM_BOT_TOKEN; the index must have been built
(planbot index).`

func runServe(ctx context.Context, args []string, _ io.Reader, out io.Writer) error {
	fs, cfgPath := flags("serve", serveSynopsis, out)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := config.Load(*cfgPath)
	if err != nil {
		return err
	}
	if err := cfg.Telegram.Validate(); err != nil {
		return err // before the index is opened: a missing token is a one-line error
	}
	log := cfg.Logger()
	_, e, err := open(ctx, *cfgPath, false)
	if err != nil {
		return err
	}
	defer e.Close()
	b, err := bot.New(cfg.Bot(), bot.EngineAsker(e), bot.IndexLibrary(e.Library()), log)
	if err != nil {
		return err
	}
	log.Info("serving", "bot", b.Username(), "mode", cfg.Telegram.Mode, "reports", len(e.Library().Reports()))
	return b.Run(ctx)
}
