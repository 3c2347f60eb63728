package feedback

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkRecord measures one vote written: the store opened, one
// transaction committed (fsync) and closed.
func BenchmarkRecord(b *testing.B) {
	s, err := Open(b.TempDir(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	e := Entry{Kind: KindVote, Vote: Down, Reason: ReasonNumber, Question: "高标准农田目标是多少", ChatType: "private",
		Answers: []Shown{{Text: "积极争取4万亩高标准农田建设和2000亩盐碱地综合治理改造。", Section: "二、2025年工作安排", Score: 0.9}}}
	for i := 0; b.Loop(); i++ {
		e.Ref = fmt.Sprintf("r%d", i)
		if _, err := s.Record(e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSummarize10k measures what /feedback does on a log of 10,000
// entries (2,000 questions): List and Summarize.
func BenchmarkSummarize10k(b *testing.B) {
	clock := &fakeClock{now: day0}
	s, err := Open(b.TempDir(), Options{Now: clock.Now})
	if err != nil {
		b.Fatal(err)
	}
	for i := range 10000 {
		e := Entry{Time: day0.Add(-time.Duration(i) * time.Minute), Kind: KindUnanswered, Question: fmt.Sprintf("问题%d", i%2000), ChatType: "group"}
		if i%3 == 0 {
			e.Kind, e.Vote, e.Reason = KindVote, Down, ReasonYear
			e.Answers = []Shown{{Text: "新增建设5600亩高标准农田。", Score: 0.7}}
		}
		if _, err := s.Record(e); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		es, err := s.List(time.Time{})
		if err != nil || len(es) != 10000 {
			b.Fatal(len(es), err)
		}
		if g := Summarize(es).Groups; len(g) != 2000 {
			b.Fatal(len(g))
		}
	}
}
