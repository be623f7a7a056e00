package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// DefaultRegion lists the countries the default view must show whole: every
// CSTO member and former member, the states that never joined, and the
// neighbours between them, from the Baltic and the Black Sea to the Pacific.
// Russia's own parts reach from Kaliningrad to Chukotka and Franz Josef Land.
var DefaultRegion = []string{
	"RUS", "BLR", "UKR", "MDA", "EST", "LVA", "LTU",
	"GEO", "ARM", "AZE", "KAZ", "KGZ", "TJK", "UZB", "TKM", "MNG",
}

// Framing is how a map is framed by default: a projection and the countries
// the default view must show.
type Framing struct {
	Proj Albers
	Fit  []string
}

// DefaultFraming is the Eurasia projection fitted to DefaultRegion.
var DefaultFraming = Framing{Proj: Eurasia, Fit: DefaultRegion}

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

// FitRegion fits the projected box region into w×h with a margin of 2% of
// the smaller side: the whole-region view.
func FitRegion(p Albers, region orb.Bound, w, h int) Viewport {
	return Fit(p, region, w, h, 0.02*float64(min(w, h)))
}

// RegionBound returns the projected box around the countries listed, as
// projected with pr. First the parts that make up at least 1% of their
// country's area give a box; then the smaller parts that come within 5% of
// that box are added (Kaliningrad, Chukotka east of 180°). Far-flung islands such as
// Hawaii do not stretch the view; whole regions such as Alaska still do.
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
	for i := range pr.Parts {
		if p := &pr.Parts[i]; want[p.Country] {
			total[p.Country] += area(p)
		}
	}
	big := b
	for i := range pr.Parts {
		p := &pr.Parts[i]
		if want[p.Country] && area(p) >= 0.01*total[p.Country] {
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
