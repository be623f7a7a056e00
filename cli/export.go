package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"cstomap/dataset"
	"cstomap/export"
	"cstomap/geo"
	"cstomap/timeline"
)

const exportUsage = "export --out FILE.(png|svg|gif) [--alliance csto|nato] [--year Y] " +
	"[--width W --height H | --preset social|hd|4k|square|a4] [--scale 1|2|3] [--select ISO3] " +
	"[--title TEXT] [--data DIR] [--no-title] [--no-year] [--no-legend] [--no-source] [--no-map] [--dark] [--delay MS]\n" +
	"       cstomap export --years FIRST-LAST --out DIR/ [--format png|svg] [same options]"

func init() {
	register("export", exportUsage, runExport)
}

// exportFlags are the parsed flags of the export command.
type exportFlags struct {
	out, alliance, preset, sel, title, years, format string
	year, width, height, scale, delay                int
	noTitle, noYear, noLegend, noSource, noMap, dark bool
	set                                              map[string]bool
}

// runExport writes a map image, one image per year into a folder, or an
// animated GIF, atomically. Bad arguments exit 2 before anything is
// written; write failures exit 1 and leave nothing behind.
func runExport(e *env, args []string) int {
	var f exportFlags
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&f.out, "out", "", "file to write (.png, .svg, .gif), or a folder with --years")
	fs.StringVar(&f.alliance, "alliance", "csto", "alliance id")
	fs.IntVar(&f.year, "year", 0, "year to show (default: this year)")
	fs.StringVar(&f.years, "years", "", "FIRST-LAST: one image per year, or the frames of a GIF")
	fs.IntVar(&f.width, "width", export.DefaultWidth, "image width in logical pixels")
	fs.IntVar(&f.height, "height", export.DefaultHeight, "image height in logical pixels")
	fs.StringVar(&f.preset, "preset", "", "named size: "+export.PresetNames())
	fs.IntVar(&f.scale, "scale", 1, "resolution multiplier, 1 to 3")
	fs.StringVar(&f.sel, "select", "", "ISO3 code of a country to highlight")
	fs.StringVar(&f.title, "title", "", "title text ({alliance} and {year} are filled in)")
	fs.StringVar(&f.format, "format", "", "png or svg, for --years into a folder")
	fs.IntVar(&f.delay, "delay", 0, "GIF frame delay in milliseconds")
	fs.BoolVar(&f.noTitle, "no-title", false, "leave out the title")
	fs.BoolVar(&f.noYear, "no-year", false, "leave out the year in large type")
	fs.BoolVar(&f.noLegend, "no-legend", false, "leave out the legend")
	fs.BoolVar(&f.noSource, "no-source", false, "leave out the source line")
	fs.BoolVar(&f.noMap, "no-map", false, "leave out the map")
	fs.BoolVar(&f.dark, "dark", false, "dark style")
	dataDir := dataFlag(fs)
	if err := fs.Parse(args); err != nil {
		return e.usageErr("export", "%v", err)
	}
	if fs.NArg() > 0 {
		return e.usageErr("export", "unexpected argument %q", fs.Arg(0))
	}
	f.set = map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { f.set[fl.Name] = true })
	d, err := e.load(*dataDir)
	if err != nil {
		return e.fail("export", err)
	}
	job, msg := exportJob(d, &f)
	if msg != "" {
		return e.usageErr("export", "%s", msg)
	}
	if err := job.Check(); err != nil {
		return e.usageErr("export", "%s", plainOptionsError(err))
	}
	paths, err := job.Run(context.Background(), nil)
	if err != nil {
		return e.fail("export", err)
	}
	w, h := job.Options.PixelSize()
	switch {
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

// plainOptionsError drops the package prefixes of a validation error.
func plainOptionsError(err error) string {
	s := err.Error()
	for _, p := range []string{export.ErrOptions.Error() + ": ", timeline.ErrOutOfRange.Error() + ": "} {
		if strings.HasPrefix(s, p) {
			if errors.Is(err, timeline.ErrOutOfRange) {
				return "year " + strings.TrimPrefix(s, p)
			}
			return strings.TrimPrefix(s, p)
		}
	}
	return s
}

// exportJob turns the flags into a job, or returns a usage message.
func exportJob(d *dataset.Data, f *exportFlags) (export.Job, string) {
	var job export.Job
	now := d.Now()
	if f.out == "" {
		return job, "--out is required"
	}
	if f.preset != "" {
		if f.set["width"] || f.set["height"] {
			return job, "give either --preset or --width and --height, not both"
		}
		p, ok := export.PresetByName(f.preset)
		if !ok {
			return job, fmt.Sprintf("unknown preset %q (want one of %s)", f.preset, export.PresetNames())
		}
		f.width, f.height = p.Width, p.Height
		job.Options.DPI = p.DPI
	}
	for _, d := range []struct {
		name string
		v    int
	}{{"width", f.width}, {"height", f.height}} {
		if d.v < export.MinSize || d.v > export.MaxSize {
			return job, fmt.Sprintf("--%s %d is outside %d…%d", d.name, d.v, export.MinSize, export.MaxSize)
		}
	}
	if f.scale < 1 || f.scale > export.MaxScale {
		return job, fmt.Sprintf("--scale %d is outside 1…%d", f.scale, export.MaxScale)
	}
	if w, h := f.width*f.scale, f.height*f.scale; w > export.MaxSize || h > export.MaxSize {
		return job, fmt.Sprintf("%d×%d at --scale %d is %d×%d pixels, more than %d per side", f.width, f.height, f.scale, w, h, export.MaxSize)
	}

	// What to write: a GIF, a folder of images, or one image.
	format, isFile := export.FormatOf(f.out)
	switch {
	case format == export.GIF:
		if f.format != "" {
			return job, "--format is for --years into a folder; the .gif name already says GIF"
		}
	case f.years != "":
		if isFile {
			return job, fmt.Sprintf("--years writes one image per year: give a folder as --out (e.g. %s/), or a .gif name", strings.TrimSuffix(f.out, filepath.Ext(f.out)))
		}
		switch strings.ToLower(f.format) {
		case "", "png":
			format = export.PNG
		case "svg":
			format = export.SVG
		default:
			return job, fmt.Sprintf("--format %q: want png or svg", f.format)
		}
	case !isFile:
		return job, fmt.Sprintf("cannot write %q: only .png, .svg and .gif are supported (or a folder with --years)", f.out)
	case f.format != "":
		return job, "--format is only for --years into a folder"
	}
	if f.set["delay"] && format != export.GIF {
		return job, "--delay is only for a .gif"
	}
	if f.delay < 0 || f.delay > 655350 {
		return job, fmt.Sprintf("--delay %d is outside 0…655350 ms", f.delay)
	}

	world := d.World
	a, err := d.Alliance(f.alliance)
	if err != nil {
		return job, err.Error()
	}
	iso := ""
	if f.sel != "" {
		var ok bool
		if iso, ok = knownISO(world, f.sel); !ok {
			return job, fmt.Sprintf("unknown country code %q (want an ISO 3166-1 alpha-3 code such as ARM)", f.sel)
		}
	}
	year := now.Year()
	if f.set["year"] {
		year = f.year
	}
	var years []int
	if f.years != "" {
		first, last, ok := parseYears(f.years)
		if !ok {
			return job, fmt.Sprintf("--years %q: want FIRST-LAST, e.g. 1992-2026", f.years)
		}
		years = export.YearsBetween(first, last)
		if !f.set["year"] {
			year = first
		}
	} else if format == export.GIF {
		years = export.YearsBetween(a.YearRange(now))
		if !f.set["year"] {
			year = years[0]
		}
	}
	job.Format, job.Path, job.Years = format, f.out, years
	job.Delay = time.Duration(f.delay) * time.Millisecond
	job.Options = export.Options{
		Scene: export.Scene{
			World: world, Renderer: geo.NewRenderer(world), Alliance: a,
			Year: year, Today: now, Selected: iso, Dark: f.dark,
		},
		Width: f.width, Height: f.height, Scale: float64(f.scale), DPI: job.Options.DPI,
		Title: f.title,
		Hide:  export.Hide{Map: f.noMap, Title: f.noTitle, Year: f.noYear, Legend: f.noLegend, Source: f.noSource},
	}
	return job, ""
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
