package ui

import (
	"fmt"
	"image"
	"slices"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"cstomap/chart"
	"cstomap/internal/typeset"
	"cstomap/palette"
)

var (
	_ fyne.Widget         = (*ChartView)(nil)
	_ fyne.Tappable       = (*ChartView)(nil)
	_ desktop.Hoverable   = (*ChartView)(nil)
	_ desktop.Cursorable  = (*ChartView)(nil)
	_ fyne.Focusable      = (*ChartView)(nil)
	_ fyne.Tabbable       = (*ChartView)(nil)
	_ fyne.WidgetRenderer = (*chartRenderer)(nil)
)

// chartTextSize is the size of the chart's labels in logical pixels.
const chartTextSize = 12.5

// ChartView shows the membership chart (package chart): a row per country
// of the alliance, its statuses over the years, the events on the rows
// and a line at the year shown. A click on a row selects its country, a
// click at a year (on a bar, in the band above the rows or on the axis)
// shows that year, hovering tells the status and its dates, and the keys
// work as on the map.
type ChartView struct {
	widget.BaseWidget

	// OnSelected is a hook that is called with the ISO code of the row
	// clicked.
	OnSelected func(iso string) `json:"-"`
	// OnYear is a hook that is called with the year clicked.
	OnYear func(year int) `json:"-"`
	// OnHover is a hook that is called when what lies under the pointer
	// changes, with its description ("" for nothing) and the pointer's
	// position.
	OnHover func(text string, pos fyne.Position) `json:"-"`
	// OnTypedKey is a hook that is called with the keys typed while the
	// chart has focus (Tab included).
	OnTypedKey func(*fyne.KeyEvent) `json:"-"`

	raster *canvas.Raster

	mu       sync.Mutex // guards the fields below, read by the raster generator
	model    *chart.Model
	pal      palette.Palette
	year     int
	selected string
	hovered  string // the row under the pointer
	tip      string // the text last passed to OnHover
	scale    float32
	fs       typeset.Faces
	layout   *chart.Layout // of the last frame, in device pixels
	laidOut  image.Point   // the size layout was made for
	img      *image.RGBA
}

// NewChartView returns an empty chart view; SetModel gives it a chart.
func NewChartView() *ChartView {
	c := &ChartView{pal: palette.Light, scale: 1, fs: typeset.Faces{}}
	c.raster = canvas.NewRaster(c.draw)
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer is part of fyne.Widget.
func (c *ChartView) CreateRenderer() fyne.WidgetRenderer {
	c.ExtendBaseWidget(c)
	return &chartRenderer{c: c}
}

type chartRenderer struct{ c *ChartView }

func (r *chartRenderer) Layout(s fyne.Size)           { r.c.raster.Resize(s) }
func (r *chartRenderer) MinSize() fyne.Size           { return fyne.NewSize(320, 200) }
func (r *chartRenderer) Refresh()                     { r.c.raster.Refresh() }
func (r *chartRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.c.raster} }
func (r *chartRenderer) Destroy()                     {}

// SetModel shows the chart m and redraws.
func (c *ChartView) SetModel(m *chart.Model) {
	c.mu.Lock()
	c.model, c.layout = m, nil
	c.mu.Unlock()
	c.Refresh()
}

// Model returns the chart shown, or nil.
func (c *ChartView) Model() *chart.Model {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.model
}

// SetYear marks year with the line and redraws, unless it is marked.
func (c *ChartView) SetYear(year int) {
	c.mu.Lock()
	changed := c.year != year
	c.year, c.layout = year, nil
	c.mu.Unlock()
	if changed {
		c.Refresh()
	}
}

// Select highlights the row of iso ("" for none) and redraws. It does not
// call OnSelected.
func (c *ChartView) Select(iso string) {
	c.mu.Lock()
	changed := c.selected != iso
	c.selected = iso
	c.mu.Unlock()
	if changed {
		c.Refresh()
	}
}

// SetPalette colours the chart with p and redraws.
func (c *ChartView) SetPalette(p palette.Palette) {
	c.mu.Lock()
	changed := c.pal.Name != p.Name
	c.pal = p
	c.mu.Unlock()
	if changed {
		c.Refresh()
	}
}

// Refresh redraws the chart.
func (c *ChartView) Refresh() { c.raster.Refresh() }

// currentLayout returns the layout at the widget's size, making it if the
// last frame's is stale. Callers hold mu.
func (c *ChartView) currentLayout(w, h int) *chart.Layout {
	if c.model == nil {
		return nil
	}
	if c.layout != nil && c.laidOut == image.Pt(w, h) {
		return c.layout
	}
	sc := float64(c.scale)
	pad := int(8 * sc)
	inner := image.Rect(pad, pad/2, max(w-pad, pad+1), max(h-pad/2, pad/2+1))
	c.layout = c.model.Layout(c.fs, inner, chart.Options{TextSize: chartTextSize * sc, Scale: sc, Year: c.year, Key: true})
	c.laidOut = image.Pt(w, h)
	return c.layout
}

// deviceLayout is the layout at the current size, in device pixels.
// Callers hold mu.
func (c *ChartView) deviceLayout() *chart.Layout {
	sz := c.Size()
	w, h := int(sz.Width*c.scale+0.5), int(sz.Height*c.scale+0.5)
	return c.currentLayout(max(w, 1), max(h, 1)) // the frame's, unless the size changed
}

// draw is the raster generator. w and h are device pixels.
func (c *ChartView) draw(w, h int) image.Image {
	c.mu.Lock()
	defer c.mu.Unlock()
	if sz := c.Size(); sz.Width > 0 {
		if s := float32(w) / sz.Width; s != c.scale {
			c.scale, c.layout = s, nil
		}
	}
	if c.img == nil || c.img.Rect.Dx() != w || c.img.Rect.Dy() != h {
		c.img = image.NewRGBA(image.Rect(0, 0, w, h))
		c.layout = nil
	}
	fillAll(c.img, c.pal.Background)
	l := c.currentLayout(w, h)
	if l == nil {
		return c.img
	}
	l.Draw(c.img, chart.Style{Palette: c.pal, Selected: c.selected, Hovered: c.hovered, NoBackground: true})
	return c.img
}

// fillAll fills img with col.
func fillAll(img *image.RGBA, col interface{ RGBA() (r, g, b, a uint32) }) {
	r, g, b, _ := col.RGBA()
	px := [4]byte{byte(r >> 8), byte(g >> 8), byte(b >> 8), 0xff}
	for i := 0; i < len(img.Pix); i += 4 {
		copy(img.Pix[i:i+4], px[:])
	}
}

// HitAt returns what lies under the logical position pos.
func (c *ChartView) HitAt(pos fyne.Position) (chart.Hit, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	l := c.deviceLayout()
	if l == nil {
		return chart.Hit{}, false
	}
	return l.Hit(float64(pos.X*c.scale), float64(pos.Y*c.scale))
}

// RowPosition returns the logical position of the middle of the label
// of iso's row, or false when the chart has no such row.
func (c *ChartView) RowPosition(iso string) (fyne.Position, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	l := c.deviceLayout()
	if l == nil {
		return fyne.Position{}, false
	}
	y, ok := l.RowCentre(iso)
	return fyne.NewPos(float32(l.LabelRight-l.Text)/c.scale, float32(y)/c.scale), ok
}

// YearPosition returns the logical position of the middle of year's
// column at the height of iso's row (or of the axis for "").
func (c *ChartView) YearPosition(iso string, year int) (fyne.Position, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	l := c.deviceLayout()
	if l == nil {
		return fyne.Position{}, false
	}
	y, ok := float64(l.Plot.Max.Y)+l.Text/2, true
	if iso != "" {
		y, ok = l.RowCentre(iso)
	}
	return fyne.NewPos(float32(l.YearX(year))/c.scale, float32(y)/c.scale), ok
}

// NextRow returns the country of the row below (dir > 0) or above iso's
// row, staying at the last or first; with no row of iso, the first or the
// last row's. It returns "" for a chart without rows.
func (c *ChartView) NextRow(iso string, dir int) string {
	m := c.Model()
	if m == nil || len(m.Rows) == 0 {
		return ""
	}
	i := slices.IndexFunc(m.Rows, func(r chart.Row) bool { return r.ISO == iso })
	switch {
	case i < 0 && dir > 0:
		i = 0
	case i < 0:
		i = len(m.Rows) - 1
	default:
		i = max(0, min(len(m.Rows)-1, i+dir))
	}
	return m.Rows[i].ISO
}

// Tapped selects the row under the pointer and shows the year under it.
func (c *ChartView) Tapped(ev *fyne.PointEvent) {
	h, ok := c.HitAt(ev.Position)
	if !ok {
		return
	}
	if h.Row != nil {
		c.Select(h.Row.ISO)
		if c.OnSelected != nil {
			c.OnSelected(h.Row.ISO)
		}
	}
	if h.Year != 0 && c.OnYear != nil {
		c.OnYear(h.Year)
	}
}

// HoverText describes what lies under the logical position pos: the event
// there, or the status in force on the day under the pointer with its
// dates, or "" for nothing.
func (c *ChartView) HoverText(pos fyne.Position) string {
	h, ok := c.HitAt(pos)
	m := c.Model()
	switch {
	case !ok || h.Row == nil || m == nil:
		return ""
	case h.Tick != nil:
		return chart.TickText(h.Tick)
	case h.HasSpan:
		return m.SpanText(h.Row, h.Span)
	case h.Year != 0:
		return fmt.Sprintf("%s: not a %s in %d", h.Row.Name, m.Alliance.NameInYear(h.Year, m.Today).Member(), h.Year)
	}
	return h.Row.Name
}

// MouseIn is part of desktop.Hoverable.
func (c *ChartView) MouseIn(ev *desktop.MouseEvent) { c.MouseMoved(ev) }

// MouseMoved tints the row under the pointer and reports what is there.
func (c *ChartView) MouseMoved(ev *desktop.MouseEvent) {
	h, _ := c.HitAt(ev.Position)
	iso := ""
	if h.Row != nil {
		iso = h.Row.ISO
	}
	text := c.HoverText(ev.Position)
	c.mu.Lock()
	rowChanged := iso != c.hovered
	c.hovered = iso
	c.tip = text
	c.mu.Unlock()
	if rowChanged {
		c.Refresh()
	}
	if c.OnHover != nil {
		c.OnHover(text, ev.Position)
	}
}

// MouseOut clears the hover.
func (c *ChartView) MouseOut() {
	c.mu.Lock()
	changed := c.hovered != ""
	c.hovered, c.tip = "", ""
	c.mu.Unlock()
	if changed {
		c.Refresh()
	}
	if c.OnHover != nil {
		c.OnHover("", fyne.Position{})
	}
}

// Cursor is part of desktop.Cursorable.
func (c *ChartView) Cursor() desktop.Cursor { return desktop.PointerCursor }

// FocusGained is part of fyne.Focusable.
func (c *ChartView) FocusGained() {}

// FocusLost is part of fyne.Focusable.
func (c *ChartView) FocusLost() {}

// TypedKey passes keys to OnTypedKey.
func (c *ChartView) TypedKey(ev *fyne.KeyEvent) {
	if c.OnTypedKey != nil {
		c.OnTypedKey(ev)
	}
}

// TypedRune is part of fyne.Focusable; characters are handled as keys.
func (c *ChartView) TypedRune(rune) {}

// AcceptsTab lets Tab move between countries, as on the map.
func (c *ChartView) AcceptsTab() bool { return true }

// installChart adds the chart view to the app: it follows the store (the
// alliance's chart, the year, the selection and the theme), and what the
// user does on it goes to the store.
func (a *App) installChart() {
	c := NewChartView()
	a.Chart = c
	c.Hide()
	s := a.Store
	c.OnSelected = s.Select
	c.OnYear = func(y int) { a.Years.Pause(); s.SetYear(y) }
	c.OnHover = func(text string, pos fyne.Position) {
		if text == "" {
			a.Tooltip.Hide()
			return
		}
		a.logf("chart-hover %s", text)
		a.Tooltip.ShowText(text)
		a.Tooltip.Follow(pos, c.Size())
	}
	keys := keyHandler(a.Store, a.Years, a.Map)
	c.OnTypedKey = func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyPlus, fyne.KeyEqual, fyne.KeyMinus, fyne.Key0:
			return // the zoom keys are the map's, which is hidden
		case fyne.KeyUp:
			s.Select(c.NextRow(s.Selected(), -1))
			return
		case fyne.KeyDown:
			s.Select(c.NextRow(s.Selected(), 1))
			return
		}
		keys(ev)
	}
	s.Listen(func(old, cur State) {
		if cur.Alliance != old.Alliance || cur.HideEvents != old.HideEvents {
			evs := a.opts.Events
			if cur.HideEvents {
				evs = nil // View › Events is off: no ticks either
			}
			c.SetModel(chart.New(cur.Alliance, evs, a.base.Name, s.Today())) // today's names: a row spans every year
		}
		c.SetYear(cur.Year)
		c.Select(cur.Selected)
		c.SetPalette(a.pal)
	})
	fyne.CurrentApp().Settings().AddListener(func(fyne.Settings) { c.SetPalette(a.pal) })
}

// chartMenuItem is View › Chart, ticked while the chart is shown.
func (a *App) chartMenuItem(s menuShortcut) *fyne.MenuItem {
	a.chartItem = fyne.NewMenuItem("Chart", s.action)
	a.chartItem.Shortcut = s.shortcut
	return a.chartItem
}

// prefChart is the preference that remembers whether the chart was shown
// in the map's place (View › Chart).
const prefChart = "showChart"

func init() { prefKinds[prefChart] = kindBool }

// ChartShown reports whether the chart is shown in the map's place.
func (a *App) ChartShown() bool { return a.Chart.Visible() }

// ShowChart shows the chart in the map's place (on), or the map again.
func (a *App) ShowChart(on bool) {
	if on == a.ChartShown() {
		return
	}
	a.Tooltip.Hide()
	if on {
		// The chart takes the map's place at once, so that its first
		// frame and the positions logged are at the final size.
		origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(a.Map)
		a.Chart.Move(a.Map.Position())
		a.Chart.Resize(a.Map.Size())
		a.Map.Hide()
		a.yearLabel.Hide() // the chart marks the year with its line
		a.Chart.Show()
		a.window.Canvas().Focus(a.Chart)
		a.logf("view chart")
		a.logChartPositions(origin)
	} else {
		a.Chart.Hide()
		a.Map.Show()
		a.yearLabel.Show()
		a.window.Canvas().Focus(a.Map)
		a.logf("view map")
	}
	if a.opts.Prefs != nil {
		a.opts.Prefs.SetBool(prefChart, on)
	}
	for _, t := range a.mapTools {
		if on {
			t.Disable()
		} else {
			t.Enable()
		}
	}
	for _, it := range a.mapItems {
		it.Disabled = on
	}
	if a.chartItem != nil {
		a.chartItem.Checked = on
		if mm := a.window.MainMenu(); mm != nil {
			mm.Refresh()
		}
	}
}

// logChartPositions logs, for --where, the window position of each
// country's row label ("chart-row ARM X Y") and of the axis at the first
// and last year ("chart-axis YEAR X Y"), so that a test can click them.
func (a *App) logChartPositions(origin fyne.Position) {
	for _, iso := range a.opts.Where {
		if p, ok := a.Chart.RowPosition(iso); ok {
			a.logf("chart-row %s %.0f %.0f", iso, origin.X+p.X, origin.Y+p.Y)
		}
	}
	if m := a.Chart.Model(); m != nil {
		for _, y := range []int{m.First, m.Last} {
			if p, ok := a.Chart.YearPosition("", y); ok {
				a.logf("chart-axis %d %.0f %.0f", y, origin.X+p.X, origin.Y+p.Y)
			}
		}
	}
}
