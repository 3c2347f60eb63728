package feedback

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// Summary counts a list of entries and groups those that call for work
// (the 👎 and the unanswered questions) by question.
type Summary struct {
	Up         int `json:"up"`
	Down       int `json:"down"`
	Unanswered int `json:"unanswered"`
	// Groups are the questions voted down or left unanswered, or whose
	// asker voted 👍 a sentence found within a section offered (Found),
	// the one seen last first.
	Groups []Group `json:"groups"`
}

// Group is what the log says about one question (asked in any of the
// forms Normalize makes one).
type Group struct {
	Question   string         `json:"question"` // as last asked
	Unanswered int            `json:"unanswered,omitempty"`
	Down       int            `json:"down,omitempty"`
	Up         int            `json:"up,omitempty"`
	Reasons    map[Reason]int `json:"reasons,omitempty"` // of the 👎
	Last       time.Time      `json:"last"`
	// Answer is the first answer shown by the latest 👎 ("" for none).
	Answer string `json:"answer,omitempty"`
	// Found is the latest answer voted 👍 that the asker found by asking
	// within a section offered for the question ("" for none): what the
	// report says that the bot did not see answers it, the section first
	// (heading › sentence), for whoever teaches the bot new words.
	Found string `json:"found,omitempty"`
	// Report, Intent, Topics and Note are how it was last understood.
	Report string   `json:"report,omitempty"`
	Intent string   `json:"intent,omitempty"`
	Topics []string `json:"topics,omitempty"`
	Note   string   `json:"note,omitempty"`
}

// Summarize counts entries (newest first, as List returns them) and
// groups the 👎 and unanswered ones by question. A question's 👍 are
// counted in its group when it has one.
func Summarize(entries []Entry) Summary {
	s := Summary{Groups: []Group{}} // JSON: "groups": [], never null
	byQ := map[string]*Group{}
	var order []string
	ups := map[string]int{}
	found := map[string]string{}
	group := func(e Entry, key string) *Group {
		g := byQ[key]
		if g == nil {
			g = &Group{Question: e.Question, Last: e.Time, Report: e.Report, Intent: e.Intent, Topics: e.Topics, Note: e.Note}
			byQ[key] = g
			order = append(order, key)
		}
		return g
	}
	for _, e := range entries {
		key := Normalize(e.Question)
		switch {
		case e.Kind == KindVote && e.Vote == Up:
			s.Up++
			ups[key]++
			if e.Within != "" && len(e.Answers) > 0 {
				group(e, key) // what the report says that the bot did not see: to look at
				if _, ok := found[key]; !ok {
					found[key] = e.Within + " › " + e.Answers[0].Text
				}
			}
			continue
		case e.Kind == KindVote && e.Vote == Down:
			s.Down++
			if e.Within != "" {
				continue // a section's sentence, not an answer of the bot's: nothing to correct
			}
		case e.Kind == KindUnanswered:
			s.Unanswered++
		default:
			continue
		}
		g := group(e, key)
		if e.Kind == KindUnanswered {
			g.Unanswered++
			continue
		}
		g.Down++
		if e.Reason != "" {
			if g.Reasons == nil {
				g.Reasons = map[Reason]int{}
			}
			g.Reasons[e.Reason]++
		}
		if g.Answer == "" && len(e.Answers) > 0 {
			g.Answer = e.Answers[0].Text
		}
	}
	for _, k := range order {
		g := byQ[k]
		g.Up, g.Found = ups[k], found[k]
		s.Groups = append(s.Groups, *g)
	}
	slices.SortStableFunc(s.Groups, func(a, b Group) int { return b.Last.Compare(a.Last) })
	return s
}

// Questions returns the distinct questions of entries (newest first, as
// asked last), at most max of them (0: all).
func Questions(entries []Entry, max int) []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range entries {
		k := Normalize(e.Question)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, e.Question)
		if max > 0 && len(out) == max {
			break
		}
	}
	return out
}

// Counts says how often, and why.
func (g Group) Counts() string {
	var parts []string
	if g.Unanswered > 0 {
		parts = append(parts, fmt.Sprintf("没答上 ×%d", g.Unanswered))
	}
	if g.Down > 0 {
		p := fmt.Sprintf("👎 ×%d", g.Down)
		var why []string
		for _, r := range Reasons {
			if n := g.Reasons[r]; n > 0 {
				why = append(why, fmt.Sprintf("%s %d", r.Label(), n))
			}
		}
		if len(why) > 0 {
			p += "（" + strings.Join(why, "，") + "）"
		}
		parts = append(parts, p)
	}
	if g.Up > 0 {
		parts = append(parts, fmt.Sprintf("👍 ×%d", g.Up))
	}
	return strings.Join(parts, "，")
}

// Print writes s for a person: the counts, then each group with how the
// question was understood and the answer voted down.
func Print(w io.Writer, s Summary, since time.Time) {
	fmt.Fprintf(w, "since %s: %d 👍, %d 👎, %d unanswered; %d questions to look at\n",
		since.Local().Format("2006-01-02 15:04"), s.Up, s.Down, s.Unanswered, len(s.Groups))
	for i, g := range s.Groups {
		fmt.Fprintf(w, "\n%d. %s\n   %s; last %s\n", i+1, g.Question, g.Counts(), g.Last.Local().Format("2006-01-02 15:04"))
		if g.Report != "" || g.Intent != "" {
			fmt.Fprintf(w, "   understood: report %s; %s; topics %s\n", orDash(g.Report), orDash(g.Intent), orDash(strings.Join(g.Topics, ", ")))
		}
		if g.Note != "" {
			fmt.Fprintf(w, "   note: %s\n", g.Note)
		}
		if g.Answer != "" {
			fmt.Fprintf(w, "   answered: %s\n", g.Answer)
		}
		if g.Found != "" {
			fmt.Fprintf(w, "   found within: %s\n", g.Found)
		}
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// Case is a question of an evaluation set as WriteCases writes it: the
// fields of planbot eval (answers.Case) and, for the admin who labels
// it, what the bot did.
type Case struct {
	ID      string     `json:"id"`
	Q       string     `json:"q"`
	Expect  [][]string `json:"expect"` // left empty for the admin to fill
	Section string     `json:"section"`
	Cat     string     `json:"cat"` // "unanswered" or "down"
	// Comment is what the bot answered and what users said of it; eval
	// ignores it.
	Comment string `json:"comment"`
}

// Cases turns groups into evaluation cases, ids fb001, fb002….
func Cases(groups []Group) []Case {
	out := make([]Case, 0, len(groups))
	for i, g := range groups {
		c := Case{ID: fmt.Sprintf("fb%03d", i+1), Q: g.Question, Expect: [][]string{}, Cat: "down"}
		comment := "答：" + g.Answer
		if g.Down == 0 {
			c.Cat = "unanswered"
			comment = "没有答案"
			if g.Note != "" {
				comment += "（" + g.Note + "）"
			}
		}
		c.Comment = comment + "；" + g.Counts()
		if g.Found != "" {
			c.Comment += "；在章节中找到 👍：" + g.Found // most likely the expect
		}
		out = append(out, c)
	}
	return out
}

// WriteCases writes groups as a question set for planbot eval, one JSON
// object a line; expect is left empty for an admin to fill (an empty
// expect means "the reports do not answer it" to eval).
func WriteCases(w io.Writer, groups []Group) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, c := range Cases(groups) {
		if err := enc.Encode(c); err != nil {
			return fmt.Errorf("write question set: %w", err)
		}
	}
	return nil
}
