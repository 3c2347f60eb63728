package extract

import (
	"bytes"
	"path"
	"strings"
)

// sniffBinary recognises binary formats that Text does not read from their
// magic bytes and returns an *Error naming the format, or nil when data may
// be text or a zip file. (PDF and OLE files are read before it is asked.)
func sniffBinary(name string, data []byte) error {
	head := data[:min(len(data), 1024)]
	has := func(magic string) bool { return bytes.HasPrefix(data, []byte(magic)) }
	switch {
	case isPDF(data):
		return fail(name, reasonPDFCorrupt, ErrCorrupt, nil) // Text reads PDFs before
	case isOLE(data):
		return fail(name, oleReason(name, data), ErrUnsupported, nil)
	case has("\x89PNG\r\n\x1a\n"), has("\xFF\xD8\xFF"), has("GIF87a"), has("GIF89a"),
		has("II*\x00"), has("MM\x00*"),
		len(data) >= 12 && has("RIFF") && string(data[8:12]) == "WEBP",
		len(data) >= 26 && has("BM") && bytes.Equal(data[6:10], []byte{0, 0, 0, 0}),
		len(data) >= 12 && string(data[4:8]) == "ftyp" && isImageBrand(string(data[8:12])):
		return fail(name, reasonImage, ErrUnsupported, nil)
	case has("Rar!\x1A\x07"), has("7z\xBC\xAF\x27\x1C"), has("\x1F\x8B"),
		has("\xFD7zXZ\x00"), has("\x28\xB5\x2F\xFD"),
		len(data) >= 10 && has("BZh") && string(data[4:10]) == "1AY&SY":
		return fail(name, reasonArchive, ErrUnsupported, nil)
	case has(`{\rtf`):
		return fail(name, reasonRTF, ErrUnsupported, nil)
	case isMHT(head):
		return fail(name, reasonMHT, ErrUnsupported, nil)
	}
	return nil
}

// isImageBrand reports whether an ISO-BMFF major brand is an image format
// (HEIC, AVIF).
func isImageBrand(brand string) bool {
	switch brand {
	case "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1", "avif", "avis":
		return true
	}
	return false
}

// isZip reports whether data starts with a zip signature.
func isZip(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04")) ||
		bytes.HasPrefix(data, []byte("PK\x05\x06")) ||
		bytes.HasPrefix(data, []byte("PK\x07\x08"))
}

// isMHT reports whether head is the start of a MIME web archive (.mht).
func isMHT(head []byte) bool {
	h := strings.ToLower(strings.TrimLeft(string(head), " \t\r\n"))
	for _, p := range []string{"mime-version:", "from:", "content-type:", "content-location:", "date:", "subject:", "x-mimeole:"} {
		if strings.HasPrefix(h, p) {
			return strings.Contains(h, "multipart/related")
		}
	}
	return false
}

// oleReason names the kind of OLE compound file (legacy Office) in data by
// looking for the names of its streams, falling back to the file extension.
func oleReason(name string, data []byte) string {
	stream := func(s string) bool {
		u := make([]byte, 0, 2*len(s))
		for i := 0; i < len(s); i++ {
			u = append(u, s[i], 0)
		}
		return bytes.Contains(data, u)
	}
	ext := strings.ToLower(path.Ext(name))
	switch {
	case stream("EncryptedPackage"):
		return reasonEncrypted
	case stream("WordDocument"):
		if ext == ".wps" {
			return reasonWPS
		}
		return reasonDoc
	case stream("Workbook"), stream("Book"):
		return reasonXLS
	case stream("PowerPoint Document"):
		return reasonPPT
	}
	switch ext {
	case ".doc", ".dot":
		return reasonDoc
	case ".wps":
		return reasonWPS
	case ".xls", ".et":
		return reasonXLS
	case ".ppt", ".dps":
		return reasonPPT
	}
	return reasonOLE
}

// markup is the kind of markup a decoded text is written in.
type markup int

const (
	markupNone markup = iota
	markupHTML
	markupXML
)

// htmlTags are the tags an HTML page (or fragment) may start with.
var htmlTags = map[string]bool{
	"html": true, "head": true, "body": true, "meta": true, "title": true,
	"link": true, "script": true, "style": true, "base": true, "noscript": true,
	"p": true, "div": true, "span": true, "table": true, "br": true, "center": true,
	"font": true, "a": true, "b": true, "strong": true, "section": true,
	"article": true, "header": true, "nav": true, "main": true, "ul": true,
	"ol": true, "li": true, "form": true, "img": true, "iframe": true, "pre": true,
	"blockquote": true, "hr": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true,
}

// kindOfMarkup tells HTML and other XML from plain text by looking at the
// start of s; name's extension is a hint for HTML fragments.
func kindOfMarkup(name, s string) markup {
	head := strings.ToLower(s[:min(len(s), 4096)])
	rest := skipProlog(head)
	if strings.HasPrefix(rest, "<!doctype html") || htmlTags[tagName(rest)] {
		return markupHTML
	}
	if strings.Contains(head, "<html") || strings.Contains(head, "<body") {
		return markupHTML
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".htm", ".html", ".shtml", ".xhtml":
		if strings.Contains(head, "<p") || strings.Contains(head, "<div") || strings.Contains(head, "<br") {
			return markupHTML
		}
	}
	if strings.HasPrefix(strings.TrimLeft(head, " \t\r\n\ufeff"), "<?xml") || tagName(rest) != "" {
		return markupXML
	}
	return markupNone
}

// skipProlog skips leading whitespace, comments, processing instructions
// and non-HTML doctypes of lower-cased markup.
func skipProlog(s string) string {
	for range 64 {
		s = strings.TrimLeft(s, " \t\r\n\f\ufeff")
		var end string
		switch {
		case strings.HasPrefix(s, "<!--"):
			end = "-->"
		case strings.HasPrefix(s, "<?"):
			end = ">"
		case strings.HasPrefix(s, "<!doctype") && !strings.HasPrefix(s, "<!doctype html"):
			end = ">"
		default:
			return s
		}
		i := strings.Index(s, end)
		if i < 0 {
			return ""
		}
		s = s[i+len(end):]
	}
	return s
}

// tagName returns the name of the tag s starts with ("" if s does not
// start with a tag). Names may contain a namespace prefix.
func tagName(s string) string {
	if len(s) < 2 || s[0] != '<' || !isASCIILetter(s[1]) {
		return ""
	}
	i := 1
	for i < len(s) && (isASCIILetter(s[i]) || s[i] >= '0' && s[i] <= '9' || s[i] == ':' || s[i] == '-' || s[i] == '_') {
		i++
	}
	if i < len(s) && !strings.ContainsRune(" \t\r\n\f/>", rune(s[i])) {
		return ""
	}
	return s[1:i]
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
