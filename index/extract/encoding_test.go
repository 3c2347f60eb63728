package extract

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/traditionalchinese"
)

func TestDecodeText(t *testing.T) {
	const zh = "各位代表：现在，我代表区人民政府向大会报告工作，请予审议。\n一、2024年工作回顾\n"
	tests := []struct {
		name string
		file string
		data []byte
		want string // "" when an error is wanted
		err  error
	}{
		{"utf8", "a.txt", []byte(zh), zh, nil},
		{"utf8 bom", "a.txt", []byte("\xEF\xBB\xBF" + zh), zh, nil},
		{"utf16le no bom, Chinese with newlines only", "a.txt", utf16LE(t, "经济发展\n社会进步\n", false), "经济发展\n社会进步\n", nil},
		{"utf16be no bom", "a.txt", utf16BE(t, zh, false), zh, nil},
		{"utf16le no bom, odd length", "a.txt", append(utf16LE(t, zh, false), 'x'), zh, nil},
		{"utf32le bom", "a.txt", []byte("\xFF\xFE\x00\x00\x2D\x4E\x00\x00\x0A\x00\x00\x00"), "中\n", nil},
		{"gb18030 bom", "a.txt", append([]byte("\x84\x31\x95\x33"), gbk(t, zh)...), zh, nil},
		{"gbk", "a.txt", gbk(t, zh), zh, nil},
		{"gb18030 four-byte characters", "a.txt", gbk(t, zh+"䶮𠀀€"), zh + "䶮𠀀€", nil},
		{"gbk cut mid character", "a.txt", gbk(t, zh+"中")[:len(gbk(t, zh))+1], zh + "\uFFFD", nil},
		{"utf8 with a stray bad byte", "a.txt", []byte(strings.Repeat(zh, 10) + "\xFF" + zh), strings.Repeat(zh, 11), nil},
		{"html declared gbk", "a.html", gbk(t, `<meta charset="GBK"><p>`+zh), `<meta charset="GBK"><p>` + zh, nil},
		{"html declared utf-8 but gbk", "a.html", gbk(t, `<meta charset="utf-8"><p>`+zh), `<meta charset="utf-8"><p>` + zh, nil},
		{"html declared big5", "a.html", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=big5"><p>`), encode(t, traditionalchinese.Big5, "經濟發展，社會進步。")...),
			`<meta http-equiv="Content-Type" content="text/html; charset=big5"><p>經濟發展，社會進步。`, nil},
		{"xhtml xml declaration", "a.xhtml", gbk(t, `<?xml version="1.0" encoding="gb2312"?><html><p>`+zh), `<?xml version="1.0" encoding="gb2312"?><html><p>` + zh, nil},
		{"big5 without declaration", "a.txt", encode(t, traditionalchinese.Big5, strings.Repeat("各位代表：現在，我代表區人民政府向大會報告工作，請予審議。經濟發展穩中有進，社會事業全面進步。", 3)), "", ErrEncoding},
		// UTF-8 too damaged to repair, which GB18030 turns into mojibake.
		{"damaged utf8", "a.txt", []byte(strings.Repeat(zh+"\xFF", 5)), "", ErrEncoding},
		{"skewed zero bytes are not enough for UTF-16", "a.bin", oddZeros(), "", ErrUnsupported},
		{"binary", "a.txt", []byte("\x01\x02\x03\x04\x05\x06 text \x10\x11\x12"), "", ErrUnsupported},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decodeText(tc.file, tc.data)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("decodeText() = %q, %v; want %v", trunc(got), err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got  %q\nwant %q", trunc(got), trunc(tc.want))
			}
		})
	}
}

func TestDeclaredCharset(t *testing.T) {
	tests := []struct{ page, want string }{
		{`<meta charset="gb2312">`, "gb2312"},
		{`<META CHARSET=GBK>`, "GBK"},
		{`<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />`, "gb2312"},
		{`<meta content='text/html;charset="GB18030"' http-equiv='content-type'>`, "gb18030"},
		{`<meta content="text/html; charset=gb2312">`, ""}, // no http-equiv
		{`<?xml version="1.0" encoding="GBK"?><html>`, "GBK"},
		{`<html><head><script>var m = '<meta charset="big5">';</script><meta charset="utf-8">`, "utf-8"},
		{`<html><body><meta charset="gbk">`, ""}, // too late
		{`<p>无声明</p>`, ""},
	}
	for _, tc := range tests {
		if got := declaredCharset([]byte(tc.page)); got != tc.want {
			t.Errorf("declaredCharset(%q) = %q, want %q", tc.page, got, tc.want)
		}
	}
}

// oddZeros is binary data whose zero bytes all sit at odd offsets, like
// UTF-16LE, but which decodes to random characters.
func oddZeros() []byte {
	b := binaryJunk()
	for i := range b {
		if b[i] == 0 {
			b[i] = 1
		}
		if i%2 == 1 && i%64 == 1 {
			b[i] = 0
		}
	}
	return b
}
