package telegramtest

import (
	"unicode"
	"unicode/utf8"

	"github.com/go-telegram/bot/models"
)

func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// UTF16Len is the length of s in UTF-16 code units, as Telegram counts.
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16Len(r)
	}
	return n
}

func isWordRune(r rune) bool {
	return r == '_' || (r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)))
}

// Entities finds the bot_command ("/cmd", "/cmd@bot") and mention ("@name")
// entities of a user's text as Telegram's clients and servers mark them,
// with offsets and lengths in UTF-16 code units.
func Entities(text string) []models.MessageEntity {
	runes := []rune(text)
	offsets := make([]int, len(runes)+1) // UTF-16 offset of each rune
	for i, r := range runes {
		offsets[i+1] = offsets[i] + utf16Len(r)
	}
	word := func(i, max int) int { // the end of a run of word characters from i
		j := i
		for j < len(runes) && j-i < max && isWordRune(runes[j]) {
			j++
		}
		return j
	}
	var ents []models.MessageEntity
	for i := 0; i < len(runes); i++ {
		startOK := i == 0 || !isWordRune(runes[i-1]) && runes[i-1] != '/' && runes[i-1] != '@'
		if !startOK {
			continue
		}
		switch runes[i] {
		case '/':
			if i > 0 && !unicode.IsSpace(runes[i-1]) {
				continue
			}
			end := word(i+1, 32)
			if end == i+1 || (end < len(runes) && isWordRune(runes[end])) {
				continue
			}
			if end < len(runes) && runes[end] == '@' {
				if u := word(end+1, 32); u-(end+1) >= 5 {
					end = u
				}
			}
			ents = append(ents, models.MessageEntity{Type: models.MessageEntityTypeBotCommand, Offset: offsets[i], Length: offsets[end] - offsets[i]})
			i = end - 1
		case '@':
			end := word(i+1, 32)
			if end-(i+1) < 5 || (end < len(runes) && isWordRune(runes[end])) {
				continue
			}
			ents = append(ents, models.MessageEntity{Type: models.MessageEntityTypeMention, Offset: offsets[i], Length: offsets[end] - offsets[i]})
			i = end - 1
		}
	}
	return ents
}
