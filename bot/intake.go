package bot

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// What the bot takes from Telegram it answers, or keeps for the next run:
//
//   - The library hands polled updates over one by one (no buffer), so an
//     update Telegram counts as acknowledged (a later getUpdates offset) has
//     been taken by onUpdate; an update the library had fetched but not
//     handed over is not acknowledged, and Telegram sends it again.
//   - In webhook mode an update is taken before Telegram is answered 200;
//     once the bot is stopping it is answered 503, and Telegram sends it
//     again later (to the next run).
//   - Taken updates run on the dispatcher in the work context. When the bot
//     is told to stop, it takes no more updates, keeps answering for
//     Config.ShutdownGrace, then ends the work context: the queued jobs are
//     not started, a running one stops at its next wait. Every update not
//     finished and for which nothing was sent is written to the spool (see
//     spool.go) with the offset, and the next run answers those first and
//     polls from that offset. A Bot API call already on its way when the
//     work context ends is given callLinger to finish, so that an answer
//     delivered is known to be: an update for which any call succeeded is
//     never answered again.
//
// Inline queries are not kept: Telegram drops their answers after about
// ten seconds.

// callLinger is how long a Bot API call made for an update may still take
// once the work context ended.
const callLinger = 3 * time.Second

// maxOffsetAge bounds the age of a spooled offset: after a week without
// updates Telegram numbers the next one at random, possibly below it.
const maxOffsetAge = 6 * 24 * time.Hour

// taken is an update the bot took and has not finished with.
type taken struct {
	id       int64
	upd      *models.Update
	received time.Time       // when first taken, by this run or an earlier one
	ctx      context.Context // the work context, carrying the taken
	notice   *target         // where a waiting notice goes; nil: no question
	keep     bool            // worth keeping across a restart
	noticed  atomic.Bool     // the waiting notice was sent (or is on its way)
	started  atomic.Bool     // its job started: its answer is next in its chat
	sent     atomic.Bool     // a Bot API call made for it succeeded
	done     atomic.Bool     // finished with
}

// waiting reports whether t is still waiting for its answer.
func (t *taken) waiting() bool { return !t.done.Load() && !t.sent.Load() }

type takenKey struct{}

// takenOf returns the update a context's calls are made for, if any.
func takenOf(ctx context.Context) *taken {
	t, _ := ctx.Value(takenKey{}).(*taken)
	return t
}

// markSent records that a Bot API call made in ctx succeeded: its update,
// if any, is answered (or partly answered) and never answered again.
func markSent(ctx context.Context) {
	if t := takenOf(ctx); t != nil {
		t.sent.Store(true)
	}
}

// finishing returns the context for a Bot API call made in ctx. A call made
// for an update is not cut short when ctx ends but callLinger later; other
// calls (polling) keep ctx.
func finishing(ctx context.Context) context.Context {
	if takenOf(ctx) == nil {
		return ctx
	}
	fctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	context.AfterFunc(ctx, func() { time.AfterFunc(callLinger, cancel) })
	return fctx
}

// intake holds the updates taken and not finished with, and the offset.
type intake struct {
	mu        sync.Mutex
	open      bool
	items     map[int64]*taken
	offset    int64     // one past the highest update id taken
	offsetAt  time.Time // when the update before offset was taken
	takers    sync.WaitGroup
	watchers  sync.WaitGroup // the waiting watcher and what it sends
	work      context.Context
	stopWork  context.CancelFunc
	path      string          // the spool, "" for none
	spooled   []spooledUpdate // read by New, answered first by Run
	hadSpool  bool            // a spool was read: Run removes it
	stopping  atomic.Bool
	startOnce sync.Once
	hurry     chan struct{} // closed by Hurry
	hurryOnce sync.Once
}

func newIntake(path string) *intake {
	work, stop := context.WithCancel(context.Background())
	return &intake{open: true, items: map[int64]*taken{}, work: work, stopWork: stop, path: path, hurry: make(chan struct{})}
}

// begin reports whether updates are taken, and if so counts a taker in.
func (in *intake) begin() bool {
	in.mu.Lock()
	defer in.mu.Unlock()
	if !in.open {
		return false
	}
	in.takers.Add(1)
	return true
}

func (in *intake) end() { in.takers.Done() }

// close stops taking updates and waits for the takers in progress.
func (in *intake) close() {
	in.mu.Lock()
	in.open = false
	in.mu.Unlock()
	in.takers.Wait()
}

// take registers upd, taken first at received.
func (in *intake) take(upd *models.Update, received time.Time, notice *target, noticed bool) *taken {
	t := &taken{id: upd.ID, upd: upd, received: received, notice: notice,
		keep: upd.InlineQuery == nil}
	t.noticed.Store(noticed)
	t.ctx = context.WithValue(in.work, takenKey{}, t)
	in.mu.Lock()
	defer in.mu.Unlock()
	in.items[t.id] = t
	if upd.ID >= in.offset {
		in.offset, in.offsetAt = upd.ID+1, received
	}
	return t
}

// finish forgets t: answered, or nothing to answer.
func (in *intake) finish(t *taken) {
	t.done.Store(true)
	in.mu.Lock()
	delete(in.items, t.id)
	in.mu.Unlock()
}

// pending returns the updates taken and not finished with, by id.
func (in *intake) pending() []*taken {
	in.mu.Lock()
	out := make([]*taken, 0, len(in.items))
	for _, t := range in.items {
		out = append(out, t)
	}
	in.mu.Unlock()
	slices.SortFunc(out, func(a, b *taken) int { return cmp.Compare(a.id, b.id) })
	return out
}

// accept takes an update from Telegram: it queues its work, per chat, on
// the dispatcher. It reports false when the bot no longer takes updates
// (it is stopping); the update is then left to Telegram.
func (b *Bot) accept(upd *models.Update) bool {
	return b.takeUpdate(upd, time.Now(), false)
}

// takeUpdate takes upd, first taken at received, its waiting notice sent
// when noticed.
func (b *Bot) takeUpdate(upd *models.Update, received time.Time, noticed bool) bool {
	if !b.in.begin() {
		return false
	}
	defer b.in.end()
	log := b.log.With("update_id", upd.ID)
	recovered(log, func() {
		if !b.seen.add(upd.ID) {
			log.Debug("duplicate update ignored")
			return
		}
		t := b.in.take(upd, received, b.noticeTarget(upd), noticed)
		key, job := b.route(t.ctx, log, upd)
		if job == nil {
			b.in.finish(t)
			return
		}
		b.queue.submit(key, func() { b.runTaken(log, t, job) })
	})
	return true
}

// runTaken runs the job of t unless the work context ended, and finishes
// t unless the job was cut short before anything was sent for it.
func (b *Bot) runTaken(log *slog.Logger, t *taken, job func()) {
	if t.ctx.Err() != nil {
		return // not started: kept for the spool
	}
	t.started.Store(true)
	recovered(log, job)
	if t.ctx.Err() != nil && !t.sent.Load() {
		log.Debug("update cut short, kept for the spool")
		return
	}
	b.in.finish(t)
}

// intakeOptions are the library's options for taking updates: handed over
// one by one, and polled from the spooled offset.
func (b *Bot) intakeOptions() []bot.Option {
	opts := []bot.Option{bot.WithUpdatesChannelCap(0)}
	if b.in.offset > 0 {
		opts = append(opts, bot.WithInitialOffset(b.in.offset-1)) // the library asks for one past it
	}
	return opts
}

// loadSpool reads what the previous run spooled (New calls it). A spool
// that cannot be read is logged and set aside: the bot starts without it.
func (b *Bot) loadSpool() {
	path := b.in.path
	if path == "" {
		return
	}
	sf, err := readSpool(path)
	if err != nil {
		aside, aerr := setAsideSpool(path, time.Now())
		if aerr != nil {
			b.log.Error("spool unreadable and not set aside: starting without it", "path", path, "err", err, "set_aside_err", aerr)
			return
		}
		b.log.Error("spool unreadable: set aside, starting without it", "path", path, "set_aside_as", aside, "err", err)
		return
	}
	if sf == nil {
		return
	}
	b.in.hadSpool = true
	b.in.spooled = sf.Updates
	if age := time.Since(sf.OffsetAt); sf.Offset > 0 && age < maxOffsetAge {
		b.in.offset, b.in.offsetAt = sf.Offset, sf.OffsetAt
	} else if sf.Offset > 0 {
		b.log.Warn("spooled offset too old to trust: polling from Telegram's", "offset", sf.Offset, "age", age.Round(time.Second))
	}
	b.log.Info("spool read", "path", path, "updates", len(sf.Updates), "offset", sf.Offset, "saved", sf.Saved)
}

// resume answers first what the previous run spooled, then removes the
// spool, and starts watching the questions that wait. Run calls it before
// it takes updates.
func (b *Bot) resume() {
	b.in.startOnce.Do(func() {
		spooled := b.in.spooled
		b.in.spooled = nil
		for _, s := range spooled {
			var upd models.Update
			if err := json.Unmarshal(s.Update, &upd); err != nil { // checked by readSpool
				b.log.Error("spooled update unreadable", "update_id", s.ID, "err", err)
				continue
			}
			b.takeUpdate(&upd, s.Received, s.Noticed)
		}
		if b.in.hadSpool {
			if err := os.Remove(b.in.path); err != nil && !errors.Is(err, os.ErrNotExist) {
				b.log.Error("spool not removed: its updates may be answered twice after a crash", "path", b.in.path, "err", err)
			}
			b.log.Info("answering spooled updates first", "updates", len(spooled))
		}
		b.in.watchers.Add(1)
		go func() {
			defer b.in.watchers.Done()
			b.watchWaiting(b.in.work)
		}()
	})
}

// drain stops taking updates, answers what was taken for up to
// ShutdownGrace, then ends the work and spools what is left. Run calls it
// once updates stopped coming.
func (b *Bot) drain() {
	if !b.in.stopping.CompareAndSwap(false, true) {
		return
	}
	b.in.close()
	idle := make(chan struct{})
	go func() {
		b.queue.wait()
		close(idle)
	}()
	if n := len(b.in.pending()); n > 0 {
		b.log.Info("stopping: answering what is queued", "updates", n, "grace", b.cfg.ShutdownGrace)
	}
	grace := time.NewTimer(b.cfg.ShutdownGrace)
	defer grace.Stop()
	select {
	case <-idle:
	case <-grace.C:
		b.log.Info("shutdown grace period over: the updates still queued go to the spool", "updates", len(b.in.pending()))
	case <-b.in.hurry:
		b.log.Info("told to hurry: the updates still queued go to the spool", "updates", len(b.in.pending()))
	}
	b.in.stopWork()
	<-idle
	b.in.watchers.Wait()
	b.saveSpool()
}

// Hurry ends the grace period of a stopping bot now (a second SIGTERM or
// Ctrl-C): what is still queued goes to the spool at once. Called before
// the bot stops, it makes the grace period end as soon as it begins.
func (b *Bot) Hurry() {
	b.in.hurryOnce.Do(func() { close(b.in.hurry) })
}

// saveSpool writes the updates not finished with, and the offset.
func (b *Bot) saveSpool() {
	sf := &spoolFile{Saved: time.Now().UTC()}
	lost := 0
	for _, t := range b.in.pending() {
		if !t.keep {
			lost++
			continue
		}
		raw, err := json.Marshal(t.upd)
		if err != nil {
			b.log.Error("update not spooled: cannot encode it", "update_id", t.id, "err", err)
			lost++
			continue
		}
		sf.Updates = append(sf.Updates, spooledUpdate{ID: t.id, Update: raw, Received: t.received, Noticed: t.noticed.Load()})
	}
	b.in.mu.Lock()
	sf.Offset, sf.OffsetAt = b.in.offset, b.in.offsetAt
	b.in.mu.Unlock()
	if lost > 0 {
		b.log.Info("updates not kept across the restart", "updates", lost, "why", "inline queries expire")
	}
	path := b.in.path
	switch {
	case path == "" && len(sf.Updates) > 0:
		b.log.Error("updates not answered are lost: no data directory for the spool", "updates", len(sf.Updates))
		return
	case path == "" || sf.Offset == 0 && len(sf.Updates) == 0:
		return
	}
	dropped, err := writeSpool(path, sf)
	if err != nil {
		b.log.Error("spool not written: the updates not answered are lost", "path", path, "updates", len(sf.Updates), "err", err)
		return
	}
	if dropped > 0 {
		b.log.Error("spool full: the newest updates not answered are lost", "path", path, "dropped", dropped, "kept", len(sf.Updates))
	}
	b.log.Info("spool written", "path", path, "updates", len(sf.Updates), "offset", sf.Offset)
}
