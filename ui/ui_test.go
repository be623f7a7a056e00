package ui_test

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/dataset"
	"cstomap/geo"
	_ "cstomap/internal/posixlocale" // quiet Fyne's locale warning on C locales
	"cstomap/passages"
	"cstomap/timeline"
	"cstomap/ui"
)

var (
	dataOnce sync.Once
	data     *dataset.Data
)

var today = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

func fixedToday() time.Time { return today }

// testData loads the app's data through its one loader, once, with the
// clock fixed at today.
func testData(t *testing.T) *dataset.Data {
	t.Helper()
	dataOnce.Do(func() {
		d, userErrs, err := dataset.Load(dataset.Options{Clock: fixedToday})
		require.NoError(t, err)
		require.Empty(t, userErrs)
		data = d
	})
	return data
}

func testWorld(t *testing.T) *geo.World { return testData(t).World }

func testAlliances(t *testing.T) []*timeline.Alliance { return testData(t).Alliances }

// testIndex indexes the bundled articles anew, so that a test may add to it.
func testIndex(t *testing.T) (*passages.Index, []ui.SearchName) {
	t.Helper()
	ix, err := testData(t).NewIndex()
	require.NoError(t, err)
	return ix, ui.AliasNames(testData(t).Aliases)
}

func testOptions(t *testing.T) ui.Options {
	ix, names := testIndex(t)
	return ui.Options{Alliances: testAlliances(t), Today: fixedToday, Index: ix, Aliases: func() []ui.SearchName { return names },
		ArticleDir: t.TempDir(), SourceLabel: testData(t).Sources.Label, WorldIn: testData(t).WorldIn}
}

func newTestApp(t *testing.T) (*ui.App, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("CSTO Map")
	t.Cleanup(w.Close)
	app, err := ui.New(w, testWorld(t), testOptions(t))
	require.NoError(t, err)
	w.Resize(fyne.NewSize(1000, 700))
	return app, w
}

func TestTapYerevanSelectsArmenia(t *testing.T) {
	app, w := newTestApp(t)
	pos := app.Map.PositionOf(44.5126, 40.1776)
	test.TapAt(app.Map, pos)
	assert.Equal(t, "ARM", app.Map.Selected())
	assert.Equal(t, "Armenia", app.Panel.Title())
	assert.Equal(t, "CSTO Map — Armenia", w.Title())
}

func TestTapSeaClearsSelection(t *testing.T) {
	app, _ := newTestApp(t)
	test.TapAt(app.Map, app.Map.PositionOf(37.6, 55.75))
	require.Equal(t, "RUS", app.Map.Selected())
	test.TapAt(app.Map, app.Map.PositionOf(50.5, 42.0)) // Caspian Sea
	assert.Equal(t, "", app.Map.Selected())
	assert.Equal(t, "Collective Security Treaty Organization", app.Panel.Title())
}

func TestTapNearCoastSelects(t *testing.T) {
	app, _ := newTestApp(t)
	// 3 px out to sea off Crimea's south coast.
	p := app.Map.PositionOf(34.1, 44.43)
	test.TapAt(app.Map, p.AddXY(0, 3))
	assert.Equal(t, "UKR", app.Map.Selected())
}

func TestWindowPositionOfArmenia(t *testing.T) {
	app, _ := newTestApp(t)
	p, ok := app.WindowPosition("ARM")
	require.True(t, ok)
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(app.Map)
	assert.Equal(t, "ARM", app.Map.CountryAt(p.Subtract(origin)))
}

func TestParseMetadata(t *testing.T) {
	m, err := ui.ParseMetadata([]byte("[Details]\nID = \"org.x\"\nName = \"X\"\nVersion = \"1.2.3\"\nBuild = 4\n[Migrations]\nfyneDo = true\n"), nil)
	require.NoError(t, err)
	assert.Equal(t, "org.x", m.ID)
	assert.Equal(t, 4, m.Build)
	assert.True(t, m.Migrations["fyneDo"])
	_, err = ui.ParseMetadata([]byte("[Details\n"), nil)
	assert.Error(t, err)
	_, err = ui.ParseMetadata([]byte("[Details]\nName = \"X\"\n"), nil)
	assert.ErrorContains(t, err, "needs ID")
}

// TestCSTOFramingIsTheDefault checks that the CSTO's data file frames the map
// with exactly the default projection, so start-up projects the world once.
func TestCSTOFramingIsTheDefault(t *testing.T) {
	csto := testAlliances(t)[0]
	require.Equal(t, "csto", csto.ID)
	assert.Equal(t, geo.DefaultFraming.Proj, ui.FramingFor(csto).Proj)
}
