package extract

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"
	"unicode/utf16"

	"github.com/klippa-app/go-pdfium"
	pdferrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// PDFium runs as WebAssembly inside this process (wazero, no cgo): the
// module is compiled once per process, at the first PDF, and each PDF is
// read by a fresh instance of it with its own linear memory, capped at
// pdfMemoryPages, that is thrown away afterwards. A hostile file can
// therefore neither reach the host (no file system is mounted) nor grow
// the process past the cap, and one that runs too long is stopped by
// closing its instance.
const (
	// pdfMemoryPages caps the linear memory of one PDFium instance, in
	// 64 KiB WebAssembly pages (256 MiB). The two 24- and 47-page
	// reports of testdata use about 40 MiB.
	pdfMemoryPages = 4096
	// pdfTimeout caps the time one PDF may take, from opening to the
	// last page's text.
	pdfTimeout = 60 * time.Second
	// MaxPDFPages is the largest page count read: a report runs to a
	// hundred pages or so; a file claiming more is refused unread.
	MaxPDFPages = 1000
	// maxPDFGlyphs caps the characters read from all pages together
	// (MaxTextSize is about a million Chinese characters).
	maxPDFGlyphs = 1_500_000
)

// pdfEngine is the process's compiled PDFium module.
var pdfEngine struct {
	once sync.Once
	pool pdfium.Pool
	err  error
	took time.Duration // how long compiling took
}

// pdfCacheDir is where compiled machine code of the PDFium module is kept
// between processes ("" for none): the user's cache directory, or
// PLANBOT_WASM_CACHE when set ("off" disables it).
func pdfCacheDir() string {
	if d := os.Getenv("PLANBOT_WASM_CACHE"); d != "" {
		if d == "off" {
			return ""
		}
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "planbot", "wazero")
}

// pdfPool returns the process's PDFium pool, compiling the module on
// first use (several seconds without a compilation cache; a few hundred
// milliseconds with one).
func pdfPool() (pdfium.Pool, error) {
	pdfEngine.once.Do(func() {
		start := time.Now()
		rc := wazero.NewRuntimeConfig().
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			WithMemoryLimitPages(pdfMemoryPages).
			WithCloseOnContextDone(true)
		if dir := pdfCacheDir(); dir != "" {
			if cache, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
				rc = rc.WithCompilationCache(cache)
			}
		}
		pdfEngine.pool, pdfEngine.err = webassembly.Init(webassembly.Config{
			MinIdle:       0,
			MaxIdle:       1,
			MaxTotal:      1, // one PDF at a time: memory stays bounded
			FSConfig:      wazero.NewFSConfig(),
			RuntimeConfig: rc,
			Stdout:        io.Discard,
			Stderr:        io.Discard,
		})
		pdfEngine.took = time.Since(start)
		if pdfEngine.err != nil {
			pdfEngine.err = fmt.Errorf("start PDFium: %w", pdfEngine.err)
		}
	})
	return pdfEngine.pool, pdfEngine.err
}

// PDFEngineStartup returns how long compiling the PDF engine took in this
// process (zero before the first PDF).
func PDFEngineStartup() time.Duration { return pdfEngine.took }

// glyph is one character drawn on a page, with its loose box (the font's
// ascent to descent, not the ink) in PDF user space: y grows upwards.
type glyph struct {
	r              rune
	x0, y0, x1, y1 float64
}

// pdfPage is the text layer of one page.
type pdfPage struct {
	w, h   float64
	glyphs []glyph
}

// errPDFPages is returned for a PDF with more than MaxPDFPages pages.
var errPDFPages = errors.New("too many pages")

// errPDFGlyphs is returned for a PDF with more than maxPDFGlyphs
// characters.
var errPDFGlyphs = errors.New("too many characters")

// errPDFPassword is returned for an encrypted PDF that needs a password.
var errPDFPassword = errors.New("password required")

// errPDFTimeout is returned when PDFium took longer than pdfTimeout.
var errPDFTimeout = errors.New("timed out")

// readPDF opens a PDF with PDFium and returns the glyphs of its pages.
func readPDF(data []byte, timeout time.Duration) ([]pdfPage, error) {
	pool, err := pdfPool()
	if err != nil {
		return nil, err
	}
	inst, err := pool.GetInstance(timeout)
	if err != nil {
		return nil, fmt.Errorf("PDFium instance: %w", err)
	}
	var (
		mu     sync.Mutex
		killed bool
	)
	timer := time.AfterFunc(timeout, func() {
		mu.Lock()
		defer mu.Unlock()
		killed = true
		_ = inst.Kill()
	})
	pages, err := readPDFWith(inst, data)
	timer.Stop()
	mu.Lock()
	defer mu.Unlock()
	if killed {
		return nil, fmt.Errorf("%w after %v: %w", errPDFTimeout, timeout, err)
	}
	if cerr := inst.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("close PDFium instance: %w", cerr)
	}
	return pages, err
}

// readPDFWith reads the pages of a PDF with one PDFium instance.
func readPDFWith(inst pdfium.Pdfium, data []byte) ([]pdfPage, error) {
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		if errors.Is(err, pdferrors.ErrPassword) {
			return nil, errPDFPassword
		}
		return nil, fmt.Errorf("open PDF: %w", err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, fmt.Errorf("count pages: %w", err)
	}
	if pc.PageCount > MaxPDFPages {
		return nil, fmt.Errorf("%w: %d", errPDFPages, pc.PageCount)
	}
	pages := make([]pdfPage, 0, pc.PageCount)
	total := 0
	for i := range pc.PageCount {
		p, err := readPDFPage(inst, doc.Document, i, maxPDFGlyphs-total)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		total += len(p.glyphs)
		pages = append(pages, p)
	}
	return pages, nil
}

// readPDFPage reads the glyphs of one page, at most limit of them.
func readPDFPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index, limit int) (pdfPage, error) {
	pg, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return pdfPage{}, fmt.Errorf("load: %w", err)
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: pg.Page})
	ref := requests.Page{ByReference: &pg.Page}
	var p pdfPage
	if w, err := inst.FPDF_GetPageWidthF(&requests.FPDF_GetPageWidthF{Page: ref}); err == nil {
		p.w = float64(w.PageWidth)
	}
	if h, err := inst.FPDF_GetPageHeightF(&requests.FPDF_GetPageHeightF{Page: ref}); err == nil {
		p.h = float64(h.PageHeight)
	}
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: ref})
	if err != nil {
		return pdfPage{}, fmt.Errorf("load text: %w", err)
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	n, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return pdfPage{}, fmt.Errorf("count characters: %w", err)
	}
	for i := range n.Count {
		u, err := inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp.TextPage, Index: i})
		if err != nil {
			return pdfPage{}, fmt.Errorf("character %d: %w", i, err)
		}
		r := rune(u.Unicode)
		if utf16.IsSurrogate(r) {
			// PDFium gives a character past U+FFFF as two halves.
			if r >= 0xDC00 && len(p.glyphs) > 0 && utf16.IsSurrogate(p.glyphs[len(p.glyphs)-1].r) {
				last := &p.glyphs[len(p.glyphs)-1]
				last.r = utf16.DecodeRune(last.r, r)
				continue
			}
		}
		if r <= ' ' || r == 0xA0 || r == 0x3000 || dropRune(r) {
			// Spaces and line breaks, PDFium's or the producer's, are
			// rebuilt from the positions.
			continue
		}
		if len(p.glyphs) >= limit {
			return pdfPage{}, errPDFGlyphs
		}
		b, err := inst.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp.TextPage, Index: i})
		if err != nil {
			continue // a character without a box is not drawn
		}
		p.glyphs = append(p.glyphs, glyph{r: r,
			x0: float64(b.Rect.Left), x1: float64(b.Rect.Right),
			y0: float64(b.Rect.Bottom), y1: float64(b.Rect.Top)})
	}
	return p, nil
}
