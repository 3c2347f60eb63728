package loadtest

import (
	"fmt"
	"path/filepath"
	"strings"

	"planbot/answers"
	"planbot/bot/telegramtest"
)

// questionFiles returns o.QuestionFiles or the default sets.
func (o Options) questionFiles() ([]string, error) {
	if len(o.QuestionFiles) > 0 {
		return o.QuestionFiles, nil
	}
	files, err := filepath.Glob(filepath.Join(o.Dir, "testdata", "*_questions.jsonl"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no question sets in %s", filepath.Join(o.Dir, "testdata"))
	}
	return files, nil
}

// LoadQuestions reads the questions ("q") of JSON-lines question sets, in
// order, without duplicates. Questions a Telegram client would mark up
// (a "/command" or "@mention" inside) are left out: in a chat they would
// address someone, and the bot would not ask them as they are.
func LoadQuestions(paths ...string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		cases, err := answers.ReadCases(p)
		if err != nil {
			return nil, err
		}
		for _, c := range cases {
			q := strings.Join(strings.Fields(c.Q), " ")
			if q == "" || seen[q] || len(telegramtest.Entities(q)) > 0 {
				continue
			}
			seen[q] = true
			out = append(out, q)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no questions in %s", strings.Join(paths, ", "))
	}
	return out, nil
}
