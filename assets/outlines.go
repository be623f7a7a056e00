package assets

import _ "embed"

//go:generate go run ./gencountries -in ne_50m_admin_0_countries.geojson -out countries.bin -units units.json -units-out units.bin

// NaturalEarth is the unmodified Natural Earth v5.1.2 1:50m admin-0
// countries GeoJSON (public domain). See NATURALEARTH.md for its provenance.
//
//go:embed ne_50m_admin_0_countries.geojson
var NaturalEarth []byte

// Countries is the compact form of NaturalEarth that the app loads at
// start-up: the same coordinates, keyed by ISO 3166-1 alpha-3, with the
// recognised-borders correction applied. It is generated from NaturalEarth
// by `go generate ./assets` (see gencountries) and a test checks that the
// two agree.
//
//go:embed countries.bin
var Countries []byte

// Units is the historical units file, units.json: states that no longer
// exist (the German Democratic Republic), each drawn from one date to
// another in place of today's outlines. Load it with units.Load; the schema
// and the year rule are in NATURALEARTH.md.
//
//go:embed units.json
var Units []byte

// UnitsBin holds the generated outline of every unit of Units (format
// CSTOGEO2, keyed by unit), made by `go generate ./assets` from Units,
// the Natural Earth outlines and the cut line's source,
// germany_states_ems.geojson (ODbL, see NATURALEARTH.md).
//
//go:embed units.bin
var UnitsBin []byte
