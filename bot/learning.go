package bot

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"planbot/answers"
	"planbot/bot/feedback"
)

// What the bot learns from use (issue 15), in files of their own:
//
//   - votes.go: the 👍 / 👎 buttons of every answer, the reasons a 👎
//     gives, and the questions it could not answer, written to the
//     feedback log (package bot/feedback) in the data directory;
//   - handlers_feedback.go: /feedback for the admins, paged, and the daily
//     digest sent to them;
//   - alias.go: /alias and /unalias, by which admins teach it words: a
//     line of the admins' vocabulary file, used from the next question on.
//
// Without a data directory nothing is logged and no vote buttons show.

// FeedbackConfig configures the feedback log and the digest. Package
// bot/config reads it from "feedback:" in config.yaml.
type FeedbackConfig struct {
	// Retention is how long an entry of the log is kept (default 90d).
	Retention feedback.Age `yaml:"retention"`
	// Digest is the time of day (HH:MM, the server's time zone) at which
	// each admin is sent the last day's 👎 and unanswered questions; ""
	// (the default) sends none.
	Digest string `yaml:"digest"`
	// Key hashes the users' ids in the log, at least 16 characters.
	// PLANBOT_FEEDBACK_KEY overrides it; "" uses a key made once and kept
	// in data_dir/feedback.key (mode 0600).
	Key string `yaml:"key"`
}

// withDefaults returns c with its zero fields set to their defaults.
func (c FeedbackConfig) withDefaults() FeedbackConfig {
	if c.Retention == 0 {
		c.Retention = feedback.Age(feedback.DefaultRetention)
	}
	c.Digest = strings.TrimSpace(c.Digest)
	return c
}

// Validate reports the first bad value, naming its key. Zero fields count
// as their defaults.
func (c FeedbackConfig) Validate() error {
	if c.Retention < 0 || c.Retention > 0 && time.Duration(c.Retention) < time.Hour {
		return fmt.Errorf("feedback.retention %v: want at least 1h, e.g. 90d", c.Retention)
	}
	if _, _, err := parseClock(c.Digest); err != nil {
		return fmt.Errorf("feedback.digest %q: %w", c.Digest, err)
	}
	if c.Key != "" && len(c.Key) < feedback.MinKeyLen {
		return fmt.Errorf("feedback.key: %d characters, want at least %d (or leave it empty for a generated key)", len(c.Key), feedback.MinKeyLen)
	}
	return nil
}

// recorder is the feedback log as the bot writes to it.
type recorder interface {
	// Record adds e; an entry with the Ref of an earlier one replaces it.
	Record(e feedback.Entry) (replaced bool, err error)
}

// VocabularySetter is an Asker that can be taught words while it runs
// (EngineAsker is one): /alias and /unalias need it.
type VocabularySetter interface {
	// SetVocabulary makes the asker answer with v from the next question on.
	SetVocabulary(v *answers.Vocabulary)
}

// learning is the bot's side of learning from use.
type learning struct {
	store  *feedback.Store // nil: no log
	rec    recorder        // where entries are written: store
	inline *resultCache    // inline answers, for their vote buttons
	vocab  *vocabFile      // nil: no admins' vocabulary file
	teach  VocabularySetter
	digest *clockTime // nil: no digest
	clock  clock
}

// inlineCacheSize bounds the inline answers kept for their buttons.
const inlineCacheSize = 1024

// newLearning opens the feedback log in cfg.DataDir (none without one).
func newLearning(cfg Config, asker Asker, log *slog.Logger) (*learning, error) {
	l := &learning{clock: realClock{}, inline: newResultCache(inlineCacheSize, cacheTTL)}
	l.teach, _ = asker.(VocabularySetter)
	if cfg.Vocabulary != "" {
		l.vocab = &vocabFile{path: cfg.Vocabulary}
	}
	fc := cfg.Feedback
	if h, m, _ := parseClock(fc.Digest); fc.Digest != "" {
		l.digest = &clockTime{hour: h, min: m}
	}
	if cfg.DataDir == "" {
		return l, nil
	}
	st, err := feedback.Open(cfg.DataDir, feedback.Options{
		Retention: time.Duration(fc.Retention),
		Key:       []byte(fc.Key),
		Now:       func() time.Time { return l.clock.Now() },
	})
	if err != nil {
		return nil, fmt.Errorf("feedback log: %w", err)
	}
	l.store, l.rec = st, st
	log.Debug("feedback log open", "path", st.Path(), "retention", fc.Retention)
	return l, nil
}

// on reports whether the feedback log is kept.
func (l *learning) on() bool { return l != nil && l.store != nil }

// clockTime is a time of day.
type clockTime struct{ hour, min int }

// parseClock reads a time of day, HH:MM; "" is no time and no error.
func parseClock(s string) (hour, min int, err error) {
	if s == "" {
		return 0, 0, nil
	}
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, 0, errors.New("want a time of day, HH:MM (e.g. 09:00), or empty for none")
	}
	return t.Hour(), t.Minute(), nil
}

// next returns the first time at or after now (exclusive) that is this
// time of day, in now's location.
func (c clockTime) next(now time.Time) time.Time {
	t := time.Date(now.Year(), now.Month(), now.Day(), c.hour, c.min, 0, 0, now.Location())
	if !t.After(now) {
		t = time.Date(now.Year(), now.Month(), now.Day()+1, c.hour, c.min, 0, 0, now.Location())
	}
	return t
}

// clock is the time as the digest sees it; tests move it.
type clock interface {
	Now() time.Time
	// After returns a channel that receives once d has passed.
	After(d time.Duration) <-chan time.Time
}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }
