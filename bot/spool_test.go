package bot

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
)

// spooled encodes upd as the spool keeps it.
func spooled(t *testing.T, upd *models.Update, noticed bool) spooledUpdate {
	t.Helper()
	raw, err := json.Marshal(upd)
	if err != nil {
		t.Fatal(err)
	}
	return spooledUpdate{ID: upd.ID, Update: raw, Received: time.Unix(1700000000+upd.ID, 0).UTC(), Noticed: noticed}
}

// A spool written is read back as it was — messages, channel posts and
// button presses, oldest first — is private to the bot's user and leaves
// no temporary file behind.
func TestSpoolRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data") // created by the write
	path := spoolPath(dir)
	msg := &models.Message{ID: 7, Date: 1, Chat: groupChat(-100123), From: &alice, Text: "/ask 高标准农田目标是多少",
		Entities: []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Offset: 0, Length: 4}}}
	post := &models.Message{ID: 3, Date: 2, Chat: models.Chat{ID: -100999, Type: models.ChatTypeChannel, Title: "频道"}, Text: "@planbot_test_bot 投资"}
	button := &models.CallbackQuery{ID: "cb1", From: bob, Data: exampleData(1), ChatInstance: "ci",
		Message: models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage, Message: msg}}
	in := &spoolFile{
		Saved: time.Unix(1700000100, 0).UTC(), Offset: 43, OffsetAt: time.Unix(1700000042, 0).UTC(),
		Updates: []spooledUpdate{
			spooled(t, &models.Update{ID: 42, CallbackQuery: button}, false),
			spooled(t, &models.Update{ID: 40, Message: msg}, true),
			spooled(t, &models.Update{ID: 41, ChannelPost: post}, false),
		},
	}
	if dropped, err := writeSpool(path, in); err != nil || dropped != 0 {
		t.Fatalf("write: %d dropped, %v", dropped, err)
	}
	out, err := readSpool(path)
	if err != nil {
		t.Fatal(err)
	}
	if ids := fmt.Sprint(out.Updates[0].ID, out.Updates[1].ID, out.Updates[2].ID); ids != "40 41 42" {
		t.Errorf("updates in the order %s, want by id", ids)
	}
	in.Version = spoolVersion
	if !reflect.DeepEqual(in, out) {
		t.Errorf("read back\n %+v\nwant\n %+v", out, in)
	}
	var upd models.Update
	if err := json.Unmarshal(out.Updates[2].Update, &upd); err != nil || upd.CallbackQuery == nil ||
		upd.CallbackQuery.Message.Message == nil || upd.CallbackQuery.Message.Message.Text != msg.Text {
		t.Errorf("the button press came back as %+v (%v)", upd.CallbackQuery, err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("spool mode %v (%v), want 0600", fi.Mode(), err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the data directory holds %d files, want the spool alone", len(entries))
	}
	// Written again, the file is replaced whole.
	if _, err := writeSpool(path, &spoolFile{Offset: 50}); err != nil {
		t.Fatal(err)
	}
	if out, err := readSpool(path); err != nil || out.Offset != 50 || len(out.Updates) != 0 {
		t.Errorf("rewritten spool: %+v %v", out, err)
	}
	if sf, err := readSpool(filepath.Join(dir, "none.json")); sf != nil || err != nil {
		t.Errorf("a missing spool: %v %v, want none and no error", sf, err)
	}
}

// The spool keeps the oldest updates that fit its bounds in count and in
// bytes; a file over the bound is refused when read.
func TestSpoolSizeBound(t *testing.T) {
	dir := t.TempDir()
	path := spoolPath(dir)
	update := func(id int64, text string) spooledUpdate {
		return spooled(t, &models.Update{ID: id, Message: &models.Message{ID: int(id), Date: 1, Chat: privateChat(alice), From: &alice, Text: text}}, false)
	}

	var many []spooledUpdate
	for i := range maxSpoolUpdates + 5 {
		many = append(many, update(int64(maxSpoolUpdates+5-i), "q")) // newest first: the bound keeps the oldest
	}
	dropped, err := writeSpool(path, &spoolFile{Offset: 1, Updates: many})
	if err != nil || dropped != 5 {
		t.Fatalf("count bound: %d dropped, %v; want 5", dropped, err)
	}
	sf, err := readSpool(path)
	if err != nil || len(sf.Updates) != maxSpoolUpdates || sf.Updates[len(sf.Updates)-1].ID != maxSpoolUpdates {
		t.Fatalf("count bound: read %v, %v", len(sf.Updates), err)
	}

	big := strings.Repeat("长", 1<<20) // 3 MB of text each
	var large []spooledUpdate
	for i := range 8 {
		large = append(large, update(int64(i+1), big))
	}
	dropped, err = writeSpool(path, &spoolFile{Offset: 1, Updates: large})
	if err != nil || dropped == 0 || dropped == len(large) {
		t.Fatalf("byte bound: %d of %d dropped, %v", dropped, len(large), err)
	}
	if fi, _ := os.Stat(path); fi.Size() > maxSpoolBytes {
		t.Errorf("spool of %d bytes, over %d", fi.Size(), maxSpoolBytes)
	}
	if sf, err := readSpool(path); err != nil || len(sf.Updates) != len(large)-dropped || sf.Updates[0].ID != 1 {
		t.Errorf("byte bound: read back %v", err)
	}

	if err := os.WriteFile(path, make([]byte, maxSpoolBytes+1), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := readSpool(path); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("an oversized spool: %v", err)
	}
}

// A spool that cannot be read is set aside under a name that is never read.
func TestSetAsideSpool(t *testing.T) {
	path := spoolPath(t.TempDir())
	if err := os.WriteFile(path, []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := readSpool(path); err == nil {
		t.Fatal("garbage read as a spool")
	}
	aside, err := setAsideSpool(path, time.Now())
	if err != nil || !strings.HasPrefix(aside, path+".bad-") {
		t.Fatalf("set aside as %q: %v", aside, err)
	}
	if sf, err := readSpool(path); sf != nil || err != nil {
		t.Errorf("after setting aside: %v %v", sf, err)
	}
	if b, _ := os.ReadFile(aside); string(b) != "garbage" {
		t.Errorf("the file set aside holds %q", b)
	}
}
