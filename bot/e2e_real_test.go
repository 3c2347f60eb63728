package bot

import (
	"context"
	"strings"
	"testing"

	"planbot/answers"
)

// TestRealAnswerInGroup runs the bot over the real index and engine of the
// seed report: "/ask 高标准农田目标是多少" in a group gets a threaded reply
// with the 4万亩 sentence (figure in bold), its section and the report,
// in HTML the fake server checks as Telegram would.
func TestRealAnswerInGroup(t *testing.T) {
	e, err := answers.Open(context.Background(), answers.Setup{DataDir: t.TempDir(), SeedsDir: "../seeds", DefaultRegion: "九原区", Build: true})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	h := startWith(t, EngineAsker(e))
	chat := groupChat(-1002000)
	m := h.srv.Message(chat, &alice, "/ask 高标准农田目标是多少")
	h.srv.PushMessage(m)
	got := h.waitSent(chat.ID, 1)[0]
	if got.ReplyToMessage == nil || got.ReplyToMessage.ID != m.ID {
		t.Errorf("not a threaded reply to the question")
	}
	for _, want := range []string{"积极争取4万亩高标准农田建设和2000亩盐碱地综合治理改造。", "三是巩固农牧业基础", "九原区2024年国民经济和社会发展计划执行情况"} {
		if !strings.Contains(got.Text, want) {
			t.Errorf("reply lacks %q:\n%s", want, got.Text)
		}
	}
	if bold := entityTexts(got, "bold"); len(bold) == 0 || bold[0] != "4万亩" {
		t.Errorf("bold parts %q, want the figure 4万亩 first", bold)
	}
}
