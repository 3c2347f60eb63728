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
	h := startWith(t, EngineAsker(seedEngine(t)))
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

// seedEngine opens the real engine on an index of the seed report.
func seedEngine(t *testing.T) *answers.Engine {
	t.Helper()
	e, err := answers.Open(context.Background(), answers.Setup{DataDir: t.TempDir(), SeedsDir: "../seeds", DefaultRegion: "九原区", Build: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// TestRealAskedWithinHeading: over the real engine, a question the seed
// does not answer offers headings; pressing the one of 营商环境 answers with
// a sentence of that section, saying where it was found, and pressing the
// one of 医疗服务 gives its sentence on 医保 with a note that it names no
// figure.
func TestRealAskedWithinHeading(t *testing.T) {
	tests := []struct {
		q, heading string
		want       []string
	}{
		{"我想知道今年企业办事方不方便，有啥新举措", "持续优化营商环境", []string{"在「持续优化营商环境」中，与问题最相关的是：", "民营企业办实事", "(四)推动发展环境升级"}},
		// a sentence of the section that names no figure, said so
		{"医保报销能报多少", "三是完善医疗服务体系", []string{"在「三是完善医疗服务体系」中", "医保支付", "注：此句没有所问的数字"}},
	}
	for _, tt := range tests {
		h := startWith(t, EngineAsker(seedEngine(t)))
		h.say(privateChat(alice), &alice, tt.q)
		m := h.waitSent(alice.ID, 1)[0]
		if !strings.HasPrefix(m.Text, textNoAnswer) {
			t.Fatalf("%q: reply %q, want not covered", tt.q, m.Text)
		}
		b := button(t, m, tt.heading)
		h.waitCallbackAnswer(h.srv.PushCallback(alice, &m, b.CallbackData))
		got := h.waitSent(alice.ID, 2)[1]
		for _, want := range tt.want {
			if !strings.Contains(got.Text, want) {
				t.Errorf("%q: reply lacks %q:\n%s", tt.q, want, got.Text)
			}
		}
	}
}
