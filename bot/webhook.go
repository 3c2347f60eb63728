package bot

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// maxWebhookBody bounds an update's size.
const maxWebhookBody = 1 << 20

// WebhookHandler returns the HTTP handler for Telegram's webhook requests.
// It refuses requests that are not POST (405), that lack the configured
// X-Telegram-Bot-Api-Secret-Token (401; all of them when no secret is
// configured) or whose body is not an update (400). An update it answers
// 200 for is taken (see intake.go): answered, or kept in the spool for the
// next run; once the bot is stopping it answers 503, and Telegram sends the
// update again later. Run serves it in webhook mode; it may also be
// mounted on another server.
func (b *Bot) WebhookHandler() http.Handler {
	want := []byte(b.cfg.Webhook.SecretToken)
	// Refusals are logged sampled: anyone may post to the webhook's URL.
	refused := newLogSampler(b.log, "webhook request refused", webhookLogEvery)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			refused.note("not POST", "method", r.Method, "remote", r.RemoteAddr)
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		got := []byte(r.Header.Get("X-Telegram-Bot-Api-Secret-Token"))
		if len(want) == 0 || subtle.ConstantTimeCompare(got, want) != 1 {
			refused.note("wrong secret token", "remote", r.RemoteAddr)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxWebhookBody))
		if err != nil {
			refused.note("unreadable body", "remote", r.RemoteAddr, "err", err)
			http.Error(w, "unreadable body", http.StatusBadRequest)
			return
		}
		var upd models.Update
		if err := json.Unmarshal(body, &upd); err != nil || upd.ID == 0 {
			refused.note("not an update", "remote", r.RemoteAddr)
			http.Error(w, "malformed update", http.StatusBadRequest)
			return
		}
		if !b.accept(&upd) {
			http.Error(w, "stopping: send it again later", http.StatusServiceUnavailable)
			return
		}
	})
}

// runWebhook serves the webhook until ctx is done.
func (b *Bot) runWebhook(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	wh := b.cfg.Webhook
	ln, err := net.Listen("tcp", wh.Listen)
	if err != nil {
		return fmt.Errorf("webhook: listen on %s: %w", wh.Listen, err)
	}
	srv := &http.Server{
		Handler:           b.WebhookHandler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		ErrorLog:          slog.NewLogLogger(b.log.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() {
		if wh.CertFile != "" {
			served <- srv.ServeTLS(ln, wh.CertFile, wh.KeyFile)
		} else {
			served <- srv.Serve(ln)
		}
	}()
	workers := make(chan struct{})
	go func() {
		b.tg.StartWebhook(ctx)
		close(workers)
	}()
	stop := func() {
		sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer scancel()
		_ = srv.Shutdown(sctx)
		cancel()
		<-workers
	}
	err = b.send.do(ctx, 0, "setWebhook", func(ctx context.Context, _ int64) error {
		_, err := b.tg.SetWebhook(ctx, &bot.SetWebhookParams{
			URL:            wh.URL,
			SecretToken:    wh.SecretToken,
			AllowedUpdates: allowedUpdates,
		})
		return err
	})
	if err != nil {
		stop()
		if parent.Err() != nil {
			return nil
		}
		return fmt.Errorf("webhook: %s", oneLine(b.redact.scrub(err.Error())))
	}
	b.log.Info("webhook set", "url", wh.URL, "listen", ln.Addr().String())
	select {
	case <-ctx.Done():
		stop()
		b.log.Info("webhook server stopped")
		return nil
	case err := <-served:
		stop()
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return fmt.Errorf("webhook server: %w", err)
	}
}
