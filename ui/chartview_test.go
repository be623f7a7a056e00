package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cstomap/ui"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestChartView(t *testing.T) {
	app, w := newEventApp(t)
	require.False(t, app.ChartShown())
	app.ShowChart(true)
	require.True(t, app.ChartShown())
	assert.False(t, app.Map.Visible())
	assert.Equal(t, app.Chart, w.Canvas().Focused(), "the chart takes the keys")
	m := app.Chart.Model()
	require.NotNil(t, m)
	assert.Equal(t, "csto", m.Alliance.ID)

	// A click on a row's label selects the country, and only that.
	year := app.Store.Year()
	p, ok := app.Chart.RowPosition("UZB")
	require.True(t, ok)
	test.TapAt(app.Chart, p)
	assert.Equal(t, "UZB", app.Store.Selected())
	assert.Equal(t, "Uzbekistan", app.Panel.Title())
	assert.Equal(t, year, app.Store.Year())

	// A click on the axis shows the year, and keeps the selection.
	p, ok = app.Chart.YearPosition("", 2001)
	require.True(t, ok)
	test.TapAt(app.Chart, p)
	assert.Equal(t, 2001, app.Store.Year())
	assert.Equal(t, "UZB", app.Store.Selected())

	// A click on a bar does both.
	p, _ = app.Chart.YearPosition("GEO", 1996)
	test.TapAt(app.Chart, p)
	assert.Equal(t, "GEO", app.Store.Selected())
	assert.Equal(t, 1996, app.Store.Year())

	// Hover tells the status and its dates, in the words of the time.
	p, _ = app.Chart.YearPosition("AZE", 1996)
	app.Chart.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}})
	assert.Equal(t, "Azerbaijan: party to the Collective Security Treaty, 1993-09-24 to 1999-04-20", app.Tooltip.Text())
	p, _ = app.Chart.YearPosition("AZE", 2010)
	app.Chart.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}})
	assert.Equal(t, "Azerbaijan: left the CST, 1999-04-20 to now", app.Tooltip.Text())
	app.Chart.MouseOut()
	assert.Equal(t, "", app.Tooltip.Text())

	// The keys work as on the map.
	app.Store.SetYear(2005)
	app.Chart.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	assert.Equal(t, 2006, app.Store.Year())
	app.Chart.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	app.Chart.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	assert.Equal(t, 2004, app.Store.Year())
	app.Chart.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	assert.Equal(t, 1992, app.Store.Year())
	app.Chart.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	assert.Equal(t, "", app.Store.Selected())
	// Up and Down walk the rows in the chart's order (by the day of
	// joining), staying at the ends.
	app.Chart.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	assert.Equal(t, "ARM", app.Store.Selected())
	app.Chart.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	assert.Equal(t, "KAZ", app.Store.Selected())
	app.Chart.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	app.Chart.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	assert.Equal(t, "ARM", app.Store.Selected())
	app.Store.Select("BLR")
	app.Chart.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	assert.Equal(t, "BLR", app.Store.Selected(), "the last row stays")
	// The zoom keys leave the hidden map alone.
	app.Chart.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEqual})
	assert.Equal(t, 1.0, app.Map.Zoom())

	// View › Events off takes the ticks off the chart too.
	require.NotEmpty(t, app.Chart.Model().Signs)
	app.Store.SetEventsShown(false)
	assert.Empty(t, app.Chart.Model().Signs)
	app.Store.SetEventsShown(true)
	assert.NotEmpty(t, app.Chart.Model().Signs)

	// Another alliance, another chart; back to the map.
	require.True(t, app.Store.SetAlliance("nato"))
	assert.Equal(t, "nato", app.Chart.Model().Alliance.ID)
	assert.Len(t, app.Chart.Model().Rows, 32)
	p, ok = app.Chart.RowPosition("USA")
	require.True(t, ok)
	test.TapAt(app.Chart, p)
	assert.Equal(t, "USA", app.Store.Selected())
	// Ctrl+T goes back to the map, and to the chart again.
	ctrlT := &desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(ctrlT)
	assert.True(t, app.Map.Visible())
	assert.False(t, app.Chart.Visible())
	w.Canvas().(fyne.Shortcutable).TypedShortcut(ctrlT)
	assert.True(t, app.ChartShown())
}

// TestChartDisablesMapTools checks that the zoom and reset buttons and menu
// items, which act on the map, are disabled while the chart is in its
// place (they zoomed the hidden map), and enabled again with the map.
func TestChartDisablesMapTools(t *testing.T) {
	app, w := newEventApp(t)
	mapTools := func() (disabled []bool) {
		for _, it := range app.Tools.Items[:3] {
			disabled = append(disabled, it.(*widget.ToolbarAction).Disabled())
		}
		for _, it := range w.MainMenu().Items[1].Items[:3] {
			disabled = append(disabled, it.Disabled)
		}
		return disabled
	}
	require.Equal(t, "Zoom in", w.MainMenu().Items[1].Items[0].Label)
	assert.Equal(t, []bool{false, false, false, false, false, false}, mapTools())
	app.ShowChart(true)
	assert.Equal(t, []bool{true, true, true, true, true, true}, mapTools())
	app.ShowChart(false)
	assert.Equal(t, []bool{false, false, false, false, false, false}, mapTools())
}

// TestChartChoiceRemembered checks that a new window starts with the chart
// in the map's place when it was shown last, with the zoom tools off.
func TestChartChoiceRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	prefs := a.Preferences()
	open := func(title string) *ui.App {
		w := a.NewWindow(title)
		app, err := ui.New(w, testWorld(t), ui.Options{Alliances: testAlliances(t), Today: fixedToday, Prefs: prefs})
		require.NoError(t, err)
		w.Resize(fyne.NewSize(1000, 700))
		t.Cleanup(w.Close)
		return app
	}
	app := open("one")
	require.False(t, app.ChartShown(), "the map by default")
	app.ShowChart(true)
	app2 := open("two")
	assert.True(t, app2.ChartShown(), "the choice is remembered")
	assert.True(t, app2.Tools.Items[0].(*widget.ToolbarAction).Disabled())
	app2.ShowChart(false)
	assert.False(t, open("three").ChartShown())
}
