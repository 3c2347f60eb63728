package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-telegram/bot/models"
)

// utf16Range converts an entity's offset and length, counted in UTF-16 code
// units as Telegram counts them, to a byte range of s.
func utf16Range(s string, offset, length int) (start, end int, ok bool) {
	if offset < 0 || length <= 0 {
		return 0, 0, false
	}
	units := 0
	start, end = -1, -1
	for i, r := range s {
		if units == offset {
			start = i
		}
		if units == offset+length {
			end = i
			break
		}
		units += utf16Len(r)
	}
	if start < 0 && units == offset {
		start = len(s)
	}
	if end < 0 && units == offset+length {
		end = len(s)
	}
	if start < 0 || end < 0 || end < start {
		return 0, 0, false
	}
	return start, end, true
}

// parsed is what a message says to the bot.
type parsed struct {
	command   string // the command addressed to this bot, lower case, without "/"
	leading   bool   // the command starts the text
	forOther  bool   // the message's command is addressed to another bot
	mentioned bool   // the message mentions this bot
	rest      string // the text without the command and the mentions of this bot
}

// parse reads the command and mentions of a message's text. Only the first
// bot_command entity counts; "/cmd@other_bot" is not for us.
func parse(text string, ents []models.MessageEntity, me *models.User) parsed {
	var p parsed
	type span struct{ start, end int }
	var cut []span
	sawCommand := false
	for _, e := range ents {
		start, end, ok := utf16Range(text, e.Offset, e.Length)
		if !ok {
			continue
		}
		word := text[start:end]
		switch e.Type {
		case models.MessageEntityTypeBotCommand:
			if sawCommand {
				continue
			}
			sawCommand = true
			name, target, _ := strings.Cut(strings.TrimPrefix(word, "/"), "@")
			if target != "" && !strings.EqualFold(target, me.Username) {
				p.forOther = true
				continue
			}
			p.command = strings.ToLower(name)
			p.leading = strings.TrimSpace(text[:start]) == ""
			cut = append(cut, span{start, end})
		case models.MessageEntityTypeMention:
			if me.Username != "" && strings.EqualFold(strings.TrimPrefix(word, "@"), me.Username) {
				p.mentioned = true
				cut = append(cut, span{start, end})
			}
		case models.MessageEntityTypeTextMention:
			if e.User != nil && e.User.ID == me.ID {
				p.mentioned = true
				cut = append(cut, span{start, end})
			}
		}
	}
	slices.SortFunc(cut, func(a, b span) int { return a.start - b.start })
	var sb strings.Builder
	pos := 0
	for _, c := range cut {
		if c.start < pos {
			continue
		}
		sb.WriteString(text[pos:c.start])
		sb.WriteByte(' ')
		// Drop the punctuation that follows an address: "@bot：问题".
		pos = c.end + len(text[c.end:]) - len(strings.TrimLeftFunc(text[c.end:], isAddressPunct))
	}
	sb.WriteString(text[pos:])
	p.rest = cleanQuestion(sb.String())
	return p
}

// maxQuestionRunes bounds the question passed to the Asker.
const maxQuestionRunes = 300

// cleanQuestion collapses white space, trims the punctuation that often
// follows a mention ("@bot：问题") and bounds the length.
func cleanQuestion(s string) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimFunc(s, isAddressPunct)
	if utf8.RuneCountInString(s) > maxQuestionRunes {
		s = string([]rune(s)[:maxQuestionRunes])
	}
	return s
}

// isAddressPunct matches the white space and punctuation around an address
// or a command.
func isAddressPunct(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(":：,，、", r)
}
