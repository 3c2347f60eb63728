// Package sound spells Chinese words by their sound as a pinyin input
// method types them: toneless pinyin, with the sounds that fuzzy-pinyin
// input methods let people mix up merged (zh/z, ch/c, sh/s, ang/an,
// eng/en, ing/in). Words with the same Key are what a pinyin typo turns
// one into the other (城真 → 城镇). A report's words are keyed when it is
// built (index.Words.Sounds) and a question's when it is asked.
package sound

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

var args = pinyin.NewArgs()

// fuzzy merges the sounds that fuzzy-pinyin input methods let people mix
// up.
var fuzzy = strings.NewReplacer("zh", "z", "ch", "c", "sh", "s", "ang", "an", "eng", "en", "ing", "in")

// Key spells a word in fuzzy toneless pinyin, each syllable followed by
// a space, or "" if a letter has none.
func Key(w string) string {
	var b strings.Builder
	for _, r := range w {
		k := RuneKey(r)
		if k == "" {
			return ""
		}
		b.WriteString(k)
		b.WriteByte(' ')
	}
	return b.String()
}

// runeKeys memoises RuneKey: words repeat the same few thousand
// characters.
var runeKeys sync.Map // rune → string

// RuneKey returns the fuzzy pinyin of r, "" for none.
func RuneKey(r rune) string {
	if k, ok := runeKeys.Load(r); ok {
		return k.(string)
	}
	k := ""
	if p := pinyin.SinglePinyin(r, args); len(p) > 0 {
		k = fuzzy.Replace(p[0])
	}
	runeKeys.Store(r, k)
	return k
}

// AllHan reports whether every letter of w is a Chinese character: the
// words that have a sound to key.
func AllHan(w string) bool {
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// Hash is HashKey(Key(w)) without spelling the key out; false if a
// letter of w has no pinyin.
func Hash(w string) (uint64, bool) {
	h := uint64(offset)
	for _, r := range w {
		k := RuneKey(r)
		if k == "" {
			return 0, false
		}
		h = add(h, k)
		h = (h ^ ' ') * prime
	}
	return h, true
}

// HashKey hashes a Key (FNV-1a).
func HashKey(key string) uint64 { return add(offset, key) }

const (
	offset = 14695981039346656037
	prime  = 1099511628211
)

func add(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * prime
	}
	return h
}

//go:embed syllables.txt
var syllablesText string

// syllables are the toneless pinyin syllables of the Chinese characters
// (about 400), read from syllables.txt once when first needed.
var syllables = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(syllablesText, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, s := range strings.Fields(line) {
			out[s] = true
		}
	}
	return out
})

// maxSpelled is how many letters a word spelt in pinyin may have, and
// maxSplits how many ways of reading it as syllables are tried.
const maxSpelled, maxSplits = 24, 8

// Spelled returns the Keys of the Chinese words that latin, a word in
// Latin letters, may spell in toneless pinyin: jiangbei → "jian bei " (江北),
// xian → "xian " and "xi an " — every way of splitting it into syllables,
// at most maxSplits of them, none for a word that no way splits.
func Spelled(latin string) []string {
	latin = strings.ToLower(latin)
	if len(latin) < 2 || len(latin) > maxSpelled {
		return nil
	}
	for i := 0; i < len(latin); i++ {
		if latin[i] < 'a' || latin[i] > 'z' {
			return nil
		}
	}
	var out []string
	var split func(rest, key string)
	split = func(rest, key string) {
		if len(out) >= maxSplits {
			return
		}
		if rest == "" {
			out = append(out, key)
			return
		}
		for n := min(len(rest), 6); n >= 1; n-- { // longest syllable first: zhuang
			if syllables()[rest[:n]] {
				split(rest[n:], key+fuzzy.Replace(rest[:n])+" ")
			}
		}
	}
	split(latin, "")
	return out
}
