package bot

import (
	"context"
	"log/slog"
	"strings"
	"sync"

	"github.com/go-telegram/bot/models"
)

// isAdmin reports whether user id is a configured admin. Being an
// administrator of a chat does not count.
func (b *Bot) isAdmin(id int64) bool { return b.admins[id] }

// adminCommands are the commands of configured admins only.
var adminCommands = map[string]bool{"reindex": true, "reports": true, "remove": true, "feedback": true, "alias": true, "unalias": true}

// onAdminCommand handles /reindex, /reports, /remove, /feedback, /alias
// and /unalias. They are used in an admin's private chat only: elsewhere
// the command gets a pointer there, and nothing about the reports, the
// feedback or the vocabulary is posted.
func (b *Bot) onAdminCommand(ctx context.Context, log *slog.Logger, msg *models.Message, cmd, args string) {
	to := replyTarget(msg)
	if msg.Chat.Type != models.ChatTypePrivate {
		log.Info("admin command outside a private chat", "command", cmd)
		b.notice(ctx, log, msg, textPrivateOnly)
		return
	}
	// An anonymous group admin writes as the group: not a configured admin.
	if msg.From == nil || msg.SenderChat != nil || !b.isAdmin(msg.From.ID) {
		log.Warn("admin command refused", "command", cmd)
		text := textNotAdmin
		switch cmd {
		case "reports":
			text = textNotAdminList
		case "feedback":
			text = textNotAdminFeedback
		case "alias", "unalias":
			text = textNotAdminVocab
		}
		b.notice(ctx, log, msg, text)
		return
	}
	log = log.With("admin", msg.From.ID, "command", cmd)
	switch cmd {
	case "reports":
		if _, err := b.sendHTML(ctx, to, renderReports(b.lib.Reports()), nil); err != nil {
			log.Error("send report list", "err", err)
		}
	case "reindex":
		b.startAdminOp(ctx, log, to, "解析…", func(ctx context.Context, progress func(string)) (string, error) {
			st, err := b.lib.Reindex(ctx, progress)
			if err != nil {
				return "", err
			}
			return renderDone(st), nil
		})
	case "remove":
		fields := strings.Fields(args)
		if len(fields) != 1 {
			b.reply(ctx, log, to, "用法：<code>/remove 报告ID</code>（ID 见 /reports）")
			return
		}
		id := fields[0]
		b.startAdminOp(ctx, log, to, "删除…", func(ctx context.Context, _ func(string)) (string, error) {
			if err := b.lib.Remove(ctx, id); err != nil {
				return "", err
			}
			return "已删除报告 <code>" + esc(id) + "</code>", nil
		})
	case "feedback":
		b.onFeedback(ctx, log, to)
	case "alias":
		b.onAlias(ctx, log, to, args)
	case "unalias":
		b.onUnalias(ctx, log, to, args)
	}
}

// onDocument handles a file sent in a private chat: an admin adding a report.
func (b *Bot) onDocument(ctx context.Context, log *slog.Logger, msg *models.Message) {
	to := replyTarget(msg)
	if msg.Chat.Type != models.ChatTypePrivate {
		b.notice(ctx, log, msg, textPrivateOnly)
		return
	}
	if msg.From == nil || !b.isAdmin(msg.From.ID) {
		log.Warn("upload refused")
		b.notice(ctx, log, msg, textNotAdmin)
		return
	}
	doc := msg.Document
	log = log.With("admin", msg.From.ID, "file", doc.FileName, "size", doc.FileSize)
	if doc.FileSize > maxUploadBytes {
		b.reply(ctx, log, to, esc(errTooLarge.Error()))
		return
	}
	name := doc.FileName
	if name == "" {
		name = "report"
	}
	b.startAdminOp(ctx, log, to, "下载…", func(ctx context.Context, progress func(string)) (string, error) {
		data, err := b.download(ctx, doc.FileID)
		if err != nil {
			return "", err
		}
		info, err := b.lib.Add(ctx, name, data, progress)
		if err != nil {
			return "", err
		}
		return renderDone(Stats{Sentences: info.Sentences, Figures: info.Figures}) +
			"\n已添加《" + esc(info.Title) + "》 <code>" + esc(info.ID) + "</code>", nil
	})
}

// adminOp is an admin operation; it returns the HTML to show when done.
type adminOp func(ctx context.Context, progress func(stage string)) (string, error)

// startAdminOp runs op in the background, one at a time, showing its
// progress by editing one message that starts as first. Questions keep
// being answered meanwhile.
func (b *Bot) startAdminOp(ctx context.Context, log *slog.Logger, to target, first string, op adminOp) {
	if !b.adminBusy.CompareAndSwap(false, true) {
		b.reply(ctx, log, to, textBusy)
		return
	}
	status := b.reply(ctx, log, to, esc(first))
	b.bg.Add(1)
	go func() {
		defer b.bg.Done()
		p := b.newProgress(ctx, log, to, status, esc(first))
		final := "失败：" + textError
		recovered(log, func() {
			// Free the lock before the final text shows, so that an admin
			// who reads "完成" can start the next operation at once.
			defer b.adminBusy.Store(false)
			text, err := op(ctx, p.stage)
			if err != nil {
				log.Error("admin operation failed", "err", err)
				final = "失败：" + esc(b.redact.scrub(err.Error()))
				return
			}
			log.Info("admin operation done")
			final = text
		})
		p.finish(final)
	}()
}

// progress shows the stages of an admin operation by editing one message.
// Stages arriving faster than the edits go out are dropped, the final text
// never is.
type progress struct {
	b    *Bot
	ctx  context.Context
	log  *slog.Logger
	to   target
	msg  *models.Message // nil when the first message could not be sent
	last string

	mu     sync.Mutex
	closed bool
	stages chan string
	done   chan struct{}
}

func (b *Bot) newProgress(ctx context.Context, log *slog.Logger, to target, msg *models.Message, shown string) *progress {
	p := &progress{b: b, ctx: ctx, log: log, to: to, msg: msg, last: shown, stages: make(chan string, 16), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		for s := range p.stages {
			p.show(s)
		}
	}()
	return p
}

// stage is the progress callback given to the library.
func (p *progress) stage(stage string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	select {
	case p.stages <- esc(stageText(stage)):
	default:
	}
}

// finish shows the final text after the pending stages.
func (p *progress) finish(final string) {
	p.mu.Lock()
	p.closed = true
	close(p.stages)
	p.mu.Unlock()
	<-p.done
	if p.msg == nil {
		p.b.reply(p.ctx, p.log, p.to, final)
		return
	}
	p.show(final)
}

func (p *progress) show(html string) {
	if p.msg == nil || html == p.last {
		return
	}
	p.last = html
	if err := p.b.editHTML(p.ctx, p.msg.Chat.ID, p.msg.ID, html, nil); err != nil {
		p.log.Warn("edit progress message", "err", err)
	}
}
