package answers

import "strings"

// markContext lowers the weight of the topics that a question of several
// clauses says only before or after the one clause that asks: how the
// asker sets the scene (孩子学校食堂条件太差了，吃饭的地方会改善吗: 条件 is
// the scene, 吃饭的地方 is asked). Nothing changes when no clause asks,
// when several do, or when the asking clause names no topic the report
// uses.
func markContext(text string, kws []keyword, w *Weights) {
	// a number said roughly (十几年) counts as asking here: measured, telling
	// the scene by it here too turned a withheld answer wrong (stop 29)
	asking := askingBy(text, asksAsTyped)
	if asking == text {
		return // no clause asks, or several do
	}
	gapless, _ := withoutGaps(asking) // 新增多少就业 says 新增就业
	in := make([]bool, len(kws))
	named := false
	for i, k := range kws {
		for _, s := range k.said {
			if strings.Contains(asking, s) || strings.Contains(gapless, s) {
				in[i] = true
			}
		}
		named = named || in[i] && k.known && !k.verb
	}
	if !named {
		return
	}
	for i := range kws {
		if !in[i] && len(kws[i].said) > 0 {
			kws[i].weight *= w.ContextTopic
			kws[i].context = true
		}
	}
}
