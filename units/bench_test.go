package units_test

import (
	"image"
	"testing"
	"time"

	"cstomap/assets"
	"cstomap/geo"
	"cstomap/palette"
	"cstomap/timeline"
	"cstomap/units"
)

var benchToday = time.Date(2026, time.March, 1, 12, 0, 0, 0, time.UTC)

func nato(b *testing.B) *timeline.Alliance {
	b.Helper()
	as, err := timeline.LoadFS(assets.Alliances, "alliances", atlas(b).Known)
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range as {
		if a.ID == "nato" {
			return a
		}
	}
	b.Fatal("no nato")
	return nil
}

// yearStep is what the window does on a year step: the year's outlines
// (WorldIn, then the renderer kept for them), its statuses, and a
// 1920×1080 frame of NATO's framing, the view unchanged. Between 1990 and
// 1991 the outlines change, and with them the renderer.
func yearStep(b *testing.B, years [2]int) {
	a, al := atlas(b), nato(b)
	renderers := map[*geo.World]*geo.Renderer{}
	f, err := geo.NewFraming(al.Map.CenterLon, al.Map.Parallels[0], al.Map.Parallels[1], al.Map.Fit)
	if err != nil {
		b.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	base := geo.NewRenderer(a.Base())
	v := f.View(base.Projected(f.Proj), 1920, 1080) // the window keeps the modern framing's region
	step := func(year int) {
		w := a.WorldIn(year)
		r, ok := renderers[w]
		if !ok {
			r = geo.NewRenderer(w)
			renderers[w] = r
		}
		st := palette.ForYear(al, w.Territories(), year, benchToday)
		r.Render(img, geo.Frame{View: v, Style: palette.Light.Map, Paint: palette.Light.PaintFunc(st), Selected: "DEU"})
	}
	// Both years once first: each set of outlines has been drawn in this
	// view, as in the window after the first step there and back.
	step(years[0])
	step(years[1])
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		step(years[i%2])
		i++
	}
}

// BenchmarkYearStepAcross1990 steps between 1990 and 1991, from the two
// Germanys to one and back. Its baseline is BenchmarkYearStepNormal.
func BenchmarkYearStepAcross1990(b *testing.B) { yearStep(b, [2]int{1990, 1991}) }

// BenchmarkYearStepNormal steps between 2000 and 2001, on one set of
// outlines.
func BenchmarkYearStepNormal(b *testing.B) { yearStep(b, [2]int{2000, 2001}) }

// BenchmarkYearStepAcross1990Cold steps across 1990/1991 with a renderer
// that has not drawn the view yet (as after a pan or zoom in the other
// set of years): the frame is rasterised from scratch, as for a pan.
func BenchmarkYearStepAcross1990Cold(b *testing.B) {
	a, al := atlas(b), nato(b)
	f, err := geo.NewFraming(al.Map.CenterLon, al.Map.Parallels[0], al.Map.Parallels[1], al.Map.Fit)
	if err != nil {
		b.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	rs := []*geo.Renderer{geo.NewRenderer(a.WorldIn(1990)), geo.NewRenderer(a.WorldIn(1991))}
	v := f.View(rs[1].Projected(f.Proj), 1920, 1080)
	views := []geo.Viewport{v, v.Pan(1, 0)}
	for _, r := range rs {
		r.Render(img, geo.Frame{View: views[1], Style: palette.Light.Map})
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		// Renderer i%2 last drew the other view: it rasterises again.
		year := 1990 + i%2
		st := palette.ForYear(al, nil, year, benchToday)
		rs[i%2].Render(img, geo.Frame{View: views[(i/2)%2], Style: palette.Light.Map, Paint: palette.Light.PaintFunc(st), Selected: "DEU"})
		i++
	}
}

// BenchmarkWorldIn is the look-up of a year's outlines.
func BenchmarkWorldIn(b *testing.B) {
	a := atlas(b)
	y := 0
	for b.Loop() {
		_ = a.WorldIn(1985 + y%10)
		y++
	}
}

// BenchmarkPanFrame is the baseline of BenchmarkYearStepAcross1990Cold:
// one renderer drawing NATO's view and the view panned by a pixel in turn,
// each frame rasterised from scratch, as while dragging the map.
func BenchmarkPanFrame(b *testing.B) {
	a, al := atlas(b), nato(b)
	f, err := geo.NewFraming(al.Map.CenterLon, al.Map.Parallels[0], al.Map.Parallels[1], al.Map.Fit)
	if err != nil {
		b.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	r := geo.NewRenderer(a.WorldIn(1991))
	v := f.View(r.Projected(f.Proj), 1920, 1080)
	views := []geo.Viewport{v, v.Pan(1, 0)}
	r.Render(img, geo.Frame{View: views[1], Style: palette.Light.Map})
	st := palette.ForYear(al, nil, 1991, benchToday)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		r.Render(img, geo.Frame{View: views[i%2], Style: palette.Light.Map, Paint: palette.Light.PaintFunc(st), Selected: "DEU"})
		i++
	}
}

// BenchmarkLoad is the atlas's share of start-up: parsing units.json,
// decoding units.bin and building the world of 1949–1990.
func BenchmarkLoad(b *testing.B) {
	base := modern(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := units.Load(base, assets.Units, "units.json", assets.UnitsBin); err != nil {
			b.Fatal(err)
		}
	}
}
