// Package extract turns an uploaded report file into clean UTF-8 plain text,
// one paragraph per line, ready for report.Parse.
//
// Supported inputs are plain text (UTF-8 with or without BOM, UTF-16 with or
// without BOM, UTF-32 with BOM, GBK/GB18030), Word .docx (including the
// automatic numbering of headings such as "一、" and "（一）"), HTML pages
// as saved from government websites, PDF with a text layer (pdf.go: PDFium
// as WebAssembly, the layout rebuilt by pdflayout.go), and old Word .doc and
// WPS .wps files (ole.go: LibreOffice when installed, a built-in reader
// otherwise). Formats are detected from the content; the file name is only a
// hint. Tables become one line per row, written as "| cell1 | cell2 |" (a "|"
// inside a cell becomes "｜"). Anything else (scanned PDFs, images,
// spreadsheets, archives…) is rejected with an *Error whose Reason tells the
// user what to do.
package extract

import (
	"unicode"
)

// Limits applied by Text.
const (
	// MaxFileSize is the largest input Text accepts, in bytes.
	MaxFileSize = 20 << 20
	// MaxDocumentSize caps the uncompressed size of the main document part
	// of a docx (word/document.xml), in bytes, as a guard against zip bombs
	// (a report of a hundred pages with tables is a few megabytes).
	MaxDocumentSize = 16 << 20
	// MaxMarkupSize caps the size of an HTML page, in bytes: a saved report
	// page is well under a megabyte, and badly nested markup costs the
	// parser more than its size.
	MaxMarkupSize = 4 << 20
	// MaxTextSize caps the extracted text, in bytes (about a million
	// Chinese characters, many times the longest report).
	MaxTextSize = 3 << 20
	// MinTextLen is the least number of non-space characters the extracted
	// text must have to be accepted as a report.
	MinTextLen = 200
	// MinHanShare is the least share, in percent, of Chinese (Han)
	// characters among the non-space characters of an accepted report.
	MinHanShare = 25
)

// Text reads a report file's bytes and returns its text as UTF-8, one
// paragraph per line.
//
// name is the file name; it is used in error messages and as a hint only.
// The returned text has no control characters other than tabs and newlines,
// no leading or trailing spaces on a line and no runs of blank lines.
//
// On failure the error is an *Error; its Reason is a short Chinese message
// for the user and errors.Is(err, ErrEmpty / ErrTooLarge / ErrUnsupported /
// ErrEncoding / ErrCorrupt / ErrNotReport) tells the cases apart.
func Text(name string, data []byte) (string, error) {
	if len(data) == 0 {
		return "", fail(name, reasonEmpty, ErrEmpty, nil)
	}
	if len(data) > MaxFileSize {
		return "", fail(name, reasonTooLarge, ErrTooLarge, nil)
	}
	var (
		text string
		err  error
	)
	switch {
	case isPDF(data):
		text, err = pdfText(name, data)
	case isOLE(data):
		text, err = oleText(name, data)
	default:
		if err := sniffBinary(name, data); err != nil {
			return "", err
		}
		if isZip(data) {
			text, err = zipText(name, data)
		} else {
			text, err = markupOrPlain(name, data)
		}
	}
	if err != nil {
		return "", err
	}
	if text == "" {
		// A docx or a page without text; an empty text file failed above.
		return "", fail(name, reasonNoText, ErrEmpty, nil)
	}
	if len(text) > MaxTextSize {
		return "", fail(name, reasonTextTooLong, ErrTooLarge, nil)
	}
	if !looksLikeReport(text) {
		return "", fail(name, reasonNotReport, ErrNotReport, nil)
	}
	return text, nil
}

// markupOrPlain decodes text-like data and extracts HTML or cleans plain
// text.
func markupOrPlain(name string, data []byte) (string, error) {
	s, err := decodeText(name, data)
	if err != nil {
		return "", err
	}
	switch kindOfMarkup(name, s) {
	case markupHTML:
		if len(s) > MaxMarkupSize {
			return "", fail(name, reasonTextTooLong, ErrTooLarge, nil)
		}
		return htmlText(s), nil
	case markupXML:
		return "", fail(name, reasonXML, ErrUnsupported, nil)
	}
	if tooManyControls(s) {
		return "", fail(name, reasonNotText, ErrUnsupported, nil)
	}
	text := cleanText(s)
	if text == "" {
		return "", fail(name, reasonEmpty, ErrEmpty, nil)
	}
	return text, nil
}

// looksLikeReport reports whether text is long enough and Chinese enough to
// be a planning report.
func looksLikeReport(text string) bool {
	var n, han int
	for _, r := range text {
		if unicode.IsSpace(r) || r == '|' {
			continue
		}
		n++
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	return n >= MinTextLen && han*100 >= n*MinHanShare
}
