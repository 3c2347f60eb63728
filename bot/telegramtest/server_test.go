package telegramtest_test

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"planbot/bot/telegramtest"
)

func client(t *testing.T, s *telegramtest.Server) *bot.Bot {
	t.Helper()
	b, err := bot.New(s.Token, bot.WithServerURL(s.URL), bot.WithSkipGetMe())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var chat = models.Chat{ID: 7, Type: models.ChatTypePrivate}

// The server refuses what Telegram refuses, with Telegram's descriptions.
func TestSendMessageEnforced(t *testing.T) {
	s := telegramtest.NewServer()
	defer s.Close()
	s.AddChat(chat)
	b := client(t, s)
	ctx := context.Background()
	cases := []struct {
		name   string
		params bot.SendMessageParams
		want   string // "" for success
	}{
		{"plain", bot.SendMessageParams{Text: "你好"}, ""},
		{"html", bot.SendMessageParams{Text: `<b>粗</b><i>斜</i><a href="https://x.org/?a=1&amp;b=2">链</a><span class="tg-spoiler">s</span><blockquote expandable>q</blockquote>&lt;&gt;&amp;&quot;&#39;&#x1F600;`, ParseMode: models.ParseModeHTML}, ""},
		{"unknown tag", bot.SendMessageParams{Text: "<div>x</div>", ParseMode: models.ParseModeHTML}, "can't parse entities"},
		{"unclosed tag", bot.SendMessageParams{Text: "<b>x", ParseMode: models.ParseModeHTML}, "can't parse entities"},
		{"crossed tags", bot.SendMessageParams{Text: "<b><i>x</b></i>", ParseMode: models.ParseModeHTML}, "can't parse entities"},
		{"bare <", bot.SendMessageParams{Text: "a < b", ParseMode: models.ParseModeHTML}, "can't parse entities"},
		{"html.EscapeString's &#34; is fine but &apos; is not", bot.SendMessageParams{Text: "&apos;", ParseMode: models.ParseModeHTML}, "can't parse entities"},
		{"bare &", bot.SendMessageParams{Text: "A & B", ParseMode: models.ParseModeHTML}, "can't parse entities"},
		{"span without class", bot.SendMessageParams{Text: "<span>x</span>", ParseMode: models.ParseModeHTML}, "can't parse entities"},
		{"empty", bot.SendMessageParams{Text: " <b> </b>", ParseMode: models.ParseModeHTML}, "message text is empty"},
		{"4096 CJK", bot.SendMessageParams{Text: strings.Repeat("字", 4096)}, ""},
		{"4096 after entities", bot.SendMessageParams{Text: "<b>" + strings.Repeat("&amp;", 4096) + "</b>", ParseMode: models.ParseModeHTML}, ""},
		{"4097", bot.SendMessageParams{Text: strings.Repeat("字", 4097)}, "message is too long"},
		{"emoji count twice", bot.SendMessageParams{Text: strings.Repeat("😀", 2049)}, "message is too long"},
		{"callback data 64", bot.SendMessageParams{Text: "x", ReplyMarkup: map[string]any{"inline_keyboard": [][]map[string]string{{{"text": "b", "callback_data": strings.Repeat("d", 64)}}}}}, ""},
		{"callback data 65", bot.SendMessageParams{Text: "x", ReplyMarkup: map[string]any{"inline_keyboard": [][]map[string]string{{{"text": "b", "callback_data": strings.Repeat("d", 65)}}}}}, "BUTTON_DATA_INVALID"},
		{"empty callback data", bot.SendMessageParams{Text: "x", ReplyMarkup: map[string]any{"inline_keyboard": [][]map[string]string{{{"text": "b", "callback_data": ""}}}}}, "BUTTON_DATA_INVALID"},
		// The library's own button type always carries an empty copy_text.
		{"library button", bot.SendMessageParams{Text: "x", ReplyMarkup: models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "b", CallbackData: "d"}}}}}, "BUTTON_COPY_TEXT_INVALID"},
		{"unknown chat", bot.SendMessageParams{ChatID: int64(99), Text: "x"}, "chat not found"},
		{"reply to a missing message", bot.SendMessageParams{Text: "x", ReplyParameters: &models.ReplyParameters{MessageID: 999}}, "message to be replied not found"},
		{"reply allowed without", bot.SendMessageParams{Text: "x", ReplyParameters: &models.ReplyParameters{MessageID: 999, AllowSendingWithoutReply: true}}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := c.params
			if p.ChatID == nil {
				p.ChatID = chat.ID
			}
			_, err := b.SendMessage(ctx, &p)
			switch {
			case c.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("err = %v, want %q", err, c.want)
			}
		})
	}
	sent := s.Sent(chat.ID)
	if len(sent) == 0 || sent[1].Text != "粗斜链sq<>&\"'😀" {
		t.Fatalf("html message stored as %q", sent[1].Text)
	}
	var types []string
	for _, e := range sent[1].Entities {
		types = append(types, string(e.Type))
	}
	if got := strings.Join(types, ","); got != "bold,italic,text_link,spoiler,expandable_blockquote" {
		t.Errorf("entities %s", got)
	}
}

func TestEditAndCallbacks(t *testing.T) {
	s := telegramtest.NewServer()
	defer s.Close()
	s.AddChat(chat)
	b := client(t, s)
	ctx := context.Background()
	m, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: chat.ID, Text: "一"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: chat.ID, MessageID: m.ID, Text: "一"}); err == nil || !strings.Contains(err.Error(), "message is not modified") {
		t.Errorf("same text: %v", err)
	}
	if _, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: chat.ID, MessageID: m.ID, Text: "二"}); err != nil {
		t.Errorf("edit: %v", err)
	}
	user := s.Message(chat, &models.User{ID: 7}, "用户的消息")
	if _, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: chat.ID, MessageID: user.ID, Text: "改"}); err == nil {
		t.Errorf("edited a user's message")
	}
	id := s.PushCallback(models.User{ID: 7}, m, "d")
	if _, err := b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: id}); err != nil {
		t.Errorf("answer: %v", err)
	}
	if _, err := b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: id}); err == nil {
		t.Errorf("answered twice")
	}
	if _, err := b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: "forged"}); err == nil {
		t.Errorf("answered an unknown query")
	}
}

// Injected faults surface as the library's errors, then the method works.
func TestFaults(t *testing.T) {
	s := telegramtest.NewServer()
	defer s.Close()
	s.AddChat(chat)
	b := client(t, s)
	ctx := context.Background()
	send := func() error {
		_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: chat.ID, Text: "x"})
		return err
	}
	s.FailNext("sendMessage", 1, telegramtest.Fault{Kind: telegramtest.FaultTooManyRequests, RetryAfter: 3})
	var flood *bot.TooManyRequestsError
	if err := send(); !errors.As(err, &flood) || flood.RetryAfter != 3 {
		t.Errorf("429: %v", err)
	}
	s.FailNext("sendMessage", 1, telegramtest.Fault{Kind: telegramtest.FaultMigrate, MigrateTo: -100123})
	var moved *bot.MigrateError
	if err := send(); !errors.As(err, &moved) || moved.MigrateToChatID != -100123 {
		t.Errorf("migrate: %v", err)
	}
	for _, k := range []telegramtest.FaultKind{telegramtest.FaultServerError, telegramtest.FaultBadGateway, telegramtest.FaultDrop} {
		s.FailNext("sendMessage", 1, telegramtest.Fault{Kind: k})
		if err := send(); err == nil {
			t.Errorf("fault %d: no error", k)
		}
	}
	s.FailNext("sendMessage", 1, telegramtest.Fault{Kind: telegramtest.FaultStatus, Status: 404})
	if err := send(); !errors.Is(err, bot.ErrorNotFound) {
		t.Errorf("404: %v", err)
	}
	s.FailNext("sendMessage", 1, telegramtest.Fault{Kind: telegramtest.FaultStatus, Status: 400, Description: "Bad Request: chat not found"})
	if err := send(); !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "chat not found") {
		t.Errorf("400: %v", err)
	}
	s.FailNext("sendMessage", 1, telegramtest.Fault{Kind: telegramtest.FaultDelay, Delay: 50 * time.Millisecond})
	start := time.Now()
	if err := send(); err != nil || time.Since(start) < 50*time.Millisecond {
		t.Errorf("delay: %v after %v", err, time.Since(start))
	}
	if err := send(); err != nil {
		t.Errorf("after the faults: %v", err)
	}
	if got := len(s.Calls("sendMessage")); got != 9 {
		t.Errorf("%d calls recorded, want 9", got)
	}
	if got := len(s.Succeeded("sendMessage")); got != 2 {
		t.Errorf("%d calls succeeded, want 2", got)
	}
}

func TestUpdatesAndTokens(t *testing.T) {
	s := telegramtest.NewServer()
	defer s.Close()
	got := make(chan string, 4)
	b, err := bot.New(s.Token, bot.WithServerURL(s.URL), bot.WithNotAsyncHandlers(), bot.WithDefaultHandler(func(_ context.Context, _ *bot.Bot, u *models.Update) {
		got <- u.Message.Text
	}))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go b.Start(ctx)
	s.PushMessage(s.Message(chat, &models.User{ID: 7}, "第一条"))
	s.PushMessage(s.Message(chat, &models.User{ID: 7}, "第二条"))
	for _, want := range []string{"第一条", "第二条"} {
		select {
		case text := <-got:
			if text != want {
				t.Errorf("got %q, want %q", text, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("no update")
		}
	}

	if _, err := bot.New("1:wrong", bot.WithServerURL(s.URL)); !errors.Is(err, bot.ErrorUnauthorized) {
		t.Errorf("wrong token: %v", err)
	}
	resp, err := http.Post(s.URL+"/bot"+s.Token+"/getMe", "application/json", strings.NewReader(`{}`))
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("JSON request: %v %v", resp, err)
	}
}

func TestParseHTML(t *testing.T) {
	plain, ents, err := telegramtest.ParseHTML("😀<b>粗<i>斜</i></b>")
	if err != nil || plain != "😀粗斜" {
		t.Fatalf("%q %v", plain, err)
	}
	// The italic entity closes first; offsets count the emoji as 2 units.
	if len(ents) != 2 || ents[0].Type != models.MessageEntityTypeItalic || ents[0].Offset != 3 || ents[1].Offset != 2 || ents[1].Length != 2 {
		t.Errorf("entities %+v", ents)
	}
}

func TestEntities(t *testing.T) {
	cases := []struct {
		text string
		want string
	}{
		{"/ask 问题", "bot_command@0+4"},
		{"/ask@planbot_bot 问题", "bot_command@0+16"},
		{"😀请问 /ask 问题", "bot_command@5+4"},
		{"请问/ask", ""},
		{"你好 @planbot_bot！", "mention@3+12"},
		{"mail a@b.cd", ""},
		{"@abc", ""}, // usernames have at least 5 characters
	}
	for _, c := range cases {
		var parts []string
		for _, e := range telegramtest.Entities(c.text) {
			parts = append(parts, string(e.Type)+"@"+strconv.Itoa(e.Offset)+"+"+strconv.Itoa(e.Length))
		}
		if got := strings.Join(parts, " "); got != c.want {
			t.Errorf("Entities(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
