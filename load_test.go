//go:build loadtest

package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"planbot/bot/config"
)

// The load test's question sets are found beside the config file, else
// beside the seeds directory, wherever planbot is run from.
func TestQuestionSets(t *testing.T) {
	mk := func(t *testing.T, paths ...string) string {
		t.Helper()
		root := t.TempDir()
		for _, p := range paths {
			p = filepath.Join(root, p)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte("{\"q\":\"问题\"}\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return root
	}
	cases := []struct {
		name   string
		files  []string // under a fresh root; the config is written too
		config string   // the config file, under the root
		yaml   string
		want   []string // the sets found, under the root; nil for an error
	}{
		{"beside the config", []string{"repo/seeds/x.txt", "repo/testdata/a_questions.jsonl", "repo/testdata/b_hard.jsonl"},
			"repo/config.yaml", "", []string{"repo/testdata/a_questions.jsonl"}},
		{"beside the seeds", []string{"repo/seeds/x.txt", "repo/testdata/a_questions.jsonl"},
			"etc/config.yaml", "seeds_dir: ../repo/seeds\n", []string{"repo/testdata/a_questions.jsonl"}},
		{"none", []string{"repo/seeds/x.txt"}, "repo/config.yaml", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := mk(t, c.files...)
			path := filepath.Join(root, c.config)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(c.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Chdir(t.TempDir()) // not the repository
			cfg, err := config.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			got, err := questionSets(cfg)
			if c.want == nil {
				if err == nil || !strings.Contains(err.Error(), "give SET.jsonl files as arguments") {
					t.Errorf("sets %v, error %v; want an error telling to give the sets", got, err)
				}
				return
			}
			var want []string
			for _, w := range c.want {
				want = append(want, filepath.Join(root, w))
			}
			if err != nil || !slices.Equal(got, want) {
				t.Errorf("sets = %v, %v; want %v", got, err, want)
			}
		})
	}
}
