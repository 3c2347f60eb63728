package bot

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planbot/answers"
)

// TestAlias runs the bot over the real engine of the seed report: an
// admin's /alias makes the next question answered without a restart and
// says which unanswered questions of the log it now answers; anyone else's
// is refused and changes nothing; a line the vocabulary check refuses
// changes nothing; /unalias takes it back and reports the question lost.
func TestAlias(t *testing.T) {
	t.Parallel()
	e, err := answers.Open(context.Background(), answers.Setup{DataDir: t.TempDir(), SeedsDir: "../seeds", DefaultRegion: "九原区", Build: true})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	vocab := filepath.Join(t.TempDir(), "vocab.txt")
	if err := os.WriteFile(vocab, []byte("# 管理员词表\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	h := startTuned(t, EngineAsker(e), func(b *Bot) { b.SetPacing(false) }, func(c *Config) { c.DataDir, c.Vocabulary = dir, vocab })
	const q = "好田目标是多少"
	asked := 0
	ask := func() string {
		t.Helper()
		h.say(privateChat(alice), &alice, q)
		asked++
		return h.waitSent(alice.ID, asked)[asked-1].Text
	}
	if got := ask(); !strings.HasPrefix(got, textNoAnswer) {
		t.Fatalf("before /alias: %q", got)
	}
	es := h.feedbackLog()
	if len(es) != 1 || es[0].Report == "" || !strings.Contains(es[0].Intent, "intent") || len(es[0].Topics) == 0 {
		t.Errorf("unanswered entry without how it was understood: %+v", es)
	}
	fileIs := func(want string) {
		t.Helper()
		b, err := os.ReadFile(vocab)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != want {
			t.Errorf("vocabulary file:\n%s\nwant:\n%s", b, want)
		}
	}

	// Alice is not an admin.
	h.say(privateChat(alice), &alice, "/alias 好田 高标准农田")
	asked++
	if got := h.waitSent(alice.ID, asked)[asked-1].Text; got != textNotAdminVocab {
		t.Errorf("alice's /alias = %q", got)
	}
	fileIs("# 管理员词表\n")
	if got := ask(); !strings.HasPrefix(got, textNoAnswer) {
		t.Errorf("after alice's /alias: %q", got)
	}

	// The admin's.
	adminSaid := 0
	say := func(text, until string) string {
		t.Helper()
		h.say(privateChat(admin), &admin, text)
		adminSaid++
		var got string
		h.waitFor(text, func() bool {
			sent := h.srv.Sent(admin.ID)
			if len(sent) < adminSaid {
				return false
			}
			got = sent[adminSaid-1].Text
			return strings.Contains(got, until)
		})
		return got
	}
	got := say("/alias 好田 高标准农田", "生效")
	for _, want := range []string{"已添加 好田 = 高标准农田，从下一个问题起生效。", "反馈记录中的 1 个问题：之前 0 个有答案，现在 1 个。", "现在能回答以前没答上的 1 个问题：\n· " + q} {
		if !strings.Contains(got, want) {
			t.Errorf("/alias reply lacks %q:\n%s", want, got)
		}
	}
	fileIs("# 管理员词表\n好田 = 高标准农田\n")
	if got := ask(); !strings.Contains(got, "积极争取4万亩高标准农田建设") {
		t.Errorf("after /alias: %q", got)
	}
	if fi, _ := os.Stat(vocab); fi.Mode().Perm() != 0o640 {
		t.Errorf("the file's mode became %v", fi.Mode().Perm())
	}

	if got := say("/alias", "管理员词表"); !strings.Contains(got, "vocab.txt，1 行：\n好田 = 高标准农田") {
		t.Errorf("/alias lists:\n%s", got)
	}
	// The check every vocabulary line goes through.
	if got := say("/alias gdp 地区生产总值", "没有改动"); !strings.Contains(got, `词表检查未通过`) || !strings.Contains(got, `alias "gdp" is said already at built-in vocabulary`) {
		t.Errorf("a built-in alias again:\n%s", got)
	}
	if got := say("/alias 好田", "用法"); !strings.Contains(got, "要写一个词和它在报告里的说法") {
		t.Errorf("/alias without terms:\n%s", got)
	}
	fileIs("# 管理员词表\n好田 = 高标准农田\n")

	// Taken back: allowed, and the question lost is reported.
	got = say("/unalias 好田", "生效")
	if !strings.Contains(got, "之前 1 个有答案，现在 0 个") || !strings.Contains(got, "⚠️ 之前有答案、现在没有的 1 个问题：\n· "+q) {
		t.Errorf("/unalias reply:\n%s", got)
	}
	fileIs("# 管理员词表\n")
	if got := ask(); !strings.HasPrefix(got, textNoAnswer) {
		t.Errorf("after /unalias: %q", got)
	}
	if got := say("/unalias 好田", "没有改动"); !strings.Contains(got, "管理员词表里没有「好田」") {
		t.Errorf("/unalias of no line:\n%s", got)
	}
}

// TestAliasUnconfigured: without an admins' vocabulary file /alias says
// how to configure one.
func TestAliasUnconfigured(t *testing.T) {
	t.Parallel()
	h := startFeedback(t)
	h.say(privateChat(admin), &admin, "/alias 社零 社会消费品零售总额")
	if got := h.waitSent(admin.ID, 1)[0].Text; got != textNoVocabFile {
		t.Errorf("/alias = %q", got)
	}
}

func TestParseAlias(t *testing.T) {
	tests := []struct {
		args, alias, line, err string
	}{
		{"社零 社会消费品零售总额", "社零", "社零 = 社会消费品零售总额", ""},
		{"社零 = 社会消费品零售总额 社会零售", "社零", "社零 = 社会消费品零售总额 社会零售", ""},
		{"社零＝社会消费品零售总额", "社零", "社零 = 社会消费品零售总额", ""},
		{"per capita income = 人均可支配收入", "per capita income", "per capita income = 人均可支配收入", ""},
		{"社零", "", "", "要写"},
		{"= 社会消费品零售总额", "", "", "要写"},
		{"#社零 社会消费品零售总额", "", "", "不能含"},
		{"社零 社会#消费", "", "", "不能含"},
		{strings.Repeat("长", 31) + " 词", "", "", "太长"},
		{"社零 a b c d e f g h i", "", "", "太多"},
	}
	for _, tt := range tests {
		alias, line, err := parseAlias(tt.args)
		if alias != tt.alias || line != tt.line || (err == nil) != (tt.err == "") || err != nil && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("parseAlias(%q) = %q, %q, %v; want %q, %q, %q", tt.args, alias, line, err, tt.alias, tt.line, tt.err)
		}
	}
}
