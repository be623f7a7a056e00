package labels

import (
	"container/heap"
	"math"
)

// Pole returns the pole of inaccessibility of the polygon rings (the first
// the exterior, the rest holes; each ring flat as x0,y0,x1,y1,…): the
// point inside it farthest from its outline, and that distance. It is
// the quadtree search of Mapbox's polylabel (Agafonkin 2016), found to
// within precision. No maintained Go port of polylabel exists, so this is
// written here, tested against an exhaustive grid search (PoleNaive) and
// benchmarked beside it.
func Pole(rings [][]float64, precision float64) (x, y, dist float64) {
	if len(rings) == 0 || len(rings[0]) < 6 {
		return 0, 0, 0
	}
	minX, minY, maxX, maxY := ringBounds(rings[0])
	w, h := maxX-minX, maxY-minY
	size := math.Min(w, h)
	if size <= 0 {
		return minX, minY, 0
	}
	if precision <= 0 {
		precision = size / 100
	}
	q := &cellQueue{}
	for cx := minX; cx < maxX; cx += size {
		for cy := minY; cy < maxY; cy += size {
			heap.Push(q, newCell(cx+size/2, cy+size/2, size/2, rings))
		}
	}
	// The first guess: the centroid of the exterior, then the box's centre.
	best := centroidCell(rings)
	if c := newCell(minX+w/2, minY+h/2, 0, rings); c.d > best.d {
		best = c
	}
	for q.Len() > 0 {
		c := heap.Pop(q).(cell)
		if c.d > best.d {
			best = c
		}
		if c.max-best.d <= precision {
			continue
		}
		hs := c.h / 2
		heap.Push(q, newCell(c.x-hs, c.y-hs, hs, rings))
		heap.Push(q, newCell(c.x+hs, c.y-hs, hs, rings))
		heap.Push(q, newCell(c.x-hs, c.y+hs, hs, rings))
		heap.Push(q, newCell(c.x+hs, c.y+hs, hs, rings))
	}
	return best.x, best.y, best.d
}

// PoleNaive finds the pole by testing every point of an n×n grid over the
// exterior's box. It is the reference Pole is tested and benchmarked
// against.
func PoleNaive(rings [][]float64, n int) (x, y, dist float64) {
	minX, minY, maxX, maxY := ringBounds(rings[0])
	dist = math.Inf(-1)
	for i := 0; i <= n; i++ {
		for j := 0; j <= n; j++ {
			px := minX + (maxX-minX)*float64(i)/float64(n)
			py := minY + (maxY-minY)*float64(j)/float64(n)
			if d := signedDist(px, py, rings); d > dist {
				x, y, dist = px, py, d
			}
		}
	}
	return x, y, dist
}

func ringBounds(r []float64) (minX, minY, maxX, maxY float64) {
	minX, minY = math.Inf(1), math.Inf(1)
	maxX, maxY = math.Inf(-1), math.Inf(-1)
	for i := 0; i+1 < len(r); i += 2 {
		minX, maxX = math.Min(minX, r[i]), math.Max(maxX, r[i])
		minY, maxY = math.Min(minY, r[i+1]), math.Max(maxY, r[i+1])
	}
	return
}

// cell is a square of the search: centre, half size, the signed distance
// of its centre to the outline and the most any point in it can have.
type cell struct {
	x, y, h, d, max float64
}

func newCell(x, y, h float64, rings [][]float64) cell {
	d := signedDist(x, y, rings)
	return cell{x: x, y: y, h: h, d: d, max: d + h*math.Sqrt2}
}

// centroidCell is the cell at the exterior's area centroid (its first
// vertex for a degenerate ring).
func centroidCell(rings [][]float64) cell {
	r := rings[0]
	var a, cx, cy float64
	for i := 0; i+3 < len(r); i += 2 {
		f := r[i]*r[i+3] - r[i+2]*r[i+1]
		cx += (r[i] + r[i+2]) * f
		cy += (r[i+1] + r[i+3]) * f
		a += 3 * f
	}
	if a == 0 {
		return newCell(r[0], r[1], 0, rings)
	}
	return newCell(cx/a, cy/a, 0, rings)
}

// signedDist is the distance from (x, y) to the nearest edge of the rings,
// negative outside the polygon (even-odd rule).
func signedDist(x, y float64, rings [][]float64) float64 {
	inside := false
	minSq := math.Inf(1)
	for _, r := range rings {
		n := len(r) / 2
		for i, j := 0, n-1; i < n; j, i = i, i+1 {
			ax, ay, bx, by := r[2*i], r[2*i+1], r[2*j], r[2*j+1]
			if (ay > y) != (by > y) && x < (bx-ax)*(y-ay)/(by-ay)+ax {
				inside = !inside
			}
			if d := segDistSq(x, y, ax, ay, bx, by); d < minSq {
				minSq = d
			}
		}
	}
	d := math.Sqrt(minSq)
	if !inside {
		return -d
	}
	return d
}

// segDistSq is the squared distance from (px, py) to the segment a–b.
func segDistSq(px, py, ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	x, y := ax, ay
	if dx != 0 || dy != 0 {
		t := ((px-ax)*dx + (py-ay)*dy) / (dx*dx + dy*dy)
		switch {
		case t > 1:
			x, y = bx, by
		case t > 0:
			x, y = ax+dx*t, ay+dy*t
		}
	}
	dx, dy = px-x, py-y
	return dx*dx + dy*dy
}

// cellQueue is a max-heap of cells by the best distance they may hold.
type cellQueue []cell

func (q cellQueue) Len() int           { return len(q) }
func (q cellQueue) Less(i, j int) bool { return q[i].max > q[j].max }
func (q cellQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *cellQueue) Push(x any)        { *q = append(*q, x.(cell)) }
func (q *cellQueue) Pop() any {
	old := *q
	c := old[len(old)-1]
	*q = old[:len(old)-1]
	return c
}
