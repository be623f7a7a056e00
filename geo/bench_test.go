package geo_test

import (
	"image"
	"image/color"
	"testing"

	"cstomap/assets"
	"cstomap/geo"

	"github.com/fogleman/gg"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// The budgets of these benchmarks, as ratios to their baselines and as
// absolute targets, are data in scripts/bench/budgets.toml; `make bench`
// records them in docs/BENCHMARKS.md and `make bench-check` enforces them.

// BenchmarkRenderFrame draws a full 1920×1080 frame for a new viewport each
// time (alternating between two), so the geometry is rasterised every time.
func BenchmarkRenderFrame(b *testing.B) {
	r := geo.NewRenderer(testWorld(b))
	v := geo.DefaultFraming.View(r.Projected(geo.Eurasia), 1920, 1080)
	views := []geo.Viewport{v, v.Pan(1, 0)}
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	// One frame first, so the caches sized by the image (allocated once per
	// window size) are not counted against a short -benchtime.
	r.Render(img, geo.Frame{View: views[1], Style: geo.LightStyle, Paint: cstoPalette, Selected: "ARM"})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		r.Render(img, geo.Frame{View: views[i%2], Style: geo.LightStyle, Paint: cstoPalette, Selected: "ARM"})
		i++
	}
}

// BenchmarkRenderRecolour draws the same viewport with new colours each
// time.
func BenchmarkRenderRecolour(b *testing.B) {
	r := geo.NewRenderer(testWorld(b))
	v := geo.DefaultFraming.View(r.Projected(geo.Eurasia), 1920, 1080)
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	alt := func(iso string) geo.Paint {
		if iso == "ARM" {
			return geo.Paint{Fill: color.RGBA{0xe6, 0x9f, 0, 0xff}, Hatch: color.RGBA{0x60, 0x40, 0, 0xff}}
		}
		return cstoPalette(iso)
	}
	paints := []geo.PaintFunc{cstoPalette, alt}
	r.Render(img, geo.Frame{View: v, Style: geo.LightStyle, Paint: cstoPalette, Selected: "ARM"})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		r.Render(img, geo.Frame{View: v, Style: geo.LightStyle, Paint: paints[i%2], Selected: "ARM"})
		i++
	}
}

// BenchmarkRenderGG is the baseline: a straightforward fogleman/gg rendering
// of the same frame, projecting every vertex and filling and stroking each
// country.
func BenchmarkRenderGG(b *testing.B) {
	w := testWorld(b)
	pr := geo.Project(w, geo.Eurasia)
	v := geo.DefaultFraming.View(pr, 1920, 1080)
	dc := gg.NewContext(1920, 1080)
	b.ReportAllocs()
	for b.Loop() {
		dc.SetColor(geo.LightStyle.Sea)
		dc.Clear()
		for _, p := range pr.Parts {
			c := w.Countries[p.Country]
			for _, ring := range p.Rings {
				for i := 0; i+1 < len(ring); i += 2 {
					x, y := v.FromProjected(float64(ring[i]), float64(ring[i+1]))
					if i == 0 {
						dc.MoveTo(x, y)
					} else {
						dc.LineTo(x, y)
					}
				}
				dc.ClosePath()
			}
			dc.SetColor(cstoPalette(c.ISO).Fill)
			dc.FillPreserve()
			dc.SetColor(geo.LightStyle.Border)
			dc.SetLineWidth(0.8)
			dc.Stroke()
		}
	}
}

// BenchmarkCountryAt hit-tests random points of the default view.
func BenchmarkCountryAt(b *testing.B) {
	w := testWorld(b)
	pts := randomViewPoints(defaultView(b, 1920, 1080), 4096)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := pts[i%len(pts)]
		w.CountryAt(p[0], p[1])
		i++
	}
}

// BenchmarkCountryAtNaive is the baseline: orb's planar.MultiPolygonContains
// behind each country's whole bounding box.
func BenchmarkCountryAtNaive(b *testing.B) {
	w := testWorld(b)
	bounds := make([]orb.Bound, len(w.Countries))
	for i, c := range w.Countries {
		bounds[i] = c.Geometry.Bound()
	}
	pts := randomViewPoints(defaultView(b, 1920, 1080), 4096)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := orb.Point(pts[i%len(pts)])
		for ci, c := range w.Countries {
			if bounds[ci].Contains(p) && planar.MultiPolygonContains(c.Geometry, p) {
				break
			}
		}
		i++
	}
}

// BenchmarkLoadOutlines is start-up's share: decode the embedded compact
// outlines and index them by code. The hit-testing index is built on the
// first query, after the first frame (BenchmarkLoadAndHitIndex).
func BenchmarkLoadOutlines(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := geo.LoadCompact(assets.Countries); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadAndHitIndex loads the outlines and answers one query, which
// builds the hit-testing index.
func BenchmarkLoadAndHitIndex(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		w, err := geo.LoadCompact(assets.Countries)
		if err != nil {
			b.Fatal(err)
		}
		w.CountryAt(37.6176, 55.7558)
	}
}

// BenchmarkLoadGeoJSON is the baseline: decode the GeoJSON with orb.
func BenchmarkLoadGeoJSON(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := geo.FromGeoJSON(assets.NaturalEarth); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProject projects the whole world once (done once per projection,
// not per frame).
func BenchmarkProject(b *testing.B) {
	w := testWorld(b)
	b.ReportAllocs()
	for b.Loop() {
		geo.Project(w, geo.Eurasia)
	}
}
