package telegramtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

// parseParams reads a request's parameters the ways the Bot API accepts
// them: query string, URL-encoded form, multipart/form-data and JSON. A JSON
// body's string values are kept as they are, other values as JSON text, as
// the form encodings carry them.
func parseParams(r *http.Request) (map[string]string, error) {
	params := map[string]string{}
	for k, v := range r.URL.Query() {
		params[k] = v[0]
	}
	if r.Body == nil {
		return params, nil
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "multipart/form-data":
		err := r.ParseMultipartForm(64 << 20)
		if errors.Is(err, io.EOF) {
			// A call without parameters: the library sends an empty body.
			return params, nil
		}
		if err != nil {
			return params, fmt.Errorf("malformed multipart body: %w", err)
		}
		for k, v := range r.MultipartForm.Value {
			params[k] = v[0]
		}
		for k, fhs := range r.MultipartForm.File {
			f, err := fhs[0].Open()
			if err != nil {
				return params, err
			}
			data, _ := io.ReadAll(f)
			f.Close()
			params[k] = string(data)
		}
	case "application/x-www-form-urlencoded":
		if err := r.ParseForm(); err != nil {
			return params, fmt.Errorf("malformed form body: %w", err)
		}
		for k, v := range r.PostForm {
			params[k] = v[0]
		}
	case "application/json":
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return params, err
		}
		if len(bytes.TrimSpace(body)) == 0 {
			return params, nil
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(body, &obj); err != nil {
			return params, errors.New("malformed JSON body")
		}
		for k, raw := range obj {
			var str string
			if json.Unmarshal(raw, &str) == nil {
				params[k] = str
			} else {
				params[k] = string(raw)
			}
		}
	case "":
	default:
		if ct != "" && !strings.HasPrefix(ct, "text/") {
			return params, fmt.Errorf("unsupported content type %s", ct)
		}
	}
	return params, nil
}
