package bot

import (
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"
)

// webhookLogEvery is how often refused webhook requests are counted in the
// log while they keep coming.
const webhookLogEvery = time.Minute

// logSampler logs events that may come in floods — webhook requests with
// a wrong secret token, say — without a line for each: the first is logged
// at once with its details, then, every interval while more come, one line
// counts them by reason. An interval without any closes the window, and the
// next event is logged at once again.
type logSampler struct {
	log   *slog.Logger
	msg   string
	every time.Duration

	mu      sync.Mutex
	open    bool           // within a window: events are only counted
	counts  map[string]int // reason → events since the last line
	lastArg []any          // the details of the last event counted
}

func newLogSampler(log *slog.Logger, msg string, every time.Duration) *logSampler {
	return &logSampler{log: log, msg: msg, every: every, counts: map[string]int{}}
}

// note records an event for reason, with details as slog key-value pairs.
func (s *logSampler) note(reason string, details ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.open {
		s.counts[reason]++
		s.lastArg = details
		return
	}
	s.open = true
	s.log.Warn(s.msg, append([]any{"reason", reason}, details...)...)
	time.AfterFunc(s.every, s.flush)
}

// flush logs the events counted in the window that ends, if any, and opens
// the next one; without any it closes the window.
func (s *logSampler) flush() {
	s.mu.Lock()
	defer s.mu.Unlock()
	total := 0
	for _, n := range s.counts {
		total += n
	}
	if total == 0 {
		s.open = false
		return
	}
	var parts []string
	for _, r := range slices.Sorted(maps.Keys(s.counts)) {
		parts = append(parts, fmt.Sprintf("%s: %d", r, s.counts[r]))
	}
	args := []any{"count", total, "reasons", strings.Join(parts, ", "), "within", s.every.String(), slog.Group("last", s.lastArg...)}
	s.log.Warn(s.msg+" (more)", args...)
	clear(s.counts)
	s.lastArg = nil
	time.AfterFunc(s.every, s.flush)
}
