package extract

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestGenerateSeedFixtures writes testdata/seed.pdf, seed.doc and
// seed.wps: the seed report laid out as a government document (title in
// large type, centred; body in 16 pt with the first line of each
// paragraph indented by two characters; "— N —" page numbers in the
// footer), converted by LibreOffice. It runs only with GEN_FIXTURES=1 and
// needs LibreOffice and a CJK font (Debian: apt-get install
// libreoffice-writer-nogui fonts-wqy-zenhei); CI only reads the files it
// wrote. seed.wps is seed.doc under another name: WPS Office saves .wps in
// Word's binary format.
func TestGenerateSeedFixtures(t *testing.T) {
	if os.Getenv("GEN_FIXTURES") != "1" {
		t.Skip("GEN_FIXTURES=1 not set")
	}
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../../seeds/jiuyuan_2025_plan_report.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	var body strings.Builder
	for i, l := range lines {
		switch {
		case i < 3: // the title, over three lines
			body.WriteString(govPara(l, "center", 44, false))
		case i == 3 || i == 4: // date line, office
			body.WriteString(govPara(l, "center", 32, false))
		case l == "各位代表:":
			body.WriteString(govPara(l, "left", 32, false))
		default:
			body.WriteString(govPara(l, "both", 32, true))
		}
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "seed.docx")
	if err := os.WriteFile(in, govDocx(t, body.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, to := range []string{"pdf", "doc"} {
		cmd := exec.Command(bin, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
			"--convert-to", to, "--outdir", dir, in)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v: %s", err, out)
		}
		data, err := os.ReadFile(filepath.Join(dir, "seed."+to))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("testdata", "seed."+to), data, 0o644); err != nil {
			t.Fatal(err)
		}
		if to == "doc" {
			if err := os.WriteFile(filepath.Join("testdata", "seed.wps"), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// govPara is a paragraph in the CJK font at size (half-points), aligned
// as jc, its first line indented by two characters when indent is set.
func govPara(s, jc string, size int, indent bool) string {
	ind := ""
	if indent {
		ind = `<w:ind w:firstLineChars="200" w:firstLine="640"/>`
	}
	sz := `<w:sz w:val="` + strconv.Itoa(size) + `"/><w:szCs w:val="` + strconv.Itoa(size) + `"/>`
	return `<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/>` + ind + `<w:jc w:val="` + jc + `"/></w:pPr>` +
		`<w:r><w:rPr><w:rFonts w:ascii="WenQuanYi Zen Hei" w:hAnsi="WenQuanYi Zen Hei" w:eastAsia="WenQuanYi Zen Hei"/>` + sz +
		`</w:rPr><w:t xml:space="preserve">` + xmlEscape(s) + `</w:t></w:r></w:p>`
}

// govDocx is a docx of body on A4 with government margins and a footer
// holding the page number as "— N —".
func govDocx(t testing.TB, body string) []byte {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + ns + `><w:body>` + body +
		`<w:sectPr><w:footerReference w:type="default" r:id="rId9"/><w:pgSz w:w="11906" w:h="16838"/>` +
		`<w:pgMar w:top="2098" w:right="1418" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`
	footer := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr ` + ns + `><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
		`<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">— </w:t></w:r>` +
		`<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>1</w:t></w:r>` +
		`<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`
	types := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>`
	rels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`
	return zipOf(t,
		"[Content_Types].xml", types,
		"_rels/.rels", docxRels,
		"word/_rels/document.xml.rels", rels,
		"word/document.xml", doc,
		"word/footer1.xml", footer)
}
