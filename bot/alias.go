package bot

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"
	"unicode/utf8"

	"planbot/answers"
	"planbot/bot/feedback"
)

const (
	textNotAdminVocab = "抱歉，只有管理员可以修改词表。"
	textNoVocabFile   = "没有配置管理员词表：请在 config.yaml 中把 vocabulary: 设为一个文件（可以是空文件），然后重启。"
	textCannotTeach   = "这个机器人运行时不能修改词表。"
	textAliasUsage    = "用法：<code>/alias 社零 社会消费品零售总额</code>（先写用户的说法，再写报告里的说法，可以有几个）；" +
		"<code>/unalias 社零</code> 删除；<code>/alias</code> 列出管理员词表。"
)

// Limits of a line taught in the chat.
const (
	maxAliasRunes = 30
	maxAliasTerms = 8
)

// recheckMax bounds the questions of the feedback log asked again to
// measure a change of the vocabulary (newest first).
const recheckMax = 300

// vocabFile is the admins' vocabulary file (vocabulary: in config.yaml),
// which /alias and /unalias change. Admin operations run one at a time
// (see startAdminOp), so changes do not interleave.
type vocabFile struct{ path string }

// read returns the file's text, "" when there is no file.
func (f *vocabFile) read() (string, error) {
	b, err := os.ReadFile(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read vocabulary: %w", err)
	}
	return string(b), nil
}

// write replaces the file with text: written beside it, synced and
// renamed over it, so that a crash leaves the old file or the new, never
// half of one. The file keeps its mode.
func (f *vocabFile) write(text string) error {
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(f.path); err == nil {
		mode = fi.Mode().Perm()
	}
	dir := filepath.Dir(f.path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(f.path)+".*")
	if err != nil {
		return fmt.Errorf("write vocabulary: %w", err)
	}
	_, werr := tmp.WriteString(text)
	err = errors.Join(werr, tmp.Chmod(mode), tmp.Sync(), tmp.Close())
	if err == nil {
		err = os.Rename(tmp.Name(), f.path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write vocabulary %s: %w", f.path, err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// aliasLine is a line of a vocabulary file: "alias = term ...".
type aliasLine struct {
	alias string // lowered, as the vocabulary reads it
	text  string
}

// aliasLines returns the alias lines of a vocabulary file's text, without
// comments and blank lines.
func aliasLines(text string) []aliasLine {
	var out []aliasLine
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		from, _, _ := strings.Cut(line, "=")
		out = append(out, aliasLine{alias: strings.ToLower(strings.TrimSpace(from)), text: line})
	}
	return out
}

// parseAlias reads the arguments of /alias: "社零 社会消费品零售总额 …" or
// "社零 = 社会消费品零售总额 …", and returns the line to add.
func parseAlias(args string) (alias, line string, err error) {
	args = strings.ReplaceAll(args, "＝", "=")
	var terms []string
	if from, rest, ok := strings.Cut(args, "="); ok {
		alias, terms = strings.Join(strings.Fields(from), " "), strings.Fields(rest)
	} else if f := strings.Fields(args); len(f) > 0 {
		alias, terms = f[0], f[1:]
	}
	switch {
	case alias == "" || len(terms) == 0:
		return "", "", errors.New("要写一个词和它在报告里的说法")
	case strings.ContainsAny(alias, "#="):
		return "", "", errors.New("词不能含 # 或 =")
	case utf8.RuneCountInString(alias) > maxAliasRunes:
		return "", "", fmt.Errorf("词太长（最多 %d 个字）", maxAliasRunes)
	case len(terms) > maxAliasTerms:
		return "", "", fmt.Errorf("说法太多（最多 %d 个）", maxAliasTerms)
	}
	for _, t := range terms {
		if strings.ContainsAny(t, "=#") || utf8.RuneCountInString(t) > maxAliasRunes {
			return "", "", fmt.Errorf("说法 %q 不行：不能含 = 或 #，最多 %d 个字", t, maxAliasRunes)
		}
	}
	return alias, alias + " = " + strings.Join(terms, " "), nil
}

// teachable returns why the vocabulary cannot be changed, or "".
func (b *Bot) teachable() string {
	switch {
	case b.learn.vocab == nil:
		return textNoVocabFile
	case b.learn.teach == nil:
		return textCannotTeach
	}
	return ""
}

// onAlias answers an admin's /alias: with no arguments the list of the
// admins' lines, else a line to add.
func (b *Bot) onAlias(ctx context.Context, log *slog.Logger, to target, args string) {
	if why := b.teachable(); why != "" {
		b.reply(ctx, log, to, why)
		return
	}
	if strings.TrimSpace(args) == "" {
		text, err := b.learn.vocab.read()
		if err != nil {
			log.Error("read vocabulary", "err", err)
			b.reply(ctx, log, to, textError)
			return
		}
		b.reply(ctx, log, to, renderAliases(filepath.Base(b.learn.vocab.path), aliasLines(text)))
		return
	}
	alias, line, err := parseAlias(args)
	if err != nil {
		b.reply(ctx, log, to, esc(err.Error())+"\n"+textAliasUsage)
		return
	}
	log = log.With("alias", alias)
	b.changeVocabulary(ctx, log, to, "已添加 <code>"+esc(line)+"</code>", func(old string) (string, error) {
		if old != "" && !strings.HasSuffix(old, "\n") {
			old += "\n"
		}
		return old + line + "\n", nil
	})
}

// onUnalias answers an admin's /unalias: the lines of the alias are
// removed from the admins' vocabulary file.
func (b *Bot) onUnalias(ctx context.Context, log *slog.Logger, to target, args string) {
	if why := b.teachable(); why != "" {
		b.reply(ctx, log, to, why)
		return
	}
	alias := strings.ToLower(strings.Join(strings.Fields(args), " "))
	if alias == "" {
		b.reply(ctx, log, to, textAliasUsage)
		return
	}
	log = log.With("alias", alias)
	b.changeVocabulary(ctx, log, to, "已删除 <code>"+esc(alias)+"</code>", func(old string) (string, error) {
		var kept []string
		found := false
		for line := range strings.SplitSeq(old, "\n") {
			l := aliasLines(line)
			if len(l) == 1 && l[0].alias == alias {
				found = true
				continue
			}
			kept = append(kept, line)
		}
		if !found {
			return "", fmt.Errorf("管理员词表里没有「%s」（内置词表 answers/vocab.txt 的词不能在聊天中删除）", alias)
		}
		return strings.Join(kept, "\n"), nil
	})
}

// changeVocabulary changes the admins' vocabulary file as change says, in
// the background (one admin operation at a time): the new text is checked
// as every vocabulary is (answers.ParseVocabulary, as planbot vocab check
// does), the questions of the feedback log are asked before and after,
// the file is written and the answers use it from the next question on.
// A change that answers fewer questions is made, and reported.
func (b *Bot) changeVocabulary(ctx context.Context, log *slog.Logger, to target, done string, change func(old string) (string, error)) {
	f := b.learn.vocab
	b.startAdminOp(ctx, log, to, "检查词表…", func(ctx context.Context, progress func(string)) (string, error) {
		old, err := f.read()
		if err != nil {
			return "", err
		}
		text, err := change(old)
		if err != nil {
			return "没有改动：" + esc(err.Error()), nil
		}
		v, err := answers.ParseVocabulary(text, filepath.Base(f.path))
		if err != nil {
			log.Info("vocabulary change refused", "err", err)
			return "没有改动：词表检查未通过\n<code>" + esc(err.Error()) + "</code>", nil
		}
		var qs []string
		unanswered := map[string]bool{}
		if b.learn.on() {
			entries, err := b.learn.store.List(time.Time{})
			if err != nil {
				return "", err
			}
			qs = feedback.Questions(entries, recheckMax)
			for _, e := range entries {
				if e.Kind == feedback.KindUnanswered {
					unanswered[feedback.Normalize(e.Question)] = true
				}
			}
		}
		progress(fmt.Sprintf("用反馈记录中的 %d 个问题比较", len(qs)))
		before := b.answeredOf(ctx, log, qs)
		if err := f.write(text); err != nil {
			return "", err
		}
		b.learn.teach.SetVocabulary(v)
		after := b.answeredOf(ctx, log, qs)
		log.Info("vocabulary changed", "questions", len(qs), "answered_before", len(before), "answered_after", len(after))
		return done + "，从下一个问题起生效。\n" + renderRecheck(qs, before, after, unanswered), nil
	})
}

// answeredOf asks each question for one answer and returns those
// answered. The questions are asked one at a time, each taking a slot of
// the running questions, so the public's questions are not held up.
func (b *Bot) answeredOf(ctx context.Context, log *slog.Logger, qs []string) map[string]bool {
	out := map[string]bool{}
	for _, q := range qs {
		if ctx.Err() != nil {
			break
		}
		if b.answers(ctx, log, q) {
			out[q] = true
		}
	}
	return out
}

// answers reports whether q gets an answer now.
func (b *Bot) answers(ctx context.Context, log *slog.Logger, q string) (ok bool) {
	ctx, cancel := context.WithTimeout(ctx, askTimeout)
	defer cancel()
	select {
	case b.askers <- struct{}{}:
		defer func() { <-b.askers }()
	case <-ctx.Done():
		return false
	}
	defer func() {
		if r := recover(); r != nil {
			log.Error("panic in asker", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			ok = false
		}
	}()
	res, err := b.asker.Ask(ctx, q, 1)
	return err == nil && len(res.Answers) > 0
}

// renderRecheck says what a change of the vocabulary did to the questions
// of the log: how many are answered before and after, which that went
// unanswered now are, and which lost their answer.
func renderRecheck(qs []string, before, after, unanswered map[string]bool) string {
	if len(qs) == 0 {
		return "反馈记录中还没有问题可以比较。"
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "反馈记录中的 %d 个问题：之前 %d 个有答案，现在 %d 个。", len(qs), len(before), len(after))
	var gained, lost []string
	for _, q := range qs {
		switch {
		case after[q] && !before[q] && unanswered[feedback.Normalize(q)]:
			gained = append(gained, q)
		case before[q] && !after[q]:
			lost = append(lost, q)
		}
	}
	list := func(title string, qs []string) {
		if len(qs) == 0 {
			return
		}
		fmt.Fprintf(&sb, "\n%s", title)
		for i, q := range qs {
			if i == 10 {
				fmt.Fprintf(&sb, "\n…还有 %d 个", len(qs)-10)
				break
			}
			sb.WriteString("\n· " + esc(truncateRunes(q, 60)))
		}
	}
	list(fmt.Sprintf("现在能回答以前没答上的 %d 个问题：", len(gained)), gained)
	list(fmt.Sprintf("⚠️ 之前有答案、现在没有的 %d 个问题：", len(lost)), lost)
	return sb.String()
}

// renderAliases lists the admins' vocabulary lines for /alias.
func renderAliases(name string, lines []aliasLine) string {
	var sb strings.Builder
	if len(lines) == 0 {
		fmt.Fprintf(&sb, "管理员词表 <code>%s</code> 还是空的。\n", esc(name))
	} else {
		fmt.Fprintf(&sb, "管理员词表 <code>%s</code>，%d 行：\n", esc(name), len(lines))
		for _, l := range lines {
			sb.WriteString("<code>" + esc(l.text) + "</code>\n")
		}
	}
	sb.WriteString(textAliasUsage)
	return sb.String()
}
