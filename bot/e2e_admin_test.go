package bot

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"

	"planbot/bot/telegramtest"
)

// progressOf returns the texts one message went through: the text it was
// sent with, then each edit, in order.
func (h *harness) progressOf(chatID int64, msgID int) []string {
	var out []string
	for _, c := range h.srv.Succeeded("sendMessage") {
		var m models.Message
		if jsonUnmarshal(string(c.Result), &m) == nil && m.Chat.ID == chatID && m.ID == msgID {
			out = append(out, m.Text)
		}
	}
	for _, c := range h.srv.Succeeded("editMessageText") {
		if c.Int("chat_id") == chatID && c.Int("message_id") == int64(msgID) {
			var m models.Message
			_ = jsonUnmarshal(string(c.Result), &m)
			out = append(out, m.Text)
		}
	}
	return out
}

// waitDone waits until the n-th bot message in chat reads "完成…" or "失败…"
// and returns its progress.
func (h *harness) waitDone(chatID int64, n int) []string {
	h.t.Helper()
	var m models.Message
	h.waitFor("admin operation to finish", func() bool {
		sent := h.srv.Sent(chatID)
		if len(sent) < n {
			return false
		}
		m = sent[n-1]
		return strings.HasPrefix(m.Text, "完成") || strings.HasPrefix(m.Text, "失败")
	})
	return h.progressOf(chatID, m.ID)
}

// Admins add reports by sending files; progress shows by editing one
// message; the library gets the file's exact bytes.
func TestAdminUpload(t *testing.T) {
	t.Parallel()
	files := []struct {
		name string
		data []byte
	}{
		{"report.docx", append([]byte("PK\x03\x04\x00\xff"), bytes.Repeat([]byte("九原区2025年计划。"), 100)...)},
		{"九原区计划.txt", []byte("九原区2024年国民经济和社会发展计划\r\n一、2024年计划执行情况\n")},
	}
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			h := start(t)
			up := h.srv.Message(privateChat(admin), &admin, "")
			up.Document = h.srv.AddFile(f.name, f.data)
			h.srv.PushMessage(up)
			got := h.waitDone(admin.ID, 1)
			want := []string{"下载…", "解析…", "索引…", "完成: 321 句, 45 个数字\n已添加《新报告》 new-report"}
			if !slices.Equal(got, want) {
				t.Errorf("upload progress = %q, want %q", got, want)
			}
			h.lib.mu.Lock()
			data := h.lib.added[f.name]
			h.lib.mu.Unlock()
			if !bytes.Equal(data, f.data) {
				t.Errorf("library got %d bytes, want the %d uploaded", len(data), len(f.data))
			}
		})
	}
}

// /reports lists the reports with their counts; /remove removes one.
func TestAdminListAndRemove(t *testing.T) {
	t.Parallel()
	h := start(t)
	chat := privateChat(admin)
	h.lib.mu.Lock()
	h.lib.reports = append(h.lib.reports, ReportInfo{ID: "new-report", Title: "新报告", Sentences: 321, Figures: 45})
	h.lib.mu.Unlock()

	h.say(chat, &admin, "/reports")
	list := h.waitSent(admin.ID, 1)[0].Text
	if !strings.Contains(list, "共 2 份报告") || !strings.Contains(list, "jiuyuan-2025") || !strings.Contains(list, "1234 句 · 567 个数字") {
		t.Errorf("/reports = %q", list)
	}
	h.say(chat, &admin, "/remove new-report")
	h.waitFor("removal", func() bool {
		sent := h.srv.Sent(admin.ID)
		return len(sent) >= 2 && strings.HasPrefix(sent[1].Text, "已删除报告 new-report")
	})
	if _, _, removed := h.lib.snapshot(); removed != 1 {
		t.Errorf("%d reports removed", removed)
	}
	h.say(chat, &admin, "/remove")
	if got := h.waitSent(admin.ID, 3)[2].Text; !strings.HasPrefix(got, "用法：/remove 报告ID") {
		t.Errorf("usage = %q", got)
	}
	h.say(chat, &admin, "/remove nonexistent")
	h.waitFor("failed removal", func() bool {
		sent := h.srv.Sent(admin.ID)
		return len(sent) >= 4 && sent[3].Text == "失败：没有这个报告"
	})
}

// /reindex shows its stages by editing one message.
func TestAdminReindex(t *testing.T) {
	t.Parallel()
	h := start(t)
	h.say(privateChat(admin), &admin, "/reindex")
	if got := h.waitDone(admin.ID, 1); !slices.Equal(got, []string{"解析…", "索引…", "完成: 1234 句, 567 个数字"}) {
		t.Errorf("reindex progress = %q", got)
	}
}

// Failed uploads tell the admin why: the library's reason, or the download
// failure (without the token: the harness checks every message and log).
func TestAdminUploadErrors(t *testing.T) {
	t.Parallel()
	h := start(t)
	chat := privateChat(admin)
	pdf := h.srv.Message(chat, &admin, "")
	pdf.Document = h.srv.AddFile("report.pdf", []byte("%PDF-1.7"))
	h.srv.PushMessage(pdf)
	if got := h.waitDone(admin.ID, 1); got[len(got)-1] != "失败：report.pdf: 这是扫描版 PDF（只有图片，没有文字层），无法读取文字" {
		t.Errorf("pdf progress = %q", got)
	}

	h.srv.FailNext("file", 2*defaultLimits.maxAttempts, telegramtest.Fault{Kind: telegramtest.FaultDrop}) // more than the sender tries
	txt := h.srv.Message(chat, &admin, "")
	txt.Document = h.srv.AddFile("notes.txt", []byte("一、总体要求"))
	h.srv.PushMessage(txt)
	if got := h.waitDone(admin.ID, 2); !strings.HasPrefix(got[len(got)-1], "失败：下载文件失败") {
		t.Errorf("failed download progress = %q", got)
	}

	big := h.srv.Message(chat, &admin, "")
	big.Document = &models.Document{FileID: "huge", FileName: "big.docx", FileSize: 25 << 20}
	h.srv.PushMessage(big)
	if got := h.waitSent(admin.ID, 3)[2].Text; !strings.HasPrefix(got, "文件太大") {
		t.Errorf("big file = %q", got)
	}
	if _, added, _ := h.lib.snapshot(); added != 0 {
		t.Errorf("%d reports added", added)
	}
}

// Only configured admins manage reports: not the public, not a chat's
// administrators, not anonymous admins.
func TestAdminRefused(t *testing.T) {
	t.Parallel()
	h := start(t)
	group := groupChat(-1005001)
	cases := []struct {
		name string
		chat models.Chat
		from models.User
		text string
		doc  bool
		want string
	}{
		{name: "public uploads", chat: privateChat(alice), from: alice, doc: true, want: textNotAdmin},
		{name: "public reindexes", chat: privateChat(alice), from: alice, text: "/reindex", want: textNotAdmin},
		{name: "public removes", chat: privateChat(alice), from: alice, text: "/remove jiuyuan-2025", want: textNotAdmin},
		{name: "public lists", chat: privateChat(alice), from: alice, text: "/reports", want: textNotAdminList},
		{name: "group admin reindexes", chat: group, from: bob, text: "/reindex@planbot_test_bot", want: textPrivateOnly},
		{name: "group admin removes", chat: group, from: bob, text: "/remove@planbot_test_bot jiuyuan-2025", want: textPrivateOnly},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := h.at(t)
			n := len(h.srv.Sent(c.chat.ID))
			from := c.from
			m := h.srv.Message(c.chat, &from, c.text)
			if c.doc {
				m.Document = h.srv.AddFile("evil.docx", []byte("PK"))
			}
			h.srv.PushMessage(m)
			if got := h.waitSent(c.chat.ID, n+1)[n].Text; got != c.want {
				t.Errorf("reply = %q, want %q", got, c.want)
			}
		})
	}
	t.Run("anonymous group admin", func(t *testing.T) {
		h := h.at(t)
		n := len(h.srv.Sent(group.ID))
		m := h.srv.Message(group, &anonAdmin, "/reindex@planbot_test_bot")
		m.SenderChat = &group
		h.srv.PushMessage(m)
		if got := h.waitSent(group.ID, n+1)[n].Text; got != textPrivateOnly {
			t.Errorf("reply = %q", got)
		}
	})
	if r, a, rm := h.lib.snapshot(); r+a+rm != 0 {
		t.Errorf("the library changed: %d reindexes, %d adds, %d removals", r, a, rm)
	}
	if len(h.srv.Calls("getFile")) != 0 {
		t.Errorf("a refused upload was downloaded")
	}
}

// Admin operations run in the background, one at a time; questions are
// answered meanwhile.
func TestAdminBusy(t *testing.T) {
	t.Parallel()
	h := start(t)
	gate := make(chan struct{})
	h.lib.mu.Lock()
	h.lib.gate = gate
	h.lib.mu.Unlock()
	chat := privateChat(admin)
	h.say(chat, &admin, "/reindex")
	h.waitSent(admin.ID, 1)
	h.say(chat, &admin, "/reindex")
	if got := h.waitSent(admin.ID, 2)[1].Text; got != textBusy {
		t.Errorf("second reindex = %q", got)
	}
	h.say(chat, &admin, "echo 还能提问吗")
	if got := h.waitSent(admin.ID, 3)[2].Text; !strings.HasPrefix(got, "回答：还能提问吗") {
		t.Errorf("question during reindex = %q", got)
	}
	close(gate)
	if got := h.waitDone(admin.ID, 1); got[len(got)-1] != "完成: 1234 句, 567 个数字" {
		t.Errorf("progress = %q", got)
	}
	if r, _, _ := h.lib.snapshot(); r != 1 {
		t.Errorf("%d reindexes, want 1", r)
	}
}

// The command menus: public commands by default, admin ones in admins'
// chats. A menu that cannot be set is logged, not fatal.
func TestCommandMenus(t *testing.T) {
	t.Parallel()
	h := start(t, func(c *Config) { c.Admins = append(c.Admins, 77) }) // 77 never talked to the bot
	h.waitFor("menus", func() bool { return len(h.srv.Calls("setMyCommands")) == 3 })
	h.waitLog(`"msg":"set command menu","bot":"planbot_test_bot","scope":"admin 77","err":"setMyCommands: bad request, Bad Request: chat not found"`)
	h.say(privateChat(alice), &alice, "echo 菜单之后")
	h.waitSent(alice.ID, 1)
	names := func(cmds []models.BotCommand) []string {
		var out []string
		for _, c := range cmds {
			out = append(out, c.Command)
		}
		return out
	}
	if got := names(h.srv.Commands(`{"type":"default"}`)); !slices.Equal(got, []string{"start", "help", "ask"}) {
		t.Errorf("default menu = %q", got)
	}
	if got := names(h.srv.Commands(`{"type":"chat","chat_id":42}`)); !slices.Equal(got, []string{"start", "help", "ask", "reindex", "reports", "remove", "feedback", "alias", "unalias"}) {
		t.Errorf("admin menu = %q", got)
	}
}
