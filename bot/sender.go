package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/go-telegram/bot"
)

// bucket is a token bucket: burst tokens, refilled at rate per second.
type bucket struct {
	tokens float64
	last   time.Time
	rate   float64
	burst  float64
}

func newBucket(rate, burst float64, now time.Time) *bucket {
	return &bucket{tokens: burst, last: now, rate: rate, burst: burst}
}

// reserve takes a token, possibly ahead of time, and returns how long to
// wait before using it.
func (b *bucket) reserve(now time.Time) time.Duration {
	b.refill(now)
	b.tokens--
	if b.tokens >= 0 {
		return 0
	}
	return time.Duration(-b.tokens / b.rate * float64(time.Second))
}

func (b *bucket) refill(now time.Time) {
	if now.After(b.last) {
		b.tokens = min(b.burst, b.tokens+now.Sub(b.last).Seconds()*b.rate)
		b.last = now
	}
}

// full reports whether the bucket is full, i.e. it can be forgotten.
func (b *bucket) full(now time.Time) bool {
	b.refill(now)
	return b.tokens >= b.burst
}

// senderLimits are the rates the sender keeps to.
type senderLimits struct {
	chatRate, chatBurst     float64       // per chat
	groupRate, groupBurst   float64       // per group, supergroup or channel
	globalRate, globalBurst float64       // overall
	maxAttempts             int           // for 5xx and network errors
	maxFloodWaits           int           // for 429
	backoff, maxBackoff     time.Duration // the first wait after a failure, and the longest
	attemptTimeout          time.Duration
}

// defaultLimits keep to Telegram's published limits: about one message a
// second per chat (short bursts tolerated), 20 a minute per group and 30 a
// second overall.
var defaultLimits = senderLimits{
	chatRate: 1, chatBurst: 3,
	groupRate: 20.0 / 60, groupBurst: 5,
	globalRate: 30, globalBurst: 30,
	maxAttempts:    10, // with the backoff below, about 40 s of trying: a short outage loses nothing
	maxFloodWaits:  5,
	backoff:        250 * time.Millisecond,
	maxBackoff:     8 * time.Second,
	attemptTimeout: 30 * time.Second,
}

// sender runs Bot API calls that send or edit messages: it keeps to the
// rate limits, waits and resends on 429, resends to the new chat id when a
// group became a supergroup, and retries server and network errors with
// exponential backoff. Calls are synchronous, so a chat served by one
// goroutine sees its replies in order.
type sender struct {
	log    *slog.Logger
	limits senderLimits

	mu       sync.Mutex
	chats    map[int64]*bucket
	groups   map[int64]*bucket
	global   *bucket
	migrated map[int64]int64
	now      func() time.Time
}

func newSender(log *slog.Logger, limits senderLimits) *sender {
	return &sender{
		log:      log,
		limits:   limits,
		chats:    map[int64]*bucket{},
		groups:   map[int64]*bucket{},
		global:   newBucket(limits.globalRate, limits.globalBurst, time.Now()),
		migrated: map[int64]int64{},
		now:      time.Now,
	}
}

// resolve follows group-to-supergroup migrations.
func (s *sender) resolve(chatID int64) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range 4 {
		to, ok := s.migrated[chatID]
		if !ok {
			break
		}
		chatID = to
	}
	return chatID
}

// migrate records that chat from is now chat to.
func (s *sender) migrate(from, to int64) {
	if from == 0 || to == 0 || from == to {
		return
	}
	s.mu.Lock()
	s.migrated[from] = to
	s.mu.Unlock()
}

// wait blocks until a message may be sent to chatID (0: a call that is not
// a chat message, e.g. answerCallbackQuery, which is not limited).
func (s *sender) wait(ctx context.Context, chatID int64) error {
	if chatID == 0 {
		return nil
	}
	s.mu.Lock()
	now := s.now()
	if len(s.chats) > 10000 {
		s.prune(now)
	}
	c := s.chats[chatID]
	if c == nil {
		c = newBucket(s.limits.chatRate, s.limits.chatBurst, now)
		s.chats[chatID] = c
	}
	d := c.reserve(now)
	if chatID < 0 {
		g := s.groups[chatID]
		if g == nil {
			g = newBucket(s.limits.groupRate, s.limits.groupBurst, now)
			s.groups[chatID] = g
		}
		d = max(d, g.reserve(now))
	}
	d = max(d, s.global.reserve(now))
	s.mu.Unlock()
	return sleep(ctx, d)
}

// prune forgets the buckets that are full again.
func (s *sender) prune(now time.Time) {
	for id, b := range s.chats {
		if b.full(now) {
			delete(s.chats, id)
		}
	}
	for id, b := range s.groups {
		if b.full(now) {
			delete(s.groups, id)
		}
	}
}

// do runs call for chatID (0 for calls that are not chat messages) until it
// succeeds or fails for good. call gets the chat id to use, which changes
// when the chat migrated.
func (s *sender) do(ctx context.Context, chatID int64, method string, call func(ctx context.Context, chatID int64) error) error {
	attempts, floods, migrations, tries := 0, 0, 0, 0
	var last error // the last failure: what ctx ending cut short is named with it
	stopped := func(err error) error {
		if last == nil {
			return fmt.Errorf("%s: %w", method, err)
		}
		return fmt.Errorf("%s: %w after %d attempts, the last: %w", method, err, tries, last)
	}
	for {
		chatID = s.resolve(chatID)
		if err := s.wait(ctx, chatID); err != nil {
			return stopped(err)
		}
		actx, cancel := context.WithTimeout(ctx, s.limits.attemptTimeout)
		err := call(actx, chatID)
		cancel()
		tries++
		if err == nil {
			return nil
		}
		last = err
		if ctx.Err() != nil {
			return stopped(ctx.Err())
		}
		var flood *bot.TooManyRequestsError
		var moved *bot.MigrateError
		switch {
		case errors.As(err, &flood):
			floods++
			if floods > s.limits.maxFloodWaits {
				return fmt.Errorf("%s: %w", method, err)
			}
			d := time.Duration(max(flood.RetryAfter, 1)) * time.Second
			s.log.Warn("telegram flood limit, waiting", "method", method, "chat_id", chatID, "retry_after", d)
			if err := sleep(ctx, d); err != nil {
				return stopped(err)
			}
		case errors.As(err, &moved):
			migrations++
			if migrations > 2 || moved.MigrateToChatID == 0 {
				return fmt.Errorf("%s: %w", method, err)
			}
			s.log.Info("chat migrated, resending", "method", method, "chat_id", chatID, "new_chat_id", moved.MigrateToChatID)
			s.migrate(chatID, int64(moved.MigrateToChatID))
		case transient(err):
			attempts++
			if attempts >= s.limits.maxAttempts {
				return fmt.Errorf("%s: giving up after %d attempts: %w", method, attempts, err)
			}
			d := s.limits.backoff << min(attempts-1, 16)
			if s.limits.maxBackoff > 0 {
				d = min(d, s.limits.maxBackoff)
			}
			d += rand.N(d/2 + 1)
			s.log.Warn("telegram call failed, retrying", "method", method, "chat_id", chatID, "attempt", attempts, "err", err, "backoff", d)
			if err := sleep(ctx, d); err != nil {
				return stopped(err)
			}
		default:
			return fmt.Errorf("%s: %w", method, err)
		}
	}
}

// transient reports whether err is a server or network error worth retrying.
func transient(err error) bool {
	var se *serverError
	var te *transportError
	return errors.As(err, &se) || errors.As(err, &te)
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
