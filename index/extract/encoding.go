package extract

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode/utf32"

	xunicode "golang.org/x/text/encoding/unicode"
)

// decodeText converts text-like data to UTF-8. It honours byte order marks,
// recognises UTF-16 without BOM from its zero bytes, honours the charset
// declared by an HTML page, and otherwise tells UTF-8 from GBK/GB18030.
func decodeText(name string, data []byte) (string, error) {
	if s, ok := decodeBOM(data); ok {
		return s, nil
	}
	if s, ok := decodeUTF16(data); ok {
		return s, nil
	}
	data = bytes.TrimRight(data, "\x00") // NUL padding left by some tools
	if binaryBytes(data) {
		return "", fail(name, reasonNotText, ErrUnsupported, nil)
	}
	declared := ""
	if kindOfMarkup(name, string(data[:min(len(data), 4096)])) != markupNone {
		declared = declaredCharset(data)
	}
	s, ok := decodeBytes(data, declared)
	if !ok {
		return "", fail(name, reasonEncoding, ErrEncoding, nil)
	}
	return s, nil
}

// decodeBOM decodes data that starts with a byte order mark.
func decodeBOM(data []byte) (string, bool) {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		return string(data[3:]), true
	case bytes.HasPrefix(data, []byte("\xFF\xFE\x00\x00")):
		enc = utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM)
	case bytes.HasPrefix(data, []byte("\x00\x00\xFE\xFF")):
		enc = utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM)
	case bytes.HasPrefix(data, []byte("\xFF\xFE")):
		enc = xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM)
	case bytes.HasPrefix(data, []byte("\xFE\xFF")):
		enc = xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM)
	case bytes.HasPrefix(data, []byte("\x84\x31\x95\x33")):
		enc = simplifiedchinese.GB18030
		data = data[4:]
	default:
		return "", false
	}
	s, err := decodeWith(enc, data)
	return s, err == nil
}

// decodeUTF16 recognises UTF-16 without a byte order mark: ASCII characters
// (digits, newlines, punctuation) put their zero byte always at the same
// parity, while the other parity has almost none.
func decodeUTF16(data []byte) (string, bool) {
	n := min(len(data), 64<<10) &^ 1
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	need := 1 + n/2/200 // at least 0.5% of the code units
	var enc encoding.Encoding
	switch {
	case odd >= need && even*4 <= odd:
		enc = xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	case even >= need && odd*4 <= even:
		enc = xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	default:
		return "", false
	}
	s, err := decodeWith(enc, data[:len(data)&^1])
	if err != nil || tooManyControls(s) || rareHan(s) {
		return "", false
	}
	return s, true
}

// decodeBytes decodes an ASCII-compatible encoding: UTF-8 when valid,
// else the declared charset (if a multi-byte CJK one), else GB18030 when
// it yields Chinese text, else UTF-8 with a few bad bytes dropped, else a
// declared single-byte charset.
func decodeBytes(data []byte, declared string) (string, bool) {
	bad := invalidUTF8(data)
	if bad == 0 {
		return string(data), true
	}
	tol := 1 + len(data)/1000
	enc, cjk := lookupCharset(declared)
	if enc != nil && cjk {
		if s, err := decodeWith(enc, data); err == nil && strings.Count(s, "\uFFFD") <= tol {
			return s, true
		}
	}
	if s, err := decodeWith(simplifiedchinese.GB18030, data); err == nil &&
		strings.Count(s, "\uFFFD") <= tol && looksChinese(s) {
		return s, true
	}
	if bad <= tol {
		return strings.ToValidUTF8(string(data), ""), true
	}
	if enc != nil && !cjk {
		if s, err := decodeWith(enc, data); err == nil && strings.Count(s, "\uFFFD") <= tol {
			return s, true
		}
	}
	return "", false
}

// decodeWith decodes data with enc; invalid input becomes U+FFFD.
func decodeWith(enc encoding.Encoding, data []byte) (string, error) {
	b, err := enc.NewDecoder().Bytes(data)
	return string(b), err
}

// invalidUTF8 counts the invalid bytes of data, ignoring a sequence cut
// short at the very end (a truncated file).
func invalidUTF8(data []byte) int {
	bad := 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			if len(data)-i < utf8.UTFMax && !utf8.FullRune(data[i:]) {
				break
			}
			bad++
		}
		i += size
	}
	return bad
}

// lookupCharset maps a declared charset label to the decoder to use; cjk
// tells multi-byte CJK encodings from single-byte ones. UTF-8, UTF-16
// (which HTML treats as UTF-8) and unknown labels give nil.
func lookupCharset(label string) (enc encoding.Encoding, cjk bool) {
	if label == "" {
		return nil, false
	}
	e, name := charset.Lookup(label)
	switch name {
	case "", "utf-8", "utf-16le", "utf-16be", "replacement", "x-user-defined":
		return nil, false
	case "gbk", "gb18030":
		// Sites that say gb2312 or gbk often use GBK or GB18030
		// characters; GB18030 decodes all of them.
		return simplifiedchinese.GB18030, true
	case "big5", "euc-jp", "iso-2022-jp", "shift_jis", "euc-kr":
		return e, true
	}
	return e, false
}

var reXMLEncoding = regexp.MustCompile(`encoding\s*=\s*["']?([A-Za-z0-9._:-]+)`)

// declaredCharset returns the charset an HTML page declares in a meta
// element (or an XML declaration) before its body, or "".
func declaredCharset(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(data[:min(len(data), 16<<10)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.CommentToken:
			// The tokenizer reads "<?xml … ?>" as a bogus comment.
			if c := z.Token().Data; strings.HasPrefix(c, "?xml") {
				if m := reXMLEncoding.FindStringSubmatch(c); m != nil {
					return m[1]
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, hasAttr := z.TagName()
			switch string(tag) {
			case "body":
				return ""
			case "meta":
				if cs := metaCharset(z, hasAttr); cs != "" {
					return cs
				}
			}
		}
	}
}

// metaCharset reads the attributes of a meta tag: charset="…" or
// http-equiv="content-type" content="text/html; charset=…".
func metaCharset(z *html.Tokenizer, hasAttr bool) string {
	var content string
	var pragma bool
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		switch strings.ToLower(string(k)) {
		case "charset":
			return strings.TrimSpace(string(v))
		case "http-equiv":
			pragma = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
		case "content":
			content = string(v)
		}
	}
	if !pragma {
		return ""
	}
	lc := strings.ToLower(content)
	i := strings.Index(lc, "charset")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(lc[i+len("charset"):], " \t\r\n\f")
	if !strings.HasPrefix(rest, "=") {
		return ""
	}
	rest = strings.Trim(strings.TrimLeft(rest[1:], " \t\r\n\f"), `"'`)
	if end := strings.IndexAny(rest, `;"' `+"\t\r\n\f"); end >= 0 {
		rest = rest[:end]
	}
	return rest
}

// binaryBytes reports whether data has too many control bytes to be text in
// an ASCII-compatible encoding (none of which uses bytes below 0x20 other
// than for the ASCII controls themselves).
func binaryBytes(data []byte) bool {
	n := 0
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1A || c == 0x7F {
			n++
		}
	}
	return n > 1+len(data)/100
}

// tooManyControls reports whether decoded text has so many control or
// replacement characters that it cannot be a text file.
func tooManyControls(s string) bool {
	n, bad := 0, 0
	for _, r := range s {
		n++
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v':
		case unicode.IsControl(r), r == utf8.RuneError, r >= 0xFFFE && r <= 0xFFFF:
			bad++
		}
	}
	return bad > 1+n/50
}

// looksChinese reports whether text decoded from a legacy encoding reads
// like Chinese: nearly all of its non-ASCII characters are CJK and, given
// enough of them, the common characters are common. Mis-decoded bytes
// (mojibake) give rare characters.
func looksChinese(s string) bool {
	var nonASCII, cjk, han, common int
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		nonASCII++
		if isCJK(r) {
			cjk++
		}
		if unicode.Is(unicode.Han, r) {
			han++
			if _, ok := commonHan[r]; ok {
				common++
			}
		}
	}
	if nonASCII == 0 || cjk*10 < nonASCII*9 {
		return false
	}
	return han < 30 || common*100 >= han*15
}

// rareHan reports whether s has enough Chinese characters to judge and
// hardly any of them are common: the mark of bytes decoded with the wrong
// encoding.
func rareHan(s string) bool {
	var han, common int
	for _, r := range s {
		if r >= 0x3400 && unicode.Is(unicode.Han, r) {
			han++
			if _, ok := commonHan[r]; ok {
				common++
			}
		}
	}
	return han >= 30 && common*100 < han*15
}

// isCJK reports whether r is a Chinese character, CJK punctuation or a
// full-width form: characters between which no space is written.
func isCJK(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF, r >= 0x2E80 && r <= 0x2FDF:
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// commonHan holds frequent characters of modern Chinese and of planning
// reports; real text has many of them, mojibake hardly any.
var commonHan = func() map[rune]struct{} {
	const s = "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笔况深构证响包委历局项目企推改革创障服务持续施县镇村农城乡"
	m := make(map[rune]struct{}, len(s)/3)
	for _, r := range s {
		m[r] = struct{}{}
	}
	return m
}()
