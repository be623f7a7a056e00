package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// hitIndex answers point-in-country queries on the raw lon/lat geometry.
//
// A 1° grid lists, per cell, the polygons whose own box touches the cell, so
// a query looks only at nearby parts (Russia's and Fiji's whole-feature boxes
// span the globe; their parts' boxes do not). Each ring keeps its edges
// bucketed into horizontal bands, so the ray cast looks only at the edges
// that can cross the ray instead of all of Russia's thousands.
//
// The grid is stored flat (compressed sparse rows): the parts of cell c are
// ids[cellStart[c]:cellStart[c+1]]. A slice per cell would cost 24 bytes of
// header for each of the 64,800 cells, most of them open sea.
type hitIndex struct {
	parts     []hitPart
	cellStart []int32 // len gridCells+1
	ids       []int32
}

// gridCells is the number of 1° cells of the hit grid.
const gridCells = 360 * 180

type hitPart struct {
	country int
	bound   orb.Bound
	rings   []bandRing
}

type bandRing struct {
	pts        orb.Ring
	minY, invH float64
	start      []int32 // edges of band k are edges[start[k]:start[k+1]]
	edges      []int32 // edge i runs from pts[i] to pts[i+1]
}

func newHitIndex(countries []Country) *hitIndex {
	h := &hitIndex{}
	for ci, c := range countries {
		for _, poly := range c.Geometry {
			if len(poly) == 0 || len(poly[0]) < 4 {
				continue
			}
			hp := hitPart{country: ci, bound: poly[0].Bound(), rings: make([]bandRing, 0, len(poly))}
			for _, r := range poly {
				hp.rings = append(hp.rings, newBandRing(r))
			}
			h.parts = append(h.parts, hp)
		}
	}
	// Two passes over the parts' cells: count, then place, so the grid is
	// built with two allocations.
	h.cellStart = make([]int32, gridCells+1)
	h.eachCell(func(c int, _ int32) { h.cellStart[c+1]++ })
	for c := 1; c <= gridCells; c++ {
		h.cellStart[c] += h.cellStart[c-1]
	}
	h.ids = make([]int32, h.cellStart[gridCells])
	next := append([]int32(nil), h.cellStart[:gridCells]...)
	h.eachCell(func(c int, id int32) {
		h.ids[next[c]] = id
		next[c]++
	})
	return h
}

// eachCell calls fn for every grid cell c that part id's box touches, parts
// in order.
func (h *hitIndex) eachCell(fn func(c int, id int32)) {
	for id := range h.parts {
		b := h.parts[id].bound
		x0, y0 := cell(b.Min[0], b.Min[1])
		x2, y2 := cell(b.Max[0], b.Max[1])
		for y := y0; y <= y2; y++ {
			for x := x0; x <= x2; x++ {
				fn(y*360+x, int32(id))
			}
		}
	}
}

// cellParts returns the ids of the parts whose box touches cell (x, y).
func (h *hitIndex) cellParts(x, y int) []int32 {
	c := y*360 + x
	return h.ids[h.cellStart[c]:h.cellStart[c+1]]
}

// cell returns the grid cell of lon/lat, clamped to the grid.
func cell(lon, lat float64) (x, y int) {
	x = int(math.Floor(lon + 180))
	y = int(math.Floor(lat + 90))
	x = min(max(x, 0), 359)
	y = min(max(y, 0), 179)
	return x, y
}

func newBandRing(r orb.Ring) bandRing {
	b := r.Bound()
	n := len(r) - 1
	nb := min(max(n/4, 1), 4096)
	br := bandRing{pts: r, minY: b.Min[1]}
	hgt := b.Max[1] - b.Min[1]
	if hgt <= 0 {
		hgt = 1
	}
	br.invH = float64(nb) / hgt
	band := func(y float64) int { return min(max(int((y-br.minY)*br.invH), 0), nb-1) }
	count := make([]int32, nb+1)
	for i := 0; i < n; i++ {
		lo, hi := band(math.Min(r[i][1], r[i+1][1])), band(math.Max(r[i][1], r[i+1][1]))
		for k := lo; k <= hi; k++ {
			count[k+1]++
		}
	}
	for k := 1; k <= nb; k++ {
		count[k] += count[k-1]
	}
	br.start = count
	br.edges = make([]int32, count[nb])
	fill := append([]int32(nil), count[:nb]...)
	for i := 0; i < n; i++ {
		lo, hi := band(math.Min(r[i][1], r[i+1][1])), band(math.Max(r[i][1], r[i+1][1]))
		for k := lo; k <= hi; k++ {
			br.edges[fill[k]] = int32(i)
			fill[k]++
		}
	}
	return br
}

// contains is an even-odd ray cast against the edges of p's band.
func (br *bandRing) contains(p orb.Point) bool {
	k := int((p[1] - br.minY) * br.invH)
	if k < 0 || k >= len(br.start)-1 {
		return false
	}
	in := false
	pts := br.pts
	for _, e := range br.edges[br.start[k]:br.start[k+1]] {
		a, b := pts[e], pts[e+1]
		if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0]-a[0])*(p[1]-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in
}

func (hp *hitPart) contains(p orb.Point) bool {
	if !hp.bound.Contains(p) || !hp.rings[0].contains(p) {
		return false
	}
	for i := 1; i < len(hp.rings); i++ {
		if hp.rings[i].contains(p) {
			return false // in a hole
		}
	}
	return true
}

// CountryAt returns the ISO code of the country containing lon/lat
// (degrees), or false over the sea. Longitudes outside [-180, 180] are
// wrapped. A point in an enclave belongs to the enclave's country, never to
// the country around it.
func (w *World) CountryAt(lon, lat float64) (string, bool) {
	i := w.countryIndexAt(lon, lat)
	if i < 0 {
		return "", false
	}
	return w.Countries[i].ISO, true
}

// hitIndex returns the hit-testing index, building it on first use.
func (w *World) hitIndex() *hitIndex {
	w.hitOnce.Do(func() { w.hit = newHitIndex(w.Countries) })
	return w.hit
}

func (w *World) countryIndexAt(lon, lat float64) int {
	if lat < -90 || lat > 90 || math.IsNaN(lon) || math.IsNaN(lat) {
		return -1
	}
	if lon < -180 || lon > 180 {
		lon = normLon(lon)
	}
	p := orb.Point{lon, lat}
	x, y := cell(lon, lat)
	hit := w.hitIndex()
	for _, id := range hit.cellParts(x, y) {
		hp := &hit.parts[id]
		if hp.contains(p) {
			return hp.country
		}
	}
	return -1
}

// CountryNear returns the country under pixel (x, y) of v, or, when that
// pixel is sea or off the globe, the country nearest to it within tol
// pixels, so that a click just off a coast still selects the country.
func (w *World) CountryNear(v Viewport, x, y, tol float64) (string, bool) {
	if iso, ok := w.pixelCountry(v, x, y); ok {
		return iso, true
	}
	for r := 1.0; r <= tol; r++ {
		n := int(math.Ceil(2 * math.Pi * r))
		for k := 0; k < n; k++ {
			a := 2 * math.Pi * float64(k) / float64(n)
			if iso, ok := w.pixelCountry(v, x+r*math.Cos(a), y+r*math.Sin(a)); ok {
				return iso, true
			}
		}
	}
	return "", false
}

func (w *World) pixelCountry(v Viewport, x, y float64) (string, bool) {
	lon, lat, ok := v.LonLat(x, y)
	if !ok {
		return "", false
	}
	return w.CountryAt(lon, lat)
}
