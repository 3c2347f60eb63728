package emulatortest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// shim is the reverse proxy the bot talks to instead of Telegram. It
// forwards each Bot API request (/bot<token>/<method>) to telegram-test-api
// as JSON, since the emulator reads JSON and urlencoded bodies only and
// github.com/go-telegram/bot sends multipart/form-data. The emulator's
// answers, including its errors for the methods it lacks, go back to the
// bot unchanged.
//
// The emulator answers getUpdates at once, even with nothing to give; the
// library would then ask again in a busy loop. The shim instead asks again
// every pollEvery until there are updates or the request's timeout runs
// out, as Telegram's long polling does.
//
// It records every call, for the timing checks and the test's log.
type shim struct {
	target string // the emulator's base URL
	client *http.Client

	mu    sync.Mutex
	calls []call
}

// call is one Bot API request the bot made through the shim.
type call struct {
	method string
	at     time.Time // when the request arrived
	status int       // the emulator's HTTP status; 0 if it gave none
	chatID string    // the request's chat_id, if any
}

const (
	pollEvery   = 20 * time.Millisecond
	maxLongPoll = 50 * time.Second // Telegram's cap on getUpdates' timeout
)

// jsonFields are the form fields go-telegram/bot encodes as JSON (objects,
// arrays, numbers and booleans): the shim passes them on as JSON values,
// and every other field as a string. Numbers matter where the emulator
// echoes a request back as a Message, which the library decodes strictly.
var jsonFields = map[string]bool{
	"chat_id": true, "message_id": true, "message_thread_id": true,
	"reply_parameters": true, "reply_markup": true, "link_preview_options": true,
	"entities": true, "caption_entities": true,
	"offset": true, "limit": true, "timeout": true, "allowed_updates": true,
	"commands": true, "scope": true,
	"show_alert": true, "cache_time": true, "disable_notification": true, "protect_content": true,
}

func newShim(target string) *shim {
	return &shim{target: strings.TrimRight(target, "/"), client: &http.Client{Timeout: 10 * time.Second}}
}

// ServeHTTP forwards one Bot API request.
func (s *shim) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := call{method: path.Base(r.URL.Path), at: time.Now()}
	fields, err := formFields(r)
	if err != nil {
		s.record(c)
		http.Error(w, fmt.Sprintf("emulator shim: %s: %v", c.method, err), http.StatusBadRequest)
		return
	}
	switch id := fields["chat_id"].(type) {
	case json.RawMessage:
		c.chatID = string(id)
	case string:
		c.chatID = id
	}
	// Recorded before the emulator sees the request: the test may read
	// the emulator's side of it before this handler returns.
	i := s.record(c)
	var status int
	var body []byte
	if c.method == "getUpdates" {
		status, body, err = s.longPoll(r.Context(), r.URL.Path, fields)
	} else {
		status, body, err = s.forward(r.Context(), r.URL.Path, fields)
	}
	s.setStatus(i, status)
	if err != nil {
		http.Error(w, fmt.Sprintf("emulator shim: %s: %v", c.method, err), http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// formFields reads a request's form, multipart or empty, as the JSON object
// to send the emulator.
func formFields(r *http.Request) (map[string]any, error) {
	raw, err := io.ReadAll(io.LimitReader(r.Body, 8<<20))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	fields := map[string]any{}
	if len(bytes.TrimSpace(raw)) == 0 {
		return fields, nil // getMe, deleteWebhook…: no parameters
	}
	mediaType, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mediaType != "multipart/form-data" {
		return nil, fmt.Errorf("content type %q: want multipart/form-data", r.Header.Get("Content-Type"))
	}
	form, err := multipart.NewReader(bytes.NewReader(raw), params["boundary"]).ReadForm(8 << 20)
	if err != nil {
		return nil, fmt.Errorf("parse multipart form: %w", err)
	}
	defer func() { _ = form.RemoveAll() }()
	if len(form.File) > 0 {
		return nil, errors.New("file uploads are not supported by the emulator")
	}
	for name, values := range form.Value {
		if len(values) == 0 {
			continue
		}
		v := values[0]
		if jsonFields[name] && json.Valid([]byte(v)) {
			fields[name] = json.RawMessage(v)
		} else {
			fields[name] = v
		}
	}
	return fields, nil
}

// forward posts fields as JSON to the same path on the emulator.
func (s *shim) forward(ctx context.Context, urlPath string, fields map[string]any) (int, []byte, error) {
	body, err := json.Marshal(fields)
	if err != nil {
		return 0, nil, fmt.Errorf("encode: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.target+urlPath, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.client.Do(req)
	if err != nil {
		return 0, nil, fmt.Errorf("emulator: %w", err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, nil, fmt.Errorf("emulator: read answer: %w", err)
	}
	return resp.StatusCode, out, nil
}

// longPoll forwards getUpdates until the emulator has updates, the
// request's timeout runs out or the bot gives up the request.
func (s *shim) longPoll(ctx context.Context, urlPath string, fields map[string]any) (int, []byte, error) {
	wait := time.Duration(0)
	if v, ok := fields["timeout"].(json.RawMessage); ok {
		if n, err := strconv.Atoi(string(v)); err == nil && n > 0 {
			wait = min(time.Duration(n)*time.Second, maxLongPoll)
		}
	}
	deadline := time.Now().Add(wait)
	for {
		status, body, err := s.forward(ctx, urlPath, fields)
		if err != nil || status != http.StatusOK || !emptyResult(body) || time.Now().After(deadline) {
			return status, body, err
		}
		select {
		case <-ctx.Done():
			return 0, nil, ctx.Err()
		case <-time.After(pollEvery):
		}
	}
}

// emptyResult reports an answer {"ok":true,"result":[]}.
func emptyResult(body []byte) bool {
	var a struct {
		OK     bool              `json:"ok"`
		Result []json.RawMessage `json:"result"`
	}
	return json.Unmarshal(body, &a) == nil && a.OK && len(a.Result) == 0
}

// record adds c to the calls and returns its index.
func (s *shim) record(c call) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, c)
	return len(s.calls) - 1
}

// setStatus records the emulator's status for call i.
func (s *shim) setStatus(i, status int) {
	s.mu.Lock()
	s.calls[i].status = status
	s.mu.Unlock()
}

// recorded returns the calls so far, in the order they arrived.
func (s *shim) recorded() []call {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := slices.Clone(s.calls)
	slices.SortStableFunc(out, func(a, b call) int { return a.at.Compare(b.at) })
	return out
}

// summary counts the calls by method and status, e.g.
// "getMe 1×200, setMyCommands 10×500".
func summary(cs []call) string {
	type key struct {
		method string
		status int
	}
	counts := map[key]int{}
	var order []key
	for _, c := range cs {
		k := key{c.method, c.status}
		if counts[k] == 0 {
			order = append(order, k)
		}
		counts[k]++
	}
	parts := make([]string, 0, len(order))
	for _, k := range order {
		parts = append(parts, fmt.Sprintf("%s %d×%d", k.method, counts[k], k.status))
	}
	return strings.Join(parts, ", ")
}
