package bot

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"
)

// A flood of refused webhook requests is one log line, not one a request.
func TestWebhookRefusalsLoggedSampled(t *testing.T) {
	t.Parallel()
	addr := freeAddr(t)
	const secret = "s3cret-Token_for-webhook"
	url := "http://" + addr + "/telegram"
	h := start(t, func(c *Config) {
		c.Mode = ModeWebhook
		c.Webhook = WebhookConfig{Listen: addr, URL: url, SecretToken: secret}
	})
	h.waitFor("setWebhook", func() bool { return len(h.srv.Succeeded("setWebhook")) == 1 })
	post := func(method, secretHeader, body string) {
		t.Helper()
		req, err := http.NewRequestWithContext(context.Background(), method, url, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secretHeader)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	for i := range 50 {
		post(http.MethodPost, "guess-"+itoa(int64(i)), `{"update_id":1}`)
	}
	post(http.MethodGet, secret, "")
	post(http.MethodPost, secret, `{}`)
	if n := strings.Count(h.logs.String(), `"msg":"webhook request refused"`); n != 1 {
		t.Errorf("%d log lines for 52 refused requests, want 1", n)
	}
	if !strings.Contains(h.logs.String(), `"reason":"wrong secret token"`) {
		t.Errorf("the first refusal is not logged with its reason")
	}
}

// The sampler logs the first event at once, then the count of the others
// each interval while they come, and after a quiet interval the first
// again.
func TestLogSampler(t *testing.T) {
	t.Parallel()
	logs := &syncBuffer{}
	s := newLogSampler(slog.New(slog.NewJSONHandler(logs, nil)), "refused", 20*time.Millisecond)
	lines := func() int { return strings.Count(logs.String(), `"msg":"refused`) }
	waitLine := func(n int) {
		t.Helper()
		deadline := time.Now().Add(waitTimeout)
		for lines() < n {
			if time.Now().After(deadline) {
				t.Fatalf("logs never had %d lines:\n%s", n, logs.String())
			}
			time.Sleep(5 * time.Millisecond)
		}
	}

	s.note("wrong secret token", "remote", "10.0.0.1:1")
	for range 97 {
		s.note("wrong secret token", "remote", "10.0.0.2:2")
	}
	s.note("not an update", "remote", "10.0.0.3:3")
	s.note("not an update", "remote", "10.0.0.3:3")
	waitLine(2)
	out := logs.String()
	for _, want := range []string{
		`"msg":"refused","reason":"wrong secret token","remote":"10.0.0.1:1"`,
		`"msg":"refused (more)","count":99,"reasons":"not an update: 2, wrong secret token: 97","within":"20ms","last":{"remote":"10.0.0.3:3"}`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("logs lack %s:\n%s", want, out)
		}
	}

	// A quiet interval closes the window: the next event is logged at once.
	s.mu.Lock()
	for s.open {
		s.mu.Unlock()
		time.Sleep(5 * time.Millisecond)
		s.mu.Lock()
	}
	s.mu.Unlock()
	if n := lines(); n != 2 {
		t.Errorf("%d lines after a quiet interval, want 2", n)
	}
	s.note("not POST", "method", "GET")
	if n := lines(); n != 3 || !strings.Contains(logs.String(), `"reason":"not POST","method":"GET"`) {
		t.Errorf("after a quiet interval the first event is not logged at once:\n%s", logs.String())
	}
}
