package segment

import (
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite common.txt from gse's dictionary")

// TestCommonIsCurrent checks that common.txt holds the common words of
// gse's dictionary and the domain terms as this build loads them: a
// report's dictionary leaves them out, so a stale common.txt would cut
// questions otherwise than the report was indexed.
func TestCommonIsCurrent(t *testing.T) {
	got := full(t).Common()
	if *update {
		if err := os.WriteFile("common.txt", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != commonText {
		t.Fatalf("common.txt is stale (%d bytes, gse's dictionary gives %d): rewrite it with go test ./index/segment -run TestCommonIsCurrent -update", len(commonText), len(got))
	}
}
