package units_test

import (
	"os"
	"path/filepath"
	"testing"

	"cstomap/assets"
	"cstomap/geo"
	"cstomap/timeline"
	"cstomap/units"

	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"
	"github.com/paulmach/orb/planar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func modern(t testing.TB) *geo.World {
	t.Helper()
	w, err := geo.LoadCompact(assets.Countries)
	require.NoError(t, err)
	return w
}

func atlas(t testing.TB) *units.Atlas {
	t.Helper()
	a, err := units.Load(modern(t), assets.Units, "units.json", assets.UnitsBin)
	require.NoError(t, err)
	return a
}

func readAsset(name string) ([]byte, error) { return os.ReadFile(filepath.Join("..", "assets", name)) }

// TestUnitsBinIsGenerated regenerates the units' outlines from units.json,
// the outlines and the cut's source file, and checks that the embedded
// units.bin is exactly what `go generate ./assets` writes.
func TestUnitsBinIsGenerated(t *testing.T) {
	countries, err := geo.DecodeCompact(assets.Countries)
	require.NoError(t, err)
	parts, err := units.Generate(assets.Units, "units.json", countries, readAsset)
	require.NoError(t, err)
	assert.Equal(t, geo.EncodeCompact(parts), assets.UnitsBin, "run go generate ./assets")
}

func TestWhichInYear(t *testing.T) {
	a := atlas(t)
	places := []struct {
		name     string
		lon, lat float64
		in1980   string
	}{
		{"Leipzig", 12.37, 51.34, "DDR"},
		{"East Berlin, Alexanderplatz", 13.41, 52.52, "DDR"},
		{"Dresden", 13.74, 51.05, "DDR"},
		{"Rostock", 12.10, 54.09, "DDR"},
		{"Rügen", 13.40, 54.45, "DDR"},
		{"Erfurt", 11.03, 50.98, "DDR"},
		{"Magdeburg", 11.63, 52.13, "DDR"},
		{"Bonn", 7.10, 50.73, "DEU"},
		{"Munich", 11.58, 48.14, "DEU"},
		{"Hamburg", 10.00, 53.55, "DEU"},
		{"Kiel", 10.13, 54.32, "DEU"},
		{"Fehmarn", 11.20, 54.45, "DEU"},
		{"Sylt", 8.30, 54.90, "DEU"},
		{"Hof, by the border", 11.92, 50.31, "DEU"},
		{"Lübeck, by the border", 10.69, 53.87, "DEU"},
		{"Göttingen", 9.93, 51.53, "DEU"},
		{"Eisenach, by the border", 10.32, 50.98, "DDR"},
	}
	for _, p := range places {
		for _, y := range []int{1949, 1980, 1990} {
			got, ok := a.WorldIn(y).CountryAt(p.lon, p.lat)
			assert.True(t, ok, p.name)
			assert.Equal(t, p.in1980, got, "%s in %d", p.name, y)
		}
		for _, y := range []int{1948, 1991, 2024} {
			got, _ := a.WorldIn(y).CountryAt(p.lon, p.lat)
			assert.Equal(t, "DEU", got, "%s in %d", p.name, y)
		}
	}
	w := a.WorldIn(1980)
	assert.Equal(t, "German Democratic Republic", w.Name("DDR"))
	assert.Equal(t, "West Germany", w.Name("DEU"))
	ddr, _ := w.Country("DDR")
	assert.Equal(t, "German Democratic Republic", ddr.LongName)
	assert.Equal(t, "Germany", a.WorldIn(1991).Name("DEU"))
}

// TestSplitTilesGermany checks that the two parts cover today's Germany
// exactly: the areas add up, the GDR's area is about the 108,333 km² on
// record (all of Berlin in, Amt Neuhaus out), and the line between them is
// the same vertices in both.
func TestSplitTilesGermany(t *testing.T) {
	a := atlas(t)
	deu, _ := a.Base().Country("DEU")
	w := a.WorldIn(1980)
	frg, _ := w.Country("DEU")
	gdr, _ := w.Country("DDR")
	assert.InDelta(t, planar.Area(deu.Geometry), planar.Area(frg.Geometry)+planar.Area(gdr.Geometry), 1e-9)
	km2 := func(mp orb.MultiPolygon) float64 { return orbgeo.Area(mp) / 1e6 }
	assert.InDelta(t, km2(deu.Geometry), km2(frg.Geometry)+km2(gdr.Geometry), 1)
	assert.InEpsilon(t, 108333, km2(gdr.Geometry), 0.05, "GDR area %.0f km²", km2(gdr.Geometry))
	t.Logf("GDR %.0f km², FRG %.0f km², Germany %.0f km²", km2(gdr.Geometry), km2(frg.Geometry), km2(deu.Geometry))
	// Every vertex of either mainland is a vertex of Germany's outline or
	// of the other part: the cut is shared exactly.
	onDEU := map[orb.Point]bool{}
	for _, p := range deu.Geometry {
		for _, pt := range p[0] {
			onDEU[pt] = true
		}
	}
	for _, pair := range [][2]orb.Ring{{gdr.Geometry[0][0], frg.Geometry[0][0]}, {frg.Geometry[0][0], gdr.Geometry[0][0]}} {
		other := map[orb.Point]bool{}
		for _, pt := range pair[1] {
			other[pt] = true
		}
		cut := 0
		for _, pt := range pair[0] {
			assert.True(t, onDEU[pt] || other[pt], "vertex %v is on neither outline", pt)
			if other[pt] && !onDEU[pt] {
				cut++
			}
		}
		assert.Greater(t, cut, 500, "the inner German border has hundreds of vertices")
	}
	// The islands go whole to their side: Rügen and Usedom east, Fehmarn,
	// Sylt and Föhr west.
	assert.Len(t, gdr.Geometry, 3)
	assert.Len(t, frg.Geometry, 4)
	assert.Equal(t, len(deu.Geometry)+1, len(gdr.Geometry)+len(frg.Geometry), "the mainland is cut in two")
	// The rings keep Natural Earth's orientation (exteriors clockwise).
	for _, mp := range []orb.MultiPolygon{gdr.Geometry, frg.Geometry} {
		for _, p := range mp {
			assert.Equal(t, orb.CW, p[0].Orientation())
		}
	}
}

func TestWorldInIsCachedPerSetOfUnits(t *testing.T) {
	a := atlas(t)
	base := a.Base()
	assert.Same(t, base, a.WorldIn(2024))
	assert.Same(t, base, a.WorldIn(1991))
	assert.Same(t, base, a.WorldIn(1948))
	w := a.WorldIn(1949)
	assert.NotSame(t, base, w)
	for y := 1949; y <= 1990; y++ {
		assert.Same(t, w, a.WorldIn(y), "year %d", y)
	}
	assert.Len(t, a.Worlds(), 2)
	// The Federal Republic keeps Germany's place; the GDR comes last; every
	// other country keeps its index, so per-country tables carry over.
	assert.Equal(t, base.Index("DEU"), w.Index("DEU"))
	assert.Equal(t, len(base.Countries), w.Index("DDR"))
	assert.Equal(t, base.Index("FRA"), w.Index("FRA"))
	assert.False(t, base.Known("DDR"))
	assert.True(t, a.Known("DDR"))
	assert.True(t, a.Known("ARM"))
	assert.False(t, a.Known("XXX"))
	us := a.UnitsIn(1980)
	require.Len(t, us, 2)
	first, last := us[1].Years()
	assert.Equal(t, [2]int{1949, 1990}, [2]int{first, last})
	assert.Empty(t, a.UnitsIn(1991))
}

func square(x0, y0 float64) orb.Polygon {
	// Clockwise, as Natural Earth's exteriors are.
	return orb.Polygon{{{x0, y0}, {x0, y0 + 1}, {x0 + 1, y0 + 1}, {x0 + 1, y0}, {x0, y0}}}
}

// TestUnion builds a union of two modern outlines that share a border,
// as the Soviet Union, Czechoslovakia or Yugoslavia would be.
func TestUnion(t *testing.T) {
	countries := []geo.Country{
		{ISO: "AAA", Name: "A", Geometry: orb.MultiPolygon{square(0, 0)}},
		{ISO: "BBB", Name: "B", Geometry: orb.MultiPolygon{square(1, 0)}},
		{ISO: "TER", Name: "Territory of A", Sovereign: "AAA", Geometry: orb.MultiPolygon{square(5, 5)}},
		{ISO: "ZZZ", Name: "Z", Geometry: orb.MultiPolygon{square(9, 9)}},
	}
	file := []byte(`{"about": "test", "units": [{"id": "ABU", "name": "A-B Union", "long_name": "Union of A and B",
		"from": "1945-01-01", "to": "1991-12-26", "union_of": ["AAA", "BBB"], "note": "", "sources": ["https://example.org/x"]}]}`)
	parts, err := units.Generate(file, "test.json", countries, readAsset)
	require.NoError(t, err)
	require.Len(t, parts, 1)
	assert.Len(t, parts[0].Geometry, 1, "dissolved along the shared edge into one polygon")
	assert.InDelta(t, 2, planar.Area(parts[0].Geometry), 1e-12)

	base, err := geo.NewWorld(countries)
	require.NoError(t, err)
	a, err := units.Load(base, file, "test.json", geo.EncodeCompact(parts))
	require.NoError(t, err)
	w := a.WorldIn(1980)
	assert.False(t, w.Known("AAA"))
	assert.False(t, w.Known("BBB"))
	assert.Equal(t, 0, w.Index("ABU"), "in the first member's place")
	assert.Equal(t, "ABU", w.Sovereign("TER"), "a member's territory follows the union")
	iso, _ := w.CountryAt(1.5, 0.5)
	assert.Equal(t, "ABU", iso)
	assert.Same(t, base, a.WorldIn(1992))
	assert.Same(t, w, a.WorldIn(1991))
	assert.Same(t, w, a.WorldIn(1945))

	_, err = units.Load(base, file, "test.json", geo.EncodeCompact(nil))
	assert.ErrorContains(t, err, "run go generate")
}

func TestParseErrors(t *testing.T) {
	known := func(iso string) bool { return iso == "DEU" || iso == "CZE" || iso == "SVK" }
	const ok = `"note": "", "sources": ["https://example.org/a"]`
	cut := `"cut": {"file": "x.geojson", "key": "k", "inside": ["A"], "outside": ["B"]}`
	tests := []struct {
		name, units, want string
	}{
		{"no units", ``, "units.json: units: no units"},
		{"bad id", `{"id": "ddr", "name": "x", "from": "1949-10-07", "to": "1990-10-02", "union_of": ["CZE", "SVK"], ` + ok + `}`, `units.json: unit ddr: id: "ddr" is not a three-letter upper-case code`},
		{"missing name", `{"id": "CSK", "from": "1949-10-07", "to": "1990-10-02", "union_of": ["CZE", "SVK"], ` + ok + `}`, "units.json: unit CSK: name: missing"},
		{"bad date", `{"id": "CSK", "name": "x", "from": "1949-13-07", "to": "1990-10-02", "union_of": ["CZE", "SVK"], ` + ok + `}`, `unit CSK: from: "1949-13-07" is not a date`},
		{"to before from", `{"id": "CSK", "name": "x", "from": "1993-01-01", "to": "1990-10-02", "union_of": ["CZE", "SVK"], ` + ok + `}`, "unit CSK: to: 1990-10-02 is before from 1993-01-01"},
		{"unknown member", `{"id": "CSK", "name": "x", "from": "1945-01-01", "to": "1992-12-31", "union_of": ["CZE", "XXX"], ` + ok + `}`, `unit CSK: union_of: unknown outline "XXX"`},
		{"union of one", `{"id": "CSK", "name": "x", "from": "1945-01-01", "to": "1992-12-31", "union_of": ["CZE"], ` + ok + `}`, "unit CSK: union_of: a union needs at least two outlines"},
		{"neither", `{"id": "CSK", "name": "x", "from": "1945-01-01", "to": "1992-12-31", ` + ok + `}`, "unit CSK: union_of: missing"},
		{"no sources", `{"id": "CSK", "name": "x", "from": "1945-01-01", "to": "1992-12-31", "union_of": ["CZE", "SVK"], "note": ""}`, "unit CSK: sources: missing"},
		{"bad source", `{"id": "CSK", "name": "x", "from": "1945-01-01", "to": "1992-12-31", "union_of": ["CZE", "SVK"], "note": "", "sources": ["example.org"]}`, `unit CSK: sources: "example.org" is not an http(s) URL`},
		{"part without cut", `{"id": "DDR", "name": "x", "from": "1949-10-07", "to": "1990-10-02", "split_of": "DEU", "part": "east", ` + ok + `}`, `unit DDR: cut: missing for part "east"`},
		{"split without part", `{"id": "DDR", "name": "x", "from": "1949-10-07", "to": "1990-10-02", "split_of": "DEU", ` + ok + `}`, "unit DDR: part: missing"},
		{"bad cut file", `{"id": "DDR", "name": "x", "from": "1949-10-07", "to": "1990-10-02", "split_of": "DEU", "part": "east", "cut": {"file": "../x.json", "key": "k", "inside": ["A"], "outside": ["A"]}, ` + ok + `}`, `unit DDR: cut.file: "../x.json" is not a .geojson file`},
		{"split without rest", `{"id": "DDR", "name": "x", "from": "1949-10-07", "to": "1990-10-02", "split_of": "DEU", "part": "east", ` + cut + `, ` + ok + `}`, `unit DDR: split_of: the split of DEU in 1949-1990 needs exactly one part "rest"`},
		{"split parts in other years", `{"id": "DDR", "name": "x", "from": "1949-10-07", "to": "1990-10-02", "split_of": "DEU", "part": "east", ` + cut + `, ` + ok + `},
			{"id": "DEU", "name": "x", "from": "1949-05-23", "to": "1991-10-02", "split_of": "DEU", "part": "rest", ` + ok + `}`, "split_of: the split of DEU in 1949-1990 needs exactly one part"},
		{"overlap", `{"id": "CSK", "name": "x", "from": "1945-01-01", "to": "1992-12-31", "union_of": ["CZE", "SVK"], ` + ok + `},
			{"id": "CSR", "name": "y", "from": "1990-01-01", "to": "1992-12-31", "union_of": ["CZE", "SVK"], ` + ok + `}`, "unit CSR: from: CZE is also part of unit CSK in 1990-1992"},
		{"unknown field", `{"id": "CSK", "nmae": "x"}`, `units.json: json: unknown field "nmae"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := units.Parse([]byte(`{"about": "", "units": [`+tt.units+`]}`), "units.json", known)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	_, err := units.Parse([]byte(`{"units": []} {}`), "units.json", known)
	assert.ErrorContains(t, err, "after the top-level object")
}

func TestEmbeddedUnitsParse(t *testing.T) {
	us, err := units.Parse(assets.Units, "units.json", modern(t).Known)
	require.NoError(t, err)
	require.Len(t, us, 2)
	assert.Equal(t, "DDR", us[1].ID)
	assert.Equal(t, "1990-10-02", us[1].ToDate().Format("2006-01-02"), "the day before reunification")
}

func TestGenerateErrors(t *testing.T) {
	countries, err := geo.DecodeCompact(assets.Countries)
	require.NoError(t, err)
	_, err = units.Generate(assets.Units, "units.json", countries, func(string) ([]byte, error) { return nil, os.ErrNotExist })
	assert.ErrorContains(t, err, "units.json: unit DDR: cut.file: file does not exist")
	_, err = units.Generate(assets.Units, "units.json", countries, func(string) ([]byte, error) {
		return []byte(`{"type": "FeatureCollection", "features": []}`), nil
	})
	assert.ErrorContains(t, err, `units.json: unit DDR: cut: no feature with iso_3166_2 "DE-MV"`)
}

// TestUnitSourcesMeetThePolicy: the units cite sources as the alliance
// files must (assets/sources.json): each known, none unreliable, and each
// unit has an official, news or research one.
func TestUnitSourcesMeetThePolicy(t *testing.T) {
	pol, err := timeline.ParsePolicy(assets.Sources)
	require.NoError(t, err)
	for _, u := range atlas(t).Units() {
		strong := false
		for _, s := range u.Sources {
			v := pol.Classify(s)
			require.NoError(t, v.Err, "unit %s: %s", u.ID, s)
			strong = strong || v.Class == timeline.ClassOfficial || v.Class == timeline.ClassNews || v.Class == timeline.ClassResearch
		}
		assert.True(t, strong, "unit %s cites no official, news or research source", u.ID)
	}
}
