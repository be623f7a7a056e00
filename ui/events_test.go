package ui_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/ui"
)

// newEventApp is newTestApp with the bundled events. (The other tests
// leave them out: in their 1000×700 window the Gyumri base's marker covers
// Yerevan, where they click to select Armenia.)
func newEventApp(t *testing.T) (*ui.App, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("CSTO Map")
	t.Cleanup(w.Close)
	opts := testOptions(t)
	opts.Events = testData(t).Events
	app, err := ui.New(w, testWorld(t), opts)
	require.NoError(t, err)
	w.Resize(fyne.NewSize(1000, 700))
	return app, w
}

// markerAt returns where the marker of the event id is on show.
func markerAt(t *testing.T, app *ui.App, id string) fyne.Position {
	t.Helper()
	for _, m := range app.Map.EventMarkers() {
		if m.Event.ID == id {
			return m.Pos
		}
	}
	t.Fatalf("no marker of %s in %d", id, app.Store.Year())
	return fyne.Position{}
}

func markerIDs(app *ui.App) []string {
	var ids []string
	for _, m := range app.Map.EventMarkers() {
		ids = append(ids, m.Event.ID)
	}
	return ids
}

// The markers are the events of the alliance and year on show, and follow
// the map when it zooms and pans.
func TestMarkersOfTheYear(t *testing.T) {
	app, _ := newEventApp(t)
	app.Store.SetYear(2005)
	assert.Subset(t, markerIDs(app), []string{"us-k2-base", "us-manas-base"})
	app.Store.SetYear(2010)
	assert.Contains(t, markerIDs(app), "kgz-2010-osh-request")
	assert.NotContains(t, markerIDs(app), "us-k2-base", "K2 closed in 2005")
	app.Store.SetYear(2022)
	assert.Subset(t, markerIDs(app), []string{"kaz-2022-01-deployment", "arm-2022-09-request", "kgz-tjk-2022-09-clash"})
	assert.NotContains(t, markerIDs(app), "arm-2021-05-request")

	// Each marker stays by its place (moved at most a marker's width off
	// it, when it shares the place), zoomed or not.
	near := func() {
		for _, m := range app.Map.EventMarkers() {
			p := app.Map.PositionOf(m.Event.Lon, m.Event.Lat)
			assert.InDelta(t, p.X, m.Pos.X, 22, m.Event.ID)
			assert.InDelta(t, p.Y, m.Pos.Y, 22, m.Event.ID)
		}
	}
	near()
	before := markerAt(t, app, "arm-2022-09-request")
	app.Map.ZoomAt(fyne.NewPos(before.X+60, before.Y-40), 2)
	near()
	after := markerAt(t, app, "arm-2022-09-request")
	assert.NotEqual(t, before, after)
	app.Map.Pan(40, -25)
	moved := markerAt(t, app, "arm-2022-09-request")
	assert.InDelta(t, after.X+40, moved.X, 0.5)
	assert.InDelta(t, after.Y-25, moved.Y, 0.5)

	require.True(t, app.Store.SetAlliance("nato"))
	app.Store.SetYear(2001)
	assert.Equal(t, []string{"nato-2001-article5"}, markerIDs(app))
}

// Hovering a marker shows its kind, place, dates and outcome; leaving it
// shows the country again.
func TestMarkerTooltip(t *testing.T) {
	app, _ := newEventApp(t)
	app.Store.SetYear(2010)
	osh := markerAt(t, app, "kgz-2010-osh-request")
	app.Map.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: osh}})
	assert.Equal(t, "Call for help: Osh\n2010-06-12\nOutcome: no troops sent", app.Tooltip.Text())
	app.Map.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: app.Map.PositionOf(37.6, 55.75)}})
	assert.True(t, strings.HasPrefix(app.Tooltip.Text(), "Russia\n"), app.Tooltip.Text())
	app.Map.MouseOut()
	assert.Empty(t, app.Tooltip.Text())
}

// Clicking the Kazakhstan deployment's marker shows it in the panel: the
// note, the outcome line, the sources by publisher and class, and the
// passage of January 2022.
func TestClickMarkerShowsEvent(t *testing.T) {
	var log bytes.Buffer
	a := test.NewTempApp(t)
	w := a.NewWindow("CSTO Map")
	t.Cleanup(w.Close)
	opts := testOptions(t)
	opts.Log, opts.Events = &log, testData(t).Events
	app, err := ui.New(w, testWorld(t), opts)
	require.NoError(t, err)
	w.Resize(fyne.NewSize(1000, 700))
	app.Store.SetYear(2022)

	test.TapAt(app.Map, markerAt(t, app, "kaz-2022-01-deployment"))
	assert.Equal(t, "kaz-2022-01-deployment", app.Store.State().Event)
	assert.Equal(t, "KAZ", app.Store.Selected(), "the event's country is selected too")
	assert.Equal(t, "kaz-2022-01-deployment", app.Panel.EventID())
	assert.Equal(t, "Deployment: Almaty and strategic sites", app.Panel.Title())
	assert.Equal(t, "2022-01-06 to 2022-01-19 · Kazakhstan", app.Panel.StatusText())
	links := app.Panel.EventPassages()
	require.NotEmpty(t, links)
	assert.True(t, strings.HasPrefix(links[0].Passage.Text, "The one time the CSTO did intervene was in January 2022"))
	assert.Contains(t, log.String(), "event kaz-2022-01-deployment\n")
	assert.Contains(t, log.String(), "panel event kaz-2022-01-deployment: Deployment: Almaty and strategic sites\n")

	// A click on a country closes the event.
	test.TapAt(app.Map, app.Map.PositionOf(37.6, 55.75))
	assert.Equal(t, "", app.Store.State().Event)
	assert.Equal(t, "Russia", app.Panel.Title())
	assert.Contains(t, log.String(), "event -\n")

	// A year without the event closes it too.
	app.Store.SetYear(2022)
	test.TapAt(app.Map, markerAt(t, app, "arm-2022-09-request"))
	assert.Equal(t, "arm-2022-09-request", app.Panel.EventID())
	require.Len(t, app.Panel.EventPassages(), 2)
	app.Store.SetYear(2023)
	assert.Equal(t, "", app.Store.State().Event)
	assert.Equal(t, "ARM", app.Store.Selected())
	assert.Equal(t, "Armenia", app.Panel.Title())
}

// A country's panel lists its events in date order; choosing one moves to
// a year it belongs to and selects it, ringed on the map.
func TestCountryListsItsEvents(t *testing.T) {
	app, _ := newEventApp(t)
	app.Store.SetYear(2024)
	app.Store.Select("KGZ")
	want := []string{"us-manas-base", "ru-kant-base", "kgz-2010-osh-request", "kgz-tjk-2021-04-clash", "kgz-tjk-2022-09-clash"}
	assert.Equal(t, want, app.Panel.EventList())
	app.Panel.OnEvent("kgz-2010-osh-request")
	assert.Equal(t, 2010, app.Store.Year())
	assert.Equal(t, "kgz-2010-osh-request", app.Panel.EventID())
	assert.Contains(t, markerIDs(app), "kgz-2010-osh-request")
	// Back to the country.
	app.Panel.OnEventClosed()
	assert.Equal(t, "", app.Panel.EventID())
	assert.Equal(t, "KGZ", app.Store.Selected())
	assert.True(t, slices.Equal(want, app.Panel.EventList()))
}

// View › Events switches the markers off and on, and clicks then reach
// the country under a marker.
func TestEventsToggle(t *testing.T) {
	app, _ := newEventApp(t)
	app.Store.SetYear(2022)
	pos := markerAt(t, app, "arm-2022-09-request")
	app.Store.SetEventsShown(false)
	assert.Empty(t, app.Map.EventMarkers())
	assert.Nil(t, app.Map.EventAt(pos))
	test.TapAt(app.Map, pos)
	assert.Equal(t, "", app.Store.State().Event)
	app.Store.SetEventsShown(true)
	assert.NotEmpty(t, app.Map.EventMarkers())
}

// The choice is remembered.
func TestEventsTogglePersists(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("t")
	app, err := ui.New(w, testWorld(t), ui.Options{Alliances: testAlliances(t), Today: fixedToday, Prefs: a.Preferences(), Events: testData(t).Events})
	require.NoError(t, err)
	app.Store.SetEventsShown(false)
	w.Close()
	assert.False(t, a.Preferences().BoolWithFallback("showEvents", true))

	w2 := a.NewWindow("t2")
	t.Cleanup(w2.Close)
	app2, err := ui.New(w2, testWorld(t), ui.Options{Alliances: testAlliances(t), Today: fixedToday, Prefs: a.Preferences(), Events: testData(t).Events})
	require.NoError(t, err)
	assert.False(t, app2.Store.EventsShown())
}

// The legend card names the kinds of the year's events, and hides with
// the markers.
func TestEventLegend(t *testing.T) {
	app, _ := newEventApp(t)
	app.Store.SetYear(2010)
	assert.Equal(t, "Call for help · Foreign base · Foreign base of a non-member", app.EventLegend.Text())
	app.Store.SetYear(2005)
	assert.Equal(t, "Foreign base · Foreign base of a non-member", app.EventLegend.Text(), "the US bases")
	app.Store.SetYear(2022)
	assert.Equal(t, "Call for help · Deployment · Clash between members · Foreign base", app.EventLegend.Text())
	app.Store.SetEventsShown(false)
	assert.Equal(t, "", app.EventLegend.Text())
	app.Store.SetEventsShown(true)
	app.Store.SetTheme(ui.ThemeDark)
	assert.NotEmpty(t, app.EventLegend.Text())
	require.True(t, app.Store.SetAlliance("nato"))
	app.Store.SetYear(2001)
	assert.Equal(t, "Mutual-defence invocation", app.EventLegend.Text())
	app.Store.SetYear(2002)
	assert.Equal(t, "", app.EventLegend.Text())
}

// TestTooltipFollowsViewChange checks that when the map moves under a still
// pointer (here a search zooms to Kazakhstan), the tooltip tells the
// country now under the pointer, not the one it was over before.
func TestTooltipFollowsViewChange(t *testing.T) {
	app, _ := newEventApp(t)
	pos := app.Map.PositionOf(45.3, 40.4)
	app.Map.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}})
	require.True(t, strings.HasPrefix(app.Tooltip.Text(), "Armenia\n"), app.Tooltip.Text())
	app.Map.ZoomToCountry("KAZ")
	now := app.Map.CountryAt(pos)
	require.NotEqual(t, "ARM", now)
	if now == "" {
		assert.False(t, app.Tooltip.Visible(), "over the sea: no tooltip")
		return
	}
	assert.True(t, strings.HasPrefix(app.Tooltip.Text(), app.World.Name(now)+"\n"), "%s: %s", now, app.Tooltip.Text())
}
