package report

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Lines of a saved web page that are not part of the report.
var (
	furnitureLines = map[string]bool{
		"下载": true, "打印": true, "全屏": true, "收藏": true, "加大": true, "还原": true,
		"减小": true, "】": true, "【": true, "大": true, "中": true, "小": true, "分享": true,
		"分享：": true, "分享:": true, "来源:": true, "来源：": true, "【字号：": true, "【字体：": true,
		"字号：": true, "字体：": true, "【打印】": true, "【关闭】": true, "【大】": true, "【中】": true,
		"【小】": true, "默认": true, "放大": true, "缩小": true, "分享到：": true, "微信": true, "微博": true,
	}
	furniturePrefixes = []string{
		"来源：", "来源:", "（来源：", "(来源:", "(来源：", "时间：", "时间:", "发布时间", "发布日期", "【字号", "【字体", "字号：", "字体：",
		"分享到", "编辑：", "编辑:", "作者：", "作者:", "浏览次数", "阅读次数", "点击数", "【打印", "【关闭",
	}
	// Labels standing alone on a line whose value is on the next line:
	// "来源:" then "四川日报".
	furnitureLabels = []string{"来源", "作者", "编辑", "责任编辑", "发布时间", "发表时间", "时间", "阅读量", "浏览量"}
	// Labels of a breadcrumb trail: "当前位置：" / "首页" / ">" / "要闻".
	breadcrumbLabels = []string{"当前位置", "您的位置", "你的位置", "您现在的位置"}
	// A line from which on the rest of the page is furniture.
	furnitureEnds = []string{
		"责任编辑", "相关报道", "相关附件", "相关链接", "相关新闻", "相关文章", "扫一扫", "打印本页",
		"关闭窗口", "【关闭窗口】", "【打印本页】", "上一篇", "下一篇",
	}

	// "2026年02月10日 07时41分", "2026-02-02 10:30:00"
	reTimestamp = regexp.MustCompile(`^\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?\s*\d{1,2}[:：时]\d{1,2}分?([:：]\d{1,2})?$`)
	reBareDate  = regexp.MustCompile(`^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$`)
	// Photo captions: "殷勇同志作政府工作报告。本报记者 戴冰摄", "（新华社记者 王鹏 摄）".
	rePhoto = regexp.MustCompile(`(记者|摄影|通讯员).{1,16}摄[）)]?$|^[（(]?摄影[:：]`)
	reHexID = regexp.MustCompile(`^[0-9a-f]{24,}:?$`)
)

// isFurniture reports whether line is page furniture of a saved web page.
func isFurniture(line string) bool {
	if furnitureLines[line] || reTimestamp.MatchString(line) || reBareDate.MatchString(line) ||
		rePhoto.MatchString(line) || reHexID.MatchString(line) {
		return true
	}
	for _, p := range furniturePrefixes {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// isFurnitureLabel reports whether line is a label such as "来源:" whose
// value stands on the next line.
func isFurnitureLabel(line string) bool {
	l := strings.TrimRight(line, ":：")
	if l == line {
		return false
	}
	for _, lab := range furnitureLabels {
		if l == lab {
			return true
		}
	}
	return false
}

// isBreadcrumbLabel reports whether line starts a breadcrumb trail:
// "当前位置：首页 > 要闻" on one line, or "您的位置:" with the trail below.
func isBreadcrumbLabel(line string) bool {
	for _, lab := range breadcrumbLabels {
		if strings.HasPrefix(line, lab) {
			return true
		}
	}
	return false
}

// endsContent reports whether line starts the trailing furniture of a page.
func endsContent(line string) bool {
	for _, p := range furnitureEnds {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return reHexID.MatchString(line)
}

// contentLines splits text into trimmed, non-empty lines and drops the
// furniture of saved web pages: navigation and source lines, timestamps,
// photo captions, and everything from the trailing links on.
func contentLines(text string) []string {
	var out []string
	skipValue := false
	// a breadcrumb trail: its label, then items with a ">" between them,
	// the last one maybe repeated as the page's heading
	trail, item, lastCrumb := false, false, ""
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimPrefix(strings.TrimSpace(l), "\ufeff")
		l = strings.Trim(l, "\u3000 \t\r\u00a0")
		if l == "" {
			continue
		}
		if isBreadcrumbLabel(l) {
			trail, item, lastCrumb = true, strings.HasSuffix(l, "：") || strings.HasSuffix(l, ":"), ""
			continue
		}
		if trail {
			switch {
			case l == ">" || l == "›":
				item = true
				continue
			case item:
				item, lastCrumb = false, l
				continue
			case l == lastCrumb:
				continue
			}
			trail = false
		}
		if skipValue {
			skipValue = false
			if utf8.RuneCountInString(l) <= 16 && !strings.ContainsAny(l, "。，；") {
				continue // the value of a "来源:" label
			}
		}
		if endsContent(l) {
			if len(out) > 0 {
				break
			}
			continue // a link list above the report
		}
		if isFurnitureLabel(l) {
			skipValue = true
			continue
		}
		if isFurniture(l) {
			continue
		}
		out = append(out, Unsubscript(l))
	}
	return out
}

// reSubscript matches a subscript written as one, as some pages keep it:
// PM_2.5.
var reSubscript = regexp.MustCompile(`(PM|pm)_(\d)`)

// Unsubscript writes PM_2.5 as people and other reports do: PM2.5. The
// parser reads every line so.
func Unsubscript(l string) string {
	if !strings.Contains(l, "_") {
		return l
	}
	return reSubscript.ReplaceAllString(l, "$1$2")
}
