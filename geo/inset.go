package geo

import (
	"image"
	"math"
	"slices"
	"strings"
	"sync"
	"weak"

	"github.com/paulmach/orb"
)

// InsetParams say which countries an inset may show and where it may go.
// Lengths are in the pixels of the main view.
type InsetParams struct {
	// Members are the countries with a status (not none) on show, with the
	// territories that follow their sovereign's: the land an inset must
	// not cover.
	Members []string
	// Candidates are the alliance's own countries with a status: those
	// that get an inset when small (a territory such as Bermuda does not);
	// nil means Members.
	Candidates []string
	// MinSide is the longer side below which a member is too small on the
	// main map and gets an inset (40 logical pixels times the pixel scale).
	MinSide float64
	// Target is the longer side the smallest country of an inset should
	// reach in it (60 logical pixels times the pixel scale).
	Target float64
	// MinZoom is the least magnification worth an inset: a group of
	// countries that finds room only at less gets none, and its countries
	// are named on the main map. 0 means DefaultMinZoom.
	MinZoom float64
	// MaxInsets bounds the insets of one view; 0 means DefaultMaxInsets.
	MaxInsets int
	// Margin is the free space kept between an inset and the view's edge,
	// the area it magnifies and other insets.
	Margin float64
	// MaxW and MaxH bound an inset's size as shares of the view's width and
	// height; 0 means 0.45 and 0.6.
	MaxW, MaxH float64
	// Avoid are boxes of the view an inset must not cover (a year label
	// drawn over the map).
	Avoid []image.Rectangle
	// Drawn, when not nil, is the renderer that draws the view: its
	// per-pixel countries tell where members are, instead of a hit test
	// per point (about ten times faster when it has drawn the view; it
	// rasterises the view when it has not, so that a PNG and an SVG of the
	// same map get the same insets).
	Drawn *Renderer
}

// DefaultMinZoom is InsetParams.MinZoom's default: an inset that does not
// at least double its countries' size shows little the main map does not.
const DefaultMinZoom = 2

// DefaultMaxInsets is InsetParams.MaxInsets's default: more insets than
// this crowd the map they are meant to explain. A small map (under
// smallMap squares of MinSide, about 630×400 logical pixels: an 800×600
// window) gets two at most.
const DefaultMaxInsets = 3

// smallMap is the area, in squares of MinSide, under which a map gets at
// most two insets.
const smallMap = 250

// Inset is one magnified part of the map, drawn over an empty part of it.
type Inset struct {
	// Countries are the members the inset is for (named in it), sorted;
	// other countries in its area are drawn too, as context.
	Countries []string
	// Source is the area shown, in the main view's pixels; the main map
	// outlines it.
	Source image.Rectangle
	// Rect is where the inset sits, in the main view's pixels.
	Rect image.Rectangle
	// View draws the inset: Rect.Dx()×Rect.Dy() pixels showing Source.
	View Viewport
	// Smallest is the longer side, in pixels, of the inset's smallest
	// country as it is drawn in it.
	Smallest float64
}

// Contains reports whether pixel (x, y) of the main view is inside the
// inset.
func (in Inset) Contains(x, y float64) bool {
	return x >= float64(in.Rect.Min.X) && x < float64(in.Rect.Max.X) && y >= float64(in.Rect.Min.Y) && y < float64(in.Rect.Max.Y)
}

// ToInset converts pixel (x, y) of the main view to a pixel of in.View.
func (in Inset) ToInset(x, y float64) (float64, float64) {
	return x - float64(in.Rect.Min.X), y - float64(in.Rect.Min.Y)
}

// Zoom returns how many times the inset magnifies the main view.
func (in Inset) Zoom(main Viewport) float64 { return in.View.Scale / main.Scale }

// PlanInsets returns the insets for view v of pr. The members that need
// one are those smaller than p.MinSide on their longer side that reach
// p.Target only when magnified p.MinZoom times or more; they are grouped:
// near neighbours share one inset as long as it can still magnify them
// p.MinZoom times within its bounds (the Low Countries and Denmark in
// one, not four). Members nearly big enough (under p.MinSide, but not
// that small) join a group of one or two they touch as companions, as do
// those up to one and a half times p.MinSide (Azerbaijan and Georgia with
// Armenia), but never make their own inset beside those that need one:
// Portugal and Iceland do not crowd a NATO map that insets the Low
// Countries, and Germany stays on the main map. When no member needs an
// inset, the neediest group of the nearly big enough gets one.
//
// Each group is magnified so that its smallest country reaches p.Target
// where the room allows, and placed over sea or non-member land near the
// area it magnifies, preferring sea (see place); a group that finds no
// room even at p.MinZoom is split into the two parts it was merged from,
// which need less. The groups with the smallest countries go first, at
// most p.MaxInsets are placed, and a small member an inset shows whole is
// named in it. The members left out are named on the main map. The
// result depends only on its inputs.
func PlanInsets(pr *Projected, v Viewport, p InsetParams) []Inset {
	if p.MaxW <= 0 {
		p.MaxW = 0.45
	}
	if p.MaxH <= 0 {
		p.MaxH = 0.6
	}
	if p.MinZoom <= 0 {
		p.MinZoom = DefaultMinZoom
	}
	if p.MaxInsets <= 0 {
		p.MaxInsets = DefaultMaxInsets
		if float64(v.W)*float64(v.H) < smallMap*p.MinSide*p.MinSide {
			p.MaxInsets = 2
		}
	}
	gs := insetGroups(pr, v, p)
	if len(gs.roots) == 0 {
		return nil
	}
	// Groups of members that are nearly big enough are optional: only
	// the neediest gets an inset.
	queue := slices.Clone(gs.roots)
	if gs.optional {
		queue = queue[:1]
	}
	mask := newMemberMask(pr, v, p.Members, p.Drawn)
	// No inset covers the area another magnifies, placed or not: those
	// are where the reader looks for the small members.
	taken := slices.Clone(p.Avoid)
	for _, g := range gs.roots {
		taken = append(taken, padRect(g.box))
	}
	named := map[string]bool{}
	var out []Inset
	for len(queue) > 0 && len(out) < p.MaxInsets {
		g := queue[0]
		queue = queue[1:]
		if i := slices.IndexFunc(out, func(in Inset) bool { return within(g.box, in.Source) }); i >= 0 {
			// Already shown whole by an inset (Slovenia in the Balkans'):
			// it is named there.
			gs.addTo(&out[i], g.isos, named, v)
			continue
		}
		isos, box := gs.withCompanions(g, named)
		in, ok := placeInset(v, isos, box, g.smallest, p, mask, taken)
		if !ok {
			if g.kids[0] != nil {
				queue = append(queue, g.kids[0], g.kids[1])
				sortByNeed(queue)
			}
			continue
		}
		for _, iso := range isos {
			named[iso] = true
		}
		out = append(out, in)
		taken = append(taken, in.Rect)
	}
	// Members under MinSide left out that an inset shows whole are named
	// there.
	for _, c := range slices.Concat(gs.small, gs.near) {
		if named[c.iso] {
			continue
		}
		if i := slices.IndexFunc(out, func(in Inset) bool { return within(c.box, in.Source) }); i >= 0 {
			gs.addTo(&out[i], []string{c.iso}, named, v)
		}
	}
	return out
}

// within reports whether box b lies inside r.
func within(b orb.Bound, r image.Rectangle) bool {
	return b.Min[0] >= float64(r.Min.X) && b.Min[1] >= float64(r.Min.Y) && b.Max[0] <= float64(r.Max.X) && b.Max[1] <= float64(r.Max.Y)
}

// addTo makes in name the small members isos that no inset names yet,
// keeping its Countries sorted and its Smallest true.
func (gs groupSet) addTo(in *Inset, isos []string, named map[string]bool, v Viewport) {
	zoom := in.Zoom(v)
	for _, iso := range isos {
		if named[iso] {
			continue
		}
		named[iso] = true
		in.Countries = append(in.Countries, iso)
		for _, c := range slices.Concat(gs.small, gs.near) {
			if c.iso == iso {
				in.Smallest = math.Min(in.Smallest, c.side*zoom)
			}
		}
	}
	slices.Sort(in.Countries)
}

// boundCache keeps the RegionBound of each country for the few
// projections last planned (a frame plans again on every pan and zoom,
// with the same projection); it does not keep them alive.
type boundCache struct {
	mu      sync.Mutex
	entries []boundEntry // most recent last
}

type boundEntry struct {
	pr     weak.Pointer[Projected]
	bounds map[string]orb.Bound
}

// boundCacheSize is how many projections boundCache keeps.
const boundCacheSize = 4

var regionBounds boundCache

// get returns RegionBound(pr, {iso}).
func (c *boundCache) get(pr *Projected, iso string) orb.Bound {
	key := weak.Make(pr)
	c.mu.Lock()
	defer c.mu.Unlock()
	i := slices.IndexFunc(c.entries, func(e boundEntry) bool { return e.pr == key })
	if i < 0 {
		if len(c.entries) == boundCacheSize {
			c.entries = slices.Delete(c.entries, 0, 1)
		}
		c.entries = append(c.entries, boundEntry{pr: key, bounds: map[string]orb.Bound{}})
		i = len(c.entries) - 1
	} else if i != len(c.entries)-1 {
		e := c.entries[i]
		c.entries = append(slices.Delete(c.entries, i, i+1), e)
		i = len(c.entries) - 1
	}
	b, ok := c.entries[i].bounds[iso]
	if !ok {
		b = RegionBound(pr, []string{iso})
		c.entries[i].bounds[iso] = b
	}
	return b
}

// insetGroup is a set of small members and the box they span on the main
// view, in pixels; a merged group keeps the two it was made of.
type insetGroup struct {
	isos     []string  // the small members, sorted
	box      orb.Bound // their box, pixels of the main view
	smallest float64   // longer side of the smallest, pixels of the main view
	largest  float64   // and of the largest
	kids     [2]*insetGroup
}

// insetCand is a member on the main view: its box in pixels and its
// longer side.
type insetCand struct {
	iso  string
	box  orb.Bound
	side float64
}

// groupSet is the grouping of a view's small members.
type groupSet struct {
	// roots are the largest groups, neediest (smallest country) first.
	roots []*insetGroup
	// small are the members that need an inset: under MinSide, and so
	// small that they reach Target only at MinZoom or more. When none
	// does, they are those under MinSide, and optional is true.
	small    []insetCand
	optional bool
	// near are the members nearly big enough, beside those that need an
	// inset.
	near []insetCand
	// mid are the other members up to one and a half times MinSide: they
	// join a group they touch (see companions).
	mid     []insetCand
	minSide float64
}

// sortByNeed orders groups by their smallest country, then by name.
func sortByNeed(gs []*insetGroup) {
	slices.SortStableFunc(gs, func(a, b *insetGroup) int {
		switch {
		case a.smallest < b.smallest:
			return -1
		case a.smallest > b.smallest:
			return 1
		}
		return strings.Compare(a.isos[0], b.isos[0])
	})
}

// insetGroups finds the small members in view and groups them: the two
// groups nearest each other (within MinSide) merge, again and
// again, as long as the merged group's inset fits its bounds at
// MinZoom.
func insetGroups(pr *Projected, v Viewport, p InsetParams) groupSet {
	frame := orb.Bound{Max: orb.Point{float64(v.W), float64(v.H)}}
	cands := p.Candidates
	if cands == nil {
		cands = p.Members
	}
	cands = slices.Sorted(slices.Values(cands))
	gs := groupSet{minSide: p.MinSide}
	var near []insetCand
	for _, iso := range cands {
		b := regionBounds.get(pr, iso)
		if math.IsInf(b.Min[0], 0) {
			continue
		}
		x0, y0 := v.FromProjected(b.Min[0], b.Max[1])
		x1, y1 := v.FromProjected(b.Max[0], b.Min[1])
		px := orb.Bound{Min: orb.Point{x0, y0}, Max: orb.Point{x1, y1}}
		if !px.Intersects(frame) {
			continue
		}
		side := math.Max(x1-x0, y1-y0)
		c := insetCand{iso, px, side}
		switch {
		case side*p.MinZoom < p.Target:
			gs.small = append(gs.small, c)
		case side < p.MinSide:
			near = append(near, c)
		case side < 1.5*p.MinSide:
			gs.mid = append(gs.mid, c)
		}
	}
	// Members that need an inset make the groups, and those nearly big
	// enough join them as companions; with none that needs one, the
	// nearly big enough make them (an inset for Armenia at 38 pixels on a
	// CSTO map with nothing smaller).
	if len(gs.small) > 0 {
		gs.mid = append(slices.Clone(near), gs.mid...)
		gs.near = near
	} else {
		gs.small, gs.optional = near, true
	}
	var nodes []*insetGroup
	for _, c := range gs.small {
		nodes = append(nodes, &insetGroup{isos: []string{c.iso}, box: c.box, smallest: c.side, largest: c.side})
	}
	fits := func(b orb.Bound) bool {
		sw, sh := insetSource(b)
		return sw*p.MinZoom <= p.MaxW*float64(v.W) && sh*p.MinZoom <= p.MaxH*float64(v.H)
	}
	for {
		bi, bj, bd := -1, -1, math.Inf(1)
		for i := range nodes {
			for j := i + 1; j < len(nodes); j++ {
				d := boxGap(nodes[i].box, nodes[j].box)
				if d > p.MinSide || d >= bd {
					continue
				}
				_, b := gs.companions(len(nodes[i].isos)+len(nodes[j].isos), nodes[i].box.Union(nodes[j].box), math.Max(nodes[i].largest, nodes[j].largest), nil)
				if fits(b) {
					bi, bj, bd = i, j, d
				}
			}
		}
		if bi < 0 {
			break
		}
		a, b := nodes[bi], nodes[bj]
		m := &insetGroup{
			isos:     slices.Sorted(slices.Values(append(slices.Clone(a.isos), b.isos...))),
			box:      a.box.Union(b.box),
			smallest: math.Min(a.smallest, b.smallest),
			largest:  math.Max(a.largest, b.largest),
			kids:     [2]*insetGroup{a, b},
		}
		nodes[bi] = m
		nodes = slices.Delete(nodes, bj, bj+1)
	}
	sortByNeed(nodes)
	gs.roots = nodes
	return gs
}

// companions returns the members of gs.mid, other than those in skip,
// that join a group of n members spanning box whose largest is largest
// pixels long, and the box with them. They join a group of one or two
// (to complete a region, not to grow one that is one already) when they
// touch its box, as grown by those that joined before: one under MinSide
// always, a larger one when at most twice the group's largest. Belgium
// and the Netherlands join Luxembourg, Azerbaijan and Georgia Armenia;
// Germany does not join the Low Countries and Denmark.
func (gs groupSet) companions(n int, box orb.Bound, largest float64, skip map[string]bool) ([]string, orb.Bound) {
	if n > 2 {
		return nil, box
	}
	var out []string
	for grew := true; grew; {
		grew = false
		for _, c := range gs.mid {
			if skip[c.iso] || slices.Contains(out, c.iso) || boxGap(c.box, box) > 1 || (c.side >= gs.minSide && c.side > 2*largest) {
				continue
			}
			out = append(out, c.iso)
			box = box.Union(c.box)
			grew = true
		}
	}
	return out, box
}

// withCompanions returns g's members with their companions that are not
// named in another inset (named), sorted, and the box they span.
func (gs groupSet) withCompanions(g *insetGroup, named map[string]bool) ([]string, orb.Bound) {
	more, box := gs.companions(len(g.isos), g.box, g.largest, named)
	isos := slices.Concat(g.isos, more)
	slices.Sort(isos)
	return isos, box
}

// zoomCost is what giving up magnification costs a place, in shares of
// the view's diagonal per halving: an inset half as magnified must be
// that much nearer, or over that much more sea, to be chosen.
const zoomCost = 0.2

// placeInset sizes the inset for the countries isos spanning box, whose
// smallest is smallest pixels long, and finds room for it: the most
// magnified size that is free somewhere, between p.MinZoom and what
// brings the smallest to p.Target within the bounds, unless a smaller
// one finds a much better place (zoomCost).
func placeInset(v Viewport, isos []string, box orb.Bound, smallest float64, p InsetParams, mask *memberMask, taken []image.Rectangle) (Inset, bool) {
	// The area shown: the group's box with a border of an eighth of its
	// size, so the countries do not touch the frame.
	src := insetPad(box)
	sw, sh := src.Max[0]-src.Min[0], src.Max[1]-src.Min[1]
	k := math.Max(p.Target/math.Max(smallest, 0.5), p.MinZoom)
	k = math.Min(k, math.Min(p.MaxW*float64(v.W)/sw, p.MaxH*float64(v.H)/sh))
	if k < p.MinZoom {
		return Inset{}, false
	}
	srcRect := padRect(box)
	// Rounded, with the centre below, so that panning (which moves the
	// pixel boxes by whole pixels, give or take rounding) leaves the
	// inset's view exactly as it was and its raster cached.
	k = math.Ceil(k*1000) / 1000
	minK := math.Ceil(p.MinZoom*1000) / 1000
	top := k
	best, bestK, bestCost := image.Rectangle{}, 0.0, math.Inf(1)
	for {
		w, h := int(math.Ceil(sw*k)), int(math.Ceil(sh*k))
		penalty := zoomCost * math.Log2(top/k)
		if penalty >= bestCost {
			break // no smaller size can do better
		}
		if r, c, ok := mask.place(w, h, srcRect, p.Margin, taken, bestCost-penalty); ok {
			best, bestK, bestCost = r, k, c+penalty
		}
		if k <= minK {
			break
		}
		k = math.Max(minK, math.Round(k*850)/1000)
	}
	if bestK == 0 {
		return Inset{}, false
	}
	k = bestK
	// The inset's view: the source's centre at its centre, k times the
	// main view's scale.
	cx, cy := v.ToProjected((src.Min[0]+src.Max[0])/2, (src.Min[1]+src.Max[1])/2)
	q := v.Scale * k * 4 // a quarter of an inset pixel
	cx, cy = math.Round(cx*q)/q, math.Round(cy*q)/q
	iv := Viewport{Proj: v.Proj, W: best.Dx(), H: best.Dy(), Scale: v.Scale * k, CX: cx, CY: cy}
	return Inset{Countries: isos, Source: srcRect, Rect: best, View: iv, Smallest: smallest * k}, true
}

// padRect returns the pixels an inset shows for a group's box.
func padRect(box orb.Bound) image.Rectangle {
	src := insetPad(box)
	return image.Rect(int(math.Floor(src.Min[0])), int(math.Floor(src.Min[1])), int(math.Ceil(src.Max[0])), int(math.Ceil(src.Max[1])))
}

// insetPad returns the area an inset shows for a group's box: the box with
// a border of an eighth of its size, so the countries do not touch the
// frame.
func insetPad(b orb.Bound) orb.Bound {
	pad := 0.12*math.Max(b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]) + 3
	return orb.Bound{Min: orb.Point{b.Min[0] - pad, b.Min[1] - pad}, Max: orb.Point{b.Max[0] + pad, b.Max[1] + pad}}
}

// insetSource returns the size of the area an inset shows for a group's
// box.
func insetSource(b orb.Bound) (w, h float64) {
	s := insetPad(b)
	return s.Max[0] - s.Min[0], s.Max[1] - s.Min[1]
}

// memberMask tells, on a grid of points over the view, which lie in a
// member country and which on any land, with prefix sums so that any box
// is checked at once.
type memberMask struct {
	w, h int     // view size, pixels
	step float64 // pixels between grid points
	nx   int     // grid points per row
	ny   int
	sum  []int32 // (nx+1)×(ny+1) prefix sums of member points
	land []int32 // the same for points on land, members or not
}

func newMemberMask(pr *Projected, v Viewport, members []string, drawn *Renderer) *memberMask {
	world := pr.World
	step := math.Max(4, float64(min(v.W, v.H))/120)
	m := &memberMask{w: v.W, h: v.H, step: step}
	m.nx, m.ny = int(float64(v.W)/step)+1, int(float64(v.H)/step)+1
	is := make([]bool, len(world.Countries)+1) // by country index + 1; 0 is the sea
	for _, iso := range members {
		if i := world.Index(iso); i >= 0 {
			is[i+1] = true
		}
	}
	// at returns the country index + 1 at pixel (x, y), 0 for the sea.
	at := func(x, y float64) int {
		lon, lat, ok := v.LonLat(x, y)
		if !ok {
			return 0
		}
		return world.countryIndexAt(lon, lat) + 1
	}
	if drawn != nil && drawn.world == world && v.W > 0 && v.H > 0 {
		drawn.mu.Lock()
		defer drawn.mu.Unlock()
		if drawn.projected(v.Proj); !drawn.valid || drawn.view != v {
			// Not drawn yet (an SVG, or a plan asked before the frame):
			// rasterise it as a frame would, so that the insets are the
			// ones the drawn view gets.
			drawn.rasterise(v, drawn.width)
		}
		at = func(x, y float64) int {
			xi, yi := min(int(x), v.W-1), min(int(y), v.H-1)
			return int(drawn.lab1[yi*v.W+xi])
		}
	}
	const member, land = 1, 2
	grid := make([]uint8, m.nx*m.ny)
	for j := 0; j < m.ny; j++ {
		for i := 0; i < m.nx; i++ {
			if c := at(float64(i)*step, float64(j)*step); c > 0 {
				grid[j*m.nx+i] = land
				if is[c] {
					grid[j*m.nx+i] = member | land
				}
			}
		}
	}
	// Islands smaller than the grid (the Azores) fall between its
	// points: their boxes mark the points around them.
	for k := range pr.Parts {
		part := &pr.Parts[k]
		if !is[part.Country+1] {
			continue
		}
		x0, y0 := v.FromProjected(part.Bound.Min[0], part.Bound.Max[1])
		x1, y1 := v.FromProjected(part.Bound.Max[0], part.Bound.Min[1])
		if x1-x0 > 2*step || y1-y0 > 2*step || x1 < 0 || y1 < 0 || x0 >= float64(v.W) || y0 >= float64(v.H) {
			continue
		}
		i0, i1 := max(0, int(math.Floor(x0/step))), min(m.nx-1, int(math.Ceil(x1/step)))
		j0, j1 := max(0, int(math.Floor(y0/step))), min(m.ny-1, int(math.Ceil(y1/step)))
		for j := j0; j <= j1; j++ {
			for i := i0; i <= i1; i++ {
				grid[j*m.nx+i] = member | land
			}
		}
	}
	m.sum = make([]int32, (m.nx+1)*(m.ny+1))
	m.land = make([]int32, (m.nx+1)*(m.ny+1))
	for j := 0; j < m.ny; j++ {
		row, lrow := int32(0), int32(0)
		for i := 0; i < m.nx; i++ {
			g := grid[j*m.nx+i]
			row += int32(g & member)
			lrow += int32(g&land) >> 1
			k := (j+1)*(m.nx+1) + i + 1
			m.sum[k] = m.sum[k-m.nx-1] + row
			m.land[k] = m.land[k-m.nx-1] + lrow
		}
	}
	return m
}

// count returns the member points and all points in the pixel box r, and
// the land points among them.
func (m *memberMask) count(r image.Rectangle) (members, land, all int32) {
	i0 := max(0, int(math.Ceil(float64(r.Min.X)/m.step)))
	j0 := max(0, int(math.Ceil(float64(r.Min.Y)/m.step)))
	i1 := min(m.nx, int(math.Floor(float64(r.Max.X)/m.step))+1)
	j1 := min(m.ny, int(math.Floor(float64(r.Max.Y)/m.step))+1)
	if i1 <= i0 || j1 <= j0 {
		return 0, 0, 0
	}
	s := func(t []int32) int32 {
		n := m.nx + 1
		return t[j1*n+i1] - t[j1*n+i0] - t[j0*n+i1] + t[j0*n+i0]
	}
	return s(m.sum), s(m.land), int32((i1 - i0) * (j1 - j0))
}

// landCost is what covering land costs a place, in shares of the view's
// diagonal: an inset all over land must be that much nearer the area it
// magnifies than one over the sea to be chosen. Insets go over the sea,
// where they hide nothing, unless that is far away.
const landCost = 0.3

// place finds the best free w×h box for the area src: inside the view by
// margin, covering no member point (nor any within a grid step of its
// edge), clear of src and the taken boxes by margin, and, among those,
// the nearest to src, counting landCost for the share of it over land.
// It returns the box and its cost, if one costs less than limit.
func (m *memberMask) place(w, h int, src image.Rectangle, margin float64, taken []image.Rectangle, limit float64) (image.Rectangle, float64, bool) {
	mg := int(math.Ceil(margin))
	if w+2*mg > m.w || h+2*mg > m.h {
		return image.Rectangle{}, 0, false
	}
	step := max(1, int(m.step))
	pad := int(math.Ceil(m.step))
	scx, scy := float64(src.Min.X+src.Max.X)/2, float64(src.Min.Y+src.Max.Y)/2
	diag := math.Hypot(float64(m.w), float64(m.h))
	best, bestCost := image.Rectangle{}, limit
	for y := mg; y+h+mg <= m.h; y += step {
		for x := mg; x+w+mg <= m.w; x += step {
			r := image.Rect(x, y, x+w, y+h)
			dx, dy := float64(x)+float64(w)/2-scx, float64(y)+float64(h)/2-scy
			d := math.Sqrt(dx*dx+dy*dy) / diag
			if d >= bestCost {
				continue
			}
			grown := r.Inset(-mg)
			if grown.Overlaps(src) || overlapsAny(grown, taken) {
				continue
			}
			if members, _, _ := m.count(r.Inset(-pad)); members > 0 {
				continue
			}
			// The land share in eighths: a point of coast more or less
			// (the drawn raster against hit tests) does not move it.
			_, land, all := m.count(r)
			cost := d
			if all > 0 {
				cost += landCost * math.Round(8*float64(land)/float64(all)) / 8
			}
			if cost < bestCost {
				best, bestCost = r, cost
			}
		}
	}
	return best, bestCost, bestCost < limit
}

func overlapsAny(r image.Rectangle, rs []image.Rectangle) bool {
	for _, o := range rs {
		if r.Overlaps(o) {
			return true
		}
	}
	return false
}

// NewRendererFor returns a renderer for pr's world that starts with pr as
// its projection, so that a second view of the same map (an inset) keeps
// its own raster cache without projecting the world again.
func NewRendererFor(pr *Projected) *Renderer {
	return &Renderer{world: pr.World, proj: pr, outlines: map[outlineKey]outlineMask{}}
}

// SpreadBoxes moves boxes (in order; the first stays) up or down by whole
// heights, nearest first, until none overlaps an earlier one, keeping each
// inside within when it can: the names of an inset's countries do not
// cover each other. It returns the moved boxes.
func SpreadBoxes(boxes []orb.Bound, within orb.Bound) []orb.Bound {
	out := make([]orb.Bound, 0, len(boxes))
	for _, b := range boxes {
		h := b.Max[1] - b.Min[1]
		best := b
		for _, k := range []float64{0, 1, -1, 2, -2, 3, -3} {
			c := orb.Bound{Min: orb.Point{b.Min[0], b.Min[1] + k*h}, Max: orb.Point{b.Max[0], b.Max[1] + k*h}}
			if c.Min[1] < within.Min[1] || c.Max[1] > within.Max[1] {
				continue
			}
			free := true
			for _, o := range out {
				if c.Min[0] < o.Max[0] && o.Min[0] < c.Max[0] && c.Min[1] < o.Max[1] && o.Min[1] < c.Max[1] {
					free = false
					break
				}
			}
			if free {
				best = c
				break
			}
		}
		out = append(out, best)
	}
	return out
}
