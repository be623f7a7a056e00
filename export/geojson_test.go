package export

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/assets"
	"cstomap/events"
	"cstomap/geo"
	"cstomap/timeline"
)

// testEvents returns the bundled events of the alliance that belong to year.
func testEvents(tb testing.TB, alliance string, year int) []events.Event {
	tb.Helper()
	w, _ := load(tb)
	all, err := events.LoadFS(assets.Events, "events", w.Known)
	require.NoError(tb, err)
	return events.Select(all, events.Filter{Alliance: alliance, Year: year, Today: today})
}

// decodeGeoJSON writes the GeoJSON of sc and evs and decodes it with orb.
func decodeGeoJSON(t *testing.T, sc Scene, evs []events.Event) (*geojson.FeatureCollection, []byte) {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, WriteGeoJSON(&b, sc, evs))
	fc, err := geojson.UnmarshalFeatureCollection(b.Bytes())
	require.NoError(t, err)
	return fc, b.Bytes()
}

// inBBox reports whether p lies in the RFC 7946 bbox bb (west, south,
// east, north).
func inBBox(bb geojson.BBox, p orb.Point) bool {
	return len(bb) == 4 && p[0] >= bb[0] && p[1] >= bb[1] && p[0] <= bb[2] && p[1] <= bb[3]
}

// TestGeoJSONRFC7946: the file decodes with orb, and every ring is closed,
// has at least four positions, finite coordinates in range, and the
// winding RFC 7946 §3.1.6 asks for (outer rings counter-clockwise, a
// positive planar area; holes clockwise); every feature's bbox is its
// bound, and the collection's holds them all.
func TestGeoJSONRFC7946(t *testing.T) {
	w, as := load(t)
	for _, tc := range []struct {
		alliance string
		year     int
	}{{"csto", 2022}, {"nato", 1960}, {"nato", 2024}} {
		t.Run(fmt.Sprint(tc.alliance, " ", tc.year), func(t *testing.T) {
			evs := testEvents(t, tc.alliance, tc.year)
			sc := Scene{World: w, Alliance: as[tc.alliance], Year: tc.year, Today: today}
			fc, raw := decodeGeoJSON(t, sc, evs)
			var top map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(raw, &top))
			assert.JSONEq(t, `"FeatureCollection"`, string(top["type"]))
			assert.NotContains(t, string(raw), "NaN")
			assert.NotContains(t, string(raw), "Inf")
			require.Len(t, fc.Features, len(w.Countries)+len(evs))
			require.Len(t, fc.BBox, 4)
			assert.Equal(t, geojson.BBox{-180, -90, 180, 90}, geojson.BBox{
				math.Min(-180, fc.BBox[0]), math.Min(-90, fc.BBox[1]), math.Max(180, fc.BBox[2]), math.Max(90, fc.BBox[3])}, "bbox within the world")
			assert.Less(t, fc.BBox[0], fc.BBox[2])
			assert.Less(t, fc.BBox[1], fc.BBox[3])
			rings := 0
			for _, f := range fc.Features {
				require.Len(t, f.BBox, 4, f.ID)
				assert.True(t, inBBox(fc.BBox, orb.Point{f.BBox[0], f.BBox[1]}) && inBBox(fc.BBox, orb.Point{f.BBox[2], f.BBox[3]}), f.ID)
				if p, ok := f.Geometry.(orb.Point); ok {
					assert.Equal(t, geojson.NewBBox(p.Bound()), f.BBox)
					continue
				}
				mp, ok := f.Geometry.(orb.MultiPolygon)
				require.True(t, ok, "%v: %T", f.ID, f.Geometry)
				assert.Equal(t, geojson.NewBBox(mp.Bound()), f.BBox, f.ID)
				for _, poly := range mp {
					for j, r := range poly {
						rings++
						require.GreaterOrEqual(t, len(r), 4, f.ID)
						require.True(t, r.Closed(), f.ID)
						for _, p := range r {
							require.True(t, validLonLat(p), "%v: %v", f.ID, p)
							require.True(t, inBBox(f.BBox, p), f.ID)
						}
						if a := planar.Area(r); j == 0 {
							assert.Positive(t, a, "%v: outer ring counter-clockwise", f.ID)
						} else {
							assert.Negative(t, a, "%v: hole clockwise", f.ID)
						}
					}
				}
			}
			assert.Greater(t, rings, 1000)
		})
	}
}

// TestGeoJSONLeavesOutlinesAlone: the outlines keep Natural Earth's winding
// (the export writes reversed copies), so the map draws as before.
func TestGeoJSONLeavesOutlinesAlone(t *testing.T) {
	w, as := load(t)
	rus, ok := w.Country("RUS")
	require.True(t, ok)
	before := rus.Geometry[0][0].Clone()
	_, _ = decodeGeoJSON(t, Scene{World: w, Alliance: as["csto"], Year: 2024, Today: today}, nil)
	assert.Equal(t, before, rus.Geometry[0][0])
	assert.Equal(t, orb.CW, rus.Geometry[0][0].Orientation(), "Natural Earth's outer rings run clockwise")
}

// TestGeoJSONProperties: one feature per country with the status the map
// shows, territories through their sovereign, and the borders policy.
func TestGeoJSONProperties(t *testing.T) {
	w, as := load(t)
	byISO := func(t *testing.T, alliance string, year int) map[string]*geojson.Feature {
		fc, _ := decodeGeoJSON(t, Scene{World: w, Alliance: as[alliance], Year: year, Today: today}, nil)
		m := map[string]*geojson.Feature{}
		for _, f := range fc.Features {
			iso := f.Properties.MustString("iso")
			require.NotContains(t, m, iso)
			assert.Equal(t, iso, f.ID)
			keys := []string{}
			for k := range f.Properties {
				keys = append(keys, k)
			}
			assert.ElementsMatch(t, []string{"iso", "name", "status", "since", "via", "year", "alliance"}, keys, iso)
			assert.Equal(t, alliance, f.Properties["alliance"])
			assert.Equal(t, float64(year), f.Properties["year"])
			m[iso] = f
		}
		assert.Len(t, m, len(w.Countries))
		return m
	}
	cases := []struct {
		alliance string
		year     int
		iso      string
		name     string
		status   any
		since    any
		via      any
	}{
		{"csto", 2024, "ARM", "Armenia", "threatening", "2023-05-22", nil},
		{"csto", 2024, "UZB", "Uzbekistan", "departed", "2012-12-19", nil},
		{"csto", 2024, "RUS", "Russia", "current", "1992-05-15", nil},
		{"csto", 2024, "USA", "United States of America", nil, nil, nil},
		{"csto", 2005, "UZB", "Uzbekistan", "departed", "1999-04-20", nil},
		{"nato", 2024, "GRL", "Greenland", "current", "1949-04-04", "DNK"},
		{"nato", 2024, "FIN", "Finland", "current", "2023-04-04", nil},
		{"nato", 2022, "FIN", "Finland", nil, nil, nil},
	}
	got := map[[2]any]map[string]*geojson.Feature{}
	for _, tc := range cases {
		t.Run(fmt.Sprint(tc.alliance, " ", tc.year, " ", tc.iso), func(t *testing.T) {
			k := [2]any{tc.alliance, tc.year}
			if got[k] == nil {
				got[k] = byISO(t, tc.alliance, tc.year)
			}
			f := got[k][tc.iso]
			require.NotNil(t, f)
			assert.Equal(t, tc.name, f.Properties["name"])
			assert.Equal(t, tc.status, f.Properties["status"])
			assert.Equal(t, tc.since, f.Properties["since"])
			assert.Equal(t, tc.via, f.Properties["via"])
		})
	}
	// Crimea is in Ukraine, as on the map.
	m := byISO(t, "csto", 2024)
	crimea := orb.Point{34.1, 44.95}
	assert.True(t, planar.MultiPolygonContains(m["UKR"].Geometry.(orb.MultiPolygon), crimea))
	assert.False(t, planar.MultiPolygonContains(m["RUS"].Geometry.(orb.MultiPolygon), crimea))
}

// TestGeoJSONEvents: the events given become Point features at their
// place, with their properties.
func TestGeoJSONEvents(t *testing.T) {
	w, as := load(t)
	evs := testEvents(t, "csto", 2022)
	fc, _ := decodeGeoJSON(t, Scene{World: w, Alliance: as["csto"], Year: 2022, Today: today}, evs)
	points := map[string]*geojson.Feature{}
	for _, f := range fc.Features[len(w.Countries):] {
		p, ok := f.Geometry.(orb.Point)
		require.True(t, ok, "%T", f.Geometry)
		require.True(t, validLonLat(p))
		points[f.Properties.MustString("id")] = f
	}
	require.Len(t, points, len(evs))
	var dep *events.Event
	for i := range evs {
		if evs[i].Kind == events.KindDeployment {
			dep = &evs[i]
		}
	}
	require.NotNil(t, dep, "the January 2022 deployment belongs to 2022")
	f := points[dep.ID]
	require.NotNil(t, f)
	assert.Equal(t, dep.ID, f.ID)
	assert.Equal(t, orb.Point{dep.Lon, dep.Lat}, f.Geometry)
	assert.Equal(t, "deployment", f.Properties["kind"])
	assert.Equal(t, "2022-01-06", f.Properties["date"])
	assert.Equal(t, "2022-01-19", f.Properties["end"])
	assert.Equal(t, "KAZ", f.Properties["iso"])
	assert.Equal(t, dep.Note, f.Properties["note"])
	assert.Equal(t, dep.Place, f.Properties["place"])
	assert.Nil(t, f.Properties["outcome"])
	assert.Len(t, f.Properties["sources"], len(dep.Sources))
	for _, e := range evs {
		if e.Kind == events.KindRequest {
			assert.Equal(t, string(e.Outcome), points[e.ID].Properties["outcome"], e.ID)
		}
		if e.Open() {
			assert.Nil(t, points[e.ID].Properties["end"], e.ID)
		}
	}
}

// TestGeoJSONRefusesBadGeometry: coordinates GIS tools would reject are an
// error naming the country or event, not a file.
func TestGeoJSONRefusesBadGeometry(t *testing.T) {
	_, as := load(t)
	ring := orb.Ring{{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 0}}
	cases := []struct {
		name  string
		ring  orb.Ring
		ev    *events.Event
		inErr string
	}{
		{"NaN", orb.Ring{{0, 0}, {0, math.NaN()}, {1, 1}, {0, 0}}, nil, "XXA: polygon 0, ring 0: position 0, NaN"},
		{"open ring", ring[:4], nil, "XXA: polygon 0, ring 0: not a closed ring"},
		{"too short", orb.Ring{{0, 0}, {1, 1}, {0, 0}}, nil, "not a closed ring of at least four positions"},
		{"latitude out of range", orb.Ring{{0, 0}, {0, 91}, {1, 1}, {0, 0}}, nil, "position 0, 91"},
		{"event off the globe", ring, &events.Event{ID: "e1", Lon: 200, Lat: 0}, "event e1: place 200, 0"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w, err := geo.NewWorld([]geo.Country{{ISO: "XXA", Name: "A", Geometry: orb.MultiPolygon{{tc.ring}}}})
			require.NoError(t, err)
			var evs []events.Event
			if tc.ev != nil {
				evs = append(evs, *tc.ev)
			}
			var b bytes.Buffer
			err = WriteGeoJSON(&b, Scene{World: w, Alliance: as["csto"], Year: 2024, Today: today}, evs)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.inErr)
			assert.Zero(t, b.Len(), "nothing written")
		})
	}
}

// TestGeoJSONWinding: a clockwise outer ring and a counter-clockwise hole
// are written the other way round; rings already right are kept.
func TestGeoJSONWinding(t *testing.T) {
	_, as := load(t)
	cw := orb.Ring{{0, 0}, {0, 4}, {4, 4}, {4, 0}, {0, 0}}
	ccwHole := orb.Ring{{1, 1}, {2, 1}, {2, 2}, {1, 2}, {1, 1}}
	ccw := orb.Ring{{10, 0}, {14, 0}, {14, 4}, {10, 4}, {10, 0}}
	w, err := geo.NewWorld([]geo.Country{{ISO: "XXA", Name: "A", Geometry: orb.MultiPolygon{{cw, ccwHole}, {ccw}}}})
	require.NoError(t, err)
	fc, _ := decodeGeoJSON(t, Scene{World: w, Alliance: as["csto"], Year: 2024, Today: today}, nil)
	mp := fc.Features[0].Geometry.(orb.MultiPolygon)
	assert.Equal(t, orb.Ring{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}}, mp[0][0])
	assert.Equal(t, orb.Ring{{1, 1}, {1, 2}, {2, 2}, {2, 1}, {1, 1}}, mp[0][1])
	assert.Equal(t, ccw, mp[1][0])
	assert.Equal(t, orb.Ring{{0, 0}, {0, 4}, {4, 4}, {4, 0}, {0, 0}}, cw, "the input is not changed")
}

// TestJobData: the GeoJSON and CSV kinds go through Settings and Job like
// the images: default names, atomic writes, years checked.
func TestJobData(t *testing.T) {
	w, as := load(t)
	sc := Scene{World: w, Alliance: as["csto"], Year: 2024, Today: today}
	dir := t.TempDir()

	s := DefaultSettings()
	s.Kind = KindGeoJSON
	assert.Equal(t, "csto-2024.geojson", s.DefaultName(sc))
	assert.Equal(t, "x.geojson", s.WithExt("x.png"))
	j, err := s.Job(sc, filepath.Join(dir, s.DefaultName(sc)))
	require.NoError(t, err)
	assert.False(t, j.PerYear())
	paths, err := j.Run(context.Background(), nil)
	require.NoError(t, err)
	raw, err := os.ReadFile(paths[0])
	require.NoError(t, err)
	fc, err := geojson.UnmarshalFeatureCollection(raw)
	require.NoError(t, err)
	assert.Len(t, fc.Features, len(w.Countries))

	s.Kind = KindCSV
	assert.Equal(t, "csto-1992-2026.csv", s.DefaultName(sc))
	j, err = s.Job(sc, filepath.Join(dir, s.DefaultName(sc)))
	require.NoError(t, err)
	assert.False(t, j.PerYear())
	assert.Equal(t, YearsBetween(1992, 2026), j.Years)
	assert.Equal(t, []string{j.Path}, j.Targets())
	_, err = j.Run(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"csto-1992-2026.csv", "csto-2024.geojson"}, ls(t, dir))

	// Sizes do not matter to data; years outside the alliance's do.
	s.Width = 1
	s.First, s.Last = 1980, 2000
	_, err = s.Job(sc, filepath.Join(dir, "x.csv"))
	assert.ErrorContains(t, err, "years 1980-2000 are outside CSTO's years 1992-2026")
	s.Kind, s.First, s.Last = KindGeoJSON, 0, 0
	sc.Year = 1980
	_, err = s.Job(sc, filepath.Join(dir, "x.geojson"))
	assert.ErrorContains(t, err, "year 1980 is outside CSTO's years 1992-2026")
}

// TestJobDataFaults: a failed data export leaves nothing behind and keeps
// the file it would have replaced.
func TestJobDataFaults(t *testing.T) {
	w, as := load(t)
	for _, f := range []Format{GeoJSON, CSV} {
		t.Run(string(f), func(t *testing.T) {
			dir := t.TempDir()
			keep := filepath.Join(dir, "out."+string(f))
			require.NoError(t, os.WriteFile(keep, []byte("old"), 0o644))
			j := Job{Options: Options{Scene: Scene{World: w, Alliance: as["nato"], Year: 2024, Today: today}}, Format: f, Path: keep}
			j.open = failAfter(1, func(f pendingFile) (pendingFile, error) { return brokenFile{f, errNoSpace}, nil })
			_, err := j.Run(context.Background(), nil)
			require.ErrorIs(t, err, ErrDiskFull)
			assert.Equal(t, []string{"out." + string(f)}, ls(t, dir))
			b, _ := os.ReadFile(keep)
			assert.Equal(t, "old", string(b))
		})
	}
}

// BenchmarkWriteGeoJSON is the GeoJSON export's own work: the features of
// a year encoded by orb (the whole process adds loading the data).
func BenchmarkWriteGeoJSON(b *testing.B) {
	w, as := load(b)
	sc := Scene{World: w, Alliance: as["csto"], Year: 2022, Today: today}
	evs := testEvents(b, "csto", 2022)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteGeoJSON(&buf, sc, evs); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

// BenchmarkWriteGeoJSONOrbBaseline is the same collection encoded whole
// by orb's FeatureCollection.MarshalJSON.
func BenchmarkWriteGeoJSONOrbBaseline(b *testing.B) {
	w, as := load(b)
	sc := Scene{World: w, Alliance: as["csto"], Year: 2022, Today: today}
	evs := testEvents(b, "csto", 2022)
	var n int
	for b.Loop() {
		fc, err := GeoJSONOf(sc, evs)
		if err != nil {
			b.Fatal(err)
		}
		data, err := fc.MarshalJSON()
		if err != nil {
			b.Fatal(err)
		}
		n = len(data)
	}
	b.SetBytes(int64(n))
}

// TestGeoJSONAgreesWithCSV: for every year of both alliances, the
// countries with a status in the GeoJSON are the rows of the CSV table,
// with the same status, since and via.
func TestGeoJSONAgreesWithCSV(t *testing.T) {
	w, as := load(t)
	for _, id := range []string{"csto", "nato"} {
		a := as[id]
		first, last := a.YearRange(today)
		for y := first; y <= last; y++ {
			fc, err := GeoJSONOf(Scene{World: w, Alliance: a, Year: y, Today: today}, nil)
			require.NoError(t, err)
			got := map[string]StatusRow{}
			for _, f := range fc.Features {
				if f.Properties["status"] == nil {
					continue
				}
				via, _ := f.Properties["via"].(string)
				got[f.Properties.MustString("iso")] = StatusRow{id, y, f.Properties.MustString("iso"), f.Properties.MustString("name"),
					timeline.Status(f.Properties.MustString("status")), f.Properties.MustString("since"), via}
			}
			want := map[string]StatusRow{}
			for _, r := range StatusRows(a, y, y, today, func(int) *geo.World { return w }) {
				want[r.ISO] = r
			}
			require.NotEmpty(t, want)
			require.Equal(t, want, got, "%s %d", id, y)
		}
	}
}

// TestGeoJSONGermanyByYear: the GeoJSON of 1949–1990 has the year's
// historical units (the GDR and the Federal Republic), still RFC 7946,
// and says the inner German border is OpenStreetMap's (ODbL); the CSV of
// those years names the units of each year.
func TestGeoJSONGermanyByYear(t *testing.T) {
	o := natoByYear(t, 1980)
	fc, raw := decodeGeoJSON(t, o.Scene, nil)
	byISO := map[string]*geojson.Feature{}
	for _, f := range fc.Features {
		byISO[f.Properties.MustString("iso")] = f
		for _, poly := range f.Geometry.(orb.MultiPolygon) {
			for j, r := range poly {
				require.True(t, r.Closed() && len(r) >= 4, f.ID)
				if j == 0 {
					require.Positive(t, planar.Area(r), f.ID)
				} else {
					require.Negative(t, planar.Area(r), f.ID)
				}
			}
		}
	}
	require.Contains(t, byISO, "DDR")
	assert.Equal(t, "German Democratic Republic", byISO["DDR"].Properties["name"])
	assert.Nil(t, byISO["DDR"].Properties["status"])
	assert.Equal(t, "West Germany", byISO["DEU"].Properties["name"])
	assert.Equal(t, "current", byISO["DEU"].Properties["status"])
	berlin := orb.Point{13.4, 52.52}
	assert.True(t, planar.MultiPolygonContains(byISO["DDR"].Geometry.(orb.MultiPolygon), berlin))
	assert.False(t, planar.MultiPolygonContains(byISO["DEU"].Geometry.(orb.MultiPolygon), berlin))
	var top struct{ Attribution string }
	require.NoError(t, json.Unmarshal(raw, &top))
	assert.Contains(t, top.Attribution, "© OpenStreetMap contributors (ODbL)")

	o = natoByYear(t, 1991)
	fc, raw = decodeGeoJSON(t, o.Scene, nil)
	for _, f := range fc.Features {
		assert.NotEqual(t, "DDR", f.ID)
	}
	require.NoError(t, json.Unmarshal(raw, &top))
	assert.Equal(t, SourceLine, top.Attribution)

	j := Job{Options: o, Format: CSV, Years: YearsBetween(1989, 1991), Path: filepath.Join(t.TempDir(), "t.csv")}
	_, err := j.Run(context.Background(), nil)
	require.NoError(t, err)
	b, err := os.ReadFile(j.Path)
	require.NoError(t, err)
	assert.Contains(t, string(b), "\nnato,1990,DEU,West Germany,current,1955-05-06,\n")
	assert.Contains(t, string(b), "\nnato,1991,DEU,Germany,current,1955-05-06,\n")
}

// TestJobGeoJSONEvents: Settings.Job puts the scene's events of the year
// and alliance into a GeoJSON job, unless the settings hide events.
func TestJobGeoJSONEvents(t *testing.T) {
	w, as := load(t)
	all, err := events.LoadFS(assets.Events, "events", w.Known)
	require.NoError(t, err)
	sc := Scene{World: w, Alliance: as["csto"], Year: 2022, Today: today, Events: all}
	s := DefaultSettings()
	s.Kind = KindGeoJSON
	j, err := s.Job(sc, filepath.Join(t.TempDir(), "m.geojson"))
	require.NoError(t, err)
	assert.Equal(t, testEvents(t, "csto", 2022), j.Events)
	s.Hide.Events = true
	j, err = s.Job(sc, filepath.Join(t.TempDir(), "m.geojson"))
	require.NoError(t, err)
	assert.Empty(t, j.Events)
	s.Hide.Events, s.Kind = false, KindPNG
	j, err = s.Job(sc, filepath.Join(t.TempDir(), "m.png"))
	require.NoError(t, err)
	assert.Empty(t, j.Events, "images draw markers from the scene, not points")
}
