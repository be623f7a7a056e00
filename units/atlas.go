package units

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"cstomap/geo"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// Generate builds the outline of every unit of the units file data (named
// file in errors) from the modern outlines countries: a union dissolves
// its members' polygons into one outline; the parts of a split are cut
// along the line of its cut part (see SplitOutline), whose GeoJSON file
// read returns by name. Each outline is returned as a geo.Country keyed by
// the unit's Key, in the units' order, for geo.EncodeCompact. A split can
// have one cut part besides its rest.
func Generate(data []byte, file string, countries []geo.Country, read func(name string) ([]byte, error)) ([]geo.Country, error) {
	byISO := map[string]*geo.Country{}
	for i := range countries {
		byISO[countries[i].ISO] = &countries[i]
	}
	us, err := Parse(data, file, func(iso string) bool { return byISO[iso] != nil })
	if err != nil {
		return nil, err
	}
	geom := map[string]orb.MultiPolygon{}
	fcs := map[string]*geojson.FeatureCollection{}
	for i := range us {
		u := &us[i]
		switch {
		case len(u.UnionOf) > 0:
			var mp orb.MultiPolygon
			for _, m := range u.UnionOf {
				for _, p := range byISO[m].Geometry {
					mp = geo.Dissolve(mp, p)
				}
			}
			geom[u.Key()] = mp
		case u.Cut != nil:
			rest := slices.IndexFunc(us, func(r Unit) bool {
				return r.SplitOf == u.SplitOf && r.Part == Rest && r.from.Year() == u.from.Year() && r.to.Year() == u.to.Year()
			})
			for j := range us {
				if o := &us[j]; o != u && o.Cut != nil && o.SplitOf == u.SplitOf && o.from.Year() == u.from.Year() && o.to.Year() == u.to.Year() {
					return nil, &Error{File: file, Unit: o.ID, Field: "cut", Msg: "the generator cuts a split into two parts only (one cut part and the rest)"}
				}
			}
			fc, ok := fcs[u.Cut.File]
			if !ok {
				b, err := read(u.Cut.File)
				if err != nil {
					return nil, &Error{File: file, Unit: u.ID, Field: "cut.file", Msg: err.Error()}
				}
				if fc, err = geojson.UnmarshalFeatureCollection(b); err != nil {
					return nil, &Error{File: file, Unit: u.ID, Field: "cut.file", Msg: fmt.Sprintf("%s: %v", u.Cut.File, err)}
				}
				fcs[u.Cut.File] = fc
			}
			in, out, err := SplitOutline(byISO[u.SplitOf].Geometry, fc, *u.Cut)
			if err != nil {
				return nil, &Error{File: file, Unit: u.ID, Field: "cut", Msg: err.Error()}
			}
			geom[u.Key()], geom[us[rest].Key()] = in, out
		}
	}
	out := make([]geo.Country, 0, len(us))
	for i := range us {
		u := &us[i]
		out = append(out, geo.Country{ISO: u.Key(), Name: u.Name, LongName: u.LongName, Geometry: geom[u.Key()]})
	}
	return out, nil
}

// Atlas gives the outlines of every year: the modern world, with the
// historical units drawn in place of their modern outlines in the years
// they existed. Each distinct set of units is built into a *geo.World once,
// when the atlas is made, so asking for a year is a look-up. It is
// read-only and safe for concurrent use.
type Atlas struct {
	base        *geo.World
	units       []Unit
	first, last int
	byYear      []*geo.World // the world of each year first…last
	worlds      []*geo.World // the distinct worlds, base first
	ids         map[string]bool
}

// Load parses the units file data (named file in errors), whose parts
// parts were generated from it (units.bin), over the modern world base.
func Load(base *geo.World, data []byte, file string, parts []byte) (*Atlas, error) {
	us, err := Parse(data, file, base.Known)
	if err != nil {
		return nil, err
	}
	pc, err := geo.DecodeCompact(parts)
	if err != nil {
		return nil, fmt.Errorf("%s's parts: %w", file, err)
	}
	return NewAtlas(base, us, pc)
}

// NewAtlas builds the atlas of the units us over base, with the units'
// outlines geom (keyed by Unit.Key, as Generate makes them). It fails when
// an outline is missing or differs in name from its unit (the generated
// file is out of date: run go generate ./assets), or a year's world cannot
// be built.
func NewAtlas(base *geo.World, us []Unit, geom []geo.Country) (*Atlas, error) {
	a := &Atlas{base: base, units: us, worlds: []*geo.World{base}, ids: map[string]bool{}}
	byKey := map[string]*geo.Country{}
	for i := range geom {
		byKey[geom[i].ISO] = &geom[i]
	}
	if len(byKey) != len(us) {
		return nil, fmt.Errorf("units: %d generated outlines for %d units: run go generate ./assets", len(byKey), len(us))
	}
	for i := range us {
		u := &us[i]
		g, ok := byKey[u.Key()]
		if !ok || g.Name != u.Name || g.LongName != u.LongName || len(g.Geometry) == 0 {
			return nil, fmt.Errorf("units: unit %s: no generated outline matches it: run go generate ./assets", u.Key())
		}
		a.ids[u.ID] = true
		f, l := u.Years()
		if i == 0 || f < a.first {
			a.first = f
		}
		if i == 0 || l > a.last {
			a.last = l
		}
	}
	if len(us) == 0 {
		return a, nil
	}
	built := map[string]*geo.World{"": base}
	for y := a.first; y <= a.last; y++ {
		active := a.UnitsIn(y)
		keys := make([]string, len(active))
		for i, u := range active {
			keys[i] = u.Key()
		}
		k := strings.Join(keys, "|")
		w, ok := built[k]
		if !ok {
			var err error
			if w, err = a.build(active, byKey); err != nil {
				return nil, fmt.Errorf("units: the world of %d: %w", y, err)
			}
			built[k] = w
			a.worlds = append(a.worlds, w)
		}
		a.byYear = append(a.byYear, w)
	}
	return a, nil
}

// build makes the world in which the units active replace their modern
// outlines. A unit takes the place (the index in Countries) of the modern
// outline with its own code, or else of its first modern outline; the
// other parts of a split come last. A territory whose sovereign is
// replaced takes the unit that replaces it (the rest of a split).
func (a *Atlas) build(active []*Unit, geom map[string]*geo.Country) (*geo.World, error) {
	replaced := map[string]*Unit{} // modern code → the unit that takes its place
	for _, u := range active {
		for _, m := range u.Modern() {
			if cur, ok := replaced[m]; !ok || (u.ID == m && cur.ID != m) || (u.Part == Rest && cur.ID != m) {
				replaced[m] = u
			}
		}
	}
	country := func(u *Unit) geo.Country {
		return geo.Country{ISO: u.ID, Name: u.Name, LongName: u.LongName, Geometry: geom[u.Key()].Geometry}
	}
	placed := map[*Unit]bool{}
	out := make([]geo.Country, 0, len(a.base.Countries)+len(active))
	for _, c := range a.base.Countries {
		u, gone := replaced[c.ISO]
		if !gone {
			if s, ok := replaced[c.Sovereign]; ok {
				c.Sovereign = s.ID
			}
			out = append(out, c)
			continue
		}
		if !placed[u] {
			out = append(out, country(u))
			placed[u] = true
		}
	}
	for _, u := range active {
		if !placed[u] {
			out = append(out, country(u))
		}
	}
	w, err := geo.NewWorld(out)
	if err != nil {
		return nil, errors.New(strings.TrimPrefix(err.Error(), "geo: "))
	}
	return w, nil
}

// Base returns the modern world, drawn outside the units' years.
func (a *Atlas) Base() *geo.World { return a.base }

// Units returns every unit, in file order.
func (a *Atlas) Units() []Unit { return a.units }

// UnitsIn returns the units drawn in year, in file order.
func (a *Atlas) UnitsIn(year int) []*Unit {
	var out []*Unit
	for i := range a.units {
		if a.units[i].In(year) {
			out = append(out, &a.units[i])
		}
	}
	return out
}

// WorldIn returns the outlines of year: the modern world with the units of
// that year in place of what they replace. Years with the same units share
// one *geo.World (the modern one outside every unit's years), so a caller
// can cache by pointer.
func (a *Atlas) WorldIn(year int) *geo.World {
	if len(a.byYear) == 0 || year < a.first || year > a.last {
		return a.base
	}
	return a.byYear[year-a.first]
}

// Worlds returns every distinct world of the atlas, the modern one first.
func (a *Atlas) Worlds() []*geo.World { return a.worlds }

// Known reports whether code is a modern outline or a unit's.
func (a *Atlas) Known(code string) bool { return a.base.Known(code) || a.ids[code] }
