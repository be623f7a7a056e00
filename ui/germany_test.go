package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"cstomap/ui"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGermanyByYear: before 1991 the window draws the German Democratic
// Republic and the Federal Republic apart, for hit testing, the tooltip
// and the panel too; from 1991 it draws today's Germany.
func TestGermanyByYear(t *testing.T) {
	app, w := newTestApp(t)
	app.Store.SetAlliance("nato")
	app.Store.SetYear(1980)
	leipzig := app.Map.PositionOf(12.37, 51.34)
	bonn := app.Map.PositionOf(7.1, 50.73)
	assert.Equal(t, "DDR", app.Map.CountryAt(leipzig))
	assert.Equal(t, "DEU", app.Map.CountryAt(bonn))

	app.Map.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: leipzig}})
	assert.Equal(t, "German Democratic Republic\nnot a NATO member in 1980", app.Tooltip.Text())
	app.Map.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: bonn}})
	assert.Equal(t, "West Germany\ncurrent NATO member, since 1955-05-06", app.Tooltip.Text())

	test.TapAt(app.Map, leipzig)
	assert.Equal(t, "DDR", app.Store.Selected())
	assert.Equal(t, "German Democratic Republic", app.Panel.Title())
	assert.Equal(t, "CSTO Map — German Democratic Republic", w.Title())
	assert.Equal(t, "Never a NATO member.", app.Panel.StatusText())

	// 1991: one Germany; the GDR, gone, is no longer selected, and its
	// tooltip goes.
	app.Map.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: leipzig}})
	require.True(t, app.Tooltip.Visible())
	app.Store.SetYear(1991)
	assert.False(t, app.Tooltip.Visible())
	assert.Equal(t, "", app.Store.Selected())
	assert.Equal(t, "DEU", app.Map.CountryAt(leipzig))
	test.TapAt(app.Map, leipzig)
	assert.Equal(t, "Germany", app.Panel.Title())
	app.Store.SetYear(1990)
	assert.Equal(t, "West Germany", app.Panel.Title(), "the selection of DEU stays, named for the year")
	assert.Equal(t, "DDR", app.Map.CountryAt(leipzig))
}

func TestCountryListGroupsInTreatyYears(t *testing.T) {
	app, _ := newTestApp(t)
	app.Store.SetYear(1995)
	g := app.Panel.CountryGroups()
	require.NotContains(t, g, "Current members")
	assert.Contains(t, g["Parties"], "Armenia")
	assert.Contains(t, g["Parties"], "Uzbekistan")
	assert.Contains(t, g["Not parties this year"], "Moldova")
	app.Store.SetYear(2003)
	g = app.Panel.CountryGroups()
	assert.Contains(t, g["Current members"], "Armenia")
	assert.NotContains(t, g, "Parties")
}

// TestCountryListNamesFollowTheYear: the panel's list names the Federal
// Republic "West Germany" before 1991, as the map and tooltip do.
func TestCountryListNamesFollowTheYear(t *testing.T) {
	app, _ := newTestApp(t)
	app.Store.SetAlliance("nato")
	for _, tc := range []struct {
		year int
		want string
	}{{1960, "West Germany"}, {1991, "Germany"}, {1980, "West Germany"}} {
		app.Store.SetYear(tc.year)
		assert.Contains(t, app.Panel.CountryGroups()["Current members"], tc.want, "%d", tc.year)
	}
}

// TestRestoreGDRSelection: a window closed on the GDR in 1980 opens on it
// again, without a problem about an unknown country.
func TestRestoreGDRSelection(t *testing.T) {
	a := test.NewTempApp(t)
	p := a.Preferences()
	p.SetString("alliance", "nato")
	p.SetInt("year", 1980)
	p.SetString("selected", "DDR")
	var log logBuffer
	o := testOptions(t)
	o.Prefs, o.Log = p, &log
	app, err := ui.New(a.NewWindow("t"), testWorld(t), o)
	require.NoError(t, err)
	assert.NotContains(t, log.String(), "problem")
	assert.Equal(t, "DDR", app.Store.Selected())
	assert.Equal(t, "German Democratic Republic", app.Panel.Title())
}
