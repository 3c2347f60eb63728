package extract

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"
)

// LibreOffice converts old Word and WPS files to docx when it is
// installed (soffice on PATH; on Debian: apt-get install
// libreoffice-writer-nogui), which keeps what the built-in reader of
// worddoc.go cannot: automatic list numbering and table structure. It is
// optional: without it the built-in reader is used.

// sofficeTimeout caps one conversion.
const sofficeTimeout = 90 * time.Second

// soffice is the LibreOffice program found on PATH, looked up once.
var soffice struct {
	once sync.Once
	path string
	// off disables LibreOffice (tests and fuzzing, which must not start a
	// program per input).
	off bool
}

// sofficePath returns the path of LibreOffice's soffice, or "" when it
// is not installed or disabled.
func sofficePath() string {
	if soffice.off {
		return ""
	}
	soffice.once.Do(func() {
		for _, name := range []string{"soffice", "libreoffice"} {
			if p, err := exec.LookPath(name); err == nil {
				soffice.path = p
				return
			}
		}
	})
	return soffice.path
}

// errNoSoffice is returned when LibreOffice is not installed.
var errNoSoffice = errors.New("LibreOffice (soffice) is not installed")

// sofficeDocx converts an old Word or WPS file (data) to docx with
// LibreOffice and returns the docx. Every conversion runs with a profile
// of its own in a temporary directory, so that conversions neither wait
// for each other nor for a LibreOffice the user has open.
func sofficeDocx(data []byte) ([]byte, error) {
	bin := sofficePath()
	if bin == "" {
		return nil, errNoSoffice
	}
	dir, err := os.MkdirTemp("", "planbot-soffice-")
	if err != nil {
		return nil, fmt.Errorf("convert with LibreOffice: %w", err)
	}
	defer os.RemoveAll(dir)
	// .doc whatever the file was named: WPS Office writes .wps in Word's
	// format, and the name steers LibreOffice's choice of filter.
	in := filepath.Join(dir, "report.doc")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, fmt.Errorf("convert with LibreOffice: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), sofficeTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--norestore", "--nolockcheck",
		"-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "docx", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	killGroup(cmd)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("LibreOffice: %w: %s", err, trimOutput(out))
	}
	docx, err := os.ReadFile(filepath.Join(dir, "report.docx"))
	if err != nil {
		return nil, fmt.Errorf("LibreOffice wrote no docx: %w: %s", err, trimOutput(out))
	}
	return docx, nil
}

// trimOutput shortens a program's output for an error message.
func trimOutput(b []byte) string {
	if len(b) > 300 {
		b = b[:300]
	}
	return string(b)
}
