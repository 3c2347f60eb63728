package bot

import (
	"strings"
	"testing"
	"time"
)

func TestConfigValidate(t *testing.T) {
	ok := func(c *Config) {}
	cases := []struct {
		name string
		edit func(*Config)
		want string // "" for valid
	}{
		{"defaults", ok, ""},
		{"missing token", func(c *Config) { c.Token = " " }, "telegram token missing: set telegram.token in config.yaml or TELEGRAM_BOT_TOKEN"},
		{"malformed token", func(c *Config) { c.Token = "no-colon" }, "telegram token malformed"},
		{"bad api url", func(c *Config) { c.APIURL = "ftp://x" }, "telegram.api_url"},
		{"bad mode", func(c *Config) { c.Mode = "push" }, "telegram.mode"},
		{"webhook without url", func(c *Config) { c.Mode = "webhook"; c.Webhook.SecretToken = "s" }, "telegram.webhook.url missing"},
		{"webhook http to telegram", func(c *Config) {
			c.Mode, c.Webhook.URL, c.Webhook.SecretToken = "webhook", "http://example.org/hook", "s"
		}, "must be https"},
		{"webhook http to local api", func(c *Config) {
			c.APIURL, c.Mode, c.Webhook.URL, c.Webhook.SecretToken = "http://127.0.0.1:8081", "webhook", "http://127.0.0.1:8443/", "s"
		}, ""},
		{"webhook without secret", func(c *Config) { c.Mode, c.Webhook.URL = "webhook", "https://example.org/hook" }, "secret_token missing"},
		{"webhook bad secret", func(c *Config) {
			c.Mode, c.Webhook.URL, c.Webhook.SecretToken = "webhook", "https://example.org/hook", "a b"
		}, "secret_token: want"},
		{"webhook ok", func(c *Config) {
			c.Mode, c.Webhook.URL, c.Webhook.SecretToken = "webhook", "https://example.org/hook", "Abc_123-x"
		}, ""},
		{"cert without key", func(c *Config) {
			c.Mode, c.Webhook.URL, c.Webhook.SecretToken, c.Webhook.CertFile = "webhook", "https://example.org/hook", "s", "c.pem"
		}, "cert_file and key_file"},
		{"bad admin", func(c *Config) { c.Admins = []int64{-5} }, "telegram.admins"},
		{"too many per message", func(c *Config) { c.Answers.PerMessage = 6 }, "per_message"},
		{"max too high", func(c *Config) { c.Answers.Max = 11 }, "answers.max"},
		{"negative shutdown grace", func(c *Config) { c.ShutdownGrace = -time.Second }, "telegram.shutdown_grace"},
		{"shutdown grace too long", func(c *Config) { c.ShutdownGrace = time.Hour }, "telegram.shutdown_grace"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := Config{Token: "123:abc"}
			tc.edit(&c)
			err := c.Validate()
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("Validate: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("Validate = %v, want %q", err, tc.want)
			case err != nil && strings.Contains(err.Error(), "\n"):
				t.Errorf("multi-line error %q", err)
			}
		})
	}
}

func TestConfigDefaults(t *testing.T) {
	d := Config{Token: "1:a"}.withDefaults()
	if d.APIURL != DefaultAPIURL || d.Mode != ModePolling || d.Webhook.Listen != ":8443" ||
		d.RateLimit.QuestionsPerMinute != 20 || d.Answers.PerMessage != 1 || d.Answers.Max != 5 {
		t.Errorf("defaults = %+v", d)
	}
}
