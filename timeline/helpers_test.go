package timeline_test

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cstomap/assets"
	"cstomap/timeline"
)

// today is the fixed "today" of the tests; the package never reads the clock.
var today = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// date returns midnight UTC of y-m-d.
func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// knownISO returns the set of ISO3 codes of the map outlines, read from
// testdata/iso3.txt (see its header for how it was derived).
func knownISO(tb testing.TB) func(string) bool {
	tb.Helper()
	f, err := os.Open("testdata/iso3.txt")
	require.NoError(tb, err)
	defer f.Close()
	set := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		set[line] = true
	}
	require.NoError(tb, sc.Err())
	require.Len(tb, set, 238)
	return func(iso string) bool { return set[iso] }
}

// embedded loads the bundled alliance files the way the app does, keyed by ID.
func embedded(tb testing.TB) map[string]*timeline.Alliance {
	tb.Helper()
	as, err := timeline.LoadFS(assets.Alliances, "alliances", knownISO(tb))
	require.NoError(tb, err)
	m := map[string]*timeline.Alliance{}
	for _, a := range as {
		m[a.ID] = a
	}
	return m
}
