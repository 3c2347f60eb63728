package answers

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"golang.org/x/text/width"

	"planbot/index/report"
)

// Case is one question of an evaluation set.
type Case struct {
	ID     string     `json:"id"`
	Q      string     `json:"q"`
	Expect [][]string `json:"expect"` // alternatives; each a list of strings the first answer must all contain; empty: no answer
	// Section lists strings the first answer's section path must all
	// contain: one heading, or the item and its parents. In a file it is
	// a string or a list of strings.
	Section Headings `json:"section"`
	Cat     string   `json:"cat"`
}

// Headings is the section of a Case: a JSON string or list of strings.
type Headings []string

// UnmarshalJSON reads a string or a list of strings.
func (h *Headings) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*h = nil
		if one != "" {
			*h = Headings{one}
		}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("section: want a string or a list of strings: %w", err)
	}
	*h = many
	return nil
}

// ReadCases reads an evaluation set, one JSON object a line.
func ReadCases(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read question set: %w", err)
	}
	defer f.Close()
	var out []Case
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var c Case
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if strings.TrimSpace(c.Q) == "" {
			return nil, fmt.Errorf("%s:%d: no question (\"q\")", path, n)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no questions", path)
	}
	return out, nil
}

// Score counts how a system did on a set.
type Score struct {
	N, Top1, Top3, Top1Section int
	Unanswerable, Abstained    int // questions without an answer, and how many the system left unanswered
	Answerable, Missed         int // questions with an answer, and how many it wrongly left unanswered (withheld)
	Wrong                      int // answerable questions answered with a wrong sentence first
	Failures                   []Failure
}

// Pct returns n out of d as a percentage.
func Pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

// Evaluation is the score of a system overall and per category.
type Evaluation struct {
	All   Score
	ByCat map[string]*Score
}

// Evaluate runs ask on every case. A case without an expected answer is
// right when ask returns none.
func Evaluate(cases []Case, ask func(q string) []Answer) Evaluation {
	ev := Evaluation{ByCat: map[string]*Score{}}
	for _, c := range cases {
		got := ask(c.Q)
		cat := ev.ByCat[c.Cat]
		if cat == nil {
			cat = &Score{}
			ev.ByCat[c.Cat] = cat
		}
		for _, s := range []*Score{&ev.All, cat} {
			s.add(c, got)
		}
	}
	return ev
}

func (s *Score) add(c Case, got []Answer) {
	s.N++
	if len(c.Expect) == 0 {
		s.Unanswerable++
		if len(got) == 0 {
			s.Abstained++
			s.Top1++
			s.Top3++
			s.Top1Section++
		} else {
			s.fail(c, fmt.Sprintf("expected no answer, got %q", got[0].Text))
		}
		return
	}
	s.Answerable++
	if len(got) == 0 {
		s.Missed++
		s.fail(c, fmt.Sprintf("no answer, expected %v", c.Expect))
		return
	}
	if matches(got[0].Text, c.Expect) {
		s.Top1++
		if lacks := missingHeadings(got[0].Section, c.Section); len(lacks) == 0 {
			s.Top1Section++
		} else {
			s.fail(c, fmt.Sprintf("right text, section %q lacks %q", got[0].Section, lacks))
		}
	} else {
		s.Wrong++
		s.fail(c, fmt.Sprintf("got %q, expected %v", got[0].Text, c.Expect))
	}
	for i := 0; i < len(got) && i < 3; i++ {
		if matches(got[i].Text, c.Expect) {
			s.Top3++
			break
		}
	}
}

// Failure is a question a system got wrong, and how.
type Failure struct {
	Case Case
	What string
}

func (f Failure) String() string { return fmt.Sprintf("%s %q: %s", f.Case.ID, f.Case.Q, f.What) }

func (s *Score) fail(c Case, what string) { s.Failures = append(s.Failures, Failure{c, what}) }

// fold writes s as the eval compares it: full-width and half-width forms
// alike (（一） is (一), ％ is %), and a subscript as the parser reads it
// (a set copies PM_2.5 from the file, the report says PM2.5).
func fold(s string) string { return report.Unsubscript(width.Fold.String(s)) }

// missingHeadings returns the strings of want that section lacks.
// Full-width and half-width forms count as the same: （一） is (一).
func missingHeadings(section string, want []string) []string {
	var out []string
	section = fold(section)
	for _, w := range want {
		if !strings.Contains(section, fold(w)) {
			out = append(out, w)
		}
	}
	return out
}

// matches reports whether text holds every string of one alternative.
// Full-width and half-width forms count as the same: ％ is %.
func matches(text string, expect [][]string) bool {
	text = fold(text)
	for _, alt := range expect {
		ok := true
		for _, want := range alt {
			if !strings.Contains(text, fold(want)) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// Print writes the evaluation of planbot beside that of the plain search.
func Print(w io.Writer, name string, mine, plain Evaluation, verbose bool) {
	fmt.Fprintf(w, "%s: %d questions (%d without an answer)\n", name, mine.All.N, mine.All.Unanswerable)
	fmt.Fprintf(w, "%-12s %5s  %-28s %-28s %-28s %s\n", "category", "n", "top-1 planbot / plain", "top-3 planbot / plain", "top-1+section planbot / plain", "abstained right / wrongly")
	row := func(label string, m, p *Score) {
		fmt.Fprintf(w, "%-12s %5d  %6.1f%% / %6.1f%%           %6.1f%% / %6.1f%%           %6.1f%% / %6.1f%%           %d/%d / %d\n",
			label, m.N, Pct(m.Top1, m.N), Pct(p.Top1, p.N), Pct(m.Top3, m.N), Pct(p.Top3, p.N),
			Pct(m.Top1Section, m.N), Pct(p.Top1Section, p.N), m.Abstained, m.Unanswerable, m.Missed)
	}
	row("all", &mine.All, &plain.All)
	cats := make([]string, 0, len(mine.ByCat))
	for c := range mine.ByCat {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for _, c := range cats {
		row(c, mine.ByCat[c], plain.ByCat[c])
	}
	fmt.Fprintf(w, "abstention right: %.1f%% (%d of %d unanswerable), answered: %.1f%% of answerable\n",
		Pct(mine.All.Abstained, mine.All.Unanswerable), mine.All.Abstained, mine.All.Unanswerable,
		Pct(mine.All.Answerable-mine.All.Missed, mine.All.Answerable))
	a := mine.All
	strict := a.Top1Section - a.Abstained
	fmt.Fprintf(w, "answerable %d: strict (text and section) %.1f%%, text only %.1f%%, withheld %.1f%%, wrong %.1f%%\n",
		a.Answerable, Pct(strict, a.Answerable), Pct(a.Top1-a.Abstained, a.Answerable), Pct(a.Missed, a.Answerable), Pct(a.Wrong, a.Answerable))
	if verbose {
		fmt.Fprintln(w, "failures:")
		for _, f := range mine.All.Failures {
			fmt.Fprintln(w, "  "+f.String())
		}
	}
}
