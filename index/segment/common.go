package segment

import (
	_ "embed"
	"sync"
)

// commonText is the common words of gse's dictionary (with the domain
// terms loaded first, as Full loads them) as dictionary lines: the part of
// every pruned dictionary that is the same for all reports, kept here once
// instead of in each report's dict.txt. TestCommonIsCurrent checks it
// against gse's dictionary; after changing terms.txt or gse, rewrite it
// with
//
//	go test ./index/segment -run TestCommonIsCurrent -update
//
//go:embed common.txt
var commonText string

// commonWords indexes commonText for lazy segmenters, once for all.
var commonWords = sync.OnceValues(func() (*wordIndex, error) { return indexWords(commonText) })

// CommonName names the common words by their content: an index cut with
// other common words is stale.
func CommonName() string { return DictName(commonText) }

// Common returns the common words of s's dictionary as the lines that
// common.txt holds.
func (s *Segmenter) Common() string { return dictLines(s.common()) }
