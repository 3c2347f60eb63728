package report

import (
	"fmt"
	"slices"
	"testing"
)

func TestFigureExtract(t *testing.T) {
	// each figure as "text|unit|value|measure|period|year"
	tests := []struct {
		s    string
		part Part
		want []string
	}{
		{"2024年全区粮食产量15.7万吨,同比增长1%;", PartReview, []string{
			"15.7万吨|万吨|15.7|全区粮食产量|result|2024",
			"1%|%|1|全区粮食产量增长|result|2024",
		}},
		{"预计全年,地区生产总值完成368.7亿元,增长8%左右;", PartReview, []string{
			"368.7亿元|亿元|368.7|地区生产总值|result|2024",
			"8%左右|%|8|地区生产总值增长|result|2024",
		}},
		{"城乡居民人均可支配收入分别实现63848元、32729元,增长4.6%、6%左右;", PartReview, []string{
			"63848元|元|63848|城乡居民人均可支配收入|result|2024",
			"32729元|元|32729|城乡居民人均可支配收入|result|2024",
			"4.6%|%|4.6|城乡居民人均可支配收入增长|result|2024",
			"6%左右|%|6|城乡居民人均可支配收入增长|result|2024",
		}},
		{"积极争取4万亩高标准农田建设和2000亩盐碱地综合治理改造。", PartPlan, []string{
			"4万亩|万亩|4|高标准农田建设|target|2025",
			"2000亩|亩|2000|盐碱地综合治理改造|target|2025",
		}},
		{"可再生能源发电装机规模历史性超过火电，全年新增装机超过全球一半。", PartReview, []string{
			"一半|%|50|新增装机超过全球|result|2024",
		}},
		{"站上上万亿元台阶，加强城镇老旧小区改造，惠及上千万家庭。", PartReview, []string{
			"上千万|万|1000|家庭|result|2024",
		}},
		{"旅游综合收入突破万亿元，重点项目投资超千亿元，迈入万亿级规模。", PartReview, []string{
			"万亿元|万亿元|1|旅游综合收入|result|2024",
			"千亿元|亿元|1000|重点项目投资|result|2024",
		}},
		{"全面推广“一次挂号管三天”门诊服务，出生人口超百万。", PartReview, []string{
			"三天|天|3|全面推广“一次挂号管|result|2024",
			"百万|万|100|出生人口|result|2024",
		}},
		// thresholds of a class, larger magnitudes and names are no amounts
		{"经济总量超千亿元的县域达12个，算力达千万亿次，“九天”无人机首飞，建设十四五天然气管网。", PartReview, []string{
			"12个|个|12|经济总量超千亿元的县域|result|2024",
		}},
		{"港口集装箱吞吐量突破千万标箱，装机超百万千瓦时。", PartReview, []string{
			"千万标箱|万标箱|1000|港口集装箱吞吐量|result|2024",
			"百万千瓦时|万千瓦时|100|装机|result|2024",
		}},
		{"商业航天全产业链布局，东方航天港海上发射卫星137颗。", PartReview, []string{
			"137颗|颗|137|东方航天港海上发射卫星|result|2024",
		}},
		{"加强大气污染治理,优良天数比率达到84.8%以上。", PartPlan, []string{
			"84.8%以上|%|84.8|优良天数比率|target|2025",
		}},
		{"——地区生产总值增长8%左右;", PartPlan, []string{
			"8%左右|%|8|地区生产总值|target|2025",
		}},
		{"地区生产总值从11.37万亿元提高到14.58万亿元。", PartReview, []string{
			"11.37万亿元|万亿元|11.37|地区生产总值|result|2024",
			"14.58万亿元|万亿元|14.58|地区生产总值|result|2024",
		}},
		{"粮食产量1.39万亿斤，再创历史新高。", PartReview, []string{"1.39万亿斤|万亿斤|1.39|粮食产量|result|2024"}},
		{"经济总量连续迈上4万亿、5万亿两个台阶。", PartReview, []string{
			"4万亿|万亿|4|经济总量连续迈上|result|2024",
			"5万亿|万亿|5|经济总量连续迈上|result|2024",
			"两个|个|2|台阶|result|2024",
		}},
		// doubling said in words
		{"人均地区生产总值比2020年翻一番。", PartPlan, []string{"翻一番|倍|2|人均地区生产总值比|target|2025"}},
		// durations, not dates
		{"北京连续9年稳居全球榜首，中轴线历时12年成功申遗，2025年启动。", PartReview, []string{
			"9年|年|9|北京|result|2024",
			"12年|年|12|中轴线|result|2024",
		}},
		// counts in Chinese numerals; not one, not ordinals, not names
		{"两次降低存款准备金率、两次下调政策利率。", PartReview, []string{
			"两次|次|2|降低存款准备金率|result|2024",
			"两次|次|2|下调政策利率|result|2024",
		}},
		{"办好十件民生实事，第三次全国土壤普查，一批项目，“十四五”规划，一百二十个村。", PartPlan, []string{
			"十件|件|10|民生实事|target|2025",
			"一百二十个|个|120|村|target|2025",
		}},
		{"今年赤字率拟按2.8%左右安排。", PartPlan, []string{"2.8%左右|%|2.8|赤字率|target|2025"}},
		{"高于全国0.4个百分点，接待游客3.2亿人次，新建公路120公里、桥梁3座。", PartReview, []string{
			"0.4个百分点|个百分点|0.4|高于全国|result|2024",
			"3.2亿人次|亿人次|3.2|接待游客|result|2024",
			"120公里|公里|120|新建公路|result|2024",
			"3座|座|3|桥梁|result|2024",
		}},
		{"2025年力争建设公共中试基地1个。", PartPlan, []string{"1个|个|1|建设公共中试基地|target|2025"}},
		{"到2030年，地区生产总值达到3万亿元。", PartPlan, []string{"3万亿元|万亿元|3|地区生产总值|target|2025"}},
		{"到2030年地区生产总值达到3万亿元。", PartPlan, []string{"3万亿元|万亿元|3|地区生产总值|target|2030"}},
		{"5G用户普及率超过50%。", PartReview, []string{"50%|%|50|5G用户普及率|result|2024"}},
		// not figures: years, dates, ordinals, names with numbers
		{"2025年是“十四五”规划收官之年。", PartReview, nil},
		{"深入推进包头第三热电厂1、2号机组深度调峰能力改造。", PartReview, nil},
		{"——2024年3月5日在第十四届全国人民代表大会第二次会议上", PartFront, nil},
		{"11月6日至10日，总书记亲临视察。", PartReview, nil},
		{"PM2.5平均浓度持续下降，开通地铁3号线，防治2型糖尿病。", PartReview, nil},
		{"召开第3次全体会议。", PartReview, nil},
		{"贯彻落实省委十二届十一次全会和市委八届十三次全会部署要求。", PartReview, nil},
	}
	for _, tc := range tests {
		var got []string
		for _, f := range extractFigures(tc.s, tc.part, 2024, 2025) {
			got = append(got, fmt.Sprintf("%s|%s|%g|%s|%s|%d", f.Text, f.Unit, f.Value, f.Measure, f.Period, f.Year))
			if tc.s[f.Start:f.End] != f.Text {
				t.Errorf("%q: offsets %d-%d do not give %q", tc.s, f.Start, f.End, f.Text)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("extractFigures(%q)\n got %q\nwant %q", tc.s, got, tc.want)
		}
	}
}

func TestFigureMeasure(t *testing.T) {
	for clause, want := range map[string]string{
		"地区生产总值完成":      "地区生产总值",
		"——规模以上工业增加值增长": "规模以上工业增加值",
		"“十四五”时期累计新增":   "十四五”时期",
		"城镇登记失业率控制在":    "城镇登记失业率",
		"促成意向签约":        "促成意向签约",
		"其中新建项目":        "新建项目",
		"2024年全区粮食产量":   "全区粮食产量",
		"技术合同成交额同比增长":   "技术合同成交额",
		"确保粮食播种面积稳定在":   "粮食播种面积",
	} {
		if got := measureOf(clause); got != want {
			t.Errorf("measureOf(%q) = %q, want %q", clause, got, want)
		}
	}
}

func TestLatinUnits(t *testing.T) {
	tests := []struct {
		s    string
		want []string // figure texts
	}{
		{"全省算力规模突破190Eflops。", []string{"190Eflops"}},
		{"新能源电池产能达55GWh，装机20GW。", []string{"55GWh", "20GW"}},
		{"新建5G基站1万个，建设4K频道。", []string{"1万个"}},
		{"算力规模突破4000P。", []string{"4000P"}},
		{"城乡居民收入比缩小至2.21∶1。", []string{"2.21∶1"}},
		{"农产品加工产值与农业总产值之比从1.68:1提升至2.5:1。", []string{"1.68:1", "2.5:1"}},
		{"产业结构由8.7∶41.2∶50.1调整为7.4∶39.6∶53。", []string{"8.7∶41.2∶50.1", "7.4∶39.6∶53"}},
		{"发布时间：2026-02-09 09:45:30", nil},
		{"确保白洋淀水质稳定保持在地表水Ⅲ类。", []string{"Ⅲ类"}},
		{"国考断面水质优良（达到或好于III类）比例达到90%。", []string{"III类", "90%"}},
		{"新获批Ⅰ类新药10个。", []string{"10个"}},
		{"建成10G PON端口2000个。", []string{"2000个"}},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range extractFigures(tt.s, PartReview, 2025, 2026) {
			got = append(got, f.Text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("extractFigures(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}
