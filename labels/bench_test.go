package labels

import (
	"image"
	"testing"

	"cstomap/geo"
	"cstomap/palette"
)

// hdInput is the budget's input: the CSTO view at 1920×1080 in 2024, and
// the same view panned by a pixel, so that each placement is for a new
// viewport.
func hdInput(b *testing.B) []Input {
	_, as := load(b)
	a := as["csto"]
	pr, v := framed(b, a, 1920, 1080)
	in := Input{Proj: pr, View: v, Statuses: statuses(a, 2024), Size: 17, MinSize: 9, Context: true, Face: (&Faces{}).Face}
	in2 := in
	in2.View = v.Pan(1, 0)
	Place(in) // the poles, cached per projected world as the renderer caches its projection
	return []Input{in, in2}
}

// BenchmarkPlaceCSTOHD is the budget: label placement, CSTO view,
// 1920×1080, ≤ 5 ms; BenchmarkRenderFrameHD is its baseline in the same
// run.
func BenchmarkPlaceCSTOHD(b *testing.B) {
	ins := hdInput(b)
	i := 0
	for b.Loop() {
		Place(ins[i%2])
		i++
	}
}

// BenchmarkRenderFrameHD renders the same two viewports' countries with
// geo's renderer: the frame the names are drawn over.
func BenchmarkRenderFrameHD(b *testing.B) {
	ins := hdInput(b)
	_, as := load(b)
	r := geo.NewRenderer(ins[0].Proj.World)
	st := palette.ForYear(as["csto"], ins[0].Proj.World.Territories(), 2024, today)
	paint := palette.Light.PaintFunc(st)
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	r.Render(img, geo.Frame{View: ins[1].View, Style: geo.LightStyle, Paint: paint})
	i := 0
	for b.Loop() {
		r.Render(img, geo.Frame{View: ins[i%2].View, Style: geo.LightStyle, Paint: paint})
		i++
	}
}

// BenchmarkDrawCSTOHD draws the placed names (halo, text, leaders) of the
// two viewports in turn, as panning draws them: the names' masks come
// from the cache. BenchmarkDrawCSTOHDFresh is its baseline in the same
// run: each name's glyphs drawn and dilated afresh, as before the cache.
func BenchmarkDrawCSTOHD(b *testing.B) {
	benchDraw(b, Draw)
}

func BenchmarkDrawCSTOHDFresh(b *testing.B) {
	benchDraw(b, func(dst *image.RGBA, ls []Label, face FaceFunc, st Style, emph string, ox, oy float64) {
		Draw(dst, leadersOnly(ls), face, st, emph, ox, oy)
		for _, l := range ls {
			c := st.Member
			if l.Kind == Context {
				c = st.Context
			}
			drawLabelFresh(dst, l, face(l.Bold, l.Size), c, st, l.ISO == emph && emph != "", ox, oy)
		}
	})
}

// leadersOnly returns ls with every label's text empty, so Draw draws
// only the leaders.
func leadersOnly(ls []Label) []Label {
	out := make([]Label, len(ls))
	for i, l := range ls {
		l.Box, l.Lines, l.Text = Rect{}, nil, ""
		out[i] = l
	}
	return out
}

func benchDraw(b *testing.B, draw func(*image.RGBA, []Label, FaceFunc, Style, string, float64, float64)) {
	ins := hdInput(b)
	res := [2][]Label{Place(ins[0]).Labels, Place(ins[1]).Labels}
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	st := Style{Member: palette.Light.Text, Context: palette.Light.SubtleText, Halo: palette.Light.Background,
		Leader: palette.Light.SubtleText, LeaderWidth: 1, Emphasis: palette.Light.Text}
	i := 0
	for b.Loop() {
		draw(img, res[i%2], ins[0].Face, st, "ARM", 0, 0)
		i++
	}
}

// BenchmarkPole and BenchmarkPoleNaive find the pole of Russia's largest
// part: the quadtree search against a 200×200 grid (which is still
// coarser: about 0.4% of the box per step).
func BenchmarkPole(b *testing.B) {
	rings := largestPart(b, "RUS")
	for b.Loop() {
		Pole(rings, 1e-3)
	}
}

func BenchmarkPoleNaive(b *testing.B) {
	rings := largestPart(b, "RUS")
	for b.Loop() {
		PoleNaive(rings, 200)
	}
}

// BenchmarkPlaceCSTOHDCold is the first placement for a projection, as at
// start-up: the poles of the countries are searched for too.
func BenchmarkPlaceCSTOHDCold(b *testing.B) {
	in := hdInput(b)[0]
	for b.Loop() {
		b.StopTimer()
		cold := in
		cold.Proj = geo.Project(in.Proj.World, in.Proj.Proj)
		b.StartTimer()
		Place(cold)
	}
}
