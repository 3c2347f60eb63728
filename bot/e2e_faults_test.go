package bot

import (
	"log/slog"
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"

	"planbot/bot/telegramtest"
)

// Flood limits, server errors and dropped connections are retried: each
// question gets exactly one answer, in the chat's order.
func TestSendFaults(t *testing.T) {
	t.Parallel()
	faults := []struct {
		name  string
		fault telegramtest.Fault
	}{
		{"429", telegramtest.Fault{Kind: telegramtest.FaultTooManyRequests, RetryAfter: 1}},
		{"500", telegramtest.Fault{Kind: telegramtest.FaultServerError}},
		{"502", telegramtest.Fault{Kind: telegramtest.FaultBadGateway}},
		{"dropped connection", telegramtest.Fault{Kind: telegramtest.FaultDrop}},
		{"delay", telegramtest.Fault{Kind: telegramtest.FaultDelay, Delay: 300_000_000}},
	}
	for _, f := range faults {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			h := start(t)
			chat := privateChat(alice)
			h.srv.FailNext("sendMessage", 1, f.fault)
			for _, q := range []string{"echo 1", "echo 2", "echo 3"} {
				h.say(chat, &alice, q)
			}
			sent := h.waitSent(alice.ID, 3)
			for i, m := range sent {
				if want := "回答：" + itoa(int64(i+1)); !strings.HasPrefix(m.Text, want) {
					t.Errorf("message %d = %q, want %q…", i, m.Text, want)
				}
			}
			if n := len(h.srv.Succeeded("sendMessage")); n != 3 {
				t.Errorf("%d messages sent, want 3", n)
			}
			if f.fault.Kind != telegramtest.FaultDelay && len(h.srv.Calls("sendMessage")) != 4 {
				t.Errorf("%d sendMessage calls, want 4", len(h.srv.Calls("sendMessage")))
			}
		})
	}

	t.Run("in a group", func(t *testing.T) {
		t.Parallel()
		h := start(t)
		group := groupChat(-1006001)
		// Two faults: seven sends would exceed a group's burst of five.
		for _, k := range []telegramtest.FaultKind{telegramtest.FaultTooManyRequests, telegramtest.FaultDrop} {
			h.srv.FailNext("sendMessage", 1, telegramtest.Fault{Kind: k, RetryAfter: 1})
		}
		var asked []*models.Message
		for _, q := range []string{"/ask echo a", "/ask echo b", "/ask echo c"} {
			asked = append(asked, h.say(group, &alice, q))
		}
		sent := h.waitSent(group.ID, 3)
		for i, m := range sent {
			if m.ReplyToMessage == nil || m.ReplyToMessage.ID != asked[i].ID {
				t.Errorf("answer %d is not a reply to question %d", i, i)
			}
		}
		if n := len(h.srv.Succeeded("sendMessage")); n != 3 {
			t.Errorf("%d messages sent, want 3", n)
		}
	})

	t.Run("group migrated", func(t *testing.T) {
		t.Parallel()
		h := start(t)
		old := models.Chat{ID: -5001, Type: models.ChatTypeGroup, Title: "old group"}
		super := groupChat(-1006002)
		h.srv.AddChat(super)
		h.srv.FailNext("sendMessage", 1, telegramtest.Fault{Kind: telegramtest.FaultMigrate, MigrateTo: super.ID})
		h.say(old, &alice, "/ask echo 迁移")
		if got := h.waitSent(super.ID, 1)[0].Text; !strings.HasPrefix(got, "回答：迁移") {
			t.Errorf("answer = %q", got)
		}
		// Later replies for the old chat go to the new one directly.
		h.say(old, &alice, "/ask echo 再问")
		h.waitSent(super.ID, 2)
		if n := len(h.srv.Sent(old.ID)); n != 0 {
			t.Errorf("%d messages sent to the old chat", n)
		}
		if n := len(h.srv.Calls("sendMessage")); n != 3 {
			t.Errorf("%d sendMessage calls, want 3", n)
		}
	})

	t.Run("migration service message", func(t *testing.T) {
		t.Parallel()
		h := start(t)
		old := models.Chat{ID: -5002, Type: models.ChatTypeGroup, Title: "old group"}
		super := groupChat(-1006003)
		h.srv.AddChat(super)
		svc := h.srv.Message(old, &alice, "")
		svc.MigrateToChatID = super.ID
		h.srv.PushMessage(svc)
		// The service message arrives in the old group; a question still
		// addressed to it is answered in the supergroup.
		h.say(old, &alice, "/ask echo 服务消息之后")
		if got := h.waitSent(super.ID, 1)[0].Text; !strings.HasPrefix(got, "回答：服务消息之后") {
			t.Errorf("answer = %q", got)
		}
		h.waitLog("group migrated to supergroup")
	})
}

// A token Telegram rejects gives a one-line error without the token.
func TestRejectedToken(t *testing.T) {
	t.Parallel()
	srv := telegramtest.NewServer()
	defer srv.Close()
	logs := &syncBuffer{}
	token := "987654:rejected-Token_abcdefghijk"
	_, err := New(Config{Token: token, APIURL: srv.URL}, &fakeAsker{}, newFakeLibrary(), slog.New(slog.NewTextHandler(logs, nil)))
	if err == nil {
		t.Fatal("New accepted a rejected token")
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") || strings.Contains(msg, "rejected-Token") || !strings.Contains(msg, "401") {
		t.Errorf("error = %q", msg)
	}
	if strings.Contains(logs.String(), "rejected-Token") {
		t.Errorf("token in logs")
	}

	// An unreachable server: still one line, no token, and the cause.
	_, err = New(Config{Token: token, APIURL: "http://127.0.0.1:1"}, &fakeAsker{}, newFakeLibrary(), nil)
	if err == nil || strings.Contains(err.Error(), "rejected-Token") || strings.Contains(err.Error(), "\n") ||
		err.Error() != "telegram getMe at http://127.0.0.1:1 failed: connection refused" {
		t.Errorf("unreachable server: %v", err)
	}
}

// Run returns promptly when its context ends, even mid-question: once the
// grace period is over and a call already sent had its time to finish.
func TestShutdown(t *testing.T) {
	t.Parallel()
	h := start(t, func(c *Config) { c.ShutdownGrace = 100_000_000 }) // 100 ms
	h.srv.FailNext("sendMessage", 1, telegramtest.Fault{Kind: telegramtest.FaultDelay, Delay: waitTimeout})
	h.say(privateChat(alice), &alice, "echo 慢")
	h.waitFor("the slow send", func() bool { return h.srv.Received("sendMessage") > 0 })
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
}
