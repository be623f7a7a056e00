package geo

import (
	"cmp"
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

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
	view  Viewport
	width float64 // border width in image pixels the cache was built for
	valid bool
	// lab1 is, per pixel, the country index + 1 covering most of it; 0 is
	// the sea. A pixel with a label is wholly that country's unless it is
	// listed in edges.
	lab1 []uint16
	// edges lists, per row and by x, the pixels that a country covers only
	// in part (coasts and borders, anti-aliased). They are a few per cent
	// of the pixels, so they are kept apart rather than as three more
	// bytes for every pixel.
	edges [][]edge
	// edgeRows says where each row's list is while the strips are listed
	// (a worker's buffer may grow and move).
	edgeRows []edgeRow
	border   []uint8
	outlines map[outlineKey]outlineMask
	fills    []uint32 // packed colour per label
	hatches  []uint32
	workers  []*worker
	// countryBB is, per country, the box of its visible parts in pixels.
	countryBB []image.Rectangle
	// chunks are the pixel geometry of the viewport, in runs of whole
	// countries prepared in parallel (see prepare).
	chunks []*prepChunk
	// chunkProj is the projection chunks were split for.
	chunkProj *Projected
	// pat is the hatch pattern of a row (see compose).
	pat []uint32
	// stripOrder and stripCost are scratch for the order strips are
	// rasterised in.
	stripOrder, stripCost []int
}

// pixelParts are the visible parts of the countries in pixel coordinates,
// for one viewport. They are made for rasterising a viewport, and again for
// a single country when its outline is stroked, and not kept: in the
// window they took as much memory as the labels and coverage of every
// pixel, to save a re-projection of one country on a new selection.
type pixelParts struct {
	parts [][]pxPart // per country
	bb    []image.Rectangle
	// coords and flags back the rings of parts.
	coords []float32
	flags  []bool
}

type outlineKey struct {
	iso   string
	width float64
}

// outlineMask is a stroked outline: rect.Dx()×rect.Dy() coverage values,
// row by row, for the rectangle rect of the image.
type outlineMask struct {
	pix  []uint8
	rect image.Rectangle
}

type pxPart struct {
	rings  [][]float32 // decimated pixel coordinates x0,y0,…; each ring closed
	art    [][]bool    // artificial edge i→i+1 in the decimated ring
	at     []int32     // the vertex index in its buffer where each ring starts
	y0, y1 float32     // the part's vertical extent in pixels
}

// edge is a pixel shared by a country (cov1) and either a second country
// (lab2, cov2) or the sea.
type edge struct {
	x          uint16
	lab2       uint16
	cov1, cov2 uint8
}

type edgeRow struct {
	w      *worker
	lo, hi int32
}

type worker struct {
	off  []float32 // a ribbon's offsets
	z    vector.Rasterizer
	mask image.Alpha
	buf  []uint8
	// cov1, lab2 and cov2 hold the coverage of the strip being rasterised,
	// before its edge pixels are listed. lab2 and cov2 are set only where
	// lab1 is, and left stale elsewhere.
	cov1, cov2 []uint8
	lab2       []uint16
	// edgeBuf backs the edge lists of the strips this worker rasterised.
	edgeBuf []edge
}

// NewRenderer returns a renderer for w.
func NewRenderer(w *World) *Renderer {
	return &Renderer{world: w, outlines: map[outlineKey]outlineMask{}}
}

// CountryIndexAt returns the index of the country drawn over most of
// pixel (x, y) of viewport v, or -1 for the sea, when the renderer's last
// frame was drawn for v; ok is false otherwise. Reading the drawn pixels
// costs far less than a hit test, and builds no hit index.
func (r *Renderer) CountryIndexAt(v Viewport, x, y float64) (ci int, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.valid || r.view != v {
		return 0, false
	}
	xi, yi := int(math.Floor(x)), int(math.Floor(y))
	if xi < 0 || yi < 0 || xi >= v.W || yi >= v.H {
		return -1, true
	}
	return int(r.lab1[yi*v.W+xi]) - 1, true
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
	// Paint tables, indexed by label (country index + 1; 0 is the sea).
	n := len(r.world.Countries)
	if len(r.fills) != n+1 {
		r.fills, r.hatches = make([]uint32, n+1), make([]uint32, n+1)
	}
	r.fills[0], r.hatches[0] = pack(st.Sea), pack(st.Sea)
	for i, c := range r.world.Countries {
		p := Paint{Fill: color.RGBA{0xdd, 0xdd, 0xdd, 0xff}}
		if f.Paint != nil {
			p = f.Paint(c.ISO)
		}
		r.fills[i+1], r.hatches[i+1] = pack(p.Fill), pack(p.Fill)
		if p.Hatch.A != 0 {
			r.hatches[i+1] = pack(p.Hatch)
		}
	}
	period := max(3, int(math.Round(st.HatchSpacing*st.PixelScale)))
	stripe := max(1, int(math.Round(float64(period)*0.35)))
	if n := f.View.W + period; cap(r.pat) < n {
		r.pat = make([]uint32, n)
	}
	r.pat = r.pat[:f.View.W+period]
	for i := range r.pat {
		r.pat[i] = 0
		if i%period < stripe {
			r.pat[i] = ^uint32(0)
		}
	}
	compose := func(y0, y1 int) { r.compose(dst, y0, y1, st, period, r.pat) }
	if !r.valid || r.view != f.View || r.width != bw {
		// Each strip is composed as soon as it is rasterised, while its
		// labels and borders are still in the cache.
		r.rasteriseThen(f.View, bw, compose)
	} else {
		r.bands(f.View.H, func(_ *worker, y0, y1 int) { compose(y0, y1) })
	}
	if f.Hovered != "" && f.Hovered != f.Selected {
		r.drawOutline(dst, f.Hovered, st.HoverWidth*st.PixelScale, st.Hover)
	}
	if f.Selected != "" {
		r.drawOutline(dst, f.Selected, st.SelectedWidth*st.PixelScale, st.Selected)
	}
}

// drawOutline strokes the outline of iso over dst.
func (r *Renderer) drawOutline(dst *image.RGBA, iso string, lw float64, c color.RGBA) {
	m, rect := r.outline(iso, lw)
	if m != nil {
		overlay(dst, m, rect, c)
	}
}

// stripRows is the height of the strips that frames are drawn in. A worker
// rasterises one strip at a time, so its scratch memory (the rasteriser's
// accumulator, four bytes a pixel, and a coverage mask) is bounded by
// stripRows × the image width. With bands as tall as the image divided by
// the CPUs, the accumulator of a wide country grew to half the image per
// worker. Each strip is fed only the edges that reach its rows (see
// stripPaths), so thinner strips cost little more than the edges they cut.
const stripRows = 64

// bands runs fn over horizontal strips of the image, stripRows tall, on up
// to one worker per CPU. Each strip is handled by exactly one worker.
func (r *Renderer) bands(h int, fn func(w *worker, y0, y1 int)) {
	r.parallel((h+stripRows-1)/stripRows, func(w *worker, s int) {
		fn(w, s*stripRows, min((s+1)*stripRows, h))
	})
}

// parallel runs fn for i in [0, n) on up to one worker per CPU (at most 8).
// Each i is handled by exactly one worker.
func (r *Renderer) parallel(n int, fn func(w *worker, i int)) {
	nw := min(runtime.GOMAXPROCS(0), 8, n)
	for len(r.workers) < nw {
		r.workers = append(r.workers, &worker{})
	}
	var next atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < nw; i++ {
		wg.Add(1)
		go func(w *worker) {
			defer wg.Done()
			for {
				s := int(next.Add(1)) - 1
				if s >= n {
					return
				}
				fn(w, s)
			}
		}(r.workers[i])
	}
	wg.Wait()
}

// rasterise rebuilds the viewport cache: pixel coordinates of the visible
// parts, the coverage labels of every pixel and the border mask.
func (r *Renderer) rasterise(v Viewport, bw float64) { r.rasteriseThen(v, bw, nil) }

// rasteriseThen is rasterise, and calls then, if not nil, for each strip of
// rows [y0, y1) once they are cached.
func (r *Renderer) rasteriseThen(v Viewport, bw float64, then func(y0, y1 int)) {
	r.view, r.width, r.valid = v, bw, true
	clear(r.outlines)
	n := v.W * v.H
	if cap(r.lab1) < n {
		r.lab1, r.border = make([]uint16, n), make([]uint8, n)
	}
	r.lab1, r.border = r.lab1[:n], r.border[:n]
	if cap(r.edges) < v.H {
		r.edges, r.edgeRows = make([][]edge, v.H), make([]edgeRow, v.H)
	}
	r.edges, r.edgeRows = r.edges[:v.H], r.edgeRows[:v.H]
	for _, w := range r.workers {
		w.edgeBuf = w.edgeBuf[:0]
	}
	px := r.prepare(v, bw)
	r.countryBB = px.bb
	// The strips with the most edges go first, so that no worker is left
	// with a long one at the end.
	strips := (v.H + stripRows - 1) / stripRows
	order, cost := r.stripOrder[:0], r.stripCost[:0]
	for s := range strips {
		n := 0
		for _, c := range r.chunks {
			for _, sp := range c.fill.spans[s] {
				n += int(sp.hi - sp.lo)
			}
			for _, sp := range c.ribbon.spans[s] {
				n += int(sp.hi - sp.lo)
			}
		}
		order, cost = append(order, s), append(cost, n)
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(cost[b], cost[a]) })
	r.stripOrder, r.stripCost = order, cost
	r.parallel(strips, func(w *worker, i int) {
		y0 := order[i] * stripRows
		y1 := min(y0+stripRows, v.H)
		clear(r.lab1[y0*v.W : y1*v.W])
		sn := (y1 - y0) * v.W
		if cap(w.cov1) < sn {
			w.cov1, w.cov2, w.lab2 = make([]uint8, sn), make([]uint8, sn), make([]uint16, sn)
		}
		w.cov1, w.cov2, w.lab2 = w.cov1[:sn], w.cov2[:sn], w.lab2[:sn]
		// lab2 and cov2 are read only where a country was merged, and
		// mergeCoverage sets them there first.
		clear(w.cov1)
		strip := image.Rect(0, y0, v.W, y1)
		s := y0 / stripRows
		// The chunks hold consecutive countries: in chunk order, the
		// countries are merged in the order of their indices.
		for _, c := range r.chunks {
			eachCountry(c.fill.spans[s], func(ci int, run []span, mx float32) {
				bb := px.bb[ci].Intersect(strip)
				bb.Max.X = bb.Min.X + fillWidth(bb.Dx(), mx-float32(bb.Min.X))
				if !bb.Empty() {
					m := w.fillSpans(&c.fill, run, bb)
					w.mergeCoverage(r.lab1, m, bb, uint16(ci+1), v.W, y0)
				}
			})
		}
		r.listEdges(w, y0, y1)
		w.z.Reset(v.W, y1-y0)
		w.z.DrawOp = draw.Src
		for _, c := range r.chunks {
			c.ribbon.feed(&w.z, c.ribbon.spans[s], 0, float32(y0))
		}
		mask := image.Alpha{Pix: r.border[y0*v.W : y1*v.W], Stride: v.W, Rect: image.Rect(0, 0, v.W, y1-y0)}
		w.z.Draw(&mask, mask.Rect, image.Opaque, image.Point{})
		if then != nil {
			then(y0, y1)
		}
	})
	// The edge lists of the strips, in their workers' final buffers.
	for y, er := range r.edgeRows {
		r.edges[y] = er.w.edgeBuf[er.lo:er.hi:er.hi]
	}
	for _, c := range r.chunks {
		c.release()
	}
}

// toPixels transforms the projected parts of country only (or of every
// country, when only is -1) into pixel coordinates (see addPixels).
func (r *Renderer) toPixels(v Viewport, only int) *pixelParts {
	nc := len(r.world.Countries)
	px := &pixelParts{parts: make([][]pxPart, nc), bb: make([]image.Rectangle, nc)}
	r.addPixels(v, px, &px.coords, &px.flags, 0, len(r.proj.Parts), only)
	return px
}

// addPixels transforms the projected parts [p0, p1) of country only (or of
// every country, when only is -1) into pixel coordinates, appended to
// *coords with their artificial flags in *flags, and adds them and their
// boxes to px; it drops parts outside the image and vertices closer than a
// quarter pixel to the previous one. Calls for disjoint sets of countries
// may run at once.
func (r *Renderer) addPixels(v Viewport, px *pixelParts, coords *[]float32, flags *[]bool, p0, p1, only int) {
	w, h := float64(v.W), float64(v.H)
	hw, hh := w/2, h/2
	const minStep = 0.25
	cs, fs := *coords, *flags
	for pi := p0; pi < p1; pi++ {
		p := &r.proj.Parts[pi]
		if only >= 0 && p.Country != only {
			continue
		}
		x0, y0 := (p.Bound.Min[0]-v.CX)*v.Scale+hw, (v.CY-p.Bound.Max[1])*v.Scale+hh
		x1, y1 := (p.Bound.Max[0]-v.CX)*v.Scale+hw, (v.CY-p.Bound.Min[1])*v.Scale+hh
		if x1 < 0 || y1 < 0 || x0 > w || y0 > h || (x1-x0 < 0.2 && y1-y0 < 0.2) {
			continue
		}
		pp := pxPart{y0: float32(y0), y1: float32(y1)}
		for ri, ring := range p.Rings {
			start, astart := len(cs), len(fs)
			a := p.Artificial[ri]
			lx, ly := math.Inf(1), math.Inf(1)
			pendingArt := false
			nv := len(ring) / 2
			for i := 0; i < nv; i++ {
				x := (float64(ring[2*i])-v.CX)*v.Scale + hw
				y := (v.CY-float64(ring[2*i+1]))*v.Scale + hh
				// An edge is artificial only if every original edge it
				// replaces is.
				if i > 0 {
					pendingArt = pendingArt && a[i-1]
				}
				if i == nv-1 || math.Abs(x-lx)+math.Abs(y-ly) >= minStep {
					if len(cs) > start {
						fs = append(fs, pendingArt)
					}
					cs = append(cs, float32(x), float32(y))
					lx, ly = x, y
					pendingArt = true
				}
			}
			if len(cs)-start < 6 {
				cs, fs = cs[:start], fs[:astart]
				continue
			}
			fs = append(fs, false)
			// Full slice expressions, so that nothing appended later
			// reaches into this ring.
			pp.rings = append(pp.rings, cs[start:len(cs):len(cs)])
			pp.art = append(pp.art, fs[astart:len(fs):len(fs)])
			pp.at = append(pp.at, int32(start/2))
		}
		if len(pp.rings) == 0 {
			continue
		}
		bb := image.Rect(int(math.Floor(x0))-1, int(math.Floor(y0))-1, int(math.Ceil(x1))+1, int(math.Ceil(y1))+1)
		bb = bb.Intersect(image.Rect(0, 0, v.W, v.H))
		px.bb[p.Country] = px.bb[p.Country].Union(bb)
		px.parts[p.Country] = append(px.parts[p.Country], pp)
	}
	*coords, *flags = cs, fs
}

// fillSpans rasterises the edges of one country in spans, clipped to bb,
// into the worker's mask and returns its pixels (row stride bb.Dx()).
func (w *worker) fillSpans(p *stripPaths, spans []span, bb image.Rectangle) []uint8 {
	bw, bh := bb.Dx(), bb.Dy()
	w.z.Reset(bw, bh)
	w.z.DrawOp = draw.Src
	p.feed(&w.z, spans, float32(bb.Min.X), float32(bb.Min.Y))
	if cap(w.buf) < bw*bh {
		w.buf = make([]uint8, bw*bh)
	}
	w.mask = image.Alpha{Pix: w.buf[:bw*bh], Stride: bw, Rect: image.Rect(0, 0, bw, bh)}
	w.z.Draw(&w.mask, w.mask.Rect, image.Opaque, image.Point{})
	return w.mask.Pix
}

// mergeCoverage records country label over the pixels of mask m (covering
// bb) in lab1 and the worker's strip, which starts at row y0. Countries do
// not overlap, so a pixel is shared only along borders; the two largest
// coverages are kept.
func (w *worker) mergeCoverage(lab1 []uint16, m []uint8, bb image.Rectangle, label uint16, stride, y0 int) {
	bw := bb.Dx()
	for y := bb.Min.Y; y < bb.Max.Y; y++ {
		row := m[(y-bb.Min.Y)*bw : (y-bb.Min.Y+1)*bw]
		base := y*stride + bb.Min.X
		sbase := (y-y0)*stride + bb.Min.X
		// Row slices the same length as row, so the loop below runs
		// without bounds checks.
		l1, c1 := lab1[base:base+bw], w.cov1[sbase:sbase+bw]
		l2, c2 := w.lab2[sbase:sbase+bw], w.cov2[sbase:sbase+bw]
		for x := 0; x < len(row); x++ {
			// Skip empty stretches eight pixels at a time.
			for x+8 <= len(row) && binary.LittleEndian.Uint64(row[x:]) == 0 {
				x += 8
			}
			if x >= len(row) {
				break
			}
			a := row[x]
			switch {
			case a == 0:
			case a == 0xff:
				// Fully covered: fill the whole run at once.
				e := x + 1
				for e+8 <= len(row) && binary.LittleEndian.Uint64(row[e:]) == ^uint64(0) {
					e += 8
				}
				for e < len(row) && row[e] == 0xff {
					e++
				}
				fillSlice(l1[x:e], label)
				fillSlice(c1[x:e], 0xff)
				clear(l2[x:e])
				clear(c2[x:e])
				x = e - 1
			case l1[x] == 0:
				l1[x], c1[x], l2[x], c2[x] = label, a, 0, 0
			case l2[x] == 0 || a > c2[x]:
				l2[x], c2[x] = label, a
			}
		}
	}
}

// fillSlice sets every element of s to v, copying for long runs.
func fillSlice[T uint8 | uint16](s []T, v T) {
	const direct = 32
	if len(s) <= direct {
		for k := range s {
			s[k] = v
		}
		return
	}
	for k := range s[:direct] {
		s[k] = v
	}
	for k := direct; k < len(s); k *= 2 {
		copy(s[k:], s[:k])
	}
}

// listEdges lists the partly covered pixels of rows [y0, y1), which w has
// just rasterised, in w.edgeBuf, and records where each row's list is.
func (r *Renderer) listEdges(w *worker, y0, y1 int) {
	W := r.view.W
	for y := y0; y < y1; y++ {
		start := len(w.edgeBuf)
		c1 := w.cov1[(y-y0)*W : (y-y0+1)*W]
		// A pixel with no country has no coverage, so the partly covered
		// pixels are those whose coverage is neither 0 nor 0xff.
		for x := 0; x < len(c1); x++ {
			// Skip eight pixels at a time while each byte is 0 or 0xff
			// (equal to its top bit spread over the byte).
			for x+8 <= len(c1) {
				v := binary.LittleEndian.Uint64(c1[x:])
				if v != (v&0x8080808080808080)>>7*0xff {
					break
				}
				x += 8
			}
			if x >= len(c1) {
				break
			}
			if c := c1[x]; c != 0 && c != 0xff {
				i := (y-y0)*W + x
				w.edgeBuf = append(w.edgeBuf, edge{x: uint16(x), lab2: w.lab2[i], cov1: c, cov2: w.cov2[i]})
			}
		}
		r.edgeRows[y] = edgeRow{w: w, lo: int32(start), hi: int32(len(w.edgeBuf))}
		// Valid until the worker's buffer moves; rasterise sets it again
		// once every strip is listed.
		r.edges[y] = w.edgeBuf[start:len(w.edgeBuf):len(w.edgeBuf)]
	}
}

// stroke rasterises lines of width lw along the rings of parts, clipped to
// band, into dst (row stride band.Dx()). With skipArtificial, the edges that
// are not real borders are left out.
//
// Each unbroken run of edges is drawn as one ribbon: the run offset to the
// left, then back along the run offset to the right. The rasteriser fills by
// |winding| clamped to 1, so the ribbon's own overlaps at sharp turns still
// come out as plain line.
func (w *worker) stroke(parts [][]pxPart, band image.Rectangle, lw float64, dst []uint8, skipArtificial bool) {
	bw, bh := band.Dx(), band.Dy()
	w.z.Reset(bw, bh)
	w.z.DrawOp = draw.Src
	ox, oy := float32(band.Min.X), float32(band.Min.Y)
	hw := float32(lw / 2)
	lo, hi := -hw-1, float32(bh)+hw+1
	for _, cp := range parts {
		for _, p := range cp {
			if p.y1-oy < lo || p.y0-oy > hi {
				continue
			}
			for ri, ring := range p.rings {
				art := p.art[ri]
				nv := len(ring) / 2
				// Runs of real edges [a, b) of vertices, drawn when they
				// touch the band.
				a := 0
				for a < nv-1 {
					if skipArtificial && art[a] {
						a++
						continue
					}
					b := a + 1
					ymin, ymax := min(ring[2*a+1], ring[2*b+1]), max(ring[2*a+1], ring[2*b+1])
					for b < nv-1 && !(skipArtificial && art[b]) {
						b++
						y := ring[2*b+1]
						ymin, ymax = min(ymin, y), max(ymax, y)
					}
					if ymax-oy >= lo && ymin-oy <= hi {
						w.ribbon(ring[2*a:2*b+2], ox, oy, hw)
					}
					a = b
				}
			}
		}
	}
	mask := image.Alpha{Pix: dst, Stride: bw, Rect: image.Rect(0, 0, bw, bh)}
	w.z.Draw(&mask, mask.Rect, image.Opaque, image.Point{})
}

// ribbon adds the outline of a line of half-width hw along the polyline pts
// (x0,y0,x1,y1,…), shifted by (-ox, -oy).
func (w *worker) ribbon(pts []float32, ox, oy, hw float32) {
	off := ribbonOffsets(pts, hw, &w.off)
	n := len(pts) / 2
	pen := clipPen{z: &w.z, h: float32(w.z.Size().Y)}
	x0, y0 := pts[0]+off[0]-ox, pts[1]+off[1]-oy
	pen.moveTo(x0, y0)
	for i := 1; i < n; i++ {
		pen.lineTo(pts[2*i]+off[2*i]-ox, pts[2*i+1]+off[2*i+1]-oy)
	}
	for i := n - 1; i >= 0; i-- {
		pen.lineTo(pts[2*i]-off[2*i]-ox, pts[2*i+1]-off[2*i+1]-oy)
	}
	pen.lineTo(x0, y0)
}

// ribbonOffsets returns, in *buf, the offset of each vertex of the polyline
// pts from the line to the left edge of a ribbon of half-width hw along it
// (the right edge is the opposite offset), with mitred joints.
func ribbonOffsets(pts []float32, hw float32, buf *[]float32) []float32 {
	n := len(pts) / 2
	if cap(*buf) < 2*n {
		*buf = make([]float32, 2*n)
	}
	off := (*buf)[:2*n]
	closed := pts[0] == pts[2*n-2] && pts[1] == pts[2*n-1]
	segN := func(i int) (float32, float32) { // unit normal of segment i → i+1
		dx, dy := pts[2*i+2]-pts[2*i], pts[2*i+3]-pts[2*i+1]
		l := float32(math.Sqrt(float64(dx*dx + dy*dy)))
		if l == 0 {
			return 0, 0
		}
		return -dy / l, dx / l
	}
	// The normals of the segments before and after vertex i; each is
	// computed once.
	var ax, ay, bx, by float32
	if n > 1 {
		bx, by = segN(0)
	}
	if closed {
		ax, ay = segN(n - 2)
	}
	for i := 0; i < n; i++ {
		if i > 0 {
			ax, ay = bx, by
			switch {
			case i < n-1:
				bx, by = segN(i)
			case closed:
				bx, by = segN(0)
			}
		}
		var nx, ny float32
		switch {
		case i == 0 && !closed:
			nx, ny = bx, by
		case i == n-1 && !closed:
			nx, ny = ax, ay
		default:
			nx, ny = ax+bx, ay+by
			l := float32(math.Sqrt(float64(nx*nx + ny*ny)))
			if l < 1e-3 { // a U-turn: fall back to one side's normal
				nx, ny = ax, ay
			} else {
				nx, ny = nx/l, ny/l
				// Keep the line's width at the joint (mitre), up to 2×.
				if d := nx*ax + ny*ay; d > 0.5 {
					nx, ny = nx/d, ny/d
				} else {
					nx, ny = nx*2, ny*2
				}
			}
		}
		off[2*i], off[2*i+1] = nx*hw, ny*hw
	}
	return off
}

// clipPen feeds closed paths to a rasteriser h pixels tall, leaving out the
// edges that lie wholly above or wholly below it. Such an edge adds no
// coverage, yet vector's floating-point path steps through every row above
// the image that the edge spans, so with strips each long outline would be
// walked row by row many times over. Paths must be closed explicitly (the
// last vertex equal to the first): ClosePath would join the wrong point
// after a skipped edge.
type clipPen struct {
	z     *vector.Rasterizer
	h     float32
	x, y  float32 // the pen
	moved bool    // the pen has moved since z last saw it
}

func (c *clipPen) moveTo(x, y float32) {
	c.x, c.y, c.moved = x, y, true
}

func (c *clipPen) lineTo(x, y float32) {
	if (c.y <= 0 && y <= 0) || (c.y >= c.h && y >= c.h) {
		c.x, c.y, c.moved = x, y, true
		return
	}
	if c.moved {
		c.z.MoveTo(c.x, c.y)
		c.moved = false
	}
	c.z.LineTo(x, y)
	c.x, c.y = x, y
}

// outline returns the mask of the outline of iso at width lw, covering
// (with stride) the rectangle it returns, cached for the current viewport.
func (r *Renderer) outline(iso string, lw float64) ([]uint8, image.Rectangle) {
	k := outlineKey{iso, lw}
	if m, ok := r.outlines[k]; ok {
		return m.pix, m.rect
	}
	ci := r.world.Index(iso)
	if ci < 0 || r.countryBB[ci].Empty() {
		return nil, image.Rectangle{}
	}
	v := r.view
	pad := int(math.Ceil(lw)) + 2
	rect := r.countryBB[ci].Inset(-pad).Intersect(image.Rect(0, 0, v.W, v.H))
	if rect.Empty() {
		return nil, image.Rectangle{}
	}
	rw := rect.Dx()
	m := make([]uint8, rw*rect.Dy())
	one := [][]pxPart{r.toPixels(v, ci).parts[ci]}
	r.bands(v.H, func(w *worker, y0, y1 int) {
		band := image.Rect(0, y0, v.W, y1).Intersect(rect)
		if band.Empty() {
			return
		}
		// band spans rect's full width, so its rows are contiguous in m.
		w.stroke(one, band, lw, m[(band.Min.Y-rect.Min.Y)*rw:(band.Max.Y-rect.Min.Y)*rw], true)
	})
	if len(r.outlines) > 8 {
		clear(r.outlines)
	}
	r.outlines[k] = outlineMask{m, rect}
	return m, rect
}

// compose writes rows [y0, y1) of dst from the cached labels, the paints and
// the border mask, in three passes over each row: runs of one label (most
// pixels lie wholly inside one country or the sea) with a constant colour or
// the hatch pattern, then the anti-aliased edge pixels, then the borders.
// pat is the hatch pattern of a row starting at column -(y mod period): all
// ones in a stripe, zero between.
func (r *Renderer) compose(dst *image.RGBA, y0, y1 int, st Style, period int, pat []uint32) {
	W := r.view.W
	fill, hatch := r.fills, r.hatches
	sea := pack(st.Sea)
	border := st.Border
	for y := y0; y < y1; y++ {
		row := dst.Pix[y*dst.Stride : y*dst.Stride+4*W]
		lab1 := r.lab1[y*W : (y+1)*W]
		ph := pat[y%period : y%period+W]
		for x := 0; x < len(lab1); {
			l := lab1[x]
			e := x + 1
			for e+8 <= len(lab1) && lab1[e] == l && lab1[e+1] == l && lab1[e+2] == l && lab1[e+3] == l &&
				lab1[e+4] == l && lab1[e+5] == l && lab1[e+6] == l && lab1[e+7] == l {
				e += 8
			}
			for e < len(lab1) && lab1[e] == l {
				e++
			}
			c, d := fill[l], fill[l]^hatch[l]
			run := row[4*x : 4*e]
			if d == 0 {
				fillRun(run, c)
			} else {
				// The first period pixels, then copies of them.
				hp := ph[x:min(e, x+period)]
				for k, m := range hp {
					binary.LittleEndian.PutUint32(run[4*k:], c^d&m)
				}
				for k := 4 * len(hp); k < len(run); k *= 2 {
					copy(run[k:], run[:k])
				}
			}
			x = e
		}
		for _, e := range r.edges[y] {
			x := int(e.x)
			binary.LittleEndian.PutUint32(row[4*x:], r.blendEdge(lab1[x], e, ph[x] != 0, sea))
		}
		lines := r.border[y*W : (y+1)*W]
		for x := 0; x < len(lines); x++ {
			// Skip stretches with no border eight pixels at a time.
			for x+8 <= len(lines) && binary.LittleEndian.Uint64(lines[x:]) == 0 {
				x += 8
			}
			if x >= len(lines) {
				break
			}
			if b := lines[x]; b != 0 {
				o := row[4*x:]
				binary.LittleEndian.PutUint32(o, lerpPacked(binary.LittleEndian.Uint32(o), border, uint32(b)))
			}
		}
	}
}

// fillRun sets every pixel of run (4 bytes each) to the packed colour c.
func fillRun(run []byte, c uint32) {
	const direct = 16 // pixels set one by one before copying
	if len(run) <= 4*direct {
		for k := 0; k+4 <= len(run); k += 4 {
			binary.LittleEndian.PutUint32(run[k:], c)
		}
		return
	}
	for k := 0; k < 4*direct; k += 4 {
		binary.LittleEndian.PutUint32(run[k:], c)
	}
	for k := 4 * direct; k < len(run); k *= 2 {
		copy(run[k:], run[:k])
	}
}

// blendEdge mixes the up to two countries and the sea that share an
// anti-aliased pixel.
func (r *Renderer) blendEdge(l1 uint16, e edge, inHatch bool, sea uint32) uint32 {
	tab := r.fills
	if inHatch {
		tab = r.hatches
	}
	c1 := tab[l1]
	a1 := uint32(e.cov1)
	c2, a2 := sea, uint32(e.cov2)
	if e.lab2 != 0 {
		c2 = tab[e.lab2]
	}
	if a1+a2 > 0xff {
		a2 = 0xff - a1
	}
	a0 := 0xff - a1 - a2
	r0 := ((c1&0xff)*a1 + (c2&0xff)*a2 + (sea&0xff)*a0 + 127) / 0xff
	g0 := ((c1>>8&0xff)*a1 + (c2>>8&0xff)*a2 + (sea>>8&0xff)*a0 + 127) / 0xff
	b0 := ((c1>>16&0xff)*a1 + (c2>>16&0xff)*a2 + (sea>>16&0xff)*a0 + 127) / 0xff
	return r0 | g0<<8 | b0<<16 | 0xff000000
}

// overlay blends colour c into dst wherever mask, which covers rect row by
// row, is set.
func overlay(dst *image.RGBA, mask []uint8, rect image.Rectangle, c color.RGBA) {
	rw := rect.Dx()
	for y := rect.Min.Y; y < rect.Max.Y; y++ {
		row := dst.Pix[y*dst.Stride:]
		m := mask[(y-rect.Min.Y)*rw : (y-rect.Min.Y+1)*rw]
		for x := rect.Min.X; x < rect.Max.X; x++ {
			if a := m[x-rect.Min.X]; a != 0 {
				o := 4 * x
				binary.LittleEndian.PutUint32(row[o:], lerpPacked(binary.LittleEndian.Uint32(row[o:]), c, uint32(a)))
			}
		}
	}
}

// pack turns c into the little-endian RGBA word of an *image.RGBA pixel,
// forced opaque.
func pack(c color.RGBA) uint32 {
	return uint32(c.R) | uint32(c.G)<<8 | uint32(c.B)<<16 | 0xff000000
}

func lerpPacked(p uint32, c color.RGBA, a uint32) uint32 {
	na := 0xff - a
	r := ((p&0xff)*na + uint32(c.R)*a + 127) / 0xff
	g := ((p>>8&0xff)*na + uint32(c.G)*a + 127) / 0xff
	b := ((p>>16&0xff)*na + uint32(c.B)*a + 127) / 0xff
	return r | g<<8 | b<<16 | 0xff000000
}
