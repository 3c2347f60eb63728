package extract

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding/charmap"
)

// Old Word (.doc, Word 97–2003) and WPS (.wps, which WPS Office writes in
// the same binary format) files are OLE compound files. Their text is
// read here from the piece table ([MS-DOC] 2.8.35: the Clx of the table
// stream lists where each run of characters lies in the WordDocument
// stream, 8-bit or UTF-16), the OLE container with
// github.com/richardlehane/mscfb. What this reader leaves out: automatic
// list numbering (一、 typed by Word, not in the text), and a table's
// empty last cells (a cell mark and a row mark look alike without the
// paragraph properties). When LibreOffice is installed, Text converts the
// file to docx with it first, which keeps both (see soffice.go).

// errNotWord is returned for an OLE file without a Word document.
var errNotWord = errors.New("no WordDocument stream")

// errEncryptedDoc is returned for a password-protected Word file.
var errEncryptedDoc = errors.New("encrypted Word document")

// wordStreams reads the WordDocument stream and the table stream named
// by its FIB from an OLE file.
func wordStreams(data []byte) (doc, table []byte, err error) {
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, nil, fmt.Errorf("read OLE container: %w", err)
	}
	streams := map[string][]byte{}
	for f, err := r.Next(); err == nil; f, err = r.Next() {
		switch f.Name {
		case "WordDocument", "0Table", "1Table":
			if f.Size > MaxDocumentSize {
				return nil, nil, fmt.Errorf("stream %s: %d bytes", f.Name, f.Size)
			}
			b, err := io.ReadAll(io.LimitReader(f, MaxDocumentSize))
			if err != nil {
				return nil, nil, fmt.Errorf("read stream %s: %w", f.Name, err)
			}
			streams[f.Name] = b
		}
	}
	doc = streams["WordDocument"]
	if len(doc) < 0x1AA {
		return nil, nil, errNotWord
	}
	if binary.LittleEndian.Uint16(doc) != 0xA5EC {
		return nil, nil, fmt.Errorf("%w: bad FIB identifier", errNotWord)
	}
	flags := binary.LittleEndian.Uint16(doc[0x0A:])
	if flags&0x0100 != 0 {
		return nil, nil, errEncryptedDoc
	}
	name := "0Table"
	if flags&0x0200 != 0 {
		name = "1Table"
	}
	table = streams[name]
	if table == nil {
		return nil, nil, fmt.Errorf("no %s stream", name)
	}
	return doc, table, nil
}

// wordText extracts the main text of a Word 97–2003 binary document.
func wordText(data []byte) (string, error) {
	doc, table, err := wordStreams(data)
	if err != nil {
		return "", err
	}
	ccpText := int(binary.LittleEndian.Uint32(doc[0x4C:]))
	fcClx := int(binary.LittleEndian.Uint32(doc[0x1A2:]))
	lcbClx := int(binary.LittleEndian.Uint32(doc[0x1A6:]))
	if fcClx < 0 || lcbClx <= 0 || fcClx > len(table) || lcbClx > len(table)-fcClx {
		return "", fmt.Errorf("piece table at %d+%d outside the table stream (%d bytes)", fcClx, lcbClx, len(table))
	}
	plc, err := pieceTable(table[fcClx : fcClx+lcbClx])
	if err != nil {
		return "", err
	}
	var units []uint16
	n := (len(plc) - 4) / 12
	for i := 0; i < n && len(units) < ccpText; i++ {
		cp0 := int(binary.LittleEndian.Uint32(plc[4*i:]))
		cp1 := int(binary.LittleEndian.Uint32(plc[4*i+4:]))
		pcd := plc[4*(n+1)+8*i:]
		fc := binary.LittleEndian.Uint32(pcd[2:])
		count := cp1 - cp0
		if count <= 0 || count > MaxDocumentSize {
			continue
		}
		count = min(count, ccpText-len(units))
		if fc&0x40000000 != 0 { // 8-bit characters (cp1252)
			off := int(fc&0x3FFFFFFF) / 2
			if off+count > len(doc) {
				return "", fmt.Errorf("piece %d outside the document stream", i)
			}
			for _, c := range doc[off : off+count] {
				units = append(units, uint16(charmap.Windows1252.DecodeByte(c)))
			}
			continue
		}
		off := int(fc)
		if off < 0 || off+2*count > len(doc) {
			return "", fmt.Errorf("piece %d outside the document stream", i)
		}
		for k := 0; k < count; k++ {
			units = append(units, binary.LittleEndian.Uint16(doc[off+2*k:]))
		}
	}
	return wordChars(utf16.Decode(units)), nil
}

// pieceTable returns the PlcPcd of a Clx: it skips the Prc entries
// (property modifiers) before the Pcdt.
func pieceTable(clx []byte) ([]byte, error) {
	for i := 0; i < len(clx); {
		switch clx[i] {
		case 0x01:
			if i+3 > len(clx) {
				return nil, errors.New("truncated Prc")
			}
			i += 3 + int(binary.LittleEndian.Uint16(clx[i+1:]))
		case 0x02:
			if i+5 > len(clx) {
				return nil, errors.New("truncated Pcdt")
			}
			lcb := int(binary.LittleEndian.Uint32(clx[i+1:]))
			if lcb < 4 || lcb > len(clx)-i-5 || (lcb-4)%12 != 0 {
				return nil, fmt.Errorf("bad piece table size %d", lcb)
			}
			return clx[i+5 : i+5+lcb], nil
		default:
			return nil, fmt.Errorf("bad Clx entry 0x%02x", clx[i])
		}
	}
	return nil, errors.New("no piece table")
}

// wordChars turns the characters of a Word document into text: a
// paragraph mark ends a line, field codes give way to their results,
// objects and marks are dropped, and table cells become "| a | b |" rows.
func wordChars(rs []rune) string {
	var (
		out   strings.Builder
		line  strings.Builder
		cells []string
		depth []bool // per open field: past its separator (showing its result)
		mark  bool   // the previous character was a cell mark
	)
	showing := func() bool {
		for _, res := range depth {
			if !res {
				return false
			}
		}
		return true
	}
	for _, r := range rs {
		wasMark := mark
		mark = false
		switch r {
		case 0x13: // field begin: its instruction follows
			depth = append(depth, false)
			continue
		case 0x14: // field separator: its result follows
			if len(depth) > 0 {
				depth[len(depth)-1] = true
			}
			continue
		case 0x15: // field end
			if len(depth) > 0 {
				depth = depth[:len(depth)-1]
			}
			continue
		}
		if !showing() {
			continue
		}
		switch r {
		case '\r', 0x0B, 0x0C, 0x0E:
			if cells != nil {
				line.WriteByte(' ') // a paragraph inside a cell
				continue
			}
			out.WriteString(line.String())
			out.WriteByte('\n')
			line.Reset()
		case 0x07: // end of a cell, or of a row right after one
			if wasMark && line.Len() == 0 {
				out.WriteString(tableRow(cells))
				out.WriteByte('\n')
				cells = nil
				continue
			}
			cells = append(cells, line.String())
			line.Reset()
			mark = true
		case 0x1E:
			line.WriteByte('-')
		case 0x01, 0x02, 0x03, 0x04, 0x05, 0x08, 0x1F:
			// pictures, footnote and annotation marks, drawn objects,
			// optional hyphens
		case 0xA0:
			line.WriteByte(' ')
		default:
			line.WriteRune(r)
		}
	}
	if len(cells) > 0 {
		out.WriteString(tableRow(cells))
		out.WriteByte('\n')
	}
	out.WriteString(line.String())
	return out.String()
}
