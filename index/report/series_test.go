package report

import "testing"

// series is a report whose sections use the layouts that are easy to
// misread: a flat series of run-in items followed by a paragraph of the
// part, a section opened by a sentence introducing its items, and
// paragraphs whose short sentences are sub-headings in one and actions in
// the other.
const series = `2026年某某省政府工作报告
——2026年1月20日在某某省第十四届人民代表大会第五次会议上
各位代表：
一、2025年工作回顾
过去一年，我们主要做了以下工作。
一是稳住经济大盘。全省生产总值增长5%，经济运行总体平稳。
二是加快科技创新。研发投入增长8%，创新能力持续提升。
三是保障改善民生。城镇新增就业50万人，民生福祉持续增进。
一年来，政府自身建设不断加强。坚持依法行政，自觉接受人大监督和政协民主监督，办理建议提案1000件。
二、2026年重点工作
（一）进一步挖掘有效需求潜力
坚持扩大内需这个战略基点，以需求与供给、消费与投资互促支撑。
扩容提质多元消费。深入实施提振消费专项行动，优化消费品以旧换新政策实施，统筹促进线上消费与线下消费。
稳步扩大有效益投资。坚持项目建设确有所需、确能支撑、确实可行，强化重大项目谋划储备，力争完成投资3000亿元。
（二）加快建设现代化产业体系
加快科技创新和产业创新深度融合。突出科技供给。强化科技创新资金统筹管理，实施省科技重大创新项目10个以上。突出企业主体。深化规上工业企业研发活动全覆盖行动，支持企业建立研发机构、参与重大科技攻关。突出成果转化。完善科技成果转化机制，推动高校院所科技成果在本省落地转化。
构建优质教育体系。深入推进教育强省三年行动计划。实施新时代立德树人工程，促进思政课堂和社会课堂有效融合，加强体育、美育、劳动教育。推动基础教育扩优提质。增加1万个普惠性学前教育学位。强化高水平教师队伍建设。健全学校家庭社会协同育人机制，办好人民满意的教育。
（三）奋力推进全方位扩大内需。坚持内需主导，统筹抓好促消费和扩投资。全力释放消费潜能。落实带薪错峰休假制度，清理消费领域不合理限制措施，打响消费品牌。国家绿色化工和新材料制造业中试平台获批。积极扩大有效投资。用好超长期特别国债，实施重大项目1000个以上，带动全省投资稳定增长。
（四）持续扩大高水平开放。稳步推进制度型开放，加快自贸试验区首创式、集成式探索。深度参与自贸区3.0版建设，稳妥推进示范项目集聚区建设。推动跨境经济合作。办好第23届博览会、峰会和2026年世界林木业大会。启动全区口岸智慧化建设。加强与东盟国家在农业、气象、新能源汽车等领域的标准合作。
（五）奋力推进因地制宜发展新质生产力。坚持科技创新和产业创新深度融合，加紧培育壮大新动能。
做强科技创新核心驱动。加快建设更高水平创新型省份，提升创新体系整体效能，不断催生新质生产力。
做强现代化产业体系重要载体。坚持智能化、绿色化、融合化方向，推进产业结构优化升级，保持制造业合理比重。
（六）奋力推进全面深化改革。坚持改革攻坚，推动有效市场和有为政府更好结合。
（七）经济增长迈出坚实步伐。抓好国家政策落实，经济运行稳健向好。地区生产总值增长5.5%，达到10.3万亿元。主要指标好于预期。规上工业增加值增长7.6%，高于全国1.7个百分点。项目投资支撑有力。新开工重大项目1500个以上，完成投资超过8000亿元。扩大消费成效明显。社会消费品零售总额增长5.1%，高于全国1.4个百分点。
`

func TestParseSeries(t *testing.T) {
	r, err := Parse(Meta{ID: "x"}, series)
	if err != nil {
		t.Fatal(err)
	}
	const one, two = "一、2025年工作回顾", "二、2026年重点工作"
	const demand, industry = "（一）进一步挖掘有效需求潜力", "（二）加快建设现代化产业体系"
	const demand2, opening = "（三）奋力推进全方位扩大内需", "（四）持续扩大高水平开放"
	for _, w := range []wantSentence{
		{prefix: "城镇新增就业50万人", part: PartReview, section: []string{one, "三是保障改善民生"}},
		// after a flat series of items, a paragraph with a lead of its own is the part's
		{prefix: "坚持依法行政", part: PartReview, section: []string{one, "一年来，政府自身建设不断加强"}},
		// a sentence introducing the items is no heading of them
		{prefix: "坚持扩大内需这个战略基点", part: PartPlan, section: []string{two, demand}},
		{prefix: "深入实施提振消费专项行动", part: PartPlan, section: []string{two, demand, "扩容提质多元消费"}},
		{prefix: "坚持项目建设确有所需", part: PartPlan, section: []string{two, demand, "稳步扩大有效益投资"}},
		// parallel short phrases, each before a longer sentence, head parts of their paragraph
		{prefix: "完善科技成果转化机制", part: PartPlan, section: []string{two, industry, "加快科技创新和产业创新深度融合", "突出成果转化"}},
		// short actions among others are sentences of the paragraph
		{prefix: "增加1万个普惠性学前教育学位", part: PartPlan, section: []string{two, industry, "构建优质教育体系"}},
		{prefix: "推动基础教育扩优提质", exact: false, part: PartPlan, section: []string{two, industry, "构建优质教育体系"}},
		// the text run in after a section heading has sub-leads too; a short
		// fact of another length among them heads nothing
		{prefix: "落实带薪错峰休假制度", part: PartPlan, section: []string{two, demand2, "全力释放消费潜能"}},
		{prefix: "国家绿色化工和新材料", part: PartPlan, section: []string{two, demand2, "全力释放消费潜能"}},
		{prefix: "用好超长期特别国债", part: PartPlan, section: []string{two, demand2, "积极扩大有效投资"}},
		// short actions after an opening of several sentences head nothing
		{prefix: "办好第23届博览会", part: PartPlan, section: []string{two, opening}},
		// in a flat series, lead paragraphs before the next heading of the series are its item's
		{prefix: "加快建设更高水平创新型省份", part: PartPlan, section: []string{two, "（五）奋力推进因地制宜发展新质生产力", "做强科技创新核心驱动"}},
		// after two opening sentences, a clear series of three
		{prefix: "规上工业增加值增长7.6%", part: PartPlan, section: []string{two, "（七）经济增长迈出坚实步伐", "主要指标好于预期"}},
		{prefix: "社会消费品零售总额增长5.1%", part: PartPlan, section: []string{two, "（七）经济增长迈出坚实步伐", "扩大消费成效明显"}},
		{prefix: "坚持智能化、绿色化", part: PartPlan, section: []string{two, "（五）奋力推进因地制宜发展新质生产力", "做强现代化产业体系重要载体"}},
	} {
		checkSentence(t, r, w)
	}
	for _, s := range r.Sentences {
		if s.Heading && (s.Text == "推动基础教育扩优提质。" || s.Text == "强化高水平教师队伍建设。") {
			t.Errorf("an action taken as a heading: %q", s.Text)
		}
	}
}
