package bot

import (
	"slices"
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"
)

// A private message is a question: the answer shows the sentence with its
// figures in bold, the section in italics, the report's title and buttons.
func TestPrivateQuestion(t *testing.T) {
	t.Parallel()
	h := start(t)
	h.say(privateChat(alice), &alice, farmQuestion)
	m := h.waitSent(alice.ID, 1)[0]

	want := farmSentence + "\n" + farmSection + "\n——《" + farmReport + "》"
	if m.Text != want {
		t.Errorf("text = %q, want %q", m.Text, want)
	}
	if got := entityTexts(m, models.MessageEntityTypeBold); !slices.Equal(got, []string{"4万亩", "2000亩"}) {
		t.Errorf("bold = %q, want the figures", got)
	}
	if got := entityTexts(m, models.MessageEntityTypeItalic); !slices.Equal(got, []string{farmSection}) {
		t.Errorf("italic = %q, want the section", got)
	}
	if m.ReplyToMessage != nil {
		t.Errorf("private answers are not threaded")
	}
	var labels []string
	for _, b := range buttons(m) {
		labels = append(labels, b.Text)
		if n := len(b.CallbackData); n < 1 || n > 64 {
			t.Errorf("callback_data %q is %d bytes", b.CallbackData, n)
		}
	}
	if !slices.Equal(labels, []string{"原文", "更多答案"}) {
		t.Errorf("buttons = %q", labels)
	}
	if got := h.asker.asked(); !slices.Equal(got, []string{farmQuestion}) {
		t.Errorf("asked %q", got)
	}
	if top := h.asker.top(0); top != DefaultMaxAnswers {
		t.Errorf("top = %d, want %d", top, DefaultMaxAnswers)
	}
	call := h.srv.Succeeded("sendMessage")[0]
	if call.Params["parse_mode"] != "HTML" || !strings.Contains(call.Params["text"], "<b>4万亩</b>") {
		t.Errorf("sent %q in %q mode", call.Params["text"], call.Params["parse_mode"])
	}
}

// Report text is escaped for Telegram's HTML: only &lt; &gt; &amp; &quot;.
func TestAnswerEscaping(t *testing.T) {
	t.Parallel()
	h := start(t)
	h.say(privateChat(alice), &alice, "escape")
	m := h.waitSent(alice.ID, 1)[0]
	want := `增速<5% & "稳中求进" 'A>B'` + "\n<i>章节</i> & 附表\n——《A&B <报告>》"
	if m.Text != want {
		t.Errorf("text = %q, want %q", m.Text, want)
	}
	if got := entityTexts(m, models.MessageEntityTypeBold); !slices.Equal(got, []string{"<5%"}) {
		t.Errorf("bold = %q", got)
	}
	sent := h.srv.Succeeded("sendMessage")[0].Params["text"]
	if strings.Contains(sent, "&#") {
		t.Errorf("numeric entities in %q", sent)
	}
}

// /start and /help explain with tappable examples; an example button asks it.
func TestStartAndHelp(t *testing.T) {
	t.Parallel()
	h := start(t)
	h.say(privateChat(alice), &alice, "/start")
	m := h.waitSent(alice.ID, 1)[0]
	if !strings.Contains(m.Text, "/ask "+farmQuestion) || !strings.Contains(m.Text, "@planbot_test_bot") {
		t.Errorf("help text = %q", m.Text)
	}
	if codes := entityTexts(m, models.MessageEntityTypeCode); !slices.Contains(codes, "/ask "+farmQuestion) {
		t.Errorf("code entities = %q", codes)
	}
	ex := button(t, m, farmQuestion)
	q := h.srv.PushCallback(alice, &m, ex.CallbackData)
	sent := h.waitSent(alice.ID, 2)
	if !strings.HasPrefix(sent[1].Text, farmSentence) {
		t.Errorf("example answer = %q", sent[1].Text)
	}
	if got := h.waitCallbackAnswer(q); got != "" {
		t.Errorf("callback answered with %q", got)
	}

	h.say(privateChat(alice), &alice, "/help")
	if got := h.waitSent(alice.ID, 3)[2].Text; got != m.Text {
		t.Errorf("/help = %q, want the /start text", got)
	}
}

// In groups only what is addressed to the bot is answered, as a threaded
// reply, with the command or mention stripped from the question.
func TestGroupAddressing(t *testing.T) {
	t.Parallel()
	h := start(t)
	me := h.srv.Me
	cases := []struct {
		name string
		text string
		ents []models.MessageEntity // nil: as Telegram marks text
		ask  string                 // the question the Asker should get
	}{
		{name: "ask", text: "/ask 高标准农田目标是多少", ask: farmQuestion},
		{name: "ask@bot", text: "/ask@planbot_test_bot 高标准农田目标是多少", ask: farmQuestion},
		{name: "ask@Bot case", text: "/ask@PlanBot_Test_Bot 高标准农田目标是多少", ask: farmQuestion},
		{name: "chinese and emoji before the command", text: "😀请问 /ask@planbot_test_bot 高标准农田目标是多少", ask: "😀请问 高标准农田目标是多少"},
		{name: "mention", text: "@planbot_test_bot 高标准农田目标是多少", ask: farmQuestion},
		{name: "mention after chinese and emoji", text: "🌾🌾 各位，@planbot_test_bot：高标准农田目标是多少？", ask: "🌾🌾 各位， 高标准农田目标是多少？"},
		{
			name: "text mention", text: "小助手 高标准农田目标是多少",
			ents: []models.MessageEntity{{Type: models.MessageEntityTypeTextMention, Offset: 0, Length: 3, User: &me}},
			ask:  farmQuestion,
		},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := h.at(t)
			chat := groupChat(int64(-1001000 - i))
			m := h.srv.Message(chat, &alice, c.text)
			if c.ents != nil {
				m.Entities = c.ents
			}
			h.srv.PushMessage(m)
			got := h.waitSent(chat.ID, 1)[0]
			if got.ReplyToMessage == nil || got.ReplyToMessage.ID != m.ID {
				t.Errorf("not a reply to the question")
			}
			if !strings.HasPrefix(got.Text, farmSentence) {
				t.Errorf("answer = %q", got.Text)
			}
			h.waitFor("question recorded", func() bool { return slices.Contains(h.asker.asked(), c.ask) })
		})
	}

	t.Run("reply to the bot", func(t *testing.T) {
		h := h.at(t)
		chat := groupChat(-1002001)
		h.say(chat, &alice, "/ask echo 第一个")
		first := h.waitSent(chat.ID, 1)[0]
		m := h.srv.Message(chat, &bob, "echo 接着问")
		m.ReplyToMessage = &first
		h.srv.PushMessage(m)
		got := h.waitSent(chat.ID, 2)[1]
		if got.Text != "回答：接着问\n测试\n——《测试报告》" || got.ReplyToMessage.ID != m.ID {
			t.Errorf("reply answer = %q", got.Text)
		}
	})

	t.Run("chatter and other bots' commands ignored", func(t *testing.T) {
		h := h.at(t)
		chat := groupChat(-1002002)
		h.say(chat, &alice, "大家好，今天开会讨论高标准农田")
		h.say(chat, &alice, "/ask@other_bot 高标准农田目标是多少")
		h.say(chat, &alice, "/start@other_bot")
		other := h.srv.Message(chat, &otherBot, "@planbot_test_bot echo 机器人")
		h.srv.PushMessage(other)
		last := h.say(chat, &alice, "/ask echo 最后")
		// Replies keep the chat's order: had anything before been answered,
		// it would come first.
		sent := h.waitSent(chat.ID, 1)
		if len(sent) != 1 || sent[0].ReplyToMessage.ID != last.ID {
			t.Errorf("sent %q, want only the answer to the last message", texts(sent))
		}
		for _, q := range h.asker.asked() {
			if strings.Contains(q, "开会") || strings.Contains(q, "机器人") {
				t.Errorf("asked %q", q)
			}
		}
	})

	t.Run("forum topic", func(t *testing.T) {
		h := h.at(t)
		chat := groupChat(-1002003)
		chat.IsForum = true
		m := h.srv.Message(chat, &alice, "/ask echo 话题")
		m.MessageThreadID, m.IsTopicMessage = 77, true
		h.srv.PushMessage(m)
		got := h.waitSent(chat.ID, 1)[0]
		if got.MessageThreadID != 77 {
			t.Errorf("message_thread_id = %d, want 77", got.MessageThreadID)
		}
	})

	t.Run("bare ask replying to a question", func(t *testing.T) {
		h := h.at(t)
		chat := groupChat(-1002004)
		q := h.say(chat, &bob, "echo 别人的问题")
		m := h.srv.Message(chat, &alice, "/ask")
		m.ReplyToMessage = q
		h.srv.PushMessage(m)
		if got := h.waitSent(chat.ID, 1)[0]; !strings.HasPrefix(got.Text, "回答：别人的问题") {
			t.Errorf("answer = %q", got.Text)
		}
		h.say(chat, &alice, "/ask")
		if got := h.waitSent(chat.ID, 2)[1]; !strings.Contains(got.Text, "请在 /ask 后面写上问题") {
			t.Errorf("usage = %q", got.Text)
		}
	})
}

// A channel post that mentions the bot or starts with /ask is answered in the
// channel; in the linked discussion group comments that ask the bot are
// answered under the comment, and the automatic forwards are ignored.
func TestChannelAndDiscussion(t *testing.T) {
	t.Parallel()
	h := start(t)
	channel := models.Chat{ID: -1003001, Type: models.ChatTypeChannel, Title: "九原发布"}
	discussion := groupChat(-1003002)

	h.say(channel, nil, "今日要闻：九原区召开人代会")
	h.say(channel, nil, "本期话题 /ask 不在开头")
	post := h.say(channel, nil, "/ask 高标准农田目标是多少")
	got := h.waitSent(channel.ID, 1)
	if len(got) != 1 || got[0].ReplyToMessage == nil || got[0].ReplyToMessage.ID != post.ID {
		t.Fatalf("channel answers = %q, want one reply to the /ask post", texts(got))
	}
	mention := h.say(channel, nil, "@planbot_test_bot echo 频道")
	if got := h.waitSent(channel.ID, 2)[1]; got.ReplyToMessage.ID != mention.ID || !strings.HasPrefix(got.Text, "回答：频道") {
		t.Errorf("mention answer = %q", got.Text)
	}

	// The post is forwarded into the discussion group automatically.
	fwd := h.srv.Message(discussion, &tgService, "@planbot_test_bot echo 自动转发")
	fwd.IsAutomaticForward = true
	fwd.SenderChat = &channel
	h.srv.PushMessage(fwd)
	comment := h.srv.Message(discussion, &alice, "@planbot_test_bot echo 评论")
	comment.ReplyToMessage = fwd
	comment.MessageThreadID = fwd.ID
	h.srv.PushMessage(comment)
	plain := h.srv.Message(discussion, &bob, "写得好")
	plain.ReplyToMessage = fwd
	h.srv.PushMessage(plain)
	askPost := h.srv.Message(discussion, &bob, "/ask")
	askPost.ReplyToMessage = h.srv.Message(discussion, &alice, "echo 评论里的问题")
	h.srv.PushMessage(askPost)

	sent := h.waitSent(discussion.ID, 2)
	if len(sent) != 2 {
		t.Fatalf("discussion answers = %q", texts(sent))
	}
	if sent[0].ReplyToMessage.ID != comment.ID || !strings.HasPrefix(sent[0].Text, "回答：评论") {
		t.Errorf("comment answer = %q (reply to %d)", sent[0].Text, sent[0].ReplyToMessage.ID)
	}
	if sent[1].ReplyToMessage.ID != askPost.ID || !strings.HasPrefix(sent[1].Text, "回答：评论里的问题") {
		t.Errorf("/ask answer = %q", sent[1].Text)
	}
	if slices.Contains(h.asker.asked(), "echo 自动转发") {
		t.Errorf("the automatic forward was answered")
	}
}

// Inline queries get up to five articles; an empty query a hint; an
// unanswered one an article saying so.
func TestInlineQuery(t *testing.T) {
	t.Parallel()
	h := start(t)
	type article struct {
		ID                  string `json:"id"`
		Type                string `json:"type"`
		Title               string `json:"title"`
		Description         string `json:"description"`
		InputMessageContent struct {
			MessageText string `json:"message_text"`
			ParseMode   string `json:"parse_mode"`
		} `json:"input_message_content"`
	}
	answer := func(query string) ([]article, map[string]string) {
		t.Helper()
		call := h.waitInlineAnswer(h.srv.PushInlineQuery(alice, query))
		var res []article
		if err := jsonUnmarshal(call["results"], &res); err != nil {
			t.Fatal(err)
		}
		return res, call
	}

	res, call := answer(farmQuestion)
	if len(res) != 3 {
		t.Fatalf("%d results", len(res))
	}
	if res[0].Type != "article" || res[0].Title != "4万亩" || res[0].Description != farmSection {
		t.Errorf("first result = %+v", res[0])
	}
	if res[2].Title != "加大高标准农田建设投入和管护力度。" {
		t.Errorf("title without figure = %q", res[2].Title)
	}
	c := res[0].InputMessageContent
	if c.ParseMode != "HTML" || !strings.Contains(c.MessageText, "<b>4万亩</b>") || !strings.Contains(c.MessageText, "<i>"+farmSection+"</i>") || !strings.Contains(c.MessageText, "——《"+farmReport+"》") {
		t.Errorf("content = %+v", c)
	}
	if call["cache_time"] != "60" || call["is_personal"] == "true" {
		t.Errorf("cache_time %q is_personal %q", call["cache_time"], call["is_personal"])
	}

	res, _ = answer("")
	if len(res) != 1 || !strings.Contains(res[0].Title, "请输入问题") {
		t.Errorf("empty query results = %+v", res)
	}
	if h.asker.asked()[len(h.asker.asked())-1] == "" {
		t.Errorf("the empty query was asked")
	}

	res, _ = answer("火星基地建设")
	if len(res) != 1 || !strings.Contains(res[0].Title, "没有涉及") || !strings.Contains(res[0].InputMessageContent.MessageText, "报告中没有找到与此相关的内容。") {
		t.Errorf("unanswered query results = %+v", res)
	}
}

// Edited messages, media, bots, and membership changes.
func TestOtherUpdates(t *testing.T) {
	t.Parallel()
	h := start(t)
	chat := privateChat(alice)

	// An edited message is not answered again.
	edited := h.srv.Message(chat, &alice, "echo 改过的")
	edited.EditDate = edited.Date + 5
	h.srv.Push(&models.Update{EditedMessage: edited})
	// A sticker gets a hint; a photo's caption is a question.
	sticker := h.srv.Message(chat, &alice, "")
	sticker.Sticker = &models.Sticker{FileID: "s1", Emoji: "👍"}
	h.srv.PushMessage(sticker)
	photo := h.srv.Message(chat, &alice, "")
	photo.Photo = []models.PhotoSize{{FileID: "p1", Width: 10, Height: 10}}
	photo.Caption = "echo 图片说明"
	h.srv.PushMessage(photo)
	// The same update delivered twice is answered once.
	dup := h.srv.Message(chat, &alice, "echo 重复")
	id := h.srv.PushMessage(dup)
	h.srv.Push(&models.Update{ID: id, Message: dup})
	h.say(chat, &alice, "echo 最后")

	sent := h.waitSent(alice.ID, 4)
	want := []string{"请用文字提问", "回答：图片说明", "回答：重复", "回答：最后"}
	if len(sent) != len(want) {
		t.Fatalf("sent %q", texts(sent))
	}
	for i, w := range want {
		if !strings.HasPrefix(sent[i].Text, w) {
			t.Errorf("message %d = %q, want %q…", i, sent[i].Text, w)
		}
	}

	// Removal from a group is logged.
	h.srv.Push(&models.Update{MyChatMember: &models.ChatMemberUpdated{
		Chat: groupChat(-1004001), From: bob,
		OldChatMember: models.ChatMember{Type: models.ChatMemberTypeMember, Member: &models.ChatMemberMember{Status: models.ChatMemberTypeMember, User: &h.srv.Me}},
		NewChatMember: models.ChatMember{Type: models.ChatMemberTypeBanned, Banned: &models.ChatMemberBanned{Status: models.ChatMemberTypeBanned, User: &h.srv.Me}},
	}})
	h.waitLog("bot removed from chat")
}

// The public is limited per user; over the limit they are told once.
func TestRateLimit(t *testing.T) {
	t.Parallel()
	h := start(t, func(c *Config) { c.RateLimit.QuestionsPerMinute = 2 })
	for _, q := range []string{"echo 1", "echo 2", "echo 3", "echo 4"} {
		h.say(privateChat(alice), &alice, q)
	}
	h.say(privateChat(admin), &admin, "echo 管理员")
	h.waitSent(admin.ID, 1)
	// Alice's chat is its own queue: wait for its three messages.
	sent := h.waitSent(alice.ID, 3)
	want := []string{"回答：1", "回答：2", textTooFast}
	for i, w := range want {
		if !strings.HasPrefix(sent[i].Text, w) {
			t.Errorf("message %d = %q, want %q", i, sent[i].Text, w)
		}
	}
	// A fifth question is silently dropped; the admin is not limited.
	h.say(privateChat(alice), &alice, "echo 5")
	for _, q := range []string{"echo 管理员2", "echo 管理员3"} {
		h.say(privateChat(admin), &admin, q)
	}
	h.waitSent(admin.ID, 3)
	h.waitLog(`"asker":1001,"warned":false`)
	if n := len(h.srv.Sent(alice.ID)); n != 3 {
		t.Errorf("alice got %d messages, want 3", n)
	}

	// Inline queries, sent while typing, have a looser limit (3×).
	var titles []string
	for i := range 7 {
		call := h.waitInlineAnswer(h.srv.PushInlineQuery(alice, "echo inline "+itoa(int64(i))))
		var res []struct{ Title string }
		_ = jsonUnmarshal(call["results"], &res)
		titles = append(titles, res[0].Title)
	}
	if titles[5] == textTooFast || titles[6] != textTooFast {
		t.Errorf("inline titles = %q", titles)
	}
}

// A panicking Asker does not stop the bot: the user is told, the panic is
// logged with the update id, the next question is answered.
func TestPanicRecovered(t *testing.T) {
	t.Parallel()
	h := start(t)
	id := h.srv.PushMessage(h.srv.Message(privateChat(alice), &alice, "panic please"))
	h.say(privateChat(alice), &alice, "echo 之后")
	sent := h.waitSent(alice.ID, 2)
	if sent[0].Text != textError || !strings.HasPrefix(sent[1].Text, "回答：之后") {
		t.Errorf("sent %q", texts(sent))
	}
	h.waitLog(`"msg":"panic in asker"`)
	if !strings.Contains(h.logs.String(), `"update_id":`+itoa(id)) {
		t.Errorf("panic log lacks the update id %d", id)
	}

	// An error is logged, never shown.
	h.say(privateChat(alice), &alice, "error please")
	if got := h.waitSent(alice.ID, 3)[2].Text; got != textError {
		t.Errorf("error reply = %q", got)
	}
	h.waitLog("index unavailable")
}
