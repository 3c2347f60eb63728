package loadtest

import (
	"context"
	"os"
	"planbot/bot"
	"strconv"
	"testing"
	"time"
)

// repo is the repository root, seen from this package's directory.
const repo = "../.."

// envInt reads an integer from the environment, def when unset.
func envInt(t testing.TB, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		t.Fatalf("%s=%q: %v", name, v, err)
	}
	return n
}

// checkClean fails t unless every question got exactly its reply, in order,
// without errors.
func checkClean(t *testing.T, rep Report) {
	t.Helper()
	if rep.Replies != rep.Questions || rep.Lost != 0 {
		t.Errorf("%d replies to %d questions, %d lost", rep.Replies, rep.Questions, rep.Lost)
	}
	if rep.Duplicated != 0 {
		t.Errorf("%d duplicated replies", rep.Duplicated)
	}
	if rep.Misordered != 0 || rep.Mismatched != 0 {
		t.Errorf("%d replies out of order, %d unlike the warm-up's", rep.Misordered, rep.Mismatched)
	}
	if rep.Errors != 0 || rep.Panics != 0 {
		t.Errorf("%d errors, %d panics", rep.Errors, rep.Panics)
	}
}

// TestLoadSmall runs a few hundred questions, in private chats and groups,
// with 3% of the requests failed by the server (429, 500, 502, dropped
// connections, slow answers): every question gets exactly one reply, in
// its chat's order, the reply it gets when nothing fails.
func TestLoadSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the seed index and runs the bot under load")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	rep, err := Run(ctx, Options{
		Dir:       repo,
		Questions: 400,
		Users:     150,
		Chats:     100,
		FaultRate: 0.03,
		Wait:      30 * time.Second,
	})
	t.Logf("\n%s", rep)
	if err != nil {
		t.Fatal(err)
	}
	checkClean(t, rep)
	if rep.Questions != 400 {
		t.Errorf("%d questions sent, want 400", rep.Questions)
	}
	if rep.FailedSends == 0 {
		t.Errorf("no sendMessage failed: the faults were not injected")
	}
	if rep.GoroutinesEnd > rep.GoroutinesStart+2 {
		t.Errorf("%d goroutines after shutdown, %d before the run", rep.GoroutinesEnd, rep.GoroutinesStart)
	}
}

// BenchmarkThroughput measures the bot's capacity with its pacing off:
// answered questions a second and reply latency. Each iteration is a whole
// run (index build and warm-up excluded from the figures); run it with
// -benchtime 1x. PLANBOT_LOAD_QUESTIONS sets the questions per run
// (default 10000).
func BenchmarkThroughput(b *testing.B) {
	cases := []struct {
		name string
		opt  Options
	}{
		// As many questions in flight as a busy bot would have: the
		// capacity.
		{"window256", Options{Window: 256}},
		// The same with 1% of the requests failed.
		{"window256-faults1pct", Options{Window: 256, FaultRate: 0.01}},
		// A steady 500 questions a second: the latency below capacity.
		{"rate500", Options{Rate: 500}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			o := c.opt
			o.Dir = repo
			o.Questions = envInt(b, "PLANBOT_LOAD_QUESTIONS", 10000)
			o.Users, o.Chats = 1000, 500
			var rep Report
			for b.Loop() {
				var err error
				rep, err = Run(context.Background(), o)
				if err != nil {
					b.Fatal(err)
				}
				if rep.Lost != 0 || rep.Duplicated != 0 || rep.Misordered != 0 || rep.Errors != 0 {
					b.Errorf("\n%s", rep)
				}
			}
			b.ReportMetric(float64(rep.Elapsed.Nanoseconds())/float64(max(rep.Replies, 1)), "ns/op")
			b.ReportMetric(rep.AnsweredPerSec, "answered/s")
			b.ReportMetric(float64(rep.P50.Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(rep.P99.Microseconds())/1000, "p99-ms")
			b.ReportMetric(cores(rep.CPU, rep.Elapsed), "cores")
			b.Logf("\n%s", rep)
		})
	}
}

// TestSoak is the long run of RELIABILITY.md, not run by `go test ./...`:
//
//	PLANBOT_SOAK=1 go test ./bot/loadtest -run '^TestSoak$' -v -timeout 30m
//
// PLANBOT_SOAK_QUESTIONS (default 20000), PLANBOT_SOAK_RATE (questions a
// second, default 0: a window of 512 in flight) and PLANBOT_SOAK_FAULTS
// (per mille of requests failed, default 10) shape it.
func TestSoak(t *testing.T) {
	if os.Getenv("PLANBOT_SOAK") == "" {
		t.Skip("set PLANBOT_SOAK=1 to run the soak test")
	}
	o := Options{
		Dir:         repo,
		Questions:   envInt(t, "PLANBOT_SOAK_QUESTIONS", 20000),
		Users:       2000,
		Chats:       1200,
		Rate:        float64(envInt(t, "PLANBOT_SOAK_RATE", 0)),
		FaultRate:   float64(envInt(t, "PLANBOT_SOAK_FAULTS", 10)) / 1000,
		Wait:        2 * time.Minute,
		SampleEvery: time.Second,
	}
	if o.Rate == 0 {
		o.Window = 512
	}
	rep, err := Run(context.Background(), o)
	t.Logf("\n%s", rep)
	if err != nil {
		t.Fatal(err)
	}
	checkClean(t, rep)
}

// Run takes an Asker and a Library together or not at all.
func TestRunNeedsAskerAndLibrary(t *testing.T) {
	_, err := Run(context.Background(), Options{Dir: repo, Asker: bot.EngineAsker(nil)})
	if err == nil {
		t.Fatal("Run accepted an Asker without a Library")
	}
}
