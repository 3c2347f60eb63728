// Package telegramtest is a loopback fake of the Telegram Bot API for end-to-
// end tests of bots. It speaks the wire format (requests as multipart/form-
// data, URL-encoded forms or JSON to /bot<token>/<method>; answers
// {"ok":true,"result":…} or {"ok":false,"error_code":…,"description":…,
// "parameters":…}), records every call, queues updates for getUpdates or
// posts them to a webhook, and enforces what Telegram enforces: text length
// in UTF-16 units, well-formed HTML with Telegram's tags and entities only,
// callback_data of 1–64 bytes, known callback and inline query ids, and
// more. Faults can be injected per method: 429 with retry_after, 500, 502,
// a dropped connection, a delay or a chat migration.
package telegramtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/go-telegram/bot/models"
)

// DefaultToken is the token a Server accepts unless told otherwise.
const DefaultToken = "123456789:TEST-secret_token-ABCDEFGHIJKLMNOPQRS"

// Call is one recorded Bot API request.
type Call struct {
	Method string            // as requested, e.g. "sendMessage"
	Params map[string]string // form fields; JSON-valued fields hold JSON text
	// Status is the HTTP status answered, 0 when the connection was dropped.
	Status      int
	OK          bool
	Description string          // the error description when !OK
	Result      json.RawMessage // the result when OK
	At          time.Time
}

// Int returns a numeric parameter, 0 if absent.
func (c Call) Int(name string) int64 {
	var n int64
	_, _ = fmt.Sscan(c.Params[name], &n)
	return n
}

// Decode unmarshals a JSON-valued parameter (e.g. reply_markup) into v.
func (c Call) Decode(name string, v any) error {
	return json.Unmarshal([]byte(c.Params[name]), v)
}

// FaultKind is a kind of injected failure.
type FaultKind int

// Kinds of faults.
const (
	FaultTooManyRequests FaultKind = iota + 1 // 429 with parameters.retry_after
	FaultServerError                          // 500 with a JSON error body
	FaultBadGateway                           // 502 with an HTML body, as a proxy answers
	FaultDrop                                 // the connection is closed without an answer
	FaultDelay                                // the call is handled after Delay
	FaultMigrate                              // 400 with parameters.migrate_to_chat_id
	FaultStatus                               // Status with Description, e.g. 404 for a method the server does not know
)

// Fault is a failure injected into the next calls of a method.
type Fault struct {
	Kind       FaultKind
	RetryAfter int           // for FaultTooManyRequests, seconds
	Delay      time.Duration // for FaultDelay
	MigrateTo  int64         // for FaultMigrate
	// Status and Description are the error answered for FaultStatus
	// (by default the status text, e.g. "Not Found").
	Status      int
	Description string
}

// Server is a fake Bot API server. Create it with NewServer.
type Server struct {
	// URL is the server's base URL, for bot.WithServerURL.
	URL string
	// Token is the only token the server accepts.
	Token string
	// Me is the bot's own user, as getMe answers.
	Me models.User
	// LongPoll bounds how long getUpdates waits for an update.
	LongPoll time.Duration

	srv *httptest.Server

	mu         sync.Mutex
	changed    chan struct{} // closed and replaced on every change
	calls      []Call
	updates    []pending
	nextUpdate int64
	nextID     int64 // for callback, inline query and file ids
	chats      map[int64]models.Chat
	msgs       map[int64]map[int]*models.Message
	nextMsg    map[int64]int
	byBot      map[int64]map[int]bool // the messages the bot sent
	callbacks  map[string]bool        // id → answered
	inline     map[string]bool        // id → answered
	files      map[string]*file
	faults     map[string][]Fault
	webhook    webhook
	commands   map[string][]models.BotCommand
	received   map[string]int // requests per method, counted on arrival

	// inlineResults are the results answered to each inline query, and
	// inlineMsgs the messages sent by choosing one, by inline message id.
	inlineResults map[string][]map[string]json.RawMessage
	inlineMsgs    map[string]*models.Message
}

type pending struct {
	id  int64
	raw json.RawMessage
}

type file struct {
	id, path string
	data     []byte
}

type webhook struct {
	url, secret string
	allowed     []string
}

// NewServer starts a fake Bot API server on the loopback interface. The
// bot is @planbot_test_bot unless Me is changed before use.
func NewServer() *Server {
	s := &Server{
		Token:     DefaultToken,
		Me:        models.User{ID: 123456789, IsBot: true, FirstName: "Planbot", Username: "planbot_test_bot", SupportInlineQueries: true},
		LongPoll:  200 * time.Millisecond,
		changed:   make(chan struct{}),
		chats:     map[int64]models.Chat{},
		msgs:      map[int64]map[int]*models.Message{},
		nextMsg:   map[int64]int{},
		byBot:     map[int64]map[int]bool{},
		callbacks: map[string]bool{},
		inline:    map[string]bool{},
		files:     map[string]*file{},
		faults:    map[string][]Fault{},
		commands:  map[string][]models.BotCommand{},
		received:  map[string]int{},

		inlineResults: map[string][]map[string]json.RawMessage{},
		inlineMsgs:    map[string]*models.Message{},
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	return s
}

// Close shuts the server down.
func (s *Server) Close() {
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// FailNext makes the next n calls of method (case-insensitive, "file" for
// file downloads) fail with f.
func (s *Server) FailNext(method string, n int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := strings.ToLower(method)
	for range n {
		s.faults[key] = append(s.faults[key], f)
	}
}

// Calls returns the recorded calls of method (case-insensitive), or all
// calls when method is "".
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if method == "" || strings.EqualFold(c.Method, method) {
			out = append(out, c)
		}
	}
	return out
}

// Received counts the requests for method (case-insensitive) that have
// arrived, including those still being handled.
func (s *Server) Received(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.received[strings.ToLower(method)]
}

// Succeeded returns the successful calls of method.
func (s *Server) Succeeded(method string) []Call {
	var out []Call
	for _, c := range s.Calls(method) {
		if c.OK {
			out = append(out, c)
		}
	}
	return out
}

// WaitFor waits until cond holds, re-checking it whenever the server's
// state changes, and reports whether it held before timeout.
func (s *Server) WaitFor(timeout time.Duration, cond func() bool) bool {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		if cond() {
			return true
		}
		select {
		case <-ch:
		case <-deadline.C:
			return cond()
		}
	}
}

// notify wakes WaitFor and getUpdates. Call with s.mu held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// record appends a call. Call with s.mu held.
func (s *Server) record(c Call) {
	c.At = time.Now()
	s.calls = append(s.calls, c)
	s.notify()
}

// serve routes a request.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	if rest, ok := strings.CutPrefix(path, "/file/bot"); ok {
		s.serveFile(w, r, rest)
		return
	}
	rest, ok := strings.CutPrefix(path, "/bot")
	token, method, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 || method == "" {
		writeJSON(w, http.StatusNotFound, apiError(http.StatusNotFound, "Not Found", nil))
		return
	}
	params, err := parseParams(r)
	c := Call{Method: method, Params: params}
	s.mu.Lock()
	s.received[strings.ToLower(method)]++
	s.notify()
	s.mu.Unlock()
	if token != s.Token {
		s.finish(w, c, http.StatusUnauthorized, apiError(http.StatusUnauthorized, "Unauthorized", nil))
		return
	}
	if err != nil {
		s.finish(w, c, http.StatusBadRequest, apiError(http.StatusBadRequest, "Bad Request: "+err.Error(), nil))
		return
	}
	if s.inject(w, r, &c) {
		return
	}
	if strings.EqualFold(method, "getUpdates") {
		status, body := s.getUpdates(r, params)
		s.finish(w, c, status, body)
		return
	}
	// The method's effect and its record are one step, so that a test
	// seeing one sees the other.
	s.mu.Lock()
	status, body := s.call(strings.ToLower(method), params)
	s.recordAnswer(c, status, body)
	s.mu.Unlock()
	writeJSON(w, status, body)
}

// finish records c with its answer and writes the answer.
func (s *Server) finish(w http.ResponseWriter, c Call, status int, body map[string]any) {
	s.mu.Lock()
	s.recordAnswer(c, status, body)
	s.mu.Unlock()
	writeJSON(w, status, body)
}

// recordAnswer records c with its answer. Call with s.mu held.
func (s *Server) recordAnswer(c Call, status int, body map[string]any) {
	c.Status = status
	c.OK, _ = body["ok"].(bool)
	if c.OK {
		c.Result, _ = json.Marshal(body["result"])
	} else {
		c.Description, _ = body["description"].(string)
	}
	s.record(c)
}

// takeFault pops the next fault injected for method.
func (s *Server) takeFault(method string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := strings.ToLower(method)
	q := s.faults[key]
	if len(q) == 0 {
		return Fault{}, false
	}
	s.faults[key] = q[1:]
	return q[0], true
}

// inject applies an injected fault; it reports whether the request was
// answered by it.
func (s *Server) inject(w http.ResponseWriter, r *http.Request, c *Call) bool {
	f, ok := s.takeFault(c.Method)
	if !ok {
		return false
	}
	switch f.Kind {
	case FaultTooManyRequests:
		desc := fmt.Sprintf("Too Many Requests: retry after %d", f.RetryAfter)
		s.finish(w, *c, http.StatusTooManyRequests, apiError(http.StatusTooManyRequests, desc, map[string]any{"retry_after": f.RetryAfter}))
	case FaultServerError:
		s.finish(w, *c, http.StatusInternalServerError, apiError(http.StatusInternalServerError, "Internal Server Error", nil))
	case FaultBadGateway:
		c.Status = http.StatusBadGateway
		c.Description = "Bad Gateway"
		s.mu.Lock()
		s.record(*c)
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\r\n"))
	case FaultDrop:
		c.Description = "connection dropped"
		s.mu.Lock()
		s.record(*c)
		s.mu.Unlock()
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return true
			}
		}
		panic(http.ErrAbortHandler)
	case FaultMigrate:
		desc := "Bad Request: group chat was upgraded to a supergroup chat"
		s.finish(w, *c, http.StatusBadRequest, apiError(http.StatusBadRequest, desc, map[string]any{"migrate_to_chat_id": f.MigrateTo}))
	case FaultStatus:
		desc := f.Description
		if desc == "" {
			desc = http.StatusText(f.Status)
		}
		s.finish(w, *c, f.Status, apiError(f.Status, desc, nil))
	case FaultDelay:
		select {
		case <-time.After(f.Delay):
		case <-r.Context().Done():
			return true
		}
		return false
	}
	return true
}

func apiError(code int, desc string, params map[string]any) map[string]any {
	body := map[string]any{"ok": false, "error_code": code, "description": desc}
	if params != nil {
		body["parameters"] = params
	}
	return body
}

func apiOK(result any) map[string]any {
	return map[string]any{"ok": true, "result": result}
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// serveFile serves a file download: /file/bot<token>/<path>.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, rest string) {
	token, path, _ := strings.Cut(rest, "/")
	c := Call{Method: "file", Params: map[string]string{"path": path}}
	if token != s.Token {
		s.finish(w, c, http.StatusUnauthorized, apiError(http.StatusUnauthorized, "Unauthorized", nil))
		return
	}
	if s.inject(w, r, &c) {
		return
	}
	s.mu.Lock()
	var f *file
	for _, x := range s.files {
		if x.path == path {
			f = x
		}
	}
	c.OK = f != nil
	c.Status = http.StatusOK
	if f == nil {
		c.Status = http.StatusNotFound
	}
	s.record(c)
	s.mu.Unlock()
	if f == nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	_, _ = w.Write(f.data)
}
