package bot

import (
	"context"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"
)

// freeAddr returns a loopback address nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// In webhook mode the bot registers its webhook with the secret, refuses
// requests without it (401), with a bad method (405) or a malformed body
// (400), and answers the updates Telegram posts.
func TestWebhook(t *testing.T) {
	t.Parallel()
	addr := freeAddr(t)
	const secret = "s3cret-Token_for-webhook"
	url := "http://" + addr + "/telegram"
	h := start(t, func(c *Config) {
		c.Mode = ModeWebhook
		c.Webhook = WebhookConfig{Listen: addr, URL: url, SecretToken: secret}
	})
	h.waitFor("setWebhook", func() bool { return len(h.srv.Succeeded("setWebhook")) == 1 })
	call := h.srv.Succeeded("setWebhook")[0]
	if call.Params["url"] != url || call.Params["secret_token"] != secret || !strings.Contains(call.Params["allowed_updates"], "callback_query") {
		t.Errorf("setWebhook params = %v", call.Params)
	}

	post := func(method, secretHeader, body string) int {
		t.Helper()
		req, err := http.NewRequest(method, url, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if secretHeader != "" {
			req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secretHeader)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	update := `{"update_id":900,"message":{"message_id":1,"date":1,"chat":{"id":1001,"type":"private"},"from":{"id":1001,"first_name":"A"},"text":"echo 伪造"}}`
	cases := []struct {
		name, method, secret, body string
		want                       int
	}{
		{"missing secret", http.MethodPost, "", update, http.StatusUnauthorized},
		{"wrong secret", http.MethodPost, "guess", update, http.StatusUnauthorized},
		{"wrong method", http.MethodGet, secret, "", http.StatusMethodNotAllowed},
		{"malformed JSON", http.MethodPost, secret, `{"update_id":`, http.StatusBadRequest},
		{"not an update", http.MethodPost, secret, `{}`, http.StatusBadRequest},
	}
	for _, c := range cases {
		if got := post(c.method, c.secret, c.body); got != c.want {
			t.Errorf("%s: status %d, want %d", c.name, got, c.want)
		}
	}

	m := h.srv.Message(privateChat(alice), &alice, "echo 来自 webhook")
	status, err := h.srv.DeliverWebhook(context.Background(), &models.Update{Message: m})
	if err != nil || status != http.StatusOK {
		t.Fatalf("deliver: %d %v", status, err)
	}
	sent := h.waitSent(alice.ID, 1)
	if len(sent) != 1 || !strings.HasPrefix(sent[0].Text, "回答：来自 webhook") {
		t.Errorf("sent %q", texts(sent))
	}
	for _, q := range h.asker.asked() {
		if strings.Contains(q, "伪造") {
			t.Errorf("a refused request was answered: %q", q)
		}
	}
	if n := len(h.srv.Calls("getUpdates")); n != 0 {
		t.Errorf("%d getUpdates calls in webhook mode", n)
	}
}
