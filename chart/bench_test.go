package chart

import (
	"image"
	"testing"
	"time"

	"cstomap/geo"
	"cstomap/internal/typeset"
	"cstomap/palette"
)

// The chart frame's budget is 16 ms for NATO (32 rows × 77 years) at
// 1920×1080 (issue 12); scripts/bench/budgets.toml holds it, beside the
// map frame of the same size measured here as the baseline.

var benchToday = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

// BenchmarkChartFrameNATO lays out and draws the NATO chart at 1920×1080,
// as the window does when the year changes: a new layout (the year line
// moves) and a full redraw into the frame's buffer. The model is made
// once per alliance, as in the window.
func BenchmarkChartFrameNATO(b *testing.B) {
	m := model(b, "nato", benchToday)
	fs := typeset.Faces{}
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	st := Style{Palette: palette.Light, Selected: "USA"}
	years := []int{1999, 2000}
	m.Layout(fs, img.Rect, Options{Year: 2000, Key: true}).Draw(img, st)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m.Layout(fs, img.Rect, Options{Year: years[i%2], Key: true}).Draw(img, st)
		i++
	}
}

// BenchmarkChartFrameMapBaseline is the baseline: the map's frame of the
// same size for a year step (the same viewport, new colours), drawn by
// geo's renderer as the window draws it.
func BenchmarkChartFrameMapBaseline(b *testing.B) {
	d := load(b)
	a, err := d.Alliance("nato")
	if err != nil {
		b.Fatal(err)
	}
	r := geo.NewRenderer(d.World)
	// NATO's own framing, from its file's "map" block (export.FramingOf
	// would import this package).
	f, err := geo.NewFraming(a.Map.CenterLon, a.Map.Parallels[0], a.Map.Parallels[1], a.Map.Fit)
	if err != nil {
		b.Fatal(err)
	}
	v := f.View(r.Projected(f.Proj), 1920, 1080)
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	paints := []geo.PaintFunc{
		palette.Light.PaintFunc(palette.ForYear(a, d.World.Territories(), 1999, benchToday)),
		palette.Light.PaintFunc(palette.ForYear(a, d.World.Territories(), 2000, benchToday)),
	}
	st := palette.Light.Map
	r.Render(img, geo.Frame{View: v, Style: st, Paint: paints[0], Selected: "USA"})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		r.Render(img, geo.Frame{View: v, Style: st, Paint: paints[i%2], Selected: "USA"})
		i++
	}
}
