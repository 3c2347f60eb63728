package bot

import (
	"github.com/go-telegram/bot/models"
)

// inlineKeyboard is an inline keyboard of callback buttons. It is used
// instead of models.InlineKeyboardMarkup, whose buttons always carry an empty
// copy_text object that Telegram may refuse.
type inlineKeyboard struct {
	InlineKeyboard [][]inlineButton `json:"inline_keyboard"`
}

// inlineButton is a button that sends callback data.
type inlineButton struct {
	Text         string `json:"text"`
	CallbackData string `json:"callback_data"`
}

// row appends a row of buttons, ignoring an empty one.
func (k *inlineKeyboard) row(buttons ...inlineButton) {
	if len(buttons) > 0 {
		k.InlineKeyboard = append(k.InlineKeyboard, buttons)
	}
}

// markup converts k to a ReplyMarkup, nil (no keyboard) when k has no buttons.
// A typed nil pointer must not reach the library: it would send "null".
func markup(k *inlineKeyboard) models.ReplyMarkup {
	if k == nil || len(k.InlineKeyboard) == 0 {
		return nil
	}
	return k
}
