package telegramtest

import (
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"github.com/go-telegram/bot/models"
)

// ChooseInlineResult does what the user who sent inline query queryID does
// by tapping the result resultID of the bot's answer: the result's message
// is sent (to a chat the bot does not see), with its keyboard. It returns
// the inline message id, with which presses of its buttons arrive (see
// PushInlineCallback) and the bot edits it.
func (s *Server) ChooseInlineResult(queryID, resultID string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.inlineResults[queryID] {
		var id string
		_ = json.Unmarshal(r["id"], &id)
		if id != resultID {
			continue
		}
		var content struct {
			MessageText string `json:"message_text"`
			ParseMode   string `json:"parse_mode"`
		}
		if err := json.Unmarshal(r["input_message_content"], &content); err != nil {
			return "", fmt.Errorf("telegramtest: result %s has no text content", resultID)
		}
		plain, ents, err := checkText(content.MessageText, content.ParseMode, "")
		if err != nil {
			return "", err
		}
		m := &models.Message{Text: plain, Entities: ents, Date: int(time.Now().Unix())}
		if raw, ok := r["reply_markup"]; ok {
			if m.ReplyMarkup, err = checkMarkup(string(raw)); err != nil {
				return "", err
			}
		}
		me := s.Me
		m.ViaBot = &me
		msgID := s.newID("im")
		s.inlineMsgs[msgID] = m
		s.notify()
		return msgID, nil
	}
	return "", fmt.Errorf("telegramtest: inline query %s has no result %s", queryID, resultID)
}

// InlineMessage returns the message sent through inline mode with id, as
// it is now (edited).
func (s *Server) InlineMessage(id string) (models.Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.inlineMsgs[id]
	if m == nil {
		return models.Message{}, false
	}
	return *m, true
}

// PushInlineCallback delivers a press by from of the button with data on
// the message sent through inline mode with id inlineMessageID, and
// returns the callback query id. As from Telegram, the query carries no
// message, only the inline message id.
func (s *Server) PushInlineCallback(from models.User, inlineMessageID, data string) string {
	s.mu.Lock()
	id := s.newID("cb")
	s.mu.Unlock()
	s.Push(&models.Update{CallbackQuery: &models.CallbackQuery{ID: id, From: from, InlineMessageID: inlineMessageID, Data: data, ChatInstance: "ci-inline"}})
	return id
}

// editInlineMessage edits a message sent through inline mode; Telegram
// answers true, not the message.
func (s *Server) editInlineMessage(p map[string]string) (bool, error) {
	m := s.inlineMsgs[p["inline_message_id"]]
	if m == nil {
		return false, badRequest("MESSAGE_ID_INVALID")
	}
	plain, ents, err := checkText(p["text"], p["parse_mode"], p["entities"])
	if err != nil {
		return false, err
	}
	kb, err := checkMarkup(p["reply_markup"])
	if err != nil {
		return false, err
	}
	if plain == m.Text && reflect.DeepEqual(ents, m.Entities) && reflect.DeepEqual(kb, m.ReplyMarkup) {
		return false, badRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message")
	}
	m.Text, m.Entities, m.ReplyMarkup = plain, ents, kb
	m.EditDate = int(time.Now().Unix())
	return true, nil
}
