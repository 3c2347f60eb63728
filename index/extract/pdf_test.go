package extract

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
)

// squeeze drops whitespace and table bars, to compare texts laid out
// differently.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '|' {
			return -1
		}
		return r
	}, s)
}

// readTestdata reads a file of testdata.
func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pdfReportText is the text of a real report PDF, read once for all tests.
var pdfReportText = map[string]string{}

func realPDF(t *testing.T, name string) string {
	t.Helper()
	if s, ok := pdfReportText[name]; ok {
		return s
	}
	start := time.Now()
	s, err := Text(name+".pdf", readTestdata(t, name+".pdf"))
	if err != nil {
		t.Fatalf("%s: %v (%v)", name, err, errors.Unwrap(err))
	}
	t.Logf("%s: %d bytes of text in %v (engine start-up %v)", name, len(s), time.Since(start), PDFEngineStartup())
	pdfReportText[name] = s
	return s
}

var reFurniture = regexp.MustCompile(`[—-]\s*[0-9]+\s*[—-]|会议文件|第\s*[0-9]+\s*页`)

// TestRealPDFs reads the two government PDFs of testdata and checks the
// text against poppler's (pdftotext -layout) beside them: every prose line
// of the reference is found in the text, no page furniture is left, and
// every sentence that runs over a page break is whole in one paragraph.
func TestRealPDFs(t *testing.T) {
	tests := []struct {
		name string
		// prose is the pages of running text (the rest are tables, a
		// cover, a colophon).
		prose int
		// whole are sentences across page breaks that must be on one line.
		whole []string
		// lines are paragraphs expected as they are.
		lines []string
	}{
		{
			name:  "baoding_2025_budget_report",
			prose: 23,
			whole: []string{"①一般公共预算收入327.1亿元，完成预算的98.9%"},
			lines: []string{
				"关于保定市2025年预算执行情况和2026年预算草案的报告（书面）",
				"——2026年2月4日在保定市第十六届人民代表大会第七次会议上",
				"一、2025年预算执行情况",
				"| 项目 | 预算数 | 执行数 | 项目 | 预算数 | 执行数 |",
				"| 文化旅游体育与传媒共同事权转移支付 | 11963 | 16332 | 贫困地区转移支付 |",
			},
		},
		{
			name:  "ezhou_2025_budget_execution_report",
			prose: 22,
			whole: []string{
				"全市地方一般公共预算收入完成107.14亿元，为汇总预算③（以下简称“预算”）的98.7%",
				"加上转移性支出和专项债务还本支出后总支出为214.45亿元，为预算的103.1%。",
			},
			lines: []string{
				"关于鄂州市2025年预算执行情况和2026年预算草案的报告",
				"（三）国有资本经营预算⑦执行情况",
				"注释",
				"③汇总预算指汇总全市各级人大批准的调整预算数。",
				// ⑪ and ⑫ are drawn from pieces without Unicode: the
				// notes keep their text, without the mark.
				"全市政府性基金预算总收入未包含2026年拟增发的专项债务额度。",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := realPDF(t, tc.name)
			checkClean(t, got)
			lines := strings.Split(got, "\n")
			have := map[string]bool{}
			for _, l := range lines {
				have[l] = true
				if m := reFurniture.FindString(l); m != "" {
					t.Errorf("page furniture %q left in %q", m, trunc(l))
				}
				if strings.ContainsAny(l, "０１２３４５６７８９") {
					t.Errorf("full-width digits left in %q", trunc(l))
				}
			}
			for _, l := range tc.lines {
				if !have[l] {
					t.Errorf("no paragraph %q", l)
				}
			}
			for _, s := range tc.whole {
				found := false
				for _, l := range lines {
					found = found || strings.Contains(l, s)
				}
				if !found {
					t.Errorf("sentence across a page break not whole: %q", s)
				}
			}
			ref := string(readTestdata(t, tc.name+".pdftotext.txt"))
			checkAgainstReference(t, got, ref, tc.prose)
		})
	}
}

// checkAgainstReference checks the text against poppler's on the pages of
// prose: every line of the reference (whitespace aside; page numbers and
// lines poppler spoilt by double striking or private-use characters
// skipped) is part of the text, and every page that ends inside a
// sentence is joined to the next within one paragraph.
func checkAgainstReference(t *testing.T, got, ref string, prose int) {
	t.Helper()
	flat := squeeze(got)
	paras := strings.Split(got, "\n")
	pages := strings.Split(ref, "\f")
	missing, total := 0, 0
	spoilt := regexp.MustCompile(`([，。、；：]{2})|[\x{E000}-\x{F8FF}\x{F0000}-\x{10FFFF}]|(\.\.)`)
	for i, page := range pages[:min(prose, len(pages))] {
		var body []string
		for _, l := range strings.Split(page, "\n") {
			l = squeeze(normalizePDFText(l))
			if l == "" || isPageNumber(l) {
				continue
			}
			body = append(body, l)
			if spoilt.MatchString(l) {
				continue
			}
			total++
			if !strings.Contains(flat, l) {
				missing++
				t.Logf("page %d: reference line not in the text: %q", i+1, l)
			}
		}
		// A page whose last body line ends inside a sentence continues
		// on the next: the join must be inside one paragraph.
		if len(body) == 0 || i+1 >= len(pages) {
			continue
		}
		last := []rune(body[len(body)-1])
		// A heading (shorter than a full line) or a sentence's end is no
		// paragraph running on.
		if len(last) < 22 || isNoteStart(string(last)) || strings.ContainsRune("。：；！？”）", last[len(last)-1]) {
			continue
		}
		var next string
		for _, l := range strings.Split(pages[i+1], "\n") {
			if l = squeeze(normalizePDFText(l)); l != "" && !isPageNumber(l) {
				next = l
				break
			}
		}
		if next == "" {
			continue
		}
		join := string(last[max(0, len(last)-4):]) + string([]rune(next)[:min(4, len([]rune(next)))])
		ok := false
		for _, p := range paras {
			ok = ok || strings.Contains(squeeze(p), join)
		}
		if !ok {
			t.Errorf("page %d→%d: %q is not inside one paragraph", i+1, i+2, join)
		}
	}
	if total == 0 || missing*100 > total*2 {
		t.Errorf("%d of %d reference lines missing from the text", missing, total)
	}
}

// TestSeedPDF reads the seed report printed to PDF (by LibreOffice, with
// an embedded CJK font subset: TestGenerateSeedFixtures) and checks that
// it gives the seed text back, paragraph for paragraph.
func TestSeedPDF(t *testing.T) {
	got, err := Text("seed.pdf", readTestdata(t, "seed.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile("../../seeds/jiuyuan_2025_plan_report.txt")
	if err != nil {
		t.Skipf("seed report not available: %v", err)
	}
	if squeeze(got) != squeeze(string(seed)) {
		t.Errorf("the PDF's text differs from the seed's (whitespace aside)")
	}
	lines := strings.Split(got, "\n")
	// The seed's title is set over three lines and joined here.
	if want := len(strings.Split(strings.TrimSpace(string(seed)), "\n")) - 2; len(lines) != want {
		t.Errorf("%d paragraphs, want %d", len(lines), want)
	}
	found := false
	for _, l := range lines {
		if strings.Contains(l, "高标准农田") && strings.Contains(l, "4万亩") {
			found = true
			if !strings.HasPrefix(l, "三是巩固农牧业基础。") {
				t.Errorf("the 4万亩 sentence is not in its own paragraph: %q", trunc(l))
			}
		}
	}
	if !found {
		t.Error("no 高标准农田…4万亩 paragraph")
	}
}

// pdfFile builds a PDF from the bodies of its objects (1 0 obj is the
// catalog) with a correct cross-reference table.
func pdfFile(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// streamObj is a stream object of data, deflated when flate is set.
func streamObj(dict string, data []byte, flate bool) string {
	if flate {
		var z bytes.Buffer
		w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
		w.Write(data)
		w.Close()
		data = z.Bytes()
		dict += " /Filter /FlateDecode"
	}
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// scannedPDF is a two-page PDF whose pages are only an image each.
func scannedPDF() []byte {
	img := bytes.Repeat([]byte{0x80}, 64*64)
	return pdfFile(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 6 0 R >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 6 0 R >>",
		streamObj("/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8", img, true),
		streamObj("", []byte("q 595 0 0 842 0 0 cm /Im1 Do Q"), false),
	)
}

// deflatedSpaces is n spaces, deflated (zlib), made without holding them.
func deflatedSpaces(n int) []byte {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < n; i += len(chunk) {
		w.Write(chunk)
	}
	w.Close()
	return z.Bytes()
}

// hostilePDFs are PDFs made to exhaust a reader.
func hostilePDFs() map[string][]byte {
	page := "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"
	kids := strings.Repeat("3 0 R ", 200_000)
	bomb := deflatedSpaces(320 << 20)
	return map[string][]byte{
		// 200 000 pages, all the same page object.
		"pages": pdfFile(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids ["+kids+"] /Count 200000 >>",
			page,
			streamObj("", []byte("BT ET"), false)),
		// Arrays nested a million deep.
		"nested": pdfFile(
			"<< /Type /Catalog /Pages 2 0 R /Deep 5 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			page,
			streamObj("", []byte("BT ET"), false),
			strings.Repeat("[", 1_000_000)+strings.Repeat("]", 1_000_000)),
		// A content stream that inflates to 320 MiB, past the 256 MiB PDFium may use.
		"bomb": pdfFile(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			page,
			fmt.Sprintf("<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", len(bomb), bomb)),
		// A page tree that is its own kid.
		"loop": pdfFile(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
			page,
			streamObj("", []byte("BT ET"), false)),
	}
}

func TestPDFRefused(t *testing.T) {
	tests := []struct {
		name   string
		data   []byte
		err    error
		reason string
	}{
		{name: "scanned", data: scannedPDF(), err: ErrScanned, reason: reasonPDFScanned},
		{name: "no pages", data: pdfFile("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"), err: ErrEmpty},
		{name: "truncated", data: readTestdata(t, "seed.pdf")[:5000], err: nil},
		{name: "encrypted", data: encryptedPDF(), err: ErrUnsupported, reason: reasonPDFEncrypted},
	}
	for name, data := range hostilePDFs() {
		tests = append(tests, struct {
			name   string
			data   []byte
			err    error
			reason string
		}{name: "hostile " + name, data: data})
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			got, err := Text(tc.name+".pdf", tc.data)
			took := time.Since(start)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Text = %q, %v; want an *Error", trunc(got), err)
			}
			t.Logf("%d bytes refused in %v: %s (%v)", len(tc.data), took, e.Reason, e.Err)
			if tc.err != nil && !errors.Is(err, tc.err) {
				t.Errorf("error %v, want %v", e.Err, tc.err)
			}
			if tc.reason != "" && e.Reason != tc.reason {
				t.Errorf("reason %q, want %q", e.Reason, tc.reason)
			}
			// the cap holds (no hang); how fast is BenchmarkPDFText's to
			// say, not a timed test's on a busy machine (a bomb took 20 s
			// on a loaded CI machine, 5 s on a quiet one)
			if took > pdfTimeout+30*time.Second {
				t.Errorf("took %v, past the cap of %v", took, pdfTimeout)
			}
		})
	}
}

// encryptedPDF is a PDF encrypted with a user password (RC4, 40 bits).
// Only the encryption dictionary matters: PDFium asks for the password
// before it reads anything else.
func encryptedPDF() []byte {
	b := pdfFile(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [] /Count 0 >>",
		"<< /Filter /Standard /V 1 /R 2 /O <"+strings.Repeat("11", 32)+"> /U <"+strings.Repeat("22", 32)+"> /P -44 >>",
	)
	return bytes.Replace(b, []byte("/Root 1 0 R >>"), []byte("/Root 1 0 R /Encrypt 3 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>"), 1)
}

// TestPDFTimeout stops a PDF that takes too long, and the engine reads the
// next one as usual.
func TestPDFTimeout(t *testing.T) {
	data := readTestdata(t, "baoding_2025_budget_report.pdf")
	if _, err := pdfPool(); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err := readPDF(data, 50*time.Millisecond)
	if !errors.Is(err, errPDFTimeout) {
		t.Fatalf("err = %v, want a time-out", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("stopped after %v", took)
	}
	if _, err := Text("seed.pdf", readTestdata(t, "seed.pdf")); err != nil {
		t.Errorf("after a time-out: %v", err)
	}
}
