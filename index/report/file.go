package report

import (
	"fmt"
	"path/filepath"

	"planbot/index/extract"
)

// ParseFile turns a report file of any supported format into a Report.
func ParseFile(name string, data []byte, meta Meta, id, hash string) (*Report, error) {
	text, err := extract.Text(filepath.Base(name), data)
	if err != nil {
		return nil, err
	}
	meta.ID = id
	meta.Hash = hash
	meta.Source = filepath.Base(name)
	r, err := Parse(meta, text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(name), err)
	}
	return r, nil
}
