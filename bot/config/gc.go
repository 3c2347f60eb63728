package config

import (
	"fmt"
	"os"
	"runtime/debug"
)

// The garbage collector of a serving process (planbot serve, planbot
// load). A question allocates about 0.2 MB and opening a report about
// 0.4 MB, so with Go's defaults (GOGC 100, no limit) the bot of 1,000
// reports collects about every 40 questions, and a question asked while
// the collector marks waits for it on a small machine. A higher target
// collects less often; the memory limit keeps the heap it allows within
// the budget (BENCHMARKS.md, stop 27).
const (
	// DefaultMemoryLimitMB is memory_limit_mb's default: the Go heap and
	// runtime of a bot of 1,000 reports stay under it, with every report
	// its questions ask open (about 100 MB live with 222 open).
	DefaultMemoryLimitMB = 150
	// DefaultGCPercent is gc_percent's default.
	DefaultGCPercent = 400

	// minMemoryLimitMB is the least memory limit taken: below it the
	// garbage collector would run all the time.
	minMemoryLimitMB = 64
	// minGCPercent and maxGCPercent bound gc_percent (but for -1, off):
	// below, the collector runs nearly all the time; above, a heap
	// without a limit grows past any serving budget.
	minGCPercent, maxGCPercent = 25, 1000
)

// checkGC reports a bad memory_limit_mb or gc_percent.
func (c *Config) checkGC() error {
	if c.MemoryLimitMB < 0 || c.MemoryLimitMB > 0 && c.MemoryLimitMB < minMemoryLimitMB {
		return fmt.Errorf("memory_limit_mb %d: want 0 (none) or at least %d", c.MemoryLimitMB, minMemoryLimitMB)
	}
	switch p := c.GCPercent; {
	case p == -1 && c.MemoryLimitMB == 0:
		return fmt.Errorf("gc_percent -1 (off) needs memory_limit_mb: without a limit the heap would never be collected")
	case p != -1 && (p < minGCPercent || p > maxGCPercent):
		return fmt.Errorf("gc_percent %d: want %d to %d, or -1 (collect only near memory_limit_mb)", p, minGCPercent, maxGCPercent)
	}
	return nil
}

// GC is what ApplyGC set: the memory limit in bytes and the collector's
// target in percent, each 0 when it was left to the Go runtime (the
// environment's GOMEMLIMIT or GOGC, or memory_limit_mb 0).
type GC struct {
	MemoryLimit int64
	Percent     int
}

// ApplyGC sets the Go runtime's memory limit to memory_limit_mb and its
// collector's target to gc_percent, each unless the environment's
// GOMEMLIMIT or GOGC sets it (an operator's setting wins), and returns
// what it set. A serving process calls it as it starts.
func (c *Config) ApplyGC() GC {
	var set GC
	if c.MemoryLimitMB > 0 && os.Getenv("GOMEMLIMIT") == "" {
		set.MemoryLimit = int64(c.MemoryLimitMB) << 20
		debug.SetMemoryLimit(set.MemoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		set.Percent = c.GCPercent
		debug.SetGCPercent(set.Percent)
	}
	return set
}
