package bot

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"planbot/answers"
	"planbot/bot/telegramtest"
)

// addTimeout bounds the wait for a real report to be added: the first PDF
// of a process compiles PDFium (seconds on a clean machine), and indexing
// loads gse's full dictionary.
const addTimeout = 3 * time.Minute

// startReal runs a bot over a real, empty library and its engine (the
// harness of startWith runs over a fake library).
func startReal(t *testing.T) *harness {
	t.Helper()
	e, err := answers.Open(context.Background(), answers.Setup{DataDir: t.TempDir(), SeedsDir: t.TempDir(), DefaultRegion: "九原区", Build: true})
	if err != nil {
		t.Fatal(err)
	}
	srv := telegramtest.NewServer()
	srv.AddChat(privateChat(admin))
	h := &harness{t: t, srv: srv, logs: &syncBuffer{}}
	logger := slog.New(slog.NewJSONHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	b, err := New(Config{Token: srv.Token, APIURL: srv.URL, Admins: []int64{admin.ID}}, EngineAsker(e), IndexLibrary(e.Library()), logger)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
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
		e.Close()
		h.checkNoSecrets()
		if t.Failed() {
			t.Logf("bot logs:\n%s", h.logs.String())
		}
		srv.Close()
	})
	return h
}

// upload sends a file from testdata of index/extract as the admin and
// returns the final text of the admin operation (the n-th bot message of
// the admin's chat).
func (h *harness) upload(name string, n int) string {
	h.t.Helper()
	data, err := os.ReadFile("../index/extract/testdata/" + name)
	if err != nil {
		h.t.Fatal(err)
	}
	m := h.srv.Message(privateChat(admin), &admin, "")
	m.Document = h.srv.AddFile(name, data)
	h.srv.PushMessage(m)
	var final string
	if !h.srv.WaitFor(addTimeout, func() bool {
		sent := h.srv.Sent(admin.ID)
		if len(sent) < n {
			return false
		}
		progress := h.progressOf(admin.ID, sent[n-1].ID)
		final = progress[len(progress)-1]
		return strings.HasPrefix(final, "完成") || strings.HasPrefix(final, "失败")
	}) {
		h.t.Fatalf("%s: not added within %v", name, addTimeout)
	}
	return final
}

// An admin sends the seed report as a PDF: it is added, and the flagship
// question gets the 4万亩 sentence with its section. The same report as
// .doc is then refused as already added, and a scanned PDF is refused
// saying so, with the cause in the log.
func TestRealPDFUpload(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes a real report")
	}
	h := startReal(t)
	got := h.upload("seed.pdf", 1)
	if !strings.HasPrefix(got, "完成") || !strings.Contains(got, "已添加《") {
		t.Fatalf("seed.pdf: %q", got)
	}

	chat := groupChat(-1002001)
	q := h.srv.Message(chat, &alice, "/ask "+farmQuestion)
	h.srv.PushMessage(q)
	answer := h.waitSent(chat.ID, 1)[0]
	for _, want := range []string{farmSentence, "二、2025年经济和社会发展工作重点 › (一)持续壮大产业实力", "三是巩固农牧业基础"} {
		if !strings.Contains(answer.Text, want) {
			t.Errorf("answer lacks %q:\n%s", want, answer.Text)
		}
	}
	if bold := entityTexts(answer, models.MessageEntityTypeBold); len(bold) == 0 || bold[0] != "4万亩" {
		t.Errorf("bold parts %q, want the figure 4万亩 first", bold)
	}

	if got := h.upload("seed.doc", 2); !strings.HasPrefix(got, "失败") || !strings.Contains(got, "已经导入过") {
		t.Errorf("the same report as .doc: %q, want it refused as already added", got)
	}

	scan := h.srv.Message(privateChat(admin), &admin, "")
	scan.Document = h.srv.AddFile("scan.pdf", scannedPDF())
	h.srv.PushMessage(scan)
	h.waitFor("scanned PDF refused", func() bool {
		sent := h.srv.Sent(admin.ID)
		if len(sent) < 3 {
			return false
		}
		p := h.progressOf(admin.ID, sent[2].ID)
		return strings.Contains(p[len(p)-1], "失败：scan.pdf: 这是扫描版 PDF")
	})
	h.waitLog("2 pages, 0 characters")
}

// scannedPDF is a one-page PDF whose page is an image: no text layer.
func scannedPDF() []byte {
	const img = "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream"
	const content = "q 595 0 0 842 0 0 cm /Im1 Do Q"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 3 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
		img,
		"<< /Length 30 >>\nstream\n" + content + "\nendstream",
	}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		b.WriteString(strconv.Itoa(i+1) + " 0 obj\n" + o + "\nendobj\n")
	}
	xref := b.Len()
	b.WriteString("xref\n0 " + strconv.Itoa(len(objs)+1) + "\n0000000000 65535 f \n")
	for _, o := range offs {
		s := strconv.Itoa(o)
		b.WriteString(strings.Repeat("0", 10-len(s)) + s + " 00000 n \n")
	}
	b.WriteString("trailer\n<< /Size " + strconv.Itoa(len(objs)+1) + " /Root 1 0 R >>\nstartxref\n" + strconv.Itoa(xref) + "\n%%EOF\n")
	return []byte(b.String())
}
