package bot

import (
	"testing"

	"github.com/go-telegram/bot/models"

	"planbot/bot/telegramtest"
)

func TestUTF16Range(t *testing.T) {
	s := "😀请问 /ask 问题"
	cases := []struct {
		off, n int
		want   string
		ok     bool
	}{
		{0, 2, "😀", true},
		{2, 2, "请问", true},
		{5, 4, "/ask", true},
		{10, 2, "问题", true},
		{1, 1, "", false}, // inside the emoji's surrogate pair
		{10, 3, "", false},
		{-1, 1, "", false},
	}
	for _, c := range cases {
		start, end, ok := utf16Range(s, c.off, c.n)
		if ok != c.ok || (ok && s[start:end] != c.want) {
			t.Errorf("utf16Range(%d,%d) = %q %v, want %q %v", c.off, c.n, s[start:end], ok, c.want, c.ok)
		}
	}
}

func TestParse(t *testing.T) {
	me := &models.User{ID: 9, Username: "planbot_test_bot"}
	cases := []struct {
		text      string
		command   string
		forOther  bool
		mentioned bool
		rest      string
	}{
		{"/ask 高标准农田目标是多少", "ask", false, false, "高标准农田目标是多少"},
		{"/ASK@PLANBOT_TEST_BOT 问题", "ask", false, false, "问题"},
		{"/ask@other_bot 问题", "", true, false, "/ask@other_bot 问题"},
		{"😀🌾请问 /ask 问题", "ask", false, false, "😀🌾请问 问题"},
		{"各位 @planbot_test_bot，问题？", "", false, true, "各位 问题？"},
		{"@someone_else 问题", "", false, false, "@someone_else 问题"},
		{"/start", "start", false, false, ""},
		{"普通聊天", "", false, false, "普通聊天"},
	}
	for _, c := range cases {
		p := parse(c.text, telegramtest.Entities(c.text), me)
		if p.command != c.command || p.forOther != c.forOther || p.mentioned != c.mentioned || p.rest != c.rest {
			t.Errorf("parse(%q) = %+v, want %q %v %v %q", c.text, p, c.command, c.forOther, c.mentioned, c.rest)
		}
	}
	// A text mention of the bot by its display name.
	text := "👋小助手 问题"
	p := parse(text, []models.MessageEntity{{Type: models.MessageEntityTypeTextMention, Offset: 2, Length: 3, User: me}}, me)
	if !p.mentioned || p.rest != "👋 问题" {
		t.Errorf("text mention: %+v", p)
	}
	// Entities beyond the text are ignored, not a panic.
	p = parse("短", []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Offset: 3, Length: 4}}, me)
	if p.command != "" || p.rest != "短" {
		t.Errorf("bad entity: %+v", p)
	}
}
