package loadtest

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// Report is what a load run measured. Counts are of the measured phase,
// not of the warm-up.
type Report struct {
	// The run: workload and machine.
	Questions, Users, Chats, Groups, Privates int
	Distinct                                  int // distinct questions asked
	Rate                                      float64
	Window                                    int
	FaultRate                                 float64
	FaultMethods                              []string
	Paced                                     bool
	GOMAXPROCS                                int
	Warmup                                    time.Duration // index build excluded

	// Outcome. Replies counts questions with their whole reply; Lost the
	// questions without one when the wait ended; Duplicated the replies
	// beyond one per question; Misordered the replies that overtook an
	// earlier question of their chat; Mismatched the replies whose text
	// differs from the warm-up's reply to the same question.
	Replies, Lost, Duplicated, Misordered, Mismatched int
	// Errors sums ErrorReplies (the bot's "出错了…" and the like), Rejected
	// (sendMessage calls the server refused, injected faults aside),
	// Unexpected (replies answering nothing sent) and BotErrors (records
	// the bot logged at level ERROR); Panics are those about a panic.
	Errors, ErrorReplies, Rejected, Unexpected, BotErrors, Panics int
	BotWarnings                                                   int
	Samples                                                       []string // the first problems of each kind

	// Faults queued on the server by kind ("429", "500", "502", "drop",
	// "slow"), and the failed requests it recorded.
	Faults                   map[string]int
	FailedSends, FailedPolls int
	SendCalls, PollCalls     int

	// Speed. Elapsed runs from the first question sent to the last reply;
	// AnsweredPerSec is Replies/Elapsed. Latencies run from an update being
	// queued on the server to the server recording the reply's last
	// message. CPU is the process's CPU time over Elapsed (all of it: the
	// fake server and the load driver run in the same process).
	Elapsed                   time.Duration
	AnsweredPerSec            float64
	P50, P90, P99, MaxLatency time.Duration
	CPU                       time.Duration

	// Memory, after a GC, with the bot running and idle: before the
	// measured phase (after the warm-up) and after it. GoroutinesStart and
	// GoroutinesEnd are counted before anything started and after the bot
	// and the server were shut down.
	HeapBefore, HeapAfter             uint64 // HeapInuse
	LiveBefore, LiveAfter             uint64 // live objects
	GoroutinesBefore, GoroutinesAfter int
	GoroutinesStart, GoroutinesEnd    int
	HeapSamples                       []HeapSample
}

// OK reports a run where every question got exactly one reply, in order,
// with nothing going wrong.
func (r Report) OK() bool {
	return r.Lost == 0 && r.Duplicated == 0 && r.Misordered == 0 && r.Mismatched == 0 && r.Errors == 0 && r.Panics == 0
}

// String prints the report for a person, one measure a line.
func (r Report) String() string {
	var sb strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&sb, format+"\n", args...) }
	feed := "as fast as the window allows"
	if r.Rate > 0 {
		feed = fmt.Sprintf("%.0f/s", r.Rate)
	}
	window := "unbounded"
	if r.Window > 0 {
		window = fmt.Sprint(r.Window)
	}
	pacing := "off (the bot's own capacity)"
	if r.Paced {
		pacing = "Telegram's limits"
	}
	p("load: %d questions (%d distinct) from %d users in %d chats (%d groups, %d private); feed %s, window %s",
		r.Questions, r.Distinct, r.Users, r.Chats, r.Groups, r.Privates, feed, window)
	p("faults: %.1f%% of %s %s; pacing %s; GOMAXPROCS %d; warm-up %v",
		100*r.FaultRate, strings.Join(r.FaultMethods, " and "), faultList(r.Faults), pacing, r.GOMAXPROCS, r.Warmup.Round(time.Millisecond))
	p("replies: %d of %d; lost %d, duplicated %d, out of order %d, unlike the warm-up's %d",
		r.Replies, r.Questions, r.Lost, r.Duplicated, r.Misordered, r.Mismatched)
	p("errors: %d (error replies %d, refused sends %d, unexpected replies %d, bot errors logged %d, panics %d); bot warnings %d",
		r.Errors, r.ErrorReplies, r.Rejected, r.Unexpected, r.BotErrors, r.Panics, r.BotWarnings)
	p("requests: sendMessage %d (%d failed by faults), getUpdates %d (%d failed by faults)",
		r.SendCalls, r.FailedSends, r.PollCalls, r.FailedPolls)
	p("throughput: %.0f answered/s over %v; CPU %v (%.2f cores)",
		r.AnsweredPerSec, r.Elapsed.Round(time.Millisecond), r.CPU.Round(time.Millisecond), cores(r.CPU, r.Elapsed))
	p("latency: p50 %v, p90 %v, p99 %v, max %v",
		r.P50.Round(time.Microsecond*10), r.P90.Round(time.Microsecond*10), r.P99.Round(time.Microsecond*10), r.MaxLatency.Round(time.Millisecond))
	p("heap in use: %s before, %s after (live %s → %s); goroutines %d before, %d after; %d at start, %d after shutdown",
		mb(r.HeapBefore), mb(r.HeapAfter), mb(r.LiveBefore), mb(r.LiveAfter), r.GoroutinesBefore, r.GoroutinesAfter, r.GoroutinesStart, r.GoroutinesEnd)
	if n := len(r.HeapSamples); n > 0 {
		lo, hi := r.HeapSamples[0].HeapLive, r.HeapSamples[0].HeapLive
		for _, s := range r.HeapSamples {
			lo, hi = min(lo, s.HeapLive), max(hi, s.HeapLive)
		}
		var parts []string
		for i := range min(n, maxShownSamples) {
			s := r.HeapSamples[i*(n-1)/max(min(n, maxShownSamples)-1, 1)]
			parts = append(parts, fmt.Sprintf("%d→%s", s.Answered, mb(s.HeapLive)))
		}
		p("live heap during the run (%d samples): %s to %s; by questions answered: %s", n, mb(lo), mb(hi), strings.Join(parts, ", "))
	}
	for _, s := range r.Samples {
		p("  %s", s)
	}
	return sb.String()
}

// maxShownSamples bounds the heap samples String shows.
const maxShownSamples = 12

func faultList(f map[string]int) string {
	if len(f) == 0 {
		return "(none)"
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(f)) {
		parts = append(parts, fmt.Sprintf("%s×%d", k, f[k]))
	}
	return "(" + strings.Join(parts, " ") + ")"
}

func mb(b uint64) string { return fmt.Sprintf("%.1f MB", float64(b)/(1<<20)) }

func cores(cpu, wall time.Duration) float64 {
	if wall <= 0 {
		return 0
	}
	return cpu.Seconds() / wall.Seconds()
}

// percentile is the nearest-rank p-th percentile (0–100) of sorted ds.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	k := int(p/100*float64(len(sorted))+0.999999) - 1
	return sorted[min(max(k, 0), len(sorted)-1)]
}
