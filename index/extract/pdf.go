package extract

import (
	"bytes"
	"errors"
	"fmt"
	"unicode"
)

// Reading PDF
//
// The engine is PDFium, Chrome's PDF library, compiled to WebAssembly and
// run by wazero inside the process (github.com/klippa-app/go-pdfium in its
// webassembly mode): no cgo, no program to install, and the text layer is
// read as Chrome reads it, predefined Chinese CMaps (UniGB-UTF16-H,
// GBK-EUC-H) and fonts without a ToUnicode map included. Compared before
// choosing, on the two government PDFs of testdata:
//
//   - github.com/ledongthuc/pdf and its forks (pure Go): no predefined
//     CJK CMaps, so a font such as Baoding's non-embedded SimSun
//     (UniGB-UTF16-H) comes out as garbage; little upkeep.
//   - github.com/pdfcpu/pdfcpu: a PDF processor that does not lay out
//     text, and not approved for this project's module proxy.
//   - unidoc/unipdf: a commercial licence.
//   - MuPDF (go-fitz) or poppler: cgo or an outside program that CI's
//     clean machine does not have.
//
// PDFium gives each character with its box; pdfLayout rebuilds lines and
// paragraphs from the boxes. The price is the WebAssembly module (6 MB):
// compiling it takes about 7 s on a 2-core machine, once per process, and
// about 0.2 s when wazero's compilation cache (pdfCacheDir) already holds
// it. A 47-page report reads in about a second after that.

// pdfText extracts the text of a PDF file.
func pdfText(name string, data []byte) (string, error) {
	pages, err := readPDF(data, pdfTimeout)
	switch {
	case errors.Is(err, errPDFPassword):
		return "", fail(name, reasonPDFEncrypted, ErrUnsupported, err)
	case errors.Is(err, errPDFPages):
		return "", fail(name, reasonPDFPages, ErrTooLarge, err)
	case errors.Is(err, errPDFGlyphs):
		return "", fail(name, reasonTextTooLong, ErrTooLarge, err)
	case errors.Is(err, errPDFTimeout):
		return "", fail(name, reasonPDFTimeout, ErrCorrupt, err)
	case err != nil:
		return "", fail(name, reasonPDFCorrupt, ErrCorrupt, err)
	}
	if len(pages) == 0 {
		return "", fail(name, reasonNoText, ErrEmpty, errors.New("no pages"))
	}
	glyphs, han := 0, 0
	for _, p := range pages {
		glyphs += len(p.glyphs)
		for _, g := range p.glyphs {
			if unicode.Is(unicode.Han, g.r) {
				han++
			}
		}
	}
	if han < MinTextLen/4 {
		// Pages but (almost) no characters: scanned images.
		return "", fail(name, reasonPDFScanned, ErrScanned,
			fmt.Errorf("%d pages, %d characters of which %d Chinese: no text layer", len(pages), glyphs, han))
	}
	text := cleanText(pdfLayout(pages))
	return pickReport(name, text)
}

// isPDF reports whether data is a PDF: readers accept the header anywhere
// in the first 1024 bytes.
func isPDF(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
}
