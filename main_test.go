package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAskJSONContract checks the JSON that `planbot ask --json` prints:
// exactly one object per question, answers best first, at most --top,
// and an empty list when the report does not answer.
func TestAskJSONContract(t *testing.T) {
	t.Setenv("PLANBOT_DATA_DIR", t.TempDir())
	type answer struct {
		Text    string  `json:"text"`
		Section string  `json:"section"`
		Report  string  `json:"report"`
		Score   float64 `json:"score"`
	}
	type result struct {
		Question string    `json:"question"`
		Answers  *[]answer `json:"answers"`
		Error    string    `json:"error"`
	}
	tests := []struct {
		name     string
		args     []string
		stdin    string
		lines    int
		want     []string // a string the first answer of each line must contain; "" for no answer
		section  string
		maxCount int
	}{
		{name: "flagship", args: []string{"--json", "高标准农田目标是多少"}, lines: 1,
			want: []string{"积极争取4万亩高标准农田建设和2000亩盐碱地综合治理改造。"}, section: "三是巩固农牧业基础", maxCount: 3},
		{name: "result of 2024", args: []string{"2024年粮食产量是多少", "--json"}, lines: 1, want: []string{"15.7万吨"}, maxCount: 3},
		{name: "top 1", args: []string{"--json", "--top", "1", "粮食产量"}, lines: 1, want: []string{"粮食"}, maxCount: 1},
		{name: "no answer", args: []string{"--json", "昆都仑区的GDP是多少"}, lines: 1, want: []string{""}, maxCount: 0},
		// every line gets its object, in order; a blank one an error
		{name: "stdin", args: []string{"--json", "-"}, stdin: "高标准农田目标是多少\n\n明天天气怎么样\n2024年粮食产量是多少\n", lines: 4,
			want: []string{"4万亩", "error", "", "15.7万吨"}, maxCount: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := runAsk(context.Background(), tt.args, strings.NewReader(tt.stdin), &out); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSpace(out.String()), "\n")
			if len(lines) != tt.lines {
				t.Fatalf("%d lines, want %d:\n%s", len(lines), tt.lines, out.String())
			}
			for i, l := range lines {
				var r result
				if err := json.Unmarshal([]byte(l), &r); err != nil {
					t.Fatalf("line %d is not one JSON object: %v\n%s", i, err, l)
				}
				if r.Answers == nil {
					t.Fatalf("line %d: \"answers\" missing or null: %s", i, l)
				}
				as := *r.Answers
				if len(as) > tt.maxCount {
					t.Errorf("line %d: %d answers, want at most %d", i, len(as), tt.maxCount)
				}
				switch {
				case tt.want[i] == "error":
					if r.Error == "" || len(as) != 0 {
						t.Errorf("line %d: %s, want an error and no answers", i, l)
					}
				case tt.want[i] == "" && len(as) != 0:
					t.Errorf("line %d: answered %q, want none", i, as[0].Text)
				case tt.want[i] != "" && (len(as) == 0 || !strings.Contains(as[0].Text, tt.want[i])):
					t.Errorf("line %d: %s, want first answer containing %q", i, l, tt.want[i])
				}
				if len(as) > 0 && (as[0].Report == "" || as[0].Section == "" || as[0].Score <= 0) {
					t.Errorf("line %d: answer lacks report, section or score: %+v", i, as[0])
				}
				for k := 1; k < len(as); k++ {
					if as[k].Score > as[k-1].Score {
						t.Errorf("line %d: answers not best first: %v", i, as)
					}
				}
				if tt.section != "" && len(as) > 0 && !strings.HasSuffix(as[0].Section, tt.section) {
					t.Errorf("section %q, want it to end with %q", as[0].Section, tt.section)
				}
			}
		})
	}
}

func TestAskPlainText(t *testing.T) {
	t.Setenv("PLANBOT_DATA_DIR", t.TempDir())
	var out bytes.Buffer
	if err := runAsk(context.Background(), []string{"高标准农田目标是多少"}, nil, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"【4万亩】", "三是巩固农牧业基础", "《九原区2024年国民经济和社会发展计划执行情况"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestAskWithin: --within asks within a heading of the report named by
// --report, and says so; without --report it is refused.
func TestAskWithin(t *testing.T) {
	t.Setenv("PLANBOT_DATA_DIR", t.TempDir())
	q := "我想知道今年企业办事方不方便，有啥新举措"
	tests := []struct {
		args []string
		want string // in the output; "" for an error
	}{
		{[]string{"--report", "jiuyuan_2025_plan_report", "--within", "持续优化营商环境", q}, "在「持续优化营商环境」中，与问题最相关的是：\n1. 落实落细促进民营经济发展壮大政策措施"},
		{[]string{"--report", "jiuyuan_2025_plan_report", "--within", "没有这个标题", q}, "「没有这个标题」中也没有找到能回答这个问题的句子"},
		{[]string{"--within", "持续优化营商环境", q}, ""},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		err := runAsk(context.Background(), tt.args, nil, &out)
		if tt.want == "" {
			if err == nil {
				t.Errorf("%q: no error, want one", tt.args)
			}
			continue
		}
		if err != nil || !strings.Contains(out.String(), tt.want) {
			t.Errorf("%q: err %v, output\n%s\nwant it to contain %q", tt.args, err, out.String(), tt.want)
		}
	}
}

// TestAskExplain: --explain shows the candidates judged, each with its
// features, verdict and section, in text and as the JSON "trace".
func TestAskExplain(t *testing.T) {
	t.Setenv("PLANBOT_DATA_DIR", t.TempDir())
	var out bytes.Buffer
	if err := runAsk(context.Background(), []string{"--explain", "高标准农田目标是多少"}, nil, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"understood: intent target", "Coverage=", "\n        ok\n", "— 二、2025年经济和社会发展工作重点", "【4万亩】"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	if err := runAsk(context.Background(), []string{"--explain", "--json", "高标准农田目标是多少"}, nil, &out); err != nil {
		t.Fatal(err)
	}
	var res struct {
		Trace struct {
			Candidates []struct{ Text, Section, Features string }
		}
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if c := res.Trace.Candidates; len(c) == 0 || c[0].Section == "" || !strings.Contains(c[0].Features, "Coverage=") {
		t.Errorf("trace candidates %+v: want the best with its section and features", c)
	}
}

func TestAskNeedsQuestion(t *testing.T) {
	if err := runAsk(context.Background(), nil, nil, &bytes.Buffer{}); err == nil {
		t.Error("ask without a question: no error")
	}
}

// TestReadOnlyCommandsNeverRebuild: a read-only command run with a
// configuration it cannot trust (no file, a seeds directory that is not
// there) stops with an error and leaves the live index as it was.
func TestReadOnlyCommandsNeverRebuild(t *testing.T) {
	data := t.TempDir()
	t.Setenv("PLANBOT_DATA_DIR", data)
	if err := runAsk(context.Background(), []string{"高标准农田目标是多少"}, nil, &bytes.Buffer{}); err != nil {
		t.Fatal(err) // builds the index on first use
	}
	before, err := os.ReadFile(filepath.Join(data, "catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "config.yaml")
	os.WriteFile(bad, []byte("seeds_dir: no/such/seeds\n"), 0o644)
	for _, args := range [][]string{
		{"--config", filepath.Join(t.TempDir(), "missing.yaml")},
		{"--config", bad},
	} {
		var out bytes.Buffer
		if err := runReports(context.Background(), args, nil, &out); err == nil {
			t.Errorf("reports %v: no error:\n%s", args, out.String())
		}
		if err := runAsk(context.Background(), append(args, "粮食产量"), nil, &out); err == nil {
			t.Errorf("ask %v: no error", args)
		}
	}
	after, _ := os.ReadFile(filepath.Join(data, "catalog.json"))
	if !bytes.Equal(before, after) {
		t.Error("a read-only command changed the catalog")
	}
}

// TestHelpShowsTheSynopsis: -h of every subcommand prints its synopsis,
// arguments included, and is no error.
func TestHelpShowsTheSynopsis(t *testing.T) {
	for name, cmd := range commands {
		var out bytes.Buffer
		err := cmd.run(context.Background(), []string{"-h"}, nil, &out)
		if !errors.Is(err, flag.ErrHelp) {
			t.Errorf("%s -h: %v, want flag.ErrHelp (exit 0)", name, err)
		}
		if !strings.Contains(out.String(), "planbot "+name) {
			t.Errorf("%s -h does not show the synopsis:\n%s", name, out.String())
		}
	}
}

// TestUnknownReportIsAnError: --report with an id that is not served
// names the ids that are.
func TestUnknownReportIsAnError(t *testing.T) {
	t.Setenv("PLANBOT_DATA_DIR", t.TempDir())
	err := runAsk(context.Background(), []string{"--report", "nowhere", "粮食产量"}, nil, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "jiuyuan_2025_plan_report") {
		t.Errorf("unknown --report: %v, want an error listing the reports", err)
	}
}

// TestEvalDump: eval --dump writes every question with its answers and
// candidates, each candidate with its features.
func TestEvalDump(t *testing.T) {
	t.Setenv("PLANBOT_DATA_DIR", t.TempDir())
	dir := t.TempDir()
	set := filepath.Join(dir, "set.jsonl")
	lines := `{"id": "a1", "q": "高标准农田目标是多少", "expect": [["4万亩"]]}
{"id": "a2", "q": "明天天气怎么样"}
`
	if err := os.WriteFile(set, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	dump := filepath.Join(dir, "dump.jsonl")
	var out bytes.Buffer
	if err := runEval(context.Background(), []string{"--dump", dump, set}, nil, &out); err != nil {
		t.Fatal(err)
	}
	if err := runEval(context.Background(), []string{"--dump", set, set}, nil, &bytes.Buffer{}); err == nil {
		t.Errorf("--dump over the question set: want an error")
	}
	b, err := os.ReadFile(dump)
	if err != nil {
		t.Fatal(err)
	}
	type line struct {
		Case    struct{ ID string }
		Answers []struct{ Text string }
		Trace   *struct {
			Candidates []struct{ Features, Section string }
		}
	}
	var got []line
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var d line
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, l)
		}
		got = append(got, d)
	}
	if len(got) != 2 || got[0].Case.ID != "a1" || got[1].Case.ID != "a2" {
		t.Fatalf("dump: %d lines %+v, want a1 and a2", len(got), got)
	}
	if len(got[0].Answers) == 0 || !strings.Contains(got[0].Answers[0].Text, "4万亩") {
		t.Errorf("a1 answers %+v", got[0].Answers)
	}
	if tr := got[0].Trace; tr == nil || len(tr.Candidates) <= 8 || !strings.Contains(tr.Candidates[0].Features, "Coverage=") || tr.Candidates[0].Section == "" {
		t.Errorf("a1 trace: want more than the usual 8 candidates, each with features and section")
	}
}
