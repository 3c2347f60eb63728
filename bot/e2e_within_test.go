package bot

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"planbot/answers"
)

// sectionAsker is a fakeAsker that asks within a section too: it answers
// a question asked within a heading with the heading's one sentence, or
// with nothing for the heading "无关章节".
type sectionAsker struct {
	fakeAsker
	mu     sync.Mutex
	within []string // "question|report|heading" of each AskWithin
}

func (a *sectionAsker) Ask(ctx context.Context, q string, top int) (answers.Result, error) {
	res, err := a.fakeAsker.Ask(ctx, q, top)
	if len(res.Answers) == 0 {
		res.Report = "jiuyuan-2025"
		res.Closest = append(slices.Clone(closestHeadings[:2]), "无关章节")
	}
	return res, err
}

func (a *sectionAsker) AskWithin(ctx context.Context, q, reportID, heading string, top int) (answers.Result, error) {
	a.mu.Lock()
	a.within = append(a.within, q+"|"+reportID+"|"+heading)
	a.mu.Unlock()
	res := answers.Result{Question: q, Report: reportID, Within: heading}
	if heading != "无关章节" {
		res.Answers = []answers.Answer{{Text: heading + "中的一句。", Section: heading, Report: farmReport, ReportID: reportID}}
	}
	if heading == closestHeadings[1] {
		res.Answers[0].Note = "此句没有所问的数字" // a sentence a later gate rejected, given with its note
	}
	return res, nil
}

// With an asker that asks within a section, pressing a heading offered for
// a question the report does not answer asks that question again within
// the heading's section; the reply says where the sentence was found, or
// that the section says nothing near it.
func TestNoAnswerAskedWithinHeading(t *testing.T) {
	t.Parallel()
	a := &sectionAsker{}
	h := startWith(t, a)
	h.say(privateChat(alice), &alice, "火星基地建设进展")
	m := h.waitSent(alice.ID, 1)[0]
	bs := buttons(m)
	if len(bs) != 3 {
		t.Fatalf("%d heading buttons, want 3", len(bs))
	}
	tests := []struct {
		button int
		want   string
	}{
		{1, "在「" + closestHeadings[1] + "」中，与问题最相关的是：\n\n" + closestHeadings[1] + "中的一句。"},
		{2, "「无关章节」中也没有找到能回答这个问题的句子。"},
	}
	for i, tt := range tests {
		q := h.srv.PushCallback(alice, &m, bs[tt.button].CallbackData)
		if got := h.waitCallbackAnswer(q); got != "" {
			t.Errorf("button %d: callback answered with %q", tt.button, got)
		}
		got := h.waitSent(alice.ID, 2+i)[1+i]
		if !strings.HasPrefix(got.Text, tt.want) {
			t.Errorf("button %d: reply = %q, want it to start with %q", tt.button, got.Text, tt.want)
		}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	want := []string{"火星基地建设进展|jiuyuan-2025|" + closestHeadings[1], "火星基地建设进展|jiuyuan-2025|无关章节"}
	if !slices.Equal(a.within, want) {
		t.Errorf("asked within %q, want %q", a.within, want)
	}
}

// Inline, a question not answered is offered, after "not covered", what
// each heading offered says nearest to it: one article a heading whose
// section has a sentence on it.
func TestInlineWithinHeadings(t *testing.T) {
	t.Parallel()
	h := startWith(t, &sectionAsker{})
	call := h.waitInlineAnswer(h.srv.PushInlineQuery(alice, "火星基地建设进展"))
	var res []struct {
		ID                  string `json:"id"`
		Title               string `json:"title"`
		Description         string `json:"description"`
		InputMessageContent struct {
			MessageText string `json:"message_text"`
		} `json:"input_message_content"`
	}
	if err := jsonUnmarshal(call["results"], &res); err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 || res[0].ID != "none" {
		t.Fatalf("%d results %+v, want not covered and two headings (无关章节 has nothing)", len(res), res)
	}
	for i, r := range res[1:] {
		h := closestHeadings[i]
		desc, note := h+"中的一句。", ""
		if i == 1 { // what the sentence lacks, said before it in the list too
			desc, note = "注：此句没有所问的数字。"+desc, "注：此句没有所问的数字"
		}
		if r.Title != "「"+h+"」中最相关的内容" || r.Description != desc ||
			!strings.HasPrefix(r.InputMessageContent.MessageText, "问：火星基地建设进展\n\n在「"+h+"」中，与问题最相关的是：\n\n"+h+"中的一句。") ||
			!strings.Contains(r.InputMessageContent.MessageText, note) {
			t.Errorf("result %d = %+v", i+1, r)
		}
	}
}

// A vote on an inline article found within a section keeps the line that
// says where it was found (the message is drawn again after 👎 and its
// reason), and the vote records the heading.
func TestInlineWithinVoteKeepsHeader(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	h := startWith(t, &sectionAsker{}, func(c *Config) { c.DataDir = dir })
	qid := h.srv.PushInlineQuery(alice, "火星基地建设进展")
	h.waitInlineAnswer(qid)
	imid, err := h.srv.ChooseInlineResult(qid, "w0")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := h.srv.InlineMessage(imid)
	before := m.Text
	if !strings.Contains(before, "在「"+closestHeadings[0]+"」中，与问题最相关的是：") {
		t.Fatalf("inline article sent %q", before)
	}
	if got := h.waitCallbackAnswer(h.srv.PushInlineCallback(alice, imid, button(t, m, buttonDown).CallbackData)); got != textThanksDown {
		t.Fatalf("👎 answered %q", got)
	}
	h.waitFor("the reasons", func() bool { m, _ = h.srv.InlineMessage(imid); return strings.HasSuffix(m.Text, textAskReason) })
	h.waitCallbackAnswer(h.srv.PushInlineCallback(alice, imid, button(t, m, "年份不对").CallbackData))
	h.waitFor("the answer back", func() bool { m, _ = h.srv.InlineMessage(imid); return !strings.HasSuffix(m.Text, textAskReason) })
	if m.Text != before {
		t.Errorf("after the vote the message is\n%q\nwant\n%q", m.Text, before)
	}
	es := h.feedbackLog()
	if len(es) == 0 || es[0].Within != closestHeadings[0] || es[0].ChatType != "inline" {
		t.Errorf("log %+v, want the vote with the heading", es)
	}
}
