package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot"
)

func TestParseData(t *testing.T) {
	id := "AbCd-_12"
	cases := []struct {
		data string
		kind string
		n    int
		ok   bool
	}{
		{pageData(id, 1), kindPage, 1, true},
		{originalData(id, 0), kindOriginal, 0, true},
		{headingData(id, 3), kindHeading, 3, true},
		{exampleData(2), kindExample, 2, true},
		{"p:short:1", "", 0, false},
		{"p:" + id + ":-1", "", 0, false},
		{"p:" + id + ":1000", "", 0, false},
		{"q:" + id + ":1", "", 0, false},
		{"", "", 0, false},
		{"x:a", "", 0, false},
	}
	for _, c := range cases {
		kind, _, n, ok := parseData(c.data)
		if ok != c.ok || (ok && (kind != c.kind || n != c.n)) {
			t.Errorf("parseData(%q) = %q %d %v", c.data, kind, n, ok)
		}
		if len(c.data) > 64 {
			t.Errorf("%q longer than 64 bytes", c.data)
		}
	}
}

func TestResultCache(t *testing.T) {
	c := newResultCache(2, time.Minute)
	now := time.Unix(1000, 0)
	c.now = func() time.Time { return now }
	a := c.put(&cachedResult{question: "a"})
	b := c.put(&cachedResult{question: "b"})
	if len(a) != idLen || a == b {
		t.Fatalf("ids %q %q", a, b)
	}
	c.get(a) // a is now the most recent
	d := c.put(&cachedResult{question: "d"})
	if _, ok := c.get(b); ok {
		t.Errorf("b survived eviction")
	}
	if e, ok := c.get(a); !ok || e.question != "a" {
		t.Errorf("a evicted")
	}
	now = now.Add(2 * time.Minute)
	if _, ok := c.get(d); ok {
		t.Errorf("d survived its TTL")
	}
}

func TestUserLimiter(t *testing.T) {
	l := newUserLimiter(2)
	now := time.Unix(0, 0)
	l.now = func() time.Time { return now }
	type r struct{ ok, warn bool }
	var got []r
	for range 4 {
		ok, warn := l.allow(1)
		got = append(got, r{ok, warn})
	}
	want := []r{{true, false}, {true, false}, {false, true}, {false, false}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("allow = %v, want %v", got, want)
	}
	if ok, _ := l.allow(2); !ok {
		t.Errorf("another user was limited")
	}
	now = now.Add(30 * time.Second) // one question back
	if ok, _ := l.allow(1); !ok {
		t.Errorf("not allowed after refill")
	}
	if ok, warn := l.allow(1); ok || !warn {
		t.Errorf("the warning is given again after a pause: %v %v", ok, warn)
	}
}

func TestBucket(t *testing.T) {
	now := time.Unix(0, 0)
	b := newBucket(1, 3, now)
	var waits []time.Duration
	for range 5 {
		waits = append(waits, b.reserve(now))
	}
	want := []time.Duration{0, 0, 0, time.Second, 2 * time.Second}
	if fmt.Sprint(waits) != fmt.Sprint(want) {
		t.Errorf("waits = %v, want %v", waits, want)
	}
}

// The sender retries what is worth retrying and nothing else.
func TestSenderRetries(t *testing.T) {
	limits := defaultLimits
	limits.backoff = time.Millisecond
	limits.chatRate, limits.chatBurst = 1000, 1000 // not the subject here
	s := newSender(slog.New(slog.DiscardHandler), limits)
	cases := []struct {
		name  string
		errs  []error
		calls int
		ok    bool
		chats []int64
	}{
		{"success", nil, 1, true, []int64{5}},
		{"server error", []error{&serverError{502}, &serverError{500}}, 3, true, []int64{5, 5, 5}},
		{"network error", []error{&transportError{errors.New("connection reset")}}, 2, true, []int64{5, 5}},
		{"gives up", slices.Repeat([]error{&serverError{500}}, limits.maxAttempts), limits.maxAttempts, false, nil},
		{"bad request not retried", []error{fmt.Errorf("%w, Bad Request: chat not found", bot.ErrorBadRequest)}, 1, false, nil},
		{"migrated", []error{&bot.MigrateError{Message: "upgraded", MigrateToChatID: -100}}, 2, true, []int64{5, -100}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s.migrated = map[int64]int64{}
			var chats []int64
			err := s.do(context.Background(), 5, "sendMessage", func(ctx context.Context, chat int64) error {
				chats = append(chats, chat)
				if len(chats) <= len(c.errs) {
					return c.errs[len(chats)-1]
				}
				return nil
			})
			if (err == nil) != c.ok || len(chats) != c.calls {
				t.Errorf("err %v after %d calls, want ok=%v after %d", err, len(chats), c.ok, c.calls)
			}
			if c.chats != nil && fmt.Sprint(chats) != fmt.Sprint(c.chats) {
				t.Errorf("chats %v, want %v", chats, c.chats)
			}
		})
	}
	// A cancelled context stops a flood wait.
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := s.do(ctx, 0, "sendMessage", func(context.Context, int64) error {
		return &bot.TooManyRequestsError{Message: "too many requests", RetryAfter: 30}
	})
	if err == nil || time.Since(start) > 5*time.Second {
		t.Errorf("flood wait not cancelled: %v", err)
	}
}

func TestRedactHandler(t *testing.T) {
	var sb strings.Builder
	r := newRedactor("123:SECRETPART", "SECRETPART", "webhooksecret")
	log := slog.New(&redactHandler{next: slog.NewTextHandler(&sb, nil), r: r})
	log.With("url", "https://x/bot123:SECRETPART/getMe").Info("call https://x/bot123:SECRETPART/getMe",
		"err", errors.New(`Post "https://x/bot123:SECRETPART/sendMessage": EOF`),
		slog.Group("g", "s", "header webhooksecret"))
	out := sb.String()
	if strings.Contains(out, "SECRETPART") || strings.Contains(out, "webhooksecret") {
		t.Errorf("secrets in %s", out)
	}
	if !strings.Contains(out, "bot***") {
		t.Errorf("nothing redacted in %s", out)
	}
}
