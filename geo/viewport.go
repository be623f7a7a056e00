package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// Viewport maps between lon/lat and the pixels of a W×H image, both ways.
// Rendering and hit testing both go through it.
//
// Pixel (0,0) is the top-left corner of the top-left pixel; the centre of
// pixel (i,j) is (i+0.5, j+0.5).
type Viewport struct {
	Proj Albers
	// W and H are the image size in pixels.
	W, H int
	// Scale is pixels per unit of projected (unit-sphere) distance.
	Scale float64
	// CX and CY are the projected coordinates shown at the image centre.
	CX, CY float64
}

// Pixel returns the pixel position of lon/lat.
func (v Viewport) Pixel(lon, lat float64) (x, y float64) {
	px, py := v.Proj.Forward(lon, lat)
	return v.FromProjected(px, py)
}

// FromProjected converts projected coordinates to pixels.
func (v Viewport) FromProjected(px, py float64) (x, y float64) {
	return (px-v.CX)*v.Scale + float64(v.W)/2, (v.CY-py)*v.Scale + float64(v.H)/2
}

// ToProjected converts pixels to projected coordinates.
func (v Viewport) ToProjected(x, y float64) (px, py float64) {
	return (x-float64(v.W)/2)/v.Scale + v.CX, v.CY - (y-float64(v.H)/2)/v.Scale
}

// LonLat returns the lon/lat under pixel (x, y); ok is false off the globe.
func (v Viewport) LonLat(x, y float64) (lon, lat float64, ok bool) {
	return v.Proj.Inverse(v.ToProjected(x, y))
}

// Fit returns the viewport of size w×h that shows the projected box b
// (min/max x/y in projected units) whole and centred, with margin pixels
// left free on every side.
func Fit(p Albers, b orb.Bound, w, h int, margin float64) Viewport {
	bw, bh := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]
	aw, ah := math.Max(1, float64(w)-2*margin), math.Max(1, float64(h)-2*margin)
	s := math.Min(aw/math.Max(bw, 1e-12), ah/math.Max(bh, 1e-12))
	c := b.Center()
	return Viewport{Proj: p, W: w, H: h, Scale: s, CX: c[0], CY: c[1]}
}

// ZoomAt multiplies the scale by factor, keeping the map point under pixel
// (x, y) where it is.
func (v Viewport) ZoomAt(x, y, factor float64) Viewport {
	px, py := v.ToProjected(x, y)
	v.Scale *= factor
	// Solve for the centre that puts (px, py) back at (x, y).
	v.CX = px - (x-float64(v.W)/2)/v.Scale
	v.CY = py + (y-float64(v.H)/2)/v.Scale
	return v
}

// Pan moves the map by (dx, dy) pixels: the content follows the pointer.
func (v Viewport) Pan(dx, dy float64) Viewport {
	v.CX -= dx / v.Scale
	v.CY += dy / v.Scale
	return v
}

// Resized returns the viewport for a new image size. It keeps the centre and
// scales by the smaller of the two size ratios, so what was visible stays
// visible and a window made larger shows the same area bigger.
func (v Viewport) Resized(w, h int) Viewport {
	if v.W > 0 && v.H > 0 {
		v.Scale *= math.Min(float64(w)/float64(v.W), float64(h)/float64(v.H))
	}
	v.W, v.H = w, h
	return v
}
