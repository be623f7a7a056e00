package geo

import (
	"image"
	"image/draw"
	"testing"

	"cstomap/assets"

	"github.com/stretchr/testify/require"
)

// refFill rasterises the parts of one country clipped to bb by walking
// every ring through clipPen, as the renderer did before the edges were
// listed by strip: the reference for the strips' spans.
func refFill(w *worker, parts []pxPart, bb image.Rectangle) []uint8 {
	bw, bh := bb.Dx(), bb.Dy()
	w.z.Reset(bw, bh)
	w.z.DrawOp = draw.Src
	ox, oy := float32(bb.Min.X), float32(bb.Min.Y)
	pen := clipPen{z: &w.z, h: float32(bh)}
	for _, p := range parts {
		if p.y1 < oy || p.y0 > oy+float32(bh) {
			continue
		}
		for _, ring := range p.rings {
			pen.moveTo(ring[0]-ox, ring[1]-oy)
			for i := 2; i < len(ring); i += 2 {
				pen.lineTo(ring[i]-ox, ring[i+1]-oy)
			}
		}
	}
	m := image.NewAlpha(image.Rect(0, 0, bw, bh))
	w.z.Draw(m, m.Rect, image.Opaque, image.Point{})
	return m.Pix
}

// TestStripSpansMatchClipPen checks that rasterising a strip from the
// edges listed for it (and a country only as wide as its edges there
// reach) gives, to the bit, the coverage and borders of walking every ring
// and ribbon through clipPen.
func TestStripSpansMatchClipPen(t *testing.T) {
	world, err := LoadCompact(assets.Countries)
	require.NoError(t, err)
	f := Framing{Proj: MustAlbers(80, 55, 45, 65), Fit: []string{"RUS", "KAZ", "ARM", "BLR", "MNG"}}
	r := NewRenderer(world)
	pr := r.Projected(f.Proj)
	ref := &worker{}
	for _, tc := range []struct {
		w, h  int
		zoom  float64
		scale float64
	}{{1920, 1080, 1, 2}, {640, 400, 1, 1}, {1600, 1000, 6, 3.5}, {1000, 130, 0.4, 1}} {
		v := f.View(pr, tc.w, tc.h).ZoomAt(float64(tc.w)/3, float64(tc.h)/2, tc.zoom)
		st := LightStyle
		st.PixelScale = tc.scale
		r.Render(image.NewRGBA(image.Rect(0, 0, tc.w, tc.h)), Frame{View: v, Style: st})
		bw := st.BorderWidth * st.PixelScale
		// The chunks' vertices are dropped after a frame: list them again.
		px := r.prepare(v, bw)
		require.Equal(t, r.toPixels(v, -1).bb, px.bb)
		got := &worker{}
		for s := 0; s*stripRows < tc.h; s++ {
			strip := image.Rect(0, s*stripRows, tc.w, min((s+1)*stripRows, tc.h))
			for _, c := range r.chunks {
				eachCountry(c.fill.spans[s], func(ci int, run []span, mx float32) {
					bb := px.bb[ci].Intersect(strip)
					if bb.Empty() {
						return
					}
					want := refFill(ref, px.parts[ci], bb)
					nb := bb
					nb.Max.X = bb.Min.X + fillWidth(bb.Dx(), mx-float32(bb.Min.X))
					m := got.fillSpans(&c.fill, run, nb)
					for y := range bb.Dy() {
						row := want[y*bb.Dx() : (y+1)*bb.Dx()]
						require.Equal(t, row[:nb.Dx()], m[y*nb.Dx():(y+1)*nb.Dx()], "%v country %d strip %d row %d", tc, ci, s, y)
						require.Equal(t, make([]uint8, bb.Dx()-nb.Dx()), row[nb.Dx():], "%v country %d strip %d row %d", tc, ci, s, y)
					}
				})
			}
			want := make([]uint8, strip.Dx()*strip.Dy())
			ref.stroke(px.parts, strip, bw, want, true)
			require.Equal(t, want, r.border[strip.Min.Y*tc.w:strip.Max.Y*tc.w], "%v borders of strip %d", tc, s)
		}
	}
}
