package loadtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"

	"planbot/bot/telegramtest"
)

// Replies of the bot that mean something went wrong (bot/format.go).
var errorTexts = []string{
	"出错了，请稍后再试",      // the Asker failed or panicked
	"提问太频繁了，请稍后再试",   // a user over the rate limit
	"请在 /ask 后面写上问题", // an empty question: the question was lost on the way
}

// maxSamples bounds the examples of each kind of problem kept for the report.
const maxSamples = 5

// collector matches the calls the server recorded to a phase's questions.
// Only its poll goroutine touches its fields, except answered and progress.
type collector struct {
	w        *workload
	expected map[string][]string // question → the texts of its reply, nil while recording
	recorded map[string][]string // filled while recording (the warm-up)

	answered atomic.Int64
	progress chan struct{} // signalled when questions are answered

	lastReply                            int64 // UnixNano of the latest completed reply
	duplicated, misordered, mismatched   int
	unexpected, rejected, errorReplies   int
	failedSends, failedPolls, sendCalls  int
	pollCalls                            int
	dupSamples, orderSamples, badSamples []string
	errSamples                           []string
}

func newCollector(w *workload, expected map[string][]string) *collector {
	c := &collector{w: w, expected: expected, progress: make(chan struct{}, 1)}
	if expected == nil {
		c.recorded = map[string][]string{}
	}
	return c
}

// sample appends s to *list unless it holds maxSamples already.
func sample(list *[]string, format string, args ...any) {
	if len(*list) < maxSamples {
		*list = append(*list, fmt.Sprintf(format, args...))
	}
}

// injected reports a failure answered by an injected fault.
func injected(c telegramtest.Call) bool {
	switch c.Status {
	case 0, http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway:
		return true
	}
	return false
}

// add takes in recorded calls.
func (c *collector) add(calls []telegramtest.Call) {
	before := c.answered.Load()
	for _, call := range calls {
		switch strings.ToLower(call.Method) {
		case "sendmessage":
			c.sendCalls++
			switch {
			case call.OK:
				c.reply(call)
			case injected(call):
				c.failedSends++
			default:
				c.rejected++
				sample(&c.errSamples, "sendMessage to %s refused: %d %s", call.Params["chat_id"], call.Status, call.Description)
			}
		case "getupdates":
			c.pollCalls++
			if !call.OK {
				c.failedPolls++
			}
		}
	}
	if c.answered.Load() != before {
		select {
		case c.progress <- struct{}{}:
		default:
		}
	}
}

// reply matches a message the bot sent to its question.
func (c *collector) reply(call telegramtest.Call) {
	chatID := call.Int("chat_id")
	cs := c.w.chats[chatID]
	text := call.Params["text"]
	for _, e := range errorTexts {
		if strings.HasPrefix(text, e) {
			c.errorReplies++
			sample(&c.errSamples, "chat %d: error reply %q", chatID, text)
		}
	}
	if cs == nil {
		c.unexpected++
		sample(&c.badSamples, "reply to unknown chat %d: %.60q", chatID, text)
		return
	}
	var rp struct {
		MessageID int64 `json:"message_id"`
	}
	if raw := call.Params["reply_parameters"]; raw != "" {
		_ = json.Unmarshal([]byte(raw), &rp)
	}
	q := c.match(cs, rp.MessageID, text)
	if q == nil {
		return
	}
	if c.recorded != nil {
		c.recorded[q.text] = append(c.recorded[q.text], text)
	} else if want := c.expected[q.text]; q.parts < len(want) && want[q.parts] != text {
		c.mismatched++
		sample(&c.badSamples, "chat %d, question %q: reply %.80q, want %.80q", chatID, q.text, text, want[q.parts])
	}
	q.parts++
	cs.last, cs.cur = q, q
	if !q.done && q.parts >= c.partsOf(q) {
		q.done = true
		q.replied = call.At.UnixNano()
		c.lastReply = max(c.lastReply, q.replied)
		c.answered.Add(1)
		cs.cur = nil
	}
	for cs.next < len(cs.questions) && cs.questions[cs.next].done {
		cs.next++
	}
}

// partsOf is how many messages make the reply to q.
func (c *collector) partsOf(q *question) int {
	return max(1, len(c.expected[q.text]))
}

// lookahead bounds how far past the first unanswered question of a
// private chat a reply is looked for: past a lost reply, the next ones
// still find their questions.
const lookahead = 32

// match finds the question a reply in cs answers, and counts the replies
// that answer nothing sent, answer a question again or overtake a question
// of their chat; it returns nil for those that answer nothing. A message
// continuing a reply of several messages belongs to the reply in progress.
// Otherwise, in a group, the reply is threaded to its question; in a
// private chat it is the reply to the first question not yet answered
// whose expected reply it is (or, failing that, to the first one not yet
// answered that comes after the last one replied to).
func (c *collector) match(cs *chatState, replyTo int64, text string) *question {
	sent := int(cs.sent.Load())
	if c.recorded != nil && cs.group && replyTo == 0 {
		return cs.last // a continuation while the parts are being learnt
	}
	if cs.cur != nil && (!cs.group || replyTo == 0) {
		return cs.cur
	}
	var q *question
	switch {
	case cs.group && replyTo == 0:
		c.unexpected++
		sample(&c.badSamples, "chat %d: a reply not threaded to a question: %.60q", cs.chat.ID, text)
		return nil
	case cs.group:
		for _, x := range cs.questions[:sent] {
			if x.msgID.Load() == replyTo {
				q = x
				break
			}
		}
		if q == nil {
			c.unexpected++
			sample(&c.badSamples, "chat %d: reply to message %d, not a question: %.60q", cs.chat.ID, replyTo, text)
			return nil
		}
		if q.parts > 0 {
			c.duplicated++
			sample(&c.dupSamples, "chat %d: second reply to message %d: %.60q", cs.chat.ID, replyTo, text)
			return nil
		}
	default:
		for _, x := range cs.questions[cs.next:min(sent, cs.next+lookahead)] {
			if x.parts > 0 {
				continue
			}
			if q == nil && x.pos >= cs.maxPos {
				q = x // failing a better one; never back past a later reply
			}
			if want := c.expected[x.text]; len(want) > 0 && want[0] == text {
				q = x
				break
			}
		}
		if q == nil {
			c.duplicated++
			sample(&c.dupSamples, "chat %d: a reply after every question sent was answered: %.60q", cs.chat.ID, text)
			return nil
		}
	}
	if q.pos < cs.maxPos {
		c.misordered++
		sample(&c.orderSamples, "chat %d: reply to question %d after the reply to question %d", cs.chat.ID, q.pos, cs.maxPos)
	}
	cs.maxPos = max(cs.maxPos, q.pos)
	return q
}
