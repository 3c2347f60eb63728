package index

import (
	"regexp"
	"strings"
)

// Lines of a saved web page that are not part of the report.
var (
	furnitureLines = map[string]bool{
		"下载": true, "打印": true, "全屏": true, "收藏": true, "加大": true, "还原": true,
		"减小": true, "】": true, "大": true, "中": true, "小": true, "分享": true,
		"分享：": true, "来源:": true, "来源：": true, "【字号：": true, "【字体：": true,
		"字号：": true, "【打印】": true, "【关闭】": true,
	}
	furniturePrefixes = []string{"来源：", "来源:", "时间：", "时间:", "发布时间", "【字号", "【字体", "字体：", "分享到", "编辑：", "作者："}
	// A line from which on the rest of the page is furniture.
	furnitureEnds = []string{"责任编辑", "相关报道", "相关附件", "相关链接", "扫一扫", "打印本页", "关闭窗口", "【关闭窗口】"}

	reTimestamp = regexp.MustCompile(`^\d{4}[-年]\d{1,2}[-月]\d{1,2}日?\s*\d{1,2}[:时]\d{1,2}分?(:\d{1,2})?$`)
	rePhoto     = regexp.MustCompile(`记者.{1,8}摄$|摄影.{0,8}$`)
	reHexID     = regexp.MustCompile(`^[0-9a-f]{24,}:?$`)
)

// isFurniture reports whether line is page furniture of a saved web page.
func isFurniture(line string) bool {
	if furnitureLines[line] || reTimestamp.MatchString(line) || rePhoto.MatchString(line) || reHexID.MatchString(line) {
		return true
	}
	for _, p := range furniturePrefixes {
		if strings.HasPrefix(line, p) {
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
