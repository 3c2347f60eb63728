package telegramtest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-telegram/bot/models"
)

// Limits Telegram enforces.
const (
	MaxTextUnits        = 4096 // a message's text after entity parsing, UTF-16 units
	MaxCallbackData     = 64   // bytes
	MaxInlineResults    = 50
	MaxCallbackAnswer   = 200 // characters of an answerCallbackQuery text
	MaxDownloadBytes    = 20 << 20
	maxCommands         = 100
	maxCommandDescRunes = 256
)

var (
	commandRE = regexp.MustCompile(`^[a-z0-9_]{1,32}$`)
	secretRE  = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)
)

type badRequest string

func (e badRequest) Error() string { return "Bad Request: " + string(e) }

// call runs a Bot API method other than getUpdates. Call with s.mu held.
func (s *Server) call(method string, p map[string]string) (int, map[string]any) {
	var result any
	var err error
	switch method {
	case "getme":
		result = s.Me
	case "sendmessage":
		result, err = s.sendMessage(p)
	case "editmessagetext":
		if p["inline_message_id"] != "" {
			result, err = s.editInlineMessage(p)
		} else {
			result, err = s.editMessageText(p)
		}
	case "answercallbackquery":
		result, err = s.answerCallbackQuery(p)
	case "answerinlinequery":
		result, err = s.answerInlineQuery(p)
	case "setmycommands":
		result, err = s.setMyCommands(p)
	case "setwebhook":
		result, err = s.setWebhook(p)
	case "deletewebhook":
		s.webhook = webhook{}
		if p["drop_pending_updates"] == "true" {
			s.updates = nil
		}
		result = true
	case "getwebhookinfo":
		result = map[string]any{"url": s.webhook.url, "pending_update_count": len(s.updates)}
	case "getfile":
		result, err = s.getFile(p)
	case "sendchataction":
		result, err = s.sendChatAction(p)
	default:
		return http.StatusNotFound, apiError(http.StatusNotFound, "Not Found", nil)
	}
	if err != nil {
		return http.StatusBadRequest, apiError(http.StatusBadRequest, err.Error(), nil)
	}
	return http.StatusOK, apiOK(result)
}

// getUpdates answers the pending updates from offset on, waiting up to the
// requested timeout, bounded by LongPoll, for one to arrive.
func (s *Server) getUpdates(r *http.Request, p map[string]string) (int, map[string]any) {
	offset, _ := strconv.ParseInt(p["offset"], 10, 64)
	timeout, _ := strconv.Atoi(p["timeout"])
	limit, _ := strconv.Atoi(p["limit"])
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	wait := min(time.Duration(timeout)*time.Second, s.LongPoll)
	deadline := time.NewTimer(wait)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		if s.webhook.url != "" {
			s.mu.Unlock()
			return http.StatusConflict, apiError(http.StatusConflict, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first", nil)
		}
		if offset > 0 { // confirms the updates before offset
			k := 0
			for k < len(s.updates) && s.updates[k].id < offset {
				k++
			}
			s.updates = s.updates[k:]
		}
		var out []json.RawMessage
		for _, u := range s.updates {
			if len(out) < limit {
				out = append(out, u.raw)
			}
		}
		ch := s.changed
		s.mu.Unlock()
		if len(out) > 0 {
			return http.StatusOK, apiOK(out)
		}
		select {
		case <-ch:
		case <-deadline.C:
			return http.StatusOK, apiOK([]json.RawMessage{})
		case <-r.Context().Done():
			return http.StatusOK, apiOK([]json.RawMessage{})
		}
	}
}

// chatID reads a chat_id parameter of a chat the bot knows.
func (s *Server) chatID(p map[string]string) (int64, error) {
	id, err := strconv.ParseInt(p["chat_id"], 10, 64)
	if err != nil || id == 0 {
		return 0, badRequest("chat not found")
	}
	if _, ok := s.chats[id]; !ok {
		return 0, badRequest("chat not found")
	}
	return id, nil
}

// text checks and parses a message text in its parse mode.
func checkText(text, parseMode, entities string) (string, []models.MessageEntity, error) {
	var plain string
	var ents []models.MessageEntity
	switch strings.ToLower(parseMode) {
	case "html":
		var err error
		plain, ents, err = ParseHTML(text)
		if err != nil {
			return "", nil, badRequest("can't parse entities: " + err.Error())
		}
	case "":
		if !utf8.ValidString(text) {
			return "", nil, badRequest("text must be encoded in UTF-8")
		}
		plain = text
		if entities != "" {
			if err := json.Unmarshal([]byte(entities), &ents); err != nil {
				return "", nil, badRequest("can't parse entities JSON object")
			}
		}
	default:
		// MarkdownV2 and Markdown are not modelled.
		return "", nil, badRequest("unsupported parse_mode " + parseMode + " in telegramtest")
	}
	if strings.TrimSpace(plain) == "" {
		return "", nil, badRequest("message text is empty")
	}
	if UTF16Len(plain) > MaxTextUnits {
		return "", nil, badRequest("message is too long")
	}
	return plain, ents, nil
}

// keyboard checks an inline keyboard as Telegram does.
func checkMarkup(raw string) (*models.InlineKeyboardMarkup, error) {
	if raw == "" {
		return nil, nil
	}
	var m struct {
		InlineKeyboard *[][]map[string]json.RawMessage `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return nil, badRequest("can't parse reply keyboard markup JSON object")
	}
	if m.InlineKeyboard == nil {
		return nil, badRequest("telegramtest models inline keyboards only")
	}
	out := &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{}}
	for _, row := range *m.InlineKeyboard {
		var outRow []models.InlineKeyboardButton
		for _, btn := range row {
			var text string
			if json.Unmarshal(btn["text"], &text) != nil || text == "" {
				return nil, badRequest("can't parse inline keyboard button: Text must be non-empty")
			}
			actions := 0
			var b models.InlineKeyboardButton
			b.Text = text
			for k, v := range btn {
				switch k {
				case "text":
				case "callback_data":
					actions++
					if json.Unmarshal(v, &b.CallbackData) != nil || len(b.CallbackData) < 1 || len(b.CallbackData) > MaxCallbackData {
						return nil, badRequest("BUTTON_DATA_INVALID")
					}
				case "copy_text":
					actions++
					var ct models.CopyTextButton
					if json.Unmarshal(v, &ct) != nil || ct.Text == "" {
						return nil, badRequest("BUTTON_COPY_TEXT_INVALID")
					}
					b.CopyText = ct
				case "url":
					actions++
					if json.Unmarshal(v, &b.URL) != nil || b.URL == "" {
						return nil, badRequest("BUTTON_URL_INVALID")
					}
				case "switch_inline_query", "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "login_url", "web_app", "callback_game", "pay":
					actions++
				case "icon_custom_emoji_id", "style":
				default:
					return nil, badRequest("can't parse inline keyboard button: unknown field " + k)
				}
			}
			if actions != 1 {
				return nil, badRequest("can't parse inline keyboard button: exactly one of the optional fields must be used")
			}
			outRow = append(outRow, b)
		}
		out.InlineKeyboard = append(out.InlineKeyboard, outRow)
	}
	return out, nil
}

// newMessage stores a message in chat and returns it. Call with s.mu held.
func (s *Server) storeMessage(m *models.Message) {
	if s.msgs[m.Chat.ID] == nil {
		s.msgs[m.Chat.ID] = map[int]*models.Message{}
	}
	s.msgs[m.Chat.ID][m.ID] = m
	if m.ID > s.nextMsg[m.Chat.ID] {
		s.nextMsg[m.Chat.ID] = m.ID
	}
	s.chats[m.Chat.ID] = m.Chat
}

func (s *Server) sendMessage(p map[string]string) (*models.Message, error) {
	chatID, err := s.chatID(p)
	if err != nil {
		return nil, err
	}
	plain, ents, err := checkText(p["text"], p["parse_mode"], p["entities"])
	if err != nil {
		return nil, err
	}
	kb, err := checkMarkup(p["reply_markup"])
	if err != nil {
		return nil, err
	}
	chat := s.chats[chatID]
	m := &models.Message{
		ID:          s.nextMsg[chatID] + 1,
		Chat:        chat,
		Date:        int(time.Now().Unix()),
		Text:        plain,
		Entities:    ents,
		ReplyMarkup: kb,
	}
	if chat.Type == models.ChatTypeChannel {
		m.SenderChat = &chat
	} else {
		me := s.Me
		m.From = &me
	}
	if t := p["message_thread_id"]; t != "" {
		m.MessageThreadID, _ = strconv.Atoi(t)
		m.IsTopicMessage = chat.IsForum
	}
	if raw := p["reply_parameters"]; raw != "" {
		var rp models.ReplyParameters
		if err := json.Unmarshal([]byte(raw), &rp); err != nil || rp.MessageID <= 0 {
			return nil, badRequest("can't parse reply parameters JSON object")
		}
		replied := s.msgs[chatID][rp.MessageID]
		if replied == nil && !rp.AllowSendingWithoutReply {
			return nil, badRequest("message to be replied not found")
		}
		if replied != nil {
			cp := *replied
			cp.ReplyToMessage = nil
			m.ReplyToMessage = &cp
		}
	}
	s.storeMessage(m)
	if s.byBot[chatID] == nil {
		s.byBot[chatID] = map[int]bool{}
	}
	s.byBot[chatID][m.ID] = true
	return m, nil
}

func (s *Server) editMessageText(p map[string]string) (*models.Message, error) {
	if p["inline_message_id"] != "" {
		return nil, badRequest("telegramtest does not model inline messages")
	}
	chatID, err := s.chatID(p)
	if err != nil {
		return nil, err
	}
	id, _ := strconv.Atoi(p["message_id"])
	m := s.msgs[chatID][id]
	if m == nil {
		return nil, badRequest("message to edit not found")
	}
	if !s.byBot[chatID][id] {
		return nil, badRequest("message can't be edited")
	}
	plain, ents, err := checkText(p["text"], p["parse_mode"], p["entities"])
	if err != nil {
		return nil, err
	}
	kb, err := checkMarkup(p["reply_markup"])
	if err != nil {
		return nil, err
	}
	if plain == m.Text && reflect.DeepEqual(ents, m.Entities) && reflect.DeepEqual(kb, m.ReplyMarkup) {
		return nil, badRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message")
	}
	m.Text, m.Entities, m.ReplyMarkup = plain, ents, kb
	m.EditDate = int(time.Now().Unix())
	cp := *m
	return &cp, nil
}

// chatActions are the actions sendChatAction accepts.
var chatActions = map[string]bool{
	"typing": true, "upload_photo": true, "record_video": true, "upload_video": true,
	"record_voice": true, "upload_voice": true, "upload_document": true, "choose_sticker": true,
	"find_location": true, "record_video_note": true, "upload_video_note": true,
}

func (s *Server) sendChatAction(p map[string]string) (bool, error) {
	if _, err := s.chatID(p); err != nil {
		return false, err
	}
	if !chatActions[p["action"]] {
		return false, badRequest("wrong parameter action in request")
	}
	return true, nil
}

func (s *Server) answerCallbackQuery(p map[string]string) (bool, error) {
	id := p["callback_query_id"]
	answered, known := s.callbacks[id]
	if !known || answered {
		return false, badRequest("query is too old and response timeout expired or query ID is invalid")
	}
	if utf8.RuneCountInString(p["text"]) > MaxCallbackAnswer {
		return false, badRequest("MESSAGE_TOO_LONG")
	}
	s.callbacks[id] = true
	return true, nil
}

func (s *Server) answerInlineQuery(p map[string]string) (bool, error) {
	id := p["inline_query_id"]
	answered, known := s.inline[id]
	if !known || answered {
		return false, badRequest("query is too old and response timeout expired or query ID is invalid")
	}
	var results []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(p["results"]), &results); err != nil {
		return false, badRequest("can't parse JSON encoded web app query results")
	}
	if len(results) > MaxInlineResults {
		return false, badRequest("RESULTS_TOO_MUCH")
	}
	seen := map[string]bool{}
	for _, r := range results {
		var typ, rid, title string
		_ = json.Unmarshal(r["type"], &typ)
		_ = json.Unmarshal(r["id"], &rid)
		_ = json.Unmarshal(r["title"], &title)
		if typ == "" {
			return false, badRequest("RESULT_TYPE_INVALID")
		}
		if rid == "" || len(rid) > 64 || seen[rid] {
			return false, badRequest("RESULT_ID_INVALID")
		}
		seen[rid] = true
		if typ == "article" {
			if title == "" {
				return false, badRequest("RESULT_TITLE_EMPTY")
			}
			var content struct {
				MessageText string `json:"message_text"`
				ParseMode   string `json:"parse_mode"`
			}
			if json.Unmarshal(r["input_message_content"], &content) != nil {
				return false, badRequest("can't parse input message content")
			}
			if _, _, err := checkText(content.MessageText, content.ParseMode, ""); err != nil {
				return false, err
			}
		}
		if raw, ok := r["reply_markup"]; ok {
			if _, err := checkMarkup(string(raw)); err != nil {
				return false, err
			}
		}
	}
	s.inline[id] = true
	s.inlineResults[id] = results
	return true, nil
}

func (s *Server) setMyCommands(p map[string]string) (bool, error) {
	var cmds []models.BotCommand
	if err := json.Unmarshal([]byte(p["commands"]), &cmds); err != nil {
		return false, badRequest("can't parse commands JSON object")
	}
	if len(cmds) > maxCommands {
		return false, badRequest("too many commands")
	}
	for _, c := range cmds {
		if !commandRE.MatchString(c.Command) {
			return false, badRequest("BOT_COMMAND_INVALID")
		}
		if n := utf8.RuneCountInString(c.Description); n < 1 || n > maxCommandDescRunes {
			return false, badRequest("BOT_COMMAND_DESCRIPTION_INVALID")
		}
	}
	scope := `{"type":"default"}`
	if raw := p["scope"]; raw != "" {
		var sc struct {
			Type   string `json:"type"`
			ChatID int64  `json:"chat_id"`
		}
		if err := json.Unmarshal([]byte(raw), &sc); err != nil || sc.Type == "" {
			return false, badRequest("can't parse BotCommandScope JSON object")
		}
		if sc.Type == "chat" || sc.Type == "chat_administrators" || sc.Type == "chat_member" {
			if _, ok := s.chats[sc.ChatID]; !ok {
				return false, badRequest("chat not found")
			}
		}
		scope = raw
	}
	s.commands[scope] = cmds
	return true, nil
}

func (s *Server) setWebhook(p map[string]string) (bool, error) {
	raw := p["url"]
	if raw == "" {
		s.webhook = webhook{}
		return true, nil
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return false, badRequest("bad webhook: invalid URL")
	}
	// Telegram wants HTTPS; plain HTTP is allowed to loopback so tests can
	// run a webhook server.
	if u.Scheme != "https" && !(u.Scheme == "http" && (u.Hostname() == "127.0.0.1" || u.Hostname() == "localhost" || u.Hostname() == "::1")) {
		return false, badRequest("bad webhook: An HTTPS URL must be provided for webhook")
	}
	secret := p["secret_token"]
	if secret != "" && !secretRE.MatchString(secret) {
		return false, badRequest("secret token contains unallowed characters")
	}
	var allowed []string
	if a := p["allowed_updates"]; a != "" {
		if err := json.Unmarshal([]byte(a), &allowed); err != nil {
			return false, badRequest("can't parse allowed updates")
		}
	}
	s.webhook = webhook{url: raw, secret: secret, allowed: allowed}
	return true, nil
}

func (s *Server) getFile(p map[string]string) (*models.File, error) {
	f := s.files[p["file_id"]]
	if f == nil {
		return nil, badRequest("invalid file_id")
	}
	if len(f.data) > MaxDownloadBytes {
		return nil, badRequest("file is too big")
	}
	return &models.File{FileID: f.id, FileUniqueID: "u" + f.id, FileSize: int64(len(f.data)), FilePath: f.path}, nil
}

// Commands returns the command menu set for a scope, given as the scope's
// JSON (`{"type":"default"}` for the default scope).
func (s *Server) Commands(scope string) []models.BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.commands[scope]
}

// Webhook returns the webhook URL and secret token set by setWebhook.
func (s *Server) Webhook() (url, secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.webhook.url, s.webhook.secret
}
