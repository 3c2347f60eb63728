package loadtest

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"planbot/bot/telegramtest"
)

// sentWorkload is a group and a private chat with n questions each, all
// sent, the group's questions being messages 10, 11, 12….
func sentWorkload(n int) (*workload, *chatState, *chatState) {
	w := &workload{chats: map[int64]*chatState{}}
	g := &chatState{chat: models.Chat{ID: -100, Type: models.ChatTypeSupergroup}, group: true}
	p := &chatState{chat: models.Chat{ID: 7, Type: models.ChatTypePrivate}}
	for _, cs := range []*chatState{g, p} {
		w.chats[cs.chat.ID] = cs
		for i := range n {
			q := &question{text: fmt.Sprintf("q%d", i), chat: cs, pos: i}
			q.msgID.Store(int64(10 + i))
			q.pushed.Store(time.Now().UnixNano())
			cs.questions = append(cs.questions, q)
			w.questions = append(w.questions, q)
		}
		cs.sent.Store(int64(n))
	}
	return w, g, p
}

func sendCall(chat int64, replyTo int, text string) telegramtest.Call {
	c := telegramtest.Call{Method: "sendMessage", OK: true, Status: http.StatusOK, At: time.Now(),
		Params: map[string]string{"chat_id": fmt.Sprint(chat), "text": text}}
	if replyTo != 0 {
		c.Params["reply_parameters"] = fmt.Sprintf(`{"message_id":%d,"allow_sending_without_reply":true}`, replyTo)
	}
	return c
}

// The collector tells lost, duplicated, overtaking and wrong replies apart,
// in groups by threading and in private chats by the expected texts.
func TestCollector(t *testing.T) {
	w, g, p := sentWorkload(4)
	expected := map[string][]string{"q0": {"a0"}, "q1": {"a1"}, "q2": {"a2", "a2+"}, "q3": {"a3"}}
	c := newCollector(w, expected)
	c.add([]telegramtest.Call{
		// Group: q0, q0 again, q2 in two parts, then q1 after it; q3 lost.
		sendCall(g.chat.ID, 10, "a0"),
		sendCall(g.chat.ID, 10, "a0"),
		sendCall(g.chat.ID, 12, "a2"),
		sendCall(g.chat.ID, 0, "a2+"),
		sendCall(g.chat.ID, 11, "a1"),
		// Private: q0, q1 lost, q2 in two parts, q3 wrong, then one more.
		sendCall(p.chat.ID, 0, "a0"),
		sendCall(p.chat.ID, 0, "a2"),
		sendCall(p.chat.ID, 0, "a2+"),
		sendCall(p.chat.ID, 0, "wrong"),
		sendCall(p.chat.ID, 0, "a3"),
		// A refused send, an injected fault, a reply to a chat never asked in.
		{Method: "sendMessage", Status: http.StatusBadRequest, Description: "Bad Request: can't parse entities", Params: map[string]string{"chat_id": "7"}},
		{Method: "sendMessage", Status: http.StatusTooManyRequests},
		sendCall(12345, 0, "出错了，请稍后再试"),
	})
	got := map[string]int{
		"answered": int(c.answered.Load()), "duplicated": c.duplicated, "misordered": c.misordered,
		"mismatched": c.mismatched, "rejected": c.rejected, "failed": c.failedSends,
		"unexpected": c.unexpected, "error replies": c.errorReplies,
	}
	want := map[string]int{
		"answered": 6, "duplicated": 2, "misordered": 1, "mismatched": 1, "rejected": 1, "failed": 1,
		"unexpected": 1, "error replies": 1,
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %d, want %d", k, got[k], v)
		}
	}
	if g.questions[3].done || p.questions[1].done {
		t.Errorf("a lost question counts as answered")
	}
}
