package ui

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cstomap/events"
	"cstomap/export"
	"cstomap/geo"
	"cstomap/palette"
	"cstomap/passages"
	"cstomap/timeline"
)

// Options configure the main window.
type Options struct {
	// Alliances to offer, the first being the default. At least one.
	Alliances []*timeline.Alliance
	// Today is the clock; nil means time.Now. The current year's status is
	// the one in force today.
	Today func() time.Time
	// DataErrors are problems met loading the user's files (--data alliance
	// files, added articles); they are shown in a dialog once the window is
	// up. The embedded data is used.
	DataErrors []error
	// Log receives one line per user-visible event ("selected ARM Armenia",
	// "year 1999"), for end-to-end tests and debugging. It may be nil.
	Log io.Writer
	// Where lists ISO codes whose window position is logged after the first
	// frame as "where ISO X Y" (logical pixels from the window's top-left),
	// so that tests can click a country using the app's own projection.
	Where []string
	// Started is when the process started; the first frame is logged with
	// the time since then.
	Started time.Time
	// Prefs, when set, remembers the theme, alliance, year, selection, zoom
	// and window size across restarts.
	Prefs fyne.Preferences
	// PrefsProblems are sentences about the preferences file found before
	// the app read it (see CheckPreferences): settings reset or a file moved
	// aside. The window shows them with the other problems.
	PrefsProblems []string
	// AfterFunc runs the delayed save of the preferences; nil means a real
	// timer whose function runs through fyne.Do. Tests pass a fake clock.
	AfterFunc AfterFunc
	// Index holds the articles whose passages the side panel shows; nil
	// shows none.
	Index *passages.Index
	// SourceLabel names each source by its publisher and class, from the
	// source policy ("NATO (official)"); nil names sources by their host.
	SourceLabel SourceLabel
	// ArticleDir is where articles the user adds are kept across restarts;
	// "" keeps them for this session only.
	ArticleDir string
	// Aliases makes the extra names to find countries by (demonyms,
	// capitals, leaders), besides the outlines' own names; it is called on
	// the first search. Nil means none.
	Aliases func() []SearchName
	// WorldIn gives the outlines of a year (dataset.Data.WorldIn): the
	// German Democratic Republic and the Federal Republic in 1949–1990.
	// Years with the same outlines must share one *geo.World. Nil shows
	// the world New is given in every year.
	WorldIn func(year int) *geo.World
	// Events are the dated events to mark on the map (those of the
	// alliance and year on show), to show in the panel and on the rows of
	// the membership chart.
	Events []events.Event
}

// App is the main window's content: the widgets, wired to one Store that
// holds what they show. Each widget owns its behaviour; the App only wires
// them (see bind.go) and adds the window-wide parts: menus, shortcuts,
// dialogs and the log.
type App struct {
	// World holds the outlines of the year shown (see Options.WorldIn).
	World *geo.World
	// Store holds the alliance, year, selection, theme and view shown; set
	// them there.
	Store *Store
	Map   *MapView
	Panel *Panel
	Years *YearBar
	// Legend shows the status counts of the year.
	Legend *Legend
	// AllianceSelect switches between the alliances.
	AllianceSelect *AllianceSwitch
	// Search is the find-a-country field.
	Search *Search
	// Tooltip follows the pointer over the map.
	Tooltip *Tooltip
	// Tools are the zoom and reset buttons above the map.
	Tools *widget.Toolbar
	// Chart is the membership chart, shown in the map's place by
	// View › Chart (see ShowChart).
	Chart *ChartView
	// Names draws the country names over the map.
	Names *LabelLayer
	// EventLegend names the kinds of event marked on the map.
	EventLegend *EventLegend

	window    fyne.Window
	opts      Options
	index     *passages.Index
	yearLabel *YearLabel
	pal       palette.Palette
	saver     *prefsSaver // nil without preferences
	insetItem *fyne.MenuItem
	chartItem *fyne.MenuItem
	// mapTools and mapItems (zoom in, zoom out, reset) act on the map only:
	// they are disabled while the chart is shown in its place.
	mapTools []*widget.ToolbarAction
	mapItems []*fyne.MenuItem
	// renderers holds a renderer per world drawn, so a step between years
	// with other outlines keeps each one's caches.
	renderers map[*geo.World]*geo.Renderer
	// base is the world New was given: today's outlines.
	base      *geo.World
	namesItem *fyne.MenuItem
	// eventsItem is View › Events, checked while the markers are on.
	eventsItem *fyne.MenuItem
}

// New builds the main window's content for world inside w. It fails when
// opts has no alliance.
func New(w fyne.Window, world *geo.World, opts Options) (*App, error) {
	if len(opts.Alliances) == 0 {
		return nil, errors.New("ui: no alliance to show")
	}
	a := &App{World: world, window: w, opts: opts, index: opts.Index, pal: palette.Light}
	a.Store = NewStore(opts.Alliances, world.Territories(), opts.Today)
	a.base = world
	a.renderers = map[*geo.World]*geo.Renderer{world: geo.NewRenderer(world)}
	a.Map = NewMapView(a.renderers[world], export.FramingOf(opts.Alliances[0], world))
	a.setUpNames()
	a.Tooltip = NewTooltip()
	a.EventLegend = NewEventLegend()
	a.Search = NewSearchFunc(func() []SearchName { return searchNames(world, opts.Aliases) }, func(iso string) {
		a.Store.Select(iso)
		a.Map.ZoomToCountry(iso)
		a.focusMap()
	})
	a.Panel = NewPanel(func(iso string) string { return countryLabel(a.World, iso) }, opts.Index, w)
	a.Panel.sourceLabel = opts.SourceLabel
	a.Panel.OnSelect = func(iso string) { a.Store.Select(iso); a.focusMap() }
	a.Years = NewYearBar(a.Store.SetYear)
	a.Years.OnAction = a.focusMap
	a.Legend = NewLegend()
	a.AllianceSelect = NewAllianceSwitch(opts.Alliances, func(id string) { a.Store.SetAlliance(id); a.focusMap() })
	a.yearLabel = NewYearLabel()
	a.Map.OnFirstFrame = a.firstFrame
	a.Map.OnResized = a.logGeometry
	// Fill the widgets before they are laid out: the panel's wrapped text
	// is then wrapped once, at the panel's real width, not first at the
	// split's share and again when the panel's heading widens it.
	a.bind()
	a.installChart()
	w.SetContent(a.layout())
	a.setUpInset()
	a.updateNames() // the year over the map has its place now
	w.SetMainMenu(a.mainMenu())
	keys := a.withNamesKey(keyHandler(a.Store, a.Years, a.Map))
	a.Map.OnTypedKey = keys
	w.Canvas().SetOnTypedKey(keys)
	addShortcuts(w.Canvas(), a.Store, a.Map, a.menuShortcuts())

	fyne.CurrentApp().Settings().AddListener(func(fyne.Settings) { a.applyPalette() })
	var problems []string
	problems = append(problems, opts.PrefsProblems...)
	if opts.Prefs != nil {
		// The year is restored before the selection, so a.World is the
		// year's outlines by then (a saved GDR in 1980 is known).
		if ignored := restorePrefs(opts.Prefs, a.Store, func(iso string) bool { return a.World.Known(iso) }); len(ignored) > 0 {
			problems = append(problems, "Some saved settings did not fit and were reset to the defaults: "+strings.Join(ignored, "; ")+".")
		}
		after := opts.AfterFunc
		if after == nil {
			after = fyneAfterFunc
		}
		a.saver = newPrefsSaver(opts.Prefs, after, a.Store.State())
		a.Store.Listen(func(_, cur State) { a.saver.changed(cur) })
	}
	if len(opts.DataErrors) > 0 {
		problems = append(problems, fmt.Sprintf("Some of your files were not loaded (the built-in data is used instead):\n\n%v", errors.Join(opts.DataErrors...)))
	}
	if len(problems) > 0 {
		msg := strings.Join(problems, "\n\n")
		a.logf("problem %s", strings.ReplaceAll(msg, "\n", " "))
		dialog.ShowInformation("Some data was not loaded", msg, w)
	}
	// Closing the window saves at once, on the main goroutine; Fyne then
	// writes the file before the app exits. (Lifecycle's OnStopped runs on
	// another goroutine after the driver has stopped, too late to read the
	// widgets.)
	w.SetOnClosed(a.savePrefs)
	w.Canvas().Focus(a.Map)
	if a.opts.Prefs != nil && a.opts.Prefs.Bool(prefChart) {
		a.ShowChart(true)
	}
	return a, nil
}

// layout places the widgets: the map with the alliance switch, legend and
// toolbar above and the year bar below, the search and panel beside.
func (a *App) layout() fyne.CanvasObject {
	// The chart lies over the event legend: it hides it while shown.
	mapArea := container.NewStack(a.Map, a.eventLegendArea(), a.Chart, container.NewWithoutLayout(a.yearLabel, a.Tooltip))
	a.yearLabel.Move(fyne.NewPos(theme.Padding()*3, theme.Padding()*2))
	a.mapTools = []*widget.ToolbarAction{
		widget.NewToolbarAction(theme.ZoomInIcon(), func() { a.Map.ZoomBy(zoomStep) }),
		widget.NewToolbarAction(theme.ZoomOutIcon(), func() { a.Map.ZoomBy(1 / zoomStep) }),
		widget.NewToolbarAction(theme.ViewRestoreIcon(), a.Map.ResetView),
	}
	a.Tools = widget.NewToolbar(
		a.mapTools[0], a.mapTools[1], a.mapTools[2],
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.ListIcon(), func() { a.ShowChart(!a.ChartShown()) }),
	)
	// The legend between the switch and the buttons wraps onto two rows
	// rather than run under them (see legendLayout).
	top := container.NewBorder(nil, nil, a.AllianceSelect.Select, a.Tools, a.Legend) // the Select itself, so Fyne finds its canvas
	left := container.NewBorder(container.NewPadded(top), container.NewPadded(a.Years), nil, nil, mapArea)
	right := container.New(minWidth(panelMinWidth), container.NewBorder(container.NewPadded(container.NewVBox(a.Search.Entry, a.Search.List)), nil, nil, nil, a.Panel))
	split := container.NewHSplit(left, right)
	split.Offset = 0.7
	return split
}

// panelMinWidth keeps the side panel readable: its text wraps to at least
// this width, and the window cannot be narrowed past it.
const panelMinWidth = 240

// minWidth is a stack layout whose minimum width is at least its value.
type minWidth float32

func (m minWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := layout.NewStackLayout().MinSize(objs)
	return fyne.NewSize(max(s.Width, float32(m)), s.Height)
}

func (minWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	layout.NewStackLayout().Layout(objs, size)
}

// focusMap gives the keyboard back to the map after a button or a choice,
// so that the arrow keys, Space and Tab keep working on the years and
// countries.
func (a *App) focusMap() {
	if c := a.window.Canvas(); c != nil {
		c.Focus(a.Map)
	}
}

// searchNames are the outlines' names and the aliases.
func searchNames(world *geo.World, aliases func() []SearchName) []SearchName {
	var out []SearchName
	for _, c := range world.Countries {
		out = append(out, SearchName{Text: c.Name, ISO: c.ISO, Kind: "name"})
		if c.LongName != "" && c.LongName != c.Name {
			out = append(out, SearchName{Text: c.LongName, ISO: c.ISO, Kind: "name"})
		}
	}
	if aliases == nil {
		return out
	}
	return append(out, aliases()...)
}

// worldIn returns the outlines of year.
func (a *App) worldIn(year int) *geo.World {
	if a.opts.WorldIn != nil {
		if w := a.opts.WorldIn(year); w != nil {
			return w
		}
	}
	return a.World
}

// useWorld shows the outlines w: the map draws them with their own
// renderer (made on first use), and hit testing, the tooltip and the
// panel name their countries.
func (a *App) useWorld(w *geo.World) {
	if w == a.World {
		return
	}
	a.World = w
	r, ok := a.renderers[w]
	if !ok {
		r = geo.NewRenderer(w)
		a.renderers[w] = r
	}
	a.Map.SetRenderer(r)
	if a.Names != nil {
		a.Names.SetRenderer(r)
	}
}

// Palette returns the colours in use (light or dark, following the theme).
func (a *App) Palette() palette.Palette { return a.pal }

// FramingFor returns the map framing of an alliance: the one export uses
// (export.FramingOf), from the alliance file's "map" block.
func (a *App) FramingFor(al *timeline.Alliance) geo.Framing {
	return export.FramingOf(al, a.World)
}

// firstFrame logs the start-up time and memory and the --where positions.
func (a *App) firstFrame() {
	if !a.opts.Started.IsZero() {
		a.logf("first-frame %d ms", time.Since(a.opts.Started).Milliseconds())
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		a.logf("memory go-heap %d MB, go-sys %d MB", ms.HeapInuse>>20, ms.Sys>>20)
	}
	// Loading, indexing and the first layout leave the heap about a third
	// garbage; the runtime would hand those pages back to the system only
	// slowly. One forced collection, off the main goroutine and after the
	// first frame has been painted, does it now.
	time.AfterFunc(500*time.Millisecond, debug.FreeOSMemory)
	a.logGeometry()
}

// logGeometry logs, with --where, the map's area in the window ("map X Y W
// H") and, for each code, where the country is drawn ("where ISO X Y", its
// label point) and its box ("bounds ISO X0 Y0 X1 Y1"), all in logical
// pixels from the window's top-left. It runs after the first frame and
// after each frame drawn at a new size.
func (a *App) logGeometry() {
	if len(a.opts.Where) == 0 {
		return
	}
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(a.Map)
	sz := a.Map.Size()
	a.logf("map %.0f %.0f %.0f %.0f", origin.X, origin.Y, sz.Width, sz.Height)
	for _, iso := range a.opts.Where {
		p, ok := a.WindowPosition(iso)
		if !ok {
			a.logf("where %s unknown", iso)
			continue
		}
		a.logf("where %s %.0f %.0f", iso, p.X, p.Y)
		if lo, hi, ok := a.Map.BoundsOf(iso); ok {
			lo, hi = origin.Add(lo), origin.Add(hi)
			a.logf("bounds %s %.0f %.0f %.0f %.0f", iso, lo.X, lo.Y, hi.X, hi.Y)
		}
	}
	a.logInsets(origin)
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
