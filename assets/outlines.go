package assets

import _ "embed"

//go:generate go run ./gencountries -in ne_50m_admin_0_countries.geojson -out countries.bin

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
