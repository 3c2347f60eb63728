package segment

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestPrunedCutsAsFull(t *testing.T) {
	text, err := os.ReadFile("../../seeds/jiuyuan_2025_plan_report.txt")
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	full, err := Full()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("full: %v", time.Since(t0))
	lines := strings.Split(string(text), "\n")
	t0 = time.Now()
	dict := full.Prune(lines, nil, nil)
	t.Logf("prune: %v, %d bytes", time.Since(t0), len(dict))
	t0 = time.Now()
	small, err := FromDict(dict)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("load pruned: %v", time.Since(t0))
	for _, l := range lines {
		a, b := full.Words(l), small.Words(l)
		if strings.Join(a, "/") != strings.Join(b, "/") {
			t.Errorf("pruned cut differs:\n full %v\n pruned %v", a, b)
		}
	}
	t.Log(full.Words("规上工业增加值增长多少,高标准农田目标是多少,城镇登记失业率"))
	t.Log(small.Words("2024年全区粮食产量15.7万吨,同比增长1%;积极争取4万亩高标准农田建设"))
}
