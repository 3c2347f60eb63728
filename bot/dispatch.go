package bot

import (
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
)

// dispatcher runs jobs one at a time per key (a chat), in the order they
// were submitted, and different keys concurrently. This keeps each chat's
// replies in order while a slow question in one chat does not hold up the
// others.
type dispatcher struct {
	mu     sync.Mutex
	queues map[string][]func() // a key is present while its worker runs
	wg     sync.WaitGroup
}

func newDispatcher() *dispatcher {
	return &dispatcher{queues: map[string][]func(){}}
}

// submit queues job under key.
func (d *dispatcher) submit(key string, job func()) {
	d.mu.Lock()
	defer d.mu.Unlock()
	q, running := d.queues[key]
	d.queues[key] = append(q, job)
	if !running {
		d.wg.Add(1)
		go d.work(key)
	}
}

func (d *dispatcher) work(key string) {
	defer d.wg.Done()
	for {
		d.mu.Lock()
		q := d.queues[key]
		if len(q) == 0 {
			delete(d.queues, key)
			d.mu.Unlock()
			return
		}
		job := q[0]
		q[0] = nil
		d.queues[key] = q[1:]
		d.mu.Unlock()
		job()
	}
}

// wait waits until every queued job has run.
func (d *dispatcher) wait() { d.wg.Wait() }

// recovered runs fn, logging a panic instead of crashing the bot. log
// carries the update id.
func recovered(log *slog.Logger, fn func()) {
	defer func() {
		if r := recover(); r != nil {
			log.Error("panic in update handler", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
		}
	}()
	fn()
}

// seenSet remembers recent update ids, so that an update delivered twice
// (a webhook retried by Telegram) is handled once.
type seenSet struct {
	mu   sync.Mutex
	ids  map[int64]bool
	ring []int64
	next int
}

func newSeenSet(size int) *seenSet {
	return &seenSet{ids: make(map[int64]bool, size), ring: make([]int64, size)}
}

// add records id and reports whether it is new.
func (s *seenSet) add(id int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ids[id] {
		return false
	}
	if old := s.ring[s.next]; old != 0 {
		delete(s.ids, old)
	}
	s.ring[s.next] = id
	s.next = (s.next + 1) % len(s.ring)
	s.ids[id] = true
	return true
}
