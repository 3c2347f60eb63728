package answers

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
)

// registerText is the register of government reports: every word of two
// or more Chinese characters that the reports of the corpus
// (index/testdata/reports and seeds) use, cut with gse's dictionary, one
// a line, sorted. TestRegisterIsCurrent checks it; after changing the
// corpus or gse, rewrite it with
//
//	go test ./answers -run TestRegisterIsCurrent -update
//
//go:embed register.txt
var registerText string

// registerLines indexes registerText: where each word starts.
var registerLines = sync.OnceValue(func() []int32 {
	out := make([]int32, 0, strings.Count(registerText, "\n"))
	for i := 0; i < len(registerText); {
		out = append(out, int32(i))
		j := strings.IndexByte(registerText[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return out
})

// inRegister reports whether some report of the corpus uses the word w: a
// word none uses (爷爷, 媳妇, 烂路) is how people talk, not what reports
// write.
func inRegister(w string) bool {
	lines := registerLines()
	at := func(i int) string {
		s := registerText[lines[i]:]
		if j := strings.IndexByte(s, '\n'); j >= 0 {
			s = s[:j]
		}
		return s
	}
	i := sort.Search(len(lines), func(i int) bool { return at(i) >= w })
	return i < len(lines) && at(i) == w
}
