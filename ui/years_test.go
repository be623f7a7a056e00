package ui_test

import (
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/palette"
)

// pixelAt renders the map and returns the colour drawn at lon/lat.
func pixelAt(t *testing.T, app interface {
	Capture() image.Image
}, x, y float32) color.RGBA {
	t.Helper()
	img := app.Capture()
	r, g, b, _ := img.At(int(x), int(y)).RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff}
}

func TestSliderRecoloursMapAndLegend(t *testing.T) {
	app, w := newTestApp(t)
	pal := app.Palette()
	abs, ok := app.WindowPosition("UZB")
	require.True(t, ok)
	cases := []struct {
		year   int
		legend string
		uzb    color.RGBA
	}{
		{1992, "6 current · 0 departed · 0 threatening", pal.Current},
		{1999, "6 current · 3 departed · 0 threatening", pal.Departed},
		{2006, "7 current · 2 departed · 0 threatening", pal.Current},
		{2012, "6 current · 3 departed · 0 threatening", pal.Departed},
		{2024, "5 current · 3 departed · 1 threatening", pal.Departed},
	}
	for _, tc := range cases {
		// Move the slider as a user would: its OnChanged fires.
		app.Years.Slider.SetValue(float64(tc.year))
		assert.Equal(t, tc.year, app.Store.Year())
		assert.Equal(t, tc.legend, app.Legend.Text(), "legend in %d", tc.year)
		assert.Equal(t, tc.uzb, pixelAt(t, w.Canvas(), abs.X, abs.Y), "Uzbekistan in %d", tc.year)
		assert.Equal(t, palette.Statuses(app.Store.Statuses())["RUS"], app.Store.Statuses()["RUS"])
	}
}

func TestYearKeysAndButtons(t *testing.T) {
	app, w := newTestApp(t)
	assert.Equal(t, 2026, app.Store.Year(), "opens on the current year")
	test.TypeOnCanvas(w.Canvas(), "")
	key := func(k fyne.KeyName) { w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k}) }
	key(fyne.KeyHome)
	assert.Equal(t, 1992, app.Store.Year())
	key(fyne.KeyRight)
	assert.Equal(t, 1993, app.Store.Year())
	key(fyne.KeyLeft)
	key(fyne.KeyLeft)
	assert.Equal(t, 1992, app.Store.Year(), "clamped to the range")
	key(fyne.KeyEnd)
	assert.Equal(t, 2026, app.Store.Year())
	// Next/previous change.
	app.Store.SetYear(2000)
	test.Tap(app.Years.Next)
	assert.Equal(t, 2006, app.Store.Year())
	test.Tap(app.Years.Next)
	assert.Equal(t, 2012, app.Store.Year())
	test.Tap(app.Years.Prev)
	assert.Equal(t, 2006, app.Store.Year())
	// Space plays; play at the last year restarts from the first.
	app.Store.SetYear(2026)
	key(fyne.KeySpace)
	assert.True(t, app.Years.Playing())
	assert.Equal(t, 1992, app.Store.Year())
	// Dragging stops playback.
	app.Years.Slider.SetValue(2000)
	assert.False(t, app.Years.Playing())
	assert.Equal(t, 2000, app.Store.Year())
}

func TestPanelStatusAndTimeline(t *testing.T) {
	app, _ := newTestApp(t)
	app.Store.Select("ARM")
	app.Store.SetYear(2024)
	assert.Equal(t, "2024: CSTO member threatening to leave, since 2023-05-22.", app.Panel.StatusText())
	app.Store.SetYear(1995)
	assert.Equal(t, "1995: current party to the Collective Security Treaty, since 1992-05-15.", app.Panel.StatusText())
	app.Store.Select("UZB")
	app.Store.SetYear(2000)
	assert.Equal(t, "2000: left the Collective Security Treaty on 1999-04-20.", app.Panel.StatusText())
	app.Store.Select("UKR")
	assert.Contains(t, app.Panel.StatusText(), "Never a party to the Collective Security Treaty.")
	app.Store.Select("FRA")
	assert.Equal(t, "Never a party to the Collective Security Treaty.", app.Panel.StatusText())
	app.Store.SetYear(2010)
	assert.Equal(t, "Never a CSTO member.", app.Panel.StatusText())
	app.Store.Select("UZB")
	app.Store.SetYear(2014)
	assert.Equal(t, "2014: former CSTO member, departed on 2012-12-19.", app.Panel.StatusText())
	app.Store.SetAlliance("nato")
	app.Store.Select("FIN")
	app.Store.SetYear(2010)
	assert.Equal(t, "2010: not yet a NATO member (first status on 2023-04-04).", app.Panel.StatusText())
}

func TestAllianceSwitch(t *testing.T) {
	app, _ := newTestApp(t)
	app.Store.SetYear(1999)
	app.AllianceSelect.SetSelected("NATO")
	require.Equal(t, "nato", app.Store.Alliance().ID)
	assert.Equal(t, 1999, app.Store.Year())
	assert.Equal(t, "19 current · 0 departed · 0 threatening", app.Legend.Text())
	app.Store.SetYear(1950)
	assert.Equal(t, 1950, app.Store.Year(), "NATO starts in 1949")
	app.AllianceSelect.SetSelected("CSTO")
	assert.Equal(t, 2026, app.Store.Year(), "CSTO does not cover 1950: its last year")
}
