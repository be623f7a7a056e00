package labels

import (
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/tidwall/rtree"

	"cstomap/geo"
	"cstomap/timeline"
)

// Place places the labels of in. The same input always gives the same
// labels: every list is walked in a fixed order and ties are broken by ISO
// code.
//
// Members come first: each inside its country, centred on the pole of
// inaccessibility of its largest visible part, when its box (with room to
// spare) fits there; otherwise beside it, over the sea or land without a
// status as far as possible, with a leader line to that pole, at the
// nearest place that covers no other label, reserved box or leader and
// stays inside the view. A label that finds no place shrinks step by
// step down to MinSize. Context labels come last, inside their countries
// only, where they touch nothing already placed.
func Place(in Input) Result {
	if len(in.Prefer) == 0 {
		return place(in)
	}
	first := in
	first.Avoid, first.Prefer = append(slices.Clone(in.Avoid), in.Prefer...), nil
	res := place(first)
	if len(res.Missing) == 0 {
		return res
	}
	again := in
	again.Prefer, again.Only, again.Context = nil, res.Missing, false
	again.Avoid = slices.Clone(in.Avoid)
	for _, l := range res.Labels {
		again.Avoid = append(again.Avoid, l.Box)
	}
	more := place(again)
	res.Labels, res.Missing = append(res.Labels, more.Labels...), more.Missing
	return res
}

// place is Place without Prefer.
func place(in Input) Result {
	if in.Proj == nil || in.View.W <= 0 || in.View.H <= 0 || in.Size <= 0 {
		return Result{}
	}
	if in.Face == nil {
		in.Face = defaultFaces.Face
	}
	if in.MinSize <= 0 || in.MinSize > in.Size {
		in.MinSize = 0.7 * in.Size
	}
	p := &placer{in: in, w: in.Proj.World, v: in.View, ix: indexOf(in.Proj),
		frame: Rect{0, 0, float64(in.View.W), float64(in.View.H)}}
	p.fine, p.coarse = newHitGrid(p.frame, 2), newHitGrid(p.frame, coverCell)
	defer p.fine.release()
	defer p.coarse.release()
	for i, a := range in.Avoid {
		p.tree.Insert([2]float64{a.X0, a.Y0}, [2]float64{a.X1, a.Y1}, -1-i)
	}
	members := p.members()
	p.anchors = members
	// Inside first, largest first: they take the places that are theirs
	// anyway; then the rest outside, smallest first, as the smallest have
	// the fewest good places.
	var outside []*country
	for _, c := range members {
		if !p.placeInside(c, p.nameText(c, in.Size)) {
			outside = append(outside, c)
		}
	}
	slices.SortStableFunc(outside, func(a, b *country) int {
		if a.area != b.area {
			return cmpFloat(a.area, b.area)
		}
		return strings.Compare(a.iso, b.iso)
	})
	var res Result
	for _, c := range outside {
		// Beside the country at full size, before any smaller name
		// inside it: names of one size read as one map. Only where
		// there is no room at all do they shrink.
		placed := p.placeOutside(c, p.nameText(c, in.Size))
		for size := in.Size * 0.9; size >= in.MinSize-1e-9 && !placed; size *= 0.9 {
			t := p.nameText(c, size)
			placed = p.placeInside(c, t) || p.placeOutside(c, t)
		}
		if !placed {
			res.Missing = append(res.Missing, c.iso)
		}
	}
	if in.Context && in.Only == nil {
		p.placeContext(members)
	}
	res.Labels = p.labels
	return res
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// placer holds one placement's state.
type placer struct {
	in    Input
	w     *geo.World
	v     geo.Viewport
	ix    *poleIndex
	frame Rect
	// tree holds the placed labels' boxes (their index) and the reserved
	// boxes (-1-index).
	tree    rtree.RTreeG[int]
	labels  []Label
	leaders [][4]float64
	// fine and coarse remember which country is under each cell, of 2
	// pixels for the inside tests and coverCell for pricing.
	fine, coarse hitGrid
	// anchors are the members, whose anchors a label beside its country
	// keeps clear of: a leader to an anchor under another name crosses it.
	anchors []*country
}

// country is a country in view that may be named.
type country struct {
	ci       int
	iso      string
	name     string
	kind     Kind
	status   timeline.Status
	ax, ay   float64 // the anchor, in pixels
	radius   float64 // of the largest circle inside the part at the anchor, in pixels
	area     float64 // the visible area, in square pixels
	bx0, by0 float64 // the visible box
	bx1, by1 float64
}

// members returns the countries to name as members, largest first.
func (p *placer) members() []*country {
	only := map[string]bool{}
	for _, iso := range p.in.Only {
		only[iso] = true
	}
	skip := map[string]bool{}
	for _, iso := range p.in.Skip {
		skip[iso] = true
	}
	var isos []string
	for iso, st := range p.in.Statuses {
		if st == timeline.StatusNone || skip[iso] || (p.in.Only != nil && !only[iso]) {
			continue
		}
		isos = append(isos, iso)
	}
	slices.Sort(isos)
	var out []*country
	for _, iso := range isos {
		ci := p.w.Index(iso)
		if ci < 0 {
			continue
		}
		if c, ok := p.locate(ci, 0, 1); ok {
			c.kind, c.status = Member, p.in.Statuses[iso]
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b *country) int { return cmpFloat(b.area, a.area) })
	return out
}

// locate finds where country ci is in view: its anchor, visible area and
// box. ok is false when none of it is visible, or less than minArea square
// pixels. An anchor out of view is searched for again in the visible
// pieces, to within precision pixels.
func (p *placer) locate(ci int, minArea, precision float64) (*country, bool) {
	v := p.v
	c := &country{ci: ci, iso: p.w.Countries[ci].ISO, name: p.w.Countries[ci].Name,
		bx0: math.Inf(1), by0: math.Inf(1), bx1: math.Inf(-1), by1: math.Inf(-1)}
	visible := false
	for _, pi := range p.ix.parts[ci] {
		b := p.in.Proj.Parts[pi].Bound
		x0, y1 := v.FromProjected(b.Min[0], b.Min[1])
		x1, y0 := v.FromProjected(b.Max[0], b.Max[1])
		r := Rect{x0, y0, x1, y1}
		if !r.Overlaps(p.frame) {
			continue
		}
		visible = true
		c.bx0, c.by0 = math.Min(c.bx0, math.Max(x0, 0)), math.Min(c.by0, math.Max(y0, 0))
		c.bx1, c.by1 = math.Max(c.bx1, math.Min(x1, p.frame.X1)), math.Max(c.by1, math.Min(y1, p.frame.Y1))
	}
	if !visible {
		return nil, false
	}
	s := v.Scale
	if p.ix.totalArea(ci)*s*s < minArea {
		return nil, false
	}
	// The pole of the largest part whose pole is in view (the window
	// may be zoomed or panned away from the largest).
	for _, pi := range p.ix.largestParts(ci, 6) {
		pl := p.ix.partPole(pi)
		ax, ay := v.FromProjected(pl.x, pl.y)
		margin := math.Min(p.in.Size, pl.r*s)
		if ax-margin >= 0 && ay-margin >= 0 && ax+margin <= p.frame.X1 && ay+margin <= p.frame.Y1 {
			c.ax, c.ay, c.radius = ax, ay, pl.r*s
			c.area = p.ix.totalArea(ci) * s * s
			return c, true
		}
	}
	// The largest part's pole is out of view (the window is zoomed or
	// panned): use the pole of the largest piece of the country that is
	// in view, unless the boxes of its parts show too little of it.
	seen := 0.0
	for _, pi := range p.ix.parts[ci] {
		b := p.in.Proj.Parts[pi].Bound
		x0, y1 := v.FromProjected(b.Min[0], b.Min[1])
		x1, y0 := v.FromProjected(b.Max[0], b.Max[1])
		w := math.Min(x1, p.frame.X1) - math.Max(x0, 0)
		h := math.Min(y1, p.frame.Y1) - math.Max(y0, 0)
		if w > 0 && h > 0 {
			seen += w * h
		}
	}
	if seen < math.Max(minArea, 1) {
		return nil, false
	}
	// A neighbour cut by the frame that fills little of the view is
	// anchored cheaply, without a search (which costs milliseconds): at
	// its largest part's pole brought into view, or else at the middle
	// of its visible box, whichever is on it. placeInside checks the rest.
	if minArea > 0 && seen < 0.2*p.frame.X1*p.frame.Y1 {
		pl := p.ix.partPole(p.ix.largestParts(ci, 1)[0])
		ax, ay := v.FromProjected(pl.x, pl.y)
		m := math.Min(p.in.Size*3, math.Min(p.frame.X1, p.frame.Y1)/4)
		for _, q := range [][2]float64{
			{math.Max(m, math.Min(p.frame.X1-m, ax)), math.Max(m, math.Min(p.frame.Y1-m, ay))},
			{(c.bx0 + c.bx1) / 2, (c.by0 + c.by1) / 2},
		} {
			if p.countryAt(q[0], q[1]) == ci {
				c.ax, c.ay, c.radius, c.area = q[0], q[1], math.Inf(1), seen
				return c, true
			}
		}
		// Neither point is on it (Turkey seen from the Caucasus, its pole
		// far out of view and its visible box's middle on Georgia): search
		// its visible pieces as below.
	}
	var best [][]float64
	bestA := 0.0
	for _, pi := range p.ix.parts[ci] {
		part := &p.in.Proj.Parts[pi]
		b := part.Bound
		x0, y1 := v.FromProjected(b.Min[0], b.Min[1])
		x1, y0 := v.FromProjected(b.Max[0], b.Max[1])
		if !(Rect{x0, y0, x1, y1}).Overlaps(p.frame) {
			continue
		}
		var rings [][]float64
		for ri, rg := range part.Rings {
			// In pixels, without the vertices closer than a fraction of
			// the precision to the last one kept: the search costs time
			// in proportion to them.
			px := make([]float64, 0, len(rg))
			lx, ly := math.Inf(1), math.Inf(1)
			for k := 0; k+1 < len(rg); k += 2 {
				x, y := v.FromProjected(float64(rg[k]), float64(rg[k+1]))
				if math.Abs(x-lx)+math.Abs(y-ly) >= precision/2 || k+2 >= len(rg) {
					px = append(px, x, y)
					lx, ly = x, y
				}
			}
			cl := clipRing(px, p.frame)
			if cl == nil {
				if ri == 0 {
					break
				}
				continue
			}
			rings = append(rings, cl)
		}
		if len(rings) == 0 {
			continue
		}
		a := math.Abs(ringArea(rings[0]))
		c.area += a
		if a > bestA {
			best, bestA = rings, a
		}
	}
	if bestA < 1 || c.area < minArea {
		return nil, false
	}
	c.ax, c.ay, c.radius = Pole(best, precision)
	return c, true
}

// nameText is c's name measured at size, in the weight of its kind.
func (p *placer) nameText(c *country, size float64) text {
	if c.kind == Context {
		return newText(p.in.Face, c.name, size, false)
	}
	return newText(p.in.Face, c.name, size, true)
}

// countryAt returns the index of the country under pixel (x, y), or -1,
// by 2-pixel cells.
func (p *placer) countryAt(x, y float64) int { return p.fine.at(p, x, y) }

// hitGrid remembers which country is under the centre of each cell of
// the frame, found on first use. The cells are kept in tiles of
// hitTile×hitTile made on first use too: a placement looks at a small part
// of the frame, and clearing a whole frame's cells (megabytes at 2 pixels a
// cell) cost more than the looking.
type hitGrid struct {
	cell  float64
	w, h  int                         // in cells
	tw    int                         // in tiles
	tiles []*[hitTile * hitTile]int32 // country index + 2: 0 is not looked up yet, 1 is none
}

const hitTile = 16

// hitTiles are tiles let go by finished placements, for the next.
var hitTiles = sync.Pool{New: func() any { return new([hitTile * hitTile]int32) }}

// release gives g's tiles back to hitTiles; g is not used again.
func (g *hitGrid) release() {
	for i, t := range g.tiles {
		if t != nil {
			hitTiles.Put(t)
			g.tiles[i] = nil
		}
	}
}

func newHitGrid(frame Rect, cell float64) hitGrid {
	w, h := int(math.Ceil(frame.X1/cell))+1, int(math.Ceil(frame.Y1/cell))+1
	tw, th := (w+hitTile-1)/hitTile, (h+hitTile-1)/hitTile
	return hitGrid{cell: cell, w: w, h: h, tw: tw, tiles: make([]*[hitTile * hitTile]int32, tw*th)}
}

// at returns the country under the cell of (x, y), or -1 (also outside
// the frame).
func (g *hitGrid) at(p *placer, x, y float64) int {
	gx, gy := int(math.Floor(x/g.cell)), int(math.Floor(y/g.cell))
	if gx < 0 || gy < 0 || gx >= g.w || gy >= g.h {
		return -1
	}
	ti := (gy/hitTile)*g.tw + gx/hitTile
	tile := g.tiles[ti]
	if tile == nil {
		tile = hitTiles.Get().(*[hitTile * hitTile]int32)
		clear(tile[:])
		g.tiles[ti] = tile
	}
	cell := &tile[(gy%hitTile)*hitTile+gx%hitTile]
	if c := *cell; c != 0 {
		return int(c) - 2
	}
	ci := -1
	cx, cy := (float64(gx)+0.5)*g.cell, (float64(gy)+0.5)*g.cell
	if d := p.in.Drawn; d != nil && d.World() == p.w {
		if i, ok := d.CountryIndexAt(p.v, cx, cy); ok {
			*cell = int32(i + 2)
			return i
		}
	}
	if lon, lat, ok := p.v.LonLat(cx, cy); ok {
		if iso, ok := p.w.CountryAt(lon, lat); ok {
			ci = p.w.Index(iso)
		}
	}
	*cell = int32(ci + 2)
	return ci
}

// free reports whether box is in the frame and covers no placed label,
// reserved box or leader line.
func (p *placer) free(box Rect) bool {
	if !box.Within(p.frame) {
		return false
	}
	hit := false
	const eps = 1e-6
	p.tree.Search([2]float64{box.X0 + eps, box.Y0 + eps}, [2]float64{box.X1 - eps, box.Y1 - eps}, func(_, _ [2]float64, _ int) bool {
		hit = true
		return false
	})
	if hit {
		return false
	}
	for _, l := range p.leaders {
		if segmentHitsRect(l[0], l[1], l[2], l[3], box) {
			return false
		}
	}
	return true
}

// inside reports whether box lies inside country ci: every point of its
// outline, a step apart, and of its middle line is on ci.
func (p *placer) inside(ci int, box Rect) bool {
	// The corners and the middle first: most boxes that do not fit fail
	// there.
	ym := (box.Y0 + box.Y1) / 2
	for _, q := range [][2]float64{{box.X0, box.Y0}, {box.X1, box.Y1}, {box.X1, box.Y0}, {box.X0, box.Y1}, {(box.X0 + box.X1) / 2, ym}} {
		if p.countryAt(q[0], q[1]) != ci {
			return false
		}
	}
	step := math.Max(2, math.Min(5, box.Dy()/3))
	nx := int(math.Ceil(box.Dx() / step))
	ny := int(math.Ceil(box.Dy() / step))
	for i := 0; i <= nx; i++ {
		x := box.X0 + box.Dx()*float64(i)/float64(nx)
		if p.countryAt(x, box.Y0) != ci || p.countryAt(x, box.Y1) != ci || p.countryAt(x, ym) != ci {
			return false
		}
	}
	for j := 1; j < ny; j++ {
		y := box.Y0 + box.Dy()*float64(j)/float64(ny)
		if p.countryAt(box.X0, y) != ci || p.countryAt(box.X1, y) != ci {
			return false
		}
	}
	return true
}

// placeInside places t inside c near its anchor if it fits there, on one
// line or else on two.
func (p *placer) placeInside(c *country, t text) bool {
	if p.placeInsideAs(c, t) {
		return true
	}
	t2, ok := twoLines(p.in.Face, t.s, t.size, t.bold)
	return ok && p.placeInsideAs(c, t2)
}

// placeInsideAs places t inside c near its anchor, as t is broken.
func (p *placer) placeInsideAs(c *country, t text) bool {
	bw, bh := t.boxW(), t.boxH()
	if c.radius*2 < bh || c.area < bw*bh {
		return false
	}
	pad := t.size * padScale
	// The anchor, then nudges along the longer side of the label.
	offsets := [][2]float64{{0, 0}, {-bw / 4, 0}, {bw / 4, 0}, {0, -bh / 2}, {0, bh / 2}, {-bw / 4, -bh / 2}, {bw / 4, bh / 2}, {-bw / 4, bh / 2}, {bw / 4, -bh / 2}}
	for _, o := range offsets {
		box := t.boxAt(c.ax+o[0], c.ay+o[1])
		if !p.free(box) {
			continue
		}
		if !p.inside(c.ci, Rect{box.X0 - pad, box.Y0 - pad, box.X1 + pad, box.Y1 + pad}) {
			continue
		}
		box, lines := t.at(c.ax+o[0], c.ay+o[1])
		p.add(c, t, box, lines, false)
		return true
	}
	return false
}

// placeOutside places t beside c with a leader line: at the free place of
// least cost, the cost being the distance from c's anchor plus penalties
// for covering land with a status, for standing above or below rather than
// beside, and for each label the leader would cross. It looks outwards
// ring by ring and stops once a ring is farther than the best cost found.
func (p *placer) placeOutside(c *country, t text) bool {
	bw, bh := t.boxW(), t.boxH()
	gap := t.size * 0.35
	step := math.Max(2, bh/2)
	maxR := math.Hypot(p.frame.X1, p.frame.Y1)
	const dirs = 24
	bestCost := math.Inf(1)
	var bestX, bestY float64
	for r := gap; r <= maxR && r <= bestCost; r += step {
		for k := 0; k < dirs; k++ {
			// Start at the right and alternate above and below it, so that
			// of two equal places the more horizontal wins.
			a := float64((k+1)/2) * 2 * math.Pi / dirs
			if k%2 == 1 {
				a = -a
			}
			cos, sin := math.Cos(a), math.Sin(a)
			cx := c.ax + cos*(r+bw/2)
			cy := c.ay - sin*(r+bh/2)
			box := t.boxAt(cx, cy)
			base := r + bh*0.5*math.Abs(sin)
			if base >= bestCost || !p.free(box) {
				continue
			}
			cross := p.leaderCrossings(c.ax, c.ay, box)
			if cross < 0 {
				continue
			}
			base += float64(cross+p.anchorsUnder(c, t.inkOf(box))) * crossCost * bh
			if base >= bestCost {
				continue
			}
			cost := base + p.coverCost(c.ci, box, bh)
			if cost < bestCost {
				bestCost, bestX, bestY = cost, cx, cy
			}
		}
	}
	if math.IsInf(bestCost, 1) {
		return false
	}
	box, lines := t.at(bestX, bestY)
	p.add(c, t, box, lines, true)
	return true
}

// anchorsUnder returns how many members other than c have their anchor
// under ink, a label's text: a leader ending there would cross it (one
// ending in its halo, at its edge, reads as well as one ending beside it).
func (p *placer) anchorsUnder(c *country, box Rect) int {
	n := 0
	for _, m := range p.anchors {
		if m != c && box.contains(m.ax, m.ay) {
			n++
		}
	}
	return n
}

// coverCost is the penalty for box covering countries with a status: the
// share of its sample points on them, weighted by several label heights
// (more for the country's own land, which the label should leave visible).
//
// On the main map other members' land weighs nearly as much as the
// country's own, so that a name put beside its country goes over sea or
// land with no status, as the issue asks, rather than over a neighbour
// (NATO's "United Kingdom" over Germany). In an inset (Input.Inset), all
// members' land magnified, a short leader matters more.
func (p *placer) coverCost(ci int, box Rect, bh float64) float64 {
	nx := max(2, int(math.Ceil(box.Dx()/math.Max(coverCell, bh/2))))
	const ny = 3
	member, own := 0, 0
	for i := 0; i <= nx; i++ {
		for j := 0; j < ny; j++ {
			x := box.X0 + box.Dx()*float64(i)/float64(nx)
			y := box.Y0 + box.Dy()*(float64(j)+0.5)/ny
			k := p.coarse.at(p, x, y)
			switch {
			case k == ci:
				own++
			case k >= 0 && p.in.Statuses[p.w.Countries[k].ISO] != timeline.StatusNone:
				member++
			}
		}
	}
	n := float64((nx + 1) * ny)
	memberWeight := 10.0
	if p.in.Inset {
		memberWeight = 3
	}
	return (float64(member)*memberWeight + float64(own)*12) * bh / n
}

// leaderCrossings returns how many placed labels and leaders the leader
// from box to (ax, ay) would cross, or -1 if it would cross a reserved box.
func (p *placer) leaderCrossings(ax, ay float64, box Rect) int {
	x0, y0 := nearest(box, ax, ay)
	n := 0
	for _, l := range p.leaders {
		if segmentsCross(x0, y0, ax, ay, l[0], l[1], l[2], l[3]) {
			n++
		}
	}
	p.tree.Search([2]float64{math.Min(x0, ax), math.Min(y0, ay)}, [2]float64{math.Max(x0, ax), math.Max(y0, ay)}, func(min, max [2]float64, id int) bool {
		if segmentHitsRect(x0, y0, ax, ay, Rect{min[0], min[1], max[0], max[1]}) {
			if id < 0 {
				if (Rect{min[0], min[1], max[0], max[1]}).contains(ax, ay) {
					return true // the country shows only under the box: reach it there
				}
				n = -1
				return false
			}
			n++
		}
		return true
	})
	return n
}

// contains reports whether (x, y) is in r.
func (r Rect) contains(x, y float64) bool { return x >= r.X0 && x <= r.X1 && y >= r.Y0 && y <= r.Y1 }

// nearest returns the point of box nearest to (x, y).
func nearest(box Rect, x, y float64) (float64, float64) {
	return math.Max(box.X0, math.Min(box.X1, x)), math.Max(box.Y0, math.Min(box.Y1, y))
}

// add records a placed label.
func (p *placer) add(c *country, t text, box Rect, lines []Line, leader bool) {
	l := Label{ISO: c.iso, Text: t.s, Kind: c.kind, Status: c.status, X: lines[0].X, Y: lines[0].Y, Lines: lines,
		Size: t.size, Bold: t.bold, Width: lines[0].Width, Box: box, Halo: t.halo, AnchorX: c.ax, AnchorY: c.ay}
	if leader {
		lx, ly := nearest(box, c.ax, c.ay)
		if math.Hypot(lx-c.ax, ly-c.ay) >= 2 {
			l.Leader, l.LX0, l.LY0, l.LX1, l.LY1 = true, lx, ly, c.ax, c.ay
			p.leaders = append(p.leaders, [4]float64{lx, ly, c.ax, c.ay})
		}
	}
	p.tree.Insert([2]float64{box.X0, box.Y0}, [2]float64{box.X1, box.Y1}, len(p.labels))
	p.labels = append(p.labels, l)
}

// placeContext names the neighbours of the members in view that have no
// status, largest first, inside them only, where they touch nothing
// placed, and at most max(maxContext, members) of them: a map of an
// alliance names its surroundings, not the world.
func (p *placer) placeContext(members []*country) {
	size := math.Max(p.in.Size*contextScale, p.in.MinSize)
	d := 0.02 * math.Max(p.frame.X1, p.frame.Y1)
	near := Rect{-d, -d, d, d}
	// The smallest a country can be and still hold a short name: the
	// height of a label across, and three labels' area.
	probe := newText(p.in.Face, "Oman", size, false)
	minR := probe.boxH() / 2
	minA := probe.boxW() * probe.boxH() * 3
	var cands []int
	for ci, wc := range p.w.Countries {
		if p.in.Statuses[wc.ISO] != timeline.StatusNone {
			continue // a member, named here or in the inset
		}
		if p.nearAny(ci, members, near) {
			cands = append(cands, ci)
		}
	}
	// Largest first, and located only until enough are named: locating
	// searches for a pole, which is most of a first placement's time.
	slices.SortStableFunc(cands, func(a, b int) int { return cmpFloat(p.ix.totalArea(b), p.ix.totalArea(a)) })
	n := 0
	for _, ci := range cands {
		if n >= max(maxContext, len(members)) {
			break
		}
		c, ok := p.locate(ci, minA, probe.boxH()/2)
		if !ok || c.radius < minR {
			continue
		}
		c.kind, c.status = Context, timeline.StatusNone
		if p.placeInside(c, p.nameText(c, size)) {
			n++
		}
	}
}

// nearAny reports whether a part of country ci comes within pad of the
// box of a visible part of one of the members.
func (p *placer) nearAny(ci int, members []*country, pad Rect) bool {
	for _, pi := range p.ix.parts[ci] {
		b := p.in.Proj.Parts[pi].Bound
		x0, y1 := p.v.FromProjected(b.Min[0], b.Min[1])
		x1, y0 := p.v.FromProjected(b.Max[0], b.Max[1])
		r := Rect{x0 + pad.X0, y0 + pad.Y0, x1 + pad.X1, y1 + pad.Y1}
		if !r.Overlaps(p.frame) {
			continue
		}
		for _, m := range members {
			if r.Overlaps(Rect{m.bx0, m.by0, m.bx1, m.by1}) {
				return true
			}
		}
	}
	return false
}

// segmentsCross reports whether the segments a–b and c–d cross: each
// has the other's ends strictly on either side (segments that only touch,
// as two leaders to one point do, do not cross).
func segmentsCross(ax, ay, bx, by, cx, cy, dx, dy float64) bool {
	side := func(px, py, qx, qy, rx, ry float64) float64 { return (qx-px)*(ry-py) - (qy-py)*(rx-px) }
	d1, d2 := side(cx, cy, dx, dy, ax, ay), side(cx, cy, dx, dy, bx, by)
	d3, d4 := side(ax, ay, bx, by, cx, cy), side(ax, ay, bx, by, dx, dy)
	return d1*d2 < 0 && d3*d4 < 0
}

// segmentHitsRect reports whether the segment a–b meets the box
// (Liang–Barsky clipping).
func segmentHitsRect(ax, ay, bx, by float64, r Rect) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := bx-ax, by-ay
	clip := func(p, q float64) bool {
		if p == 0 {
			return q >= 0
		}
		t := q / p
		if p < 0 {
			if t > t1 {
				return false
			}
			t0 = math.Max(t0, t)
		} else {
			if t < t0 {
				return false
			}
			t1 = math.Min(t1, t)
		}
		return true
	}
	return clip(-dx, ax-r.X0) && clip(dx, r.X1-ax) && clip(-dy, ay-r.Y0) && clip(dy, r.Y1-ay) && t0 < t1
}
