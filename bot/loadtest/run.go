package loadtest

import (
	"context"
	"runtime"
	"slices"
	"sync"
	"time"
)

// Run starts a telegramtest server on the loopback interface and the real
// bot against it (over opt.Asker and opt.Library, or an engine and a
// library built from opt.SeedsDir in a temporary data directory), warms it
// up, sends the measured questions and reports what happened. It returns
// an error when the run could not be set up or the warm-up failed; lost or
// wrong replies are in the Report (see Report.OK). It stops by itself, at
// the latest opt.Wait after the last question was sent.
func Run(ctx context.Context, opt Options) (Report, error) {
	o := opt.withDefaults()
	rep := Report{Users: o.Users, Chats: o.Chats, Groups: o.groups(), Rate: o.Rate, Window: o.Window,
		FaultRate: o.FaultRate, FaultMethods: o.FaultMethods, Paced: o.Paced, GOMAXPROCS: runtime.GOMAXPROCS(0)}
	rep.Privates = rep.Chats - rep.Groups
	rep.GoroutinesStart = runtime.NumGoroutine()

	files, err := o.questionFiles()
	if err != nil {
		return rep, err
	}
	pool, err := LoadQuestions(files...)
	if err != nil {
		return rep, err
	}
	h, err := startHarness(ctx, o)
	if err != nil {
		return rep, err
	}
	defer h.stop()

	start := time.Now()
	expected, err := h.warmUp(ctx, pool, o.Wait)
	if err != nil {
		return rep, err
	}
	rep.Warmup = time.Since(start)
	if o.Paced {
		h.bot.SetPacing(true)
	}

	// The measured phase, faults injected and the heap sampled meanwhile.
	w := newWorkload(o, pool)
	warn0, err0, panic0 := h.stats.snapshot()
	before := measure()
	cpu0 := cpuTime()
	c := newCollector(w, expected)
	inj := newInjector(h.srv, o)
	phaseCtx, endPhase := context.WithCancel(ctx)
	var bg sync.WaitGroup
	bg.Go(func() { inj.run(phaseCtx) })
	var samples []HeapSample
	if o.SampleEvery > 0 {
		bg.Go(func() { samples = sampleHeap(phaseCtx, o.SampleEvery, c) })
	}
	sent := h.phase(ctx, w, c, o)
	endPhase()
	bg.Wait()
	rep.CPU = cpuTime() - cpu0
	after := measure()
	stopErr := h.stop()
	c.add(h.srv.Drain()) // what came in while the bot stopped: late duplicates
	rep.GoroutinesEnd = settleGoroutines(rep.GoroutinesStart, 3*time.Second)
	warn1, err1, panic1 := h.stats.snapshot()

	rep.Questions, rep.Distinct = sent, distinct(w)
	c.fill(&rep, sent)
	rep.BotErrors, rep.Panics, rep.BotWarnings = err1-err0, panic1-panic0, warn1-warn0
	rep.Errors += rep.BotErrors
	rep.Samples = append(rep.Samples, h.stats.errorSamples()...)
	rep.Faults = map[string]int{}
	for k, n := range inj.Injected {
		rep.Faults[faultName(k)] += n
	}
	rep.HeapBefore, rep.HeapAfter = before.HeapInuse, after.HeapInuse
	rep.LiveBefore, rep.LiveAfter = before.HeapLive, after.HeapLive
	rep.GoroutinesBefore, rep.GoroutinesAfter = before.Goroutines, after.Goroutines
	rep.HeapSamples = samples
	latencies(&rep, w, sent, c.lastReply)
	if ctx.Err() != nil {
		return rep, ctx.Err()
	}
	return rep, stopErr
}

// fill puts what c counted of the sent questions in rep.
func (c *collector) fill(rep *Report, sent int) {
	rep.Replies = int(c.answered.Load())
	rep.Lost = sent - rep.Replies
	rep.Duplicated, rep.Misordered, rep.Mismatched = c.duplicated, c.misordered, c.mismatched
	rep.ErrorReplies, rep.Rejected, rep.Unexpected = c.errorReplies, c.rejected, c.unexpected
	rep.Errors = rep.ErrorReplies + rep.Rejected + rep.Unexpected
	rep.Samples = slices.Concat(c.dupSamples, c.orderSamples, c.badSamples, c.errSamples)
	rep.FailedSends, rep.FailedPolls, rep.SendCalls, rep.PollCalls = c.failedSends, c.failedPolls, c.sendCalls, c.pollCalls
}

// latencies fills in the speed of the run from the questions' times.
func latencies(rep *Report, w *workload, sent int, lastReply int64) {
	if sent == 0 {
		return
	}
	var ds []time.Duration
	for _, q := range w.questions[:sent] {
		if q.done {
			ds = append(ds, time.Duration(q.replied-q.pushed.Load()))
		}
	}
	slices.Sort(ds)
	rep.P50, rep.P90, rep.P99 = percentile(ds, 50), percentile(ds, 90), percentile(ds, 99)
	if len(ds) > 0 {
		rep.MaxLatency = ds[len(ds)-1]
	}
	if first := w.questions[0].pushed.Load(); lastReply > first {
		rep.Elapsed = time.Duration(lastReply - first)
		rep.AnsweredPerSec = float64(rep.Replies) / rep.Elapsed.Seconds()
	}
}

// sampleHeap samples the live heap every d until ctx ends.
func sampleHeap(ctx context.Context, d time.Duration, c *collector) []HeapSample {
	start := time.Now()
	t := time.NewTicker(d)
	defer t.Stop()
	var out []HeapSample
	for {
		select {
		case <-ctx.Done():
			return out
		case <-t.C:
			out = append(out, HeapSample{At: time.Since(start), Answered: int(c.answered.Load()), HeapLive: liveHeap()})
		}
	}
}

// distinct counts the distinct questions of w.
func distinct(w *workload) int {
	seen := map[string]bool{}
	for _, q := range w.questions {
		seen[q.text] = true
	}
	return len(seen)
}

// firstOf returns the first sample of the first non-empty list.
func firstOf(lists ...[]string) string {
	for _, l := range lists {
		if len(l) > 0 {
			return l[0]
		}
	}
	return "no error seen"
}
