package ui_test

import (
	"image"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/ui"
)

// TestInsetClickSelectsArmenia checks the window's inset at the default
// view of a 1280×800 window: it shows the South Caucasus with Armenia at 60 px or more, a click
// on Armenia inside it selects Armenia (where the main map has something
// else), hovering it reports Armenia, and zooming in on the Caucasus hides
// it.
func TestInsetClickSelectsArmenia(t *testing.T) {
	app, w := newLayoutApp(t, 1280, 800)
	w.Canvas().Capture()
	ins := app.Map.Insets()
	require.NotEmpty(t, ins, "an inset at the default view")
	i := slices.IndexFunc(ins, func(in ui.InsetInfo) bool { return slices.Contains(in.Countries, "ARM") })
	require.GreaterOrEqual(t, i, 0)
	assert.Subset(t, ins[i].Countries, []string{"ARM", "AZE", "GEO"})
	assert.GreaterOrEqual(t, ins[i].Smallest, 60.0)

	lon, lat, _ := app.World.LabelPoint("ARM")
	pos, ok := app.Map.InsetPositionOf("ARM", lon, lat)
	require.True(t, ok)
	app.Map.SetInsetOn(false)
	under := app.Map.CountryAt(pos)
	app.Map.SetInsetOn(true)
	assert.NotEqual(t, "ARM", under, "the main map has no Armenia there")

	app.Map.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}})
	assert.Equal(t, "ARM", app.Map.Hovered(), "hovering the inset")
	test.TapAt(app.Map, pos)
	assert.Equal(t, "ARM", app.Map.Selected())
	assert.Equal(t, "Armenia", app.Panel.Title())

	app.Map.ZoomAt(app.Map.PositionOf(45, 41), 4)
	assert.Empty(t, app.Map.Insets(), "zoomed in, Armenia is big enough on the map")
}

// TestInsetToggleRemembered checks View › Inset: it hides the inset, and a
// new window starts with the last choice.
func TestInsetToggleRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	prefs := a.Preferences()
	w := a.NewWindow("one")
	app, err := ui.New(w, testWorld(t), ui.Options{Alliances: testAlliances(t), Today: fixedToday, Prefs: prefs})
	require.NoError(t, err)
	w.Resize(fyne.NewSize(1000, 700))
	require.True(t, app.Map.InsetOn(), "on by default")
	with := w.Canvas().Capture()
	app.ToggleInset()
	assert.False(t, app.Map.InsetOn())
	assert.Empty(t, app.Map.Insets())
	assert.NotEqual(t, with, w.Canvas().Capture(), "the inset is gone from the map")
	w.Close()

	w2 := a.NewWindow("two")
	app2, err := ui.New(w2, testWorld(t), ui.Options{Alliances: testAlliances(t), Today: fixedToday, Prefs: prefs})
	require.NoError(t, err)
	assert.False(t, app2.Map.InsetOn(), "the choice is remembered")
}

// TestInsetKeepsOffCorner checks that the inset leaves the bottom-left
// box (the event legend's) free.
func TestInsetKeepsOffCorner(t *testing.T) {
	app, w := newLayoutApp(t, 1280, 800)
	w.Canvas().Capture()
	sz := app.Map.Size()
	corner := fyne.NewSize(sz.Width/3, sz.Height/2)
	app.Map.SetInsetCorner(corner)
	ins := app.Map.Insets()
	require.NotEmpty(t, ins)
	box := image.Rect(0, int(sz.Height-corner.Height), int(corner.Width), int(sz.Height))
	for _, in := range ins {
		assert.False(t, in.Rect.Overlaps(box), "inset %v covers the corner %v", in.Rect, box)
	}
}
