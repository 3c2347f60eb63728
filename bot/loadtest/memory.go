package loadtest

import (
	"runtime"
	"runtime/metrics"
	"time"
)

// memory is the heap and the goroutines at one moment.
type memory struct {
	HeapInuse  uint64 // bytes in in-use spans, after a GC
	HeapLive   uint64 // bytes of live objects, after a GC
	Goroutines int
}

// measure collects garbage and reads the heap and the goroutines.
func measure() memory {
	runtime.GC()
	runtime.GC() // the second cycle frees what the first one's finalizers released
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return memory{HeapInuse: ms.HeapInuse, HeapLive: ms.HeapAlloc, Goroutines: runtime.NumGoroutine()}
}

// HeapSample is the live heap as of the last GC, at a moment of a run.
type HeapSample struct {
	At       time.Duration // since the measured phase began
	Answered int           // questions answered by then
	HeapLive uint64        // bytes, /gc/heap/live:bytes
}

// liveHeap reads the heap live after the last GC, without forcing one.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// settleGoroutines waits up to d for the goroutines to fall to want or
// below (connections and timers wind down after a shutdown) and returns
// how many there are.
func settleGoroutines(want int, d time.Duration) int {
	deadline := time.Now().Add(d)
	n := runtime.NumGoroutine()
	for n > want && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		n = runtime.NumGoroutine()
	}
	return n
}
