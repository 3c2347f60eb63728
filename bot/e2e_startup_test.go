package bot

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/go-telegram/bot"

	"planbot/bot/telegramtest"
)

// runBare runs a bot on srv as New leaves it (the sender's real backoff,
// unlike the harness) and returns it with its logs and the time Run was
// called.
func runBare(t *testing.T, srv *telegramtest.Server, admins ...int64) (*Bot, *syncBuffer, time.Time) {
	t.Helper()
	logs := &syncBuffer{}
	logger := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	b, err := New(Config{Token: srv.Token, APIURL: srv.URL, Admins: admins}, &fakeAsker{}, newFakeLibrary(), logger)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	started := time.Now()
	go func() { done <- b.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(waitTimeout):
			t.Errorf("Run did not return after cancel")
		}
		if t.Failed() {
			t.Logf("bot logs:\n%s", logs.String())
		}
		srv.Close()
	})
	return b, logs, started
}

// The bot serves at once: the command menus are set in the background, so
// a Bot API that fails setMyCommands (unknown method, server errors, no
// answer) does not keep the first question waiting. A method the server
// does not know is not retried, nor tried for the other scopes.
func TestServesWhileMenusFail(t *testing.T) {
	t.Parallel()
	const within = 2 * time.Second
	cases := []struct {
		name  string
		fault telegramtest.Fault
	}{
		{"404 unknown method", telegramtest.Fault{Kind: telegramtest.FaultStatus, Status: 404}},
		{"500", telegramtest.Fault{Kind: telegramtest.FaultServerError}},
		{"502", telegramtest.Fault{Kind: telegramtest.FaultBadGateway}},
		{"no answer", telegramtest.Fault{Kind: telegramtest.FaultDelay, Delay: time.Minute}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			srv := telegramtest.NewServer()
			srv.AddChat(privateChat(admin))
			srv.FailNext("setMyCommands", 1000, c.fault)
			_, logs, started := runBare(t, srv, admin.ID, 77)
			srv.PushMessage(srv.Message(privateChat(alice), &alice, "echo 第一个问题"))
			if !srv.WaitFor(waitTimeout, func() bool { return len(srv.Sent(alice.ID)) > 0 }) {
				t.Fatal("the first question was not answered")
			}
			if took := time.Since(started); took > within {
				t.Errorf("the first question was answered %v after Run, want within %v", took, within)
			}
			if c.fault.Kind == telegramtest.FaultDelay && len(srv.Calls("setMyCommands")) != 0 {
				t.Errorf("a menu was answered before the question: the menus were not in the background")
			}
			if c.fault.Kind == telegramtest.FaultStatus {
				// The two admin scopes are given up without a call.
				if !srv.WaitFor(waitTimeout, func() bool { return strings.Count(logs.String(), "command menu not set") == 2 }) {
					t.Fatalf("admin scopes not given up")
				}
				if n := srv.Received("setMyCommands"); n != 1 {
					t.Errorf("%d setMyCommands requests, want 1: a 404 is not retried", n)
				}
				if !strings.Contains(logs.String(), `"cause":"HTTP 404 Not Found"`) {
					t.Errorf("the 404 is not logged with its cause")
				}
			}
		})
	}
}

// A getMe that fails says why in one line — the server's HTTP status, not
// "context deadline exceeded" — and never the token. (A refused connection:
// TestRejectedToken; the other causes: TestCause.)
func TestGetMeErrorNamesTheCause(t *testing.T) {
	t.Parallel()
	srv := telegramtest.NewServer()
	defer srv.Close()
	srv.FailNext("getMe", 1000, telegramtest.Fault{Kind: telegramtest.FaultBadGateway})
	logs := &syncBuffer{}
	_, err := New(Config{Token: srv.Token, APIURL: srv.URL}, &fakeAsker{}, newFakeLibrary(), slog.New(slog.NewTextHandler(logs, nil)))
	if err == nil {
		t.Fatal("New succeeded")
	}
	msg := err.Error()
	_, secret, _ := strings.Cut(srv.Token, ":")
	if want := "telegram getMe at " + srv.URL + " failed: HTTP 502 Bad Gateway"; msg != want {
		t.Errorf("error = %q, want %q", msg, want)
	}
	if strings.Contains(logs.String(), secret) {
		t.Errorf("token in logs")
	}
	if n := srv.Received("getMe"); n < 2 {
		t.Errorf("%d getMe requests: a 502 is worth retrying", n)
	}
}

// cause names what went wrong in a few words, whatever wraps it.
func TestCause(t *testing.T) {
	t.Parallel()
	cut := func(last error) error { // as the sender gives up when its context ends
		return errors.Join(context.DeadlineExceeded, last)
	}
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"refused", cut(&transportError{err: &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}}), "connection refused"},
		{"reset", &transportError{err: &net.OpError{Op: "read", Err: syscall.ECONNRESET}}, "connection reset"},
		{"dns", &transportError{err: &net.DNSError{Name: "api.example", Err: "no such host"}}, "cannot resolve host api.example"},
		{"500", cut(&serverError{status: 500}), "HTTP 500 Internal Server Error"},
		{"401", errors.Join(bot.ErrorUnauthorized), "HTTP 401 Unauthorized"},
		{"429", &bot.TooManyRequestsError{RetryAfter: 7}, "HTTP 429 Too Many Requests (retry after 7 s)"},
		{"timeout", &transportError{err: context.DeadlineExceeded}, "no answer within the time allowed"},
		{"other", errors.New("strange\nthing"), "strange thing"},
	}
	for _, c := range cases {
		if got := cause(c.err); got != c.want {
			t.Errorf("%s: cause = %q, want %q", c.name, got, c.want)
		}
	}
}
