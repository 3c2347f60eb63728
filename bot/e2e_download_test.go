package bot

import (
	"strings"
	"testing"
	"time"

	"planbot/bot/telegramtest"
)

// A report's download has one time budget across getFile, the download and
// their retries: a stalled server costs the admin that long, not ten
// attempts of 30 s, and then a clear message; the next operation may start
// at once.
func TestDownloadBudget(t *testing.T) {
	t.Parallel()
	const want = "失败：下载超时：1秒内没有下载完文件，请稍后重新发送"
	for _, method := range []string{"getFile", "file"} {
		t.Run(method+" stalls", func(t *testing.T) {
			t.Parallel()
			h := start(t, func(c *Config) { c.DownloadTimeout = time.Second })
			h.srv.FailNext(method, 100, telegramtest.Fault{Kind: telegramtest.FaultDelay, Delay: 5 * time.Second})
			up := h.srv.Message(privateChat(admin), &admin, "")
			up.Document = h.srv.AddFile("slow.docx", []byte("PK"))
			started := time.Now()
			h.srv.PushMessage(up)
			got := h.waitDone(admin.ID, 1)
			if last := got[len(got)-1]; last != want {
				t.Errorf("progress = %q, want it to end with %q", got, want)
			}
			t.Logf("given up after %v", time.Since(started))
			h.say(privateChat(admin), &admin, "/reindex")
			if got := h.waitDone(admin.ID, 2); got[len(got)-1] != "完成: 1234 句, 567 个数字" {
				t.Errorf("reindex after the timeout = %q", got)
			}
			if _, added, _ := h.lib.snapshot(); added != 0 {
				t.Errorf("%d reports added", added)
			}
		})
	}
}

// telegram.download_timeout is 2 minutes unless set, and positive.
func TestDownloadTimeoutConfig(t *testing.T) {
	t.Parallel()
	if d := (Config{Token: "1:a"}).withDefaults().DownloadTimeout; d != 2*time.Minute {
		t.Errorf("default download timeout = %v", d)
	}
	c := Config{Token: "1:a", DownloadTimeout: -time.Second}
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "telegram.download_timeout") {
		t.Errorf("negative download timeout: %v", err)
	}
	for _, d := range []time.Duration{time.Minute, 2 * time.Minute} {
		if got := zhDuration(d); got != strings.TrimSuffix(d.String(), "m0s")+"分钟" {
			t.Errorf("zhDuration(%v) = %q", d, got)
		}
	}
	if got := zhDuration(1500 * time.Millisecond); got != "2秒" {
		t.Errorf("zhDuration(1.5s) = %q", got)
	}
}
