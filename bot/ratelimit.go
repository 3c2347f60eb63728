package bot

import (
	"sync"
	"time"
)

// userLimiter limits how many questions each user may ask per minute. A
// user over the limit is warned once, then ignored until they may ask again.
type userLimiter struct {
	mu     sync.Mutex
	perMin int // <= 0: no limit
	users  map[int64]*userQuota
	now    func() time.Time
}

type userQuota struct {
	bucket *bucket
	warned bool
}

func newUserLimiter(perMin int) *userLimiter {
	return &userLimiter{perMin: perMin, users: map[int64]*userQuota{}, now: time.Now}
}

// allow reports whether user may ask now, and if not, whether to warn them.
func (l *userLimiter) allow(user int64) (ok, warn bool) {
	if l.perMin <= 0 {
		return true, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if len(l.users) > 10000 {
		for id, q := range l.users {
			if q.bucket.full(now) {
				delete(l.users, id)
			}
		}
	}
	q := l.users[user]
	if q == nil {
		q = &userQuota{bucket: newBucket(float64(l.perMin)/60, float64(l.perMin), now)}
		l.users[user] = q
	}
	q.bucket.refill(now)
	if q.bucket.tokens >= 1 {
		q.bucket.tokens--
		q.warned = false
		return true, false
	}
	if q.warned {
		return false, false
	}
	q.warned = true
	return false, true
}
