package answers

import (
	"regexp"
	"strings"

	"planbot/index/report"
)

// reTargetIntro introduces a report's list of targets: 主要预期目标是：,
// 建议…主要预期目标为：.
var reTargetIntro = regexp.MustCompile(`目标[是为]?[：:]`)

// paragraphs are a report's paragraphs as far as inTargetList reads them
// (index.Paragraphs).
type paragraphs interface {
	Len() int
	Text(i int) string
}

// inTargetList reports whether s is one of the targets a report lists for
// its plan year, after an intro that says so (今年主要预期目标是：…；居民消费
// 价格保持合理水平；…), in the intro's sentence or paragraph or on the
// list's lines (——…；) below it. A target of that list is said in words as often as in
// figures (居民收入增长和经济增长同步): it answers "how much" all the same.
func inTargetList(ps paragraphs, s *report.Sentence) bool {
	if s.Part != report.PartPlan || s.Para < 0 || s.Para >= ps.Len() {
		return false
	}
	text := ps.Text(s.Para)
	if at := reTargetIntro.FindStringIndex(text); at != nil {
		return strings.Index(text, s.Text) >= at[1] || reTargetIntro.MatchString(s.Text)
	}
	if !strings.HasPrefix(text, "——") {
		return false
	}
	for k := s.Para - 1; k >= 0; k-- {
		t := strings.TrimSpace(ps.Text(k))
		if !strings.HasPrefix(t, "——") {
			return reTargetIntro.MatchString(t) && (strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":"))
		}
	}
	return false
}
