package bot

import (
	"fmt"
	"io"
	"net/http"
)

// statusClient is the HTTP client given to the library. It turns 5xx
// responses (often HTML from a proxy, which the library cannot decode) and
// transport failures into typed errors, so that the sender can tell what is
// worth retrying: the library wraps client errors with %w.
type statusClient struct {
	c *http.Client
}

// serverError is a 5xx answer from the Bot API.
type serverError struct {
	status int
}

func (e *serverError) Error() string {
	return fmt.Sprintf("telegram server error: HTTP %d", e.status)
}

// transportError is a failure to exchange a request with the Bot API.
type transportError struct {
	err error
}

func (e *transportError) Error() string { return "network error: " + e.err.Error() }
func (e *transportError) Unwrap() error { return e.err }

// Do sends req. A call made for an update (see intake.go) is given time to
// finish when its context ends, and its success is recorded.
func (s *statusClient) Do(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	resp, err := s.c.Do(req.WithContext(finishing(ctx)))
	if err != nil {
		return nil, &transportError{err: err}
	}
	if resp.StatusCode == http.StatusOK {
		markSent(ctx)
	}
	if resp.StatusCode >= 500 {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		_ = resp.Body.Close()
		return nil, &serverError{status: resp.StatusCode}
	}
	return resp, nil
}

// newTransport is http.DefaultTransport with enough idle connections kept
// for the replies sent at once to many chats (the default keeps two per
// host, so a busy bot opened a new connection for nearly every reply).
func newTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 256
	t.MaxIdleConnsPerHost = 128
	return t
}
