package extract

import (
	"bytes"
	"errors"
)

// isOLE reports whether data is an OLE compound file (old Office, WPS).
func isOLE(data []byte) bool {
	return bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
}

// oleText extracts the text of an old Word (.doc) or WPS (.wps) file:
// through LibreOffice when it is installed, with the built-in reader
// otherwise (or when LibreOffice fails). Other OLE files (old Excel and
// PowerPoint, encrypted Office files) are refused as before.
func oleText(name string, data []byte) (string, error) {
	reason := oleReason(name, data)
	if reason != reasonDoc && reason != reasonWPS {
		return "", fail(name, reason, ErrUnsupported, nil)
	}
	var viaSoffice error
	if docx, err := sofficeDocx(data); err == nil {
		text, err := zipText(name, docx)
		if err == nil {
			return text, nil
		}
		viaSoffice = err
	} else if !errors.Is(err, errNoSoffice) {
		viaSoffice = err
	}
	text, err := wordText(data)
	switch {
	case errors.Is(err, errEncryptedDoc):
		return "", fail(name, reasonEncrypted, ErrUnsupported, err)
	case errors.Is(err, errNotWord):
		return "", fail(name, reason, ErrUnsupported, errors.Join(err, viaSoffice))
	case err != nil:
		return "", fail(name, reason, ErrCorrupt, errors.Join(err, viaSoffice))
	}
	text = cleanText(text)
	if text == "" {
		return "", fail(name, reasonNoText, ErrEmpty, viaSoffice)
	}
	return text, nil
}
