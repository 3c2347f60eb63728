package bot

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"planbot/bot/feedback"
)

// startFeedback runs a bot that keeps a feedback log in a temporary data
// directory.
func startFeedback(t *testing.T, edit ...func(*Config)) *harness {
	t.Helper()
	dir := t.TempDir()
	return start(t, append([]func(*Config){func(c *Config) { c.DataDir = dir }}, edit...)...)
}

// feedbackLog returns the bot's feedback log, newest first.
func (h *harness) feedbackLog() []feedback.Entry {
	h.t.Helper()
	es, err := h.bot.learn.store.List(time.Time{})
	if err != nil {
		h.t.Fatal(err)
	}
	return es
}

// votesOn returns the log's entries on the result id.
func (h *harness) votesOn(id string) []feedback.Entry {
	var out []feedback.Entry
	for _, e := range h.feedbackLog() {
		if strings.HasPrefix(e.Ref, id+":") {
			out = append(out, e)
		}
	}
	return out
}

// pressAs presses the button of m labelled label (a prefix) as who and
// returns the callback answer's text.
func (h *harness) pressAs(who models.User, m models.Message, label string) string {
	h.t.Helper()
	q := h.srv.PushCallback(who, &m, button(h.t, m, label).CallbackData)
	return h.waitCallbackAnswer(q)
}

// waitMessage waits until the bot's message i in chat satisfies cond, and
// returns it.
func (h *harness) waitMessage(chatID int64, i int, what string, cond func(models.Message) bool) models.Message {
	h.t.Helper()
	var m models.Message
	h.waitFor(what, func() bool {
		sent := h.srv.Sent(chatID)
		if len(sent) <= i {
			return false
		}
		m = sent[i]
		return cond(m)
	})
	return m
}

// resultID is the cached result id in the callback data of m's 👍.
func resultID(t *testing.T, m models.Message) string {
	t.Helper()
	v, ok := parseVote(button(t, m, buttonUp).CallbackData)
	if !ok {
		t.Fatalf("👍 data %q", button(t, m, buttonUp).CallbackData)
	}
	return v.id
}

func voteOf(e feedback.Entry) string {
	s := string(e.Vote)
	if e.Reason != "" {
		s += "/" + string(e.Reason)
	}
	return s
}

// TestVotes: an answer in a private chat, a group and a channel's
// discussion group carries 👍 / 👎; 👎 asks in one edited line what was
// wrong; the reason restores the answer; a person's second vote replaces
// the first; another person's vote is another entry; nothing is sent.
func TestVotes(t *testing.T) {
	t.Parallel()
	h := startFeedback(t)
	channel := models.Chat{ID: -1004100, Type: models.ChatTypeChannel, Title: "九原发布"}
	tests := []struct {
		name     string
		chat     models.Chat
		ask      func(chat models.Chat)
		chatType string
	}{
		{"private", privateChat(alice), func(c models.Chat) { h.say(c, &alice, farmQuestion) }, "private"},
		{"group", groupChat(-1004001), func(c models.Chat) { h.say(c, &alice, "/ask "+farmQuestion) }, "supergroup"},
		{"discussion", groupChat(-1004002), func(c models.Chat) {
			fwd := h.srv.Message(c, &tgService, "今日要闻")
			fwd.IsAutomaticForward, fwd.SenderChat = true, &channel
			h.srv.PushMessage(fwd)
			comment := h.srv.Message(c, &alice, "@planbot_test_bot "+farmQuestion)
			comment.ReplyToMessage, comment.MessageThreadID = fwd, fwd.ID
			h.srv.PushMessage(comment)
		}, "supergroup"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := h.at(t)
			tt.ask(tt.chat)
			m := h.waitSent(tt.chat.ID, 1)[0]
			answer := m.Text
			for _, b := range buttons(m) {
				if len(b.CallbackData) > 64 {
					t.Errorf("%s: callback data of %d bytes", b.Text, len(b.CallbackData))
				}
			}
			for _, label := range []string{buttonOriginal, buttonMore, buttonUp, buttonDown} {
				button(t, m, label)
			}
			id := resultID(t, m)

			if got := h.pressAs(alice, m, buttonUp); got != textThanksUp {
				t.Errorf("👍 answered %q", got)
			}
			es := h.votesOn(id)
			if len(es) != 1 || voteOf(es[0]) != "up" {
				t.Fatalf("after 👍: %+v", es)
			}
			e := es[0]
			if e.Kind != feedback.KindVote || e.Question != farmQuestion || e.ChatType != tt.chatType || e.Report != "jiuyuan-2025" ||
				len(e.Answers) != 1 || e.Answers[0].Text != farmSentence || e.User == "" || strings.Contains(e.User, "1001") {
				t.Errorf("entry %+v", e)
			}

			if got := h.pressAs(alice, m, buttonDown); got != textVoteChanged+buttonDown {
				t.Errorf("👎 after 👍 answered %q", got)
			}
			m = h.waitMessage(tt.chat.ID, 0, "the reasons", func(m models.Message) bool { return strings.HasSuffix(m.Text, textAskReason) })
			if m.Text != answer+"\n\n"+textAskReason {
				t.Errorf("the reason prompt is more than one line added:\n%s", m.Text)
			}
			var labels []string
			for _, b := range buttons(m) {
				labels = append(labels, b.Text)
			}
			if got := strings.Join(labels, " "); got != "答非所问 数字不对 年份不对 报告里有但没找到 返回答案" {
				t.Errorf("reason buttons %q", got)
			}
			if es := h.votesOn(id); len(es) != 1 || voteOf(es[0]) != "down" {
				t.Errorf("after 👎: %+v", es)
			}

			if got := h.pressAs(alice, m, "数字不对"); got != "已记下：数字不对。谢谢反馈！" {
				t.Errorf("reason answered %q", got)
			}
			m = h.waitMessage(tt.chat.ID, 0, "the answer back", func(m models.Message) bool { return m.Text == answer })
			button(t, m, buttonUp)
			if es := h.votesOn(id); len(es) != 1 || voteOf(es[0]) != "down/wrong_number" {
				t.Errorf("after the reason: %+v", es)
			}

			if tt.chatType != "private" { // another member votes too
				if got := h.pressAs(bob, m, buttonUp); got != textThanksUp {
					t.Errorf("bob's 👍 answered %q", got)
				}
				es := h.votesOn(id)
				if len(es) != 2 || voteOf(es[0]) != "up" || es[0].User == es[1].User {
					t.Errorf("after bob's 👍: %+v", es)
				}
			}
			if n := len(h.srv.Sent(tt.chat.ID)); n != 1 {
				t.Errorf("%d messages in the chat, want the answer only", n)
			}
		})
	}
	if es := h.feedbackLog(); len(es) != 5 {
		t.Errorf("%d entries, want 5 (one per person per answer)", len(es))
	}
}

// TestVoteForgedOrStale: presses with data the bot did not write, on
// another chat's answer, or on an expired answer are answered as expired
// and write nothing.
func TestVoteForgedOrStale(t *testing.T) {
	t.Parallel()
	h := startFeedback(t)
	h.say(privateChat(alice), &alice, farmQuestion)
	m := h.waitSent(alice.ID, 1)[0]
	id := resultID(t, m)
	before := len(h.srv.Succeeded("editMessageText"))
	for _, data := range []string{
		"u:AAAAAAAA:0", "d:" + id + ":7", "w:" + id + ":0:4", "w:" + id + ":0", "u:" + id + ":00", "u:" + id + ":-1",
		"b:" + id, "u:" + id[:7] + ":0", "f:x", "f:1000",
	} {
		q := h.srv.PushCallback(alice, &m, data)
		if got := h.waitCallbackAnswer(q); got != textExpired {
			t.Errorf("%q answered %q", data, got)
		}
	}
	// The answer pressed from Bob's chat.
	other := m
	other.Chat = privateChat(bob)
	q := h.srv.PushCallback(bob, &other, voteData(kindUp, id, 0))
	if got := h.waitCallbackAnswer(q); got != textExpired {
		t.Errorf("another chat's answer: %q", got)
	}
	// Alice forging a page of /feedback.
	q = h.srv.PushCallback(alice, &m, feedbackPageData(0))
	if got := h.waitCallbackAnswer(q); got != textExpired {
		t.Errorf("/feedback page by the public: %q", got)
	}
	// The answer expired (a day later).
	h.bot.cache.mu.Lock()
	h.bot.cache.now = func() time.Time { return time.Now().Add(cacheTTL + time.Minute) }
	h.bot.cache.mu.Unlock()
	if got := h.pressAs(alice, m, buttonDown); got != textExpired {
		t.Errorf("an expired answer's 👎: %q", got)
	}
	if es := h.feedbackLog(); len(es) != 0 {
		t.Errorf("logged %+v", es)
	}
	if n := len(h.srv.Succeeded("editMessageText")); n != before {
		t.Errorf("%d edits", n-before)
	}
	if n := len(h.srv.Sent(alice.ID)) + len(h.srv.Sent(bob.ID)); n != 1 {
		t.Errorf("%d messages sent, want the answer only", n)
	}
}

// TestVoteRateLimit: votes count against the person's question limit.
func TestVoteRateLimit(t *testing.T) {
	t.Parallel()
	h := startFeedback(t, func(c *Config) { c.RateLimit.QuestionsPerMinute = 2 })
	h.say(privateChat(alice), &alice, farmQuestion) // the first of two
	m := h.waitSent(alice.ID, 1)[0]
	if got := h.pressAs(alice, m, buttonUp); got != textThanksUp {
		t.Fatalf("👍: %q", got)
	}
	if got := h.pressAs(alice, m, buttonDown); got != textVoteTooFast {
		t.Errorf("a third action in a minute: %q", got)
	}
	if es := h.feedbackLog(); len(es) != 1 || es[0].Vote != feedback.Up {
		t.Errorf("log %+v", es)
	}
	// An admin is not limited.
	h.say(privateChat(admin), &admin, farmQuestion)
	am := h.waitSent(admin.ID, 1)[0]
	for _, label := range []string{buttonUp, buttonDown, buttonUp} {
		if got := h.pressAs(admin, am, label); got == textVoteTooFast {
			t.Errorf("admin limited")
		}
	}
}

// TestInlineVote: an inline answer sent to a chat carries 👍 / 👎 that
// work as in chats, editing the message sent through inline mode.
func TestInlineVote(t *testing.T) {
	t.Parallel()
	h := startFeedback(t)
	qid := h.srv.PushInlineQuery(alice, farmQuestion)
	h.waitFor("inline answer", func() bool { return len(h.srv.Succeeded("answerInlineQuery")) == 1 })
	imid, err := h.srv.ChooseInlineResult(qid, "1")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := h.srv.InlineMessage(imid)
	answer := m.Text
	press := func(label string) string {
		t.Helper()
		return h.waitCallbackAnswer(h.srv.PushInlineCallback(alice, imid, button(t, m, label).CallbackData))
	}
	if got := press(buttonDown); got != textThanksDown {
		t.Errorf("👎: %q", got)
	}
	h.waitFor("the reasons", func() bool { m, _ = h.srv.InlineMessage(imid); return strings.HasSuffix(m.Text, textAskReason) })
	if got := press("年份不对"); got != "已记下：年份不对。谢谢反馈！" {
		t.Errorf("reason: %q", got)
	}
	h.waitFor("the answer back", func() bool { m, _ = h.srv.InlineMessage(imid); return m.Text == answer })
	es := h.feedbackLog()
	if len(es) != 1 || voteOf(es[0]) != "down/wrong_year" || es[0].ChatType != "inline" || len(es[0].Answers) != 1 || es[0].Answers[0].Text != "新增建设5600亩高标准农田。" {
		t.Errorf("log %+v", es)
	}
	if got := h.waitCallbackAnswer(h.srv.PushInlineCallback(alice, imid, "u:AAAAAAAA:0")); got != textExpired {
		t.Errorf("an unknown inline answer: %q", got)
	}
	if got := h.waitCallbackAnswer(h.srv.PushInlineCallback(alice, imid, feedbackPageData(0))); got != textExpired {
		t.Errorf("/feedback page from an inline message: %q", got)
	}
}

// TestUnansweredLogged: a question without an answer is logged, with the
// chat's type; an answered one and inline queries (typed as they come)
// are not.
func TestUnansweredLogged(t *testing.T) {
	t.Parallel()
	h := startFeedback(t)
	h.say(privateChat(alice), &alice, "明天天气怎么样")
	h.say(privateChat(alice), &alice, "echo 有答案")
	h.waitSent(alice.ID, 2)
	h.srv.PushInlineQuery(alice, "明天下雨吗")
	h.waitFor("inline answer", func() bool { return len(h.srv.Succeeded("answerInlineQuery")) == 1 })
	es := h.feedbackLog()
	if len(es) != 1 || es[0].Kind != feedback.KindUnanswered || es[0].Question != "明天天气怎么样" || es[0].ChatType != "private" || es[0].User != "" {
		t.Errorf("log %+v", es)
	}
	// No vote buttons on a reply without an answer.
	for _, b := range buttons(h.srv.Sent(alice.ID)[0]) {
		if b.Text == buttonUp || b.Text == buttonDown {
			t.Errorf("vote buttons on no answer")
		}
	}
}

// TestNoDataDirNoVotes: without a data directory nothing is logged and no
// vote buttons show.
func TestNoDataDirNoVotes(t *testing.T) {
	t.Parallel()
	h := start(t)
	h.say(privateChat(alice), &alice, farmQuestion)
	for _, b := range buttons(h.waitSent(alice.ID, 1)[0]) {
		if b.Text == buttonUp || b.Text == buttonDown {
			t.Errorf("vote buttons without a log")
		}
	}
	h.say(privateChat(admin), &admin, "/feedback")
	if got := h.waitSent(admin.ID, 1)[0].Text; got != textNoFeedbackLog {
		t.Errorf("/feedback = %q", got)
	}
}

// TestFeedbackCommand: /feedback shows admins the 👎 and unanswered
// questions, grouped and counted, in pages; the public, groups and forged
// page buttons see nothing of it.
func TestFeedbackCommand(t *testing.T) {
	t.Parallel()
	h := startFeedback(t)
	t0 := time.Now().Add(-time.Hour)
	for i := range 18 {
		q := fmt.Sprintf("秘密问题%02d", i)
		for range i%3 + 1 {
			if _, err := h.bot.learn.store.Record(feedback.Entry{Time: t0.Add(time.Duration(i) * time.Minute), Kind: feedback.KindUnanswered, Question: q, ChatType: "private"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	// One 👎 with a reason, through the buttons.
	h.say(privateChat(alice), &alice, farmQuestion)
	m := h.waitSent(alice.ID, 1)[0]
	h.pressAs(alice, m, buttonDown)
	m = h.waitMessage(alice.ID, 0, "reasons", func(m models.Message) bool { return strings.HasSuffix(m.Text, textAskReason) })
	h.pressAs(alice, m, "答非所问")

	h.say(privateChat(admin), &admin, "/feedback")
	fb := h.waitSent(admin.ID, 1)[0]
	for _, want := range []string{"👍 0 · 👎 1 · 没答上 36", "要看的问题 19 个", "第 1/3 页", "1. " + farmQuestion, "👎 ×1（答非所问 1）", "答：积极争取4万亩高标准农田",
		"2. 秘密问题17\n没答上 ×3", "8. 秘密问题11"} {
		if !strings.Contains(fb.Text, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, fb.Text)
		}
	}
	if strings.Contains(fb.Text, "秘密问题10") {
		t.Errorf("page 1 shows page 2's questions")
	}
	nav := func(m models.Message) string {
		var out []string
		for _, b := range buttons(m) {
			out = append(out, b.Text)
		}
		return strings.Join(out, " ")
	}
	if got := nav(fb); got != buttonNext {
		t.Errorf("page 1 buttons %q", got)
	}
	if got := h.pressAs(admin, fb, buttonNext); got != "" {
		t.Errorf("下一页 answered %q", got)
	}
	fb = h.waitMessage(admin.ID, 0, "page 2", func(m models.Message) bool { return strings.Contains(m.Text, "第 2/3 页") })
	if !strings.Contains(fb.Text, "9. 秘密问题10") || nav(fb) != buttonPrev+" "+buttonNext {
		t.Errorf("page 2:\n%s\n%s", fb.Text, nav(fb))
	}
	h.pressAs(admin, fb, buttonNext)
	fb = h.waitMessage(admin.ID, 0, "page 3", func(m models.Message) bool { return strings.Contains(m.Text, "第 3/3 页") })
	if !strings.Contains(fb.Text, "19. 秘密问题00") || nav(fb) != buttonPrev {
		t.Errorf("page 3:\n%s\n%s", fb.Text, nav(fb))
	}
	h.pressAs(admin, fb, buttonPrev)
	h.waitMessage(admin.ID, 0, "page 2 again", func(m models.Message) bool { return strings.Contains(m.Text, "第 2/3 页") })

	// The public and groups.
	group := groupChat(-1004200)
	h.say(privateChat(alice), &alice, "/feedback")
	h.say(group, &alice, "/feedback")
	h.say(group, &admin, "/feedback@planbot_test_bot")
	if got := h.waitSent(alice.ID, 2)[1].Text; got != textNotAdminFeedback {
		t.Errorf("alice's /feedback = %q", got)
	}
	sent := h.waitSent(group.ID, 2)
	for _, m := range sent {
		if m.Text != textPrivateOnly {
			t.Errorf("/feedback in a group = %q", m.Text)
		}
	}
	for _, chat := range []int64{alice.ID, group.ID} {
		for _, m := range h.srv.Sent(chat) {
			if strings.Contains(m.Text, "秘密问题") || strings.Contains(m.Text, "没答上") {
				t.Errorf("the log reached chat %d: %q", chat, m.Text)
			}
		}
	}
}

// testClock is a clock the test moves: After reports each wait on waits
// and fires when the test calls advance.
type testClock struct {
	mu      sync.Mutex
	now     time.Time
	pending chan time.Time
	waits   chan time.Duration
}

func newTestClock(now time.Time) *testClock {
	return &testClock{now: now, waits: make(chan time.Duration, 16)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	c.pending = ch
	c.waits <- d
	return ch
}

// nextWait returns the duration of the next wait begun.
func (c *testClock) nextWait(t *testing.T) time.Duration {
	t.Helper()
	select {
	case d := <-c.waits:
		return d
	case <-time.After(waitTimeout):
		t.Fatal("the digest never waited")
		return 0
	}
}

// advance moves the clock by d and ends the pending wait.
func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	ch, now := c.pending, c.now
	c.pending = nil
	c.mu.Unlock()
	if ch != nil {
		ch <- now
	}
}

// TestDigest: with feedback.digest set, the admins get at that time of
// day the day's 👎 and unanswered questions; a day with nothing new sends
// nothing; the public gets nothing of it.
func TestDigest(t *testing.T) {
	t.Parallel()
	clock := newTestClock(time.Date(2025, 3, 1, 8, 0, 0, 0, time.Local))
	dir := t.TempDir()
	h := startTuned(t, &fakeAsker{}, func(b *Bot) { b.learn.clock = clock }, func(c *Config) {
		c.DataDir = dir
		c.Feedback.Digest = "09:00"
	})
	if d := clock.nextWait(t); d != time.Hour {
		t.Fatalf("at 08:00 the digest waits %v, want 1h", d)
	}
	h.say(privateChat(alice), &alice, "明天天气怎么样")
	h.say(privateChat(alice), &alice, farmQuestion)
	m := h.waitSent(alice.ID, 2)[1]
	h.pressAs(alice, m, buttonDown)
	h.waitFor("two entries", func() bool { return len(h.feedbackLog()) == 2 })

	clock.advance(time.Hour)
	got := h.waitSent(admin.ID, 1)[0]
	for _, want := range []string{"每日反馈（2月28日 09:00 起）：👍 0 · 👎 1 · 没答上 1", "明天天气怎么样", farmQuestion} {
		if !strings.Contains(got.Text, want) {
			t.Errorf("digest lacks %q:\n%s", want, got.Text)
		}
	}
	button(t, got, buttonAllFeedback)
	if d := clock.nextWait(t); d != 24*time.Hour {
		t.Errorf("then waits %v, want 24h", d)
	}
	// A day with nothing new: no digest.
	clock.advance(24 * time.Hour)
	clock.nextWait(t)
	h.waitLog(`"msg":"digest: nothing new"`)
	if n := len(h.srv.Sent(admin.ID)); n != 1 {
		t.Errorf("%d digests, want 1", n)
	}
	// 查看全部反馈 opens /feedback in the digest's message.
	if got := h.pressAs(admin, got, buttonAllFeedback); got != "" {
		t.Errorf("查看全部反馈 answered %q", got)
	}
	h.waitMessage(admin.ID, 0, "/feedback", func(m models.Message) bool { return strings.Contains(m.Text, "要看的问题 2 个") })
	for _, m := range h.srv.Sent(alice.ID) {
		if strings.Contains(m.Text, "每日反馈") {
			t.Errorf("alice got the digest")
		}
	}
}

// TestFeedbackConfig checks the settings of the feedback log.
func TestFeedbackConfig(t *testing.T) {
	tests := []struct {
		c       FeedbackConfig
		wantErr string
	}{
		{FeedbackConfig{}, ""},
		{FeedbackConfig{Digest: "09:00", Key: strings.Repeat("k", 16), Retention: feedback.Age(7 * 24 * time.Hour)}, ""},
		{FeedbackConfig{Digest: "9点"}, "feedback.digest"},
		{FeedbackConfig{Digest: "25:00"}, "feedback.digest"},
		{FeedbackConfig{Key: "short"}, "feedback.key"},
		{FeedbackConfig{Retention: feedback.Age(time.Minute)}, "feedback.retention"},
		{FeedbackConfig{Retention: feedback.Age(-time.Hour)}, "feedback.retention"},
	}
	for _, tt := range tests {
		cfg := Config{Token: "1:x", Feedback: tt.c}
		err := cfg.Validate()
		if (err == nil) != (tt.wantErr == "") || err != nil && !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%+v: %v, want %q", tt.c, err, tt.wantErr)
		}
	}
	if d := (clockTime{9, 0}).next(time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)); !d.Equal(time.Date(2025, 3, 2, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("next 09:00 at 09:00 is %v", d)
	}
	if d := (clockTime{9, 0}).next(time.Date(2025, 3, 31, 23, 0, 0, 0, time.UTC)); !d.Equal(time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("next 09:00 at the end of March is %v", d)
	}
}

// TestParseVote reads the feedback buttons' data.
func TestParseVote(t *testing.T) {
	tests := []struct {
		data string
		want vote
		ok   bool
	}{
		{"u:AbCdEfGh:0", vote{kind: kindUp, id: "AbCdEfGh"}, true},
		{"d:AbCdEfGh:12", vote{kind: kindDown, id: "AbCdEfGh", page: 12}, true},
		{"w:AbCdEfGh:1:3", vote{kind: kindWhy, id: "AbCdEfGh", page: 1, reason: 3}, true},
		{"b:AbCdEfGh:0", vote{kind: kindBack, id: "AbCdEfGh"}, true},
		{"f:2", vote{kind: kindFeedback, page: 2}, true},
		{"w:AbCdEfGh:1:4", vote{}, false},
		{"w:AbCdEfGh:1", vote{}, false},
		{"u:AbCdEfG:0", vote{}, false},
		{"u:AbCdEfGh:100", vote{}, false},
		{"u:AbCdEfGh:+1", vote{}, false},
		{"u:AbCdEfGh:0:0", vote{}, false},
		{"p:AbCdEfGh:0", vote{}, false},
		{"f:", vote{}, false},
		{"", vote{}, false},
	}
	for _, tt := range tests {
		got, ok := parseVote(tt.data)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parseVote(%q) = %+v, %v; want %+v, %v", tt.data, got, ok, tt.want, tt.ok)
		}
	}
	for _, d := range []string{voteData(kindDown, "AbCdEfGh", 99), whyData("AbCdEfGh", 99, 3), feedbackPageData(999)} {
		if len(d) > 64 {
			t.Errorf("%q: %d bytes", d, len(d))
		}
	}
	// Inline answers carry the buttons as Telegram takes them.
	var kb inlineKeyboard
	if err := json.Unmarshal([]byte(`{"inline_keyboard":[[{"text":"👍","callback_data":"u:AbCdEfGh:0"}]]}`), &kb); err != nil || len(kb.InlineKeyboard) != 1 {
		t.Errorf("keyboard %v %v", kb, err)
	}
}

// TestVoteOnLongAnswer: an answer sent in several messages has its
// buttons on the last; 👎 there is recorded without the reason prompt,
// which would not fit, and nothing is edited or sent.
func TestVoteOnLongAnswer(t *testing.T) {
	t.Parallel()
	h := startFeedback(t)
	h.say(privateChat(alice), &alice, "long answer please")
	var sent []models.Message
	h.waitFor("the long answer", func() bool {
		sent = h.srv.Sent(alice.ID)
		return len(sent) > 1 && len(buttons(sent[len(sent)-1])) > 0
	})
	last := sent[len(sent)-1]
	if got := h.pressAs(alice, last, buttonDown); got != textThanksDown {
		t.Errorf("👎: %q", got)
	}
	if es := h.feedbackLog(); len(es) != 1 || es[0].Vote != feedback.Down {
		t.Errorf("log %+v", es)
	}
	if got := h.waitCallbackAnswer(h.srv.PushCallback(alice, &last, whyData(resultID(t, last), 0, 1))); got != "已记下：数字不对。谢谢反馈！" {
		t.Errorf("reason: %q", got)
	}
	if n := len(h.srv.Calls("editMessageText")); n != 0 {
		t.Errorf("%d edits", n)
	}
	if n := len(h.srv.Sent(alice.ID)); n != len(sent) {
		t.Errorf("%d messages, was %d", n, len(sent))
	}
}

// A question asked again within a section offered for it is logged as
// unanswered once, however many sections are tried; a 👍 on what a section
// gave records its heading, for /feedback to show what the asker found.
func TestVoteWithinSection(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	h := startWith(t, &sectionAsker{}, func(c *Config) { c.DataDir = dir })
	h.say(privateChat(alice), &alice, "火星基地建设进展")
	m := h.waitSent(alice.ID, 1)[0]
	bs := buttons(m)
	h.waitCallbackAnswer(h.srv.PushCallback(alice, &m, bs[2].CallbackData)) // 无关章节: nothing there either
	h.waitSent(alice.ID, 2)
	h.waitCallbackAnswer(h.srv.PushCallback(alice, &m, bs[1].CallbackData))
	found := h.waitSent(alice.ID, 3)[2]
	if got := h.pressAs(alice, found, buttonUp); got != textThanksUp {
		t.Errorf("👍 answered %q", got)
	}
	es := h.feedbackLog()
	if len(es) != 2 {
		t.Fatalf("log %+v, want the question unanswered once and one 👍", es)
	}
	up, none := es[0], es[1]
	if none.Kind != feedback.KindUnanswered || none.Within != "" || none.Question != "火星基地建设进展" {
		t.Errorf("unanswered %+v", none)
	}
	if up.Kind != feedback.KindVote || up.Vote != feedback.Up || up.Within != closestHeadings[1] || len(up.Answers) != 1 || up.Question != "火星基地建设进展" {
		t.Errorf("vote %+v", up)
	}
}
