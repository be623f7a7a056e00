package labels

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cstomap/assets"
	"cstomap/geo"
	"cstomap/timeline"
)

var (
	loadOnce  sync.Once
	testWorld *geo.World
	testAll   map[string]*timeline.Alliance
	errLoad   error
	projMu    sync.Mutex
	projected = map[geo.Albers]*geo.Projected{}
)

// today is fixed so that no test depends on the calendar.
var today = time.Date(2026, time.March, 1, 12, 0, 0, 0, time.UTC)

func load(tb testing.TB) (*geo.World, map[string]*timeline.Alliance) {
	tb.Helper()
	loadOnce.Do(func() {
		testWorld, errLoad = geo.LoadCompact(assets.Countries)
		if errLoad != nil {
			return
		}
		var as []*timeline.Alliance
		as, errLoad = timeline.LoadFS(assets.Alliances, "alliances", testWorld.Known)
		testAll = map[string]*timeline.Alliance{}
		for _, a := range as {
			testAll[a.ID] = a
		}
	})
	require.NoError(tb, errLoad)
	return testWorld, testAll
}

// framed returns the projected world and the alliance's default view at
// w×h, as the window and export frame it.
func framed(tb testing.TB, a *timeline.Alliance, w, h int) (*geo.Projected, geo.Viewport) {
	tb.Helper()
	world, _ := load(tb)
	f, err := geo.NewFraming(a.Map.CenterLon, a.Map.Parallels[0], a.Map.Parallels[1], a.Map.Fit)
	require.NoError(tb, err)
	projMu.Lock()
	pr, ok := projected[f.Proj]
	if !ok {
		pr = geo.Project(world, f.Proj)
		projected[f.Proj] = pr
	}
	projMu.Unlock()
	return pr, f.View(pr, w, h)
}

// statuses returns the alliance's own statuses in year.
func statuses(a *timeline.Alliance, year int) map[string]timeline.Status {
	m := map[string]timeline.Status{}
	for _, e := range a.Statuses(year, today) {
		m[e.ISO] = e.Status
	}
	return m
}
