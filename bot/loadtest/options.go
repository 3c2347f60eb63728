package loadtest

import (
	"log/slog"
	"path/filepath"
	"time"

	"planbot/bot"
	"planbot/bot/telegramtest"
)

// Options configure a load run. The zero value is a usable run from the
// repository root: DefaultQuestions questions from DefaultUsers users in
// DefaultChats chats, no faults, the bot's pacing off.
type Options struct {
	// Questions is how many question updates the measured phase sends
	// (default: Rate×Duration when both are set, else DefaultQuestions).
	Questions int
	// Users is how many distinct users ask; Chats how many chats they ask
	// in, of which GroupShare (default 0.5; negative for none) are
	// supergroups and the rest private chats, one per user (so private
	// chats are at most Users).
	Users, Chats int
	GroupShare   float64

	// Rate is how many updates a second are queued (0: as fast as Window
	// allows). Window bounds the questions sent but not yet answered
	// (0: unbounded, every question is queued at once unless Rate is set).
	Rate   float64
	Window int
	// Duration stops sending after this long even if Questions were not all
	// sent (0: no limit). Wait bounds how long the replies are waited for
	// after the last question was sent (default 60 s).
	Duration, Wait time.Duration

	// FaultRate is the share of the requests of FaultMethods (default
	// sendMessage and getUpdates) the server fails (0–1). Faults picks
	// their kinds in turn (default: 429, 500, 502, dropped connection, slow
	// response). RetryAfter is the retry_after of a 429 in seconds
	// (default 1); SlowDelay the delay of a slow response (default 200 ms).
	FaultRate    float64
	FaultMethods []string
	Faults       []telegramtest.FaultKind
	RetryAfter   int
	SlowDelay    time.Duration

	// Paced keeps the bot's sender to Telegram's limits (1 message a second
	// per chat, 20 a minute per group, 30 a second overall) during the
	// measured phase. Off by default: the run measures the bot's own
	// capacity. The warm-up always runs unpaced.
	Paced bool

	// Dir is the repository root the defaults below are relative to
	// (default "."). SeedsDir holds the reports indexed into a temporary
	// data directory (default Dir/seeds). QuestionFiles are JSON-lines
	// question sets with a "q" field (default Dir/testdata/*_questions.jsonl).
	Dir           string
	SeedsDir      string
	QuestionFiles []string

	// Asker and Library, when both set, are used instead of building an
	// engine and a library from SeedsDir (main.go can pass its own).
	Asker   bot.Asker
	Library bot.Library

	// Seed makes the workload reproducible (default 1).
	Seed uint64
	// Logger receives the bot's logs (default: none; warnings and errors are
	// counted in the Report either way).
	Logger *slog.Logger
	// SampleEvery samples the live heap while the measured phase runs
	// (0: no samples).
	SampleEvery time.Duration
}

// Defaults of Options.
const (
	DefaultQuestions = 5000
	DefaultUsers     = 500
	DefaultChats     = 400
)

// withDefaults fills in the zero fields.
func (o Options) withDefaults() Options {
	switch {
	case o.Questions > 0:
	case o.Duration > 0 && o.Rate > 0:
		o.Questions = int(o.Rate * o.Duration.Seconds())
	default:
		o.Questions = DefaultQuestions
	}
	if o.Users <= 0 {
		o.Users = DefaultUsers
	}
	if o.Chats <= 0 {
		o.Chats = DefaultChats
	}
	switch {
	case o.GroupShare == 0:
		o.GroupShare = 0.5
	case o.GroupShare < 0:
		o.GroupShare = 0
	case o.GroupShare > 1:
		o.GroupShare = 1
	}
	if o.Wait <= 0 {
		o.Wait = 60 * time.Second
	}
	o.FaultRate = min(max(o.FaultRate, 0), 1)
	if len(o.FaultMethods) == 0 {
		o.FaultMethods = []string{"sendMessage", "getUpdates"}
	}
	if len(o.Faults) == 0 {
		o.Faults = []telegramtest.FaultKind{
			telegramtest.FaultTooManyRequests, telegramtest.FaultServerError,
			telegramtest.FaultBadGateway, telegramtest.FaultDrop, telegramtest.FaultDelay,
		}
	}
	if o.RetryAfter <= 0 {
		o.RetryAfter = 1
	}
	if o.SlowDelay <= 0 {
		o.SlowDelay = 200 * time.Millisecond
	}
	if o.Dir == "" {
		o.Dir = "."
	}
	if o.SeedsDir == "" {
		o.SeedsDir = filepath.Join(o.Dir, "seeds")
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	return o
}

// groups and privates split Chats: privates are at most Users.
func (o Options) groups() int {
	g := int(float64(o.Chats)*o.GroupShare + 0.5)
	if p := o.Chats - g; p > o.Users {
		g = o.Chats - o.Users
	}
	return g
}
