package labels

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// Style is how labels are drawn.
type Style struct {
	// Member and Context are the text colours of the two kinds.
	Member, Context color.RGBA
	// Halo surrounds every glyph and leader line, so text reads over any
	// fill, the hatching included: the map's background colour.
	Halo color.RGBA
	// Leader is the colour of leader lines; LeaderWidth their width in
	// pixels.
	Leader      color.RGBA
	LeaderWidth float64
	// Emphasis colours the emphasised label's text and underline.
	Emphasis color.RGBA
}

// Draw draws the labels onto dst with their top-left origin at (ox, oy)
// of dst (the map frame's corner): first every leader line over a halo,
// then every label over its halo. The label of emphasise (an ISO code, or
// "") is underlined in the Emphasis colour. face must be the one the
// labels were placed with.
func Draw(dst *image.RGBA, ls []Label, face FaceFunc, st Style, emphasise string, ox, oy float64) {
	if face == nil {
		face = defaultFaces.Face
	}
	for _, l := range ls {
		if !l.Leader {
			continue
		}
		lw := math.Max(0.75, st.LeaderWidth)
		x0, y0, x1, y1 := l.LX0+ox, l.LY0+oy, l.LX1+ox, l.LY1+oy
		drawLine(dst, x0, y0, x1, y1, lw+2*math.Max(1, l.Halo*0.35), st.Halo)
		drawLine(dst, x0, y0, x1, y1, lw, st.Leader)
	}
	for _, l := range ls {
		c := st.Member
		if l.Kind == Context {
			c = st.Context
		}
		drawLabel(dst, l, face(l.Bold, l.Size), c, st, l.ISO == emphasise && emphasise != "", ox, oy)
	}
}

// drawLabel draws one label: its glyphs into a mask, the mask dilated
// into the halo, then both composited.
func drawLabel(dst *image.RGBA, l Label, f font.Face, c color.RGBA, st Style, emph bool, ox, oy float64) {
	box := l.Box.Offset(ox, oy)
	r := image.Rect(int(math.Floor(box.X0)), int(math.Floor(box.Y0)), int(math.Ceil(box.X1)), int(math.Ceil(box.Y1)))
	if r.Empty() {
		return
	}
	glyphs := image.NewAlpha(r)
	lines := l.Lines
	if len(lines) == 0 {
		lines = []Line{{Text: l.Text, X: l.X, Y: l.Y, Width: l.Width}}
	}
	if emph {
		c = st.Emphasis
	}
	for _, ln := range lines {
		d := font.Drawer{Dst: glyphs, Src: image.Opaque, Face: f,
			Dot: fixed.Point26_6{X: fixed.Int26_6(math.Round((ln.X + ox) * 64)), Y: fixed.Int26_6(math.Round((ln.Y + oy) * 64))}}
		d.DrawString(ln.Text)
		if emph {
			th := math.Max(1, math.Round(l.Size*0.06))
			y0 := math.Round(ln.Y + oy + l.Size*0.08)
			fillAlpha(glyphs, image.Rect(int(math.Round(ln.X+ox)), int(y0), int(math.Round(ln.X+ox+ln.Width)), int(y0+th)))
		}
	}
	halo := dilate(glyphs, int(math.Round(l.Halo)))
	draw.DrawMask(dst, r, image.NewUniform(st.Halo), image.Point{}, halo, r.Min, draw.Over)
	draw.DrawMask(dst, r, image.NewUniform(c), image.Point{}, glyphs, r.Min, draw.Over)
}

// fillAlpha makes the pixels of r in m opaque.
func fillAlpha(m *image.Alpha, r image.Rectangle) {
	r = r.Intersect(m.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := m.Pix[m.PixOffset(r.Min.X, y):][:r.Dx()]
		for i := range row {
			row[i] = 0xff
		}
	}
}

// dilate returns m grown by radius pixels: each pixel the most alpha
// within a square of side 2·radius+1 around it, as a horizontal then a
// vertical running window (a square halo reads as well as a round one at
// these sizes and costs a fraction).
func dilate(m *image.Alpha, radius int) *image.Alpha {
	w, h := m.Rect.Dx(), m.Rect.Dy()
	tmp := make([]uint8, w*h)
	for y := 0; y < h; y++ {
		src := m.Pix[y*m.Stride : y*m.Stride+w]
		dst := tmp[y*w : y*w+w]
		for x := range dst {
			lo, hi := max(0, x-radius), min(w-1, x+radius)
			v := uint8(0)
			for _, a := range src[lo : hi+1] {
				if a > v {
					v = a
				}
			}
			dst[x] = v
		}
	}
	out := &image.Alpha{Pix: make([]uint8, w*h), Stride: w, Rect: m.Rect}
	for y := 0; y < h; y++ {
		lo, hi := max(0, y-radius), min(h-1, y+radius)
		dst := out.Pix[y*w : y*w+w]
		for yy := lo; yy <= hi; yy++ {
			src := tmp[yy*w : yy*w+w]
			for x, a := range src {
				if a > dst[x] {
					dst[x] = a
				}
			}
		}
	}
	return out
}

// drawLine draws the segment with the width, anti-aliased, in c.
func drawLine(dst *image.RGBA, x0, y0, x1, y1, width float64, c color.RGBA) {
	dx, dy := x1-x0, y1-y0
	n := math.Hypot(dx, dy)
	if n == 0 {
		return
	}
	hw := width / 2
	// The normal, and the ends pushed out by half the width (square caps).
	nx, ny := -dy/n*hw, dx/n*hw
	ex, ey := dx/n*hw, dy/n*hw
	pts := [4][2]float64{{x0 - ex + nx, y0 - ey + ny}, {x1 + ex + nx, y1 + ey + ny}, {x1 + ex - nx, y1 + ey - ny}, {x0 - ex - nx, y0 - ey - ny}}
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		minX, minY = math.Min(minX, p[0]), math.Min(minY, p[1])
		maxX, maxY = math.Max(maxX, p[0]), math.Max(maxY, p[1])
	}
	r := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX)), int(math.Ceil(maxY))).Intersect(dst.Rect)
	if r.Empty() {
		return
	}
	z := vector.NewRasterizer(r.Dx(), r.Dy())
	ox, oy := float64(r.Min.X), float64(r.Min.Y)
	z.MoveTo(float32(pts[0][0]-ox), float32(pts[0][1]-oy))
	for _, p := range pts[1:] {
		z.LineTo(float32(p[0]-ox), float32(p[1]-oy))
	}
	z.ClosePath()
	z.DrawOp = draw.Over
	z.Draw(dst, r, image.NewUniform(c), image.Point{})
}
