package ui

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	// PrefsDamaged says the preferences file could not be read, so the
	// defaults are used; the window says so.
	PrefsDamaged bool
	// Index holds the articles whose passages the side panel shows; nil
	// shows none.
	Index *passages.Index
	// ArticleDir is where articles the user adds are kept across restarts;
	// "" keeps them for this session only.
	ArticleDir string
	// Aliases are extra names to find countries by (demonyms, capitals,
	// leaders), besides the outlines' own names.
	Aliases []SearchName
}

// App is the main window's content and state: the alliance and year shown,
// the selected country, and the widgets that show them.
type App struct {
	World *geo.World
	Map   *MapView
	Panel *Panel
	Years *YearBar
	// Legend shows the status counts of the year.
	Legend *Legend
	// AllianceSelect switches between the alliances.
	AllianceSelect *AllianceSwitch

	window    fyne.Window
	opts      Options
	alliances []*timeline.Alliance
	alliance  *timeline.Alliance
	year      int
	statuses  palette.Statuses
	pal       palette.Palette
	sel       string
	yearLabel *YearLabel
	tooltip   *Tooltip
	search    *Search
	themeName string
	prefs     fyne.Preferences
	ready     bool // built and restored: changes are saved from now on
	index     *passages.Index
}

// New builds the main window's content for world inside w. It fails when
// opts has no alliance.
func New(w fyne.Window, world *geo.World, opts Options) (*App, error) {
	if len(opts.Alliances) == 0 {
		return nil, errors.New("ui: no alliance to show")
	}
	if opts.Today == nil {
		opts.Today = time.Now
	}
	a := &App{World: world, window: w, opts: opts, alliances: opts.Alliances, pal: palette.Light, prefs: opts.Prefs, themeName: ThemeSystem, index: opts.Index}
	a.Map = NewMapView(geo.NewRenderer(world))
	a.Map.OnSelected = a.selectionChanged
	a.Map.OnFirstFrame = a.firstFrame
	a.Map.OnTypedKey = a.typedKey
	a.Map.OnHover = a.hovered
	a.Map.OnPointer = a.pointerMoved
	a.Map.OnViewChanged = func() {
		a.logf("zoom %.2f", a.Map.Zoom())
		a.savePrefs()
	}
	a.tooltip = NewTooltip()
	a.search = NewSearch(a.searchNames(), a.found)
	a.Panel = NewPanel(a)
	a.Years = NewYearBar(a.SetYear)
	a.Legend = NewLegend()
	a.AllianceSelect = NewAllianceSwitch(opts.Alliances, func(id string) { a.SetAlliance(id); a.focusMap() })
	a.Years.OnAction = a.focusMap
	a.yearLabel = NewYearLabel()

	mapArea := container.NewStack(a.Map, container.NewWithoutLayout(a.yearLabel, a.tooltip))
	a.yearLabel.Move(fyne.NewPos(theme.Padding()*3, theme.Padding()*2))
	tools := widget.NewToolbar(
		widget.NewToolbarAction(theme.ZoomInIcon(), func() { a.ZoomBy(zoomStep) }),
		widget.NewToolbarAction(theme.ZoomOutIcon(), func() { a.ZoomBy(1 / zoomStep) }),
		widget.NewToolbarAction(theme.ViewRestoreIcon(), a.Map.ResetView),
	)
	top := container.NewBorder(nil, nil, a.AllianceSelect.Select, tools, a.Legend) // the Select itself, so Fyne finds its canvas
	left := container.NewBorder(container.NewPadded(top), container.NewPadded(a.Years), nil, nil, mapArea)
	right := container.NewBorder(container.NewPadded(container.NewVBox(a.search.Entry, a.search.List)), nil, nil, nil, a.Panel)
	split := container.NewHSplit(left, right)
	split.Offset = 0.7
	w.SetContent(split)
	w.SetMainMenu(a.MainMenu())
	w.Canvas().SetOnTypedKey(a.typedKey)
	a.addShortcuts(w.Canvas())

	a.applyTheme()
	fyne.CurrentApp().Settings().AddListener(func(fyne.Settings) { a.applyTheme() })
	a.SetAlliance(opts.Alliances[0].ID)
	var problems []string
	if opts.PrefsDamaged {
		problems = append(problems, "Your saved settings could not be read (the preferences file is damaged); the defaults are used.")
	}
	if ignored := a.restorePrefs(); len(ignored) > 0 {
		problems = append(problems, "Some saved settings were unreadable and were reset to the defaults: "+strings.Join(ignored, ", ")+".")
	}
	if len(opts.DataErrors) > 0 {
		problems = append(problems, fmt.Sprintf("Some of your files were not loaded (the built-in data is used instead):\n\n%v", errors.Join(opts.DataErrors...)))
	}
	if len(problems) > 0 {
		msg := strings.Join(problems, "\n\n")
		a.logf("problem %s", strings.ReplaceAll(msg, "\n", " "))
		dialog.ShowInformation("Some data was not loaded", msg, w)
	}
	a.ready = true
	w.SetOnClosed(func() { a.savePrefs(); a.saveWindowSize() })
	w.Canvas().Focus(a.Map)
	return a, nil
}

// focusMap gives the keyboard back to the map after a button or a choice,
// so that the arrow keys, Space and Tab keep working on the years and
// countries.
func (a *App) focusMap() {
	if c := a.window.Canvas(); c != nil {
		c.Focus(a.Map)
	}
}

// findAlliance returns the alliance with the id, or nil.
func (a *App) findAlliance(id string) *timeline.Alliance {
	for _, al := range a.alliances {
		if al.ID == id {
			return al
		}
	}
	return nil
}

// searchNames are the outlines' names and the aliases.
func (a *App) searchNames() []SearchName {
	var out []SearchName
	for _, c := range a.World.Countries {
		out = append(out, SearchName{Text: c.Name, ISO: c.ISO, Kind: "name"})
		if c.LongName != "" && c.LongName != c.Name {
			out = append(out, SearchName{Text: c.LongName, ISO: c.ISO, Kind: "name"})
		}
	}
	return append(out, a.opts.Aliases...)
}

// found selects the country chosen in the search and zooms to it.
func (a *App) found(iso string) {
	a.Select(iso)
	a.Map.ZoomToCountry(iso)
	a.focusMap()
}

// FocusSearch puts the keyboard in the search field.
func (a *App) FocusSearch() {
	a.window.Canvas().Focus(a.search.Entry)
}

// Search returns the find-a-country field.
func (a *App) Search() *Search { return a.search }

// Tooltip returns the hover tooltip.
func (a *App) Tooltip() *Tooltip { return a.tooltip }

// hovered shows the tooltip for iso, or hides it over the sea.
func (a *App) hovered(iso string, pos fyne.Position) {
	a.logf("hover %s", orDash(iso))
	if iso == "" {
		a.tooltip.Hide()
		return
	}
	a.tooltip.ShowText(a.hoverText(iso))
	a.tooltip.Follow(pos, a.Map.Size())
}

// hoverText is the tooltip's text: the name, the status in the year and
// its date.
func (a *App) hoverText(iso string) string {
	name := a.World.Name(iso)
	st, since := a.alliance.StatusForYear(iso, a.year, a.Today())
	if st == timeline.StatusNone {
		return fmt.Sprintf("%s\nnot a %s member in %d", name, a.alliance.ShortName, a.year)
	}
	return fmt.Sprintf("%s\n%s since %s", name, st, since.Format(time.DateOnly))
}

func (a *App) pointerMoved(pos fyne.Position) {
	if a.tooltip.Visible() {
		a.tooltip.Follow(pos, a.Map.Size())
	}
}

// Alliance returns the alliance shown.
func (a *App) Alliance() *timeline.Alliance { return a.alliance }

// Year returns the year shown.
func (a *App) Year() int { return a.year }

// Statuses returns the status of every country in the year shown.
func (a *App) Statuses() palette.Statuses { return a.statuses }

// Palette returns the colours in use (light or dark, following the theme).
func (a *App) Palette() palette.Palette { return a.pal }

// Today returns the app's clock reading.
func (a *App) Today() time.Time { return a.opts.Today() }

// SetAlliance shows the alliance with the id, keeping the year when the
// alliance covers it and otherwise moving to its last year. An unknown id
// is ignored.
func (a *App) SetAlliance(id string) {
	var next *timeline.Alliance
	for _, al := range a.alliances {
		if al.ID == id {
			next = al
		}
	}
	if next == nil || next == a.alliance {
		return
	}
	a.stopPlayback()
	a.alliance = next
	a.Map.SetFraming(FramingFor(next))
	first, last := next.YearRange(a.Today())
	a.Years.SetRange(first, last, next.EventYears(), next.ChangeYears())
	a.AllianceSelect.SetSelectedID(id)
	year := a.year
	if year < first || year > last {
		year = last
	}
	a.year = 0 // force a refresh
	a.SetYear(year)
	a.logf("alliance %s", id)
}

// SetYear shows year, clamped to the alliance's range: the map is
// re-coloured (without re-projecting), and the legend, the year label, the
// slider and the side panel follow.
func (a *App) SetYear(year int) {
	first, last := a.alliance.YearRange(a.Today())
	year = max(first, min(last, year))
	if year == a.year {
		return
	}
	a.year = year
	a.statuses = palette.ForYear(a.alliance, year, a.Today())
	a.Map.SetPaint(a.pal.PaintFunc(a.statuses))
	a.Legend.Set(a.pal, a.alliance.Counts(year, a.Today()))
	a.yearLabel.SetYear(year)
	a.Years.SetYear(year)
	a.Panel.Refresh()
	if h := a.Map.Hovered(); h != "" && a.tooltip.Visible() {
		a.tooltip.ShowText(a.hoverText(h))
	}
	a.savePrefs()
	a.logf("year %d", year)
}

// StepYear moves the year by delta, within the range.
func (a *App) StepYear(delta int) { a.SetYear(a.year + delta) }

// Select selects the country iso ("" for none) as a click would.
func (a *App) Select(iso string) {
	a.Map.Select(iso)
	a.selectionChanged(iso)
}

// Selected returns the selected country, or "".
func (a *App) Selected() string { return a.sel }

func (a *App) selectionChanged(iso string) {
	a.sel = iso
	defer a.savePrefs()
	name := ""
	if iso != "" {
		name = a.World.Name(iso)
	}
	a.Panel.Refresh()
	a.logf("selected %s %s", orDash(iso), name)
	title := "CSTO Map"
	if name != "" {
		title += " — " + name
	}
	a.window.SetTitle(title)
}

// FramingFor returns the map framing an alliance asks for in its data file,
// or the default Eurasian framing.
func FramingFor(al *timeline.Alliance) geo.Framing {
	if al.Map == nil {
		return geo.DefaultFraming
	}
	f, err := geo.NewFraming(al.Map.CenterLon, al.Map.Parallels[0], al.Map.Parallels[1], al.Map.Fit)
	if err != nil {
		return geo.DefaultFraming // the parser has checked the parallels
	}
	return f
}

func (a *App) stopPlayback() {
	if a.Years != nil {
		a.Years.Pause()
	}
}

// applyTheme picks the light or dark palette to match the Fyne theme.
func (a *App) applyTheme() {
	pal := palette.Light
	if a.isDark() {
		pal = palette.Dark
	}
	a.pal = pal
	a.Map.SetStyle(pal.Map)
	if a.alliance != nil {
		a.Map.SetPaint(pal.PaintFunc(a.statuses))
		a.Legend.Set(pal, a.alliance.Counts(a.year, a.Today()))
	}
	a.yearLabel.SetPalette(pal)
}

func (a *App) firstFrame() {
	if !a.opts.Started.IsZero() {
		a.logf("first-frame %d ms", time.Since(a.opts.Started).Milliseconds())
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		a.logf("memory go-heap %d MB, go-sys %d MB", ms.HeapInuse>>20, ms.Sys>>20)
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
