package geo

import (
	"errors"
	"fmt"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
)

// crimeaProbe is a point inside Crimea (34.1°E, 44.95°N). Natural Earth's
// default (de facto) admin-0 files put the polygon containing it in Russia.
var crimeaProbe = orb.Point{34.1, 44.95}

// FromGeoJSON decodes a Natural Earth admin-0 countries FeatureCollection and
// returns its countries under the borders policy of borders.go.
//
// Each feature is keyed by ISO_A3_EH, falling back to ADM0_A3 when that is
// "-99". Features that share a code (Australia's Indian Ocean Territories
// and Ashmore and Cartier Islands carry ISO_A3_EH "AUS") are merged into the
// feature whose ADM0_A3 is that code. Polygon and MultiPolygon features are
// both accepted; other geometry types are an error. The borders policy
// (see borders.go: recogniseCrimea, wholeWesternSahara, absorptions,
// disputedStatus) is then applied, and each territory records its
// sovereign in Country.Sovereign.
func FromGeoJSON(data []byte) ([]Country, error) {
	fc, err := geojson.UnmarshalFeatureCollection(data)
	if err != nil {
		return nil, fmt.Errorf("geo: decode outlines: %w", err)
	}
	countries := make([]Country, 0, len(fc.Features))
	seen := map[string]int{}
	var admin, sov, typ []string
	for i, f := range fc.Features {
		iso := f.Properties.MustString("ISO_A3_EH", "-99")
		if iso == "-99" || iso == "" {
			iso = f.Properties.MustString("ADM0_A3", "")
		}
		if iso == "" {
			return nil, fmt.Errorf("geo: feature %d: no ISO_A3_EH or ADM0_A3", i)
		}
		var mp orb.MultiPolygon
		switch g := f.Geometry.(type) {
		case orb.Polygon:
			mp = orb.MultiPolygon{g}
		case orb.MultiPolygon:
			mp = g
		default:
			return nil, fmt.Errorf("geo: feature %d (%s): unsupported geometry %T", i, iso, f.Geometry)
		}
		c := Country{
			ISO:      iso,
			Name:     f.Properties.MustString("NAME", iso),
			LongName: f.Properties.MustString("NAME_LONG", ""),
			Geometry: mp,
		}
		if j, dup := seen[iso]; dup {
			main := &countries[j]
			if f.Properties.MustString("ADM0_A3", "") == iso {
				c.Geometry = append(c.Geometry, main.Geometry...)
				*main = c
				admin[j] = f.Properties.MustString("ADMIN", "")
				sov[j] = f.Properties.MustString("SOVEREIGNT", "")
				typ[j] = f.Properties.MustString("TYPE", "")
			} else {
				main.Geometry = append(main.Geometry, mp...)
			}
			continue
		}
		seen[iso] = len(countries)
		countries = append(countries, c)
		admin = append(admin, f.Properties.MustString("ADMIN", ""))
		sov = append(sov, f.Properties.MustString("SOVEREIGNT", ""))
		typ = append(typ, f.Properties.MustString("TYPE", ""))
	}
	sovereigns(countries, admin, sov, typ)
	return applyBordersPolicy(countries)
}

// recogniseCrimea moves the polygon of Russia that contains crimeaProbe into
// Ukraine and dissolves it into Ukraine's mainland polygon along the border
// they share vertex for vertex (Perekop and Chonhar), so that no internal
// line is left. It modifies countries in place and fails when the data is
// not shaped as expected (no such polygon, or no shared border).
func recogniseCrimea(countries []Country) error {
	rus, ukr := -1, -1
	for i := range countries {
		switch countries[i].ISO {
		case "RUS":
			rus = i
		case "UKR":
			ukr = i
		}
	}
	if rus < 0 || ukr < 0 {
		return errors.New("geo: recognise Crimea: RUS or UKR missing")
	}
	r := &countries[rus]
	part := -1
	for i, p := range r.Geometry {
		if planar.PolygonContains(p, crimeaProbe) {
			part = i
			break
		}
	}
	if part < 0 {
		return errors.New("geo: recognise Crimea: no RUS polygon contains the Crimea probe")
	}
	crimea := r.Geometry[part]
	r.Geometry = append(r.Geometry[:part:part], r.Geometry[part+1:]...)
	u := &countries[ukr]
	for i, p := range u.Geometry {
		merged, ok := dissolveRings(p[0], crimea[0])
		if !ok {
			continue
		}
		np := orb.Polygon{merged}
		np = append(np, p[1:]...)
		np = append(np, crimea[1:]...)
		u.Geometry[i] = np
		return nil
	}
	return errors.New("geo: recognise Crimea: no UKR polygon shares a border with Crimea")
}

// dissolveRings merges two closed rings of the same orientation that touch
// along one contiguous run of shared vertices, and returns the outline of
// their union. It returns false when they share fewer than two vertices or
// the shared vertices are not one run.
func dissolveRings(a, b orb.Ring) (orb.Ring, bool) {
	a, b = open(a), open(b)
	inB := make(map[orb.Point]int, len(b))
	for i, p := range b {
		inB[p] = i
	}
	shared := make([]bool, len(a))
	n := 0
	for i, p := range a {
		if _, ok := inB[p]; ok {
			shared[i] = true
			n++
		}
	}
	if n < 2 || n == len(a) {
		return nil, false
	}
	// Find the run's first vertex in a: shared, with its predecessor not shared.
	start := -1
	for i := range a {
		if shared[i] && !shared[(i-1+len(a))%len(a)] {
			if start >= 0 {
				return nil, false // more than one run
			}
			start = i
		}
	}
	if start < 0 {
		return nil, false
	}
	end := (start + n - 1) % len(a)
	first, last := a[start], a[end]
	// In b the run is walked the other way: from last ... to first.
	// Insert b's vertices after first, walking forward from first until last.
	out := make(orb.Ring, 0, len(a)+len(b))
	// a from last round to first, skipping the interior of the run.
	for k := 0; k <= len(a)-n+1; k++ {
		out = append(out, a[(end+k)%len(a)])
	}
	// Then b's own path from first forward to last, which replaces the run.
	runSet := make(map[orb.Point]bool, n)
	for i, p := range a {
		if shared[i] {
			runSet[p] = true
		}
	}
	bi, found := inB[first], false
	for k := 1; k < len(b); k++ {
		p := b[(bi+k)%len(b)]
		if p == last {
			found = true
			break
		}
		if runSet[p] {
			return nil, false // b does not walk the run in reverse
		}
		out = append(out, p)
	}
	if !found {
		return nil, false
	}
	out = append(out, out[0]) // close; out[0] is last
	return out, true
}

// open returns r without its closing duplicate vertex.
func open(r orb.Ring) orb.Ring {
	if len(r) > 1 && r[0] == r[len(r)-1] {
		return r[:len(r)-1]
	}
	return r
}
