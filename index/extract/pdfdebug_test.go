package extract

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"
)

// TestPDFDump prints the lines of a PDF page: PDF_DUMP=file.pdf
// PDF_PAGE=n go test -run PDFDump -v ./index/extract
func TestPDFDump(t *testing.T) {
	f := os.Getenv("PDF_DUMP")
	if f == "" {
		t.Skip("PDF_DUMP not set")
	}
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	pages, err := readPDF(data, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("read %d pages in %v (engine %v)", len(pages), time.Since(start), PDFEngineStartup())
	want, _ := strconv.Atoi(os.Getenv("PDF_PAGE"))
	for i, p := range pages {
		if want > 0 && i+1 != want {
			continue
		}
		fmt.Printf("=== page %d (%.0fx%.0f)\n", i+1, p.w, p.h)
		for _, l := range pageLines(i, p.glyphs) {
			fmt.Printf("%6.1f-%6.1f y%6.1f-%6.1f sz%5.1f:", l.x0, l.x1, l.y0, l.y1, l.size)
			for _, s := range l.segs {
				fmt.Printf(" [%.0f]%s", s.x0, s.text)
			}
			fmt.Println()
		}
	}
}

// TestPDFLayoutDump prints the text rebuilt from a PDF: PDF_DUMP=file.pdf
// go test -run PDFLayoutDump -v ./index/extract
func TestPDFLayoutDump(t *testing.T) {
	f := os.Getenv("PDF_DUMP")
	if f == "" {
		t.Skip("PDF_DUMP not set")
	}
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := readPDF(data, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(pdfLayout(pages))
}
