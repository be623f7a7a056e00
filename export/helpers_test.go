package export

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"cstomap/assets"
	"cstomap/geo"
	"cstomap/timeline"

	"github.com/stretchr/testify/require"
)

var (
	worldOnce  sync.Once
	testW      *geo.World
	alliances  map[string]*timeline.Alliance
	errLoading error
)

// today is fixed so that the tests do not change with the calendar.
var today = time.Date(2026, time.March, 1, 12, 0, 0, 0, time.UTC)

func load(tb testing.TB) (*geo.World, map[string]*timeline.Alliance) {
	tb.Helper()
	worldOnce.Do(func() {
		testW, errLoading = geo.LoadCompact(assets.Countries)
		if errLoading != nil {
			return
		}
		var as []*timeline.Alliance
		as, errLoading = timeline.LoadFS(assets.Alliances, "alliances", testW.Known)
		alliances = map[string]*timeline.Alliance{}
		for _, a := range as {
			alliances[a.ID] = a
		}
	})
	require.NoError(tb, errLoading)
	return testW, alliances
}

// testOptions returns a CSTO export of 2024 at w×h.
func testOptions(tb testing.TB, w, h int) Options {
	world, as := load(tb)
	return Options{
		Scene:  Scene{World: world, Alliance: as["csto"], Year: 2024, Today: today, Selected: "ARM"},
		Width:  w,
		Height: h,
	}
}

// dumpDir is where tests leave images for a person to look at, when
// CSTOMAP_EXPORT_DUMP names a folder.
func dumpDir() string { return os.Getenv("CSTOMAP_EXPORT_DUMP") }

func dump(tb testing.TB, name string, write func(path string) error) {
	tb.Helper()
	if d := dumpDir(); d != "" {
		require.NoError(tb, os.MkdirAll(d, 0o755))
		require.NoError(tb, write(filepath.Join(d, name)))
	}
}
