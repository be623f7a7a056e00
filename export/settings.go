package export

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"cstomap/events"
)

// Limits that are not about the image's size (see MinSize).
const (
	// MaxDelayMS is the longest GIF frame delay: GIF stores it in
	// hundredths of a second in 16 bits.
	MaxDelayMS = 65535 * 10
	// MaxTitle is the longest title, in characters. Two lines of a
	// 4K image hold about 160; the cap keeps layout time bounded.
	MaxTitle = 300
)

// Kind is what an export writes: one image, an animation, one image per
// year into a folder, or the data behind the map (GeoJSON, CSV).
type Kind string

// The kinds of export.
const (
	KindPNG      Kind = "png"
	KindSVG      Kind = "svg"
	KindGIF      Kind = "gif"
	KindYearsPNG Kind = "years-png"
	KindYearsSVG Kind = "years-svg"
	KindChartPNG Kind = "chart-png"
	KindChartSVG Kind = "chart-svg"
	// KindGeoJSON is the map of the year as geographic data.
	KindGeoJSON Kind = "geojson"
	// KindCSV is the status table of every year, one row per country
	// and year.
	KindCSV Kind = "csv"
)

// KindInfo describes a kind of export.
type KindInfo struct {
	Kind  Kind
	Label string // for the dialog
	// Format is the format of every file written.
	Format Format
	// PerYear is set when the kind writes one file per year into a folder.
	PerYear bool
}

// Kinds are the kinds of export, in the order the dialog lists them.
var Kinds = []KindInfo{
	{KindPNG, "PNG image", PNG, false},
	{KindSVG, "SVG vector image", SVG, false},
	{KindGIF, "Animated GIF, every year", GIF, false},
	{KindYearsPNG, "One PNG per year, into a folder", PNG, true},
	{KindYearsSVG, "One SVG per year, into a folder", SVG, true},
	{KindChartPNG, "Membership chart, PNG", PNG, false},
	{KindChartSVG, "Membership chart, SVG", SVG, false},
	{KindGeoJSON, "GeoJSON map data, for QGIS and other GIS", GeoJSON, false},
	{KindCSV, "CSV table, every country and year", CSV, false},
}

// Chart reports whether k draws the membership chart instead of the map.
func (k Kind) Chart() bool { return k == KindChartPNG || k == KindChartSVG }

// Info returns the description of k, and false if k is unknown.
func (k Kind) Info() (KindInfo, bool) {
	for _, i := range Kinds {
		if i.Kind == k {
			return i, true
		}
	}
	return KindInfo{}, false
}

// Style chooses the palette of an export.
type Style string

// The styles: as the window shows the map, or always light or dark.
const (
	StyleWindow Style = "window"
	StyleLight  Style = "light"
	StyleDark   Style = "dark"
)

// StyleInfo names a style for the dialog.
type StyleInfo struct {
	Style Style
	Label string
}

// Styles are the styles, in the order the dialog lists them.
var Styles = []StyleInfo{{StyleWindow, "As the window"}, {StyleLight, "Light"}, {StyleDark, "Dark"}}

// Element is a part of the image that can be left out.
type Element struct {
	// Name is the key in flags ("--no-legend") and preferences.
	Name  string
	Label string // for the dialog
	of    func(*Hide) *bool
}

// Elements are the parts of the image that can be left out, in the order
// the dialog lists them.
var Elements = []Element{
	{"map", "Map", func(h *Hide) *bool { return &h.Map }},
	{"title", "Title", func(h *Hide) *bool { return &h.Title }},
	{"year", "Year", func(h *Hide) *bool { return &h.Year }},
	{"legend", "Legend", func(h *Hide) *bool { return &h.Legend }},
	{"highlight", "Highlight", func(h *Hide) *bool { return &h.Highlight }},
	{"events", "Events", func(h *Hide) *bool { return &h.Events }},
	{"source", "Sources", func(h *Hide) *bool { return &h.Source }},
	{"labels", "Names", func(h *Hide) *bool { return &h.Labels }},
	{"inset", "Inset", func(h *Hide) *bool { return &h.Inset }},
}

// Hidden reports whether h leaves e out.
func (e Element) Hidden(h Hide) bool { return *e.of(&h) }

// Set leaves e out of h, or puts it back.
func (e Element) Set(h *Hide, hidden bool) { *e.of(h) = hidden }

// Names returns the names of the elements h leaves out, in table order.
func (h Hide) Names() []string {
	var out []string
	for _, e := range Elements {
		if e.Hidden(h) {
			out = append(out, e.Name)
		}
	}
	return out
}

// HideNames returns the Hide that leaves out the named elements; unknown
// names are ignored.
func HideNames(names []string) Hide {
	var h Hide
	for _, n := range names {
		for _, e := range Elements {
			if e.Name == n {
				e.Set(&h, true)
			}
		}
	}
	return h
}

// Settings are an export's choices, as the dialog and the command line
// take them; Job turns them and a Scene into a Job. The zero value is not
// valid: start from DefaultSettings.
type Settings struct {
	Kind Kind
	// Preset is a Presets name; "" means Width×Height.
	Preset        string
	Width, Height int
	// Scale multiplies the resolution: 1, 2 or 3.
	Scale int
	// Title is the title text; "" means DefaultTitle.
	Title string
	Hide  Hide
	Style Style
	// DelayMS is the GIF frame delay in milliseconds; 0 means DefaultDelay.
	DelayMS int
	// First and Last are the years of an animation or a per-year export;
	// 0, 0 means the alliance's whole range.
	First, Last int
}

// DefaultSettings are the settings before anything was chosen.
func DefaultSettings() Settings {
	return Settings{
		Kind: KindPNG, Width: DefaultWidth, Height: DefaultHeight, Scale: 1,
		Style: StyleWindow, DelayMS: int(DefaultDelay / time.Millisecond),
	}
}

// Size returns the logical size and the DPI at scale 1: the preset's, or
// Width×Height at DefaultDPI.
func (s Settings) Size() (w, h int, dpi float64) {
	if p, ok := PresetByName(s.Preset); ok {
		return p.Width, p.Height, p.DPI
	}
	return s.Width, s.Height, DefaultDPI
}

// Format returns the format of the files s writes (PNG for an unknown
// kind).
func (s Settings) Format() Format {
	if i, ok := s.Kind.Info(); ok {
		return i.Format
	}
	return PNG
}

// PerYear reports whether s writes one file per year into a folder.
func (s Settings) PerYear() bool {
	i, _ := s.Kind.Info()
	return i.PerYear
}

// multiYear reports whether s draws a range of years.
func (s Settings) multiYear() bool { return s.PerYear() || s.Kind == KindGIF || s.Kind == KindCSV }

// Repaired returns s with every invalid field replaced by its default, so
// that damaged stored settings still open.
func (s Settings) Repaired() Settings {
	d := DefaultSettings()
	if _, ok := s.Kind.Info(); !ok {
		s.Kind = d.Kind
	}
	if _, ok := PresetByName(s.Preset); !ok {
		s.Preset = ""
	}
	if checkSide("width", s.Width) != nil || checkSide("height", s.Height) != nil {
		s.Width, s.Height = d.Width, d.Height
	}
	if s.Scale < 1 || s.Scale > MaxScale {
		s.Scale = d.Scale
	}
	if checkTitle(s.Title) != nil {
		s.Title = ""
	}
	if _, ok := styleLabel(s.Style); !ok {
		s.Style = d.Style
	}
	if s.DelayMS <= 0 || s.DelayMS > MaxDelayMS {
		s.DelayMS = d.DelayMS
	}
	if s.Last < s.First || (s.First == 0) != (s.Last == 0) {
		s.First, s.Last = 0, 0
	}
	return s
}

// StyleLabel returns the dialog's label of st.
func StyleLabel(st Style) string {
	l, _ := styleLabel(st)
	return l
}

func styleLabel(st Style) (string, bool) {
	for _, i := range Styles {
		if i.Style == st {
			return i.Label, true
		}
	}
	return "", false
}

// Problem is a setting a user got wrong. Its message is written for them
// and names the setting as the command line does, without dashes
// ("width 8 is outside 16…16384").
type Problem struct {
	// Setting is the flag name of the setting, e.g. "width".
	Setting string
	Msg     string
}

// Error returns the message for users.
func (p *Problem) Error() string { return p.Msg }

// Is makes every Problem match ErrOptions.
func (p *Problem) Is(target error) bool { return target == ErrOptions }

func problem(setting, format string, a ...any) *Problem {
	return &Problem{Setting: setting, Msg: fmt.Sprintf(format, a...)}
}

// Validate checks what only the settings know: the kind, preset, scale,
// delay, style and title (at most MaxTitle characters of valid UTF-8, no
// control characters). The image's own checks (size, year, selection) are
// Options.Validate's, which leaves titles to the writers' escaping. The
// error is a *Problem.
func (s Settings) Validate() error {
	if _, ok := s.Kind.Info(); !ok {
		return problem("format", "unknown kind of export %q", s.Kind)
	}
	if s.Preset != "" {
		if _, ok := PresetByName(s.Preset); !ok {
			return problem("preset", "unknown preset %q (want one of %s)", s.Preset, PresetNames())
		}
	}
	if s.Scale < 1 || s.Scale > MaxScale {
		return problem("scale", "scale %d is outside 1…%d", s.Scale, MaxScale)
	}
	if s.DelayMS < 0 || s.DelayMS > MaxDelayMS {
		return problem("delay", "delay %d ms is outside 0…%d ms", s.DelayMS, MaxDelayMS)
	}
	if _, ok := styleLabel(s.Style); !ok {
		return problem("style", "unknown style %q", s.Style)
	}
	return checkTitle(s.Title)
}

func checkSide(name string, v int) error {
	if v < MinSize || v > MaxSize {
		return problem(name, "%s %d is outside %d…%d", name, v, MinSize, MaxSize)
	}
	return nil
}

// checkTitle refuses titles longer than MaxTitle characters, and control
// characters (line breaks included), which no output can show.
func checkTitle(t string) error {
	if !utf8.ValidString(t) {
		return problem("title", "the title is not valid UTF-8 text")
	}
	if n := utf8.RuneCountInString(t); n > MaxTitle {
		return problem("title", "the title has %d characters; at most %d fit", n, MaxTitle)
	}
	for _, r := range t {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return problem("title", "the title contains the control character %U; use plain text on one line", r)
		}
	}
	return nil
}

// years returns the years s draws for the scene (nil for a single image),
// refusing a range outside the alliance's before any list is built.
func (s Settings) years(sc Scene) ([]int, error) {
	if !s.multiYear() {
		return nil, nil
	}
	lo, hi := sc.Alliance.YearRange(sc.Today)
	first, last := s.First, s.Last
	if first == 0 && last == 0 {
		first, last = lo, hi
	}
	switch {
	case last < first:
		return nil, problem("years", "years %d-%d run backwards", first, last)
	case first < lo || last > hi:
		return nil, problem("years", "years %d-%d are outside %s's years %d-%d", first, last, sc.Alliance.ShortName, lo, hi)
	}
	return YearsBetween(first, last), nil
}

// Job returns the job that writes s for the scene at path (a file, or for
// a per-year export a folder). It is where the settings are checked, once:
// every error is a *Problem with a message for users.
func (s Settings) Job(sc Scene, path string) (Job, error) {
	if err := s.Validate(); err != nil {
		return Job{}, err
	}
	if sc.World == nil || sc.Alliance == nil {
		return Job{}, problem("data", "no map data is loaded")
	}
	if path == "" {
		return Job{}, problem("out", "no file name given")
	}
	years, err := s.years(sc)
	if err != nil {
		return Job{}, err
	}
	if len(years) > 0 {
		sc.Year = years[0]
	}
	switch s.Style {
	case StyleLight:
		sc.Dark = false
	case StyleDark:
		sc.Dark = true
	}
	if sc.View != nil {
		v := *sc.View
		sc.View = &v // a copy, not the window's own
	}
	w, h, dpi := s.Size()
	j := Job{
		Options: Options{Scene: sc, Width: w, Height: h, Scale: float64(s.Scale), DPI: dpi, Title: s.Title, Hide: s.Hide, Chart: s.Kind.Chart()},
		Format:  s.Format(),
		Path:    path,
		Years:   years,
		Delay:   time.Duration(s.DelayMS) * time.Millisecond,
	}
	if s.Kind == KindGeoJSON && !s.Hide.Events && sc.Alliance != nil {
		// The events of the year shown, as points (see GeoJSONOf).
		j.Events = events.Select(sc.Events, events.Filter{Alliance: sc.Alliance.ID, Year: sc.Year, Today: sc.Today})
	}
	return j, j.Check()
}

// DefaultName returns the file name offered for s and the scene: the
// alliance id and year ("csto-2024.png"), the range for an animation
// ("csto-1992-2026.gif") or of a table ("csto-1992-2026.csv"), or for a per-year export the folder's name
// ("csto-1992-2026-png").
func (s Settings) DefaultName(sc Scene) string {
	if sc.Alliance == nil {
		return "map." + string(s.Format())
	}
	first, last := sc.Alliance.YearRange(sc.Today)
	if s.First != 0 || s.Last != 0 {
		first, last = s.First, s.Last
	}
	switch {
	case s.Kind.Chart():
		return chartName(sc, s.Format())
	case s.Kind == KindGIF || s.Kind == KindCSV:
		return rangeName(sc.Alliance.ID, first, last, s.Format())
	case s.PerYear():
		return fmt.Sprintf("%s-%d-%d-%s", sc.Alliance.ID, first, last, s.Format())
	}
	return fileName(sc.Alliance.ID, sc.Year, s.Format())
}

// WithExt returns name with the extension of s's format, for a name the
// user typed; a per-year folder name is returned as it is.
func (s Settings) WithExt(name string) string {
	if s.PerYear() {
		return name
	}
	ext := "." + string(s.Format())
	return strings.TrimSuffix(name, filepath.Ext(name)) + ext
}
