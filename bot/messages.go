package bot

import (
	"context"
	"strings"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// target is where a reply goes.
type target struct {
	chatID   int64
	threadID int    // the forum topic, 0 for none
	replyTo  int    // the message replied to, 0 for none
	chatType string // private, group, supergroup or channel, for the feedback log
}

// replyTarget answers msg: threaded (reply_parameters) except in private
// chats, in msg's forum topic if it has one.
func replyTarget(msg *models.Message) target {
	t := target{chatID: msg.Chat.ID, chatType: string(msg.Chat.Type)}
	if msg.Chat.Type != models.ChatTypePrivate {
		t.replyTo = msg.ID
	}
	if msg.IsTopicMessage {
		t.threadID = msg.MessageThreadID
	}
	return t
}

// sendHTML sends html, split into several messages if it is too long; the
// keyboard goes with the last one, which is returned.
func (b *Bot) sendHTML(ctx context.Context, to target, html string, kb *inlineKeyboard) (*models.Message, error) {
	return b.sendParts(ctx, to, splitHTML(html, maxMessageUnits), kb)
}

func (b *Bot) sendParts(ctx context.Context, to target, parts []string, kb *inlineKeyboard) (*models.Message, error) {
	var last *models.Message
	for i, part := range parts {
		params := &bot.SendMessageParams{
			Text:               part,
			ParseMode:          models.ParseModeHTML,
			MessageThreadID:    to.threadID,
			LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: bot.True()},
		}
		if i == 0 && to.replyTo != 0 {
			params.ReplyParameters = &models.ReplyParameters{MessageID: to.replyTo, AllowSendingWithoutReply: true}
		}
		if i == len(parts)-1 {
			params.ReplyMarkup = markup(kb)
		}
		err := b.send.do(ctx, to.chatID, "sendMessage", func(ctx context.Context, chatID int64) error {
			params.ChatID = chatID
			m, err := b.tg.SendMessage(ctx, params)
			if err == nil {
				last = m
			}
			return err
		})
		if err != nil {
			return last, err
		}
	}
	return last, nil
}

// editHTML replaces the text and keyboard of the bot's message msgID. Text
// too long for one message continues in new messages (replies to it), the
// last of which gets the keyboard.
func (b *Bot) editHTML(ctx context.Context, chatID int64, msgID int, html string, kb *inlineKeyboard) error {
	parts := splitHTML(html, maxMessageUnits)
	if len(parts) == 0 {
		return nil
	}
	params := &bot.EditMessageTextParams{
		MessageID:          msgID,
		Text:               parts[0],
		ParseMode:          models.ParseModeHTML,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: bot.True()},
	}
	if len(parts) == 1 {
		params.ReplyMarkup = markup(kb)
	}
	err := b.send.do(ctx, chatID, "editMessageText", func(ctx context.Context, chatID int64) error {
		params.ChatID = chatID
		_, err := b.tg.EditMessageText(ctx, params)
		if notModified(err) {
			return nil
		}
		return err
	})
	if err != nil || len(parts) == 1 {
		return err
	}
	_, err = b.sendParts(ctx, target{chatID: chatID, replyTo: msgID}, parts[1:], kb)
	return err
}

// notModified reports Telegram's refusal of an edit that changes nothing.
func notModified(err error) bool {
	return err != nil && strings.Contains(err.Error(), "message is not modified")
}

// answerCallback answers a callback query, with a toast when text is set.
func (b *Bot) answerCallback(ctx context.Context, queryID, text string) {
	err := b.send.do(ctx, 0, "answerCallbackQuery", func(ctx context.Context, _ int64) error {
		_, err := b.tg.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: queryID, Text: text})
		return err
	})
	if err != nil {
		b.log.Warn("answer callback query", "err", err)
	}
}
