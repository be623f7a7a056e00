package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// Projected is the world's geometry projected once for one projection. Every
// viewport of that projection shares it: zooming and panning only apply an
// affine transform to these coordinates, they never re-project.
type Projected struct {
	Proj  Albers
	World *World
	// Parts are the polygons of every country, split at the projection's seam
	// where they cross it.
	Parts []ProjPart
}

// ProjPart is one polygon of one country, in projected coordinates.
type ProjPart struct {
	// Country is the index of the country in World.Countries.
	Country int
	// Rings holds each ring as x0,y0,x1,y1,… with the closing vertex
	// repeated. float32 is finer than a metre on the unit sphere, and halves
	// the memory of this copy of the outlines.
	Rings [][]float32
	// Artificial marks, per ring, the edges (i → i+1) that are not real
	// borders: the antimeridian cut in Natural Earth and the projection's
	// seam. They are filled but never stroked.
	Artificial [][]bool
	// Bound is the part's box in projected coordinates.
	Bound orb.Bound
}

// Project projects every country of w with p, splitting polygons that cross
// the projection's seam so that no polygon is smeared across the map.
func Project(w *World, p Albers) *Projected {
	pr := &Projected{Proj: p, World: w}
	seam := p.Seam()
	for ci, c := range w.Countries {
		for _, poly := range c.Geometry {
			b := poly.Bound()
			if b.Max[0] <= seam || b.Min[0] >= seam {
				pr.add(ci, poly, p.shift(b), seam)
				continue
			}
			for _, east := range []bool{true, false} {
				half := clipPolygon(poly, seam, east)
				if len(half) > 0 {
					pr.add(ci, half, p.shift(half.Bound()), seam)
				}
			}
		}
	}
	return pr
}

// shift returns the multiple of 360° that brings longitudes in b (which lie
// on one side of the seam) into [Lon0-180, Lon0+180].
func (p Albers) shift(b orb.Bound) float64 {
	mid := (b.Min[0] + b.Max[0]) / 2
	return -360 * math.Round((mid-p.Lon0)/360)
}

// add projects poly with its longitudes shifted by shift degrees.
func (pr *Projected) add(ci int, poly orb.Polygon, shift, seam float64) {
	if len(poly) == 0 {
		return
	}
	part := ProjPart{Country: ci, Bound: orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}}
	p := pr.Proj
	for _, r := range poly {
		if len(r) < 3 {
			continue
		}
		xy := make([]float32, 0, 2*len(r))
		art := make([]bool, len(r))
		for i, pt := range r {
			x, y := p.forwardDelta(pt[0]+shift-p.Lon0, pt[1])
			xy = append(xy, float32(x), float32(y))
			part.Bound = part.Bound.Extend(orb.Point{x, y})
			if i+1 < len(r) {
				q := r[i+1]
				art[i] = antimeridianEdge(pt, q) || (pt[0] == seam && q[0] == seam)
			}
		}
		part.Rings = append(part.Rings, xy)
		part.Artificial = append(part.Artificial, art)
	}
	if len(part.Rings) > 0 {
		pr.Parts = append(pr.Parts, part)
	}
}

// clipPolygon keeps the side of the meridian lon = seam given by east
// (lon ≥ seam) or west (lon ≤ seam), ring by ring (Sutherland–Hodgman). A
// concave ring may come back with zero-width bridges along the meridian;
// they fill to nothing and are marked artificial, so they are never stroked.
// It returns nil when nothing is left.
func clipPolygon(poly orb.Polygon, seam float64, east bool) orb.Polygon {
	in := func(p orb.Point) bool {
		if east {
			return p[0] >= seam
		}
		return p[0] <= seam
	}
	var out orb.Polygon
	for ri, r := range poly {
		var c orb.Ring
		for i := 0; i+1 < len(r); i++ {
			a, b := r[i], r[i+1]
			ain, bin := in(a), in(b)
			if ain {
				c = append(c, a)
			}
			if ain != bin && a[0] != seam && b[0] != seam {
				t := (seam - a[0]) / (b[0] - a[0])
				c = append(c, orb.Point{seam, a[1] + t*(b[1]-a[1])})
			}
		}
		if len(c) < 3 {
			if ri == 0 {
				return nil // the exterior is gone, so are its holes
			}
			continue
		}
		c = append(c, c[0])
		out = append(out, c)
	}
	return out
}

// antimeridianEdge reports whether a→b runs along Natural Earth's cut at
// ±180°. The cut is not always exact: Wrangel Island's eastern half stops at
// -179.999951°.
func antimeridianEdge(a, b orb.Point) bool {
	const eps = 1e-3
	return math.Abs(a[0]) > 180-eps && math.Abs(b[0]) > 180-eps && math.Abs(a[0]-b[0]) < eps
}
