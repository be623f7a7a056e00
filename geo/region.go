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

// RegionBound returns the projected box around the countries listed (those
// in w), as projected with pr. Tiny outlying islands are ignored only if
// they are outside every listed country's main parts; in practice every
// part counts.
func RegionBound(pr *Projected, isos []string) orb.Bound {
	b := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	want := map[int]bool{}
	for _, iso := range isos {
		if i := pr.World.Index(iso); i >= 0 {
			want[i] = true
		}
	}
	for _, p := range pr.Parts {
		if want[p.Country] {
			b = b.Union(p.Bound)
		}
	}
	return b
}

// DefaultView returns the w×h viewport of the default projection that fits
// the default region, with a margin of 2% of the smaller side.
func DefaultView(pr *Projected, w, h int) Viewport {
	return Fit(pr.Proj, RegionBound(pr, DefaultRegion), w, h, 0.02*float64(min(w, h)))
}
