package ui_test

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/ui"
)

func TestHoverTooltip(t *testing.T) {
	app, _ := newTestApp(t)
	app.Store.SetYear(2024)
	arm := app.Map.PositionOf(44.5126, 40.1776)
	app.Map.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: arm}})
	assert.Equal(t, "ARM", app.Map.Hovered())
	assert.Equal(t, "Armenia\nCSTO member threatening to leave, since 2023-05-22", app.Tooltip.Text())
	// Over the sea nothing is shown.
	app.Map.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: app.Map.PositionOf(50.5, 42.0)}})
	assert.Equal(t, "", app.Map.Hovered())
	assert.Equal(t, "", app.Tooltip.Text())
	// A non-member says so.
	app.Map.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: app.Map.PositionOf(34.0, 39.0)}})
	assert.Equal(t, "Turkey\nnot a CSTO member in 2024", app.Tooltip.Text())
	app.Map.MouseOut()
	assert.Equal(t, "", app.Tooltip.Text())
}

// TestZoomAtPointer builds scroll events with a position, because
// test.Scroll leaves it at zero.
func TestZoomAtPointer(t *testing.T) {
	app, _ := newTestApp(t)
	for _, pos := range []fyne.Position{{X: 120, Y: 300}, {X: 400, Y: 200}} {
		lon, lat, ok := app.Map.LonLatAt(pos)
		require.True(t, ok)
		for _, dy := range []float32{25, 25, -25, 75} {
			app.Map.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: pos}, Scrolled: fyne.Delta{DY: dy}})
			got := app.Map.PositionOf(lon, lat)
			assert.InDelta(t, pos.X, got.X, 1, "x after scroll %v", dy)
			assert.InDelta(t, pos.Y, got.Y, 1, "y after scroll %v", dy)
		}
		app.Map.ResetView()
	}
	assert.Equal(t, 1.0, app.Map.Zoom())
	// Bounded between the whole region and city scale.
	for i := 0; i < 100; i++ {
		app.Map.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(300, 300)}, Scrolled: fyne.Delta{DY: 100}})
	}
	assert.Equal(t, float64(ui.MaxZoom), app.Map.Zoom())
	for i := 0; i < 100; i++ {
		app.Map.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(300, 300)}, Scrolled: fyne.Delta{DY: -100}})
	}
	assert.Equal(t, 1.0, app.Map.Zoom())
}

func TestPanIsBounded(t *testing.T) {
	app, _ := newTestApp(t)
	moscow := app.Map.PositionOf(37.6, 55.75)
	app.Map.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: moscow}, Dragged: fyne.Delta{DX: 30, DY: 20}})
	app.Map.DragEnd()
	got := app.Map.PositionOf(37.6, 55.75)
	assert.InDelta(t, moscow.X+30, got.X, 0.5)
	assert.InDelta(t, moscow.Y+20, got.Y, 0.5)
	// Dragging very far keeps the map on screen: the view's centre stays in
	// the region, so part of the region is always visible.
	for i := 0; i < 50; i++ {
		app.Map.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 5000, DY: 5000}})
	}
	sz := app.Map.Size()
	centre := fyne.NewPos(sz.Width/2, sz.Height/2)
	lon, lat, ok := app.Map.LonLatAt(centre)
	require.True(t, ok)
	assert.True(t, lon > -180 && lat > 20, "centre at %.1f,%.1f", lon, lat)
	// Double-click resets.
	app.Map.DoubleTapped(&fyne.PointEvent{})
	again := app.Map.PositionOf(37.6, 55.75)
	assert.InDelta(t, moscow.X, again.X, 0.5)
}

func TestKeyboardShortcuts(t *testing.T) {
	app, w := newTestApp(t)
	key := func(k fyne.KeyName) { app.Map.TypedKey(&fyne.KeyEvent{Name: k}) }
	key(fyne.KeyEqual)
	assert.InDelta(t, 1.5, app.Map.Zoom(), 1e-9, "+ zooms in")
	key(fyne.KeyMinus)
	assert.InDelta(t, 1.0, app.Map.Zoom(), 1e-9, "− zooms out")
	key(fyne.KeyEqual)
	key(fyne.Key0)
	assert.Equal(t, 1.0, app.Map.Zoom(), "0 resets")
	// Tab walks the alliance's countries (sorted by ISO), Esc clears.
	key(fyne.KeyTab)
	assert.Equal(t, "ARM", app.Store.Selected())
	key(fyne.KeyTab)
	assert.Equal(t, "AZE", app.Store.Selected())
	assert.True(t, app.Map.AcceptsTab())
	key(fyne.KeyEscape)
	assert.Equal(t, "", app.Store.Selected())
	// Shift+arrows pan through the canvas shortcuts.
	before := app.Map.PositionOf(37.6, 55.75)
	for _, s := range []fyne.KeyName{fyne.KeyLeft} {
		sc := &desktop.CustomShortcut{KeyName: s, Modifier: fyne.KeyModifierShift}
		w.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
	}
	after := app.Map.PositionOf(37.6, 55.75)
	assert.InDelta(t, before.X+80, after.X, 0.5, "Shift+← pans")
	assert.Len(t, ui.KeyHelp, 14)
}

func TestSearchCompletion(t *testing.T) {
	app, _ := newTestApp(t)
	s := app.Search
	cases := map[string]string{
		"Kyrg":        "KGZ",
		"kazakh":      "KAZ",
		"Belarus":     "BLR",
		"Russian Fed": "RUS",
	}
	for q, iso := range cases {
		got := s.Suggest(q)
		require.NotEmpty(t, got, q)
		assert.Equal(t, iso, got[0].ISO, "first completion of %q", q)
	}
	test.Type(s.Entry, "Armen")
	require.NotEmpty(t, s.Suggestions())
	s.Choose(0)
	assert.Equal(t, "ARM", app.Store.Selected())
	assert.Greater(t, app.Map.Zoom(), 1.0, "zoomed to fit the country")
	assert.Equal(t, "", s.Text)
}

func TestCountryListGroups(t *testing.T) {
	app, _ := newTestApp(t)
	app.Store.SetYear(2024)
	g := app.Panel.CountryGroups()
	assert.ElementsMatch(t, []string{"Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"}, g["Current members"])
	assert.Equal(t, []string{"Armenia"}, g["Threatening to leave"])
	assert.ElementsMatch(t, []string{"Azerbaijan", "Georgia", "Uzbekistan"}, g["Departed"])
	assert.ElementsMatch(t, []string{"Moldova", "Turkmenistan", "Ukraine"}, g["Not members this year"])
}

func TestPreferencesRoundTrip(t *testing.T) {
	a := test.NewTempApp(t)
	prefs := a.Preferences()
	w := a.NewWindow("one")
	app, err := ui.New(w, testWorld(t), ui.Options{Alliances: testAlliances(t), Today: fixedToday, Prefs: prefs})
	require.NoError(t, err)
	w.Resize(fyne.NewSize(1000, 700))
	app.Store.SetAlliance("nato")
	app.Store.SetYear(1999)
	app.Store.Select("POL")
	app.Map.ZoomAt(fyne.NewPos(300, 300), 3)
	app.Store.SetTheme(ui.ThemeDark)
	z, cx, cy, _ := app.Map.ViewState()
	w.Close()

	w2 := a.NewWindow("two")
	app2, err := ui.New(w2, testWorld(t), ui.Options{Alliances: testAlliances(t), Today: fixedToday, Prefs: prefs})
	require.NoError(t, err)
	assert.Equal(t, "nato", app2.Store.Alliance().ID)
	assert.Equal(t, 1999, app2.Store.Year())
	assert.Equal(t, "POL", app2.Store.Selected())
	z2, cx2, cy2, centred := app2.Map.ViewState()
	assert.True(t, centred)
	assert.InDelta(t, z, z2, 1e-9)
	assert.InDelta(t, cx, cx2, 1e-9)
	assert.InDelta(t, cy, cy2, 1e-9)
	assert.Equal(t, "dark", app2.Palette().Name)
}

func TestDamagedPreferencesFallBack(t *testing.T) {
	a := test.NewTempApp(t)
	prefs := a.Preferences()
	prefs.SetString("alliance", "warsaw-pact")
	prefs.SetInt("year", 1066)
	prefs.SetString("selected", "XXX")
	prefs.SetFloat("zoom", math.Inf(1))
	prefs.SetString("theme", "purple")
	w := a.NewWindow("t")
	app, err := ui.New(w, testWorld(t), ui.Options{Alliances: testAlliances(t), Today: fixedToday, Prefs: prefs})
	require.NoError(t, err)
	assert.Equal(t, "csto", app.Store.Alliance().ID)
	assert.Equal(t, 2026, app.Store.Year())
	assert.Equal(t, "", app.Store.Selected())
	assert.Equal(t, 1.0, app.Map.Zoom())
}

// TestTerritoryTooltipAndPanel: a territory takes its sovereign's status
// and is named with it, in the tooltip and the panel; a disputed unit says
// so.
func TestTerritoryTooltipAndPanel(t *testing.T) {
	app, _ := newTestApp(t)
	app.Store.SetAlliance("nato")
	app.Store.SetYear(2024)
	cases := []struct {
		name, iso      string
		year           int
		tooltip, title string
		status         string
	}{
		{"Greenland follows Denmark", "GRL", 2024, "Greenland (Denmark)\ncurrent NATO member, since 1949-04-04", "Greenland (Denmark)",
			"2024: current NATO member, since 1949-04-04, as a territory of Denmark."},
		{"Åland follows Finland", "ALA", 2023, "Åland (Finland)\ncurrent NATO member, since 2023-04-04", "Åland (Finland)",
			"2023: current NATO member, since 2023-04-04, as a territory of Finland."},
		{"Åland before Finland joins", "ALA", 2022, "Åland (Finland)\nnot a NATO member in 2022", "Åland (Finland)",
			"2022: not yet a NATO member (first status on 2023-04-04)."},
		{"Puerto Rico follows the United States", "PRI", 2024, "Puerto Rico (United States of America)\ncurrent NATO member, since 1949-04-04", "Puerto Rico (United States of America)",
			"2024: current NATO member, since 1949-04-04, as a territory of United States of America."},
		{"Kosovo is disputed", "KOS", 2024, "Kosovo (status disputed)\nnot a NATO member in 2024", "Kosovo (status disputed)", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app.Store.SetYear(tc.year)
			lon, lat, ok := app.World.LabelPoint(tc.iso)
			require.True(t, ok)
			app.Map.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: app.Map.PositionOf(lon, lat)}})
			require.Equal(t, tc.iso, app.Map.Hovered())
			assert.Equal(t, tc.tooltip, app.Tooltip.Text())
			app.Store.Select(tc.iso)
			assert.Equal(t, tc.title, app.Panel.Title())
			if tc.status != "" {
				assert.Equal(t, tc.status, app.Panel.StatusText())
			}
		})
	}
}
