package ui

import (
	"fmt"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"cstomap/export"
	"cstomap/geo"
)

// Options configure the main window.
type Options struct {
	// Log receives one line per user-visible event ("selected ARM Armenia"),
	// for end-to-end tests and debugging. It may be nil.
	Log io.Writer
	// Where lists ISO codes whose window position is logged after the first
	// frame as "where ISO X Y" (logical pixels from the window's top-left),
	// so that tests can click a country using the app's own projection.
	Where []string
	// Started is when the process started; the first frame is logged with
	// the time since then.
	Started time.Time
}

// App is the main window's content and state.
type App struct {
	World  *geo.World
	Map    *MapView
	Panel  *Panel
	window fyne.Window
	opts   Options
}

// New builds the main window's content for world inside w.
func New(w fyne.Window, world *geo.World, opts Options) *App {
	a := &App{World: world, window: w, opts: opts}
	a.Map = NewMapView(geo.NewRenderer(world))
	a.Map.SetPaint(func(string) geo.Paint { return geo.Paint{Fill: export.NeutralLand} })
	a.Panel = NewPanel()
	a.Map.OnSelected = a.selected
	a.Map.OnFirstFrame = a.firstFrame
	split := container.NewHSplit(a.Map, container.NewPadded(a.Panel))
	split.Offset = 0.72
	w.SetContent(split)
	return a
}

// Select selects the country iso ("" for none) as a click would.
func (a *App) Select(iso string) {
	a.Map.Select(iso)
	a.selected(iso)
}

func (a *App) selected(iso string) {
	name := ""
	if iso != "" {
		name = a.World.Name(iso)
	}
	a.Panel.ShowCountry(iso, name)
	a.logf("selected %s %s", orDash(iso), name)
	title := "CSTO Map"
	if name != "" {
		title += " — " + name
	}
	a.window.SetTitle(title)
}

func (a *App) firstFrame() {
	if !a.opts.Started.IsZero() {
		a.logf("first-frame %d ms", time.Since(a.opts.Started).Milliseconds())
	}
	for _, iso := range a.opts.Where {
		if p, ok := a.WindowPosition(iso); ok {
			a.logf("where %s %.0f %.0f", iso, p.X, p.Y)
		} else {
			a.logf("where %s unknown", iso)
		}
	}
}

// WindowPosition returns where, in the window's logical pixels, the
// country iso is drawn (at its label point).
func (a *App) WindowPosition(iso string) (fyne.Position, bool) {
	lon, lat, ok := a.World.LabelPoint(iso)
	if !ok {
		return fyne.Position{}, false
	}
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(a.Map)
	return origin.Add(a.Map.PositionOf(lon, lat)), true
}

func (a *App) logf(format string, args ...any) {
	if a.opts.Log != nil {
		fmt.Fprintf(a.opts.Log, format+"\n", args...)
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// Panel is the side panel that describes the selected country.
type Panel struct {
	widget.BaseWidget
	title *widget.Label
	body  *widget.Label
}

// NewPanel returns an empty side panel.
func NewPanel() *Panel {
	p := &Panel{
		title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		body:  widget.NewLabel(""),
	}
	p.body.Wrapping = fyne.TextWrapWord
	p.ExtendBaseWidget(p)
	p.ShowCountry("", "")
	return p
}

// CreateRenderer is part of fyne.Widget.
func (p *Panel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(p.title, p.body))
}

// ShowCountry describes the country iso named name, or invites a click when iso is "".
func (p *Panel) ShowCountry(iso, name string) {
	if iso == "" {
		p.title.SetText("No country selected")
		p.body.SetText("Click a country on the map.")
		return
	}
	p.title.SetText(name)
	p.body.SetText(iso)
}

// Title returns the panel's heading, for tests.
func (p *Panel) Title() string { return p.title.Text }
