package eventmarks_test

import (
	"image"
	"testing"

	assetsfs "cstomap/assets"
	"cstomap/eventmarks"
	"cstomap/geo"
	"cstomap/palette"
	"cstomap/timeline"
)

// The budget (issue 12): adding the markers of a year to a 1920×1080 frame
// takes at most 1 ms, beside the frame itself (BenchmarkFrameHD, the
// baseline) measured in the same run. Both are in scripts/bench/budgets.toml.

// BenchmarkMarkersHD places and draws the markers of 2022 (the busiest
// year: 10 markers in the default view) over a 1920×1080 frame.
func BenchmarkMarkersHD(b *testing.B) {
	w, evs := load(b)
	v := view(b, w, 1920, 1080)
	year := ofYear(evs, 2022)
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	var p eventmarks.Painter
	b.ReportAllocs()
	for b.Loop() {
		l := eventmarks.Place(v, year, eventmarks.Light)
		p.Draw(img, l)
	}
}

// BenchmarkFrameHD is the baseline: the plain map frame the markers are
// added to, recoloured for a new year over the same viewport (as a year
// step in the window draws it).
func BenchmarkFrameHD(b *testing.B) {
	w, _ := load(b)
	r := geo.NewRenderer(w)
	v := geo.DefaultFraming.View(r.Projected(geo.Eurasia), 1920, 1080)
	all, err := timeline.LoadFS(assetsfs.Alliances, "alliances", w.Known)
	if err != nil {
		b.Fatal(err)
	}
	paints := []geo.PaintFunc{
		palette.Light.PaintFunc(palette.ForYear(all[0], w.Territories(), 2021, today)),
		palette.Light.PaintFunc(palette.ForYear(all[0], w.Territories(), 2022, today)),
	}
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	r.Render(img, geo.Frame{View: v, Style: geo.LightStyle, Paint: paints[0]})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		r.Render(img, geo.Frame{View: v, Style: geo.LightStyle, Paint: paints[i%2]})
		i++
	}
}
