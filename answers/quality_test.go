package answers

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planbot/index"
)

// qualitySets are the question sets of testdata/ with the report each asks
// and the floors it must keep, in per cent: strict (the right sentence
// and section first) of the answerable questions, wrong (a wrong sentence
// first) of the answerable at most, and abstention right of the
// unanswerable. The floors are the figures measured when the set was last
// improved, less about one question: a change that costs any set more
// fails `go test ./...`.
var qualitySets = []struct {
	file, report           string
	strict, wrong, abstain float64
}{
	{"seed_questions", "jiuyuan_2025_plan_report", 97.5, 1.8, 98.0},
	{"beijing_2026_questions", "beijing_2026_gwr", 96.6, 2.3, 93.7},
	{"beijing_2026_hard", "beijing_2026_gwr", 98.4, 1.6, 92.8},
	{"guowuyuan_2024_questions", "guowuyuan_2024_gwr", 93.6, 6.4, 85.7},
	{"guowuyuan_2024_hard", "guowuyuan_2024_gwr", 95.4, 3.1, 92.8},
	{"shanghai_2026_questions", "shanghai_2026_gwr", 95.2, 3.2, 90.9},
	{"shanghai_2026_hard", "shanghai_2026_gwr", 96.9, 3.1, 85.7},
	{"sichuan_2026_questions", "sichuan_2026_gwr", 95.8, 4.2, 92.3},
	{"sichuan_2026_hard", "sichuan_2026_gwr", 96.9, 1.6, 92.8},
	{"guangdong_2026_questions", "guangdong_2026_gwr", 94.0, 2.4, 86.6},
	{"guowuyuan_2022_questions", "guowuyuan_2022_gwr", 96.7, 3.3, 82.3},
	{"ningxia_2026_questions", "ningxia_2026_gwr", 96.6, 3.4, 80.0},
	{"hainan_2026_questions", "hainan_2026_gwr", 96.6, 1.7, 90.0},
	{"jiangxi_2026_questions", "jiangxi_2026_gwr", 98.3, 1.7, 90.0},
	{"hubei_2026_questions", "hubei_2026_gwr", 96.6, 1.7, 90.0},
	{"tianjin_2026_questions", "tianjin_2026_gwr", 95.0, 3.4, 90.0},
	{"hunan_2026_questions", "hunan_2026_gwr", 94.9, 3.4, 70.0},
	{"shandong_2026_questions", "shandong_2026_gwr", 84.9, 3.4, 90.0},
	{"anhui_2026_questions", "anhui_2026_gwr", 96.2, 3.8, 83.3},
	{"chongqing_2026_questions", "chongqing_2026_gwr", 94.5, 1.9, 80.0},
	{"hebei_2026_questions", "hebei_2026_gwr", 96.3, 1.9, 80.0},
	{"guangxi_2026_questions", "guangxi_2026_gwr", 98.1, 1.9, 80.0},
	{"guizhou_2026_questions", "guizhou_2026_gwr", 92.7, 5.5, 80.0},
	{"yunnan_2026_questions", "yunnan_2026_gwr", 89.0, 7.3, 80.0},
	// second sets, written 2026-12-06 by new helpers on reports tuned on
	{"anhui_2026_v2", "anhui_2026_gwr", 98.1, 1.9, 60.0},
	{"chongqing_2026_v2", "chongqing_2026_gwr", 92.7, 3.7, 80.0},
	{"yunnan_2026_v2", "yunnan_2026_gwr", 96.3, 3.7, 60.0},
	{"seed_v2", "jiuyuan_2025_plan_report", 92.7, 5.5, 80.0},
	{"hubei_2026_v2", "hubei_2026_gwr", 96.3, 1.9, 80.0},
	{"guangxi_2026_v2", "guangxi_2026_gwr", 96.3, 1.9, 80.0},
	{"hebei_2026_v2", "hebei_2026_gwr", 96.3, 3.7, 80.0},
	{"hainan_2026_v2", "hainan_2026_gwr", 98.1, 1.9, 80.0},
	{"jiangxi_2026_v2", "jiangxi_2026_gwr", 89.0, 5.5, 80.0},
	{"shandong_2026_v2", "shandong_2026_gwr", 87.2, 5.5, 60.0},
	{"guizhou_2026_v2", "guizhou_2026_gwr", 96.3, 1.9, 80.0},
	// sets written at the start of stop 25 by new helpers, then tuned on
	{"guangdong_2026_v2", "guangdong_2026_gwr", 88.0, 4.0, 80.0},
	{"hunan_2026_v2", "hunan_2026_gwr", 94.0, 2.0, 80.0},
	{"anhui_2026_v3", "anhui_2026_gwr", 94.0, 4.0, 80.0},
	{"hubei_2026_v3", "hubei_2026_gwr", 84.0, 6.0, 60.0},
	// sets written at the start of stop 26 by new helpers, then tuned on
	{"chongqing_2026_v3", "chongqing_2026_gwr", 84.0, 6.0, 80.0},
	{"yunnan_2026_v3", "yunnan_2026_gwr", 85.9, 4.0, 80.0},
	{"shandong_2026_v3", "shandong_2026_gwr", 86.0, 6.0, 80.0},
	{"jiangxi_2026_v3", "jiangxi_2026_gwr", 84.0, 6.0, 80.0},
	// sets written at the start of stop 27 by new helpers, then tuned on
	{"hunan_2026_v3", "hunan_2026_gwr", 80.0, 8.0, 80.0},
	{"hebei_2026_v3", "hebei_2026_gwr", 83.9, 4.0, 80.0},
	{"guangxi_2026_v3", "guangxi_2026_gwr", 79.9, 6.1, 80.0},
	{"guizhou_2026_v3", "guizhou_2026_gwr", 83.9, 2.0, 80.0},
	// sets written at the start of stop 28 by new helpers, then tuned on
	{"guangdong_2026_v3", "guangdong_2026_gwr", 75.9, 10.1, 60.0},
	{"hainan_2026_v3", "hainan_2026_gwr", 83.9, 2.0, 80.0},
	{"sichuan_2026_v3", "sichuan_2026_gwr", 83.9, 8.1, 80.0},
	// English and colloquial sets of 15 questions a report, written at the start of stop 28 by new helpers, then tuned on
	{"anhui_2026_col", "anhui_2026_gwr", 76.9, 7.7, 50.0},        // first run 38.5 / 7.7 % wrong
	{"beijing_2026_en", "beijing_2026_gwr", 76.9, 7.7, 50.0},     // first run 53.8 / 0.0 % wrong
	{"chongqing_2026_en", "chongqing_2026_gwr", 61.5, 15.4, 0.0}, // first run 61.5 / 7.7 % wrong
	{"hubei_2026_en", "hubei_2026_gwr", 69.2, 23.1, 50.0},        // first run 61.5 / 15.4 % wrong
	{"jiangxi_2026_col", "jiangxi_2026_gwr", 15.3, 7.7, 50.0},    // first run 7.7 / 0.0 % wrong
	{"shandong_2026_col", "shandong_2026_gwr", 69.2, 7.7, 50.0},  // first run 61.5 / 7.7 % wrong
	{"shanghai_2026_en", "shanghai_2026_gwr", 76.9, 15.4, 0.0},   // first run 76.9 / 7.7 % wrong
	{"yunnan_2026_col", "yunnan_2026_gwr", 61.5, 7.7, 50.0},      // first run 23.1 / 0.0 % wrong
	// English and colloquial sets of 15 questions a report, written at the start of stop 29 by new helpers, then tuned on
	{"guangdong_2026_en", "guangdong_2026_gwr", 76.9, 7.7, 50.0}, // first run 61.5 / 15.4 % wrong
	{"hainan_2026_en", "hainan_2026_gwr", 53.8, 15.4, 50.0},      // first run 46.2 / 15.4 % wrong
	{"sichuan_2026_en", "sichuan_2026_gwr", 92.3, 7.7, 50.0},     // first run 84.6 / 7.7 % wrong
	{"guangxi_2026_col", "guangxi_2026_gwr", 38.5, 15.4, 50.0},   // first run 23.1 / 7.7 % wrong
	{"hebei_2026_col", "hebei_2026_gwr", 61.5, 7.7, 50.0},        // first run 38.5 / 0.0 % wrong
	{"hunan_2026_col", "hunan_2026_gwr", 53.8, 7.7, 50.0},        // first run 23.1 / 0.0 % wrong
	// English and colloquial sets of 15 questions a report, written at the start of stop 30 by new helpers, then tuned on
	{"beijing_2026_col", "beijing_2026_gwr", 30.7, 7.7, 50.0},     // first run 30.8 / 0.0 % wrong
	{"chongqing_2026_col", "chongqing_2026_gwr", 46.1, 7.7, 50.0}, // first run 30.8 / 0.0 % wrong
	{"hubei_2026_col", "hubei_2026_gwr", 30.8, 7.7, 50.0},         // first run 38.5 / 0.0 % wrong
	{"yunnan_2026_en", "yunnan_2026_gwr", 84.6, 7.7, 50.0},        // first run 76.9 / 0.0 % wrong
	{"shandong_2026_en", "shandong_2026_gwr", 53.8, 23.1, 50.0},   // first run 53.8 / 15.4 % wrong
	{"jiangxi_2026_en", "jiangxi_2026_gwr", 76.9, 7.7, 50.0},      // first run 69.2 / 7.7 % wrong
	// English and colloquial sets of 15 questions a report, written in stop 30 by new helpers (first run on its first code), then tuned on
	{"fujian_2026_col", "fujian_2026_gwr", 61.5, 7.7, 50.0},        // first run 38.5 / 7.7 % wrong
	{"guangdong_2026_col", "guangdong_2026_gwr", 38.4, 15.4, 50.0}, // first run 38.5 / 7.7 % wrong; 38.5 after how-questions preferred the plan part (stop 34)
	{"hainan_2026_col", "hainan_2026_gwr", 53.8, 15.4, 50.0},       // first run 46.2 / 7.7 % wrong
	{"ningxia_2026_col", "ningxia_2026_gwr", 76.9, 7.7, 49.9},      // first run 61.5 / 0.0 % wrong
	{"shaanxi_2026_col", "shaanxi_2026_gwr", 61.5, 23.1, 50.0},     // first run 38.5 / 23.1 % wrong
	{"sichuan_2026_col", "sichuan_2026_gwr", 61.5, 7.7, 50.0},      // first run 46.2 / 0.0 % wrong
	{"guangxi_2026_en", "guangxi_2026_gwr", 76.9, 15.4, 50.0},      // first run 76.9 / 7.7 % wrong
	{"guizhou_2026_en", "guizhou_2026_gwr", 84.6, 7.7, 50.0},       // first run 84.6 / 0.0 % wrong
	{"hebei_2026_en", "hebei_2026_gwr", 84.6, 7.7, 50.0},           // first run 84.6 / 0.0 % wrong
	{"hunan_2026_en", "hunan_2026_gwr", 92.3, 7.7, 50.0},           // first run 84.6 / 7.7 % wrong
	{"shanxi_2026_en", "shanxi_2026_gwr", 84.6, 7.7, 49.9},         // first run 69.2 / 0.0 % wrong
	{"xizang_2026_en", "xizang_2026_gwr", 53.8, 15.4, 50.0},        // first run 53.8 / 7.7 % wrong
	// city budget reports (from their PDFs), written at the start of stop 27 by new helpers, then tuned on
	{"baoding_2025_budget_v2", "baoding_2025_budget_report", 79.9, 6.0, 80.0},
	{"ezhou_2025_budget_v2", "ezhou_2025_budget_execution_report", 88.0, 2.0, 60.0},
	// held out: never read, only their overall figures seen (README.md)
	{"jilin_2026_heldout", "jilin_2026_gwr", 93.3, 3.4, 90.0},
	{"shaanxi_2026_heldout", "shaanxi_2026_gwr", 91.6, 5.1, 89.9},
	{"qinghai_2026_heldout", "qinghai_2026_gwr", 94.9, 1.7, 90.0},
	{"liaoning_2026_heldout", "liaoning_2026_gwr", 96.2, 1.9, 66.6},
	{"fujian_2026_heldout", "fujian_2026_gwr", 96.2, 1.9, 83.3},
	{"heilongjiang_2026_heldout", "heilongjiang_2026_gwr", 94.5, 3.7, 80.0},
	{"shanxi_2026_heldout", "shanxi_2026_gwr", 83.6, 1.9, 60.0},
	{"xizang_2026_heldout", "xizang_2026_gwr", 87.2, 1.9, 60.0},
	{"xinjiang_2026_heldout", "xinjiang_2026_gwr", 87.2, 3.7, 80.0},
	// held out: second sets written 2026-12-06 after this stop's changes
	{"seed_v3_heldout", "jiuyuan_2025_plan_report", 92.7, 3.7, 60.0},
	{"sichuan_2026_v2_heldout", "sichuan_2026_gwr", 90.9, 5.5, 80.0},
	{"tianjin_2026_v2_heldout", "tianjin_2026_gwr", 79.9, 7.4, 80.0},
	{"beijing_2026_v2_heldout", "beijing_2026_gwr", 94.5, 3.7, 80.0},
	{"shanghai_2026_v2_heldout", "shanghai_2026_gwr", 92.7, 3.7, 80.0},
	{"ningxia_2026_v2_heldout", "ningxia_2026_gwr", 89.0, 5.5, 80.0},
	// held out: written at the start of stop 24, first run on its first code
	{"jilin_2026_v2_heldout", "jilin_2026_gwr", 90.9, 3.7, 80.0},
	{"qinghai_2026_v2_heldout", "qinghai_2026_gwr", 87.2, 3.7, 80.0},
	{"fujian_2026_v2_heldout", "fujian_2026_gwr", 87.2, 5.5, 40.0},
	// held out: written at the start of stop 25, first run on its first code
	{"shaanxi_2026_v2_heldout", "shaanxi_2026_gwr", 91.9, 4.0, 60.0},
	{"liaoning_2026_v2_heldout", "liaoning_2026_gwr", 83.6, 1.9, 80.0},
	{"heilongjiang_2026_v2_heldout", "heilongjiang_2026_gwr", 90.0, 2.0, 80.0},
	// held out: written at the end of stop 25, first run on its last code
	{"shanxi_2026_v2_heldout", "shanxi_2026_gwr", 91.9, 2.0, 80.0},
	{"xizang_2026_v2_heldout", "xizang_2026_gwr", 84.0, 4.0, 60.0},
	{"xinjiang_2026_v2_heldout", "xinjiang_2026_gwr", 85.9, 6.0, 80.0},
	// held out: written at the end of stop 26, first run on its last code
	{"jilin_2026_v3_heldout", "jilin_2026_gwr", 75.9, 10.1, 80.0},
	{"fujian_2026_v3_heldout", "fujian_2026_gwr", 70.0, 2.1, 40.0},
	{"shaanxi_2026_v3_heldout", "shaanxi_2026_gwr", 73.9, 6.0, 80.0},
	// held out: written at the start of stop 27, first run on its first code
	{"liaoning_2026_v3_heldout", "liaoning_2026_gwr", 77.9, 6.1, 20.0},
	{"xinjiang_2026_v3_heldout", "xinjiang_2026_gwr", 87.9, 2.0, 80.0},
	{"shanxi_2026_v3_heldout", "shanxi_2026_gwr", 77.9, 10.0, 60.0}, // first run 72 / 4 % wrong; 70 / 8 after ContextTopic (stop 27); 70 / 10 after the colloquial check left the scene out (stop 28; README.md)
	// held out: written at the start of stop 28, first run on its first code
	{"tianjin_2026_v3_heldout", "tianjin_2026_gwr", 81.9, 8.0, 80.0},
	{"ningxia_2026_v3_heldout", "ningxia_2026_gwr", 85.9, 4.0, 60.0},
	{"qinghai_2026_v3_heldout", "qinghai_2026_gwr", 81.9, 6.0, 80.0},
	// held out: English and colloquial sets of 15 questions a report, written at the start of stop 28, first run on its first code
	{"fujian_2026_en_heldout", "fujian_2026_gwr", 61.5, 7.7, 0.0},               // first run 53.8 / 7.7 % wrong
	{"heilongjiang_2026_col_heldout", "heilongjiang_2026_gwr", 61.5, 7.7, 50.0}, // first run 46.2 / 0.0 % wrong
	{"jilin_2026_en_heldout", "jilin_2026_gwr", 69.2, 15.4, 50.0},               // first run 53.8 / 7.7 % wrong
	{"liaoning_2026_en_heldout", "liaoning_2026_gwr", 61.5, 15.4, 50.0},         // first run 46.2 / 7.7 % wrong
	{"qinghai_2026_col_heldout", "qinghai_2026_gwr", 38.4, 15.4, 50.0},          // first run 7.7 / 7.7 % wrong
	{"shaanxi_2026_en_heldout", "shaanxi_2026_gwr", 76.9, 15.4, 0.0},            // first run 30.8 / 15.4 % wrong
	{"xinjiang_2026_col_heldout", "xinjiang_2026_gwr", 46.1, 7.7, 49.9},         // first run 23.1 / 0.0 % wrong
	{"xizang_2026_col_heldout", "xizang_2026_gwr", 30.7, 7.7, 50.0},             // first run 15.4 / 0.0 % wrong
	// held out: English and colloquial sets of 15 questions a report, written at the start of stop 29, first run on its first code
	{"anhui_2026_en_heldout", "anhui_2026_gwr", 92.3, 7.7, 0.0},                 // first run 84.6 / 7.7 % wrong
	{"heilongjiang_2026_en_heldout", "heilongjiang_2026_gwr", 69.2, 15.4, 50.0}, // first run 46.2 / 23.1 % wrong
	{"ningxia_2026_en_heldout", "ningxia_2026_gwr", 61.5, 23.1, 0.0},            // first run 61.5 / 15.4 % wrong
	{"guizhou_2026_col_heldout", "guizhou_2026_gwr", 38.4, 15.4, 0.0},           // first run 15.4 / 15.4 % wrong
	{"shanxi_2026_col_heldout", "shanxi_2026_gwr", 30.7, 15.4, 50.0},            // first run 15.4 / 7.7 % wrong
	{"tianjin_2026_col_heldout", "tianjin_2026_gwr", 46.1, 15.4, 50.0},          // first run 38.5 / 15.4 % wrong; 30.8 / 23.1 at the end of stop 29, 38.5 / 7.7 at the end of stop 30 (README.md)
	// held out: English and colloquial sets of 15 questions a report, written at the start of stop 30, first run on its first code
	{"qinghai_2026_en_heldout", "qinghai_2026_gwr", 69.2, 23.1, 50.0},    // first run 46.2 / 15.4 % wrong
	{"xinjiang_2026_en_heldout", "xinjiang_2026_gwr", 53.8, 23.1, 50.0},  // first run 38.5 / 15.4 % wrong
	{"tianjin_2026_en_heldout", "tianjin_2026_gwr", 76.9, 15.4, 49.9},    // first run 76.9 / 7.7 % wrong
	{"shanghai_2026_col_heldout", "shanghai_2026_gwr", 30.8, 15.4, 50.0}, // first run 30.8 / 15.4 % wrong
	{"jilin_2026_col_heldout", "jilin_2026_gwr", 53.8, 15.4, 50.0},       // first run 46.2 / 7.7 % wrong
	{"liaoning_2026_col_heldout", "liaoning_2026_gwr", 46.1, 7.7, 0.0},   // first run 38.5 / 7.7 % wrong
	// held out: city budget reports, read from their PDFs
	{"baoding_2025_budget_heldout", "baoding_2025_budget_report", 83.6, 3.7, 80.0},
	{"ezhou_2025_budget_heldout", "ezhou_2025_budget_execution_report", 83.6, 9.1, 39.9},
	// officials asking in a work chat (terse, abbreviations, a target or a result), written at the start of stop 31 by new helpers
	{"jiuyuan_2025_off", "jiuyuan_2025_plan_report", 94.1, 5.9, 66.6},
	{"guowuyuan_2024_off", "guowuyuan_2024_gwr", 88.2, 11.8, 66.6},
	{"heilongjiang_2026_off", "heilongjiang_2026_gwr", 94.1, 5.9, 66.6},
	{"guowuyuan_2022_off_heldout", "guowuyuan_2022_gwr", 94.1, 5.9, 66.6},
	{"ezhou_2025_off_heldout", "ezhou_2025_budget_execution_report", 88.2, 11.8, 66.6},
	{"xizang_2026_off_heldout", "xizang_2026_gwr", 94.1, 5.9, 33.3},
	// the public asking in a chat (citizens, a foreign resident, Traditional), written mid-stop 31 by new helpers
	{"anhui_2026_pub", "anhui_2026_gwr", 58.8, 5.9, 66.6},
	{"guangdong_2026_pub", "guangdong_2026_gwr", 52.9, 5.9, 33.3},
	{"yunnan_2026_pub", "yunnan_2026_gwr", 41.1, 5.9, 66.6},
	{"hubei_2026_pub_heldout", "hubei_2026_gwr", 41.1, 11.8, 66.6},
	{"hunan_2026_pub_heldout", "hunan_2026_gwr", 70.5, 5.9, 66.6},
	{"shanghai_2026_pub_heldout", "shanghai_2026_gwr", 64.7, 5.9, 0.0},
	// the public asking in a chat, written at the start of stop 33 by new helpers
	{"sichuan_2026_pub_heldout", "sichuan_2026_gwr", 41.1, 11.8, 66.6},
	{"beijing_2026_pub_heldout", "beijing_2026_gwr", 47.0, 11.8, 66.6},
	// one topic asked of different periods (last year, this year, the five years past and next), written at the start of stop 33 by new helpers
	{"guowuyuan_2024_per", "guowuyuan_2024_gwr", 94.1, 5.9, 66.6},
	{"jilin_2026_per", "jilin_2026_gwr", 94.1, 5.9, 66.6},
	{"hunan_2026_per_heldout", "hunan_2026_gwr", 88.2, 5.9, 66.6},
	{"guangxi_2026_per_heldout", "guangxi_2026_gwr", 70.5, 11.8, 66.6},
	// held out: officials, citizens, typos, Traditional, English and unanswerable mixed (30 a set), written at the start of stop 34, first run on its first code
	{"chongqing_2026_mix_heldout", "chongqing_2026_gwr", 88.0, 4.0, 80.0}, // first run 92.0 / 0.0 % wrong, abstention 100
	{"guowuyuan_2022_mix_heldout", "guowuyuan_2022_gwr", 92.0, 4.0, 60.0}, // first run 96.0 / 0.0 % wrong, abstention 80
	// held out: mixed as above, written mid-stop 34, first run at 2e4e2d7, before the stop's last changes (the same after them)
	{"shanxi_2026_mix_heldout", "shanxi_2026_gwr", 79.9, 4.0, 79.9},   // first run 80.0 / 0.0 % wrong, abstention 80
	{"tianjin_2026_mix_heldout", "tianjin_2026_gwr", 92.0, 4.0, 60.0}, // first run 92.0 / 0.0 % wrong, abstention 80
	// held out: the public's chat questions (25 a set) and mixed sets (30), written at the start of stop 35, first run on its first code (047b28d)
	{"hebei_2026_pub2_heldout", "hebei_2026_gwr", 61.9, 4.8, 75.0},         // first run 52.4 / 0.0 % wrong, abstention 100
	{"jiangxi_2026_pub2_heldout", "jiangxi_2026_gwr", 61.9, 4.8, 75.0},     // first run 57.1 / 0.0 % wrong, abstention 100
	{"hainan_2026_pub2_heldout", "hainan_2026_gwr", 57.1, 9.6, 75.0},       // first run 52.4 / 9.5 % wrong, abstention 100
	{"guangxi_2026_mix_heldout", "guangxi_2026_gwr", 84.6, 11.6, 75.0},     // first run 88.5 / 7.7 % wrong, abstention 100
	{"ningxia_2026_mix_heldout", "ningxia_2026_gwr", 84.6, 3.9, 50.0},      // first run 88.5 / 0.0 % wrong, abstention 75
	{"guizhou_2026_mix_heldout", "guizhou_2026_gwr", 92.3, 7.7, 75.0},      // first run 96.2 / 3.8 % wrong, abstention 100
	{"anhui_2026_off_heldout", "anhui_2026_gwr", 92.3, 3.9, 75.0},          // first run 92.3 / 3.8 % wrong, abstention 100
	{"hubei_2026_off_heldout", "hubei_2026_gwr", 80.7, 3.9, 75.0},          // first run 84.6 / 0.0 % wrong, abstention 100
	{"guowuyuan_2024_off_heldout", "guowuyuan_2024_gwr", 88.4, 7.7, 75.0},  // first run 88.5 / 3.8 % wrong, abstention 100
	{"shandong_2026_mix_heldout", "shandong_2026_gwr", 84.6, 3.9, 75.0},    // first run 88.5 / 0.0 % wrong, abstention 100
	{"yunnan_2026_mix_heldout", "yunnan_2026_gwr", 92.3, 3.9, 74.9},        // first run 92.3 / 0.0 % wrong, abstention 75
	{"guangdong_2026_mix_heldout", "guangdong_2026_gwr", 84.6, 11.6, 50.0}, // first run 80.8 / 7.7 % wrong, abstention 75
	{"chongqing_2026_off_heldout", "chongqing_2026_gwr", 88.4, 7.7, 75.0},  // first run (on stop 36's last code) 88.5 / 3.8 % wrong, abstention 100
	{"hebei_2026_mix_heldout", "hebei_2026_gwr", 84.6, 11.6, 74.9},         // first run (on stop 36's last code) 88.5 / 7.7 % wrong, abstention 75
	{"jiangxi_2026_mix_heldout", "jiangxi_2026_gwr", 92.3, 3.9, 74.9},      // first run (on stop 36's last code) 88.5 / 7.7 % wrong, abstention 75
	// held out: officials (30) and mixed sets (30), written at the start of stop 37 by new helpers, first run on its first code (4d3546b)
	{"beijing_2026_off_heldout", "beijing_2026_gwr", 96.1, 3.9, 75.0}, // first run 100.0 / 0.0 % wrong, abstention 100
	{"sichuan_2026_mix_heldout", "sichuan_2026_gwr", 88.4, 7.7, 75.0}, // first run 88.5 / 7.7 % wrong, abstention 100
	{"hunan_2026_mix_heldout", "hunan_2026_gwr", 88.4, 3.9, 75.0},     // first run 88.5 / 3.8 % wrong, abstention 100
	// held out: officials (30) and mixed (30), written at the end of stop 37 by new helpers, run once on its last code (97a57e7)
	{"guizhou_2026_off_heldout", "guizhou_2026_gwr", 84.6, 7.7, 75.0},   // first run 88.5 / 3.8 % wrong, abstention 100
	{"shanghai_2026_off_heldout", "shanghai_2026_gwr", 92.3, 7.7, 25.0}, // first run 96.2 / 3.8 % wrong, abstention 50
	{"liaoning_2026_mix_heldout", "liaoning_2026_gwr", 84.6, 3.9, 74.9}, // first run 88.5 / 0.0 % wrong, abstention 75
	// tuning: officials (30) and mixed sets (30), written at the start of stop 37 by new helpers, first run on its first code (4d3546b), then tuned on
	{"shanghai_2026_mix", "shanghai_2026_gwr", 88.4, 7.7, 74.9},  // first run 88.5 / 7.7 % wrong, abstention 75
	{"liaoning_2026_off", "liaoning_2026_gwr", 84.6, 11.6, 50.0}, // first run 80.8 / 11.5 % wrong, abstention 75
	{"xinjiang_2026_mix", "xinjiang_2026_gwr", 92.3, 7.7, 75.0},  // first run 84.6 / 3.8 % wrong, abstention 100
	{"fujian_2026_off", "fujian_2026_gwr", 96.1, 3.9, 74.9},      // first run 96.2 / 0.0 % wrong, abstention 50
	// tuning: the public's chat questions (25) and officials (30), written mid-stop 37 by new helpers, first run on 28db8e0, then tuned on
	{"anhui_2026_pub3", "anhui_2026_gwr", 80.9, 4.8, 75.0},     // first run 81.0 / 0.0 % wrong, abstention 100
	{"tianjin_2026_pub3", "tianjin_2026_gwr", 71.4, 4.8, 75.0}, // first run 76.2 / 0.0 % wrong, abstention 100
	{"guangxi_2026_off", "guangxi_2026_gwr", 88.4, 7.7, 75.0},  // first run 92.3 / 3.8 % wrong, abstention 100
	{"ningxia_2026_off", "ningxia_2026_gwr", 88.4, 7.7, 50.0},  // first run 92.3 / 3.8 % wrong, abstention 75
	// tuning: English (25) and mixed sets (30), written mid-stop 37 by new helpers, first run on a16c4f9, then tuned on
	{"hubei_2026_en2", "hubei_2026_gwr", 80.9, 14.3, 74.9},              // first run 81.0 / 9.5 % wrong, abstention 75
	{"guangdong_2026_en2", "guangdong_2026_gwr", 85.7, 4.8, 74.9},       // first run 76.2 / 4.8 % wrong, abstention 75
	{"hainan_2026_mix", "hainan_2026_gwr", 88.4, 3.9, 74.9},             // first run 92.3 / 0.0 % wrong, abstention 75
	{"heilongjiang_2026_mix", "heilongjiang_2026_gwr", 92.3, 3.9, 50.0}, // first run 96.2 / 0.0 % wrong, abstention 75
	// tuning: the public's chat questions (25), English (25) and mixed (30), written late in stop 37 by new helpers, first run on e600439, then tuned on
	{"shandong_2026_pub3", "shandong_2026_gwr", 76.1, 4.8, 75.0},   // first run 81.0 / 0.0 % wrong, abstention 100
	{"chongqing_2026_pub3", "chongqing_2026_gwr", 66.6, 4.8, 75.0}, // first run 47.6 / 9.5 % wrong, abstention 100
	{"yunnan_2026_en2", "yunnan_2026_gwr", 61.9, 9.6, 75.0},        // first run 61.9 / 4.8 % wrong, abstention 100
	{"xizang_2026_mix", "xizang_2026_gwr", 96.1, 3.9, 50.0},        // first run 100.0 / 0.0 % wrong, abstention 75
	// tuning: the public (25), English (26) and officials (30), written at the end of stop 37 by new helpers, first run on 9c42d06, then tuned on
	{"hunan_2026_pub3", "hunan_2026_gwr", 66.6, 14.3, 75.0},    // first run 61.9 / 9.5 % wrong, abstention 100
	{"guizhou_2026_pub3", "guizhou_2026_gwr", 76.1, 9.6, 75.0}, // first run 81.0 / 4.8 % wrong, abstention 100
	{"sichuan_2026_en2", "sichuan_2026_gwr", 86.3, 9.1, 75.0},  // first run 86.4 / 13.6 % wrong, abstention 100
	{"shanxi_2026_off", "shanxi_2026_gwr", 88.4, 3.9, 75.0},    // first run 92.3 / 0.0 % wrong, abstention 100
	// tuning: mixed (30) and officials (30), written at the end of stop 37 by new helpers, first run on 3ddf4d2, then tuned on
	{"beijing_2026_mix", "beijing_2026_gwr", 88.4, 3.9, 75.0}, // first run 88.5 / 0.0 % wrong, abstention 100
	{"tianjin_2026_off", "tianjin_2026_gwr", 92.3, 3.9, 75.0}, // first run 96.2 / 0.0 % wrong, abstention 100
	{"anhui_2026_mix", "anhui_2026_gwr", 96.1, 3.9, 75.0},     // first run 96.2 / 3.8 % wrong, abstention 100
	{"hubei_2026_mix", "hubei_2026_gwr", 73.0, 11.6, 75.0},    // first run 73.1 / 7.7 % wrong, abstention 100
	// held out: English (25), officials (30) and the public (25), written at the start of stop 38 by new helpers, first run on its first code (da56c29)
	{"beijing_2026_en2_heldout", "beijing_2026_gwr", 80.9, 9.6, 74.9},     // first run 76.2 / 4.8 % wrong, abstention 100
	{"guangdong_2026_off_heldout", "guangdong_2026_gwr", 88.4, 3.9, 49.9}, // first run 92.3 / 0.0 % wrong, abstention 75
	{"guangxi_2026_pub_heldout", "guangxi_2026_gwr", 57.1, 4.8, 49.9},     // first run 61.9 / 0.0 % wrong, abstention 75
	// held out: the public (25), English (25) and mixed (30), written at the end of stop 38 by new helpers, run once on its last code (4af7c81)
	{"xizang_2026_pub_heldout", "xizang_2026_gwr", 66.6, 4.8, 74.9},      // first run 61.9 / 0.0 % wrong, abstention 75
	{"shandong_2026_en3_heldout", "shandong_2026_gwr", 80.9, 19.1, 49.9}, // first run 81.0 / 14.3 % wrong, abstention 75
	{"fujian_2026_mix_heldout", "fujian_2026_gwr", 88.4, 3.9, 74.9},      // first run 92.3 / 0.0 % wrong, abstention 100
	// tuning: English (25) and the public (25), written at the start of stop 38 by new helpers, first run on da56c29, then tuned on
	{"guizhou_2026_en2", "guizhou_2026_gwr", 90.4, 9.6, 74.9},   // first run 85.7 / 4.8 % wrong, abstention 100
	{"ningxia_2026_pub", "ningxia_2026_gwr", 76.1, 4.8, 74.9},   // first run 71.4 / 0.0 % wrong, abstention 100
	{"shanghai_2026_en2", "shanghai_2026_gwr", 85.7, 9.6, 49.9}, // first run 81.0 / 9.5 % wrong, abstention 75
	{"shanxi_2026_pub", "shanxi_2026_gwr", 66.6, 9.6, 74.9},     // first run 61.9 / 4.8 % wrong, abstention 100
	{"xinjiang_2026_pub", "xinjiang_2026_gwr", 71.4, 4.8, 74.9}, // first run 66.7 / 0.0 % wrong, abstention 100
	// tuning: the public (25) and English (25), written early in stop 38 by new helpers, first run on 010c79f, then tuned on
	{"fujian_2026_pub", "fujian_2026_gwr", 71.4, 4.8, 74.9},             // first run 76.2 / 0.0 % wrong, abstention 100
	{"heilongjiang_2026_pub", "heilongjiang_2026_gwr", 80.9, 4.8, 49.9}, // first run 85.7 / 0.0 % wrong, abstention 75
	{"hainan_2026_pub3", "hainan_2026_gwr", 71.4, 9.6, 74.9},            // first run 76.2 / 4.8 % wrong, abstention 100
	{"liaoning_2026_pub", "liaoning_2026_gwr", 57.1, 19.1, 74.9},        // first run 57.1 / 19.0 % wrong, abstention 100
	{"anhui_2026_en2", "anhui_2026_gwr", 90.4, 4.8, 74.9},               // first run 81.0 / 0.0 % wrong, abstention 100
	{"tianjin_2026_en2", "tianjin_2026_gwr", 80.9, 9.6, 74.9},           // first run 85.7 / 4.8 % wrong, abstention 100
	// tuning: the public (25), officials (30), English (25) and mixed (30), written mid-stop 38 by new helpers, first run on a2cbad7, then tuned on
	{"hebei_2026_pub3", "hebei_2026_gwr", 47.6, 4.8, 74.9},        // first run 47.6 / 0.0 % wrong, abstention 100
	{"beijing_2026_pub2", "beijing_2026_gwr", 76.1, 9.6, 74.9},    // first run 81.0 / 4.8 % wrong, abstention 100
	{"yunnan_2026_pub2", "yunnan_2026_gwr", 66.6, 9.6, 74.9},      // first run 66.7 / 9.5 % wrong, abstention 100
	{"jiangxi_2026_off", "jiangxi_2026_gwr", 92.3, 7.7, 74.9},     // first run 96.2 / 3.8 % wrong, abstention 100
	{"chongqing_2026_en2", "chongqing_2026_gwr", 76.1, 9.6, 74.9}, // first run 57.1 / 9.5 % wrong, abstention 75
	{"guangxi_2026_mix2", "guangxi_2026_gwr", 96.1, 3.9, 74.9},    // first run 100.0 / 0.0 % wrong, abstention 100
	// tuning: the public (25), English (25) and officials (30), written mid-stop 38 by new helpers, first run on e2f7f37, then tuned on
	{"sichuan_2026_pub2", "sichuan_2026_gwr", 66.6, 9.6, 74.9},      // first run 66.7 / 4.8 % wrong, abstention 100
	{"guangdong_2026_pub2", "guangdong_2026_gwr", 57.1, 14.3, 74.9}, // first run 52.4 / 9.5 % wrong, abstention 100
	{"hunan_2026_en2", "hunan_2026_gwr", 71.4, 9.6, 74.9},           // first run 76.2 / 4.8 % wrong, abstention 100
	{"xinjiang_2026_en2", "xinjiang_2026_gwr", 80.9, 4.8, 74.9},     // first run 81.0 / 4.8 % wrong, abstention 100
	{"hubei_2026_off2", "hubei_2026_gwr", 76.9, 3.9, 74.9},          // first run 80.8 / 3.8 % wrong, abstention 100
	{"yunnan_2026_off", "yunnan_2026_gwr", 88.4, 7.7, 74.9},         // first run 92.3 / 3.8 % wrong, abstention 100
	// tuning: the public (25) and English (25), written late in stop 38 by new helpers, first run on 08b45be, then tuned on
	{"anhui_2026_pub4", "anhui_2026_gwr", 66.6, 9.6, 74.9},              // first run 71.4 / 4.8 % wrong, abstention 100
	{"tianjin_2026_pub4", "tianjin_2026_gwr", 71.4, 9.6, 74.9},          // first run 76.2 / 9.5 % wrong, abstention 100
	{"guizhou_2026_pub4", "guizhou_2026_gwr", 71.4, 4.8, 74.9},          // first run 71.4 / 4.8 % wrong, abstention 100
	{"hunan_2026_pub4", "hunan_2026_gwr", 76.1, 14.3, 24.9},             // first run 81.0 / 9.5 % wrong, abstention 50
	{"ningxia_2026_en2", "ningxia_2026_gwr", 85.7, 4.8, 74.9},           // first run 85.7 / 0.0 % wrong, abstention 100
	{"heilongjiang_2026_en2", "heilongjiang_2026_gwr", 85.7, 4.8, 74.9}, // first run 76.2 / 0.0 % wrong, abstention 75
	// held out: English (25), officials (30) and the public (25), written at the start of stop 39 by new helpers, first run on its first code (a4c73be)
	{"jiangxi_2026_en2_heldout", "jiangxi_2026_gwr", 71.4, 9.6, 74.9},      // first run 71.4 / 4.8 % wrong, abstention 75
	{"hainan_2026_off_heldout", "hainan_2026_gwr", 92.3, 7.7, 74.9},        // first run 96.2 / 3.8 % wrong, abstention 100
	{"chongqing_2026_pub4_heldout", "chongqing_2026_gwr", 61.9, 9.6, 74.9}, // first run 66.7 / 4.8 % wrong, abstention 100
	// held out: the public (25), English (25) and mixed (30), written at the end of stop 39 by new helpers, run once on its last code (0ccc116)
	{"shanxi_2026_pub2_heldout", "shanxi_2026_gwr", 52.3, 14.3, 49.9},     // first run 57.1 / 9.5 % wrong, abstention 75
	{"xizang_2026_en2_heldout", "xizang_2026_gwr", 57.1, 9.6, 49.9},       // first run 61.9 / 4.8 % wrong, abstention 75
	{"guowuyuan_2024_mix_heldout", "guowuyuan_2024_gwr", 88.4, 3.9, 74.9}, // first run 92.3 / 0.0 % wrong, abstention 100
	// tuning: the public (25) and English (25), written at the start of stop 39 by new helpers, first run on a4c73be, then tuned on
	{"hubei_2026_pub2", "hubei_2026_gwr", 76.1, 9.6, 74.9},      // first run 81.0 / 4.8 % wrong, abstention 100
	{"sichuan_2026_pub3", "sichuan_2026_gwr", 76.1, 4.8, 74.9},  // first run 76.2 / 0.0 % wrong, abstention 100
	{"guangxi_2026_pub2", "guangxi_2026_gwr", 80.9, 9.6, 74.9},  // first run 81.0 / 4.8 % wrong, abstention 100
	{"liaoning_2026_en2", "liaoning_2026_gwr", 80.9, 9.6, 74.9}, // first run 81.0 / 4.8 % wrong, abstention 100
	{"hebei_2026_en2", "hebei_2026_gwr", 80.9, 9.6, 74.9},       // first run 81.0 / 9.5 % wrong, abstention 75
	// tuning: the public (25) and English (25), written early in stop 39 by new helpers, first run on 1e5ccd2, then tuned on
	{"shanghai_2026_pub2", "shanghai_2026_gwr", 85.7, 4.8, 49.9},   // first run 90.5 / 0.0 % wrong, abstention 75
	{"shandong_2026_pub4", "shandong_2026_gwr", 85.7, 4.8, 74.9},   // first run 85.7 / 0.0 % wrong, abstention 100
	{"beijing_2026_pub3", "beijing_2026_gwr", 71.4, 4.8, 49.9},     // first run 76.2 / 0.0 % wrong, abstention 75
	{"sichuan_2026_en3", "sichuan_2026_gwr", 80.9, 9.6, 49.9},      // first run 81.0 / 4.8 % wrong, abstention 75
	{"guangdong_2026_en3", "guangdong_2026_gwr", 85.7, 14.3, 49.9}, // first run 85.7 / 9.5 % wrong, abstention 75
	// tuning: the public (25) and English (25), written mid-stop 39 by new helpers, first run on c999364, then tuned on
	{"yunnan_2026_pub3", "yunnan_2026_gwr", 71.4, 9.6, 74.9},     // first run 76.2 / 4.8 % wrong, abstention 75
	{"hunan_2026_pub5", "hunan_2026_gwr", 80.9, 9.6, 24.9},       // first run 85.7 / 4.8 % wrong, abstention 50
	{"xinjiang_2026_pub2", "xinjiang_2026_gwr", 57.1, 9.6, 74.9}, // first run 61.9 / 4.8 % wrong, abstention 100
	{"ningxia_2026_pub2", "ningxia_2026_gwr", 66.6, 4.8, 74.9},   // first run 71.4 / 0.0 % wrong, abstention 100
	{"tianjin_2026_en3", "tianjin_2026_gwr", 76.1, 9.6, 74.9},    // first run 71.4 / 4.8 % wrong, abstention 100
	// tuning: English (25) and the public (25), written mid-stop 39 by new helpers, first run on 8951453, then tuned on
	{"anhui_2026_en3", "anhui_2026_gwr", 90.4, 9.6, 74.9},                // first run 81.0 / 9.5 % wrong, abstention 100
	{"guizhou_2026_en3", "guizhou_2026_gwr", 80.9, 4.8, 74.9},            // first run 85.7 / 0.0 % wrong, abstention 100
	{"hubei_2026_en3", "hubei_2026_gwr", 71.4, 23.9, 74.9},               // first run 61.9 / 19.0 % wrong, abstention 100
	{"fujian_2026_pub2", "fujian_2026_gwr", 76.1, 9.6, 74.9},             // first run 81.0 / 4.8 % wrong, abstention 100
	{"heilongjiang_2026_pub2", "heilongjiang_2026_gwr", 71.4, 4.8, 74.9}, // first run 76.2 / 0.0 % wrong, abstention 100
	// tuning: officials (30) and the public (25), written mid-stop 39 by new helpers, first run on 9a51222, then tuned on
	{"sichuan_2026_off", "sichuan_2026_gwr", 84.6, 15.4, 74.9},   // first run 88.5 / 11.5 % wrong, abstention 100
	{"shandong_2026_off", "shandong_2026_gwr", 92.3, 7.7, 74.9},  // first run 88.5 / 7.7 % wrong, abstention 100
	{"hunan_2026_off", "hunan_2026_gwr", 96.1, 3.9, 74.9},        // first run 100.0 / 0.0 % wrong, abstention 100
	{"liaoning_2026_pub2", "liaoning_2026_gwr", 66.6, 9.6, 74.9}, // first run 66.7 / 4.8 % wrong, abstention 100
	{"guizhou_2026_pub5", "guizhou_2026_gwr", 61.9, 4.8, 74.9},   // first run 61.9 / 0.0 % wrong, abstention 100
	// tuning: English (25), the public (25) and mixed (30), written late in stop 39 by new helpers, first run on 09d3b3d, then tuned on
	{"beijing_2026_en3", "beijing_2026_gwr", 90.4, 4.8, 74.9},   // first run 76.2 / 0.0 % wrong, abstention 100
	{"yunnan_2026_en3", "yunnan_2026_gwr", 61.9, 14.3, 49.9},    // first run 61.9 / 9.5 % wrong, abstention 75
	{"shanghai_2026_en3", "shanghai_2026_gwr", 80.9, 9.6, 74.9}, // first run 81.0 / 4.8 % wrong, abstention 100
	{"anhui_2026_pub5", "anhui_2026_gwr", 76.1, 14.3, 74.9},     // first run 81.0 / 9.5 % wrong, abstention 100
	{"hubei_2026_mix2", "hubei_2026_gwr", 84.6, 11.6, 74.9},     // first run 88.5 / 11.5 % wrong, abstention 100
	// tuning: the public (25) and English (25), written late in stop 39 by new helpers, first run on 855f22f, then tuned on
	{"guangdong_2026_pub3", "guangdong_2026_gwr", 76.1, 9.6, 49.9},      // first run 81.0 / 4.8 % wrong, abstention 75
	{"hebei_2026_pub4", "hebei_2026_gwr", 66.6, 9.6, 74.9},              // first run 71.4 / 4.8 % wrong, abstention 100
	{"tianjin_2026_pub5", "tianjin_2026_gwr", 66.6, 4.8, 74.9},          // first run 71.4 / 0.0 % wrong, abstention 100
	{"ningxia_2026_en3", "ningxia_2026_gwr", 76.1, 4.8, 74.9},           // first run 81.0 / 0.0 % wrong, abstention 100
	{"heilongjiang_2026_en3", "heilongjiang_2026_gwr", 80.9, 9.6, 74.9}, // first run 85.7 / 4.8 % wrong, abstention 100
	// stop 40, held out at the start (first run on 3f10503)
	{"fujian_2026_pub3_heldout", "fujian_2026_gwr", 76.1, 4.8, 74.9},    // first run 81.0 / 0.0 % wrong, abstention 100
	{"guangxi_2026_en3_heldout", "guangxi_2026_gwr", 85.7, 4.8, 74.9},   // first run 90.5 / 0.0 % wrong, abstention 100
	{"xinjiang_2026_off_heldout", "xinjiang_2026_gwr", 92.3, 3.9, 74.9}, // first run 96.2 / 0.0 % wrong, abstention 100
	// tuning: the public (25) and English (25), written at the start of stop 40 by new helpers, first run on 3f10503, then tuned on
	{"hunan_2026_en4", "hunan_2026_gwr", 85.7, 4.8, 74.9},                // first run 85.7 / 0.0 % wrong, abstention 100
	{"shandong_2026_pub5", "shandong_2026_gwr", 90.4, 9.6, 74.9},         // first run 85.7 / 4.8 % wrong, abstention 75
	{"tianjin_2026_pub6", "tianjin_2026_gwr", 85.7, 4.8, 74.9},           // first run 76.2 / 0.0 % wrong, abstention 100
	{"liaoning_2026_en3", "liaoning_2026_gwr", 85.7, 9.6, 74.9},          // first run 85.7 / 4.8 % wrong, abstention 75
	{"heilongjiang_2026_pub3", "heilongjiang_2026_gwr", 85.7, 9.6, 74.9}, // first run 85.7 / 4.8 % wrong, abstention 100
	// tuning: the public (25) and English (25), written early in stop 40 by new helpers, first run on 3f10503, then tuned on
	{"guizhou_2026_pub6", "guizhou_2026_gwr", 71.4, 9.6, 74.9}, // first run 71.4 / 4.8 % wrong, abstention 100
	{"anhui_2026_en4", "anhui_2026_gwr", 80.9, 9.6, 49.9},      // first run 76.2 / 4.8 % wrong, abstention 75
	{"beijing_2026_pub4", "beijing_2026_gwr", 95.2, 4.8, 74.9}, // first run 100.0 / 0.0 % wrong, abstention 100
	{"yunnan_2026_pub4", "yunnan_2026_gwr", 61.9, 4.8, 74.9},   // first run 66.7 / 0.0 % wrong, abstention 100
	{"sichuan_2026_en4", "sichuan_2026_gwr", 80.9, 14.3, 74.9}, // first run 85.7 / 9.5 % wrong, abstention 100
	// tuning: the public (25) and English (25), written mid-stop 40 by new helpers, first run on 51d8b8d, then tuned on
	{"hebei_2026_pub5", "hebei_2026_gwr", 61.9, 9.6, 74.9},        // first run 66.7 / 4.8 % wrong, abstention 75
	{"hunan_2026_pub6", "hunan_2026_gwr", 76.1, 9.6, 49.9},        // first run 81.0 / 4.8 % wrong, abstention 50
	{"guangdong_2026_en4", "guangdong_2026_gwr", 80.9, 4.8, 74.9}, // first run 85.7 / 0.0 % wrong, abstention 100
	{"shanghai_2026_pub3", "shanghai_2026_gwr", 80.9, 4.8, 49.9},  // first run 81.0 / 0.0 % wrong, abstention 75
	{"ningxia_2026_pub3", "ningxia_2026_gwr", 71.4, 4.8, 74.9},    // first run 76.2 / 0.0 % wrong, abstention 100
	// tuning: the public (25) and English (25), written mid-stop 40 by new helpers, first run on dfad013, then tuned on
	{"jiangxi_2026_pub3", "jiangxi_2026_gwr", 76.1, 4.8, 49.9},     // first run 81.0 / 0.0 % wrong, abstention 75
	{"hainan_2026_pub4", "hainan_2026_gwr", 71.4, 9.6, 74.9},       // first run 76.2 / 4.8 % wrong, abstention 100
	{"chongqing_2026_pub5", "chongqing_2026_gwr", 76.1, 9.6, 74.9}, // first run 81.0 / 4.8 % wrong, abstention 100
	{"xizang_2026_pub2", "xizang_2026_gwr", 76.1, 4.8, 74.9},       // first run 66.7 / 14.3 % wrong, abstention 100
	{"shandong_2026_en4", "shandong_2026_gwr", 76.1, 14.3, 74.9},   // first run 76.2 / 14.3 % wrong, abstention 100
	// tuning: English (25) and officials (30), written late in stop 40 by new helpers, first run on cad36dc, then tuned on
	{"tianjin_2026_en4", "tianjin_2026_gwr", 80.9, 4.8, 74.9}, // first run 85.7 / 0.0 % wrong, abstention 100
	{"yunnan_2026_en4", "yunnan_2026_gwr", 71.4, 9.6, 49.9},   // first run 66.7 / 9.5 % wrong, abstention 75
	{"hunan_2026_off2", "hunan_2026_gwr", 96.1, 3.9, 49.9},    // first run 96.2 / 0.0 % wrong, abstention 75
	// tuning: the public (25) and English (25), written late in stop 40 by new helpers, first run on fd5485a, then tuned on
	{"sichuan_2026_pub4", "sichuan_2026_gwr", 61.9, 9.6, 74.9},          // first run 66.7 / 4.8 % wrong, abstention 100
	{"guangdong_2026_pub4", "guangdong_2026_gwr", 47.6, 14.3, 74.9},     // first run 42.9 / 14.3 % wrong, abstention 100
	{"liaoning_2026_pub3", "liaoning_2026_gwr", 57.1, 9.6, 74.9},        // first run 57.1 / 4.8 % wrong, abstention 100
	{"heilongjiang_2026_en4", "heilongjiang_2026_gwr", 76.1, 9.6, 49.9}, // first run 76.2 / 4.8 % wrong, abstention 75
	// stop 40, held out at the end (first run on d37a453; the stop's first code, 3f10503, gives the same but one wrong answer more)
	{"hubei_2026_pub3_heldout", "hubei_2026_gwr", 57.1, 14.3, 74.9},        // first run 61.9 / 9.5 % wrong, abstention 100
	{"shanxi_2026_en2_heldout", "shanxi_2026_gwr", 76.1, 9.6, 74.9},        // first run 81.0 / 4.8 % wrong, abstention 75
	{"guowuyuan_2022_pub_heldout", "guowuyuan_2022_gwr", 52.3, 33.4, 49.9}, // first run 57.1 / 28.6 % wrong, abstention 75
	// tuning: the public on a national report (25) and English (25), written at the end of stop 40 by new helpers, first run on 94e52f3, then tuned on
	{"guowuyuan_2024_pub", "guowuyuan_2024_gwr", 85.7, 4.8, 74.9}, // first run 90.5 / 0.0 % wrong, abstention 100
	{"jiangxi_2026_en3", "jiangxi_2026_gwr", 80.9, 9.6, 74.9},     // first run 71.4 / 4.8 % wrong, abstention 100
	{"hainan_2026_en2", "hainan_2026_gwr", 80.9, 4.8, 24.9},       // first run 76.2 / 0.0 % wrong, abstention 50
	{"chongqing_2026_en3", "chongqing_2026_gwr", 76.1, 9.6, 74.9}, // first run 81.0 / 4.8 % wrong, abstention 100
}

// TestQuestionSets runs every question set of testdata/ against its
// report, all reports loaded in one library, and fails when a set drops
// below its floor.
func TestQuestionSets(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the index of every report with a question set")
	}
	seeds := t.TempDir()
	for _, s := range qualitySets {
		src := reportFile(s.report)
		dst := filepath.Join(seeds, filepath.Base(src))
		if _, err := os.Stat(dst); err == nil {
			continue
		}
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e, err := Open(context.Background(), Setup{DataDir: t.TempDir(), SeedsDir: seeds, Build: true})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	var pressed withinCount // the withheld questions' headings, pressed
	for _, s := range qualitySets {
		t.Run(s.file, func(t *testing.T) {
			cases, err := ReadCases(filepath.Join("..", "testdata", s.file+".jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			offered := map[string][]string{} // the headings offered for each question not answered
			ev := Evaluate(cases, func(q string) []Answer {
				res, _ := e.Ask(context.Background(), q, Options{ReportID: s.report})
				if len(res.Answers) == 0 {
					offered[q] = res.Closest
				}
				return res.Answers
			})
			for _, c := range cases {
				if hs, ok := offered[c.Q]; ok && len(c.Expect) > 0 {
					pressed.press(e, c, s.report, hs)
				}
			}
			a := ev.All
			pressed.sets++
			pressed.right += a.Top1Section - a.Abstained
			strict := Pct(a.Top1Section-a.Abstained, a.Answerable)
			wrong := Pct(a.Wrong, a.Answerable)
			abstain := Pct(a.Abstained, a.Unanswerable)
			t.Logf("strict %.1f%%, withheld %.1f%%, wrong %.1f%%, abstention right %.1f%%", strict, Pct(a.Missed, a.Answerable), wrong, abstain)
			if strict < s.strict {
				t.Errorf("strict %.1f%% < floor %.1f%%", strict, s.strict)
			}
			if wrong > s.wrong {
				t.Errorf("wrong %.1f%% > ceiling %.1f%%", wrong, s.wrong)
			}
			if abstain < s.abstain {
				t.Errorf("abstention right %.1f%% < floor %.1f%%", abstain, s.abstain)
			}
			if testing.Verbose() && !strings.Contains(s.file, "heldout") {
				for _, f := range a.Failures {
					t.Log(f.String())
				}
			}
		})
	}
	// A floor for what an asker gets at once or with one press of a
	// heading offered, all sets together (the headings alone would fall
	// whenever a withheld question came to be answered at once): the
	// figure measured at the end of stop 40 (8,453 + 615, the sets of stop
	// 40 included), less one question.
	t.Logf("right at once %d; headings offered for %d withheld questions: one leads to the expected sentence for %d, the first for %d; %d offered none", pressed.right, pressed.withheld, pressed.reach, pressed.first, pressed.none)
	if n := pressed.right + pressed.reach; n < 9067 && pressed.sets == len(qualitySets) { // not when -run picks some sets
		t.Errorf("right at once or with one press %d, want at least 9067", n)
	}
}

// withinCount counts the questions answered right at once and what
// pressing the headings offered for withheld questions gives (within.go).
type withinCount struct{ sets, right, withheld, reach, first, none int }

// press asks c within each heading offered for it, as an asker pressing
// the buttons does, and counts whether one leads to an expected sentence
// and whether the first does.
func (w *withinCount) press(e *Engine, c Case, report string, headings []string) {
	w.withheld++
	if len(headings) == 0 {
		w.none++
	}
	for i, h := range headings {
		res, _ := e.Ask(context.Background(), c.Q, Options{ReportID: report, Within: h})
		if len(res.Answers) > 0 && matches(res.Answers[0].Text, c.Expect) {
			w.reach++
			if i == 0 {
				w.first++
			}
			return
		}
	}
}

// reportFile returns the file of the report with id: a corpus report, the
// seed, or one of the PDFs of index/extract/testdata.
func reportFile(id string) string {
	for _, f := range []string{
		filepath.Join("..", "index", "testdata", "reports", id+".txt"),
		filepath.Join("..", "seeds", id+".txt"),
		filepath.Join("..", "index", "extract", "testdata", id+".pdf"),
	} {
		if _, err := os.Stat(f); err == nil {
			return f
		}
	}
	return id
}

// TestAddLeavesOtherReportsAlone: adding a report changes no answer of
// another: each report is cut with its own dictionary.
func TestAddLeavesOtherReportsAlone(t *testing.T) {
	e, err := Open(context.Background(), Setup{DataDir: t.TempDir(), SeedsDir: "../seeds", Build: true})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	cases, err := ReadCases("../testdata/seed_questions.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	answersOf := func() []string {
		var out []string
		for _, c := range cases {
			res, _ := e.Ask(context.Background(), c.Q, Options{ReportID: "jiuyuan_2025_plan_report"})
			var b strings.Builder
			for _, a := range res.Answers {
				fmt.Fprintf(&b, "%s|%s|%.3f;", a.Text, a.Section, a.Score)
			}
			out = append(out, b.String())
		}
		return out
	}
	before := answersOf()
	for _, r := range []string{"beijing_2026_gwr", "guangdong_2026_gwr"} {
		b, err := os.ReadFile(filepath.Join("..", "index", "testdata", "reports", r+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Library().Add(context.Background(), r+".txt", b, index.AddOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	after := answersOf()
	for i := range cases {
		if before[i] != after[i] {
			t.Errorf("%q: answers changed when other reports were added:\n before %s\n after  %s", cases[i].Q, before[i], after[i])
		}
	}
}
