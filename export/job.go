package export

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"time"

	"cstomap/events"
	"cstomap/geo"
)

// Job is one export as the dialog and the command line start it: a single
// image, one image per year into a folder, an animation, or the data of
// the map (a GeoJSON file of the year, a CSV table of the years).
type Job struct {
	Options Options
	Format  Format
	// Path is the file to write, or for a per-year export the folder.
	Path string
	// Years are the frames of a GIF, or with PNG and SVG the years of a
	// per-year export. Empty means Options.Year alone for PNG and SVG,
	// and the alliance's whole range for GIF.
	Years []int
	// Delay is the GIF frame delay; 0 means DefaultDelay.
	Delay time.Duration
	// Events are written as points into a GeoJSON file (see GeoJSONOf);
	// other formats ignore them. Settings.Job sets them to the year's
	// events of the scene unless the settings hide events.
	Events []events.Event

	// open opens the temporary files; nil means newPending. Tests set it
	// to inject faults.
	open opener
}

// opener returns how the job opens its temporary files.
func (j Job) opener() opener {
	if j.open != nil {
		return j.open
	}
	return newPending
}

// YearsBetween returns first, first+1, …, last (nil if last < first).
// Callers check the range first (Settings.Job does): the list has one
// entry per year.
func YearsBetween(first, last int) []int {
	if last < first {
		return nil
	}
	ys := make([]int, 0, last-first+1)
	for y := first; ; y++ {
		ys = append(ys, y)
		if y == last {
			return ys
		}
	}
}

// PerYear reports whether j writes one image per year into a folder.
func (j Job) PerYear() bool {
	return (j.Format == PNG || j.Format == SVG) && len(j.Years) > 0
}

// years returns the years the job draws.
func (j Job) years() []int {
	if len(j.Years) > 0 {
		return j.Years
	}
	if (j.Format == GIF || j.Format == CSV) && j.Options.Alliance != nil {
		return YearsBetween(j.Options.Alliance.YearRange(j.Options.Today))
	}
	return []int{j.Options.Year}
}

// Targets returns the files the job will write, so that a caller can ask
// before any existing one is replaced.
func (j Job) Targets() []string {
	if !j.PerYear() {
		return []string{j.Path}
	}
	var ps []string
	for _, y := range j.Years {
		ps = append(ps, filepath.Join(j.Path, fileName(j.Options.Alliance.ID, y, j.Format)))
	}
	return ps
}

// Existing returns the targets that already exist.
func (j Job) Existing() []string {
	var out []string
	for _, p := range j.Targets() {
		if _, err := os.Lstat(p); err == nil {
			out = append(out, p)
		}
	}
	return out
}

// Check validates the job without writing anything: the format, the
// options, and every year drawn (for the data formats, which have no
// image, only the data and the years). The error is a *Problem.
func (j Job) Check() error {
	switch j.Format {
	case PNG, SVG, GIF:
	case CSV, GeoJSON:
		return j.checkData()
	default:
		return problem("format", "unknown format %q (want png, svg, gif, geojson or csv)", j.Format)
	}
	if err := j.Options.Validate(); err != nil {
		return err
	}
	for _, y := range j.years() {
		if err := j.Options.checkYear(y); err != nil {
			return err
		}
	}
	// A raster that would not fit in memory is refused before any work,
	// rather than ending the process out of memory half way.
	if j.Format != SVG {
		frames := 1
		if j.Format == GIF {
			frames = max(len(j.years()), 2)
		}
		w, h := j.Options.PixelSize()
		if err := CheckMemory(w, h, frames); err != nil {
			return &Problem{Setting: "scale", Msg: err.Error()}
		}
	}
	return nil
}

// Run writes the job's files and returns their paths. Every file is
// written atomically (see WriteFile); a per-year export is all or nothing
// (see WriteFiles), and a per-year folder that does not exist is created
// when its parent does, and removed again if the export fails. A cancelled
// or failed job leaves no file behind and changes no existing file.
func (j Job) Run(ctx context.Context, progress Progress) ([]string, error) {
	if err := j.Check(); err != nil {
		return nil, err
	}
	o := j.Options
	if o.renderers == nil {
		// One renderer per world for every image of the job.
		o.renderers = newRendererCache(o.Renderer)
	}
	switch {
	case j.Format == GIF:
		err := writeFile(j.opener(), j.Path, func(w io.Writer) error {
			return WriteGIF(ctx, w, o, j.years(), j.Delay, progress)
		})
		if err != nil {
			return nil, err
		}
		return []string{j.Path}, nil
	case j.Format.Data():
		if err := writeFile(j.opener(), j.Path, func(w io.Writer) error { return j.writeData(ctx, w) }); err != nil {
			return nil, err
		}
		if progress != nil {
			progress(1, 1)
		}
		return []string{j.Path}, nil
	case j.PerYear():
		paths := j.Targets()
		fs := faces{}
		err := writeFiles(j.opener(), ctx, paths, func(i int, w io.Writer) error {
			oy := o
			oy.Year = j.Years[i]
			return oy.encode(w, j.Format, fs)
		}, progress)
		if err != nil {
			return nil, err
		}
		return paths, nil
	default:
		err := writeFile(j.opener(), j.Path, func(w io.Writer) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			err := o.encode(w, j.Format, faces{})
			if progress != nil && err == nil {
				progress(1, 1)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
		return []string{j.Path}, nil
	}
}

// encode writes o, which is valid, as a PNG or SVG.
func (o Options) encode(w io.Writer, f Format, fs faces) error {
	if f == SVG {
		return WriteSVG(w, o)
	}
	img := o.render(o.renderer(), fs)
	return EncodePNGMeta(w, img, MetaOf(o))
}

// checkData checks a CSV or GeoJSON job: the data is loaded and every
// year is the alliance's.
func (j Job) checkData() error {
	if j.Options.World == nil || j.Options.Alliance == nil {
		return problem("data", "no map data is loaded")
	}
	for _, y := range j.years() {
		if err := j.Options.checkYear(y); err != nil {
			return err
		}
	}
	return nil
}

// writeData writes the CSV table of the job's years, or the GeoJSON of
// its year with its events.
func (j Job) writeData(ctx context.Context, w io.Writer) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	o := j.Options
	if j.Format == GeoJSON {
		return WriteGeoJSON(w, o.Scene, j.Events)
	}
	world := func(y int) *geo.World { // the year's names and territories
		oy := o
		oy.Year = y
		return oy.YearWorld()
	}
	ys := j.years()
	return WriteStatusCSV(w, StatusRows(o.Alliance, ys[0], ys[len(ys)-1], o.Today, world))
}
