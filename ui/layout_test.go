package ui_test

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/ui"
)

// rect is an object's box in window coordinates.
type rect struct{ x0, y0, x1, y1 float32 }

func boxOf(o fyne.CanvasObject) rect {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	s := o.Size()
	return rect{p.X, p.Y, p.X + s.Width, p.Y + s.Height}
}

func (a rect) overlaps(b rect) bool {
	const eps = 0.5
	return a.x0 < b.x1-eps && b.x0 < a.x1-eps && a.y0 < b.y1-eps && b.y0 < a.y1-eps
}

func (a rect) inside(b rect) bool {
	const eps = 0.5
	return a.x0 >= b.x0-eps && a.y0 >= b.y0-eps && a.x1 <= b.x1+eps && a.y1 <= b.y1+eps
}

// walk calls fn on every visible object under o, widgets' renderer
// objects included.
func walk(t *testing.T, o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if !o.Visible() {
		return
	}
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(t, c, fn)
		}
	case fyne.Widget:
		for _, c := range test.TempWidgetRenderer(t, x).Objects() {
			walk(t, c, fn)
		}
	}
}

// newLayoutApp opens the window with Fyne's own theme (the one users see:
// the test theme's metrics differ) at w×h.
func newLayoutApp(t *testing.T, w, h float32) (*ui.App, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.DefaultTheme())
	win := a.NewWindow("CSTO Map")
	t.Cleanup(win.Close)
	app, err := ui.New(win, testWorld(t), testOptions(t))
	require.NoError(t, err)
	win.Resize(fyne.NewSize(w, h))
	return app, win
}

// TestLayoutAtSmallAndCommonSizes checks the window at 800×600 and
// 1280×800: it can be that small; the toolbar's widgets and the legend's
// items do not overlap and stay above the map; no text of the side panel
// is cut off (unwrapped text narrower than its label, every label and
// field inside the panel), with the alliance's overview and with a
// country selected.
func TestLayoutAtSmallAndCommonSizes(t *testing.T) {
	for _, sz := range []fyne.Size{{Width: 800, Height: 600}, {Width: 1280, Height: 800}} {
		for _, sel := range []string{"", "ARM"} {
			t.Run(fmt.Sprintf("%gx%g-%s", sz.Width, sz.Height, sel), func(t *testing.T) {
				app, win := newLayoutApp(t, sz.Width, sz.Height)
				min := win.Content().MinSize()
				assert.LessOrEqual(t, min.Width, sz.Width, "the window's minimum width")
				assert.LessOrEqual(t, min.Height, sz.Height, "the window's minimum height")
				app.Store.Select(sel)
				win.Resize(sz)
				checkToolbar(t, app)
				checkPanel(t, app, win)
				// The smallest the window can be made still works.
				win.Resize(min)
				checkToolbar(t, app)
				checkPanel(t, app, win)
			})
		}
	}
}

func checkToolbar(t *testing.T, app *ui.App) {
	t.Helper()
	widgets := map[string]fyne.CanvasObject{"alliance switch": app.AllianceSelect.Select, "zoom buttons": app.Tools}
	for i, it := range app.Legend.Items() {
		widgets[fmt.Sprintf("legend item %d", i)] = it
	}
	mapBox := boxOf(app.Map)
	for n1, o1 := range widgets {
		b1 := boxOf(o1)
		assert.LessOrEqual(t, b1.y1, mapBox.y0+0.5, "%s runs into the map", n1)
		assert.LessOrEqual(t, b1.x1, mapBox.x1+0.5, "%s runs past the map's right edge", n1)
		assert.GreaterOrEqual(t, b1.x0, mapBox.x0-0.5, "%s starts left of the map", n1)
		for n2, o2 := range widgets {
			if n1 < n2 {
				assert.False(t, b1.overlaps(boxOf(o2)), "%s %v overlaps %s %v", n1, b1, n2, boxOf(o2))
			}
		}
	}
}

func checkPanel(t *testing.T, app *ui.App, w fyne.Window) {
	t.Helper()
	panel := boxOf(app.Panel)
	win := rect{0, 0, w.Canvas().Size().Width, w.Canvas().Size().Height}
	assert.True(t, panel.inside(win), "panel %v leaves the window %v", panel, win)
	for _, e := range []*widget.Entry{app.Search.Entry, app.Panel.Find} {
		assert.True(t, boxOf(e).inside(win), "search field %v leaves the window %v", boxOf(e), win)
	}
	labels := 0
	walk(t, app.Panel, func(o fyne.CanvasObject) {
		l, ok := o.(*widget.Label)
		if !ok || l.Text == "" {
			return
		}
		labels++
		b := boxOf(l)
		if b.y0 > panel.y1 || b.y1 < panel.y0 {
			return // scrolled out of view
		}
		assert.LessOrEqual(t, b.x1, panel.x1+0.5, "label %q ends at %g, past the panel's edge %g", l.Text, b.x1, panel.x1)
		if l.Wrapping == fyne.TextWrapOff && l.Truncation == fyne.TextTruncateOff {
			assert.LessOrEqual(t, l.MinSize().Width, l.Size().Width+0.5, "label %q is cut off", l.Text)
		}
	})
	assert.Positive(t, labels)
}

// TestFramingFollowsResize checks that every country with a status in any
// year of the CSTO's data lies whole inside the map at several window
// sizes, portrait included, until the user zooms; and that the reset
// button's ResetView returns to that framing after a zoom.
func TestFramingFollowsResize(t *testing.T) {
	app, win := newLayoutApp(t, 1280, 800)
	isos := []string{"RUS", "BLR", "KAZ", "KGZ", "TJK", "ARM", "AZE", "GEO", "UZB"}
	inside := func(sz fyne.Size) {
		t.Helper()
		m := app.Map.Size()
		for _, iso := range isos {
			lo, hi, ok := app.Map.BoundsOf(iso)
			require.True(t, ok, iso)
			assert.True(t, lo.X >= 0 && lo.Y >= 0 && hi.X <= m.Width && hi.Y <= m.Height,
				"%v: %s at %v-%v leaves the map %v", sz, iso, lo, hi, m)
		}
	}
	for _, sz := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 800, Height: 600}, {Width: 900, Height: 1200}, {Width: 1920, Height: 1080}} {
		win.Resize(sz)
		inside(sz)
	}
	app.Map.ZoomBy(3)
	lo, _, _ := app.Map.BoundsOf("RUS")
	assert.Negative(t, lo.X, "zoomed in, Russia runs off the map")
	app.Map.ResetView()
	inside(win.Canvas().Size())
}
