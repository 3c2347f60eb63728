package bot

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
)

// Forty members of the public flooding admin and unknown commands do not
// spend the sending budget a question needs: the refusals are few (the
// notices' shared budget) and the question is answered before most of
// them.
func TestRefusalFloodDoesNotDelayQuestions(t *testing.T) {
	t.Parallel()
	h := start(t)
	const users, each = 40, 10
	for i := range users {
		u := models.User{ID: int64(3000 + i), FirstName: fmt.Sprintf("U%d", i)}
		for j := range each {
			text := "/reindex"
			if j%2 == 1 {
				text = "/nosuchcommand"
			}
			h.say(privateChat(u), &u, text)
		}
	}
	asked := time.Now()
	h.say(privateChat(alice), &alice, "echo 正常的问题")
	h.waitSent(alice.ID, 1)
	took := time.Since(asked)

	// The refusals sent before the answer, in the order of the calls.
	before, total := 0, 0
	answered := false
	for _, c := range h.srv.Succeeded("sendMessage") {
		switch id := c.Int("chat_id"); {
		case id == alice.ID:
			answered = true
		case id >= 3000 && id < 3000+users:
			total++
			if !answered {
				before++
			}
		}
	}
	// Without the shared budget 70 refusals went out before the answer,
	// which waited 1.4 s for its turn (measured once).
	if before > 3*noticeBurst {
		t.Errorf("%d refusals were sent before the answer, want at most %d", before, 3*int(noticeBurst))
	}
	if took > 2*time.Second {
		t.Errorf("the question waited %v behind the refusals", took)
	}
	t.Logf("answered after %v, %d refusals before it, %d of %d in all so far", took, before, total, users*each)
}

// A refusal or an unknown command counts against the user's question
// limit as a question would: a user who spent it on commands is told to
// slow down, and the question is not asked.
func TestRefusalsCountAgainstTheQuestionLimit(t *testing.T) {
	t.Parallel()
	h := start(t, func(c *Config) { c.RateLimit.QuestionsPerMinute = 3 })
	cases := []struct {
		name     string
		user     models.User
		commands []string
		want     string
	}{
		{"admin commands", alice, []string{"/reports", "/reindex", "/remove x"}, textNotAdminList},
		{"unknown commands", bob, []string{"/foo", "/bar", "/baz"}, "没有这个命令"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := h.at(t)
			chat := privateChat(c.user)
			for _, cmd := range c.commands {
				h.say(chat, &c.user, cmd)
			}
			h.say(chat, &c.user, "echo 还能问吗 "+c.name)
			sent := h.waitSent(c.user.ID, len(c.commands)+1)
			if !strings.HasPrefix(sent[0].Text, c.want) {
				t.Errorf("first reply = %q, want %q…", sent[0].Text, c.want)
			}
			if got := sent[len(c.commands)].Text; got != textTooFast {
				t.Errorf("reply to the question = %q, want %q", got, textTooFast)
			}
		})
	}
	for _, q := range h.asker.asked() {
		if strings.Contains(q, "还能问吗") {
			t.Errorf("a question over the limit was asked: %q", q)
		}
	}
}
