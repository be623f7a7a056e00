package export

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"cstomap/eventmarks"
	"cstomap/events"
	"cstomap/geo"
	"cstomap/palette"
	"cstomap/timeline"
)

// Limits on the size of an exported image, in logical pixels per side, and
// on the scale. The pixel size (logical size × scale) must stay within
// MaxSize too.
const (
	MinSize  = 16
	MaxSize  = 16384
	MaxScale = 3
)

// DefaultWidth and DefaultHeight are the logical size of an export when none
// is given; DefaultDPI is the resolution recorded in a PNG at scale 1.
const (
	DefaultWidth  = 1600
	DefaultHeight = 1000
	DefaultDPI    = 96
)

// SourceLine credits the data in every export that shows sources.
const SourceLine = "Sources: Insider (2023); dated events from public records. Borders: Natural Earth (public domain), UN-recognised states."

// HistoricalBordersCredit is added to SourceLine in the years whose map
// draws historical units (Scene.WorldIn): the inner German border of
// 1949–1990 is derived from OpenStreetMap data under the ODbL, whose
// produced works must say so.
const HistoricalBordersCredit = " Inner German border: © OpenStreetMap contributors (ODbL)."

// SourceText returns the source line of o's image: ChartSourceLine for a
// chart; otherwise SourceLine, with
// HistoricalBordersCredit when the year's outlines are historical (or, in
// an animation, any frame's are, so that every frame has the same layout).
func (o Options) SourceText() string {
	if o.Chart {
		return ChartSourceLine // a chart draws no borders
	}
	if o.creditAll || o.historical(o.Year) {
		return SourceLine + HistoricalBordersCredit
	}
	return SourceLine
}

// historical reports whether the map of year draws historical units.
func (o Options) historical(year int) bool {
	if o.WorldIn == nil {
		return false
	}
	w := o.WorldIn(year)
	return w != nil && w != o.World
}

// DefaultTitle is the title used when Options.Title is empty. In a title,
// {states} becomes what the alliance's countries were called in the year
// ("CSTO member states", "Collective Security Treaty states" before the
// 2002 Charter), {alliance} its short name in that year ("CST", "CSTO")
// and {year} the year, so the same title serves every frame of an
// animation and stays true to each year.
const DefaultTitle = "{states}, {year}"

// Format is an output file format.
type Format string

// The formats an export can write.
const (
	PNG Format = "png"
	SVG Format = "svg"
	GIF Format = "gif"
)

// FormatOf returns the format named by path's extension (case-insensitive).
func FormatOf(path string) (Format, bool) {
	switch f := Format(strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")); f {
	case PNG, SVG, GIF, CSV, GeoJSON:
		return f, true
	}
	return "", false
}

// Preset is a named image size.
type Preset struct {
	// Name is the key used on the command line, e.g. "hd".
	Name string
	// Label describes the preset in the dialog.
	Label         string
	Width, Height int
	// DPI is the resolution recorded in a PNG at scale 1.
	DPI float64
}

// Presets are the named sizes, in the order the dialog lists them.
var Presets = []Preset{
	{"social", "Social media 1200×675", 1200, 675, DefaultDPI},
	{"hd", "HD 1920×1080", 1920, 1080, DefaultDPI},
	{"4k", "4K 3840×2160", 3840, 2160, DefaultDPI},
	{"square", "Square 1080×1080", 1080, 1080, DefaultDPI},
	{"a4", "A4 landscape, 300 DPI (3508×2480)", 3508, 2480, 300},
}

// PresetByName returns the preset called name (case-insensitive).
func PresetByName(name string) (Preset, bool) {
	for _, p := range Presets {
		if strings.EqualFold(p.Name, name) {
			return p, true
		}
	}
	return Preset{}, false
}

// PresetNames returns the preset names joined with ", ", for messages.
func PresetNames() string {
	var names []string
	for _, p := range Presets {
		names = append(names, p.Name)
	}
	return strings.Join(names, ", ")
}

// Scene is what the window shows and an export starts from: the data, the
// year and the view.
type Scene struct {
	// World holds the outlines; WorldIn, when set, gives each year's
	// instead (dataset.Data.WorldIn: the GDR and the Federal Republic in
	// 1949–1990), and World is then only the fallback.
	World   *geo.World
	WorldIn func(year int) *geo.World
	// Renderer draws World; optional (one is made when nil). Exports draw
	// at their own sizes, so sharing the window's renderer makes its next
	// frame rasterise again: prefer a renderer of the export's own.
	Renderer *geo.Renderer
	Alliance *timeline.Alliance
	Year     int
	// Today decides the status shown for the current year.
	Today time.Time
	// View is the window's viewport; the export shows the same centre and
	// at least the same extent (see geo.Viewport.Resized). Nil means the
	// default view.
	View *geo.Viewport
	// Selected is the ISO code of the highlighted country, or "".
	Selected string
	Dark     bool
	// Events are the dated events: those of the alliance that belong to
	// the year are marked on the map (see events.Event.Years), and the
	// membership chart marks all of the alliance's on its rows.
	Events []events.Event
}

// Palette returns the light or dark palette.
func (s Scene) Palette() palette.Palette {
	if s.Dark {
		return palette.Dark
	}
	return palette.Light
}

// Hide switches elements of the image off; the zero value shows them all.
type Hide struct {
	Map, Title, Year, Legend, Highlight, Source bool
	// Labels leaves out the country names.
	Labels bool
	// Events leaves out the event markers and their legend.
	Events bool
	// Inset leaves out the magnified inset of the small members.
	Inset bool
}

// Options describe one exported image.
type Options struct {
	Scene
	// Width and Height are the logical size: the layout is computed for
	// it, and the image has Width×Scale by Height×Scale pixels.
	Width, Height int
	// Scale multiplies the resolution and keeps the layout; 0 means 1.
	// Whole numbers (1, 2, 3) are for files; the dialog's preview uses a
	// fraction.
	Scale float64
	// DPI is the resolution at scale 1 recorded in a PNG; 0 means
	// DefaultDPI. The file records DPI × Scale.
	DPI float64
	// Title is the title text; "" means DefaultTitle. See DefaultTitle for
	// the placeholders.
	Title string
	Hide  Hide
	// Chart draws the membership chart (package chart) in the map's
	// place: one row per country, its statuses over the years.
	Chart bool

	// eventSigns, when not nil, are the event signs the legend lists
	// (an animation lists those of all its years, so its legend does not
	// jump); nil lists those of the year.
	eventSigns []eventmarks.Sign
	// renderers keeps a renderer per world for a job over many years; nil
	// for a single image.
	renderers *rendererCache
	// creditAll puts HistoricalBordersCredit in the source line whatever
	// the year: set for every frame of an animation that has a historical
	// year.
	creditAll bool
	// insetYears are the years of an animation: its inset is planned for
	// the members of all of them, so it keeps its place from frame to
	// frame (see insets).
	insetYears []int
}

// YearWorld returns the outlines of the year shown: WorldIn(Year), or
// World.
func (o Options) YearWorld() *geo.World {
	if o.WorldIn != nil {
		if w := o.WorldIn(o.Year); w != nil {
			return w
		}
	}
	return o.World
}

// ErrOptions matches every error of Options.Validate and Settings.Job
// (each a *Problem).
var ErrOptions = errors.New("export: bad options")

// Validate checks o before anything is drawn or written. The error is a
// *Problem, with a message for users.
func (o Options) Validate() error {
	switch {
	case o.World == nil || o.Alliance == nil:
		return problem("data", "no map data is loaded")
	case checkSide("width", o.Width) != nil:
		return checkSide("width", o.Width)
	case checkSide("height", o.Height) != nil:
		return checkSide("height", o.Height)
	case o.Scale < 0 || o.Scale > MaxScale || math.IsNaN(o.Scale):
		return problem("scale", "scale %g is outside 1…%d", o.Scale, MaxScale)
	case o.DPI < 0 || o.DPI > 10000 || math.IsNaN(o.DPI):
		return problem("dpi", "DPI %g is outside 0…10000", o.DPI)
	case o.Selected != "" && !o.YearWorld().Known(o.Selected):
		return problem("select", "unknown country code %q (want an ISO 3166-1 alpha-3 code such as ARM)", o.Selected)
	}
	if w, h := o.PixelSize(); w > MaxSize || h > MaxSize || w < 1 || h < 1 {
		return problem("scale", "%d×%d at scale %g is %d×%d pixels, more than %d per side", o.Width, o.Height, o.scale(), w, h, MaxSize)
	}
	return o.checkYear(o.Year)
}

// checkYear refuses a year outside the alliance's range.
func (o Options) checkYear(y int) error {
	if o.Alliance.CheckYear(y, o.Today) != nil {
		lo, hi := o.Alliance.YearRange(o.Today)
		return problem("year", "year %d is outside %s's years %d-%d", y, o.Alliance.ShortName, lo, hi)
	}
	return nil
}

// scale returns Scale, defaulting to 1.
func (o Options) scale() float64 {
	if o.Scale <= 0 {
		return 1
	}
	return o.Scale
}

// PixelSize returns the size of the image in pixels.
func (o Options) PixelSize() (w, h int) {
	s := o.scale()
	return int(math.Round(float64(o.Width) * s)), int(math.Round(float64(o.Height) * s))
}

// PixelDPI returns the resolution recorded in a PNG: DPI × Scale.
func (o Options) PixelDPI() float64 {
	d := o.DPI
	if d <= 0 {
		d = DefaultDPI
	}
	return d * o.scale()
}

// TitleText returns the title with its placeholders filled in.
func (o Options) TitleText() string {
	t := o.Title
	if t == "" {
		t = DefaultTitle
		if o.Chart {
			t = DefaultChartTitle
		}
	}
	short, states, years := "", "", ""
	if o.Alliance != nil {
		n := o.Alliance.NameInYear(o.Year, o.Today)
		short, states, years = n.Short, n.States(), o.chartYears()
	}
	return strings.NewReplacer("{states}", states, "{alliance}", short, "{year}", strconv.Itoa(o.Year), "{years}", years).Replace(t)
}

// selected returns the country to highlight, or "".
func (o Options) selected() string {
	if o.Hide.Highlight || o.Hide.Map {
		return ""
	}
	return o.Selected
}

// paint returns the paint function of the year's statuses.
func (o Options) paint() geo.PaintFunc {
	p := o.Palette()
	return p.PaintFunc(palette.ForYear(o.Alliance, o.YearWorld().Territories(), o.Year, o.Today))
}

// fileName returns the default file name of an export: the alliance id and
// the year, e.g. "csto-2024.png".
func fileName(allianceID string, year int, f Format) string {
	return fmt.Sprintf("%s-%d.%s", allianceID, year, f)
}

// rangeName returns the default name of a file of the years first…last,
// e.g. "csto-1992-2026.gif".
func rangeName(allianceID string, first, last int, f Format) string {
	return fmt.Sprintf("%s-%d-%d.%s", allianceID, first, last, f)
}

// mix returns a blended with b, t of the way from a to b.
func mix(a, b color.RGBA, t float64) color.RGBA {
	l := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return color.RGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), 0xff}
}
