package geo

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"runtime"
	"sync"

	"golang.org/x/image/vector"
)

// Paint is how one country is filled.
type Paint struct {
	// Fill is the country's colour; alpha is ignored (the map is opaque).
	Fill color.RGBA
	// Hatch, when its alpha is not zero, draws diagonal stripes of this
	// colour over Fill, so the status can be told apart without colour.
	Hatch color.RGBA
}

// PaintFunc gives the paint of the country with the ISO code. It is called
// once per country per frame.
type PaintFunc func(iso string) Paint

// Style holds the colours and line widths of a frame that do not depend on
// the data.
type Style struct {
	Sea, Border, Selected, Hover color.RGBA
	// BorderWidth, SelectedWidth and HoverWidth are in logical pixels.
	BorderWidth, SelectedWidth, HoverWidth float64
	// HatchSpacing is the distance between hatch stripes in logical pixels.
	HatchSpacing float64
	// PixelScale is the number of image pixels per logical pixel (the
	// device's pixel density); widths and hatching are multiplied by it.
	PixelScale float64
}

// LightStyle and DarkStyle are the map styles for the light and dark themes.
var (
	LightStyle = Style{
		Sea:    color.RGBA{0xc9, 0xdc, 0xeb, 0xff},
		Border: color.RGBA{0xff, 0xff, 0xff, 0xff},
		// A dark outline reads on every fill colour of the palette.
		Selected: color.RGBA{0x11, 0x11, 0x11, 0xff}, Hover: color.RGBA{0x33, 0x33, 0x33, 0xff},
		BorderWidth: 0.8, SelectedWidth: 2.5, HoverWidth: 1.5, HatchSpacing: 7, PixelScale: 1,
	}
	DarkStyle = Style{
		Sea:      color.RGBA{0x16, 0x1f, 0x2b, 0xff},
		Border:   color.RGBA{0x10, 0x12, 0x16, 0xff},
		Selected: color.RGBA{0xff, 0xff, 0xff, 0xff}, Hover: color.RGBA{0xdd, 0xdd, 0xdd, 0xff},
		BorderWidth: 0.8, SelectedWidth: 2.5, HoverWidth: 1.5, HatchSpacing: 7, PixelScale: 1,
	}
)

// Frame is everything one rendered image depends on.
type Frame struct {
	View  Viewport
	Style Style
	Paint PaintFunc
	// Selected and Hovered are ISO codes to outline, or "".
	Selected, Hovered string
}

// Renderer draws the projected world into images. It caches what depends
// only on the viewport (which pixels each country covers, and the borders),
// so a frame that only changes colours, hatching or the selection does not
// rasterise the geometry again. A Renderer is safe for concurrent use; calls
// are serialised.
type Renderer struct {
	world *World

	mu   sync.Mutex
	proj *Projected
	// Viewport cache.
	view      Viewport
	width     float64 // border width in image pixels the cache was built for
	valid     bool
	lab1      []uint16 // country index + 1 covering most of the pixel; 0 = sea
	lab2      []uint16 // a second country on anti-aliased borders
	cov1      []uint8
	cov2      []uint8
	border    []uint8
	outlines  map[outlineKey][]uint8
	paints    []Paint
	workers   []*worker
	pxParts   [][]pxPart // per country: its visible parts in pixel coordinates
	countryBB []image.Rectangle
}

type outlineKey struct {
	iso   string
	width float64
}

type pxPart struct {
	rings [][]float32 // decimated pixel coordinates x0,y0,…
	art   [][]bool    // artificial edge i→i+1 in the decimated ring
}

type worker struct {
	z    vector.Rasterizer
	mask image.Alpha
	buf  []uint8
}

// NewRenderer returns a renderer for w.
func NewRenderer(w *World) *Renderer {
	return &Renderer{world: w, outlines: map[outlineKey][]uint8{}}
}

// World returns the world the renderer draws.
func (r *Renderer) World() *World { return r.world }

// Projected returns the world projected with p, cached until another
// projection is asked for.
func (r *Renderer) Projected(p Albers) *Projected {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.projected(p)
}

func (r *Renderer) projected(p Albers) *Projected {
	if r.proj == nil || r.proj.Proj != p {
		r.proj = Project(r.world, p)
		r.valid = false
	}
	return r.proj
}

// Render draws f into dst, whose bounds must be f.View's W×H at the origin.
// It panics on a size mismatch, which is a programming error.
func (r *Renderer) Render(dst *image.RGBA, f Frame) {
	if dst.Rect != image.Rect(0, 0, f.View.W, f.View.H) {
		panic("geo: Render: destination does not match the viewport size")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	st := f.Style
	if st.PixelScale <= 0 {
		st.PixelScale = 1
	}
	bw := st.BorderWidth * st.PixelScale
	r.projected(f.View.Proj)
	if !r.valid || r.view != f.View || r.width != bw {
		r.rasterise(f.View, bw)
	}
	// Paint table, indexed by label.
	n := len(r.world.Countries)
	if cap(r.paints) < n+1 {
		r.paints = make([]Paint, n+1)
	}
	r.paints = r.paints[:n+1]
	r.paints[0] = Paint{Fill: st.Sea}
	for i, c := range r.world.Countries {
		if f.Paint != nil {
			r.paints[i+1] = f.Paint(c.ISO)
		} else {
			r.paints[i+1] = Paint{Fill: color.RGBA{0xdd, 0xdd, 0xdd, 0xff}}
		}
	}
	var sel, hov []uint8
	if f.Selected != "" {
		sel = r.outline(f.Selected, st.SelectedWidth*st.PixelScale)
	}
	if f.Hovered != "" && f.Hovered != f.Selected {
		hov = r.outline(f.Hovered, st.HoverWidth*st.PixelScale)
	}
	period := max(3, int(math.Round(st.HatchSpacing*st.PixelScale)))
	stripe := max(1, int(math.Round(float64(period)*0.35)))
	r.bands(f.View.H, func(_ *worker, y0, y1 int) {
		r.compose(dst, y0, y1, st, sel, hov, period, stripe)
	})
}

// bands runs fn over horizontal bands of the image, one per CPU.
func (r *Renderer) bands(h int, fn func(w *worker, y0, y1 int)) {
	n := min(runtime.GOMAXPROCS(0), 8)
	if h < 64 {
		n = 1
	}
	for len(r.workers) < n {
		r.workers = append(r.workers, &worker{})
	}
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		y0, y1 := h*i/n, h*(i+1)/n
		wg.Add(1)
		go func(w *worker) {
			defer wg.Done()
			fn(w, y0, y1)
		}(r.workers[i])
	}
	wg.Wait()
}

// rasterise rebuilds the viewport cache: pixel coordinates of the visible
// parts, the coverage labels of every pixel and the border mask.
func (r *Renderer) rasterise(v Viewport, bw float64) {
	r.view, r.width, r.valid = v, bw, true
	clear(r.outlines)
	n := v.W * v.H
	if cap(r.lab1) < n {
		r.lab1, r.lab2 = make([]uint16, n), make([]uint16, n)
		r.cov1, r.cov2, r.border = make([]uint8, n), make([]uint8, n), make([]uint8, n)
	}
	r.lab1, r.lab2, r.cov1, r.cov2, r.border = r.lab1[:n], r.lab2[:n], r.cov1[:n], r.cov2[:n], r.border[:n]
	r.toPixels(v)
	r.bands(v.H, func(w *worker, y0, y1 int) {
		clear(r.lab1[y0*v.W : y1*v.W])
		clear(r.lab2[y0*v.W : y1*v.W])
		clear(r.cov1[y0*v.W : y1*v.W])
		clear(r.cov2[y0*v.W : y1*v.W])
		for ci, parts := range r.pxParts {
			if len(parts) == 0 {
				continue
			}
			bb := r.countryBB[ci].Intersect(image.Rect(0, 0, v.W, y1))
			bb = bb.Intersect(image.Rect(0, y0, v.W, y1))
			if bb.Empty() {
				continue
			}
			m := w.fill(parts, bb)
			r.mergeCoverage(m, bb, uint16(ci+1), v.W)
		}
		w.stroke(r.pxParts, image.Rect(0, y0, v.W, y1), bw, r.border[y0*v.W:y1*v.W], true)
	})
}

// toPixels transforms the projected parts into pixel coordinates, dropping
// parts outside the image and vertices closer than a quarter pixel to the
// previous one.
func (r *Renderer) toPixels(v Viewport) {
	nc := len(r.world.Countries)
	if len(r.pxParts) != nc {
		r.pxParts = make([][]pxPart, nc)
		r.countryBB = make([]image.Rectangle, nc)
	}
	for i := range r.pxParts {
		r.pxParts[i] = r.pxParts[i][:0]
		r.countryBB[i] = image.Rectangle{}
	}
	w, h := float64(v.W), float64(v.H)
	hw, hh := w/2, h/2
	const minStep = 0.25
	for pi := range r.proj.Parts {
		p := &r.proj.Parts[pi]
		x0, y0 := (p.Bound.Min[0]-v.CX)*v.Scale+hw, (v.CY-p.Bound.Max[1])*v.Scale+hh
		x1, y1 := (p.Bound.Max[0]-v.CX)*v.Scale+hw, (v.CY-p.Bound.Min[1])*v.Scale+hh
		if x1 < 0 || y1 < 0 || x0 > w || y0 > h || (x1-x0 < 0.2 && y1-y0 < 0.2) {
			continue
		}
		var pp pxPart
		for ri, ring := range p.Rings {
			out := make([]float32, 0, len(ring))
			var art []bool
			a := p.Artificial[ri]
			lx, ly := math.Inf(1), math.Inf(1)
			pendingArt := false
			nv := len(ring) / 2
			for i := 0; i < nv; i++ {
				x := (ring[2*i]-v.CX)*v.Scale + hw
				y := (v.CY-ring[2*i+1])*v.Scale + hh
				// An edge is artificial only if every original edge it
				// replaces is.
				if i > 0 {
					pendingArt = pendingArt && a[i-1]
				}
				if i == nv-1 || math.Abs(x-lx)+math.Abs(y-ly) >= minStep {
					if len(out) > 0 {
						art = append(art, pendingArt)
					}
					out = append(out, float32(x), float32(y))
					lx, ly = x, y
					pendingArt = true
				}
			}
			if len(out) >= 6 {
				pp.rings = append(pp.rings, out)
				pp.art = append(pp.art, append(art, false))
			}
		}
		if len(pp.rings) == 0 {
			continue
		}
		bb := image.Rect(int(math.Floor(x0))-1, int(math.Floor(y0))-1, int(math.Ceil(x1))+1, int(math.Ceil(y1))+1)
		bb = bb.Intersect(image.Rect(0, 0, v.W, v.H))
		r.countryBB[p.Country] = r.countryBB[p.Country].Union(bb)
		r.pxParts[p.Country] = append(r.pxParts[p.Country], pp)
	}
}

// fill rasterises the parts of one country, clipped to bb, into the
// worker's mask and returns its pixels (row stride bb.Dx()).
func (w *worker) fill(parts []pxPart, bb image.Rectangle) []uint8 {
	bw, bh := bb.Dx(), bb.Dy()
	w.z.Reset(bw, bh)
	w.z.DrawOp = draw.Src
	ox, oy := float32(bb.Min.X), float32(bb.Min.Y)
	for _, p := range parts {
		for _, ring := range p.rings {
			w.z.MoveTo(ring[0]-ox, ring[1]-oy)
			for i := 2; i < len(ring); i += 2 {
				w.z.LineTo(ring[i]-ox, ring[i+1]-oy)
			}
			w.z.ClosePath()
		}
	}
	if cap(w.buf) < bw*bh {
		w.buf = make([]uint8, bw*bh)
	}
	w.mask = image.Alpha{Pix: w.buf[:bw*bh], Stride: bw, Rect: image.Rect(0, 0, bw, bh)}
	w.z.Draw(&w.mask, w.mask.Rect, image.Opaque, image.Point{})
	return w.mask.Pix
}

// mergeCoverage records country label over the pixels of mask m (covering
// bb). Countries do not overlap, so a pixel is shared only along borders;
// the two largest coverages are kept.
func (r *Renderer) mergeCoverage(m []uint8, bb image.Rectangle, label uint16, stride int) {
	bw := bb.Dx()
	for y := bb.Min.Y; y < bb.Max.Y; y++ {
		row := m[(y-bb.Min.Y)*bw : (y-bb.Min.Y+1)*bw]
		base := y*stride + bb.Min.X
		for x, a := range row {
			if a == 0 {
				continue
			}
			i := base + x
			switch {
			case a == 0xff || r.lab1[i] == 0:
				r.lab1[i], r.cov1[i] = label, a
				if a == 0xff {
					r.lab2[i], r.cov2[i] = 0, 0
				}
			case r.lab2[i] == 0:
				r.lab2[i], r.cov2[i] = label, a
			case a > r.cov2[i]:
				r.lab2[i], r.cov2[i] = label, a
			}
		}
	}
}

// stroke rasterises lines of width lw along the rings of parts, clipped to
// band, into dst (row stride band.Dx()). With skipArtificial, the edges that
// are not real borders are left out.
func (w *worker) stroke(parts [][]pxPart, band image.Rectangle, lw float64, dst []uint8, skipArtificial bool) {
	bw, bh := band.Dx(), band.Dy()
	w.z.Reset(bw, bh)
	w.z.DrawOp = draw.Src
	ox, oy := float32(band.Min.X), float32(band.Min.Y)
	hw := float32(lw / 2)
	fw, fh := float32(bw), float32(bh)
	for _, cp := range parts {
		for _, p := range cp {
			for ri, ring := range p.rings {
				art := p.art[ri]
				for i := 0; i+3 < len(ring); i += 2 {
					if skipArtificial && art[i/2] {
						continue
					}
					x0, y0 := ring[i]-ox, ring[i+1]-oy
					x1, y1 := ring[i+2]-ox, ring[i+3]-oy
					if (y0 < -hw && y1 < -hw) || (y0 > fh+hw && y1 > fh+hw) || (x0 < -hw && x1 < -hw) || (x0 > fw+hw && x1 > fw+hw) {
						continue
					}
					dx, dy := x1-x0, y1-y0
					l := float32(math.Sqrt(float64(dx*dx + dy*dy)))
					if l == 0 {
						continue
					}
					nx, ny := -dy/l*hw, dx/l*hw
					// Extend each segment by half the width so joints close.
					ex, ey := dx/l*hw*0.5, dy/l*hw*0.5
					w.z.MoveTo(x0+nx-ex, y0+ny-ey)
					w.z.LineTo(x1+nx+ex, y1+ny+ey)
					w.z.LineTo(x1-nx+ex, y1-ny+ey)
					w.z.LineTo(x0-nx-ex, y0-ny-ey)
					w.z.ClosePath()
				}
			}
		}
	}
	mask := image.Alpha{Pix: dst, Stride: bw, Rect: image.Rect(0, 0, bw, bh)}
	w.z.Draw(&mask, mask.Rect, image.Opaque, image.Point{})
}

// outline returns the full-image mask of the outline of iso at width lw,
// cached for the current viewport.
func (r *Renderer) outline(iso string, lw float64) []uint8 {
	k := outlineKey{iso, lw}
	if m, ok := r.outlines[k]; ok {
		return m
	}
	ci := r.world.Index(iso)
	if ci < 0 {
		return nil
	}
	v := r.view
	m := make([]uint8, v.W*v.H)
	one := [][]pxPart{r.pxParts[ci]}
	r.bands(v.H, func(w *worker, y0, y1 int) {
		w.stroke(one, image.Rect(0, y0, v.W, y1), lw, m[y0*v.W:y1*v.W], true)
	})
	if len(r.outlines) > 8 {
		clear(r.outlines)
	}
	r.outlines[k] = m
	return m
}

// compose writes rows [y0, y1) of dst from the cached labels, the paints and
// the line masks.
func (r *Renderer) compose(dst *image.RGBA, y0, y1 int, st Style, sel, hov []uint8, period, stripe int) {
	W := r.view.W
	paints := r.paints
	sea := st.Sea
	for y := y0; y < y1; y++ {
		row := dst.Pix[y*dst.Stride : y*dst.Stride+4*W]
		for x := 0; x < W; x++ {
			i := y*W + x
			var cr, cg, cb uint32
			l1 := r.lab1[i]
			if l1 == 0 {
				cr, cg, cb = uint32(sea.R), uint32(sea.G), uint32(sea.B)
			} else {
				hatch := (x+y)%period < stripe
				c1 := paintAt(&paints[l1], hatch)
				a1 := uint32(r.cov1[i])
				if a1 == 0xff {
					cr, cg, cb = uint32(c1.R), uint32(c1.G), uint32(c1.B)
				} else {
					c2 := sea
					a2 := uint32(r.cov2[i])
					if l2 := r.lab2[i]; l2 != 0 {
						c2 = paintAt(&paints[l2], hatch)
					}
					if a1+a2 > 0xff {
						a2 = 0xff - a1
					}
					a0 := 0xff - a1 - a2
					cr = (uint32(c1.R)*a1 + uint32(c2.R)*a2 + uint32(sea.R)*a0 + 127) / 0xff
					cg = (uint32(c1.G)*a1 + uint32(c2.G)*a2 + uint32(sea.G)*a0 + 127) / 0xff
					cb = (uint32(c1.B)*a1 + uint32(c2.B)*a2 + uint32(sea.B)*a0 + 127) / 0xff
				}
			}
			if b := uint32(r.border[i]); b != 0 {
				cr, cg, cb = lerp(cr, cg, cb, st.Border, b)
			}
			if hov != nil {
				if b := uint32(hov[i]); b != 0 {
					cr, cg, cb = lerp(cr, cg, cb, st.Hover, b)
				}
			}
			if sel != nil {
				if b := uint32(sel[i]); b != 0 {
					cr, cg, cb = lerp(cr, cg, cb, st.Selected, b)
				}
			}
			o := 4 * x
			row[o], row[o+1], row[o+2], row[o+3] = uint8(cr), uint8(cg), uint8(cb), 0xff
		}
	}
}

func paintAt(p *Paint, hatch bool) color.RGBA {
	if hatch && p.Hatch.A != 0 {
		return p.Hatch
	}
	return p.Fill
}

func lerp(r, g, b uint32, c color.RGBA, a uint32) (uint32, uint32, uint32) {
	na := 0xff - a
	return (r*na + uint32(c.R)*a + 127) / 0xff, (g*na + uint32(c.G)*a + 127) / 0xff, (b*na + uint32(c.B)*a + 127) / 0xff
}
