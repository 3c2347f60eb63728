package loadtest

import (
	"context"
	"time"

	"planbot/bot/telegramtest"
)

// pollEvery is how often the recorded calls are taken from the server.
// Latencies come from the server's timestamps, not from this.
const pollEvery = 5 * time.Millisecond

// runPhase sends w's questions to the bot through srv as o's Rate, Window
// and Duration allow, while c takes in the server's records, and waits up
// to o.Wait after the last one until every question has its reply or the
// bot gave up sending it (gaveUp counts those). It returns how many
// questions were sent; c has seen every call recorded until it returned.
func runPhase(ctx context.Context, srv *telegramtest.Server, botName string, w *workload, c *collector, o Options, gaveUp func() int) int {
	stop, polled := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(polled)
		t := time.NewTicker(pollEvery)
		defer t.Stop()
		for {
			c.add(srv.Drain())
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	defer func() {
		close(stop)
		<-polled
		c.add(srv.Drain())
	}()

	sent := feed(ctx, srv, botName, w, c, o)
	deadline := time.NewTimer(o.Wait)
	defer deadline.Stop()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for c.answered.Load()+int64(gaveUp()) < int64(sent) {
		select {
		case <-c.progress:
		case <-tick.C:
		case <-deadline.C:
			return sent
		case <-ctx.Done():
			return sent
		}
	}
	return sent
}

// feed queues w's questions as updates and returns how many it queued.
func feed(ctx context.Context, srv *telegramtest.Server, botName string, w *workload, c *collector, o Options) int {
	var first time.Time
	for i, q := range w.questions {
		if ctx.Err() != nil {
			return i
		}
		if i == 0 {
			first = time.Now()
		}
		if o.Duration > 0 && time.Since(first) >= o.Duration {
			return i
		}
		if o.Rate > 0 {
			due := first.Add(time.Duration(float64(i) / o.Rate * float64(time.Second)))
			if !sleepUntil(ctx, due) {
				return i
			}
		}
		for o.Window > 0 && int64(i)-c.answered.Load() >= int64(o.Window) {
			select {
			case <-c.progress:
			case <-time.After(50 * time.Millisecond):
			case <-ctx.Done():
				return i
			}
		}
		from := q.from
		m := srv.Message(q.chat.chat, &from, q.message(botName))
		q.msgID.Store(int64(m.ID))
		q.chat.sent.Add(1)
		q.pushed.Store(time.Now().UnixNano())
		srv.PushMessage(m)
	}
	return len(w.questions)
}

// sleepUntil waits until t; false if ctx ended first.
func sleepUntil(ctx context.Context, t time.Time) bool {
	d := time.Until(t)
	if d <= 0 {
		return ctx.Err() == nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	}
}
