package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

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
	if gc := cfg.ApplyGC(); gc != (config.GC{}) {
		log.Info("garbage collector", "memory_limit_MiB", gc.MemoryLimit>>20, "gc_percent", gc.Percent)
	}
	_, e, err := open(ctx, *cfgPath, false)
	if err != nil {
		return err
	}
	defer e.Close()
	go e.Warm() // while the bot connects
	b, err := bot.New(cfg.Bot(), bot.EngineAsker(e), bot.IndexLibrary(e.Library()), log)
	if err != nil {
		return err
	}
	log.Info("serving", "bot", b.Username(), "mode", cfg.Telegram.Mode, "reports", len(e.Library().Reports()))
	done := make(chan struct{})
	defer close(done)
	go hurryOnSecondSignal(ctx, done, b, log)
	return b.Run(ctx)
}

// hurryOnSecondSignal ends the bot's grace period when a second SIGTERM or
// Ctrl-C comes after ctx ended: what is still queued is spooled at once.
func hurryOnSecondSignal(ctx context.Context, done <-chan struct{}, b *bot.Bot, log *slog.Logger) {
	select {
	case <-ctx.Done():
	case <-done:
		return
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sig)
	log.Info("stopping: answering what is queued; signal again to spool it at once")
	select {
	case <-sig:
		b.Hurry()
	case <-done:
	}
}
