package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/go-telegram/bot/models"
)

// AddChat makes a chat known, as if the bot had seen it.
func (s *Server) AddChat(c models.Chat) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chats[c.ID] = c
}

// Message builds a message from from (nil for channel posts) in chat with
// text, marks its commands and mentions as Telegram does (see Entities),
// and stores it so that replies to it can be checked. It is not delivered:
// see Push and PushMessage.
func (s *Server) Message(chat models.Chat, from *models.User, text string) *models.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := &models.Message{
		ID:       s.nextMsg[chat.ID] + 1,
		Chat:     chat,
		From:     from,
		Date:     int(time.Now().Unix()),
		Text:     text,
		Entities: Entities(text),
	}
	if chat.Type == models.ChatTypeChannel {
		c := chat
		m.SenderChat = &c
		m.From = nil
	}
	s.storeMessage(m)
	return m
}

// StoreMessage stores a message built by the caller, assigning its id when
// it is 0, so that replies to it can be checked.
func (s *Server) StoreMessage(m *models.Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m.ID == 0 {
		m.ID = s.nextMsg[m.Chat.ID] + 1
	}
	if m.Date == 0 {
		m.Date = int(time.Now().Unix())
	}
	s.storeMessage(m)
}

// PushMessage delivers m as a message, or as a channel post in a channel.
func (s *Server) PushMessage(m *models.Message) int64 {
	if m.Chat.Type == models.ChatTypeChannel {
		return s.Push(&models.Update{ChannelPost: m})
	}
	return s.Push(&models.Update{Message: m})
}

// Push queues an update for getUpdates, assigning its update_id when it is
// 0, and returns the id. Messages in it are stored; callback and inline
// query ids become answerable.
func (s *Server) Push(u *models.Update) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u.ID == 0 {
		s.nextUpdate++
		u.ID = s.nextUpdate
	} else if u.ID > s.nextUpdate {
		s.nextUpdate = u.ID
	}
	for _, m := range []*models.Message{u.Message, u.EditedMessage, u.ChannelPost, u.EditedChannelPost} {
		if m != nil {
			s.storeMessage(m)
		}
	}
	if u.CallbackQuery != nil {
		s.callbacks[u.CallbackQuery.ID] = false
	}
	if u.InlineQuery != nil {
		s.inline[u.InlineQuery.ID] = false
	}
	raw, err := json.Marshal(u)
	if err != nil {
		panic(fmt.Sprintf("telegramtest: marshal update: %v", err))
	}
	s.updates = append(s.updates, pending{id: u.ID, raw: raw})
	s.notify()
	return u.ID
}

// newID returns a fresh id for queries and files. Call with s.mu held.
func (s *Server) newID(prefix string) string {
	s.nextID++
	return prefix + strconv.FormatInt(s.nextID, 10)
}

// PushCallback delivers a press of the button with data on the bot's
// message msg by from, and returns the callback query id.
func (s *Server) PushCallback(from models.User, msg *models.Message, data string) string {
	s.mu.Lock()
	id := s.newID("cb")
	s.mu.Unlock()
	q := &models.CallbackQuery{ID: id, From: from, Data: data, ChatInstance: "ci"}
	if msg != nil {
		cp := *msg
		q.Message = models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage, Message: &cp}
	}
	s.Push(&models.Update{CallbackQuery: q})
	return id
}

// PushInlineQuery delivers an inline query and returns its id.
func (s *Server) PushInlineQuery(from models.User, query string) string {
	s.mu.Lock()
	id := s.newID("iq")
	s.mu.Unlock()
	f := from
	s.Push(&models.Update{InlineQuery: &models.InlineQuery{ID: id, From: &f, Query: query, ChatType: "sender"}})
	return id
}

// AddFile stores a file for getFile and download, returning it as a
// document to attach to a message.
func (s *Server) AddFile(name string, data []byte) *models.Document {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.newID("file")
	s.files[id] = &file{id: id, path: "documents/" + id + "_" + name, data: data}
	return &models.Document{FileID: id, FileUniqueID: "u" + id, FileName: name, FileSize: int64(len(data))}
}

// Sent returns the bot's messages in chat, in their current (edited) state,
// in the order they were sent.
func (s *Server) Sent(chatID int64) []models.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []models.Message
	for id := 1; id <= s.nextMsg[chatID]; id++ {
		if m := s.msgs[chatID][id]; m != nil && s.byBot[chatID][id] {
			out = append(out, *m)
		}
	}
	return out
}

// DeliverWebhook posts u to the webhook set by setWebhook, with its secret
// token, as Telegram does, and returns the HTTP status.
func (s *Server) DeliverWebhook(ctx context.Context, u *models.Update) (int, error) {
	s.mu.Lock()
	if u.ID == 0 {
		s.nextUpdate++
		u.ID = s.nextUpdate
	}
	if u.Message != nil {
		s.storeMessage(u.Message)
	}
	wh := s.webhook
	s.mu.Unlock()
	if wh.url == "" {
		return 0, fmt.Errorf("telegramtest: no webhook set")
	}
	body, err := json.Marshal(u)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, wh.url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	if wh.secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", wh.secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}
