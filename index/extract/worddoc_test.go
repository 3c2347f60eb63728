package extract

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// TestWordDoc reads the seed report saved as Word 97–2003 (.doc) and as
// .wps (the same format, as WPS Office writes it) with the built-in
// reader, and through LibreOffice when it is installed.
func TestWordDoc(t *testing.T) {
	seed, err := os.ReadFile("../../seeds/jiuyuan_2025_plan_report.txt")
	if err != nil {
		t.Skipf("seed report not available: %v", err)
	}
	want := squeeze(string(seed))
	for _, name := range []string{"seed.doc", "seed.wps"} {
		data := readTestdata(t, name)
		t.Run(name+"/built-in", func(t *testing.T) {
			got, err := Text(name, data)
			if err != nil {
				t.Fatal(err)
			}
			checkClean(t, got)
			if squeeze(got) != want {
				t.Errorf("text differs from the seed's (whitespace aside)")
			}
			if !strings.Contains(got, "\n三是巩固农牧业基础。") {
				t.Errorf("paragraphs not kept")
			}
		})
		t.Run(name+"/LibreOffice", func(t *testing.T) {
			if name == "seed.doc" {
				t.Skip("same bytes as seed.wps: one conversion (3 s) is enough")
			}
			soffice.off = false
			defer func() { soffice.off = true }()
			if sofficePath() == "" {
				t.Skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui); the built-in reader is tested above")
			}
			docx, err := sofficeDocx(data)
			if err != nil {
				t.Fatal(err)
			}
			got, err := zipText(name, docx)
			if err != nil {
				t.Fatal(err)
			}
			if squeeze(got) != want {
				t.Errorf("text differs from the seed's (whitespace aside)")
			}
		})
	}
}

func TestWordChars(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs", "第一段\r第二段\r", "第一段\n第二段\n"},
		{"line and page breaks", "甲\x0b乙\x0c丙", "甲\n乙\n丙"},
		{"field shows its result", "第\x13 PAGE \x145\x15页", "第5页"},
		{"nested fields", "\x13 IF \x13 PAGE \x141\x15 = 1 \x14一\x15", "一"},
		{"field without result", "见\x13 REF x \x15表", "见表"},
		{"table", "前\r项目\x07数值\x07\x07地区\x078\x07\x07后\r", "前\n| 项目 | 数值 |\n| 地区 | 8 |\n后\n"},
		// Without the paragraph properties, the paragraphs of a cell
		// before its last look like paragraphs before the table.
		{"paragraphs in a cell", "甲\r乙\x07丙\x07\x07", "甲\n| 乙 | 丙 |\n"},
		{"objects and marks dropped", "图\x01注\x02号\x08\x1f-\x1e", "图注号--"},
		{"non-breaking space", "a\u00a0b", "a b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := wordChars([]rune(tc.in)); got != tc.want {
				t.Errorf("wordChars(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestWordDocRefused(t *testing.T) {
	seed := readTestdata(t, "seed.doc")
	// The same file with the FIB's fEncrypted flag set: the FIB starts
	// the WordDocument stream, on a sector boundary.
	encrypted := append([]byte(nil), seed...)
	fib := -1
	for off := 512; off+12 < len(encrypted); off += 512 {
		if encrypted[off] == 0xEC && encrypted[off+1] == 0xA5 {
			fib = off
			break
		}
	}
	if fib < 0 {
		t.Fatal("no FIB in seed.doc")
	}
	encrypted[fib+0x0B] |= 0x01
	tests := []struct {
		name string
		data []byte
		err  error
	}{
		{"not a container", oleFile("WordDocument"), ErrCorrupt},
		{"truncated", seed[:len(seed)/2], ErrCorrupt},
		{"encrypted", encrypted, ErrUnsupported},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Text("report.doc", tc.data)
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, tc.err) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if !strings.Contains(e.Reason, "另存为 docx") && !strings.Contains(e.Reason, "密码") {
				t.Errorf("reason %q does not say what to do", e.Reason)
			}
		})
	}
}
