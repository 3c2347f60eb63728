// Package emulatortest runs the real planbot binary ("planbot serve")
// against telegram-test-api, a Bot API emulator from npm that planbot's
// authors did not write, and checks the replies as the emulator's client
// side sees them. Our own fake server, bot/telegramtest, stays the place for
// faults and limits; this test guards against both drifting from a Bot API
// implementation written by someone else.
//
// The test needs Node.js and the emulator installed beside it, so it runs
// only when PLANBOT_EMULATOR=1:
//
//	npm ci --prefix bot/emulatortest
//	PLANBOT_EMULATOR=1 go test -v ./bot/emulatortest
//
// The emulator takes JSON and urlencoded bodies only, while
// github.com/go-telegram/bot sends multipart/form-data: a small reverse
// proxy in the test (shim_test.go) converts the bodies and lets
// getUpdates wait for updates as Telegram's long polling does.
package emulatortest
