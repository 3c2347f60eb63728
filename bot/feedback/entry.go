package feedback

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"gopkg.in/yaml.v3"
)

// Kind is what an Entry records.
type Kind string

// Kinds of entries.
const (
	KindVote       Kind = "vote"       // a person rated an answer
	KindUnanswered Kind = "unanswered" // a question the bot could not answer
)

// Vote is a rating of an answer.
type Vote string

// Votes.
const (
	Up   Vote = "up"   // 👍
	Down Vote = "down" // 👎
)

// Reason says what was wrong with an answer voted down.
type Reason string

// Reasons, in the order they are offered.
const (
	ReasonOffTopic Reason = "off_topic"    // 答非所问
	ReasonNumber   Reason = "wrong_number" // 数字不对
	ReasonYear     Reason = "wrong_year"   // 年份不对
	ReasonMissed   Reason = "missed"       // 报告里有但没找到
)

// Reasons lists the reasons in the order they are offered.
var Reasons = []Reason{ReasonOffTopic, ReasonNumber, ReasonYear, ReasonMissed}

var reasonLabels = map[Reason]string{
	ReasonOffTopic: "答非所问",
	ReasonNumber:   "数字不对",
	ReasonYear:     "年份不对",
	ReasonMissed:   "报告里有但没找到",
}

// Label is the reason as users read it (数字不对), or the reason itself
// when it is unknown.
func (r Reason) Label() string {
	if l, ok := reasonLabels[r]; ok {
		return l
	}
	return string(r)
}

// Entry is one thing a user told the bot: a vote, or a question it could
// not answer.
type Entry struct {
	Time time.Time `json:"time"`
	Kind Kind      `json:"kind"`
	// Question is the question as asked.
	Question string `json:"question"`
	// Report, Intent and Topics are how the question was understood: the
	// id of the report asked, the intent (target, result…, with the years
	// and units asked) and the topics looked for.
	Report string   `json:"report,omitempty"`
	Intent string   `json:"intent,omitempty"`
	Topics []string `json:"topics,omitempty"`
	// Note says why there was no answer, when known (no report covers
	// the place asked about).
	Note string `json:"note,omitempty"`
	// Within is the heading the question was asked within: one of the
	// sections offered for it when it was not answered, picked by the asker.
	Within string `json:"within,omitempty"`
	// Answers are the answers shown, best first.
	Answers []Shown `json:"answers,omitempty"`
	// Vote and Reason are set for KindVote; Reason only with Down.
	Vote   Vote   `json:"vote,omitempty"`
	Reason Reason `json:"reason,omitempty"`
	// ChatType is private, group, supergroup, channel or inline.
	ChatType string `json:"chat_type"`
	// User is the keyed hash of the user (Store.UserHash), never the id.
	User string `json:"user,omitempty"`
	// Ref names what was voted on and by whom: a later entry with the
	// same Ref replaces this one (one vote per person per answer).
	Ref string `json:"ref,omitempty"`
}

// Shown is an answer as it was shown.
type Shown struct {
	Text     string  `json:"text"`
	Section  string  `json:"section,omitempty"`
	Report   string  `json:"report,omitempty"` // the report's title
	ReportID string  `json:"report_id,omitempty"`
	Score    float64 `json:"score"`
}

// ParseAge reads a duration that may count days: 90d, 7d, 36h, 1d12h,
// 30m. A number alone is refused (what unit?).
func ParseAge(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("empty duration: want e.g. 90d or 36h")
	}
	var days time.Duration
	if i := strings.IndexByte(s, 'd'); i >= 0 {
		n, err := strconv.Atoi(s[:i])
		if err != nil || n < 0 {
			return 0, fmt.Errorf("duration %q: want e.g. 90d, 36h or 1d12h", s)
		}
		days = time.Duration(n) * 24 * time.Hour
		s = s[i+1:]
		if s == "" {
			return days, nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("duration %q: want e.g. 90d, 36h or 1d12h", s)
	}
	return days + d, nil
}

// Age is a duration that config files may write in days (90d); see
// ParseAge.
type Age time.Duration

// UnmarshalText reads an Age with ParseAge.
func (a *Age) UnmarshalText(b []byte) error {
	d, err := ParseAge(string(b))
	if err != nil {
		return err
	}
	*a = Age(d)
	return nil
}

// UnmarshalYAML reads an Age in a YAML file, an error naming its line.
func (a *Age) UnmarshalYAML(n *yaml.Node) error {
	var s string
	if err := n.Decode(&s); err != nil {
		return err
	}
	if err := a.UnmarshalText([]byte(s)); err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	return nil
}

// MarshalText writes an Age in days when it is whole days.
func (a Age) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// String writes an Age as 90d, or as time.Duration does when it is not a
// whole number of days.
func (a Age) String() string {
	d := time.Duration(a)
	if d > 0 && d%(24*time.Hour) == 0 {
		return strconv.FormatInt(int64(d/(24*time.Hour)), 10) + "d"
	}
	return d.String()
}

// Normalize returns the form of a question that groups it with others
// asked the same way: spaces collapsed, Latin letters lowered, the
// closing punctuation dropped (高标准农田目标是多少？ is 高标准农田目标是多少).
func Normalize(q string) string {
	q = strings.ToLower(strings.Join(strings.Fields(q), " "))
	return strings.TrimRightFunc(q, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
}
