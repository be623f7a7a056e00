package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/labels"
	"cstomap/ui"
)

// labelOf returns the label of iso drawn in the last frame.
func labelOf(t *testing.T, app *ui.App, iso string) labels.Label {
	t.Helper()
	for _, l := range app.Names.Labels() {
		if l.ISO == iso {
			return l
		}
	}
	require.Failf(t, "no label", "%s has no label", iso)
	return labels.Label{}
}

// TestNamesFollowZoom checks that every member is named in the window,
// that names move with a zoom, and that zooming in adds context names.
func TestNamesFollowZoom(t *testing.T) {
	app, w := newTestApp(t)
	w.Canvas().Capture()
	before := labelOf(t, app, "KAZ")
	for _, iso := range []string{"RUS", "BLR", "ARM", "KGZ", "TJK", "GEO", "AZE", "UZB"} {
		labelOf(t, app, iso)
	}
	context := func() map[string]bool {
		m := map[string]bool{}
		for _, l := range app.Names.Labels() {
			if l.Kind == labels.Context {
				m[l.ISO] = true
			}
		}
		return m
	}
	atDefault := context()
	// Zoom in on the Caucasus: the names follow, more neighbours get one.
	app.Map.ZoomAt(app.Map.PositionOf(45, 41), 4)
	w.Canvas().Capture()
	arm := labelOf(t, app, "ARM")
	pos := app.Map.PositionOf(45, 40.2)
	s := float64(app.Map.View().W) / float64(app.Map.Size().Width)
	assert.InDelta(t, float64(pos.X)*s, (arm.Box.X0+arm.Box.X1)/2, 80*s, "Armenia's name is near Armenia after the zoom")
	assert.NotEqual(t, before.X, labelOf(t, app, "KAZ").X)
	var added []string
	for iso := range context() {
		if !atDefault[iso] {
			added = append(added, iso)
		}
	}
	assert.NotEmpty(t, added, "zooming in names neighbours too small to name before")
}

// TestNamesToggleRemembered checks L and View › Country names: the names
// go and come back, and a new window starts with the last choice.
func TestNamesToggleRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	prefs := a.Preferences()
	w := a.NewWindow("one")
	app, err := ui.New(w, testWorld(t), ui.Options{Alliances: testAlliances(t), Today: fixedToday, Prefs: prefs})
	require.NoError(t, err)
	w.Resize(fyne.NewSize(1000, 700))
	require.True(t, app.Names.On(), "names are on by default")
	with := w.Canvas().Capture()
	app.Map.TypedKey(&fyne.KeyEvent{Name: fyne.KeyL})
	assert.False(t, app.Names.On())
	without := w.Canvas().Capture()
	assert.NotEqual(t, with, without, "the names are gone from the map")
	w.Close()

	w2 := a.NewWindow("two")
	app2, err := ui.New(w2, testWorld(t), ui.Options{Alliances: testAlliances(t), Today: fixedToday, Prefs: prefs})
	require.NoError(t, err)
	assert.False(t, app2.Names.On(), "the choice is remembered")
	app2.ToggleNames()
	assert.True(t, app2.Names.On())
}
