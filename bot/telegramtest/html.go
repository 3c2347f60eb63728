package telegramtest

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-telegram/bot/models"
)

// htmlTags are the tags of Telegram's HTML parse mode, with their entity
// types.
var htmlTags = map[string]models.MessageEntityType{
	"b": models.MessageEntityTypeBold, "strong": models.MessageEntityTypeBold,
	"i": models.MessageEntityTypeItalic, "em": models.MessageEntityTypeItalic,
	"u": models.MessageEntityTypeUnderline, "ins": models.MessageEntityTypeUnderline,
	"s": models.MessageEntityTypeStrikethrough, "strike": models.MessageEntityTypeStrikethrough, "del": models.MessageEntityTypeStrikethrough,
	"a":          models.MessageEntityTypeTextLink,
	"code":       models.MessageEntityTypeCode,
	"pre":        models.MessageEntityTypePre,
	"blockquote": models.MessageEntityTypeBlockquote,
	"tg-spoiler": models.MessageEntityTypeSpoiler,
	"span":       models.MessageEntityTypeSpoiler,
	"tg-emoji":   models.MessageEntityTypeCustomEmoji,
}

// ParseHTML parses text in Telegram's HTML parse mode as Telegram does,
// returning the plain text and its entities (offsets in UTF-16 units), or
// the error Telegram would give after "Bad Request: can't parse entities: ".
func ParseHTML(text string) (string, []models.MessageEntity, error) {
	if !utf8.ValidString(text) {
		return "", nil, fmt.Errorf("text must be encoded in UTF-8")
	}
	type open struct {
		name   string
		offset int // UTF-16 offset in the plain text
		entity models.MessageEntity
	}
	var (
		plain strings.Builder
		units int
		stack []open
		ents  []models.MessageEntity
	)
	for i := 0; i < len(text); {
		c := text[i]
		switch c {
		case '<':
			end := strings.IndexByte(text[i:], '>')
			if end < 0 {
				return "", nil, fmt.Errorf("Unclosed start tag at byte offset %d", i)
			}
			inner := text[i+1 : i+end]
			if name, ok := strings.CutPrefix(inner, "/"); ok {
				name = strings.ToLower(strings.TrimSpace(name))
				if len(stack) == 0 {
					return "", nil, fmt.Errorf("Unexpected end tag at byte offset %d", i)
				}
				top := stack[len(stack)-1]
				if top.name != name {
					return "", nil, fmt.Errorf("Unmatched end tag at byte offset %d, expected \"</%s>\", found \"</%s>\"", i, top.name, name)
				}
				stack = stack[:len(stack)-1]
				if length := units - top.offset; length > 0 {
					e := top.entity
					e.Offset, e.Length = top.offset, length
					ents = append(ents, e)
				}
			} else {
				e, name, err := parseStartTag(inner, i)
				if err != nil {
					return "", nil, err
				}
				stack = append(stack, open{name: name, offset: units, entity: e})
			}
			i += end + 1
		case '&':
			r, n, err := parseEntity(text[i:], i)
			if err != nil {
				return "", nil, err
			}
			plain.WriteRune(r)
			units += utf16Len(r)
			i += n
		default:
			r, n := utf8.DecodeRuneInString(text[i:])
			plain.WriteRune(r)
			units += utf16Len(r)
			i += n
		}
	}
	if len(stack) > 0 {
		return "", nil, fmt.Errorf("Can't find end tag corresponding to start tag \"%s\"", stack[len(stack)-1].name)
	}
	return plain.String(), ents, nil
}

// parseStartTag reads the inside of a start tag such as `a href="…"`.
func parseStartTag(inner string, at int) (models.MessageEntity, string, error) {
	name, attrText, _ := strings.Cut(strings.TrimSpace(inner), " ")
	name = strings.ToLower(name)
	typ, ok := htmlTags[name]
	if !ok || strings.HasSuffix(inner, "/") {
		return models.MessageEntity{}, "", fmt.Errorf("Unsupported start tag \"%s\" at byte offset %d", name, at)
	}
	attrs, err := parseAttrs(attrText, at)
	if err != nil {
		return models.MessageEntity{}, "", err
	}
	e := models.MessageEntity{Type: typ}
	for k, v := range attrs {
		switch {
		case name == "a" && k == "href":
			e.URL = v
		case name == "code" && k == "class":
		case name == "pre" && k == "class":
		case name == "blockquote" && k == "expandable":
			e.Type = models.MessageEntityTypeExpandableBlockquote
		case name == "span" && k == "class" && v == "tg-spoiler":
		case name == "tg-emoji" && k == "emoji-id":
			e.CustomEmojiID = v
		default:
			return e, "", fmt.Errorf("Unsupported attribute \"%s\" of tag \"%s\" at byte offset %d", k, name, at)
		}
	}
	switch {
	case name == "a" && e.URL == "":
		return e, "", fmt.Errorf("Tag \"a\" must have attribute \"href\" at byte offset %d", at)
	case name == "span" && attrs["class"] != "tg-spoiler":
		return e, "", fmt.Errorf("Tag \"span\" must have class \"tg-spoiler\" at byte offset %d", at)
	case name == "tg-emoji" && e.CustomEmojiID == "":
		return e, "", fmt.Errorf("Tag \"tg-emoji\" must have attribute \"emoji-id\" at byte offset %d", at)
	}
	return e, name, nil
}

// parseAttrs reads name="value" pairs; values may be single-, double- or
// unquoted, and a bare name is a boolean attribute.
func parseAttrs(s string, at int) (map[string]string, error) {
	attrs := map[string]string{}
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		j := strings.IndexAny(s, "= ")
		if j < 0 {
			attrs[strings.ToLower(s)] = ""
			break
		}
		name := strings.ToLower(s[:j])
		if s[j] == ' ' {
			attrs[name] = ""
			s = s[j:]
			continue
		}
		s = s[j+1:]
		var val string
		if s != "" && (s[0] == '"' || s[0] == '\'') {
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				return nil, fmt.Errorf("Unclosed attribute value at byte offset %d", at)
			}
			val, s = s[1:1+end], s[2+end:]
		} else {
			val, s, _ = strings.Cut(s, " ")
		}
		decoded, err := decodeEntities(val, at)
		if err != nil {
			return nil, err
		}
		attrs[name] = decoded
	}
	return attrs, nil
}

func decodeEntities(s string, at int) (string, error) {
	var sb strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '&' {
			sb.WriteByte(s[i])
			i++
			continue
		}
		r, n, err := parseEntity(s[i:], at)
		if err != nil {
			return "", err
		}
		sb.WriteRune(r)
		i += n
	}
	return sb.String(), nil
}

// parseEntity reads the HTML entity at the start of s: &lt; &gt; &amp;
// &quot; or a numeric one.
func parseEntity(s string, at int) (rune, int, error) {
	end := strings.IndexByte(s, ';')
	if end < 0 || end > 12 {
		return 0, 0, fmt.Errorf("Character '&' at byte offset %d must be escaped as &amp;", at)
	}
	name := s[1:end]
	switch name {
	case "lt":
		return '<', end + 1, nil
	case "gt":
		return '>', end + 1, nil
	case "amp":
		return '&', end + 1, nil
	case "quot":
		return '"', end + 1, nil
	}
	if num, ok := strings.CutPrefix(name, "#"); ok {
		base := 10
		if hex, ok := strings.CutPrefix(strings.ToLower(num), "x"); ok {
			num, base = hex, 16
		}
		if v, err := strconv.ParseInt(num, base, 32); err == nil && utf8.ValidRune(rune(v)) && v != 0 {
			return rune(v), end + 1, nil
		}
	}
	return 0, 0, fmt.Errorf("Unsupported HTML entity \"&%s;\" at byte offset %d", name, at)
}
