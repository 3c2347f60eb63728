package loadtest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"planbot/bot"
	"planbot/bot/telegramtest"
)

// harness is the real bot running in polling mode against a telegramtest
// server, with its logs counted.
type harness struct {
	srv   *telegramtest.Server
	bot   *bot.Bot
	stats *logStats

	once    sync.Once
	stopErr error
	stopFn  func() error
}

// startHarness opens the backend, starts the server and runs the bot
// against it, its pacing off and the per-user question limit disabled
// (as `rate_limit: {questions_per_minute: -1}` in config.yaml).
func startHarness(ctx context.Context, o Options) (*harness, error) {
	stats := &logStats{}
	var next slog.Handler
	if o.Logger != nil {
		next = o.Logger.Handler()
	}
	be, err := openBackend(ctx, o, o.Logger)
	if err != nil {
		return nil, err
	}
	srv := telegramtest.NewServer()
	cfg := bot.Config{Token: srv.Token, APIURL: srv.URL, RateLimit: bot.RateLimitConfig{QuestionsPerMinute: -1}}
	b, err := bot.New(cfg, be.asker, be.lib, slog.New(&countingHandler{st: stats, next: next}))
	if err != nil {
		srv.Close()
		be.close()
		return nil, err
	}
	b.SetPacing(false)
	runCtx, cancel := context.WithCancel(ctx)
	ran := make(chan error, 1)
	go func() { ran <- b.Run(runCtx) }()
	h := &harness{srv: srv, bot: b, stats: stats}
	h.stopFn = func() error {
		cancel()
		var err error
		select {
		case err = <-ran:
		case <-time.After(30 * time.Second):
			err = errors.New("loadtest: the bot did not stop within 30 s of its context ending")
		}
		srv.Close()
		be.close()
		return err
	}
	return h, nil
}

// stop stops the bot, then the server, then closes the backend; it may be
// called more than once.
func (h *harness) stop() error {
	h.once.Do(func() { h.stopErr = h.stopFn() })
	return h.stopErr
}

// phase runs a workload through the bot (see runPhase), counting the
// messages the bot gives up sending from now on as answered for the wait.
func (h *harness) phase(ctx context.Context, w *workload, c *collector, o Options) int {
	gaveUp0 := h.stats.gaveUpSending()
	return runPhase(ctx, h.srv, h.bot.Username(), w, c, o, func() int { return h.stats.gaveUpSending() - gaveUp0 })
}

// warmUp asks every question of pool once and returns the reply each got,
// as the texts of its messages.
func (h *harness) warmUp(ctx context.Context, pool []string, wait time.Duration) (map[string][]string, error) {
	w := warmupWorkload(pool)
	c := newCollector(w, nil)
	sent := h.phase(ctx, w, c, Options{Wait: wait})
	if int(c.answered.Load()) != sent || sent != len(w.questions) {
		return nil, fmt.Errorf("loadtest: warm-up: %d of %d questions answered within %v; %s",
			c.answered.Load(), len(w.questions), wait, firstOf(c.errSamples, c.badSamples, h.stats.errorSamples()))
	}
	time.Sleep(100 * time.Millisecond) // the last parts of long replies
	c.add(h.srv.Drain())
	return c.recorded, nil
}
