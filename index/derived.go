package index

import "sync"

// Memo memoises what readers derive from something that does not
// change while they hold it (an open report, a catalog): each key is
// made once, by the first reader that asks.
type Memo struct {
	m sync.Map // key → *derivation
}

type derivation struct {
	once sync.Once
	v    any
}

// Derived returns what make derives for key, made once.
func (d *Memo) Derived(key any, make func() any) any {
	v, _ := d.m.LoadOrStore(key, &derivation{})
	x := v.(*derivation)
	x.once.Do(func() { x.v = make() })
	return x.v
}
