// Package loadtest drives the real planbot bot — bot.New over the real
// answers.Engine and index.Library, wired as main.go's runServe wires them —
// against a telegramtest Bot API server on the loopback interface, and
// measures it: questions answered per second, reply latency (from the update
// being queued by the server to the sendMessage the server records), replies
// lost, duplicated or out of order, errors, and heap and goroutines before and
// after.
//
// A run has two phases. The warm-up asks every distinct question once, in
// group chats, and records each reply; it builds the engine's per-report
// caches as a serving process has them and gives the reply every later
// question must get. The measured phase then sends Options.Questions updates
// from Options.Users users in Options.Chats chats (private chats with plain
// text and /ask, groups with /ask, /ask@bot and @bot mentions), optionally
// with faults injected by the server, and waits until every question has its
// reply or the wait runs out.
//
// Run is the entry point (a `planbot load` subcommand can call it and print
// Report.String); TestLoadSmall runs under `go test ./...`,
// BenchmarkThroughput measures capacity, and TestSoak (PLANBOT_SOAK=1) is the
// long run described in RELIABILITY.md.
package loadtest
