package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"planbot/answers"
	"planbot/bot/telegramtest"
)

// waitTimeout bounds every wait on a condition.
const waitTimeout = 10 * time.Second

// People of the tests.
var (
	alice     = models.User{ID: 1001, FirstName: "Alice", Username: "alice"}
	bob       = models.User{ID: 1002, FirstName: "Bob", Username: "bob"} // administrator of groups, not configured
	admin     = models.User{ID: 42, FirstName: "Admin", Username: "admin"}
	otherBot  = models.User{ID: 555, IsBot: true, FirstName: "Other", Username: "other_bot"}
	anonAdmin = models.User{ID: 1087968824, IsBot: true, FirstName: "Group", Username: "GroupAnonymousBot"}
	tgService = models.User{ID: 777000, FirstName: "Telegram"} // sends automatic forwards
)

func privateChat(u models.User) models.Chat {
	return models.Chat{ID: u.ID, Type: models.ChatTypePrivate, FirstName: u.FirstName}
}

func groupChat(id int64) models.Chat {
	return models.Chat{ID: id, Type: models.ChatTypeSupergroup, Title: fmt.Sprintf("group %d", id)}
}

// The report sentence of the brief, with its figures.
const (
	farmQuestion  = "高标准农田目标是多少"
	farmSentence  = "积极争取4万亩高标准农田建设和2000亩盐碱地综合治理改造。"
	farmSection   = "二、2025年工作安排 › （三）推进乡村振兴"
	farmReport    = "九原区2025年国民经济和社会发展计划报告"
	farmParagraph = "抓好粮食生产。" + farmSentence + "推进设施农业。"
)

// spanOf returns the byte range of sub in s.
func spanOf(s, sub string) answers.Span {
	i := strings.Index(s, sub)
	if i < 0 {
		panic(sub + " not in " + s)
	}
	return answers.Span{Start: i, End: i + len(sub)}
}

func farmAnswers() []answers.Answer {
	return []answers.Answer{
		{
			Text: farmSentence, Section: farmSection, Report: farmReport, ReportID: "jiuyuan-2025",
			Marks:      []answers.Span{spanOf(farmSentence, "4万亩"), spanOf(farmSentence, "2000亩")},
			SentenceID: 70, ParagraphID: 7,
		},
		{
			Text: "新增建设5600亩高标准农田。", Section: "一、2024年执行情况 › （一）农牧业", Report: farmReport, ReportID: "jiuyuan-2025",
			Marks: []answers.Span{spanOf("新增建设5600亩高标准农田。", "5600亩")}, SentenceID: 20, ParagraphID: 3,
			Note: "这是2024年的完成情况",
		},
		{Text: "加大高标准农田建设投入和管护力度。", Section: "一、2024年执行情况 › （一）农牧业", Report: farmReport, ReportID: "jiuyuan-2025", ParagraphID: 3},
	}
}

var closestHeadings = []string{"一、2024年执行情况", "二、2025年工作安排", "（三）推进乡村振兴", "（五）生态环境", "（六）民生保障"}

// longText is a report "sentence" far over one message, with figures.
func longText() string {
	var sb strings.Builder
	for i := range 300 {
		fmt.Fprintf(&sb, "第%d项工作完成投资%d亿元，同比增长%d%%。", i+1, i+10, i%9+1)
		if i%40 == 39 {
			sb.WriteString("\n")
		}
	}
	return sb.String()
}

// fakeAsker answers by the question's content:
//
//	contains 高标准农田     → three farm answers
//	starts with "echo "    → one answer repeating the rest
//	contains "panic"       → panics
//	contains "error"       → an error
//	contains "long"        → one very long answer
//	contains "escape"      → an answer full of HTML specials
//	a closest heading      → an answer about it
//	anything else          → no answer, five closest headings
type fakeAsker struct {
	mu        sync.Mutex
	questions []string
	tops      []int
}

func (a *fakeAsker) Ask(ctx context.Context, q string, top int) (answers.Result, error) {
	a.mu.Lock()
	a.questions = append(a.questions, q)
	a.tops = append(a.tops, top)
	a.mu.Unlock()
	res := answers.Result{Question: q}
	switch {
	case strings.Contains(q, "panic"):
		panic("asker exploded")
	case strings.Contains(q, "error"):
		return res, errors.New("index unavailable: /var/lib/planbot/index locked")
	case strings.Contains(q, "高标准农田"):
		res.Answers = farmAnswers()
	case strings.HasPrefix(q, "echo "):
		text := "回答：" + strings.TrimPrefix(q, "echo ")
		res.Answers = []answers.Answer{{Text: text, Section: "测试", Report: "测试报告"}}
	case strings.Contains(q, "long"):
		t := longText()
		res.Answers = []answers.Answer{{Text: t, Section: "长段落", Report: farmReport, ReportID: "jiuyuan-2025",
			Marks: []answers.Span{spanOf(t, "10亿元"), spanOf(t, "300项")}}}
	case strings.Contains(q, "escape"):
		t := `增速<5% & "稳中求进" 'A>B'`
		res.Answers = []answers.Answer{{Text: t, Section: "<i>章节</i> & 附表", Report: "A&B <报告>", Marks: []answers.Span{spanOf(t, "<5%")}}}
	default:
		for _, h := range closestHeadings {
			if q == h {
				res.Answers = []answers.Answer{{Text: "关于" + h + "的内容。", Section: h, Report: farmReport}}
				return res, nil
			}
		}
		res.Closest = closestHeadings
	}
	if len(res.Answers) > top {
		res.Answers = res.Answers[:top]
	}
	return res, nil
}

func (a *fakeAsker) top(i int) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.tops[i]
}

func (a *fakeAsker) asked() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.questions...)
}

// fakeLibrary records what admins did to it.
type fakeLibrary struct {
	mu        sync.Mutex
	reports   []ReportInfo
	reindexed int
	added     map[string][]byte
	removed   []string
	gate      chan struct{} // when set, Reindex waits for it
}

func newFakeLibrary() *fakeLibrary {
	return &fakeLibrary{
		reports: []ReportInfo{{ID: "jiuyuan-2025", Title: farmReport, Region: "九原区", ReviewYear: 2024, PlanYear: 2025, Sentences: 1234, Figures: 567}},
		added:   map[string][]byte{},
	}
}

func (l *fakeLibrary) Reports() []ReportInfo {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]ReportInfo(nil), l.reports...)
}

func (l *fakeLibrary) Paragraph(reportID string, paragraphID int) (string, bool) {
	if reportID == "boom" {
		panic("paragraph store corrupt")
	}
	if reportID == "jiuyuan-2025" && paragraphID == 7 {
		return farmParagraph, true
	}
	return "", false
}

func (l *fakeLibrary) Reindex(ctx context.Context, progress func(string)) (Stats, error) {
	progress("解析…")
	l.mu.Lock()
	gate := l.gate
	l.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			return Stats{}, ctx.Err()
		}
	}
	progress("索引…")
	l.mu.Lock()
	l.reindexed++
	l.mu.Unlock()
	return Stats{Sentences: 1234, Figures: 567}, nil
}

func (l *fakeLibrary) Add(ctx context.Context, filename string, data []byte, progress func(string)) (ReportInfo, error) {
	if strings.HasSuffix(filename, ".pdf") {
		return ReportInfo{}, fmt.Errorf("%s: 这是扫描版 PDF（只有图片，没有文字层），无法读取文字", filename)
	}
	progress("解析…")
	progress("索引…")
	l.mu.Lock()
	defer l.mu.Unlock()
	l.added[filename] = data
	info := ReportInfo{ID: "new-report", Title: "新报告", Sentences: 321, Figures: 45}
	l.reports = append(l.reports, info)
	return info, nil
}

func (l *fakeLibrary) Remove(ctx context.Context, id string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, r := range l.reports {
		if r.ID == id {
			l.reports = append(l.reports[:i], l.reports[i+1:]...)
			l.removed = append(l.removed, id)
			return nil
		}
	}
	return errors.New("没有这个报告")
}

func (l *fakeLibrary) snapshot() (reindexed int, added int, removed int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.reindexed, len(l.added), len(l.removed)
}

// syncBuffer is a log sink safe for concurrent writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// harness is a bot running against a fake Bot API server.
type harness struct {
	t     *testing.T
	srv   *telegramtest.Server
	bot   *Bot
	asker *fakeAsker
	lib   *fakeLibrary
	logs  *syncBuffer
	stop  func() error
}

// start runs a bot in polling mode with a fake Asker; edit adjusts its
// configuration.
func start(t *testing.T, edit ...func(*Config)) *harness {
	t.Helper()
	return startWith(t, &fakeAsker{}, edit...)
}

// startWith runs a bot in polling mode that asks asker (h.asker is set
// when it is a fake).
func startWith(t *testing.T, asker Asker, edit ...func(*Config)) *harness {
	t.Helper()
	return startTuned(t, asker, nil, edit...)
}

// newTestBot makes a bot that logs everything as JSON to logs and retries
// sends quickly; tune (when not nil) changes it before it runs.
func newTestBot(t *testing.T, cfg Config, asker Asker, lib Library, logs io.Writer, tune func(*Bot)) *Bot {
	t.Helper()
	logger := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	b, err := New(cfg, asker, lib, logger)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	b.send.limits.backoff = 20 * time.Millisecond
	b.send.limits.maxBackoff = 100 * time.Millisecond
	if tune != nil {
		tune(b)
	}
	return b
}

// startTuned is startWith, tune (when not nil) changing the bot before it
// runs: its clock, its limits.
func startTuned(t *testing.T, asker Asker, tune func(*Bot), edit ...func(*Config)) *harness {
	t.Helper()
	srv := telegramtest.NewServer()
	srv.AddChat(privateChat(admin)) // so the admin command menu can be set
	cfg := Config{Token: srv.Token, APIURL: srv.URL, Admins: []int64{admin.ID}}
	for _, e := range edit {
		e(&cfg)
	}
	h := &harness{t: t, srv: srv, lib: newFakeLibrary(), logs: &syncBuffer{}}
	h.asker, _ = asker.(*fakeAsker)
	b := newTestBot(t, cfg, asker, h.lib, h.logs, tune)
	h.bot = b
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	var once sync.Once
	var runErr error
	h.stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case runErr = <-done:
			case <-time.After(waitTimeout):
				runErr = errors.New("Run did not return after cancel")
			}
		})
		return runErr
	}
	t.Cleanup(func() {
		if err := h.stop(); err != nil {
			t.Errorf("Run: %v", err)
		}
		h.checkNoSecrets()
		if t.Failed() {
			t.Logf("bot logs:\n%s", h.logs.String())
		}
		srv.Close()
	})
	return h
}

// checkNoSecrets fails the test if the token shows up in the logs or in
// anything sent to Telegram.
func (h *harness) checkNoSecrets() {
	h.t.Helper()
	_, secret, _ := strings.Cut(h.srv.Token, ":")
	if strings.Contains(h.logs.String(), secret) {
		h.t.Errorf("the token's secret appears in the logs")
	}
	for _, c := range h.srv.Calls("") {
		for k, v := range c.Params {
			if strings.Contains(v, secret) {
				h.t.Errorf("the token's secret was sent to Telegram in %s.%s", c.Method, k)
			}
		}
	}
}

// at returns h reporting to t, for use in subtests.
func (h *harness) at(t *testing.T) *harness {
	c := *h
	c.t = t
	return &c
}

// say delivers a text message from from in chat.
func (h *harness) say(chat models.Chat, from *models.User, text string) *models.Message {
	m := h.srv.Message(chat, from, text)
	h.srv.PushMessage(m)
	return m
}

// waitSent waits until the bot has n messages in chat and returns them.
func (h *harness) waitSent(chatID int64, n int) []models.Message {
	h.t.Helper()
	var got []models.Message
	if !h.srv.WaitFor(waitTimeout, func() bool {
		got = h.srv.Sent(chatID)
		return len(got) >= n
	}) {
		h.t.Fatalf("chat %d: want %d bot messages, have %d: %v", chatID, n, len(got), texts(got))
	}
	return got
}

// waitFor waits for cond or fails with what.
func (h *harness) waitFor(what string, cond func() bool) {
	h.t.Helper()
	if !h.srv.WaitFor(waitTimeout, cond) {
		h.t.Fatalf("timed out waiting for %s", what)
	}
}

// waitLog waits until the logs contain s.
func (h *harness) waitLog(s string) {
	h.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for !strings.Contains(h.logs.String(), s) {
		if time.Now().After(deadline) {
			h.t.Fatalf("logs never contained %q", s)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func texts(ms []models.Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, truncateRunes(m.Text, 60))
	}
	return out
}

// entityTexts returns the text of m's entities of type typ.
func entityTexts(m models.Message, typ models.MessageEntityType) []string {
	var out []string
	for _, e := range m.Entities {
		if e.Type != typ {
			continue
		}
		if s, e, ok := utf16Range(m.Text, e.Offset, e.Length); ok {
			out = append(out, m.Text[s:e])
		}
	}
	return out
}

// buttons returns the inline keyboard buttons of m, in order.
func buttons(m models.Message) []models.InlineKeyboardButton {
	var out []models.InlineKeyboardButton
	if m.ReplyMarkup == nil {
		return nil
	}
	for _, row := range m.ReplyMarkup.InlineKeyboard {
		out = append(out, row...)
	}
	return out
}

// button returns the button of m whose text starts with label.
func button(t *testing.T, m models.Message, label string) models.InlineKeyboardButton {
	t.Helper()
	for _, b := range buttons(m) {
		if strings.HasPrefix(b.Text, label) {
			return b
		}
	}
	t.Fatalf("no %q button in %v", label, buttons(m))
	return models.InlineKeyboardButton{}
}

// callbackAnswers returns the successful answerCallbackQuery calls for id.
func (h *harness) callbackAnswers(id string) []string {
	var out []string
	for _, c := range h.srv.Succeeded("answerCallbackQuery") {
		if c.Params["callback_query_id"] == id {
			out = append(out, c.Params["text"])
		}
	}
	return out
}

// waitCallbackAnswer waits for the answer to callback query id and returns
// its text.
func (h *harness) waitCallbackAnswer(id string) string {
	h.t.Helper()
	h.waitFor("callback answer "+id, func() bool { return len(h.callbackAnswers(id)) > 0 })
	return h.callbackAnswers(id)[0]
}

// waitInlineAnswer waits for the bot's answer to the inline query id and
// returns its parameters.
func (h *harness) waitInlineAnswer(id string) map[string]string {
	h.t.Helper()
	var call map[string]string
	h.waitFor("inline answer", func() bool {
		for _, c := range h.srv.Succeeded("answerInlineQuery") {
			if c.Params["inline_query_id"] == id {
				call = c.Params
				return true
			}
		}
		return false
	})
	return call
}
