package config

import (
	"runtime/debug"
	"testing"
)

// TestLoadGC reads memory_limit_mb and gc_percent: the defaults when the
// file says nothing, else what it says.
func TestLoadGC(t *testing.T) {
	tests := []struct {
		name, text       string
		limitMB, percent int
	}{
		{"defaults", "", DefaultMemoryLimitMB, DefaultGCPercent},
		{"Go's own", "memory_limit_mb: 0\ngc_percent: 100\n", 0, 100},
		{"a limit alone", "memory_limit_mb: 128\n", 128, DefaultGCPercent},
		{"off below a limit", "memory_limit_mb: 180\ngc_percent: -1\n", 180, -1},
		{"the bounds", "memory_limit_mb: 64\ngc_percent: 25\n", 64, 25},
		{"the upper bound", "gc_percent: 1000\n", DefaultMemoryLimitMB, 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(write(t, tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if c.MemoryLimitMB != tt.limitMB || c.GCPercent != tt.percent {
				t.Errorf("memory_limit_mb %d, gc_percent %d; want %d, %d", c.MemoryLimitMB, c.GCPercent, tt.limitMB, tt.percent)
			}
		})
	}
}

// TestApplyGC sets the runtime's memory limit and collector target from
// the configuration, but leaves each to the environment when GOMEMLIMIT or
// GOGC is set.
func TestApplyGC(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1)) // the test's own settings back
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	tests := []struct {
		name             string
		gomemlimit, gogc string
		c                Config
		want             GC
	}{
		{"both", "", "", Config{MemoryLimitMB: 160, GCPercent: 400}, GC{MemoryLimit: 160 << 20, Percent: 400}},
		{"no limit", "", "", Config{GCPercent: 100}, GC{Percent: 100}},
		{"off below the limit", "", "", Config{MemoryLimitMB: 180, GCPercent: -1}, GC{MemoryLimit: 180 << 20, Percent: -1}},
		{"GOMEMLIMIT wins", "100MiB", "", Config{MemoryLimitMB: 160, GCPercent: 200}, GC{Percent: 200}},
		{"GOGC wins", "", "150", Config{MemoryLimitMB: 160, GCPercent: 400}, GC{MemoryLimit: 160 << 20}},
		{"both from the environment", "100MiB", "off", Config{MemoryLimitMB: 160, GCPercent: 400}, GC{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOMEMLIMIT", tt.gomemlimit)
			t.Setenv("GOGC", tt.gogc)
			debug.SetMemoryLimit(1 << 40)
			debug.SetGCPercent(77)
			if got := tt.c.ApplyGC(); got != tt.want {
				t.Fatalf("applied %+v, want %+v", got, tt.want)
			}
			wantLimit, wantPercent := tt.want.MemoryLimit, tt.want.Percent
			if wantLimit == 0 {
				wantLimit = 1 << 40 // untouched
			}
			if wantPercent == 0 {
				wantPercent = 77
			}
			if got := debug.SetMemoryLimit(-1); got != wantLimit {
				t.Errorf("the runtime's memory limit is %d, want %d", got, wantLimit)
			}
			if got := debug.SetGCPercent(wantPercent); got != wantPercent {
				t.Errorf("the runtime's gc percent is %d, want %d", got, wantPercent)
			}
		})
	}
}
