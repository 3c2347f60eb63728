// Command planbot answers questions about Chinese government planning
// reports, from the command line or as a Telegram bot.
//
//	planbot ask "高标准农田目标是多少"     answer a question (--json, --top N, --report ID, - for stdin)
//	planbot index                          rebuild the index from the seeds directory
//	planbot index add FILE [--id ID]       add or replace a report
//	planbot index remove ID                remove an added report
//	planbot reports                        list the reports
//	planbot eval FILE.jsonl [-v]           measure answer quality on a question set
//	planbot serve                          run the Telegram bot
//	planbot load                           measure the bot under load, against a fake Bot API on loopback
//
// Every subcommand takes --config FILE (default ./config.yaml).
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"text/tabwriter"

	"gopkg.in/yaml.v3"

	"planbot/answers"
	"planbot/bot"
	"planbot/bot/loadtest"
	"planbot/index"
	"planbot/index/report"
)

// Config is config.yaml.
type Config struct {
	SeedsDir      string     `yaml:"seeds_dir"`
	DataDir       string     `yaml:"data_dir"`
	Vocabulary    string     `yaml:"vocabulary"`
	DefaultRegion string     `yaml:"default_region"`
	LogLevel      string     `yaml:"log_level"`
	Telegram      bot.Config `yaml:"telegram"`
}

const usage = `planbot answers questions about government planning reports.

usage:
  planbot ask [--json] [--top N] [--report ID] "问题"   (or - to read questions from stdin)
  planbot index                      rebuild the index from the seeds directory
  planbot index add FILE [--id ID]   add or replace a report (txt in UTF-8/GBK/UTF-16, docx, html)
  planbot index remove ID            remove a report added with index add
  planbot reports                    list the reports being served
  planbot eval [-v] [--report ID] FILE.jsonl   measure answer quality
  planbot serve                      run the Telegram bot
  planbot load [--questions N] [--faults 0.01] ...   drive the bot through a fake Bot API and measure it

every subcommand takes --config FILE (default ./config.yaml)
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cmd, args := os.Args[1], os.Args[2:]
	var err error
	switch cmd {
	case "ask":
		err = runAsk(ctx, args, os.Stdin, os.Stdout)
	case "index":
		err = runIndex(ctx, args, os.Stdout)
	case "reports":
		err = runReports(ctx, args, os.Stdout)
	case "eval":
		err = runEval(ctx, args, os.Stdout)
	case "serve":
		err = runServe(ctx, args)
	case "load":
		err = runLoad(ctx, args, os.Stdout)
	case "outline":
		err = runOutline(args, os.Stdout)
	case "help", "-h", "--help":
		fmt.Print(usage)
		return
	default:
		fmt.Fprintf(os.Stderr, "planbot: unknown command %q\n\n%s", cmd, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "planbot %s: %v\n", cmd, err)
		os.Exit(1)
	}
}

// loadConfig reads the config file; relative paths in it are relative to
// the file's directory. A missing default config means the defaults.
func loadConfig(path string, explicit bool) (*Config, error) {
	cfg := &Config{SeedsDir: "seeds", DataDir: "data", DefaultRegion: "", LogLevel: "info"}
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && !explicit:
		path = "config.yaml"
	case err != nil:
		return nil, fmt.Errorf("read config: %w", err)
	default:
		if err := yaml.Unmarshal(b, cfg); err != nil {
			return nil, fmt.Errorf("read config %s: %w", path, err)
		}
	}
	base := filepath.Dir(path)
	for _, p := range []*string{&cfg.SeedsDir, &cfg.DataDir, &cfg.Vocabulary} {
		if *p != "" && !filepath.IsAbs(*p) {
			*p = filepath.Join(base, *p)
		}
	}
	if v := os.Getenv("PLANBOT_DATA_DIR"); v != "" {
		cfg.DataDir = v
	}
	return cfg, nil
}

// configFlag adds --config to fs.
func configFlag(fs *flag.FlagSet) *string {
	return fs.String("config", "config.yaml", "configuration `file`")
}

func explicitFlag(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			set = true
		}
	})
	return set
}

// app is what the subcommands share: the config, the library, the engine.
type app struct {
	cfg    *Config
	log    *slog.Logger
	lib    *index.Library
	engine *answers.Engine
}

func openApp(ctx context.Context, fs *flag.FlagSet, configPath string) (*app, error) {
	cfg, err := loadConfig(configPath, explicitFlag(fs, "config"))
	if err != nil {
		return nil, err
	}
	level := slog.LevelInfo
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		level = slog.LevelInfo
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	vocab, err := answers.LoadVocabulary(cfg.Vocabulary)
	if err != nil {
		return nil, err
	}
	lib, err := index.Open(ctx, index.Options{DataDir: cfg.DataDir, SeedsDir: cfg.SeedsDir, Keep: vocab.KeepWords(), Logger: log})
	if err != nil {
		return nil, err
	}
	return &app{cfg: cfg, log: log, lib: lib, engine: answers.New(lib, vocab, cfg.DefaultRegion)}, nil
}

// interleaved lets flags follow positional arguments: ask "问题" --json.
func interleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func runAsk(ctx context.Context, args []string, in io.Reader, out io.Writer) error {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	cfgPath := configFlag(fs)
	asJSON := fs.Bool("json", false, "print one JSON object per question")
	top := fs.Int("top", 3, "at most `N` answers")
	report := fs.String("report", "", "ask only the report with this `id`")
	pos, err := interleaved(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return fmt.Errorf(`a question is needed: planbot ask "高标准农田目标是多少" (or - to read from stdin)`)
	}
	a, err := openApp(ctx, fs, *cfgPath)
	if err != nil {
		return err
	}
	defer a.lib.Close()
	opt := answers.Options{Top: *top, ReportID: *report}
	answer := func(q string) error {
		res, err := a.engine.Ask(ctx, q, opt)
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			return enc.Encode(res)
		}
		printResult(out, res)
		return nil
	}
	if len(pos) == 1 && pos[0] == "-" {
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			if err := answer(sc.Text()); err != nil {
				return err
			}
		}
		return sc.Err()
	}
	return answer(strings.Join(pos, " "))
}

// printResult writes answers for a person, figures in 【】.
func printResult(w io.Writer, res answers.Result) {
	if len(res.Answers) == 0 {
		msg := "报告中没有找到与此相关的内容。"
		if res.Note != "" {
			msg = res.Note + "，" + msg
		}
		fmt.Fprintln(w, msg)
		if len(res.Closest) > 0 {
			fmt.Fprintln(w, "相关章节: "+strings.Join(res.Closest, "；"))
		}
		return
	}
	for i, a := range res.Answers {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%d. %s\n", i+1, markFigures(a))
		if a.Note != "" {
			fmt.Fprintf(w, "   (%s)\n", a.Note)
		}
		fmt.Fprintf(w, "   — %s\n   《%s》\n", a.Section, a.Report)
	}
}

func markFigures(a answers.Answer) string {
	var b strings.Builder
	last := 0
	for _, m := range a.Marks {
		if m.Start < last || m.End > len(a.Text) {
			continue
		}
		b.WriteString(a.Text[last:m.Start])
		b.WriteString("【" + a.Text[m.Start:m.End] + "】")
		last = m.End
	}
	b.WriteString(a.Text[last:])
	return b.String()
}

func runIndex(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("index", flag.ContinueOnError)
	cfgPath := configFlag(fs)
	id := fs.String("id", "", "report `id` for index add (default: from the file name)")
	pos, err := interleaved(fs, args)
	if err != nil {
		return err
	}
	a, err := openApp(ctx, fs, *cfgPath)
	if err != nil {
		return err
	}
	defer a.lib.Close()
	progress := func(stage string) { fmt.Fprintln(out, stage) }
	switch {
	case len(pos) == 0:
		st, fresh := a.lib.BuiltByOpen() // opening an empty data directory just built it
		if !fresh {
			if st, err = a.lib.Rebuild(ctx, progress); err != nil {
				return err
			}
		}
		fmt.Fprintf(out, "完成: %d 份报告, %d 句, %d 个数字 (%v)\n", st.Reports, st.Sentences, st.Figures, st.Took.Round(1e6))
	case pos[0] == "add" && len(pos) == 2:
		data, err := os.ReadFile(pos[1])
		if err != nil {
			return err
		}
		meta, st, err := a.lib.Add(ctx, pos[1], data, *id, progress)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "已添加 %s: %s (%s, %d年回顾, %d年计划); 完成: %d 份报告, %d 句, %d 个数字\n",
			meta.ID, meta.Title, meta.Region, meta.ReviewYear, meta.PlanYear, st.Reports, st.Sentences, st.Figures)
	case pos[0] == "remove" && len(pos) == 2:
		st, err := a.lib.Remove(ctx, pos[1], progress)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "已删除 %s; 完成: %d 份报告, %d 句, %d 个数字\n", pos[1], st.Reports, st.Sentences, st.Figures)
	default:
		return fmt.Errorf("usage: planbot index | index add FILE [--id ID] | index remove ID")
	}
	return nil
}

func runReports(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("reports", flag.ContinueOnError)
	cfgPath := configFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	a, err := openApp(ctx, fs, *cfgPath)
	if err != nil {
		return err
	}
	defer a.lib.Close()
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\t地区\t回顾\t计划\t日期\t句子\t数字\t来源\t标题")
	for _, e := range a.lib.Reports() {
		src := "added"
		if e.Seed {
			src = "seed"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%d\t%d\t%s\t%s\n", e.Meta.ID, e.Meta.Region, e.Meta.ReviewYear, e.Meta.PlanYear,
			e.Meta.Date, e.Sentences, e.Figures, src, e.Meta.Title)
	}
	return tw.Flush()
}

func runEval(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	cfgPath := configFlag(fs)
	verbose := fs.Bool("v", false, "list the failures")
	report := fs.String("report", "", "ask only the report with this `id`")
	pos, err := interleaved(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("usage: planbot eval [-v] [--report ID] FILE.jsonl")
	}
	cases, err := answers.ReadCases(pos[0])
	if err != nil {
		return err
	}
	a, err := openApp(ctx, fs, *cfgPath)
	if err != nil {
		return err
	}
	defer a.lib.Close()
	mine := answers.Evaluate(cases, func(q string) []answers.Answer {
		res, _ := a.engine.Ask(ctx, q, answers.Options{ReportID: *report})
		return res.Answers
	})
	plain := answers.Evaluate(cases, answers.Plain(a.lib, *report))
	answers.Print(out, pos[0], mine, plain, *verbose)
	return nil
}

func runServe(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	cfgPath := configFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := loadConfig(*cfgPath, explicitFlag(fs, "config"))
	if err != nil {
		return err
	}
	cfg.Telegram.ApplyEnv()
	if err := cfg.Telegram.Validate(); err != nil {
		return err // checked before the index is opened: a missing token is a one-line error
	}
	a, err := openApp(ctx, fs, *cfgPath)
	if err != nil {
		return err
	}
	defer a.lib.Close()
	b, err := bot.New(cfg.Telegram, bot.EngineAsker(a.engine), bot.IndexLibrary(a.lib), a.log)
	if err != nil {
		return err
	}
	a.log.Info("serving", "bot", b.Username(), "mode", cfg.Telegram.Mode, "reports", len(a.lib.Reports()))
	return b.Run(ctx)
}

// runLoad drives the real bot through a fake Bot API server on loopback
// and prints what it measured: answered per second, latency, lost or
// duplicated replies, memory.
func runLoad(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	cfgPath := configFlag(fs)
	o := loadtest.Options{Window: 256}
	fs.IntVar(&o.Questions, "questions", 0, "questions to send (default 5000, or rate×duration)")
	fs.IntVar(&o.Users, "users", loadtest.DefaultUsers, "distinct users")
	fs.IntVar(&o.Chats, "chats", loadtest.DefaultChats, "chats, half of them groups")
	fs.Float64Var(&o.FaultRate, "faults", 0, "share of Bot API requests failed (0–1)")
	fs.DurationVar(&o.Duration, "duration", 0, "stop sending after this long")
	fs.Float64Var(&o.Rate, "rate", 0, "questions a second (0: as fast as -window allows)")
	fs.IntVar(&o.Window, "window", o.Window, "questions in flight at most (0: all at once)")
	fs.BoolVar(&o.Paced, "paced", false, "keep to Telegram's rate limits")
	if err := fs.Parse(args); err != nil {
		return err
	}
	a, err := openApp(ctx, fs, *cfgPath)
	if err != nil {
		return err
	}
	defer a.lib.Close()
	o.Asker, o.Library = bot.EngineAsker(a.engine), bot.IndexLibrary(a.lib)
	rep, err := loadtest.Run(ctx, o)
	fmt.Fprint(out, rep)
	if err == nil && !rep.OK() {
		err = errors.New("replies were lost, duplicated, out of order or wrong")
	}
	return err
}

// runOutline prints the heading tree of a report file.
func runOutline(args []string, out io.Writer) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: planbot outline FILE")
	}
	data, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	r, err := report.ParseFile(args[0], data, report.Meta{}, index.IDFromName(args[0]), "")
	if err != nil {
		return err
	}
	return r.Outline(out)
}
