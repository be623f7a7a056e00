package geo_test

import (
	"math"
	"testing"

	"cstomap/geo"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBordersPolicyWhich checks the points of the borders policy against
// the embedded outlines: each place answers the state the policy puts it in.
func TestBordersPolicyWhich(t *testing.T) {
	w := testWorld(t)
	cases := []struct {
		name     string
		lon, lat float64
		want     string
	}{
		{"Northern Cyprus is Cyprus", 33.6, 35.3, "CYP"},
		{"Kyrenia", 33.32, 35.33, "CYP"},
		{"Somaliland is Somalia", 44.06, 9.56, "SOM"},
		{"Hargeisa", 44.065, 9.56, "SOM"},
		{"Western Sahara west of the berm", -13, 24.5, "ESH"},
		{"Laayoune", -13.2, 27.15, "ESH"},
		{"just south of 27°40′N", -8.7, 27.66, "ESH"},
		{"just north of 27°40′N", -8.7, 27.67, "MAR"},
		{"Morocco proper", -7.6, 33.6, "MAR"},
		{"Crimea", 34.1, 44.95, "UKR"},
		{"Kosovo as Natural Earth draws it", 21.16, 42.66, "KOS"},
		{"Taiwan as Natural Earth draws it", 121.5, 25.03, "TWN"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := w.CountryAt(tc.lon, tc.lat)
			require.True(t, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestBordersPolicyOutlines checks that the absorbed units are gone, that
// each absorption and Western Sahara's part were dissolved (no extra part,
// so no line where the pieces meet), and the disputed flags.
func TestBordersPolicyOutlines(t *testing.T) {
	w := testWorld(t)
	for _, iso := range []string{"CYN", "SOL"} {
		assert.False(t, w.Known(iso), iso)
	}
	parts := map[string]int{"CYP": 1, "SOM": 1, "ESH": 1, "MAR": 1}
	for iso, n := range parts {
		c, ok := w.Country(iso)
		require.True(t, ok)
		assert.Len(t, c.Geometry, n, "%s is one polygon", iso)
		for _, p := range c.Geometry {
			assert.Equal(t, orb.CW, p[0].Orientation(), "%s outer ring stays clockwise", iso)
		}
	}
	mar, _ := w.Country("MAR")
	assert.GreaterOrEqual(t, mar.Geometry.Bound().Min[1], geo.WesternSaharaLat, "Morocco ends at 27°40′N")
	for _, iso := range []string{"KOS", "TWN"} {
		assert.True(t, w.Disputed(iso), iso)
	}
	assert.False(t, w.Disputed("SRB"))
	assert.False(t, w.Disputed("XXX"))
}

// TestSovereigns checks that territories carry their sovereign and that
// states and Palestine do not.
func TestSovereigns(t *testing.T) {
	w := testWorld(t)
	cases := map[string]string{
		"GRL": "DNK", "FRO": "DNK", "ALA": "FIN", "PRI": "USA", "FLK": "GBR",
		"BMU": "GBR", "NCL": "FRA", "ABW": "NLD", "HKG": "CHN", "NFK": "AUS",
		"DNK": "", "FIN": "", "USA": "", "PSE": "", "ESH": "", "KOS": "", "TWN": "", "XXX": "",
	}
	for iso, want := range cases {
		assert.Equal(t, want, w.Sovereign(iso), iso)
	}
	terr := w.Territories()
	assert.Len(t, terr, 38)
	assert.Equal(t, "DNK", terr["GRL"])
	c, _ := w.Country("GRL")
	assert.Equal(t, "Greenland", c.Name, "a territory keeps its own name")
}

// TestAbsorb folds a unit into its neighbour (both clockwise, sharing an
// edge) and an island with no shared border, which becomes its own part:
//
//	+----+----+      +----+
//	| IN |FROM|      |FROM|  (island)
//	+----+----+      +----+
func TestAbsorb(t *testing.T) {
	cw := func(x0, y0 float64) orb.Polygon {
		return orb.Polygon{{{x0, y0}, {x0, y0 + 1}, {x0 + 1, y0 + 1}, {x0 + 1, y0}, {x0, y0}}}
	}
	cs := []geo.Country{
		{ISO: "FRM", Geometry: orb.MultiPolygon{cw(1, 0), cw(5, 5)}},
		{ISO: "INT", Geometry: orb.MultiPolygon{cw(0, 0)}},
	}
	cs, err := geo.Absorb(cs, "FRM", "INT")
	require.NoError(t, err)
	require.Len(t, cs, 1)
	require.Len(t, cs[0].Geometry, 2)
	ring := cs[0].Geometry[0][0]
	assert.InDelta(t, 2.0, math.Abs(planar.Area(ring)), 1e-12)
	assert.Len(t, ring, 7, "the shared edge is gone")

	_, err = geo.Absorb(cs, "XXX", "INT")
	assert.ErrorContains(t, err, "country missing")
}

// TestWholeWesternSahara cuts a Morocco that reaches south of 27°40′N and
// dissolves the southern part into Western Sahara, which it touches along
// a shared edge at longitude -9:
//
//	 28 +--------+
//	    |  MAR   |
//	27⅔ |- - - - | <- cut
//	    |        +-----+
//	 26 +--------+ ESH |
//	             +-----+ 25
func TestWholeWesternSahara(t *testing.T) {
	mar := orb.Ring{{-10, 26}, {-10, 28}, {-9, 28}, {-9, 27}, {-9, 26}, {-10, 26}}
	esh := orb.Ring{{-9, 25}, {-9, 26}, {-9, 27}, {-8, 27}, {-8, 25}, {-9, 25}}
	cs := []geo.Country{{ISO: "MAR", Geometry: orb.MultiPolygon{{mar}}}, {ISO: "ESH", Geometry: orb.MultiPolygon{{esh}}}}
	require.NoError(t, geo.WholeWesternSahara(cs))
	m, e := cs[0].Geometry, cs[1].Geometry
	require.Len(t, m, 1)
	require.Len(t, e, 1)
	assert.InDelta(t, 28-geo.WesternSaharaLat, math.Abs(planar.Area(m[0][0])), 1e-12)
	assert.InDelta(t, 2+geo.WesternSaharaLat-26, math.Abs(planar.Area(e[0][0])), 1e-12)
	assert.Equal(t, orb.CW, m[0][0].Orientation())
	assert.Equal(t, orb.CW, e[0][0].Orientation())
	assert.True(t, planar.PolygonContains(e[0], orb.Point{-9.5, 26.5}))

	// A Morocco whose outline crosses the parallel four times (a U open to
	// the south) is not cut: the data is not shaped as expected.
	u := orb.Ring{{-10, 26}, {-10, 28}, {-7, 28}, {-7, 26}, {-8, 26}, {-8, 27.9}, {-9, 27.9}, {-9, 26}, {-10, 26}}
	err := geo.WholeWesternSahara([]geo.Country{{ISO: "MAR", Geometry: orb.MultiPolygon{{u}}}, {ISO: "ESH", Geometry: orb.MultiPolygon{{esh}}}})
	assert.ErrorContains(t, err, "crosses")

	err = geo.WholeWesternSahara([]geo.Country{{ISO: "MAR", Geometry: orb.MultiPolygon{{esh}}}, {ISO: "ESH"}})
	assert.ErrorContains(t, err, "no MAR polygon crosses")
	assert.ErrorContains(t, geo.WholeWesternSahara(nil), "missing")
}
