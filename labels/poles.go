package labels

import (
	"math"
	"slices"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/simplify"

	"cstomap/geo"
)

// poleIndex caches, for one projected world, each country's parts and the
// pole of its largest part in projected coordinates: they do not depend on
// the viewport, so zooming and panning never search for them again.
type poleIndex struct {
	pr    *geo.Projected
	parts [][]int     // per country, its parts in pr.Parts
	area  [][]float64 // per country, per part, the exterior's area
	mu    sync.Mutex
	poles map[int]pole // by part
}

// pole is a country's anchor: the pole of its largest part, the radius of
// the largest circle inside that part there, and the part.
type pole struct {
	x, y, r float64
	part    int
}

// maxIndexes bounds the cache of pole indexes. The window has a projected
// world per set of outlines, and every export projects its own; kept
// forever, each index would keep its projected world (megabytes) alive.
const maxIndexes = 8

var (
	indexMu sync.Mutex
	indexes []*poleIndex // most recently used last
)

// indexOf returns the cached index of pr, building it on first use; the
// least recently used of more than maxIndexes is let go.
func indexOf(pr *geo.Projected) *poleIndex {
	indexMu.Lock()
	defer indexMu.Unlock()
	for i, ix := range indexes {
		if ix.pr == pr {
			indexes = append(slices.Delete(indexes, i, i+1), ix)
			return ix
		}
	}
	n := len(pr.World.Countries)
	ix := &poleIndex{pr: pr, parts: make([][]int, n), area: make([][]float64, n), poles: map[int]pole{}}
	for i := range pr.Parts {
		p := &pr.Parts[i]
		ix.parts[p.Country] = append(ix.parts[p.Country], i)
		ix.area[p.Country] = append(ix.area[p.Country], math.Abs(ringArea(p.Rings[0])))
	}
	if len(indexes) == maxIndexes {
		indexes = slices.Delete(indexes, 0, 1)
	}
	indexes = append(indexes, ix)
	return ix
}

// poleOf returns the pole of country ci's largest part; ok is false when
// it has no parts.
func (ix *poleIndex) poleOf(ci int) (pole, bool) {
	best, bestA := -1, -1.0
	for k, pi := range ix.parts[ci] {
		if a := ix.area[ci][k]; a > bestA {
			best, bestA = pi, a
		}
	}
	if best < 0 {
		return pole{}, false
	}
	return ix.partPole(best), true
}

// partPole returns the pole of part pi, searched for once.
func (ix *poleIndex) partPole(pi int) pole {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if p, ok := ix.poles[pi]; ok {
		return p
	}
	part := ix.pr.Parts[pi].Rings
	// A two-hundredth of the part's size: a pixel or two for Russia at the
	// default view, where a label's anchor moving by that is not seen;
	// finer searches made the first placement cost a tenth of a second.
	precision := math.Sqrt(math.Abs(ringArea(part[0]))) * 5e-3
	// The search measures the distance to every edge many times: on rings
	// simplified to half the precision (orb's Douglas–Peucker) it
	// finds the same pole within it, several times faster (Russia's outline
	// has thousands of vertices).
	dp := simplify.DouglasPeucker(precision / 2)
	rings := make([][]float64, 0, len(part))
	for _, r := range part {
		ring := make(orb.Ring, len(r)/2)
		for k := range ring {
			ring[k] = orb.Point{float64(r[2*k]), float64(r[2*k+1])}
		}
		ring = dp.Ring(ring)
		flat := make([]float64, 0, 2*len(ring))
		for _, pt := range ring {
			flat = append(flat, pt[0], pt[1])
		}
		if len(flat) >= 6 {
			rings = append(rings, flat)
		}
	}
	if len(rings) == 0 {
		return pole{part: pi}
	}
	x, y, r := Pole(rings, precision)
	p := pole{x: x, y: y, r: r, part: pi}
	ix.poles[pi] = p
	return p
}

// largestParts returns country ci's parts, largest first, at most n of
// them and none under a hundredth of the largest.
func (ix *poleIndex) largestParts(ci, n int) []int {
	idx := make([]int, len(ix.parts[ci]))
	for k := range idx {
		idx[k] = k
	}
	areas := ix.area[ci]
	slices.SortStableFunc(idx, func(a, b int) int { return cmpFloat(areas[b], areas[a]) })
	var out []int
	for _, k := range idx {
		if len(out) == n || areas[k] < areas[idx[0]]/100 {
			break
		}
		out = append(out, ix.parts[ci][k])
	}
	return out
}

// totalArea is the projected area of country ci.
func (ix *poleIndex) totalArea(ci int) float64 {
	s := 0.0
	for _, a := range ix.area[ci] {
		s += a
	}
	return s
}

// ringArea is the signed area of a flat ring.
func ringArea[F float32 | float64](r []F) float64 {
	s := 0.0
	n := len(r) / 2
	for i, j := 0, n-1; i < n; j, i = i, i+1 {
		s += float64(r[2*j])*float64(r[2*i+1]) - float64(r[2*i])*float64(r[2*j+1])
	}
	return s / 2
}

// clipRing clips a flat ring to the box (Sutherland–Hodgman), in place of
// a copy; it returns nil when nothing is left.
func clipRing(r []float64, b Rect) []float64 {
	type edge struct {
		in  func(x, y float64) bool
		cut func(ax, ay, bx, by float64) (float64, float64)
	}
	atX := func(x float64) func(ax, ay, bx, by float64) (float64, float64) {
		return func(ax, ay, bx, by float64) (float64, float64) {
			return x, ay + (by-ay)*(x-ax)/(bx-ax)
		}
	}
	atY := func(y float64) func(ax, ay, bx, by float64) (float64, float64) {
		return func(ax, ay, bx, by float64) (float64, float64) {
			return ax + (bx-ax)*(y-ay)/(by-ay), y
		}
	}
	edges := []edge{
		{func(x, _ float64) bool { return x >= b.X0 }, atX(b.X0)},
		{func(x, _ float64) bool { return x <= b.X1 }, atX(b.X1)},
		{func(_, y float64) bool { return y >= b.Y0 }, atY(b.Y0)},
		{func(_, y float64) bool { return y <= b.Y1 }, atY(b.Y1)},
	}
	cur := r
	// Two buffers, each pass writing the one the last did not: a pass
	// adds at most one point per edge of the ring.
	bufs := [2][]float64{make([]float64, 0, len(r)+16), make([]float64, 0, len(r)+16)}
	for k, e := range edges {
		n := len(cur) / 2
		if n < 3 {
			return nil
		}
		out := bufs[k%2][:0]
		for i := 0; i < n; i++ {
			j := (i + n - 1) % n
			ax, ay, bx, by := cur[2*j], cur[2*j+1], cur[2*i], cur[2*i+1]
			ain, bin := e.in(ax, ay), e.in(bx, by)
			if bin {
				if !ain {
					x, y := e.cut(ax, ay, bx, by)
					out = append(out, x, y)
				}
				out = append(out, bx, by)
			} else if ain {
				x, y := e.cut(ax, ay, bx, by)
				out = append(out, x, y)
			}
		}
		cur = out
		bufs[k%2] = out
	}
	if len(cur) < 6 {
		return nil
	}
	return slices.Clip(cur)
}
