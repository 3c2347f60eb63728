package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"planbot/bot/feedback"
)

// TestFeedbackExportRunsWithEval: the log printed, as JSON, and exported
// as a question set that planbot eval runs once an admin has labelled it.
func TestFeedbackExportRunsWithEval(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PLANBOT_DATA_DIR", dir)
	st, err := feedback.Open(dir, feedback.Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, e := range []feedback.Entry{
		{Time: now.Add(-10 * 24 * time.Hour), Kind: feedback.KindUnanswered, Question: "十天前的问题"},
		{Time: now.Add(-2 * time.Hour), Kind: feedback.KindVote, Vote: feedback.Down, Reason: feedback.ReasonYear, Question: "高标准农田目标是多少",
			Answers: []feedback.Shown{{Text: "新增建设5600亩高标准农田。", Score: 0.6}}, Ref: "r:0:u1"},
		{Time: now.Add(-time.Hour), Kind: feedback.KindUnanswered, Question: "好田目标是多少", Report: "jiuyuan-2025", Intent: "intent target"},
		{Time: now.Add(-time.Minute), Kind: feedback.KindVote, Vote: feedback.Up, Question: "2024年粮食产量是多少", Ref: "r2:0:u1"},
	} {
		if _, err := st.Record(e); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()

	var out bytes.Buffer
	if err := runFeedback(ctx, []string{"--since", "7d"}, nil, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"1 👍, 1 👎, 1 unanswered; 2 questions", "1. 好田目标是多少", "2. 高标准农田目标是多少", "👎 ×1（年份不对 1）", "answered: 新增建设5600亩高标准农田。"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "十天前") {
		t.Errorf("--since 7d printed an older question")
	}

	out.Reset()
	if err := runFeedback(ctx, []string{"--json"}, nil, &out); err != nil {
		t.Fatal(err)
	}
	var js struct {
		Up, Down, Unanswered int
		Groups               []feedback.Group
	}
	if err := json.Unmarshal(out.Bytes(), &js); err != nil || js.Up != 1 || js.Down != 1 || js.Unanswered != 2 || len(js.Groups) != 3 {
		t.Errorf("--json: %v %+v\n%s", err, js, out.String())
	}

	set := filepath.Join(t.TempDir(), "fb.jsonl")
	out.Reset()
	if err := runFeedback(ctx, []string{"export", set, "--since", "7d"}, nil, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "wrote 2 questions") {
		t.Errorf("export said %q", out.String())
	}
	if err := runFeedback(ctx, []string{"export", set}, nil, &out); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Errorf("export over a file: %v", err)
	}
	// The admin labels it: the farm question's right answer.
	b, err := os.ReadFile(set)
	if err != nil {
		t.Fatal(err)
	}
	labelled := strings.Replace(string(b), `"q":"高标准农田目标是多少","expect":[],"section":""`,
		`"q":"高标准农田目标是多少","expect":[["4万亩"]],"section":"三是巩固农牧业基础"`, 1)
	if labelled == string(b) {
		t.Fatalf("the export is not as expected:\n%s", b)
	}
	if err := os.WriteFile(set, []byte(labelled), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := runEval(ctx, []string{set}, nil, &out); err != nil {
		t.Fatal(err)
	}
	// 好田目标是多少 is not answered (right: expect left empty), the farm
	// question is, with its section.
	for _, want := range []string{"2 questions (1 without an answer)", "abstention right: 100.0% (1 of 1 unanswerable)", "strict (text and section) 100.0%"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("eval output lacks %q:\n%s", want, out.String())
		}
	}
}
