package bot

import (
	"encoding/json"
	"strconv"
)

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
