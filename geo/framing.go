package geo

import (
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// Framing is how a map is framed at first: a projection and the countries
// the first view must show whole. It knows no alliance: callers build it
// from an alliance file's "map" block (see export.FramingOf).
type Framing struct {
	Proj Albers
	Fit  []string
}

// FitMargin is the share of the smaller side of the image left free around
// the fitted countries on every side.
const FitMargin = 0.04

// NewFraming returns the framing for an Albers projection centred on
// centerLon with standard parallels p1 and p2 (origin latitude midway), fitted
// to the countries fit.
func NewFraming(centerLon, p1, p2 float64, fit []string) (Framing, error) {
	p, err := NewAlbers(centerLon, (p1+p2)/2, p1, p2)
	if err != nil {
		return Framing{}, err
	}
	return Framing{Proj: p, Fit: fit}, nil
}

// View returns the w×h viewport of f. pr must be the world projected with
// f.Proj.
func (f Framing) View(pr *Projected, w, h int) Viewport {
	return FitRegion(f.Proj, RegionBound(pr, f.Fit), w, h)
}

// FitRegion fits the projected box region into w×h with a margin of
// FitMargin of the smaller side (at least 4 pixels): the whole-region view.
// It is the one framing function: the window's first view and every export
// go through it.
func FitRegion(p Albers, region orb.Bound, w, h int) Viewport {
	return Fit(p, region, w, h, math.Max(4, FitMargin*float64(min(w, h))))
}

// RegionBound returns the projected box around the countries listed, as
// projected with pr. First each country's largest part, and its parts that
// make up at least 1% of its area and lie within half the largest part's
// size of it, give a box; then the smaller parts that come within 5% of
// that box are added (Kaliningrad, Chukotka east of 180°). Far-flung
// islands and overseas regions such as Hawaii, the Azores or French Guiana
// do not stretch the view; whole regions such as Alaska still do.
func RegionBound(pr *Projected, isos []string) orb.Bound {
	b := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	want := map[int]bool{}
	for _, iso := range isos {
		if i := pr.World.Index(iso); i >= 0 {
			want[i] = true
		}
	}
	// Areas in projected units: Albers is equal-area, so they compare.
	area := func(p *ProjPart) float64 {
		r := p.Rings[0]
		s := 0.0
		for i := 0; i+3 < len(r); i += 2 {
			s += float64(r[i])*float64(r[i+3]) - float64(r[i+2])*float64(r[i+1])
		}
		return math.Abs(s) / 2
	}
	total := map[int]float64{}
	core := map[int]*ProjPart{} // each country's largest part
	for i := range pr.Parts {
		if p := &pr.Parts[i]; want[p.Country] {
			a := area(p)
			total[p.Country] += a
			if c := core[p.Country]; c == nil || a > area(c) {
				core[p.Country] = p
			}
		}
	}
	big := b
	for i := range pr.Parts {
		p := &pr.Parts[i]
		if !want[p.Country] || area(p) < 0.01*total[p.Country] {
			continue
		}
		c := core[p.Country].Bound
		reach := 0.5 * math.Max(c.Max[0]-c.Min[0], c.Max[1]-c.Min[1])
		if boxGap(p.Bound, c) <= reach {
			big = big.Union(p.Bound)
		}
	}
	b = big
	dx, dy := 0.05*(big.Max[0]-big.Min[0]), 0.05*(big.Max[1]-big.Min[1])
	near := orb.Bound{Min: orb.Point{big.Min[0] - dx, big.Min[1] - dy}, Max: orb.Point{big.Max[0] + dx, big.Max[1] + dy}}
	for i := range pr.Parts {
		p := &pr.Parts[i]
		if want[p.Country] && p.Bound.Intersects(near) {
			b = b.Union(p.Bound)
		}
	}
	return b
}

// boxGap is the distance between two boxes along the axis where they are
// farthest apart, 0 when they overlap.
func boxGap(a, b orb.Bound) float64 {
	dx := math.Max(a.Min[0]-b.Max[0], b.Min[0]-a.Max[0])
	dy := math.Max(a.Min[1]-b.Max[1], b.Min[1]-a.Max[1])
	return math.Max(0, math.Max(dx, dy))
}

// AutoFraming returns a framing for the countries fit when no projection is
// given: an Albers projection centred on the middle of their largest parts'
// longitudes, with standard parallels one sixth of their latitude span in
// from its edges (the usual rule for a conic map). It fails when no code
// in fit is in w.
func AutoFraming(w *World, fit []string) (Framing, error) {
	b := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	for _, iso := range fit {
		c, ok := w.Country(iso)
		if !ok {
			continue
		}
		// The largest part alone: far territories would pull the centre.
		var big orb.Polygon
		for _, poly := range c.Geometry {
			if big == nil || planarArea(poly) > planarArea(big) {
				big = poly
			}
		}
		if big != nil {
			b = b.Union(big.Bound())
		}
	}
	if math.IsInf(b.Min[0], 0) {
		return Framing{}, fmt.Errorf("geo: no country to frame among %v: %w", fit, ErrUnknownCountry)
	}
	span := b.Max[1] - b.Min[1]
	p1, p2 := b.Min[1]+span/6, b.Max[1]-span/6
	if math.Abs(p1+p2) < 1 { // symmetric about the equator: n would vanish
		p1, p2 = p1+1, p2+1
	}
	return NewFraming((b.Min[0]+b.Max[0])/2, p1, p2, fit)
}

// planarArea is the area of the polygon's outer ring in square degrees:
// good enough to tell a country's main part from its islands.
func planarArea(p orb.Polygon) float64 {
	if len(p) == 0 {
		return 0
	}
	r := p[0]
	s := 0.0
	for i := 0; i+1 < len(r); i++ {
		s += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return math.Abs(s) / 2
}
