package units

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
)

// SplitOutline cuts the modern outline mp in two along the line of c: the
// line where the features c.Inside of fc meet the features c.Outside,
// vertex for vertex. It returns the part on the Inside features' side and
// the rest. Both parts share the vertices of the cut exactly and keep mp's
// ring orientation, so together they tile mp with no gap or overlap.
//
// Only mp's polygon that the line crosses is cut: the line is trimmed to
// its longest stretch inside that polygon, from where it first enters to
// where it leaves it (where it ends inside, it is carried on straight to
// the nearest point of the polygon's outline). Every other polygon of mp
// (an island) goes whole to the side whose features cover most of its
// vertices.
func SplitOutline(mp orb.MultiPolygon, fc *geojson.FeatureCollection, c Cut) (in, rest orb.MultiPolygon, err error) {
	inside, err := features(fc, c.Key, c.Inside)
	if err != nil {
		return nil, nil, err
	}
	outside, err := features(fc, c.Key, c.Outside)
	if err != nil {
		return nil, nil, err
	}
	chains := sharedChains(inside, outside)
	if len(chains) == 0 {
		return nil, nil, errors.New("the inside and outside features share no border")
	}
	// The polygon to cut is the one that holds most vertices of the line.
	best, bestN := -1, 0
	for pi, p := range mp {
		n := 0
		for _, ch := range chains {
			for _, pt := range ch {
				if planar.PolygonContains(p, pt) {
					n++
				}
			}
		}
		if n > bestN {
			best, bestN = pi, n
		}
	}
	if best < 0 {
		return nil, nil, errors.New("the line does not cross the outline")
	}
	if len(mp[best]) > 1 {
		return nil, nil, errors.New("the outline's polygon to cut has holes, which the cut does not handle")
	}
	ring := open(mp[best][0])
	var piece cutPiece
	for _, ch := range chains {
		if p, ok := longestInside(ch, ring); ok && p.length > piece.length {
			piece = p
		}
	}
	if piece.length == 0 {
		return nil, nil, errors.New("no stretch of the line lies inside the outline")
	}
	one, two := splitRing(ring, piece)
	// Which side is inside: the one holding more vertices of the inside
	// features.
	score := func(r orb.Ring) int {
		n := 0
		for _, mp := range inside {
			for _, p := range mp {
				for _, pt := range p[0] {
					if planar.RingContains(r, pt) {
						n++
					}
				}
			}
		}
		return n
	}
	if score(two) > score(one) {
		one, two = two, one
	}
	in = orb.MultiPolygon{{one}}
	rest = orb.MultiPolygon{{two}}
	for pi, p := range mp {
		if pi == best {
			continue
		}
		if coverage(p, inside) > coverage(p, outside) {
			in = append(in, p)
		} else {
			rest = append(rest, p)
		}
	}
	return in, rest, nil
}

// features returns the geometry of the features of fc whose property key
// is one of names, in the order of names.
func features(fc *geojson.FeatureCollection, key string, names []string) ([]orb.MultiPolygon, error) {
	var out []orb.MultiPolygon
	for _, n := range names {
		i := slices.IndexFunc(fc.Features, func(f *geojson.Feature) bool { return f.Properties.MustString(key, "") == n })
		if i < 0 {
			return nil, fmt.Errorf("no feature with %s %q", key, n)
		}
		switch g := fc.Features[i].Geometry.(type) {
		case orb.Polygon:
			out = append(out, orb.MultiPolygon{g})
		case orb.MultiPolygon:
			out = append(out, g)
		default:
			return nil, fmt.Errorf("feature %q: unsupported geometry %T", n, g)
		}
	}
	return out, nil
}

// coverage counts the vertices of p that lie in any of mps.
func coverage(p orb.Polygon, mps []orb.MultiPolygon) int {
	n := 0
	for _, pt := range p[0] {
		for _, mp := range mps {
			if planar.MultiPolygonContains(mp, pt) {
				n++
				break
			}
		}
	}
	return n
}

type edge struct{ a, b orb.Point }

// sharedChains returns the edges that a ring of an inside feature shares
// with a ring of an outside feature, joined into polylines.
func sharedChains(inside, outside []orb.MultiPolygon) []orb.LineString {
	out := map[edge]bool{}
	for _, mp := range outside {
		for _, p := range mp {
			for _, r := range p {
				for i := 0; i+1 < len(r); i++ {
					out[edge{r[i], r[i+1]}], out[edge{r[i+1], r[i]}] = true, true
				}
			}
		}
	}
	adj := map[orb.Point][]orb.Point{}
	var order []orb.Point // first-seen order, so the result is deterministic
	seen := map[edge]bool{}
	for _, mp := range inside {
		for _, p := range mp {
			for _, r := range p {
				for i := 0; i+1 < len(r); i++ {
					a, b := r[i], r[i+1]
					if a == b || !out[edge{a, b}] || seen[edge{a, b}] {
						continue
					}
					seen[edge{a, b}], seen[edge{b, a}] = true, true
					for _, v := range []orb.Point{a, b} {
						if _, ok := adj[v]; !ok {
							order = append(order, v)
						}
					}
					adj[a] = append(adj[a], b)
					adj[b] = append(adj[b], a)
				}
			}
		}
	}
	used := map[edge]bool{}
	walk := func(start orb.Point) orb.LineString {
		line := orb.LineString{start}
		cur := start
		for {
			next, ok := orb.Point{}, false
			for _, n := range adj[cur] {
				if !used[edge{cur, n}] {
					next, ok = n, true
					break
				}
			}
			if !ok {
				return line
			}
			used[edge{cur, next}], used[edge{next, cur}] = true, true
			line = append(line, next)
			cur = next
		}
	}
	var chains []orb.LineString
	// Open chains start at their ends (a vertex of odd degree); closed ones
	// anywhere.
	for _, v := range order {
		if len(adj[v])%2 == 1 {
			if l := walk(v); len(l) > 1 {
				chains = append(chains, l)
			}
		}
	}
	for _, v := range order {
		if l := walk(v); len(l) > 1 {
			chains = append(chains, l)
		}
	}
	return chains
}

// cutPiece is a stretch of a line across a ring: it enters at a, on the
// ring's edge ea (from vertex ea to ea+1) at parameter ua, runs through
// mid and leaves at b on edge eb at ub.
type cutPiece struct {
	a, b   orb.Point
	ea, eb int
	ua, ub float64
	mid    []orb.Point
	length float64
}

// crossing is where a line's segment i crosses the ring's edge e, at
// parameter t along the segment and u along the edge.
type crossing struct {
	i int
	t float64
	e int
	u float64
	p orb.Point
}

// longestInside returns the longest stretch of line that lies inside the
// open ring r, closed off at both ends on r's outline.
func longestInside(line orb.LineString, r orb.Ring) (cutPiece, bool) {
	closed := append(slices.Clone(r), r[0])
	n := len(r)
	var xs []crossing
	for i := 0; i+1 < len(line); i++ {
		var here []crossing
		for e := 0; e < n; e++ {
			t, u, ok := intersect(line[i], line[i+1], r[e], r[(e+1)%n])
			if ok {
				here = append(here, crossing{i: i, t: t, e: e, u: u, p: lerp(line[i], line[i+1], t)})
			}
		}
		slices.SortFunc(here, func(a, b crossing) int { return cmpFloat(a.t, b.t) })
		xs = append(xs, here...)
	}
	// Pieces between consecutive crossings, and the open ends.
	type bound struct {
		x    *crossing
		vert int // the line's vertex index when x is nil (an end of the line)
	}
	var pieces []cutPiece
	add := func(from, to bound) {
		startV, endV := 0, len(line)-1
		if from.x != nil {
			startV = from.x.i + 1
		}
		if to.x != nil {
			endV = to.x.i
		}
		var pts []orb.Point
		for v := startV; v <= endV; v++ {
			pts = append(pts, line[v])
		}
		var all []orb.Point
		if from.x != nil {
			all = append(all, from.x.p)
		}
		all = append(all, pts...)
		if to.x != nil {
			all = append(all, to.x.p)
		}
		// The stretch is inside when the middle of its first edge is.
		k := 0
		for k+1 < len(all) && all[k] == all[k+1] {
			k++
		}
		if k+1 >= len(all) || !planar.RingContains(closed, lerp(all[k], all[k+1], 0.5)) {
			return
		}
		var p cutPiece
		if from.x != nil {
			p.a, p.ea, p.ua = from.x.p, from.x.e, from.x.u
		} else {
			p.a, p.ea, p.ua = nearestOn(r, pts[0])
		}
		if to.x != nil {
			p.b, p.eb, p.ub = to.x.p, to.x.e, to.x.u
		} else {
			p.b, p.eb, p.ub = nearestOn(r, pts[len(pts)-1])
		}
		p.mid = pts
		full := append(append([]orb.Point{p.a}, pts...), p.b)
		for k := 0; k+1 < len(full); k++ {
			p.length += dist(full[k], full[k+1])
		}
		pieces = append(pieces, p)
	}
	prev := bound{vert: 0}
	for k := range xs {
		add(prev, bound{x: &xs[k]})
		prev = bound{x: &xs[k]}
	}
	add(prev, bound{vert: len(line) - 1})
	best := cutPiece{}
	for _, p := range pieces {
		if p.length > best.length {
			best = p
		}
	}
	return best, best.length > 0
}

// splitRing cuts the open ring r along p into two closed rings that keep
// r's orientation and share p's vertices.
func splitRing(r orb.Ring, p cutPiece) (one, two orb.Ring) {
	n := len(r)
	// forward lists r's vertices met walking r forward from the point at
	// (e1, u1) to the point at (e2, u2).
	forward := func(e1 int, u1 float64, e2 int, u2 float64) []orb.Point {
		if e1 == e2 && u1 <= u2 {
			return nil
		}
		var out []orb.Point
		for k := (e1 + 1) % n; ; k = (k + 1) % n {
			out = append(out, r[k])
			if k == e2 {
				return out
			}
		}
	}
	one = orb.Ring{p.a}
	one = append(one, p.mid...)
	one = append(one, p.b)
	one = append(one, forward(p.eb, p.ub, p.ea, p.ua)...)
	one = append(one, p.a)
	two = orb.Ring{p.b}
	for k := len(p.mid) - 1; k >= 0; k-- {
		two = append(two, p.mid[k])
	}
	two = append(two, p.a)
	two = append(two, forward(p.ea, p.ua, p.eb, p.ub)...)
	two = append(two, p.b)
	return dedup(one), dedup(two)
}

// dedup drops consecutive repeated vertices (where the cut meets the
// outline at one of its vertices).
func dedup(r orb.Ring) orb.Ring {
	out := r[:1]
	for _, pt := range r[1:] {
		if pt != out[len(out)-1] {
			out = append(out, pt)
		}
	}
	return out
}

// intersect returns where segment p1→p2 crosses q1→q2 (parameters t and u
// in [0, 1]), or false for parallel or disjoint segments.
func intersect(p1, p2, q1, q2 orb.Point) (t, u float64, ok bool) {
	rx, ry := p2[0]-p1[0], p2[1]-p1[1]
	sx, sy := q2[0]-q1[0], q2[1]-q1[1]
	den := rx*sy - ry*sx
	if den == 0 {
		return 0, 0, false
	}
	qx, qy := q1[0]-p1[0], q1[1]-p1[1]
	t = (qx*sy - qy*sx) / den
	u = (qx*ry - qy*rx) / den
	if t < 0 || t > 1 || u < 0 || u >= 1 {
		return 0, 0, false
	}
	return t, u, true
}

// nearestOn returns the point of the open ring r nearest to pt, with its
// edge and the parameter along it.
func nearestOn(r orb.Ring, pt orb.Point) (orb.Point, int, float64) {
	best, be, bu, bd := orb.Point{}, -1, 0.0, math.Inf(1)
	n := len(r)
	for e := 0; e < n; e++ {
		a, b := r[e], r[(e+1)%n]
		dx, dy := b[0]-a[0], b[1]-a[1]
		u := 0.0
		if l := dx*dx + dy*dy; l > 0 {
			u = math.Max(0, math.Min(1, ((pt[0]-a[0])*dx+(pt[1]-a[1])*dy)/l))
		}
		q := lerp(a, b, u)
		if d := dist(q, pt); d < bd {
			best, be, bu, bd = q, e, u, d
		}
	}
	if bu == 1 { // the edge's end is the next edge's start
		be, bu = (be+1)%n, 0
	}
	return best, be, bu
}

func lerp(a, b orb.Point, t float64) orb.Point {
	return orb.Point{a[0] + t*(b[0]-a[0]), a[1] + t*(b[1]-a[1])}
}

func dist(a, b orb.Point) float64 { return math.Hypot(a[0]-b[0], a[1]-b[1]) }

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// open returns r without its closing duplicate vertex.
func open(r orb.Ring) orb.Ring {
	if len(r) > 1 && r[0] == r[len(r)-1] {
		return r[:len(r)-1]
	}
	return r
}
