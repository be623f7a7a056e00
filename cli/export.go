package cli

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"cstomap/dataset"
	"cstomap/export"
	"cstomap/geo"
)

const exportUsage = "export --out FILE.(png|svg|gif|geojson|csv) [--alliance csto|nato] [--year Y] " +
	"[--width W --height H | --preset social|hd|4k|square|a4] [--scale 1|2|3] [--select ISO3] " +
	"[--title TEXT] [--data DIR] [--no-title] [--no-year] [--no-legend] [--no-source] [--no-map] [--no-highlight] [--no-labels] [--no-events] [--no-inset] [--dark] [--delay MS]\n" +
	"       cstomap export --years FIRST-LAST --out DIR/ [--format png|svg] [same options]\n" +
	"       cstomap export --out FILE.geojson [--alliance A] [--year Y] [--events] [--data DIR]\n" +
	"       cstomap export --out FILE.csv [--alliance A] [--year Y | --years FIRST-LAST] [--data DIR]\n" +
	"       cstomap export --chart --out FILE.(png|svg) [same options]   the membership chart"

func init() {
	register("export", exportUsage, runExport)
}

// exportFlags are the parsed flags of the export command: the settings,
// and what says which files and which scene.
type exportFlags struct {
	s                                 export.Settings
	out, alliance, sel, years, format string
	dataDir                           *string
	year                              int
	dark                              bool
	chart                             bool
	events                            bool            // GeoJSON: the year's events as points
	set                               map[string]bool // the flags given
}

// flagSet returns the export command's flags, parsing into f.
func (f *exportFlags) flagSet() *flag.FlagSet {
	f.s = export.DefaultSettings()
	f.s.Style = export.StyleLight
	fs := newFlags("export")
	fs.StringVar(&f.out, "out", "", "file to write (.png, .svg, .gif), or a folder with --years")
	fs.StringVar(&f.alliance, "alliance", "csto", "alliance id")
	fs.IntVar(&f.year, "year", 0, "year to show (default: this year)")
	fs.StringVar(&f.years, "years", "", "FIRST-LAST: one image per year, or the frames of a GIF")
	fs.IntVar(&f.s.Width, "width", f.s.Width, "image width in logical pixels")
	fs.IntVar(&f.s.Height, "height", f.s.Height, "image height in logical pixels")
	fs.StringVar(&f.s.Preset, "preset", "", "named size: "+export.PresetNames())
	fs.IntVar(&f.s.Scale, "scale", 1, "resolution multiplier, 1 to 3")
	fs.StringVar(&f.sel, "select", "", "ISO3 code of a country to highlight")
	fs.StringVar(&f.s.Title, "title", "", "title text ({alliance} and {year} are filled in)")
	fs.StringVar(&f.format, "format", "", "png or svg, for --years into a folder")
	fs.IntVar(&f.s.DelayMS, "delay", f.s.DelayMS, "GIF frame delay in milliseconds")
	for _, el := range export.Elements {
		fs.BoolFunc("no-"+el.Name, "leave out the "+strings.ToLower(el.Label), func(v string) error {
			on, err := strconv.ParseBool(v)
			el.Set(&f.s.Hide, on)
			return err
		})
	}
	fs.BoolVar(&f.dark, "dark", false, "dark style")
	fs.BoolVar(&f.chart, "chart", false, "draw the membership chart (one row per country, its statuses over the years) instead of the map")
	fs.BoolVar(&f.events, "events", false, "add the year's events as points (.geojson only)")
	f.dataDir = dataFlag(fs)
	return fs
}

// runExport writes a map image, one image per year into a folder, or an
// animated GIF, atomically. Bad arguments exit 2 before anything is
// written; write failures exit 1 and leave nothing behind.
func runExport(e *env, args []string) int {
	var f exportFlags
	fs := f.flagSet()
	if code, ok := e.parseFlags(fs, args); !ok {
		return code
	}
	f.set = map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { f.set[fl.Name] = true })
	d, err := e.load(*f.dataDir)
	if err != nil {
		return e.fail("export", err)
	}
	job, msg := exportJob(d, &f)
	if msg != "" {
		return e.usageErr("export", "%s", msg)
	}
	paths, err := job.Run(context.Background(), nil)
	if err != nil {
		return e.fail("export", err)
	}
	w, h := job.Options.PixelSize()
	switch {
	case job.Format == export.GeoJSON:
		fmt.Fprintf(e.stdout, "wrote %s (%s %d: %d countries, %d events)\n", paths[0], job.Options.Alliance.ShortName,
			job.Options.Year, len(job.Options.YearWorld().Countries), len(job.Events))
	case job.Format == export.CSV:
		fmt.Fprintf(e.stdout, "wrote %s (%s, %d-%d)\n", paths[0], job.Options.Alliance.ShortName, job.Years[0], job.Years[len(job.Years)-1])
	case job.Format == export.GIF:
		fmt.Fprintf(e.stdout, "wrote %s (%d frames, %d×%d)\n", paths[0], len(job.Years), w, h)
	case job.PerYear():
		fmt.Fprintf(e.stdout, "wrote %d files to %s (%s … %s, %d×%d)\n", len(paths), job.Path,
			filepath.Base(paths[0]), filepath.Base(paths[len(paths)-1]), w, h)
	default:
		fmt.Fprintf(e.stdout, "wrote %s (%d×%d)\n", paths[0], w, h)
	}
	return ExitOK
}

// exportJob turns the flags into a job, or returns a usage message. The
// checks are Settings.Job's; only the combinations of flags are here.
func exportJob(d *dataset.Data, f *exportFlags) (export.Job, string) {
	switch {
	case f.out == "":
		return export.Job{}, "--out is required"
	case f.s.Preset != "" && (f.set["width"] || f.set["height"]):
		return export.Job{}, "give either --preset or --width and --height, not both"
	}
	var msg string
	if f.s.Kind, msg = f.kind(); msg != "" {
		return export.Job{}, msg
	}
	if f.set["delay"] && f.s.Kind != export.KindGIF {
		return export.Job{}, "--delay is only for a .gif"
	}
	if msg := f.checkData(); msg != "" {
		return export.Job{}, msg
	}
	if f.years != "" {
		var ok bool
		if f.s.First, f.s.Last, ok = parseYears(f.years); !ok {
			return export.Job{}, fmt.Sprintf("--years %q: want FIRST-LAST, e.g. 1992-2026", f.years)
		}
	}
	if f.dark {
		f.s.Style = export.StyleDark
	}
	sc, err := exportScene(d, f.alliance, f.year, f.set["year"])
	if err != nil {
		return export.Job{}, err.Error()
	}
	if f.sel != "" {
		sc.Selected = strings.ToUpper(strings.TrimSpace(f.sel))
	}
	job, err := f.s.Job(sc, f.out)
	if err != nil {
		return job, err.Error()
	}
	return job, ""
}

// checkData refuses, for a .geojson or .csv, the flags that only images
// take, and sets the year of a one-year table.
func (f *exportFlags) checkData() string {
	i, _ := f.s.Kind.Info()
	if !i.Format.Data() {
		if f.events {
			return "--events is only for a .geojson file"
		}
		return ""
	}
	image := []string{"width", "height", "preset", "scale", "select", "title", "dark"}
	for _, el := range export.Elements {
		if el.Name != "events" || i.Format != export.GeoJSON {
			image = append(image, "no-"+el.Name)
		}
	}
	for _, name := range image {
		if f.set[name] {
			return fmt.Sprintf("--%s is for images; a .%s file has no picture", name, i.Format)
		}
	}
	switch {
	case f.events && f.set["no-events"]:
		return "give --events or --no-events, not both"
	case i.Format == export.GeoJSON && f.years != "":
		return "a .geojson file holds one year: give --year, not --years (a .csv takes --years)"
	case i.Format == export.GeoJSON:
		// Points only when asked for; images show events unless --no-events.
		f.s.Hide.Events = !f.events
	case f.events:
		return "--events is only for a .geojson file (see `cstomap events`)"
	case f.set["year"] && f.years != "":
		return "give --year or --years, not both"
	case f.set["year"]:
		f.s.First, f.s.Last = f.year, f.year // a one-year table
	}
	return ""
}

// kind returns the kind of export that --out, --years and --format ask
// for, or a usage message.
func (f *exportFlags) kind() (export.Kind, string) {
	format, isFile := export.FormatOf(f.out)
	if f.chart {
		return f.chartKind(format)
	}
	switch {
	case format.Data() && f.format != "":
		return "", fmt.Sprintf("--format is for --years into a folder; the .%s name already says the format", format)
	case format == export.GeoJSON:
		return export.KindGeoJSON, ""
	case format == export.CSV:
		return export.KindCSV, ""
	case format == export.GIF && f.format != "":
		return "", "--format is for --years into a folder; the .gif name already says GIF"
	case format == export.GIF:
		return export.KindGIF, ""
	case f.years == "" && !isFile:
		return "", fmt.Sprintf("cannot write %q: only .png, .svg, .gif, .geojson and .csv are supported (or a folder with --years)", f.out)
	case f.years == "" && f.format != "":
		return "", "--format is only for --years into a folder"
	case f.years == "" && format == export.SVG:
		return export.KindSVG, ""
	case f.years == "":
		return export.KindPNG, ""
	case isFile:
		return "", fmt.Sprintf("--years writes one image per year: give a folder as --out (e.g. %s/), or a .gif name", strings.TrimSuffix(f.out, filepath.Ext(f.out)))
	}
	switch strings.ToLower(f.format) {
	case "", "png":
		return export.KindYearsPNG, ""
	case "svg":
		return export.KindYearsSVG, ""
	}
	return "", fmt.Sprintf("--format %q: want png or svg", f.format)
}

// chartKind returns the kind of a --chart export to a file of format, or a
// usage message.
func (f *exportFlags) chartKind(format export.Format) (export.Kind, string) {
	switch {
	case f.years != "" || f.format != "":
		return "", "--chart draws every year in one image: leave out --years and --format"
	case format == export.PNG:
		return export.KindChartPNG, ""
	case format == export.SVG:
		return export.KindChartSVG, ""
	}
	return "", fmt.Sprintf("cannot write the chart to %q: give a .png or .svg name", f.out)
}

// exportScene is what an export draws: the outlines, the alliance and
// "now", all from the loaded data. The year is the clock's unless given.
func exportScene(d *dataset.Data, alliance string, year int, yearGiven bool) (export.Scene, error) {
	a, err := d.Alliance(alliance)
	if err != nil {
		return export.Scene{}, err
	}
	now := d.Now()
	if !yearGiven {
		year = now.Year()
	}
	return export.Scene{World: d.World, WorldIn: d.WorldIn, Renderer: geo.NewRenderer(d.WorldIn(year)), Alliance: a, Year: year, Today: now, Events: d.Events}, nil
}

// parseYears parses "FIRST-LAST" or a single "YEAR".
func parseYears(s string) (first, last int, ok bool) {
	a, b, found := strings.Cut(s, "-")
	if !found {
		b = a
	}
	first, err1 := strconv.Atoi(strings.TrimSpace(a))
	last, err2 := strconv.Atoi(strings.TrimSpace(b))
	if err1 != nil || err2 != nil || last < first {
		return 0, 0, false
	}
	return first, last, true
}
