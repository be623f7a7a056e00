package export

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Job is one export as the dialog and the command line start it: a single
// image, one image per year into a folder, or an animation.
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
	return j.Format != GIF && len(j.Years) > 0
}

// years returns the years the job draws.
func (j Job) years() []int {
	if len(j.Years) > 0 {
		return j.Years
	}
	if j.Format == GIF && j.Options.Alliance != nil {
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
// options, and every year drawn. The error is a *Problem.
func (j Job) Check() error {
	if j.Format != PNG && j.Format != SVG && j.Format != GIF {
		return problem("format", "unknown format %q (want png, svg or gif)", j.Format)
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
