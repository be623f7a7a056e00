package geo

import (
	"image"
	"math"
	"slices"

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
	// Margin is the free space kept between an inset and the view's edge,
	// the area it magnifies and other insets.
	Margin float64
	// MaxW and MaxH bound an inset's size as shares of the view's width and
	// height; 0 means 0.45 and 0.6.
	MaxW, MaxH float64
	// Avoid are boxes of the view an inset must not cover (a year label
	// drawn over the map).
	Avoid []image.Rectangle
	// Drawn, when not nil, is a renderer that has just drawn the view: its
	// per-pixel countries tell where members are, instead of a hit test
	// per point (about ten times faster).
	Drawn *Renderer
}

// Inset is one magnified part of the map, drawn over an empty part of it.
type Inset struct {
	// Countries are the members the inset is for, sorted; other countries
	// in its area are drawn too, as context.
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

// PlanInsets returns the insets for view v of pr: one for each group of
// neighbouring members that are smaller than p.MinSide on their longer
// side, magnified so that the smallest reaches p.Target where the room
// allows, and placed over sea or non-member land near the area it
// magnifies. Groups that find no room get no inset. The result depends
// only on its inputs.
func PlanInsets(pr *Projected, v Viewport, p InsetParams) []Inset {
	if p.MaxW <= 0 {
		p.MaxW = 0.45
	}
	if p.MaxH <= 0 {
		p.MaxH = 0.6
	}
	groups := insetGroups(pr, v, p)
	if len(groups) == 0 {
		return nil
	}
	mask := newMemberMask(pr.World, v, p.Members, p.Drawn)
	var out []Inset
	taken := slices.Clone(p.Avoid)
	for _, g := range groups {
		in, ok := placeInset(v, g, p, mask, taken)
		if !ok {
			continue
		}
		out = append(out, in)
		taken = append(taken, in.Rect, in.Source)
	}
	return out
}

// insetGroup is a set of small members and the box they span on the main
// view, in pixels.
type insetGroup struct {
	isos     []string
	box      orb.Bound // pixels of the main view
	smallest float64   // longer side of the smallest, pixels of the main view
}

// insetGroups finds the small members in view and groups neighbours: small
// members whose boxes come within MinSide of each other share an inset as
// long as it can still magnify the smallest to Target (touching ones that
// together stay within four times the smallest's size always do), and a
// member up to one and a half times MinSide, and twice the group's size,
// that touches a group joins it (Azerbaijan with Armenia and Georgia). At most maxInsets groups are kept, those with the
// smallest countries.
func insetGroups(pr *Projected, v Viewport, p InsetParams) []insetGroup {
	type cand struct {
		iso  string
		box  orb.Bound
		side float64
	}
	frame := orb.Bound{Max: orb.Point{float64(v.W), float64(v.H)}}
	var small, mid []cand
	cands := p.Candidates
	if cands == nil {
		cands = p.Members
	}
	for _, iso := range cands {
		b := RegionBound(pr, []string{iso})
		if math.IsInf(b.Min[0], 0) {
			continue
		}
		x0, y0 := v.FromProjected(b.Min[0], b.Max[1])
		x1, y1 := v.FromProjected(b.Max[0], b.Min[1])
		px := orb.Bound{Min: orb.Point{x0, y0}, Max: orb.Point{x1, y1}}
		if !px.Intersects(frame) {
			continue
		}
		c := cand{iso, px, math.Max(x1-x0, y1-y0)}
		switch {
		case c.side < p.MinSide:
			small = append(small, c)
		case c.side < 1.5*p.MinSide:
			mid = append(mid, c)
		}
	}
	// Neighbours merge, nearest pair first, while the merged group still
	// fits an inset that magnifies its smallest country to Target.
	groups := make([]*insetGroup, len(small))
	for i, c := range small {
		groups[i] = &insetGroup{isos: []string{c.iso}, box: c.box, smallest: c.side}
	}
	fits := func(g *insetGroup) bool {
		sw, sh := insetSource(g.box)
		k := p.Target / math.Max(g.smallest, 0.5)
		return sw*k <= p.MaxW*float64(v.W) && sh*k <= p.MaxH*float64(v.H)
	}
	for {
		bi, bj, bd := -1, -1, math.Inf(1)
		for i := range groups {
			for j := i + 1; j < len(groups); j++ {
				d := boxGap(groups[i].box, groups[j].box)
				if d > p.MinSide || d >= bd {
					continue
				}
				m := insetGroup{box: groups[i].box.Union(groups[j].box), smallest: math.Min(groups[i].smallest, groups[j].smallest)}
				// Touching neighbours that together stay within four
				// times the smallest's size share an inset even where it
				// cannot reach Target (a small image).
				compact := d <= 1 && math.Max(m.box.Max[0]-m.box.Min[0], m.box.Max[1]-m.box.Min[1]) <= 4*m.smallest
				if compact || fits(&m) {
					bi, bj, bd = i, j, d
				}
			}
		}
		if bi < 0 {
			break
		}
		gi, gj := groups[bi], groups[bj]
		gi.isos = append(gi.isos, gj.isos...)
		gi.box = gi.box.Union(gj.box)
		gi.smallest = math.Min(gi.smallest, gj.smallest)
		groups = slices.Delete(groups, bj, bj+1)
	}
	byRoot := map[int]*insetGroup{}
	var order []int
	for i, g := range groups {
		byRoot[i] = g
		order = append(order, i)
	}
	var out []insetGroup
	for _, r := range order {
		g := byRoot[r]
		core := g.box
		coreSide := math.Max(core.Max[0]-core.Min[0], core.Max[1]-core.Min[1])
		for _, c := range mid {
			if boxGap(c.box, core) <= 1 && c.side <= 2*coreSide {
				g.isos = append(g.isos, c.iso)
				g.box = g.box.Union(c.box)
			}
		}
		slices.Sort(g.isos)
		out = append(out, *g)
	}
	// The group with the smallest country first: it needs the inset most
	// and gets the first pick of the room.
	slices.SortStableFunc(out, func(a, b insetGroup) int {
		switch {
		case a.smallest < b.smallest:
			return -1
		case a.smallest > b.smallest:
			return 1
		}
		return 0
	})
	if len(out) > maxInsets {
		out = out[:maxInsets]
	}
	return out
}

// maxInsets bounds the insets of one map.
const maxInsets = 4

// placeInset sizes g's inset and finds room for it, shrinking it while no
// place is free.
func placeInset(v Viewport, g insetGroup, p InsetParams, mask *memberMask, taken []image.Rectangle) (Inset, bool) {
	// The area shown: the group's box with a border of an eighth of its
	// size, so the countries do not touch the frame.
	src := insetPad(g.box)
	sw, sh := src.Max[0]-src.Min[0], src.Max[1]-src.Min[1]
	k := p.Target / math.Max(g.smallest, 0.5)
	k = math.Min(k, math.Min(p.MaxW*float64(v.W)/sw, p.MaxH*float64(v.H)/sh))
	srcRect := image.Rect(int(math.Floor(src.Min[0])), int(math.Floor(src.Min[1])), int(math.Ceil(src.Max[0])), int(math.Ceil(src.Max[1])))
	// Rounded, with the centre below, so that panning (which moves the
	// pixel boxes by whole pixels, give or take rounding) leaves the
	// inset's view exactly as it was and its raster cached.
	k = math.Ceil(k*1000) / 1000
	for ; k >= 1.5; k = math.Round(k*850) / 1000 {
		w, h := int(math.Ceil(sw*k)), int(math.Ceil(sh*k))
		r, ok := mask.place(w, h, srcRect, p.Margin, taken)
		if !ok {
			continue
		}
		// The inset's view: the source's centre at its centre, k times
		// the main view's scale.
		cx, cy := v.ToProjected((src.Min[0]+src.Max[0])/2, (src.Min[1]+src.Max[1])/2)
		q := v.Scale * k * 4 // a quarter of an inset pixel
		cx, cy = math.Round(cx*q)/q, math.Round(cy*q)/q
		iv := Viewport{Proj: v.Proj, W: w, H: h, Scale: v.Scale * k, CX: cx, CY: cy}
		return Inset{Countries: g.isos, Source: srcRect, Rect: r, View: iv, Smallest: g.smallest * k}, true
	}
	return Inset{}, false
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
// member country, with prefix sums so that any box is checked at once.
type memberMask struct {
	w, h int     // view size, pixels
	step float64 // pixels between grid points
	nx   int     // grid points per row
	ny   int
	sum  []int32 // (nx+1)×(ny+1) prefix sums of member points
}

func newMemberMask(world *World, v Viewport, members []string, drawn *Renderer) *memberMask {
	step := math.Max(4, float64(min(v.W, v.H))/120)
	m := &memberMask{w: v.W, h: v.H, step: step}
	m.nx, m.ny = int(float64(v.W)/step)+1, int(float64(v.H)/step)+1
	is := make([]bool, len(world.Countries)+1) // by country index + 1; 0 is the sea
	for _, iso := range members {
		if i := world.Index(iso); i >= 0 {
			is[i+1] = true
		}
	}
	member := func(x, y float64) bool {
		lon, lat, ok := v.LonLat(x, y)
		if !ok {
			return false
		}
		return is[world.countryIndexAt(lon, lat)+1]
	}
	if drawn != nil && drawn.world == world {
		drawn.mu.Lock()
		defer drawn.mu.Unlock()
		if drawn.valid && drawn.view == v {
			member = func(x, y float64) bool {
				xi, yi := min(int(x), v.W-1), min(int(y), v.H-1)
				return is[drawn.lab1[yi*v.W+xi]]
			}
		}
	}
	m.sum = make([]int32, (m.nx+1)*(m.ny+1))
	for j := 0; j < m.ny; j++ {
		row := int32(0)
		for i := 0; i < m.nx; i++ {
			if member(float64(i)*step, float64(j)*step) {
				row++
			}
			m.sum[(j+1)*(m.nx+1)+i+1] = m.sum[j*(m.nx+1)+i+1] + row
		}
	}
	return m
}

// count returns the member points in the pixel box r.
func (m *memberMask) count(r image.Rectangle) int32 {
	i0 := max(0, int(math.Ceil(float64(r.Min.X)/m.step)))
	j0 := max(0, int(math.Ceil(float64(r.Min.Y)/m.step)))
	i1 := min(m.nx, int(math.Floor(float64(r.Max.X)/m.step))+1)
	j1 := min(m.ny, int(math.Floor(float64(r.Max.Y)/m.step))+1)
	if i1 <= i0 || j1 <= j0 {
		return 0
	}
	s := func(i, j int) int32 { return m.sum[j*(m.nx+1)+i] }
	return s(i1, j1) - s(i0, j1) - s(i1, j0) + s(i0, j0)
}

// place finds the free w×h box nearest to src: inside the view by margin,
// covering no member point (nor any within a grid step of its edge) and
// clear of src and the taken boxes by margin.
func (m *memberMask) place(w, h int, src image.Rectangle, margin float64, taken []image.Rectangle) (image.Rectangle, bool) {
	mg := int(math.Ceil(margin))
	if w+2*mg > m.w || h+2*mg > m.h {
		return image.Rectangle{}, false
	}
	step := max(1, int(m.step))
	pad := int(math.Ceil(m.step))
	scx, scy := float64(src.Min.X+src.Max.X)/2, float64(src.Min.Y+src.Max.Y)/2
	best, bestD := image.Rectangle{}, math.Inf(1)
	for y := mg; y+h+mg <= m.h; y += step {
		for x := mg; x+w+mg <= m.w; x += step {
			r := image.Rect(x, y, x+w, y+h)
			d := math.Hypot(float64(x)+float64(w)/2-scx, float64(y)+float64(h)/2-scy)
			if d >= bestD {
				continue
			}
			grown := r.Inset(-mg)
			if grown.Overlaps(src) || overlapsAny(grown, taken) || m.count(r.Inset(-pad)) > 0 {
				continue
			}
			best, bestD = r, d
		}
	}
	return best, !math.IsInf(bestD, 1)
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
