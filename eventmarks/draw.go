package eventmarks

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"strconv"

	"golang.org/x/image/vector"

	"cstomap/events"
)

// maxReach is how far the largest shape reaches, in radii.
const maxReach = 1.35

// miterLimit bounds how far a sharp corner's outline reaches, in outline
// widths: the star's points get a slightly thinner outline instead of a
// spike.
const miterLimit = 2.2

// shapes are the symbols' outlines in radii, centred on the event's place,
// y down. The circle is not here: it is drawn as a circle.
var shapes = map[events.Kind][][2]float64{
	events.KindDeployment: regular(3, 1.3, -90),
	events.KindClash:      cross(0.36, 1.12),
	events.KindBase:       {{-0.9, -0.9}, {0.9, -0.9}, {0.9, 0.9}, {-0.9, 0.9}},
	events.KindInvocation: star(5, maxReach, 0.58),
}

// diamond is the shape of a kind without one of its own.
var diamond = regular(4, 1.2, -90)

// regular returns a regular n-gon of circumradius r, its first corner at
// the angle a0 (degrees, clockwise from east since y is down).
func regular(n int, r, a0 float64) [][2]float64 {
	out := make([][2]float64, n)
	for i := range out {
		a := (a0 + 360*float64(i)/float64(n)) * math.Pi / 180
		out[i] = [2]float64{r * math.Cos(a), r * math.Sin(a)}
	}
	return out
}

// star returns an n-pointed star, one point up.
func star(n int, outer, inner float64) [][2]float64 {
	out := make([][2]float64, 2*n)
	for i := range out {
		r := outer
		if i%2 == 1 {
			r = inner
		}
		a := (-90 + 180*float64(i)/float64(n)) * math.Pi / 180
		out[i] = [2]float64{r * math.Cos(a), r * math.Sin(a)}
	}
	return out
}

// cross returns a diagonal cross (×) with arms of half-width w reaching l
// from the centre.
func cross(w, l float64) [][2]float64 {
	plus := [][2]float64{{w, -l}, {w, -w}, {l, -w}, {l, w}, {w, w}, {w, l}, {-w, l}, {-w, w}, {-l, w}, {-l, -w}, {-w, -w}, {-w, -l}}
	c := math.Sqrt2 / 2
	for i, p := range plus {
		plus[i] = [2]float64{c * (p[0] - p[1]), c * (p[0] + p[1])}
	}
	return plus
}

// outline is a symbol's outline in image pixels: a polygon, or a circle
// when Poly is nil.
type outline struct {
	Poly   [][2]float64
	CX, CY float64
	Radius float64 // of the circle
}

// symbol returns the outline of kind k's symbol of radius r at (cx, cy),
// grown outwards by off pixels (mitred corners, within miterLimit).
func symbol(k events.Kind, cx, cy, r, off float64) outline {
	if k == events.KindRequest {
		return outline{CX: cx, CY: cy, Radius: r + off}
	}
	unit, ok := shapes[k]
	if !ok {
		unit = diamond
	}
	n := len(unit)
	pts := make([][2]float64, n)
	for i, p := range unit {
		pts[i] = [2]float64{cx + r*p[0], cy + r*p[1]}
	}
	if off == 0 {
		return outline{Poly: pts, CX: cx, CY: cy}
	}
	// The shapes are wound clockwise on screen (y down), so the outward
	// normal of an edge (dx, dy) is (dy, -dx).
	normal := func(a, b [2]float64) [2]float64 {
		dx, dy := b[0]-a[0], b[1]-a[1]
		l := math.Hypot(dx, dy)
		return [2]float64{dy / l, -dx / l}
	}
	grown := make([][2]float64, n)
	for i := range pts {
		prev, next := pts[(i+n-1)%n], pts[(i+1)%n]
		n1, n2 := normal(prev, pts[i]), normal(pts[i], next)
		c := n1[0]*n2[0] + n1[1]*n2[1]
		f := off / (1 + c)
		if reach := math.Sqrt(2 / (1 + c)); reach > miterLimit {
			f *= miterLimit / reach
		}
		grown[i] = [2]float64{pts[i][0] + f*(n1[0]+n2[0]), pts[i][1] + f*(n1[1]+n2[1])}
	}
	return outline{Poly: grown, CX: cx, CY: cy}
}

// contains reports whether (x, y) lies inside o.
func (o outline) contains(x, y float64) bool {
	if o.Poly == nil {
		return math.Hypot(x-o.CX, y-o.CY) <= o.Radius
	}
	in := false
	n := len(o.Poly)
	for i, j := 0, n-1; i < n; j, i = i, i+1 {
		a, b := o.Poly[i], o.Poly[j]
		if (a[1] > y) != (b[1] > y) && x < (b[0]-a[0])*(y-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in
}

// bounds returns the pixels o covers.
func (o outline) bounds() image.Rectangle {
	if o.Poly == nil {
		return image.Rect(int(math.Floor(o.CX-o.Radius)), int(math.Floor(o.CY-o.Radius)), int(math.Ceil(o.CX+o.Radius)), int(math.Ceil(o.CY+o.Radius)))
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range o.Poly {
		x0, y0, x1, y1 = math.Min(x0, p[0]), math.Min(y0, p[1]), math.Max(x1, p[0]), math.Max(y1, p[1])
	}
	return image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1)), int(math.Ceil(y1)))
}

// kappa places the control points of a cubic Bézier quarter circle.
const kappa = 0.5522847498

// Painter draws markers into images. It reuses its rasteriser from one
// marker to the next; it is not safe for concurrent use. The zero value is
// ready.
type Painter struct {
	z vector.Rasterizer
}

// fill paints o in colour c into dst.
func (p *Painter) fill(dst *image.RGBA, o outline, c color.RGBA) {
	bb := o.bounds().Intersect(dst.Rect)
	if bb.Empty() {
		return
	}
	z := &p.z
	z.Reset(bb.Dx(), bb.Dy())
	z.DrawOp = draw.Over
	ox, oy := float64(bb.Min.X), float64(bb.Min.Y)
	pt := func(x, y float64) (float32, float32) { return float32(x - ox), float32(y - oy) }
	if o.Poly == nil {
		cx, cy, r := o.CX, o.CY, o.Radius
		k := r * kappa
		cube := func(ax, ay, bx, by, qx, qy float64) {
			z.CubeTo(float32(ax-ox), float32(ay-oy), float32(bx-ox), float32(by-oy), float32(qx-ox), float32(qy-oy))
		}
		z.MoveTo(pt(cx+r, cy))
		cube(cx+r, cy+k, cx+k, cy+r, cx, cy+r)
		cube(cx-k, cy+r, cx-r, cy+k, cx-r, cy)
		cube(cx-r, cy-k, cx-k, cy-r, cx, cy-r)
		cube(cx+k, cy-r, cx+r, cy-k, cx+r, cy)
	} else {
		z.MoveTo(pt(o.Poly[0][0], o.Poly[0][1]))
		for _, q := range o.Poly[1:] {
			z.LineTo(pt(q[0], q[1]))
		}
	}
	z.ClosePath()
	z.Draw(dst, bb, image.NewUniform(c), image.Point{})
}

// Draw paints the layer's markers into dst, whose bounds are the
// viewport's W×H at the origin (a marker partly outside is clipped).
// Markers moved off their place get a thin leader line back to it, drawn
// first, with a dot at the place.
func (l Layer) Draw(dst *image.RGBA) { new(Painter).Draw(dst, l) }

// Draw is Layer.Draw with p's rasteriser.
func (p *Painter) Draw(dst *image.RGBA, l Layer) {
	st := l.Style
	for _, m := range l.Markers {
		if m.Moved() {
			p.leader(dst, m, st)
		}
	}
	sel := -1
	for i, m := range l.Markers {
		if m.Event.ID == l.Selected {
			sel = i
			continue
		}
		p.Sign(dst, m.sign(), m.X, m.Y, st)
	}
	if sel >= 0 {
		m := l.Markers[sel]
		// A ring in the stroke's colour between two bands of halo.
		p.fill(dst, outline{CX: m.X, CY: m.Y, Radius: m.R + st.px(3)}, st.Halo)
		p.fill(dst, outline{CX: m.X, CY: m.Y, Radius: m.R + st.px(2)}, st.Stroke)
		p.fill(dst, outline{CX: m.X, CY: m.Y, Radius: m.R + st.px(0.25)}, st.Halo)
		p.Sign(dst, m.sign(), m.X, m.Y, st)
	}
}

// Symbol paints one symbol of kind k centred at (x, y) in image pixels:
// halo, stroke, fill. Legends use it too.
func (p *Painter) Symbol(dst *image.RGBA, k events.Kind, x, y float64, st Style) {
	p.Sign(dst, Sign{Kind: k}, x, y, st)
}

// Sign paints the shapes of s centred at (x, y): see SignShapes.
func (p *Painter) Sign(dst *image.RGBA, s Sign, x, y float64, st Style) {
	for _, sh := range signShapes(s, x, y, st) {
		p.fill(dst, sh.o, sh.c)
	}
}

// shape is one filled outline of a sign.
type shape struct {
	o outline
	c color.RGBA
}

// signShapes are the outlines a sign is painted with, bottom first: the
// halo, the stroke and the fill; a hollow sign's fill is the halo's colour
// with a core of the kind's fill at 0.45 of the size.
func signShapes(s Sign, x, y float64, st Style) []shape {
	r, sw, hw := st.px(st.Radius), st.px(st.StrokeWidth), st.px(st.HaloWidth)
	k := s.Kind
	out := []shape{{symbol(k, x, y, r, sw+hw), st.Halo}, {symbol(k, x, y, r, sw), st.Stroke}}
	if !s.Outside {
		return append(out, shape{symbol(k, x, y, r, 0), st.FillOf(k)})
	}
	return append(out, shape{symbol(k, x, y, r, 0), st.Halo}, shape{symbol(k, x, y, 0.45*r, 0), st.FillOf(k)})
}

// leader draws the line from a moved marker back to its place, and a dot
// at the place.
func (p *Painter) leader(dst *image.RGBA, m Marker, st Style) {
	sw, hw := st.px(st.StrokeWidth)*0.8, st.px(st.HaloWidth)
	p.fill(dst, segment(m.PX, m.PY, m.X, m.Y, sw/2+hw), st.Halo)
	p.fill(dst, outline{CX: m.PX, CY: m.PY, Radius: sw + 0.9*hw + st.px(0.6)}, st.Halo)
	p.fill(dst, segment(m.PX, m.PY, m.X, m.Y, sw/2), st.Stroke)
	p.fill(dst, outline{CX: m.PX, CY: m.PY, Radius: sw + st.px(0.6)}, st.Stroke)
}

// segment returns the rectangle of half-width hw along a→b.
func segment(ax, ay, bx, by, hw float64) outline {
	dx, dy := bx-ax, by-ay
	l := math.Hypot(dx, dy)
	if l == 0 {
		return outline{CX: ax, CY: ay, Radius: hw}
	}
	nx, ny := -dy/l*hw, dx/l*hw
	return outline{Poly: [][2]float64{{ax + nx, ay + ny}, {bx + nx, by + ny}, {bx - nx, by - ny}, {ax - nx, ay - ny}}}
}

// SVGShape is one closed shape of a sign: its path data and fill.
type SVGShape struct {
	D    string
	Fill color.RGBA
}

// SVGShapes returns the shapes of s at (x, y) in st, bottom first, the
// same shapes Painter.Sign paints: the halo, the stroke and the fill (and
// the core of a hollow sign).
func SVGShapes(s Sign, x, y float64, st Style) []SVGShape {
	var out []SVGShape
	for _, sh := range signShapes(s, x, y, st) {
		out = append(out, SVGShape{sh.o.svg(), sh.c})
	}
	return out
}

// SVGLeader returns the SVG path data of a moved marker's leader line (a
// stroke of width w) and of the dot at its place, or "" for a marker in
// its place; the halo and the stroke are drawn from the same data with
// widths LeaderWidths gives.
func SVGLeader(m Marker) string {
	if !m.Moved() {
		return ""
	}
	return "M" + num(m.PX) + " " + num(m.PY) + "L" + num(m.X) + " " + num(m.Y)
}

// LeaderWidths returns the widths, in image pixels, of a leader's halo and
// stroke, and the radii of the dot's.
func LeaderWidths(st Style) (halo, stroke, dotHalo, dot float64) {
	sw, hw := st.px(st.StrokeWidth)*0.8, st.px(st.HaloWidth)
	return sw + 2*hw, sw, sw + 0.9*hw + st.px(0.6), sw + st.px(0.6)
}

// svg returns o as SVG path data.
func (o outline) svg() string {
	if o.Poly == nil {
		r := num(o.Radius)
		return "M" + num(o.CX-o.Radius) + " " + num(o.CY) + "a" + r + " " + r + " 0 1 0 " + num(2*o.Radius) + " 0a" + r + " " + r + " 0 1 0 " + num(-2*o.Radius) + " 0Z"
	}
	b := []byte{}
	for i, p := range o.Poly {
		if i == 0 {
			b = append(b, 'M')
		} else {
			b = append(b, 'L')
		}
		b = append(b, num(p[0])...)
		b = append(b, ' ')
		b = append(b, num(p[1])...)
	}
	return string(append(b, 'Z'))
}

// num formats v with at most two decimals.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}
