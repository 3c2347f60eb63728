package bot

import (
	"context"
	"log/slog"

	"github.com/go-telegram/bot/models"
)

// onMessage handles a message in a private chat, group or supergroup.
func (b *Bot) onMessage(ctx context.Context, log *slog.Logger, msg *models.Message) {
	log = log.With("chat_id", msg.Chat.ID, "message_id", msg.ID)
	if msg.From != nil {
		log = log.With("user_id", msg.From.ID)
	}
	if msg.MigrateToChatID != 0 {
		log.Info("group migrated to supergroup", "new_chat_id", msg.MigrateToChatID)
		b.send.migrate(msg.Chat.ID, msg.MigrateToChatID)
		return
	}
	if msg.MigrateFromChatID != 0 {
		log.Info("supergroup migrated from group", "old_chat_id", msg.MigrateFromChatID)
		b.send.migrate(msg.MigrateFromChatID, msg.Chat.ID)
		return
	}
	if b.ignored(msg) {
		return
	}
	switch msg.Chat.Type {
	case models.ChatTypePrivate:
		b.onPrivate(ctx, log, msg)
	case models.ChatTypeGroup, models.ChatTypeSupergroup:
		b.onGroup(ctx, log, msg)
	case models.ChatTypeChannel:
		b.onChannelPost(ctx, log, msg)
	}
}

// ignored reports messages never to answer: the automatic forwards of
// channel posts into a discussion group, the bot's own messages (also those
// sent through its inline mode) and other bots' messages. An anonymous
// admin's or a channel's message comes from a placeholder bot with a
// sender_chat: those count as people.
func (b *Bot) ignored(msg *models.Message) bool {
	switch {
	case msg.IsAutomaticForward:
		return true
	case msg.ViaBot != nil && msg.ViaBot.ID == b.me.ID:
		return true
	case msg.From != nil && msg.From.ID == b.me.ID:
		return true
	case msg.From != nil && msg.From.IsBot && msg.SenderChat == nil:
		return true
	}
	return false
}

// textOf returns a message's text and entities, or its caption's.
func textOf(msg *models.Message) (string, []models.MessageEntity) {
	if msg.Text != "" {
		return msg.Text, msg.Entities
	}
	return msg.Caption, msg.CaptionEntities
}

// hasMedia reports a message carrying something other than text.
func hasMedia(msg *models.Message) bool {
	return len(msg.Photo) > 0 || msg.Sticker != nil || msg.Voice != nil || msg.Video != nil ||
		msg.Audio != nil || msg.Animation != nil || msg.VideoNote != nil
}

// onPrivate handles a private chat, where every text is a question.
func (b *Bot) onPrivate(ctx context.Context, log *slog.Logger, msg *models.Message) {
	if msg.Document != nil {
		b.onDocument(ctx, log, msg)
		return
	}
	text, ents := textOf(msg)
	if text == "" {
		if hasMedia(msg) {
			b.notice(ctx, log, msg, textTextOnly)
		}
		return
	}
	p := parse(text, ents, b.me)
	if p.forOther {
		return
	}
	switch p.command {
	case "":
		b.ask(ctx, log, msg, p.rest)
	case "start", "help":
		b.sendHelp(ctx, log, msg)
	case "ask":
		b.ask(ctx, log, msg, p.rest)
	case "reindex", "reports", "remove", "feedback", "alias", "unalias":
		b.onAdminCommand(ctx, log, msg, p.command, p.rest)
	default:
		b.notice(ctx, log, msg, "没有这个命令。直接发送问题即可，或看看 /help")
	}
}

// onGroup handles a group, where the bot answers only what is addressed to
// it: its commands, mentions of it and replies to its messages.
func (b *Bot) onGroup(ctx context.Context, log *slog.Logger, msg *models.Message) {
	text, ents := textOf(msg)
	if text == "" {
		return
	}
	p := parse(text, ents, b.me)
	replyToMe := msg.ReplyToMessage != nil && msg.ReplyToMessage.From != nil && msg.ReplyToMessage.From.ID == b.me.ID
	if p.forOther && !p.mentioned {
		return // "/ask@other_bot …"
	}
	switch p.command {
	case "ask":
		b.ask(ctx, log, msg, p.rest)
		return
	case "start", "help":
		b.sendHelp(ctx, log, msg)
		return
	case "reindex", "reports", "remove", "feedback", "alias", "unalias":
		b.onAdminCommand(ctx, log, msg, p.command, p.rest)
		return
	}
	if p.mentioned || replyToMe {
		b.ask(ctx, log, msg, p.rest)
	}
}

// onChannelPost handles a channel post: one that starts with /ask or
// mentions the bot is answered with a reply in the channel, one that starts
// with an admin command gets a pointer to the private chat. (A channel has
// no chatter to tell apart, so /ask in mid-post is taken as text.)
func (b *Bot) onChannelPost(ctx context.Context, log *slog.Logger, msg *models.Message) {
	log = log.With("chat_id", msg.Chat.ID, "message_id", msg.ID)
	text, ents := textOf(msg)
	if text == "" {
		return
	}
	p := parse(text, ents, b.me)
	switch {
	case p.leading && !p.forOther && adminCommands[p.command]:
		b.onAdminCommand(ctx, log, msg, p.command, p.rest) // a pointer to the private chat
	case (p.command == "ask" && p.leading) || p.mentioned:
		b.ask(ctx, log, msg, p.rest)
	}
}

// sendHelp answers /start and /help, with buttons that ask the examples.
func (b *Bot) sendHelp(ctx context.Context, log *slog.Logger, msg *models.Message) {
	kb := &inlineKeyboard{}
	for i, q := range examples {
		kb.row(inlineButton{Text: q, CallbackData: exampleData(i)})
	}
	if _, err := b.sendHTML(ctx, replyTarget(msg), renderHelp(b.me.Username), kb); err != nil {
		log.Error("send help", "err", err)
	}
}

// reply sends a short HTML text, logging a failure.
func (b *Bot) reply(ctx context.Context, log *slog.Logger, to target, html string) *models.Message {
	m, err := b.sendHTML(ctx, to, html, nil)
	if err != nil {
		log.Error("send reply", "err", err)
	}
	return m
}

// askerID is who a question counts against for the rate limit: the user,
// or the chat a message was sent on behalf of.
func askerID(msg *models.Message) int64 {
	if msg.SenderChat != nil {
		return msg.SenderChat.ID
	}
	if msg.From != nil {
		return msg.From.ID
	}
	return msg.Chat.ID
}
