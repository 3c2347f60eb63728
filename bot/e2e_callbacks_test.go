package bot

import (
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"
)

// 更多答案 pages through the answers and 原文 shows the paragraph, both by
// editing the message; every callback is answered; stale or forged ids only
// get "expired".
func TestCallbackButtons(t *testing.T) {
	t.Parallel()
	h := start(t)
	chat := privateChat(alice)
	h.say(chat, &alice, farmQuestion)
	m := h.waitSent(alice.ID, 1)[0]

	edits := func() int { return len(h.srv.Succeeded("editMessageText")) }
	// press presses a button of message i and waits for the message to
	// read want… and the callback to be answered.
	press := func(i int, m models.Message, label, want string) models.Message {
		t.Helper()
		q := h.srv.PushCallback(alice, &m, button(t, m, label).CallbackData)
		if got := h.waitCallbackAnswer(q); got != "" {
			t.Errorf("%s: callback answered with %q", label, got)
		}
		var now models.Message
		h.waitFor(label+" edit", func() bool {
			now = h.srv.Sent(alice.ID)[i]
			return strings.HasPrefix(now.Text, want)
		})
		return now
	}

	// 更多答案 → the second answer, with its note.
	m = press(0, m, "更多答案", "新增建设5600亩高标准农田。")
	if !strings.Contains(m.Text, "注：这是2024年的完成情况") {
		t.Errorf("page 2 = %q", m.Text)
	}
	// The third and last page offers no more answers.
	m = press(0, m, "更多答案", "加大高标准农田建设投入")
	for _, b := range buttons(m) {
		if b.Text == "更多答案" {
			t.Errorf("the last page offers more answers")
		}
	}

	// Back to the first answer through a fresh question, then 原文.
	h.say(chat, &alice, farmQuestion)
	m = h.waitSent(alice.ID, 2)[1]
	m = press(1, m, "原文", "原文\n")
	if !strings.Contains(m.Text, farmParagraph) {
		t.Errorf("original = %q", m.Text)
	}
	if u := entityTexts(m, models.MessageEntityTypeUnderline); len(u) != 1 || u[0] != farmSentence {
		t.Errorf("underlined = %q, want the answer's sentence", u)
	}
	m = press(1, m, "返回答案", farmSentence)

	// Stale and forged ids: only the callback answer, nothing edited or sent.
	before, sent := edits(), len(h.srv.Sent(alice.ID))
	for _, data := range []string{"p:AAAAAAAA:1", "o:zzzzzzzz:0", "garbage", "p:" + strings.Repeat("x", 8) + ":99", "x:99"} {
		q := h.srv.PushCallback(alice, &m, data)
		if got := h.waitCallbackAnswer(q); got != textExpired {
			t.Errorf("%q: callback answered with %q", data, got)
		}
	}
	if edits() != before || len(h.srv.Sent(alice.ID)) != sent {
		t.Errorf("a stale callback changed something")
	}
	// Every callback query was answered exactly once.
	for _, c := range h.srv.Calls("answerCallbackQuery") {
		if !c.OK {
			t.Errorf("answerCallbackQuery failed: %s", c.Description)
		}
	}
}

// Without an answer the bot says so and offers at most four headings;
// pressing one asks it.
func TestNoAnswerClosest(t *testing.T) {
	t.Parallel()
	h := start(t)
	h.say(privateChat(alice), &alice, "火星基地建设进展")
	m := h.waitSent(alice.ID, 1)[0]
	if !strings.HasPrefix(m.Text, textNoAnswer) {
		t.Errorf("text = %q", m.Text)
	}
	bs := buttons(m)
	if len(bs) != 4 {
		t.Fatalf("%d heading buttons, want 4", len(bs))
	}
	for i, b := range bs {
		if b.Text != closestHeadings[i] {
			t.Errorf("button %d = %q", i, b.Text)
		}
	}
	q := h.srv.PushCallback(alice, &m, bs[1].CallbackData)
	if got := h.waitCallbackAnswer(q); got != "" {
		t.Errorf("callback answered with %q", got)
	}
	got := h.waitSent(alice.ID, 2)[1]
	if !strings.HasPrefix(got.Text, "关于"+closestHeadings[1]) {
		t.Errorf("heading answer = %q", got.Text)
	}
}

// A panic while handling a callback is recovered, and the callback is still
// answered.
func TestCallbackPanic(t *testing.T) {
	t.Parallel()
	h := start(t)
	h.say(privateChat(alice), &alice, "echo x")
	m := h.waitSent(alice.ID, 1)[0]
	// Store a result whose answer lives in the "boom" report.
	e := &cachedResult{chatID: alice.ID, question: "q"}
	e.result.Answers = farmAnswers()[:1]
	e.result.Answers[0].ReportID = "boom"
	id := h.bot.cache.put(e)
	q := h.srv.PushCallback(alice, &m, originalData(id, 0))
	if got := h.waitCallbackAnswer(q); got != textError {
		t.Errorf("callback answered with %q", got)
	}
	h.waitLog("panic in update handler")
	h.say(privateChat(alice), &alice, "echo 还活着")
	if got := h.waitSent(alice.ID, 2)[1].Text; !strings.HasPrefix(got, "回答：还活着") {
		t.Errorf("after the panic: %q", got)
	}
}

// Answers longer than a message are split at line or sentence ends, every
// part valid on its own; the buttons come with the last part.
func TestLongAnswerSplit(t *testing.T) {
	t.Parallel()
	h := start(t)
	h.say(privateChat(alice), &alice, "long answer please")
	var sent []models.Message
	h.waitFor("the part with the buttons", func() bool {
		sent = h.srv.Sent(alice.ID)
		return len(sent) > 0 && len(buttons(sent[len(sent)-1])) > 0
	})
	if len(sent) < 2 {
		t.Fatalf("%d parts", len(sent))
	}
	var all strings.Builder
	for i, m := range sent {
		if n := utf16Units(m.Text); n > maxMessageUnits {
			t.Errorf("part %d has %d units", i, n)
		}
		if i < len(sent)-1 && len(buttons(m)) > 0 {
			t.Errorf("part %d has buttons", i)
		}
		if i < len(sent)-1 && !strings.HasSuffix(strings.TrimSpace(m.Text), "。") {
			t.Errorf("part %d ends mid-sentence: …%q", i, tail(m.Text, 10))
		}
		all.WriteString(m.Text)
	}
	if got, want := strip(all.String()), strip(longText()); !strings.HasPrefix(got, want) {
		t.Errorf("the parts do not add up to the answer")
	}
	if len(h.srv.Calls("sendMessage")) != len(sent) {
		t.Errorf("%d sendMessage calls for %d parts: some were refused", len(h.srv.Calls("sendMessage")), len(sent))
	}
}

func utf16Units(s string) int {
	n := 0
	for _, r := range s {
		n += utf16Len(r)
	}
	return n
}

func tail(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}

func strip(s string) string { return strings.Join(strings.Fields(s), "") }
