package bot

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"planbot/bot/telegramtest"
)

// TestMeasureRestart600 measures issue 13's case at Telegram's pace: 600
// questions in 20 groups (30 each, from 600 people), SIGTERM after 20 s,
// the default grace period and wait times, then a restart on the same data
// directory. It takes about 70 s: run it with PLANBOT_MEASURE_RESTART=1
// go test ./bot -run TestMeasureRestart600 -v (PLANBOT_MEASURE_PER_GROUP
// sets another number of questions per group).
func TestMeasureRestart600(t *testing.T) {
	if os.Getenv("PLANBOT_MEASURE_RESTART") == "" {
		t.Skip("set PLANBOT_MEASURE_RESTART=1 to measure (about 70 s)")
	}
	const groups = 20
	perGroup := 30
	if n, err := strconv.Atoi(os.Getenv("PLANBOT_MEASURE_PER_GROUP")); err == nil && n > 0 {
		perGroup = n // longer waits: the waiting notices come in
	}
	const sigterm = 20 * time.Second
	srv := telegramtest.NewServer()
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	total := groups * perGroup
	for g := range groups {
		srv.AddChat(groupChat(int64(-1009000 - g)))
	}
	cfg := Config{DataDir: dir}
	start := time.Now()
	first := runOn(t, srv, &fakeAsker{}, cfg, nil)
	for i := range total {
		chat := groupChat(int64(-1009000 - i%groups))
		from := models.User{ID: int64(3000 + i), FirstName: "U"}
		srv.PushMessage(srv.Message(chat, &from, fmt.Sprintf("/ask echo q%d", i)))
	}
	time.Sleep(sigterm - time.Since(start))
	before := len(answersTo(srv))
	stopAt := time.Now()
	if err := first.stop(); err != nil {
		t.Fatal(err)
	}
	stopTook := time.Since(stopAt)
	byFirst := len(answersTo(srv))
	sf, err := readSpool(spoolPath(dir))
	if err != nil || sf == nil {
		t.Fatalf("spool: %v %v", sf, err)
	}
	noticesFirst, typingFirst := countWaiting(srv)

	restart := time.Now()
	second := runOn(t, srv, &fakeAsker{}, cfg, nil)
	if !srv.WaitFor(5*time.Minute, func() bool { return len(answersTo(srv)) == total }) {
		t.Errorf("%d of %d answered after the restart", len(answersTo(srv)), total)
	}
	restartTook := time.Since(restart)
	if err := second.stop(); err != nil {
		t.Fatal(err)
	}
	dups := 0
	for _, n := range answersTo(srv) {
		dups += n - 1
	}
	notices, typing := countWaiting(srv)
	t.Logf("before SIGTERM at %v: %d answered", sigterm, before)
	t.Logf("grace period: %d more answered; Run returned %v after the cancel", byFirst-before, stopTook.Round(time.Millisecond))
	t.Logf("spooled: %d updates, offset %d", len(sf.Updates), sf.Offset)
	t.Logf("after the restart: %d answered in %v", len(answersTo(srv))-byFirst, restartTook.Round(time.Millisecond))
	t.Logf("total: %d of %d answered, %d lost, %d answered twice", len(answersTo(srv)), total, total-len(answersTo(srv)), dups)
	t.Logf("waiting notices: %d (first run %d), typing actions: %d (first run %d)", notices, noticesFirst, typing, typingFirst)
	if dups != 0 || len(answersTo(srv)) != total {
		t.Errorf("want every question answered once")
	}
}

// countWaiting counts the waiting notices and typing actions sent.
func countWaiting(srv *telegramtest.Server) (notices, typing int) {
	for _, c := range srv.Succeeded("sendMessage") {
		if c.Params["text"] == textQueued {
			notices++
		}
	}
	return notices, len(srv.Succeeded("sendChatAction"))
}
