package bot

import (
	"container/list"
	"crypto/rand"
	"encoding/base64"
	"sync"
	"time"

	"planbot/answers"
)

// cachedResult is a recent question's result, kept for the buttons of the
// message that shows it, in chat: the buttons of another chat's messages
// never show it.
type cachedResult struct {
	chatID   int64
	chatType string // for the feedback log
	question string
	result   answers.Result
	und      understanding // how the question was understood, for the feedback log
}

// resultCache is a bounded LRU cache with a time to live of recent results,
// keyed by short random ids that fit in callback data.
type resultCache struct {
	mu    sync.Mutex
	max   int
	ttl   time.Duration
	order *list.List // of *cacheItem, most recent first
	items map[string]*list.Element
	now   func() time.Time
}

type cacheItem struct {
	id      string
	value   *cachedResult
	expires time.Time
}

// idLen is the length of a cache id: 6 random bytes in base64url.
const idLen = 8

func newResultCache(max int, ttl time.Duration) *resultCache {
	return &resultCache{max: max, ttl: ttl, order: list.New(), items: map[string]*list.Element{}, now: time.Now}
}

// put stores v and returns its id.
func (c *resultCache) put(v *cachedResult) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var id string
	for {
		var b [6]byte
		_, _ = rand.Read(b[:])
		id = base64.RawURLEncoding.EncodeToString(b[:])
		if _, taken := c.items[id]; !taken {
			break
		}
	}
	c.items[id] = c.order.PushFront(&cacheItem{id: id, value: v, expires: c.now().Add(c.ttl)})
	for c.order.Len() > c.max {
		c.remove(c.order.Back())
	}
	return id
}

// get returns the result stored under id, if it is still there.
func (c *resultCache) get(id string) (*cachedResult, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[id]
	if !ok {
		return nil, false
	}
	it := el.Value.(*cacheItem)
	if c.now().After(it.expires) {
		c.remove(el)
		return nil, false
	}
	c.order.MoveToFront(el)
	return it.value, true
}

func (c *resultCache) remove(el *list.Element) {
	c.order.Remove(el)
	delete(c.items, el.Value.(*cacheItem).id)
}
