package loadtest

import (
	"context"
	"time"

	"planbot/bot/telegramtest"
)

// injector keeps the server failing about rate of the requests of each of
// methods, taking the kinds of faults in turn.
type injector struct {
	srv      *telegramtest.Server
	methods  []string
	rate     float64
	kinds    []telegramtest.FaultKind
	retry    int
	delay    time.Duration
	next     int
	queued   map[string]int
	Injected map[telegramtest.FaultKind]int // by kind, as queued
}

func newInjector(srv *telegramtest.Server, o Options) *injector {
	return &injector{srv: srv, methods: o.FaultMethods, rate: o.FaultRate, kinds: o.Faults, retry: o.RetryAfter, delay: o.SlowDelay,
		queued: map[string]int{}, Injected: map[telegramtest.FaultKind]int{}}
}

// run tops the fault queues up every few milliseconds until ctx is done: a
// method that received n requests has had about rate×n faults queued, plus
// one waiting for the next request.
func (in *injector) run(ctx context.Context) {
	if in.rate <= 0 {
		return
	}
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for {
		for _, m := range in.methods {
			want := int(in.rate*float64(in.srv.Received(m))) + 1
			for in.queued[m] < want {
				k := in.kinds[in.next%len(in.kinds)]
				in.next++
				in.srv.FailNext(m, 1, telegramtest.Fault{Kind: k, RetryAfter: in.retry, Delay: in.delay})
				in.queued[m]++
				in.Injected[k]++
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// faultName names a kind of fault for the report.
func faultName(k telegramtest.FaultKind) string {
	switch k {
	case telegramtest.FaultTooManyRequests:
		return "429"
	case telegramtest.FaultServerError:
		return "500"
	case telegramtest.FaultBadGateway:
		return "502"
	case telegramtest.FaultDrop:
		return "drop"
	case telegramtest.FaultDelay:
		return "slow"
	case telegramtest.FaultMigrate:
		return "migrate"
	}
	return "?"
}
