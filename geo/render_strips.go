package geo

import (
	"cmp"
	"image"
	"math"
	"slices"

	"golang.org/x/image/vector"
)

// stripPaths are closed paths in pixel coordinates, with their edges listed
// per strip of the image (stripRows tall) as the spans of consecutive edges
// that reach into the strip. A strip is rasterised from its spans alone, so
// a long outline is walked once per viewport rather than once per strip it
// crosses. The edges a strip gets, and their order, are exactly those that
// clipPen would feed the strip's rasteriser, so the coverage is the same to
// the bit.
type stripPaths struct {
	pts   []float32 // x, y of every vertex
	spans [][]span  // per strip
	h     int       // the image's height in pixels
	// last is, per strip, the last edge listed in it, to join the next
	// edge to its span.
	last []int32
}

// span is the edges from vertex lo to vertex hi of a path: MoveTo(lo), then
// LineTo every vertex up to hi. key is the country the path belongs to.
type span struct {
	lo, hi int32
	key    int32
	// maxX is the largest x of the span's vertices.
	maxX float32
}

// reset empties p for an image h pixels tall, keeping its buffers.
func (p *stripPaths) reset(h int) {
	n := (h + stripRows - 1) / stripRows
	p.h = h
	p.pts = p.pts[:0]
	if cap(p.spans) < n {
		p.spans = make([][]span, n)
		p.last = make([]int32, n)
	}
	p.spans, p.last = p.spans[:n], p.last[:n]
	for i := range p.spans {
		p.spans[i] = p.spans[i][:0]
	}
}

// strip returns the first row and the height of strip s.
func (p *stripPaths) strip(s int) (oy, h float32) {
	y0 := s * stripRows
	return float32(y0), float32(min(y0+stripRows, p.h) - y0)
}

// addPath lists the edges of the closed path formed by the vertices
// [start, end) of p.pts (the last equal to the first) in the strips
// [s0, s1] that they reach. An edge reaches a strip unless both its ends lie
// on or above the strip's top, or both on or below its bottom, computed as
// clipPen computes it.
func (p *stripPaths) addPath(start, end int, key int32, s0, s1 int) {
	if s0 > s1 {
		return
	}
	for s := s0; s <= s1; s++ {
		p.last[s] = -2
	}
	pts := p.pts
	for i := start; i+1 < end; i++ {
		ya, yb := pts[2*i+1], pts[2*i+3]
		lo, hi := min(ya, yb), max(ya, yb)
		// The strips holding lo and hi. For strip s, ya-oy <= 0 exactly
		// when ya <= oy, and ya-oy >= h when ya >= oy+h (ya-oy is exact
		// when ya >= oy >= 0), so no other strip can take the edge.
		c0 := max(s0, floorStrip(lo))
		c1 := min(s1, floorStrip(hi))
		for s := c0; s <= c1; s++ {
			oy, h := p.strip(s)
			ra, rb := ya-oy, yb-oy
			if (ra <= 0 && rb <= 0) || (ra >= h && rb >= h) {
				continue
			}
			mx := max(pts[2*i], pts[2*i+2])
			if p.last[s] == int32(i-1) {
				sp := &p.spans[s][len(p.spans[s])-1]
				sp.hi, sp.maxX = int32(i+1), max(sp.maxX, mx)
			} else {
				p.spans[s] = append(p.spans[s], span{lo: int32(i), hi: int32(i + 1), key: key, maxX: mx})
			}
			p.last[s] = int32(i)
		}
	}
}

// fillWidth is the width to rasterise a country's spans at, when they lie
// in a box bw pixels wide and their vertices reach at most maxX pixels from
// its left side: the box's width, or less when the spans end well before
// its right side. The rasteriser touches no pixel right of the rightmost
// vertex's, so the pixels left out would be empty; the width keeps its
// remainder modulo 4 and three empty pixels after the last one touched, so
// that the rasteriser sums its rows in the same blocks of four, and it stays
// on the same side of floatingWidth, so the coverage comes out the same to
// the bit.
func fillWidth(bw int, maxX float32) int {
	if !(maxX < float32(bw)) {
		return bw
	}
	// Vertices left of the box are drawn on its first pixel.
	need := max(0, int(math.Ceil(float64(maxX)))) + 4
	if bw > floatingWidth {
		// Keep to the rasteriser's floating-point arithmetic, which it
		// uses only for wider images.
		need = max(need, floatingWidth+1)
	}
	if need >= bw {
		return bw
	}
	return need + (bw-need)%4
}

// floatingWidth is the width above which vector.Rasterizer switches from
// fixed-point to floating-point arithmetic (its floatingPointMathThreshold),
// which round differently.
const floatingWidth = 512

// floorStrip is the strip of row y, which may lie off the image.
func floorStrip(y float32) int {
	if !(y > -1e9 && y < 1e9) {
		if y > 0 {
			return math.MaxInt32
		}
		return -1
	}
	return int(math.Floor(float64(y) / stripRows))
}

// feed adds the edges of spans, shifted by (-ox, -oy), to z.
func (p *stripPaths) feed(z *vector.Rasterizer, spans []span, ox, oy float32) {
	for _, s := range spans {
		v := p.pts[2*s.lo : 2*s.hi+2]
		z.MoveTo(v[0]-ox, v[1]-oy)
		for i := 2; i < len(v); i += 2 {
			z.LineTo(v[i]-ox, v[i+1]-oy)
		}
	}
}

// prepChunk is the pixel geometry of the projected parts [p0, p1), which
// are whole countries, for the viewport being rasterised: the rings of the
// parts in view and the ribbons along their borders, listed by strip. The
// vertices (about 1.3 MB for the CSTO's view) are dropped once the viewport
// is rasterised, as the pixel coordinates were before, so that the window
// does not keep them between frames; the lists of spans (a few kB) and the
// sizes to allocate next time are kept.
type prepChunk struct {
	p0, p1       int
	coords       []float32
	flags        []bool
	fill, ribbon stripPaths
	// nFlags is the number of vertices last time.
	nFlags int
}

// release drops the chunk's vertices, keeping their number.
func (c *prepChunk) release() {
	c.nFlags = len(c.flags)
	c.coords, c.flags, c.fill.pts, c.ribbon.pts = nil, nil, nil, nil
}

// verticesInView counts the vertices of the parts [p0, p1) whose boxes
// reach into viewport v, as addPixels tests them.
func (r *Renderer) verticesInView(v Viewport, p0, p1 int) int {
	w, h := float64(v.W), float64(v.H)
	n := 0
	for pi := p0; pi < p1; pi++ {
		p := &r.proj.Parts[pi]
		x0, y0 := (p.Bound.Min[0]-v.CX)*v.Scale+w/2, (v.CY-p.Bound.Max[1])*v.Scale+h/2
		x1, y1 := (p.Bound.Max[0]-v.CX)*v.Scale+w/2, (v.CY-p.Bound.Min[1])*v.Scale+h/2
		if x1 < 0 || y1 < 0 || x0 > w || y0 > h {
			continue
		}
		for _, ring := range p.Rings {
			n += len(ring) / 2
		}
	}
	return n
}

// prepChunks is the number of chunks the parts are prepared in, a few per
// worker so that they balance.
const prepChunks = 16

// prepare transforms the projected parts into pixels for viewport v and
// lists the rings and the ribbons of borders of width bw by strip, in
// chunks of whole countries on all workers.
func (r *Renderer) prepare(v Viewport, bw float64) *pixelParts {
	if r.chunkProj != r.proj {
		r.splitChunks()
	}
	nc := len(r.world.Countries)
	px := &pixelParts{parts: make([][]pxPart, nc), bb: make([]image.Rectangle, nc)}
	// The chunks with the most vertices last time go first, so that no
	// worker is left with a long one at the end.
	order := slices.Clone(r.chunks)
	slices.SortStableFunc(order, func(a, b *prepChunk) int { return cmp.Compare(b.nFlags, a.nFlags) })
	r.parallel(len(order), func(w *worker, i int) {
		c := order[i]
		// Room for as much as last time and a little more, or, the first
		// time, for every vertex of the parts in view: growing by appends
		// would leave as much again behind.
		n := c.nFlags + c.nFlags/8
		if n == 0 {
			n = r.verticesInView(v, c.p0, c.p1)
		}
		c.coords, c.flags = make([]float32, 0, 2*n), make([]bool, 0, n)
		r.addPixels(v, px, &c.coords, &c.flags, c.p0, c.p1, -1)
		c0, c1 := 0, 0
		if c.p1 > c.p0 {
			c0, c1 = r.proj.Parts[c.p0].Country, r.proj.Parts[c.p1-1].Country+1
		}
		fillPaths(&c.fill, px.parts[c0:c1], c0, c.coords, v.H)
		// A ribbon has two vertices for each of its run's, and one more.
		c.ribbon.pts = make([]float32, 0, 2*len(c.coords)+2*len(c.flags))
		ribbonPaths(&c.ribbon, px.parts[c0:c1], c0, v.H, bw, &w.off)
	})
	return px
}

// splitChunks splits the projected parts into prepChunks runs of whole
// countries with about as many vertices each.
func (r *Renderer) splitChunks() {
	parts := r.proj.Parts
	total := 0
	for _, p := range parts {
		for _, ring := range p.Rings {
			total += len(ring)
		}
	}
	for len(r.chunks) < prepChunks {
		r.chunks = append(r.chunks, &prepChunk{})
	}
	r.chunks = r.chunks[:prepChunks]
	sum, k, p0 := 0, 0, 0
	for pi, p := range parts {
		for _, ring := range p.Rings {
			sum += len(ring)
		}
		last := pi+1 == len(parts)
		if last || (parts[pi+1].Country != p.Country && sum*prepChunks >= total*(k+1) && k < prepChunks-1) {
			r.chunks[k].p0, r.chunks[k].p1 = p0, pi+1
			k, p0 = k+1, pi+1
		}
	}
	for ; k < prepChunks; k++ {
		r.chunks[k].p0, r.chunks[k].p1 = len(parts), len(parts)
	}
	r.chunkProj = r.proj
}

// fillPaths lists by strip the rings of parts (the parts of countries c0,
// c0+1, …), which lie in pts.
func fillPaths(dst *stripPaths, parts [][]pxPart, c0 int, pts []float32, h int) {
	dst.reset(h)
	dst.pts = pts
	ns := len(dst.spans)
	for i, cp := range parts {
		for _, pp := range cp {
			s0 := max(0, floorStrip(pp.y0)-1)
			s1 := min(ns-1, floorStrip(pp.y1)+1)
			for ri, ring := range pp.rings {
				start := int(pp.at[ri])
				dst.addPath(start, start+len(ring)/2, int32(c0+i), s0, s1)
			}
		}
	}
}

// ribbonPaths lists by strip the ribbons that stroke draws along the real
// borders of parts (the parts of countries c0, c0+1, …) at width lw: the
// same runs, offsets and vertices, computed once for the whole image.
func ribbonPaths(dst *stripPaths, parts [][]pxPart, c0, h int, lw float64, off *[]float32) {
	dst.reset(h)
	ns := len(dst.spans)
	hw := float32(lw / 2)
	for ci, cp := range parts {
		ci += c0
		for _, p := range cp {
			for ri, ring := range p.rings {
				art := p.art[ri]
				nv := len(ring) / 2
				a := 0
				for a < nv-1 {
					if art[a] {
						a++
						continue
					}
					b := a + 1
					ymin, ymax := min(ring[2*a+1], ring[2*b+1]), max(ring[2*a+1], ring[2*b+1])
					for b < nv-1 && !art[b] {
						b++
						y := ring[2*b+1]
						ymin, ymax = min(ymin, y), max(ymax, y)
					}
					// The strips whose band the run touches, as stroke
					// tests it.
					s0, s1 := ns, -1
					for s := max(0, floorStrip(ymin-hw-1)-1); s <= min(ns-1, floorStrip(ymax+hw+1)+1); s++ {
						oy, sh := dst.strip(s)
						if ymax-oy >= -hw-1 && ymin-oy <= sh+hw+1 {
							s0, s1 = min(s0, s), max(s1, s)
						}
					}
					if s0 <= s1 {
						pts := ring[2*a : 2*b+2]
						o := ribbonOffsets(pts, hw, off)
						start := len(dst.pts) / 2
						n := len(pts) / 2
						for i := 0; i < n; i++ {
							dst.pts = append(dst.pts, pts[2*i]+o[2*i], pts[2*i+1]+o[2*i+1])
						}
						for i := n - 1; i >= 0; i-- {
							dst.pts = append(dst.pts, pts[2*i]-o[2*i], pts[2*i+1]-o[2*i+1])
						}
						dst.pts = append(dst.pts, dst.pts[2*start], dst.pts[2*start+1])
						dst.addPath(start, len(dst.pts)/2, int32(ci), s0, s1)
					}
					a = b
				}
			}
		}
	}
}

// eachCountry calls fn for each run of spans of one country (the spans of
// a country are consecutive in a strip's list), with the country's index
// and the largest x its vertices reach there.
func eachCountry(spans []span, fn func(ci int, run []span, maxX float32)) {
	for i := 0; i < len(spans); {
		ci := spans[i].key
		j := i + 1
		mx := spans[i].maxX
		for j < len(spans) && spans[j].key == ci {
			mx = max(mx, spans[j].maxX)
			j++
		}
		fn(int(ci), spans[i:j], mx)
		i = j
	}
}
