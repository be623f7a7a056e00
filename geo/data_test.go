package geo_test

import (
	"math"
	"testing"

	"cstomap/assets"
	"cstomap/geo"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCompactMatchesGeoJSON regenerates the outlines from the unmodified
// Natural Earth file and checks that the embedded compact form is exactly
// what `go generate ./assets` produces.
func TestCompactMatchesGeoJSON(t *testing.T) {
	fresh, err := geo.FromGeoJSON(assets.NaturalEarth)
	require.NoError(t, err)
	embedded, err := geo.DecodeCompact(assets.Countries)
	require.NoError(t, err)
	require.Equal(t, len(fresh), len(embedded))
	for i := range fresh {
		require.Equal(t, fresh[i].ISO, embedded[i].ISO)
		require.Equal(t, fresh[i].Name, embedded[i].Name)
		require.True(t, fresh[i].Geometry.Equal(embedded[i].Geometry), "geometry of %s", fresh[i].ISO)
	}
	assert.Equal(t, geo.EncodeCompact(fresh), assets.Countries, "run go generate ./assets")
}

func TestNaturalEarthIsUnmodified(t *testing.T) {
	assert.Len(t, assets.NaturalEarth, 3083490)
	assert.Equal(t, "3e458fc036ad0a66411f2c1e6cac49c5d7bfb81cb1123bc513b22511a2b7fdeb", sha256hex(assets.NaturalEarth))
}

func TestOutlineKeys(t *testing.T) {
	w := testWorld(t)
	assert.Len(t, w.Countries, 238, "242 features; Australia's two territories merged into AUS; CYN and SOL absorbed")
	for _, iso := range []string{"RUS", "UKR", "FRA", "NOR", "KOS", "ARM", "AUS", "SSD", "PSE", "ESH"} {
		assert.True(t, w.Known(iso), iso)
	}
	assert.False(t, w.Known("-99"))
	assert.Equal(t, "Russia", w.Name("RUS"))
	ukr, _ := w.Country("UKR")
	rus, _ := w.Country("RUS")
	assert.True(t, planar.MultiPolygonContains(ukr.Geometry, geo.CrimeaProbe))
	for _, p := range rus.Geometry {
		assert.False(t, planar.PolygonContains(p, geo.CrimeaProbe), "no RUS part holds Crimea")
	}
}

func TestRecogniseCrimeaErrors(t *testing.T) {
	square := func(x0, y0 float64) orb.Polygon {
		return orb.Polygon{{{x0, y0}, {x0, y0 + 1}, {x0 + 1, y0 + 1}, {x0 + 1, y0}, {x0, y0}}}
	}
	err := geo.RecogniseCrimea([]geo.Country{{ISO: "RUS", Geometry: orb.MultiPolygon{square(0, 0)}}, {ISO: "UKR", Geometry: orb.MultiPolygon{square(5, 5)}}})
	assert.ErrorContains(t, err, "no RUS polygon contains")
	err = geo.RecogniseCrimea([]geo.Country{{ISO: "RUS", Geometry: orb.MultiPolygon{square(34, 44.5)}}, {ISO: "UKR", Geometry: orb.MultiPolygon{square(20, 20)}}})
	assert.ErrorContains(t, err, "shares a border")
}

// TestRecogniseCrimeaDissolves joins two unit squares that share an edge
// (both wound clockwise, like Natural Earth):
//
//	(33,46)+----+(34,46)
//	       | UA |
//	(33,45)+----+(34,45)   <- shared edge, dissolved
//	       | CR |  contains the probe (34.1, 44.95)
//	       +----+
func TestRecogniseCrimeaDissolves(t *testing.T) {
	cw := func(x0, y0 float64) orb.Ring { // clockwise in lon/lat
		return orb.Ring{{x0, y0}, {x0, y0 + 1}, {x0 + 1, y0 + 1}, {x0 + 1, y0}, {x0, y0}}
	}
	crimea := cw(33.5, 44)
	mainland := cw(33.5, 45)
	cs := []geo.Country{
		{ISO: "RUS", Geometry: orb.MultiPolygon{{crimea}, {cw(40, 50)}}},
		{ISO: "UKR", Geometry: orb.MultiPolygon{{mainland}}},
	}
	require.NoError(t, geo.RecogniseCrimea(cs))
	assert.Len(t, cs[0].Geometry, 1)
	require.Len(t, cs[1].Geometry, 1)
	ring := cs[1].Geometry[0][0]
	assert.Equal(t, ring[0], ring[len(ring)-1], "closed")
	assert.InDelta(t, 2.0, math.Abs(planar.Area(ring)), 1e-12, "union of two unit squares")
	assert.Equal(t, orb.CW, ring.Orientation(), "still clockwise")
	assert.Len(t, ring, 7, "six corners and the closing vertex; the shared edge is gone")
}
