package geo

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// LabelPoint returns a lon/lat inside the country iso, near the centre of
// its largest part: the centroid when that falls inside, otherwise the
// inside point of a fine grid over the part that is nearest to the
// centroid. ok is false for an unknown code.
func (w *World) LabelPoint(iso string) (lon, lat float64, ok bool) {
	c, found := w.Country(iso)
	if !found || len(c.Geometry) == 0 {
		return 0, 0, false
	}
	var best orb.Polygon
	bestArea := -1.0
	for _, p := range c.Geometry {
		if a := math.Abs(planar.Area(p)); a > bestArea {
			best, bestArea = p, a
		}
	}
	ctr, _ := planar.CentroidArea(best)
	if got, _ := w.CountryAt(ctr[0], ctr[1]); got == iso {
		return ctr[0], ctr[1], true
	}
	b := best.Bound()
	const n = 64
	bestD := math.Inf(1)
	for i := 0; i <= n; i++ {
		for j := 0; j <= n; j++ {
			x := b.Min[0] + (b.Max[0]-b.Min[0])*float64(i)/n
			y := b.Min[1] + (b.Max[1]-b.Min[1])*float64(j)/n
			if got, _ := w.CountryAt(x, y); got != iso {
				continue
			}
			if d := math.Hypot(x-ctr[0], y-ctr[1]); d < bestD {
				bestD, lon, lat = d, x, y
			}
		}
	}
	if math.IsInf(bestD, 1) {
		// A sliver thinner than the grid: its first vertex is on it.
		return best[0][0][0], best[0][0][1], true
	}
	return lon, lat, true
}
