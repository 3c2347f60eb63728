package bot

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/go-telegram/bot/models"
)

// Odd updates: a forwarded message in a private chat is a question like
// any other, a message from another bot is ignored, and an inline query of
// 256 characters (Telegram's longest) is answered.
func TestOddUpdates(t *testing.T) {
	t.Parallel()
	h := start(t)
	chat := privateChat(alice)

	fwd := h.srv.Message(chat, &alice, "echo 转发的问题")
	fwd.ForwardOrigin = &models.MessageOrigin{Type: models.MessageOriginTypeHiddenUser,
		MessageOriginHiddenUser: &models.MessageOriginHiddenUser{Type: models.MessageOriginTypeHiddenUser, Date: 1, SenderUserName: "某人"}}
	h.srv.PushMessage(fwd)
	if got := h.waitSent(alice.ID, 1)[0].Text; !strings.HasPrefix(got, "回答：转发的问题") {
		t.Errorf("forwarded question answered %q", got)
	}

	other := models.User{ID: 777, IsBot: true, FirstName: "other_bot", Username: "other_bot"}
	h.srv.AddChat(privateChat(other))
	h.srv.PushMessage(h.srv.Message(privateChat(other), &other, "echo 机器人的问题"))
	h.srv.PushMessage(h.srv.Message(chat, &alice, "echo 之后的问题")) // a marker: answered after the bot's message was seen
	h.waitSent(alice.ID, 2)
	if sent := h.srv.Sent(other.ID); len(sent) != 0 {
		t.Errorf("answered another bot: %q", texts(sent))
	}

	long := strings.Repeat("高标准农田", 256/5) + "目标"
	long = string([]rune(long)[:256])
	h.waitInlineAnswer(h.srv.PushInlineQuery(alice, long)) // a 256-character query is answered
}

// A burst of updates posted to the webhook at once: each is acknowledged
// and answered exactly once.
func TestWebhookBurst(t *testing.T) {
	t.Parallel()
	addr := freeAddr(t)
	const secret = "burst-secret"
	h := start(t, func(c *Config) {
		c.Mode = ModeWebhook
		c.Webhook = WebhookConfig{Listen: addr, URL: "http://" + addr + "/telegram", SecretToken: secret}
	})
	h.waitFor("setWebhook", func() bool { return len(h.srv.Succeeded("setWebhook")) == 1 })
	const n = 60
	users := make([]models.User, n)
	var wg sync.WaitGroup
	for i := range users {
		users[i] = models.User{ID: int64(5000 + i), FirstName: fmt.Sprint("u", i)}
		h.srv.AddChat(privateChat(users[i]))
	}
	for i := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := h.srv.Message(privateChat(users[i]), &users[i], fmt.Sprintf("echo 第%d问", i))
			status, err := h.srv.DeliverWebhook(context.Background(), &models.Update{Message: m})
			if err != nil || status != http.StatusOK {
				t.Errorf("deliver %d: %d %v", i, status, err)
			}
		}()
	}
	wg.Wait()
	for i, u := range users {
		sent := h.waitSent(u.ID, 1)
		if len(sent) != 1 || sent[0].Text != fmt.Sprintf("回答：第%d问", i) && !strings.HasPrefix(sent[0].Text, fmt.Sprintf("回答：第%d问", i)) {
			t.Errorf("user %d got %q", i, texts(sent))
		}
	}
}
