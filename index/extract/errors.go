package extract

import (
	"errors"
	"fmt"
	"log/slog"
)

// Sentinel errors classify why Text failed. Every error returned by Text is
// an *Error whose chain contains exactly one of them, so callers can branch
// with errors.Is(err, ErrUnsupported) and still show Error.Reason to users.
var (
	// ErrEmpty: the file has no bytes, only whitespace, or no text at all.
	ErrEmpty = errors.New("extract: empty file")
	// ErrTooLarge: the file (or the document inside a docx) exceeds a size cap.
	ErrTooLarge = errors.New("extract: file too large")
	// ErrUnsupported: the file is in a format Text does not read (images,
	// spreadsheets, archives, other binary content), an encrypted PDF, or
	// an old Word or WPS file that neither the built-in reader nor
	// LibreOffice can read.
	ErrUnsupported = errors.New("extract: unsupported file format")
	// ErrEncoding: the file looks like text but its character encoding could
	// not be identified.
	ErrEncoding = errors.New("extract: unknown text encoding")
	// ErrCorrupt: the file claims a supported format (docx, PDF, doc) but
	// is damaged, or a PDF took PDFium longer than it may.
	ErrCorrupt = errors.New("extract: damaged file")
	// ErrScanned: a PDF whose pages are images, without a text layer.
	ErrScanned = errors.New("extract: scanned PDF without a text layer")
	// ErrAmbiguous: a PDF that holds several documents (a gazette), none
	// of which is plainly the planning report.
	ErrAmbiguous = errors.New("extract: several documents in one file")
	// ErrNotReport: the text was extracted but is too short or hardly
	// Chinese, so it cannot be a planning report.
	ErrNotReport = errors.New("extract: too short or not a Chinese report")
)

// Error is the error type returned by Text.
//
// Error() is meant for users: it is the file name and the short Chinese
// Reason only. The technical cause (and the sentinel) is kept in Err for
// logs and errors.Is / errors.As.
type Error struct {
	// File is the file name passed to Text.
	File string
	// Reason is a short explanation in Chinese, suitable to show to the user,
	// e.g. "这是扫描版 PDF（只有图片，没有文字层）……".
	Reason string
	// Err is the wrapped cause: one of the sentinel errors, possibly joined
	// with the underlying error (e.g. an XML syntax error).
	Err error
}

// Error returns "File: Reason", or only Reason when File is empty.
func (e *Error) Error() string {
	if e.File == "" {
		return e.Reason
	}
	return e.File + ": " + e.Reason
}

// Unwrap returns the wrapped cause.
func (e *Error) Unwrap() error { return e.Err }

// LogValue puts the technical cause beside the reason in structured logs
// (log/slog), where Error() alone would only give what users see: a
// scanned PDF logs its page and character counts, a damaged one what
// PDFium said.
func (e *Error) LogValue() slog.Value {
	attrs := []slog.Attr{slog.String("file", e.File), slog.String("reason", e.Reason)}
	if e.Err != nil {
		attrs = append(attrs, slog.String("cause", e.Err.Error()))
	}
	return slog.GroupValue(attrs...)
}

// fail builds an *Error of the given kind (a sentinel); cause, when not nil,
// is wrapped as well so that both errors.Is(err, kind) and errors.As on the
// cause work.
func fail(name, reason string, kind, cause error) *Error {
	err := kind
	if cause != nil {
		err = fmt.Errorf("%w: %w", kind, cause)
	}
	return &Error{File: name, Reason: reason, Err: err}
}

// Reasons shown to users.
const (
	reasonEmpty        = "文件为空"
	reasonNoText       = "文件中没有文字内容"
	reasonTooLarge     = "文件太大（超过 20 MB），请拆分后再上传"
	reasonDocTooLarge  = "Word 文件正文过大（超过 16 MB），不像是一份报告"
	reasonTextTooLong  = "文件的文字远超一份报告的长度，请确认是否选错了文件"
	reasonNotText      = "不是文本文件"
	reasonEncoding     = "文件编码无法识别，请另存为 UTF-8 文本后再上传"
	reasonNotReport    = "内容太短或不是中文报告"
	reasonPDFScanned   = "这是扫描版 PDF（只有图片，没有文字层），无法读取文字；请上传文字版 PDF，或 docx、txt 文件"
	reasonPDFEncrypted = "PDF 文件设有打开密码，请取消密码后再上传"
	reasonPDFPages     = "PDF 页数过多（超过 1000 页），不像是一份报告"
	reasonPDFTimeout   = "PDF 文件结构异常，读取超时，请另存为 docx 或 txt 后再上传"
	reasonPDFCorrupt   = "PDF 文件已损坏，无法读取，请另存为 docx 或 txt 后再上传"
	reasonSeveral      = "这份 PDF 含有多份文件（%s），无法判断要添加哪一份；请只上传其中的计划报告"
	reasonDoc          = "旧版 Word (.doc) 文件无法读取，请用 Word 或 WPS 另存为 docx 后再上传"
	reasonWPS          = "WPS (.wps) 文件无法读取，请用 WPS 另存为 docx 后再上传"
	reasonXLS          = "Excel 表格 (.xls) 不支持，请上传报告的 docx 或 txt 文件"
	reasonPPT          = "PowerPoint (.ppt) 文件不支持，请上传报告的 docx 或 txt 文件"
	reasonOLE          = "旧版 Office 文件暂不支持，请另存为 docx"
	reasonEncrypted    = "文件已加密，请取消密码后另存为 docx 再上传"
	reasonXLSX         = "Excel 表格 (.xlsx) 不支持，请上传报告的 docx 或 txt 文件"
	reasonPPTX         = "PowerPoint (.pptx) 文件不支持，请上传报告的 docx 或 txt 文件"
	reasonODF          = "OpenDocument (.odt) 文件暂不支持，请另存为 docx"
	reasonOFD          = "OFD 文件暂不支持，请转换为 docx 或 txt 后再上传"
	reasonZip          = "压缩包不是 Word (docx) 文档，请解压后上传报告文件"
	reasonArchive      = "压缩文件不支持，请解压后上传报告文件"
	reasonImage        = "图片文件不支持，请上传文字版报告（docx 或 txt）"
	reasonRTF          = "RTF 文件暂不支持，请另存为 docx"
	reasonMHT          = "网页存档 (.mht) 文件暂不支持，请另存为 html 或 docx"
	reasonXML          = "XML 文件暂不支持，请转换为 docx 或 txt 后再上传"
	reasonDocxCorrupt  = "Word (docx) 文件已损坏，无法读取"
	reasonZipCorrupt   = "压缩文件已损坏，无法读取"
)
