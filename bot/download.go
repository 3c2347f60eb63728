package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// maxUploadBytes is the largest file the Bot API lets bots download.
const maxUploadBytes = 20 << 20

var errTooLarge = errors.New("文件太大：机器人最多只能下载 20 MB 的文件")

// errDownloadBudget is the cause of a download's context ending when its
// time (cfg.DownloadTimeout) is up.
var errDownloadBudget = errors.New("download budget spent")

// download fetches an uploaded file: getFile, then the file URL built from
// the API URL, both retried within cfg.DownloadTimeout in all. Errors are
// in Chinese for the admin and carry no token.
func (b *Bot) download(ctx context.Context, fileID string) ([]byte, error) {
	budget := b.cfg.DownloadTimeout
	ctx, cancel := context.WithTimeoutCause(ctx, budget, errDownloadBudget)
	defer cancel()
	// timedOut is the admin's message when err is the budget running out.
	timedOut := func(err error) error {
		if err == nil || context.Cause(ctx) != errDownloadBudget {
			return nil
		}
		return &causeError{msg: "下载超时：" + zhDuration(budget) + "内没有下载完文件，请稍后重新发送", err: err}
	}
	var f *models.File
	err := b.send.do(ctx, 0, "getFile", func(ctx context.Context, _ int64) error {
		var err error
		f, err = b.tg.GetFile(ctx, &bot.GetFileParams{FileID: fileID})
		return err
	})
	if err := timedOut(err); err != nil {
		return nil, err
	}
	switch {
	case err != nil && strings.Contains(err.Error(), "file is too big"):
		return nil, errTooLarge
	case err != nil:
		return nil, fmt.Errorf("获取文件信息失败：%s", b.redact.scrub(err.Error()))
	case f.FileSize > maxUploadBytes:
		return nil, errTooLarge
	case f.FilePath == "":
		return nil, errors.New("获取文件信息失败：没有下载路径")
	}
	link := b.cfg.APIURL + "/file/bot" + b.cfg.Token + "/" + f.FilePath
	var data []byte
	err = b.send.do(ctx, 0, "downloadFile", func(ctx context.Context, _ int64) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
		if err != nil {
			return err
		}
		resp, err := b.files.Do(req)
		if err != nil {
			return &transportError{err: err}
		}
		defer resp.Body.Close()
		switch {
		case resp.StatusCode >= 500:
			return &serverError{status: resp.StatusCode}
		case resp.StatusCode != http.StatusOK:
			return fmt.Errorf("HTTP %d", resp.StatusCode)
		}
		data, err = io.ReadAll(io.LimitReader(resp.Body, maxUploadBytes+1))
		if err != nil {
			return &transportError{err: err}
		}
		if len(data) > maxUploadBytes {
			return errTooLarge
		}
		return nil
	})
	if err := timedOut(err); err != nil {
		return nil, err
	}
	switch {
	case errors.Is(err, errTooLarge):
		return nil, errTooLarge
	case err != nil:
		return nil, fmt.Errorf("下载文件失败：%s", b.redact.scrub(err.Error()))
	}
	return data, nil
}

// zhDuration writes d in Chinese for messages: "2分钟", "90秒".
func zhDuration(d time.Duration) string {
	if d >= time.Minute && d%time.Minute == 0 {
		return fmt.Sprintf("%d分钟", int(d/time.Minute))
	}
	return fmt.Sprintf("%d秒", int((d+time.Second-1)/time.Second))
}
