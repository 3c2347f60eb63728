package bot

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"planbot/answers"
	"planbot/bot/telegramtest"
)

// gatedAsker holds the questions containing "slow" until gate is closed.
type gatedAsker struct {
	fakeAsker
	gate chan struct{}
}

func (a *gatedAsker) Ask(ctx context.Context, q string, top int) (answers.Result, error) {
	if strings.Contains(q, "slow") {
		select {
		case <-a.gate:
		case <-ctx.Done():
			return answers.Result{}, ctx.Err()
		}
	}
	return a.fakeAsker.Ask(ctx, q, top)
}

// fastWaits shows waiting at once, in tests.
func fastWaits(b *Bot) {
	b.waits = waitTimes{typing: 20 * time.Millisecond, typingEvery: 20 * time.Millisecond, notice: 100 * time.Millisecond, tick: 5 * time.Millisecond}
}

// notices returns the waiting notices sent to chatID, as the ids of the
// messages they reply to.
func notices(srv *telegramtest.Server, chatID int64) []int {
	var out []int
	for _, c := range srv.Succeeded("sendMessage") {
		if c.Int("chat_id") != chatID || c.Params["text"] != textQueued {
			continue
		}
		var rp models.ReplyParameters
		_ = c.Decode("reply_parameters", &rp)
		out = append(out, rp.MessageID)
	}
	return out
}

// typings counts the "typing" actions sent to chatID.
func typings(srv *telegramtest.Server, chatID int64) int {
	n := 0
	for _, c := range srv.Succeeded("sendChatAction") {
		if c.Int("chat_id") == chatID && c.Params["action"] == "typing" {
			n++
		}
	}
	return n
}

// A question queued behind a slow one shows "typing", then gets one notice
// threaded to it, however long it waits; then its answer. The slow one,
// being answered, gets no notice: its answer comes next.
func TestWaitingQuestionIsTold(t *testing.T) {
	t.Parallel()
	srv := telegramtest.NewServer()
	t.Cleanup(srv.Close) // after the bots stop
	asker := &gatedAsker{gate: make(chan struct{})}
	r := runOn(t, srv, asker, Config{}, fastWaits)
	group := groupChat(-1008001)
	slow := srv.Message(group, &alice, "/ask echo slow")
	srv.PushMessage(slow)
	q := srv.Message(group, &bob, "/ask echo queued")
	srv.PushMessage(q)

	if !srv.WaitFor(waitTimeout, func() bool { return typings(srv, group.ID) > 0 && len(notices(srv, group.ID)) > 0 }) {
		t.Fatalf("typing %d, notices %v", typings(srv, group.ID), notices(srv, group.ID))
	}
	// While it keeps waiting, "typing" is renewed and no other notice comes.
	seen := typings(srv, group.ID)
	if !srv.WaitFor(waitTimeout, func() bool { return typings(srv, group.ID) >= seen+3 }) {
		t.Fatal("typing not renewed")
	}
	if got := notices(srv, group.ID); len(got) != 1 || got[0] != q.ID {
		t.Errorf("notices replying to %v, want one to %d", got, q.ID)
	}
	close(asker.gate)
	if !srv.WaitFor(waitTimeout, func() bool { return answersTo(srv)["queued"] == 1 }) {
		t.Fatal("no answer")
	}
	sent := srv.Sent(group.ID)
	if len(sent) != 3 || sent[0].Text != textQueued || sent[0].ReplyToMessage == nil || sent[0].ReplyToMessage.ID != q.ID ||
		answerOf(sent[1].Text) != "slow" || answerOf(sent[2].Text) != "queued" {
		t.Errorf("sent %q, want the notice threaded to the question queued, then the answers", texts(sent))
	}
	if err := r.stop(); err != nil {
		t.Fatal(err)
	}
	if got := notices(srv, group.ID); len(got) != 1 {
		t.Errorf("%d notices", len(got))
	}
}

// Several questions queued in one chat get one notice each, threaded to
// each (in a private chat too), and no more.
func TestWaitingNoticeOncePerQuestion(t *testing.T) {
	t.Parallel()
	srv := telegramtest.NewServer()
	t.Cleanup(srv.Close) // after the bots stop
	asker := &gatedAsker{gate: make(chan struct{})}
	r := runOn(t, srv, asker, Config{}, func(b *Bot) {
		fastWaits(b)
		b.SetPacing(false)
	})
	srv.PushMessage(srv.Message(privateChat(alice), &alice, "echo slow"))
	want := map[int]bool{}
	for i := range 3 {
		m := srv.Message(privateChat(alice), &alice, fmt.Sprintf("echo q%d", i))
		srv.PushMessage(m)
		want[m.ID] = true
	}
	if !srv.WaitFor(waitTimeout, func() bool { return len(notices(srv, alice.ID)) >= 3 }) {
		t.Fatalf("notices %v", notices(srv, alice.ID))
	}
	seen := typings(srv, alice.ID)
	if !srv.WaitFor(waitTimeout, func() bool { return typings(srv, alice.ID) >= seen+3 }) {
		t.Fatal("typing not renewed")
	}
	got := notices(srv, alice.ID)
	for _, id := range got {
		if !want[id] {
			t.Errorf("a notice replies to %d, no question of the three queued", id)
		}
		want[id] = false
	}
	if len(got) != 3 {
		t.Errorf("notices replying to %v, want one to each question queued", got)
	}
	close(asker.gate)
	if !srv.WaitFor(waitTimeout, func() bool { return len(answersTo(srv)) == 4 }) {
		t.Fatalf("answers %v", answersTo(srv))
	}
	if err := r.stop(); err != nil {
		t.Fatal(err)
	}
}

// The notice is a message like any other: it takes its turn under the
// chat's sending limit.
func TestWaitingNoticeCountsAgainstTheLimits(t *testing.T) {
	t.Parallel()
	srv := telegramtest.NewServer()
	t.Cleanup(srv.Close) // after the bots stop
	asker := &gatedAsker{gate: make(chan struct{})}
	r := runOn(t, srv, asker, Config{}, func(b *Bot) {
		fastWaits(b)
		b.send.limits.chatRate, b.send.limits.chatBurst = 1e-6, 3 // three messages, then none for days
	})
	srv.PushMessage(srv.Message(privateChat(alice), &alice, "echo slow"))
	srv.PushMessage(srv.Message(privateChat(alice), &alice, "echo queued"))
	if !srv.WaitFor(waitTimeout, func() bool { return len(notices(srv, alice.ID)) == 1 }) {
		t.Fatal("no notice")
	}
	close(asker.gate)
	if !srv.WaitFor(waitTimeout, func() bool { return answersTo(srv)["queued"] == 1 }) {
		t.Fatal("no answer")
	}
	s := r.bot.send
	s.mu.Lock()
	left := s.chats[alice.ID].tokens
	s.mu.Unlock()
	if left > 0.5 {
		t.Errorf("%.2f of the chat's 3 messages left after the notice and the two answers, want none", left)
	}
}

// A question answered at once shows no waiting at all.
func TestQuickAnswerShowsNoWaiting(t *testing.T) {
	t.Parallel()
	h := start(t)
	for _, q := range []string{"echo 1", "echo 2", "echo 3"} {
		h.say(privateChat(alice), &alice, q)
	}
	h.waitSent(alice.ID, 3)
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	if n := typings(h.srv, alice.ID); n != 0 {
		t.Errorf("%d typing actions", n)
	}
	if n := notices(h.srv, alice.ID); len(n) != 0 {
		t.Errorf("notices %v", n)
	}
}

func TestPlanWaiting(t *testing.T) {
	w := waitTimes{typing: 3 * time.Second, typingEvery: 5 * time.Second, notice: time.Minute}
	t0 := time.Unix(1700000000, 0)
	question := func(id, chat int64, at time.Duration) *taken {
		return &taken{id: id, received: t0.Add(at), notice: &target{chatID: chat, replyTo: int(id)}}
	}
	q1, q2, q3 := question(1, 10, 0), question(2, 10, time.Second), question(3, 20, 0)
	qs := []*taken{q1, q3, q2} // oldest first
	chats := map[int64]*chatWait{}
	canType := true
	plan := func(at time.Duration) string {
		typing, notices := planWaiting(t0.Add(at), w, qs, chats, func() bool { return canType })
		ids := func(ts []*taken) (s []int64) {
			for _, t := range ts {
				s = append(s, t.id)
			}
			return s
		}
		return fmt.Sprint(ids(typing), ids(notices))
	}
	steps := []struct {
		at   time.Duration
		want string // typing (by a chat's oldest question), then notices
	}{
		{2 * time.Second, "[] []"},
		{3 * time.Second, "[1 3] []"},
		{4 * time.Second, "[] []"},        // typing lasts
		{8 * time.Second, "[1 3] []"},     // renewed
		{60 * time.Second, "[1 3] [1 3]"}, // one notice per chat at a time…
		{61 * time.Second, "[] []"},       //
		{120 * time.Second, "[1 3] [2]"},  // …each question its own
		{10 * time.Minute, "[1 3] []"},    // and only once
	}
	for _, s := range steps {
		if got := plan(s.at); got != s.want {
			t.Errorf("at %v: %s, want %s", s.at, got, s.want)
		}
	}
	q5 := question(5, 40, 0) // being answered: typing, but no notice
	q5.started.Store(true)
	qs = []*taken{q5}
	if got := plan(2 * time.Hour); got != "[5] []" {
		t.Errorf("a question being answered: %s", got)
	}
	canType = false // no token free: no typing, notices all the same
	q4 := question(4, 30, 0)
	qs = []*taken{q4}
	if got := plan(3 * time.Hour); got != "[] [4]" {
		t.Errorf("no budget for typing: %s", got)
	}
	if len(chats) != 1 || chats[30] == nil {
		t.Errorf("chats with no question waiting kept: %v", chats)
	}
}
