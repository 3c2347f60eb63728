package bot

import (
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"

	"planbot/bot/telegramtest"
)

// Admin commands work in an admin's private chat only. Sent in a group, a
// supergroup or a channel — by an admin too, as text or as the caption of
// a report file — they get a short pointer there, and nothing about the
// reports is posted: no list, no progress, no error.
func TestAdminCommandsOnlyInPrivate(t *testing.T) {
	t.Parallel()
	h := start(t)
	super := groupChat(-1007001)
	basic := models.Chat{ID: -7002, Type: models.ChatTypeGroup, Title: "basic group"}
	channel := models.Chat{ID: -1007003, Type: models.ChatTypeChannel, Title: "channel"}
	cases := []struct {
		name    string
		chat    models.Chat
		from    *models.User
		text    string
		caption bool // text is the caption of a document
	}{
		{"admin lists in a supergroup", super, &admin, "/reports", false},
		{"admin lists, addressed", super, &admin, "/reports@planbot_test_bot", false},
		{"admin reindexes in a group", basic, &admin, "/reindex@planbot_test_bot", false},
		{"admin removes in a supergroup", super, &admin, "/remove jiuyuan-2025", false},
		{"admin uploads with /reindex", super, &admin, "/reindex", true},
		{"public lists in a group", basic, &alice, "/reports", false},
		{"channel post lists", channel, nil, "/reports", false},
		{"channel post removes", channel, nil, "/remove jiuyuan-2025", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := h.at(t)
			n := len(h.srv.Sent(c.chat.ID))
			m := h.srv.Message(c.chat, c.from, c.text)
			if c.caption {
				m.Text, m.Entities = "", nil
				m.Caption, m.CaptionEntities = c.text, telegramtest.Entities(c.text)
				m.Document = h.srv.AddFile("report.docx", []byte("PK"))
			}
			h.srv.PushMessage(m)
			got := h.waitSent(c.chat.ID, n+1)[n]
			if got.Text != textPrivateOnly {
				t.Errorf("reply = %q, want %q", got.Text, textPrivateOnly)
			}
			if got.ReplyToMessage == nil || got.ReplyToMessage.ID != m.ID {
				t.Errorf("the pointer is not a reply to the command")
			}
		})
	}
	// An admin's command in private still works, after all of the above.
	h.say(privateChat(admin), &admin, "/reports")
	if got := h.waitSent(admin.ID, 1)[0].Text; !strings.Contains(got, "jiuyuan-2025") {
		t.Errorf("/reports in private = %q", got)
	}
	for _, chat := range []models.Chat{super, basic, channel} {
		for _, m := range h.srv.Sent(chat.ID) {
			if m.Text != textPrivateOnly {
				t.Errorf("chat %d got %q", chat.ID, m.Text)
			}
		}
	}
	if n := len(h.srv.Calls("editMessageText")); n != 0 {
		t.Errorf("%d edits: an operation's progress was shown", n)
	}
	if r, a, rm := h.lib.snapshot(); r+a+rm != 0 {
		t.Errorf("the library changed: %d reindexes, %d adds, %d removals", r, a, rm)
	}
	if len(h.srv.Calls("getFile")) != 0 {
		t.Errorf("a file sent in a group was downloaded")
	}
}
