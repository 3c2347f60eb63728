package config

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"planbot/bot"
	"planbot/bot/feedback"
)

// write writes a config file into a fresh directory with a seeds
// directory beside it, and returns its path.
func write(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "seeds"), 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestShippedConfigShowsTheDefaults reads the repository's config.yaml:
// every value it shows is the code's default.
func TestShippedConfigShowsTheDefaults(t *testing.T) {
	c, err := Load("../../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	for _, p := range []*string{&want.SeedsDir, &want.DataDir} {
		*p = filepath.Join("../..", *p)
	}
	want.path = c.path
	if os.Getenv("PLANBOT_DATA_DIR") != "" || os.Getenv("PLANBOT_DEBUG") != "" || os.Getenv("PLANBOT_ADMINS") != "" {
		t.Skip("the environment overrides the file")
	}
	if len(c.Telegram.Admins) == 0 {
		c.Telegram.Admins = nil // admins: [] shows the default, none
	}
	if !reflect.DeepEqual(*c, want) {
		t.Errorf("config.yaml differs from the defaults:\n file %+v\n code %+v", *c, want)
	}
}

func TestLoadRefusesMistakes(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // in the error
	}{
		{"unknown key", "seeds_dir: seeds\ndefualt_region: 九原区\n", []string{"defualt_region", "line 2"}},
		{"bad log level", "log_level: loud\n", []string{"log_level", "loud"}},
		{"wrong kind", "open_reports: many\n", []string{"many", "line 1"}},
		{"no bytes for open reports", "open_reports_mb: 0\n", []string{"open_reports_mb", "at least 1"}},
		{"no seeds directory", "seeds_dir: nowhere\n", []string{"seeds_dir", "nowhere"}},
		{"unknown telegram key", "telegram:\n  tokn: x\n", []string{"tokn", "line 2"}},
		{"vocabulary missing", "vocabulary: words.txt\n", []string{"vocabulary", "words.txt"}},
		{"memory limit too low", "memory_limit_mb: 10\n", []string{"memory_limit_mb", "64"}},
		{"memory limit negative", "memory_limit_mb: -1\n", []string{"memory_limit_mb"}},
		{"gc percent too low", "gc_percent: 10\n", []string{"gc_percent", "25"}},
		{"gc percent too high", "gc_percent: 5000\n", []string{"gc_percent", "1000"}},
		{"gc off without a limit", "gc_percent: -1\nmemory_limit_mb: 0\n", []string{"gc_percent", "memory_limit_mb"}},
		{"gc percent not a number", "gc_percent: off\n", []string{"off", "line 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(write(t, tt.text))
			if err == nil {
				t.Fatal("loaded, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
	if _, err := Load(filepath.Join(t.TempDir(), "config.yaml")); err == nil || !strings.Contains(err.Error(), "--config") {
		t.Errorf("missing file: %v, want an error pointing to --config", err)
	}
}

func TestLoadEmptyFileIsTheDefaults(t *testing.T) {
	c, err := Load(write(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	if c.LogLevel != "info" || c.OpenReports != 256 || c.OpenReportsMB != 48 || !strings.HasSuffix(c.SeedsDir, "seeds") {
		t.Errorf("%+v, want the defaults", c)
	}
}

func TestLoadAppliesTheEnvironment(t *testing.T) {
	t.Setenv("PLANBOT_DATA_DIR", "/srv/planbot")
	t.Setenv("TELEGRAM_BOT_TOKEN", "111:env-token")
	t.Setenv("TELEGRAM_API_URL", "http://localhost:8081")
	t.Setenv("TELEGRAM_WEBHOOK_SECRET", "env_secret")
	t.Setenv("PLANBOT_ADMINS", " 7, 8 ,,7")
	c, err := Load(write(t, "telegram:\n  token: 222:file-token\n  admins: [8, 9]\n"))
	if err != nil {
		t.Fatal(err)
	}
	tg := c.Telegram
	if c.DataDir != "/srv/planbot" || tg.Token != "111:env-token" || tg.APIURL != "http://localhost:8081" || tg.Webhook.SecretToken != "env_secret" {
		t.Errorf("environment not applied: %+v", c)
	}
	if !slices.Equal(tg.Admins, []int64{8, 9, 7}) {
		t.Errorf("admins = %v, want 8 9 7", tg.Admins)
	}
	t.Setenv("PLANBOT_ADMINS", "7,alice")
	if _, err := Load(write(t, "")); err == nil || !strings.Contains(err.Error(), "PLANBOT_ADMINS") {
		t.Errorf("bad PLANBOT_ADMINS: %v", err)
	}
}

// telegram.shutdown_grace is a duration of 1s to 10m, 20s by default; the
// bot's configuration carries the data directory, where it keeps its spool.
func TestShutdownGrace(t *testing.T) {
	c, err := Load(write(t, "data_dir: var\ntelegram:\n  shutdown_grace: 45s\n"))
	if err != nil {
		t.Fatal(err)
	}
	if b := c.Bot(); b.ShutdownGrace != 45*time.Second || b.DataDir != c.DataDir || !strings.HasSuffix(b.DataDir, "var") {
		t.Errorf("bot configuration: grace %v, data dir %q; want 45s and %q", b.ShutdownGrace, b.DataDir, c.DataDir)
	}
	if c.Telegram.DataDir != "" {
		t.Errorf("telegram.DataDir set in the file's configuration: %q", c.Telegram.DataDir)
	}
	if c, err := Load(write(t, "")); err != nil || c.Telegram.ShutdownGrace != bot.DefaultShutdownGrace {
		t.Errorf("default grace: %v %v", c, err)
	}
	for _, bad := range []string{"0s", "11m", "-5s"} {
		_, err := Load(write(t, "telegram:\n  shutdown_grace: "+bad+"\n"))
		if err == nil || !strings.Contains(err.Error(), "telegram.shutdown_grace") {
			t.Errorf("shutdown_grace %s: %v, want an error naming it", bad, err)
		}
	}
	for _, bad := range []string{"soon", "20"} { // 20 what?
		if _, err := Load(write(t, "telegram:\n  shutdown_grace: "+bad+"\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("shutdown_grace %s: %v, want an error with the line", bad, err)
		}
	}
}

// feedback: retention in days (default 90d), a digest time, a key from
// the file or PLANBOT_FEEDBACK_KEY; the bot's configuration carries them
// with the admins' vocabulary file.
func TestFeedbackSettings(t *testing.T) {
	t.Setenv("PLANBOT_FEEDBACK_KEY", "")
	path := write(t, "vocabulary: admins.txt\nfeedback:\n  retention: 30d\n  digest: \"08:30\"\n  key: a-key-of-sixteen-chars\n")
	if err := os.WriteFile(filepath.Join(filepath.Dir(path), "admins.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	b := c.Bot()
	if time.Duration(b.Feedback.Retention) != 30*24*time.Hour || b.Feedback.Digest != "08:30" || b.Feedback.Key != "a-key-of-sixteen-chars" || b.Vocabulary != c.Vocabulary {
		t.Errorf("bot configuration %+v, vocabulary %q", b.Feedback, b.Vocabulary)
	}
	if o := c.FeedbackOptions(true); !o.ReadOnly || o.Retention != 30*24*time.Hour || string(o.Key) != "a-key-of-sixteen-chars" {
		t.Errorf("feedback options %+v", o)
	}
	t.Setenv("PLANBOT_FEEDBACK_KEY", "the-environment's-key")
	if c, err := Load(path); err != nil || c.Feedback.Key != "the-environment's-key" {
		t.Errorf("PLANBOT_FEEDBACK_KEY not applied: %v %v", c.Feedback.Key, err)
	}
	t.Setenv("PLANBOT_FEEDBACK_KEY", "")
	if c, err := Load(write(t, "")); err != nil || time.Duration(c.Feedback.Retention) != feedback.DefaultRetention || c.Feedback.Digest != "" {
		t.Errorf("defaults: %+v %v", c.Feedback, err)
	}
	for _, bad := range []struct{ text, want string }{
		{"feedback:\n  retention: 0d\n", "feedback.retention"},
		{"feedback:\n  retention: 30m\n", "feedback.retention"},
		{"feedback:\n  retention: 90\n", "line 2"},
		{"feedback:\n  digest: \"9点\"\n", "feedback.digest"},
		{"feedback:\n  key: short\n", "feedback.key"},
		{"feedback:\n  keep: 90d\n", "keep"},
	} {
		if _, err := Load(write(t, bad.text)); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: %v, want an error naming %q", bad.text, err, bad.want)
		}
	}
}
