package extract

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// reDocTitle matches a paragraph that is the title of a document of its
// own: 关于…的报告, …国民经济和社会发展计划（草案）, …政府工作报告.
var reDocTitle = regexp.MustCompile(`^(关于.{4,80}的(报告|决议|决定|意见|通知)|.{2,40}(国民经济和社会发展|政府工作|预算).{0,40}(报告|计划|纲要|草案))([（(][^）)]{1,8}[）)])?$`)

// reHeading matches the numbering of a heading inside a document
// (三、 （三） 3.), which no document title has.
var reHeading = regexp.MustCompile(`^([一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．])`)

// minDocLen is the least length, in characters, of a document of a
// gazette: a title closer than this to the next is a table of contents
// entry or a cover, not a document.
const minDocLen = 1000

// pickReport returns the one report of a text that holds several
// documents, as a gazette (政府公报) or a meeting's bundle does: the
// planning report if one title says 计划 or 规划 (a report rather than a
// resolution on it); otherwise it refuses, naming the documents, so that
// the admin uploads the one wanted. A text with one document is returned
// as it is.
func pickReport(name, text string) (string, error) {
	type doc struct {
		title string
		start int
	}
	var docs []doc
	off, dropped := 0, false
	for _, line := range strings.SplitAfter(text, "\n") {
		t := strings.TrimSpace(line)
		if utf8.RuneCountInString(t) <= 100 && reDocTitle.MatchString(t) && !reHeading.MatchString(t) {
			if n := len(docs); n > 0 && utf8.RuneCountInString(text[docs[n-1].start:off]) < minDocLen {
				docs = docs[:n-1] // a cover or contents entry
				dropped = true
			}
			docs = append(docs, doc{title: t, start: off})
		}
		off += len(line)
	}
	if len(docs) > 0 && utf8.RuneCountInString(text[docs[len(docs)-1].start:]) < minDocLen {
		docs = docs[:len(docs)-1]
	}
	switch {
	case len(docs) == 1 && dropped:
		// One document after a cover or a table of contents.
		return strings.TrimSpace(text[docs[0].start:]), nil
	case len(docs) < 2:
		return text, nil
	}
	score := func(t string) int {
		s := 0
		if strings.Contains(t, "计划") || strings.Contains(t, "规划") {
			s += 2
		}
		if strings.Contains(t, "报告") {
			s++
		}
		if strings.Contains(t, "决议") || strings.Contains(t, "决定") {
			s -= 3
		}
		return s
	}
	best, n := -1, 0
	for i, d := range docs {
		switch s := score(d.title); {
		case best < 0 || s > score(docs[best].title):
			best, n = i, 1
		case s == score(docs[best].title):
			n++
		}
	}
	if n == 1 && score(docs[best].title) >= 2 {
		end := len(text)
		if best+1 < len(docs) {
			end = docs[best+1].start
		}
		return strings.TrimSpace(text[docs[best].start:end]), nil
	}
	titles := make([]string, len(docs))
	for i, d := range docs {
		titles[i] = fmt.Sprintf("%d.%s", i+1, d.title)
	}
	return "", fail(name, fmt.Sprintf(reasonSeveral, strings.Join(titles, "；")), ErrAmbiguous,
		fmt.Errorf("%d documents", len(docs)))
}
