package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"planbot/bot/telegramtest"
)

// run is a bot running against a server it does not own, so that another
// bot can follow it on the same server and data directory.
type run struct {
	bot  *Bot
	logs *syncBuffer
	stop func() error // cancels Run and waits for it; may be called again
}

// runOn runs a bot against srv with cfg (token and server filled in);
// tune adjusts the bot before Run (limits, wait times).
func runOn(t *testing.T, srv *telegramtest.Server, asker Asker, cfg Config, tune func(*Bot)) *run {
	t.Helper()
	cfg.Token, cfg.APIURL = srv.Token, srv.URL
	r := &run{logs: &syncBuffer{}}
	b := newTestBot(t, cfg, asker, newFakeLibrary(), r.logs, tune)
	r.bot = b
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	var stopped bool
	var runErr error
	r.stop = func() error {
		if !stopped {
			stopped = true
			cancel()
			select {
			case runErr = <-done:
			case <-time.After(waitTimeout + b.cfg.ShutdownGrace):
				runErr = errors.New("Run did not return after cancel")
			}
		}
		return runErr
	}
	t.Cleanup(func() {
		if err := r.stop(); err != nil {
			t.Errorf("Run: %v", err)
		}
		if t.Failed() {
			t.Logf("bot logs:\n%s", r.logs.String())
		}
	})
	return r
}

// answersTo counts the successful sendMessage calls per text prefix, for
// the answers "回答：<q>" of "echo <q>".
func answersTo(srv *telegramtest.Server) map[string]int {
	n := map[string]int{}
	for _, c := range srv.Succeeded("sendMessage") {
		if q := answerOf(c.Params["text"]); q != "" {
			n[q]++
		}
	}
	return n
}

// answerOf returns q of the answer to "echo q", "" for other texts.
func answerOf(text string) string {
	q, ok := strings.CutPrefix(text, "回答：")
	if !ok {
		return ""
	}
	q, _, _ = strings.Cut(q, "\n")
	return q
}

// pacedSlowly makes private chats slow (5 answers a second, no burst) so
// that questions wait; groups keep Telegram's 20 a minute.
func pacedSlowly(b *Bot) {
	b.send.limits.chatRate, b.send.limits.chatBurst = 5, 1
}

// A bot stopped with questions queued behind the sending limits answers
// what it can within the grace period and spools the rest; the next bot on
// the same data directory answers those first, then what came meanwhile,
// and polls from the saved offset: every question is answered exactly once.
func TestRestartLosesNoQuestion(t *testing.T) {
	t.Parallel()
	srv := telegramtest.NewServer()
	t.Cleanup(srv.Close) // after the bots stop
	dir := t.TempDir()
	group := groupChat(-1007001)
	srv.AddChat(privateChat(alice))
	srv.AddChat(group)
	const privateN, groupN, laterN = 30, 10, 5
	var want []string         // every question, in the order alice's answers must come
	byMsg := map[int]string{} // group question message id → question
	for i := range privateN {
		q := fmt.Sprintf("p%d", i)
		want = append(want, q)
		srv.PushMessage(srv.Message(privateChat(alice), &alice, "echo "+q))
	}
	for i := range groupN {
		q := fmt.Sprintf("g%d", i)
		m := srv.Message(group, &bob, "/ask echo "+q)
		byMsg[m.ID] = q
		srv.PushMessage(m)
	}
	cfg := Config{DataDir: dir, ShutdownGrace: 100 * time.Millisecond, RateLimit: RateLimitConfig{QuestionsPerMinute: -1}}

	first := runOn(t, srv, &fakeAsker{}, cfg, pacedSlowly)
	if !srv.WaitFor(waitTimeout, func() bool { return answersTo(srv)["p3"] > 0 }) {
		t.Fatal("the first bot answered nothing")
	}
	if err := first.stop(); err != nil {
		t.Fatal(err)
	}
	answered := len(answersTo(srv))
	sf, err := readSpool(spoolPath(dir))
	if err != nil || sf == nil {
		t.Fatalf("spool after the first bot: %v %v", sf, err)
	}
	if answered >= privateN+groupN || len(sf.Updates) != privateN+groupN-answered {
		t.Fatalf("first bot answered %d of %d and spooled %d: want the rest spooled", answered, privateN+groupN, len(sf.Updates))
	}
	if wantOffset := int64(privateN + groupN + 1); sf.Offset != wantOffset {
		t.Errorf("spooled offset %d, want %d", sf.Offset, wantOffset)
	}
	t.Logf("first bot: %d answered, %d spooled", answered, len(sf.Updates))

	// Questions asked while no bot runs: Telegram keeps them.
	for i := range laterN {
		q := fmt.Sprintf("later%d", i)
		want = append(want, q)
		srv.PushMessage(srv.Message(privateChat(alice), &alice, "echo "+q))
	}
	polls := len(srv.Calls("getUpdates"))
	second := runOn(t, srv, &fakeAsker{}, cfg, func(b *Bot) { b.SetPacing(false) })
	all := privateN + groupN + laterN
	if !srv.WaitFor(waitTimeout, func() bool { return len(answersTo(srv)) == all }) {
		t.Fatalf("%d of %d questions answered after the restart", len(answersTo(srv)), all)
	}
	if err := second.stop(); err != nil {
		t.Fatal(err)
	}

	for q, n := range answersTo(srv) {
		if n != 1 {
			t.Errorf("%s answered %d times", q, n)
		}
	}
	// alice's answers in the order she asked: the spooled ones first.
	var got []string
	for _, m := range srv.Sent(alice.ID) {
		got = append(got, answerOf(m.Text))
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("alice's answers in the order\n %q\nwant\n %q", got, want)
	}
	// The group's answers each threaded to its question, once.
	replies := map[int]int{}
	for _, m := range srv.Sent(group.ID) {
		if m.ReplyToMessage == nil {
			t.Errorf("group answer %q not threaded", m.Text)
			continue
		}
		replies[m.ReplyToMessage.ID]++
		if q := byMsg[m.ReplyToMessage.ID]; answerOf(m.Text) != q {
			t.Errorf("question %q answered %q", q, m.Text)
		}
	}
	for id, q := range byMsg {
		if replies[id] != 1 {
			t.Errorf("group question %s has %d replies", q, replies[id])
		}
	}
	if calls := srv.Calls("getUpdates"); len(calls) <= polls || calls[polls].Int("offset") != sf.Offset {
		t.Errorf("the second bot did not poll from the spooled offset %d", sf.Offset)
	}
	if _, err := os.Stat(spoolPath(dir)); err == nil {
		if sf, _ := readSpool(spoolPath(dir)); sf == nil || len(sf.Updates) != 0 {
			t.Errorf("the spool still holds updates after all were answered: %+v", sf)
		}
	}
}

// With a webhook, the updates taken (answered 200) are spooled the same
// way; once the bot is stopping a delivery is refused with 503 so that
// Telegram sends it again, to the next bot.
func TestRestartWebhook(t *testing.T) {
	t.Parallel()
	srv := telegramtest.NewServer()
	t.Cleanup(srv.Close) // after the bots stop
	dir := t.TempDir()
	srv.AddChat(privateChat(alice))
	addr := freeAddr(t)
	const secret = "restart-secret"
	cfg := Config{DataDir: dir, ShutdownGrace: 50 * time.Millisecond, Mode: ModeWebhook,
		Webhook: WebhookConfig{Listen: addr, URL: "http://" + addr + "/hook", SecretToken: secret}}
	first := runOn(t, srv, &fakeAsker{}, cfg, pacedSlowly)
	if !srv.WaitFor(waitTimeout, func() bool { return len(srv.Succeeded("setWebhook")) == 1 }) {
		t.Fatal("no webhook set")
	}
	const n = 10
	for i := range n {
		m := srv.Message(privateChat(alice), &alice, fmt.Sprintf("echo w%d", i))
		if status, err := srv.DeliverWebhook(context.Background(), &models.Update{Message: m}); err != nil || status != http.StatusOK {
			t.Fatalf("deliver %d: %d %v", i, status, err)
		}
	}
	if !srv.WaitFor(waitTimeout, func() bool { return answersTo(srv)["w0"] > 0 }) {
		t.Fatal("the first bot answered nothing")
	}
	if err := first.stop(); err != nil {
		t.Fatal(err)
	}
	late := &models.Update{ID: n + 1, Message: srv.Message(privateChat(alice), &alice, "echo late")}
	body, err := json.Marshal(late)
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/hook", bytes.NewReader(body))
	req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
	rec := httptest.NewRecorder()
	first.bot.WebhookHandler().ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("a delivery to a stopped bot: %d, want 503", rec.Code)
	}
	sf, err := readSpool(spoolPath(dir))
	if err != nil || sf == nil || len(sf.Updates) == 0 {
		t.Fatalf("spool after the first bot: %+v %v", sf, err)
	}

	srv.Push(late) // Telegram sends the refused update again, here to the poller
	second := runOn(t, srv, &fakeAsker{}, Config{DataDir: dir}, func(b *Bot) { b.SetPacing(false) })
	if !srv.WaitFor(waitTimeout, func() bool { return len(answersTo(srv)) == n+1 }) {
		t.Fatalf("%d of %d answered after the restart: %v", len(answersTo(srv)), n+1, answersTo(srv))
	}
	if err := second.stop(); err != nil {
		t.Fatal(err)
	}
	for q, k := range answersTo(srv) {
		if k != 1 {
			t.Errorf("%s answered %d times", q, k)
		}
	}
}

// A spool that cannot be read is set aside with a logged reason: the bot
// starts without it and answers.
func TestSpoolCorruptSetAside(t *testing.T) {
	t.Parallel()
	for name, write := range map[string]func(path string) error{
		"not JSON":    func(p string) error { return os.WriteFile(p, []byte(`{"version":1,"updates":[{"id":`), 0o600) },
		"a directory": func(p string) error { return os.Mkdir(p, 0o755) },
		"future":      func(p string) error { return os.WriteFile(p, []byte(`{"version":99}`), 0o600) },
		"wrong update": func(p string) error {
			return os.WriteFile(p, []byte(`{"version":1,"updates":[{"id":5,"update":{"update_id":6}}]}`), 0o600)
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := telegramtest.NewServer()
			t.Cleanup(srv.Close) // after the bot stops
			dir := t.TempDir()
			path := spoolPath(dir)
			if err := write(path); err != nil {
				t.Fatal(err)
			}
			r := runOn(t, srv, &fakeAsker{}, Config{DataDir: dir}, nil)
			if !strings.Contains(r.logs.String(), "spool unreadable: set aside") || !strings.Contains(r.logs.String(), path) {
				t.Errorf("not logged with the path:\n%s", r.logs.String())
			}
			aside, _ := filepath.Glob(path + ".bad-*")
			if len(aside) != 1 {
				t.Errorf("set aside as %v", aside)
			}
			srv.PushMessage(srv.Message(privateChat(alice), &alice, "echo 还在"))
			if !srv.WaitFor(waitTimeout, func() bool { return answersTo(srv)["还在"] == 1 }) {
				t.Error("the bot does not answer")
			}
		})
	}
}

// Hurry (a second signal) ends the grace period: what is queued is
// spooled at once.
func TestHurrySpoolsAtOnce(t *testing.T) {
	t.Parallel()
	srv := telegramtest.NewServer()
	t.Cleanup(srv.Close) // after the bot stops
	dir := t.TempDir()
	srv.AddChat(privateChat(alice))
	var ids []int64
	for i := range 10 {
		ids = append(ids, srv.PushMessage(srv.Message(privateChat(alice), &alice, fmt.Sprintf("echo h%d", i))))
	}
	r := runOn(t, srv, &fakeAsker{}, Config{DataDir: dir}, func(b *Bot) { // the default grace: 20 s
		b.send.limits.chatRate, b.send.limits.chatBurst = 0.1, 1
	})
	if !srv.WaitFor(waitTimeout, func() bool { return answersTo(srv)["h0"] > 0 }) {
		t.Fatal("nothing answered")
	}
	r.bot.Hurry()
	if err := r.stop(); err != nil {
		t.Fatal(err)
	}
	if logs := r.logs.String(); !strings.Contains(logs, "told to hurry") || strings.Contains(logs, "grace period over") {
		t.Errorf("the grace period was not cut short")
	}
	sf, err := readSpool(spoolPath(dir))
	if err != nil || sf == nil {
		t.Fatalf("spool %+v (%v)", sf, err)
	}
	// the updates the poller had fetched but not handed over when it was
	// stopped are still Telegram's: the spooled offset does not pass them
	held := 0
	for _, id := range ids {
		if id >= sf.Offset {
			held++
		}
	}
	if len(sf.Updates)+len(answersTo(srv))+held != 10 {
		t.Errorf("spool of %d updates, offset %d, with %d answered, want the other questions", len(sf.Updates), sf.Offset, len(answersTo(srv)))
	}
}
