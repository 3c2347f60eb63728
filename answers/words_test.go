package answers

import "testing"

// TestWordsAreAllRead: every kind of words.txt is read by the code: a kind
// nobody reads (a typo) is an error.
func TestWordsAreAllRead(t *testing.T) {
	for _, k := range words.kinds {
		if !words.asked[k] {
			t.Errorf("words.txt: kind %q is read by no code", k)
		}
	}
}

func TestReadLinesRefusesBadLines(t *testing.T) {
	_, errs := readWords("good = a b\nno equals sign\n = x\nempty =\n")
	if len(errs) != 3 {
		t.Errorf("%d errors %v, want 3 (lines 2, 3, 4)", len(errs), errs)
	}
}

func TestVocabularyRefusesAnAliasTwice(t *testing.T) {
	v := &Vocabulary{}
	seen := map[string]lineOf{}
	errs := v.parse("社零 = 社会消费品零售总额\n固投 = 固定资产投资\n社零 = 零售\n", "admins.txt", seen)
	if len(errs) != 1 || errs[0].Error() != `admins.txt:3: alias "社零" is said already at admins.txt:1; put its terms on one line` {
		t.Errorf("errors %v", errs)
	}
}
