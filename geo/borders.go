package geo

import (
	"errors"
	"fmt"
	"slices"

	"github.com/paulmach/orb"
)

// The borders policy of the map, applied by FromGeoJSON and stated in
// assets/NATURALEARTH.md: UN-recognised states, and UN-listed
// non-self-governing territories shown as such.
//
//   - Northern Cyprus (CYN) is part of Cyprus and Somaliland (SOL) part of
//     Somalia: see absorptions.
//   - Western Sahara is whole: the part of Natural Earth's Morocco polygon
//     south of westernSaharaLat goes to it (wholeWesternSahara).
//   - Crimea stays with Ukraine (recogniseCrimea).
//   - Kosovo and Taiwan are drawn as Natural Earth draws them, with
//     Country.Disputed set (disputedStatus).
//   - A territory keeps its own outline, code and name and records its
//     sovereign in Country.Sovereign (sovereigns).

// absorption folds the outline of one Natural Earth unit into a state's.
type absorption struct {
	// From is the unit that disappears from the outlines (e.g. "CYN").
	From string
	// Into is the state that receives its polygons (e.g. "CYP").
	Into string
}

// absorptions are the units that the policy does not show on their own:
// Northern Cyprus and Somaliland, neither a UN member or observer state
// nor a UN-listed non-self-governing territory; the UN counts them as part
// of Cyprus and Somalia.
var absorptions = []absorption{{From: "CYN", Into: "CYP"}, {From: "SOL", Into: "SOM"}}

// disputedStatus lists the units drawn as Natural Earth draws them whose
// statehood is disputed among UN members: Kosovo and Taiwan.
var disputedStatus = []string{"KOS", "TWN"}

// westernSaharaLat is 27°40′N, the parallel that divides Morocco from
// Western Sahara. Natural Earth's Morocco polygon reaches south of it.
const westernSaharaLat = 27 + 40.0/60

// absorb moves every polygon of the country with code from into the
// country with code into, dissolving each along the border they share
// vertex for vertex (so no line is left where they meet; a polygon that
// shares no border is added as a part of its own), and removes from. It
// returns the shortened slice; countries is modified in place.
func absorb(countries []Country, from, into string) ([]Country, error) {
	fi := slices.IndexFunc(countries, func(c Country) bool { return c.ISO == from })
	ii := slices.IndexFunc(countries, func(c Country) bool { return c.ISO == into })
	if fi < 0 || ii < 0 {
		return nil, fmt.Errorf("geo: absorb %s into %s: country missing", from, into)
	}
	dst := &countries[ii]
	for _, p := range countries[fi].Geometry {
		dst.Geometry = dissolveInto(dst.Geometry, p)
	}
	return slices.Delete(countries, fi, fi+1), nil
}

// dissolveInto adds polygon p to mp, merged into the first part of mp whose
// outer ring it shares a border with, or as a new part.
func dissolveInto(mp orb.MultiPolygon, p orb.Polygon) orb.MultiPolygon {
	for i, q := range mp {
		merged, ok := dissolveRings(q[0], p[0])
		if !ok {
			continue
		}
		np := orb.Polygon{merged}
		np = append(np, q[1:]...)
		np = append(np, p[1:]...)
		mp[i] = np
		return mp
	}
	return append(mp, p)
}

// wholeWesternSahara cuts the Morocco (MAR) polygon that crosses
// westernSaharaLat along that parallel and dissolves the part south of it
// into Western Sahara (ESH). It modifies countries in place and fails when
// the data is not shaped as expected.
func wholeWesternSahara(countries []Country) error {
	mi := slices.IndexFunc(countries, func(c Country) bool { return c.ISO == "MAR" })
	ei := slices.IndexFunc(countries, func(c Country) bool { return c.ISO == "ESH" })
	if mi < 0 || ei < 0 {
		return errors.New("geo: whole Western Sahara: MAR or ESH missing")
	}
	mar := &countries[mi]
	for i, p := range mar.Geometry {
		b := p.Bound()
		if b.Min[1] >= westernSaharaLat || b.Max[1] <= westernSaharaLat {
			continue
		}
		if len(p) > 1 {
			return errors.New("geo: whole Western Sahara: Morocco's polygon has holes")
		}
		north, south, err := splitRingAtLat(p[0], westernSaharaLat)
		if err != nil {
			return fmt.Errorf("geo: whole Western Sahara: %w", err)
		}
		mar.Geometry[i] = orb.Polygon{north}
		countries[ei].Geometry = dissolveInto(countries[ei].Geometry, orb.Polygon{south})
		return nil
	}
	return errors.New("geo: whole Western Sahara: no MAR polygon crosses 27°40′N")
}

// splitRingAtLat cuts a closed ring that crosses the parallel lat exactly
// twice into the part north of it (vertices on the parallel count as north)
// and the part south of it. Both keep r's orientation and share the two new
// vertices where r crosses the parallel.
func splitRingAtLat(r orb.Ring, lat float64) (north, south orb.Ring, err error) {
	a := open(r)
	n := len(a)
	isNorth := func(p orb.Point) bool { return p[1] >= lat }
	var cross []int
	for i := range a {
		if isNorth(a[i]) != isNorth(a[(i+1)%n]) {
			cross = append(cross, i)
		}
	}
	if len(cross) != 2 {
		return nil, nil, fmt.Errorf("ring crosses %g° %d times, want 2", lat, len(cross))
	}
	at := func(i int) orb.Point {
		p, q := a[i], a[(i+1)%n]
		t := (lat - p[1]) / (q[1] - p[1])
		return orb.Point{p[0] + t*(q[0]-p[0]), lat}
	}
	piece := func(from, to int) orb.Ring { // from crossing from to crossing to
		out := orb.Ring{at(from)}
		for k := (from + 1) % n; ; k = (k + 1) % n {
			out = append(out, a[k])
			if k == to {
				break
			}
		}
		out = append(out, at(to), at(from))
		return out
	}
	one, two := piece(cross[0], cross[1]), piece(cross[1], cross[0])
	if isNorth(a[(cross[0]+1)%n]) {
		return one, two, nil
	}
	return two, one, nil
}

// sovereigns sets Country.Sovereign from Natural Earth's SOVEREIGNT and
// ADMIN: a unit whose sovereign state is another unit of the outlines (by
// that unit's ADMIN name) is a territory of it, unless its TYPE is
// "Indeterminate" (Palestine, whose SOVEREIGNT is Israel). admin and sov
// hold each country's ADMIN, SOVEREIGNT and TYPE, by position.
func sovereigns(countries []Country, admin, sov, typ []string) {
	byAdmin := make(map[string]string, len(countries))
	for i, c := range countries {
		byAdmin[admin[i]] = c.ISO
	}
	for i := range countries {
		if sov[i] == admin[i] || typ[i] == "Indeterminate" {
			continue
		}
		if iso, ok := byAdmin[sov[i]]; ok && iso != countries[i].ISO {
			countries[i].Sovereign = iso
		}
	}
}

// applyBordersPolicy applies the policy above to freshly decoded countries
// and returns the result.
func applyBordersPolicy(countries []Country) ([]Country, error) {
	if err := recogniseCrimea(countries); err != nil {
		return nil, err
	}
	if err := wholeWesternSahara(countries); err != nil {
		return nil, err
	}
	for _, ab := range absorptions {
		var err error
		if countries, err = absorb(countries, ab.From, ab.Into); err != nil {
			return nil, err
		}
	}
	for _, iso := range disputedStatus {
		i := slices.IndexFunc(countries, func(c Country) bool { return c.ISO == iso })
		if i < 0 {
			return nil, fmt.Errorf("geo: disputed status: %s missing", iso)
		}
		countries[i].Disputed = true
	}
	return countries, nil
}

// Sovereign returns the code of the state that territory iso belongs to, or
// "" when iso is a state or unknown.
func (w *World) Sovereign(iso string) string {
	if c, ok := w.Country(iso); ok {
		return c.Sovereign
	}
	return ""
}

// Disputed reports whether the statehood of iso is disputed (see
// disputedStatus).
func (w *World) Disputed(iso string) bool {
	c, ok := w.Country(iso)
	return ok && c.Disputed
}

// Territories returns every territory's sovereign, keyed by the
// territory's code: the map that timeline's status rule takes to let a
// territory follow its sovereign. It is built on each call.
func (w *World) Territories() map[string]string {
	m := map[string]string{}
	for _, c := range w.Countries {
		if c.Sovereign != "" {
			m[c.ISO] = c.Sovereign
		}
	}
	return m
}

// Dissolve returns mp with polygon p added to it, merged into the first
// part of mp whose outer ring shares a border with p's vertex for vertex
// (so no line is left where they meet), or as a part of its own. mp is not
// modified.
func Dissolve(mp orb.MultiPolygon, p orb.Polygon) orb.MultiPolygon {
	return dissolveInto(slices.Clone(mp), p)
}
