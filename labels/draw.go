package labels

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

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
// into the halo, then both composited. The masks come from the cache
// (masks) when the name was drawn before at the same sub-pixel phase.
func drawLabel(dst *image.RGBA, l Label, f font.Face, c color.RGBA, st Style, emph bool, ox, oy float64) {
	box := l.Box.Offset(ox, oy)
	r := image.Rect(int(math.Floor(box.X0)), int(math.Floor(box.Y0)), int(math.Ceil(box.X1)), int(math.Ceil(box.Y1)))
	if r.Empty() {
		return
	}
	lines := l.Lines
	if len(lines) == 0 {
		lines = []Line{{Text: l.Text, X: l.X, Y: l.Y, Width: l.Width}}
	}
	if emph {
		c = st.Emphasis
	}
	// Everything relative to the whole pixel at the first line's dot.
	dot := func(ln Line) fixed.Point26_6 {
		return fixed.Point26_6{X: fixed.Int26_6(math.Round((ln.X + ox) * 64)), Y: fixed.Int26_6(math.Round((ln.Y + oy) * 64))}
	}
	d0 := dot(lines[0])
	org := image.Point{X: d0.X.Floor(), Y: d0.Y.Floor()}
	shift := fixed.Point26_6{X: fixed.I(org.X), Y: fixed.I(org.Y)}
	rec := recipe{rect: r.Sub(org), halo: int(math.Round(l.Halo)), lines: make([]recipeLine, 0, 2)}
	for _, ln := range lines {
		rl := recipeLine{text: ln.Text, dot: dot(ln).Sub(shift)}
		if emph {
			th := math.Max(1, math.Round(l.Size*0.06))
			y0 := math.Round(ln.Y + oy + l.Size*0.08)
			rl.underline = image.Rect(int(math.Round(ln.X+ox)), int(y0), int(math.Round(ln.X+ox+ln.Width)), int(y0+th)).Sub(org)
		}
		rec.lines = append(rec.lines, rl)
	}
	m := masks.get(f, &rec)
	composite(dst, r, m, st.Halo, c, org)
}

// composite draws the halo of m in halo and then its glyphs in text over
// dst within r, m's origin at org: what draw.DrawMask does for each, with
// a uniform colour and draw.Over, pixel for pixel, but in one pass that
// skips the pixels outside the halo and, where an opaque halo covers the
// pixel fully (most of a name), writes the text over the halo from a table
// of the 256 coverages, as over makes them.
func composite(dst *image.RGBA, r image.Rectangle, m nameMask, halo, text color.RGBA, org image.Point) {
	r = r.Intersect(dst.Rect).Intersect(m.halo.Rect.Add(org))
	if r.Empty() {
		return
	}
	hr, hg, hb, ha := halo.RGBA()
	tr, tg, tb, ta := text.RGBA()
	var onHalo *[256][4]uint8
	if halo.A == 0xff {
		onHalo = blends.get(halo, text)
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		d := dst.Pix[dst.PixOffset(r.Min.X, y):][:4*r.Dx()]
		mo := m.halo.PixOffset(r.Min.X-org.X, y-org.Y)
		hs := m.halo.Pix[mo:][:r.Dx()]
		gs := m.glyphs.Pix[mo:][:r.Dx()]
		for i, h := range hs {
			g := gs[i]
			if h|g == 0 {
				continue
			}
			px := d[4*i : 4*i+4 : 4*i+4]
			switch {
			case h == 0xff && onHalo != nil:
				c := &onHalo[g]
				px[0], px[1], px[2], px[3] = c[0], c[1], c[2], c[3]
				continue
			case g == 0xff && text.A == 0xff: // the text covers the halo
				px[0], px[1], px[2], px[3] = text.R, text.G, text.B, text.A
				continue
			}
			over(px, h, hr, hg, hb, ha, halo)
			if g != 0 {
				over(px, g, tr, tg, tb, ta, text)
			}
		}
	}
}

// blendCache keeps, for a pair of an opaque halo colour and a text
// colour, the pixel the text makes over the halo at each coverage. A
// style has a few such pairs (member, context, emphasis; light and dark).
type blendCache struct {
	mu sync.Mutex
	m  map[[2]color.RGBA]*[256][4]uint8
}

var blends = blendCache{m: map[[2]color.RGBA]*[256][4]uint8{}}

// maxBlends bounds the pairs kept; past it they are made afresh.
const maxBlends = 64

func (b *blendCache) get(halo, text color.RGBA) *[256][4]uint8 {
	k := [2]color.RGBA{halo, text}
	b.mu.Lock()
	t, ok := b.m[k]
	b.mu.Unlock()
	if ok {
		return t
	}
	t = new([256][4]uint8)
	tr, tg, tb, ta := text.RGBA()
	for g := range t {
		t[g] = [4]uint8{halo.R, halo.G, halo.B, halo.A}
		over(t[g][:], uint8(g), tr, tg, tb, ta, text)
	}
	b.mu.Lock()
	if len(b.m) >= maxBlends {
		clear(b.m)
	}
	b.m[k] = t
	b.mu.Unlock()
	return t
}

// over composites the colour (c, whose premultiplied 16-bit components
// are sr, sg, sb, sa) over the pixel px with coverage ma, as
// draw.DrawMask with a uniform source, an alpha mask and draw.Over does.
func over(px []uint8, ma uint8, sr, sg, sb, sa uint32, c color.RGBA) {
	switch {
	case ma == 0:
		return
	case ma == 0xff && c.A == 0xff:
		px[0], px[1], px[2], px[3] = c.R, c.G, c.B, c.A
		return
	}
	const m = 1<<16 - 1
	a32 := uint32(ma)
	a32 |= a32 << 8
	a := (m - (sa * a32 / m)) * 0x101
	px[0] = uint8((uint32(px[0])*a + sr*a32) / m >> 8)
	px[1] = uint8((uint32(px[1])*a + sg*a32) / m >> 8)
	px[2] = uint8((uint32(px[2])*a + sb*a32) / m >> 8)
	px[3] = uint8((uint32(px[3])*a + sa*a32) / m >> 8)
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
