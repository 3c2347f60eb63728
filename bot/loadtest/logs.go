package loadtest

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
)

// logStats counts the bot's warnings and errors.
type logStats struct {
	mu                       sync.Mutex
	warnings, errors, panics int
	gaveUp                   int // messages the bot gave up sending
	samples                  []string
}

// gaveUpSending counts the messages the bot gave up sending (it logs
// "send answer", "send reply"… at level ERROR): their questions will get
// no reply.
func (s *logStats) gaveUpSending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gaveUp
}

// snapshot returns the counts so far.
func (s *logStats) snapshot() (warnings, errors, panics int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.warnings, s.errors, s.panics
}

// errorSamples returns the first error messages.
func (s *logStats) errorSamples() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.samples...)
}

// countingHandler is the bot's slog handler: it counts warnings, errors and
// panics and passes records on to next (nil: nowhere).
type countingHandler struct {
	st   *logStats
	next slog.Handler
}

func (h *countingHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelWarn || (h.next != nil && h.next.Enabled(ctx, l))
}

func (h *countingHandler) Handle(ctx context.Context, r slog.Record) error {
	if r.Level >= slog.LevelWarn {
		h.st.mu.Lock()
		h.st.warnings += boolInt(r.Level < slog.LevelError)
		if r.Level >= slog.LevelError {
			h.st.errors++
			if strings.Contains(r.Message, "panic") {
				h.st.panics++
			}
			if strings.HasPrefix(r.Message, "send ") {
				h.st.gaveUp++
			}
			if len(h.st.samples) < maxSamples {
				var sb strings.Builder
				sb.WriteString(r.Message)
				r.Attrs(func(a slog.Attr) bool {
					fmt.Fprintf(&sb, " %s=%v", a.Key, a.Value)
					return a.Key != "stack"
				})
				h.st.samples = append(h.st.samples, sb.String())
			}
		}
		h.st.mu.Unlock()
	}
	if h.next != nil && h.next.Enabled(ctx, r.Level) {
		return h.next.Handle(ctx, r)
	}
	return nil
}

func (h *countingHandler) WithAttrs(as []slog.Attr) slog.Handler {
	c := *h
	if c.next != nil {
		c.next = c.next.WithAttrs(as)
	}
	return &c
}

func (h *countingHandler) WithGroup(name string) slog.Handler {
	c := *h
	if c.next != nil {
		c.next = c.next.WithGroup(name)
	}
	return &c
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
