package index

import (
	"encoding/binary"
	"errors"
	"math"
	"unsafe"
)

// encoder writes the stored form of a report (stored.go): its strings end
// to end in one text, and its numbers, lengths and the places of its
// strings in that text as varints after it. A reader slices every string
// from that text in place (newDecoder) and reads the numbers with no
// reflection and no type descriptions: a few slices to allocate instead
// of thousands.
type encoder struct {
	text []byte
	nums []byte
}

func (e *encoder) int(v int)     { e.nums = binary.AppendVarint(e.nums, int64(v)) }
func (e *encoder) uint(v uint64) { e.nums = binary.AppendUvarint(e.nums, v) }
func (e *encoder) float(v float64) {
	e.nums = binary.LittleEndian.AppendUint64(e.nums, math.Float64bits(v))
}

func (e *encoder) bool(v bool) {
	if v {
		e.uint(1)
	} else {
		e.uint(0)
	}
}

// str writes s into the text, and where it is.
func (e *encoder) str(s string) {
	e.int(len(e.text))
	e.int(len(s))
	e.text = append(e.text, s...)
}

func (e *encoder) strs(ss []string) {
	e.int(len(ss))
	for _, s := range ss {
		e.str(s)
	}
}

// block writes b as it is, to be read in place (decoder.block).
func (e *encoder) block(b []byte) {
	e.int(len(b))
	e.nums = append(e.nums, b...)
}

// sorted writes ascending numbers as their differences, which are small.
func (e *encoder) sorted(vs []uint64) {
	e.int(len(vs))
	prev := uint64(0)
	for _, v := range vs {
		e.uint(v - prev)
		prev = v
	}
}

// bytes returns what was written: the length of the text, the text, the
// numbers.
func (e *encoder) bytes() []byte {
	out := binary.AppendUvarint(nil, uint64(len(e.text)))
	out = append(out, e.text...)
	return append(out, e.nums...)
}

// errDamaged is what a decoder says of data that an encoder did not write.
var errDamaged = errors.New("damaged")

// decoder reads what an encoder wrote. Its first error sticks: every
// read after it gives zero values, so that a caller checks err once, at
// the end, and damaged data is an error, never a panic.
type decoder struct {
	text string
	nums []byte
	err  error
}

// newDecoder reads data in place: its text and every string and slice
// read from it share data's memory (unsafe.String, without a copy), so
// data must not change while anything read from it is in use. The
// caller reads data for the decoder alone (readReport) and never writes
// it again; the strings keep it alive as any Go string does.
func newDecoder(data []byte) *decoder {
	n, k := binary.Uvarint(data)
	if k <= 0 || n > uint64(len(data)-k) {
		return &decoder{err: errDamaged}
	}
	text := data[k : k+int(n)]
	return &decoder{text: unsafe.String(unsafe.SliceData(text), len(text)), nums: data[k+int(n):]}
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errDamaged
	}
	d.nums = nil
}

func (d *decoder) int() int {
	v, k := binary.Varint(d.nums)
	if k <= 0 || v < math.MinInt32 || v > math.MaxInt32 {
		d.fail()
		return 0
	}
	d.nums = d.nums[k:]
	return int(v)
}

func (d *decoder) uint() uint64 {
	v, k := binary.Uvarint(d.nums)
	if k <= 0 {
		d.fail()
		return 0
	}
	d.nums = d.nums[k:]
	return v
}

func (d *decoder) float() float64 {
	if len(d.nums) < 8 {
		d.fail()
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.nums))
	d.nums = d.nums[8:]
	return v
}

func (d *decoder) bool() bool { return d.uint() != 0 }

// count reads how many of something follow, each at least one byte.
func (d *decoder) count() int {
	n := d.int()
	if n < 0 || n > len(d.nums) {
		d.fail()
		return 0
	}
	return n
}

// index reads a number that must be below n.
func (d *decoder) index(n int) int {
	i := d.int()
	if i < 0 || i >= n {
		d.fail()
		return 0
	}
	return i
}

func (d *decoder) str() string {
	at, n := d.int(), d.int()
	if at < 0 || n < 0 || at > len(d.text)-n {
		d.fail()
		return ""
	}
	return d.text[at : at+n]
}

// strs reads strings; none gives nil.
func (d *decoder) strs() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.str()
	}
	return ss
}

// block reads what encoder.block wrote, in place: a slice of d's data.
func (d *decoder) block() []byte {
	n := d.count()
	b := d.nums[:n:n]
	d.nums = d.nums[n:]
	return b
}

// sorted reads what encoder.sorted wrote; none gives nil.
func (d *decoder) sorted() []uint64 {
	n := d.count()
	if n == 0 {
		return nil
	}
	vs := make([]uint64, n)
	prev := uint64(0)
	for i := range vs {
		prev += d.uint()
		vs[i] = prev
	}
	return vs
}

// end reports the first error, or that something was left unread.
func (d *decoder) end() error {
	if d.err == nil && len(d.nums) > 0 {
		return errDamaged
	}
	return d.err
}
