package bot

import (
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"

	"planbot/bot/telegramtest"
)

// A result belongs to the chat it was shown in: a button press elsewhere
// carrying its id (forged, or copied from another chat) is treated as
// expired and shows nothing of it.
func TestCachedResultsKeyedByChat(t *testing.T) {
	t.Parallel()
	h := start(t)
	group := groupChat(-1008001)
	h.say(privateChat(alice), &alice, farmQuestion)
	answer := h.waitSent(alice.ID, 1)[0]
	h.say(privateChat(alice), &alice, "火星基地建设进展")
	noAnswer := h.waitSent(alice.ID, 2)[1]

	// Bob's own messages from the bot, in his chat and in a group.
	h.say(privateChat(bob), &bob, "echo 鲍勃的问题")
	bobs := h.waitSent(bob.ID, 1)[0]
	h.say(group, &bob, "/ask echo 群里的问题")
	groups := h.waitSent(group.ID, 1)[0]

	cases := []struct {
		name string
		data string
		on   models.Message
	}{
		{"更多答案 in another private chat", button(t, answer, "更多答案").CallbackData, bobs},
		{"原文 in another private chat", button(t, answer, "原文").CallbackData, bobs},
		{"更多答案 in a group", button(t, answer, "更多答案").CallbackData, groups},
		{"a heading in a group", buttons(noAnswer)[0].CallbackData, groups},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := h.at(t)
			edits, sent := len(h.srv.Calls("editMessageText")), len(h.srv.Calls("sendMessage"))
			q := h.srv.PushCallback(bob, &c.on, c.data)
			if got := h.waitCallbackAnswer(q); got != textExpired {
				t.Errorf("callback answered with %q, want %q", got, textExpired)
			}
			if len(h.srv.Calls("editMessageText")) != edits || len(h.srv.Calls("sendMessage")) != sent {
				t.Errorf("a press in another chat edited or sent a message")
			}
		})
	}
	for _, q := range h.asker.asked() {
		if q == closestHeadings[0] {
			t.Errorf("a heading of alice's result was asked from another chat")
		}
	}
	// In its own chat the button still works.
	q := h.srv.PushCallback(alice, &answer, button(t, answer, "更多答案").CallbackData)
	if got := h.waitCallbackAnswer(q); got != "" {
		t.Errorf("own chat: callback answered with %q", got)
	}
	h.waitFor("the page edit", func() bool {
		return strings.HasPrefix(h.srv.Sent(alice.ID)[0].Text, "新增建设5600亩高标准农田。")
	})
}

// A result shown in a group that became a supergroup still belongs to it.
func TestCachedResultFollowsMigration(t *testing.T) {
	t.Parallel()
	h := start(t)
	old := models.Chat{ID: -8002, Type: models.ChatTypeGroup, Title: "old group"}
	super := groupChat(-1008002)
	h.srv.AddChat(super)
	h.srv.FailNext("sendMessage", 1, telegramtest.Fault{Kind: telegramtest.FaultMigrate, MigrateTo: super.ID})
	h.say(old, &alice, "/ask "+farmQuestion)
	m := h.waitSent(super.ID, 1)[0]
	q := h.srv.PushCallback(alice, &m, button(t, m, "更多答案").CallbackData)
	if got := h.waitCallbackAnswer(q); got != "" {
		t.Errorf("callback answered with %q", got)
	}
	h.waitFor("the page edit", func() bool {
		return strings.HasPrefix(h.srv.Sent(super.ID)[0].Text, "新增建设5600亩高标准农田。")
	})
}
