package loadtest

import (
	"fmt"
	"math/rand/v2"
	"sync/atomic"

	"github.com/go-telegram/bot/models"
)

// How a question is put to the bot.
const (
	formPrivate      = iota // plain text in a private chat
	formPrivateAsk          // "/ask Q" in a private chat
	formGroupAsk            // "/ask Q" in a group
	formGroupAskAt          // "/ask@bot Q" in a group
	formGroupMention        // "@bot Q" in a group
)

// Id ranges of the simulated users and chats.
const (
	firstUserID    = 5_000_000_000
	firstGroupID   = -1_009_000_000_000
	firstWarmupID  = -1_008_000_000_000
	warmupChatsMax = 64
)

// question is one question update and what became of it. The sender sets
// msgID and pushed before the update is queued; the collector reads them
// (hence atomics) and owns the rest.
type question struct {
	text   string
	chat   *chatState
	from   models.User
	form   int
	pos    int          // its place among its chat's questions
	msgID  atomic.Int64 // the message's id, set when it is built
	pushed atomic.Int64 // UnixNano just before the update was queued

	parts   int   // reply messages seen
	replied int64 // UnixNano of the server's record of the last part
	done    bool
}

// message is the text of the update.
func (q *question) message(botName string) string {
	switch q.form {
	case formPrivateAsk, formGroupAsk:
		return "/ask " + q.text
	case formGroupAskAt:
		return "/ask@" + botName + " " + q.text
	case formGroupMention:
		return "@" + botName + " " + q.text
	}
	return q.text
}

// chatState is a chat and its questions in the order they are sent.
type chatState struct {
	chat      models.Chat
	group     bool
	questions []*question
	sent      atomic.Int64 // how many of questions were queued
	next      int          // the first question not fully answered (collector)
	last      *question    // the question last replied to (collector)
	cur       *question    // a reply of several messages in progress (collector)
	maxPos    int          // the latest question of the chat replied to (collector)
}

// workload is the plan of a phase: its chats and its questions in order.
type workload struct {
	chats     map[int64]*chatState
	questions []*question
}

// user returns simulated user i.
func user(i int) models.User {
	id := int64(firstUserID + i)
	return models.User{ID: id, FirstName: fmt.Sprintf("用户%d", i), Username: fmt.Sprintf("user%d", i), LanguageCode: "zh-hans"}
}

func privateChat(u models.User) models.Chat {
	return models.Chat{ID: u.ID, Type: models.ChatTypePrivate, FirstName: u.FirstName, Username: u.Username}
}

func groupChat(id int64, n int) models.Chat {
	return models.Chat{ID: id, Type: models.ChatTypeSupergroup, Title: fmt.Sprintf("规划讨论群 %d", n)}
}

// newWorkload plans o.Questions questions over o's users and chats, picking
// chats, askers, questions and forms at random (reproducibly, from o.Seed).
func newWorkload(o Options, pool []string) *workload {
	rng := rand.New(rand.NewPCG(o.Seed, 0x9e3779b97f4a7c15))
	w := &workload{chats: map[int64]*chatState{}}
	groups := o.groups()
	var chats []*chatState
	for i := range o.Chats - groups {
		cs := &chatState{chat: privateChat(user(i))}
		chats = append(chats, cs)
	}
	for i := range groups {
		cs := &chatState{chat: groupChat(firstGroupID-int64(i), i), group: true}
		chats = append(chats, cs)
	}
	for _, cs := range chats {
		w.chats[cs.chat.ID] = cs
	}
	w.questions = make([]*question, 0, o.Questions)
	for range o.Questions {
		cs := chats[rng.IntN(len(chats))]
		q := &question{text: pool[rng.IntN(len(pool))], chat: cs}
		if cs.group {
			q.from = user(rng.IntN(o.Users))
			q.form = formGroupAsk + rng.IntN(3)
		} else {
			q.from = user(int(cs.chat.ID - firstUserID))
			q.form = formPrivate
			if rng.IntN(10) == 0 {
				q.form = formPrivateAsk
			}
		}
		q.pos = len(cs.questions)
		cs.questions = append(cs.questions, q)
		w.questions = append(w.questions, q)
	}
	return w
}

// warmupWorkload asks every question of pool once with /ask, spread over
// up to warmupChatsMax groups.
func warmupWorkload(pool []string) *workload {
	w := &workload{chats: map[int64]*chatState{}}
	n := min(len(pool), warmupChatsMax)
	asker := user(0)
	for i, text := range pool {
		id := firstWarmupID - int64(i%n)
		cs := w.chats[id]
		if cs == nil {
			cs = &chatState{chat: groupChat(id, i%n), group: true}
			w.chats[id] = cs
		}
		q := &question{text: text, chat: cs, from: asker, form: formGroupAsk, pos: len(cs.questions)}
		cs.questions = append(cs.questions, q)
		w.questions = append(w.questions, q)
	}
	return w
}
