package extract

import (
	"os"
	"testing"
)

// TestMain keeps LibreOffice out of the tests (and the fuzz targets, which
// would start it once per input) but for those that ask for it.
func TestMain(m *testing.M) {
	soffice.off = true
	os.Exit(m.Run())
}
