package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExportGeoJSON: export --out FILE.geojson writes the year's map as
// GeoJSON, with the year's events as points when --events is given.
func TestExportGeoJSON(t *testing.T) {
	run := runAt(t, "2026-11-27")
	dir := t.TempDir()
	read := func(name string) *geojson.FeatureCollection {
		raw, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		fc, err := geojson.UnmarshalFeatureCollection(raw)
		require.NoError(t, err)
		return fc
	}
	code, out, errOut := run("export", "--out", filepath.Join(dir, "csto.geojson"), "--year", "2022", "--events")
	require.Equal(t, 0, code, errOut)
	assert.Regexp(t, `wrote .*csto.geojson \(CSTO 2022: \d+ countries, \d+ events\)`, out)
	fc := read("csto.geojson")
	kinds := map[string]int{}
	var kaz, arm map[string]any
	for _, f := range fc.Features {
		switch f.Geometry.(type) {
		case orb.Point:
			kinds[f.Properties.MustString("kind")]++
			if f.ID == "kaz-2022-01-deployment" {
				kaz = f.Properties
			}
		case orb.MultiPolygon:
			assert.Equal(t, "csto", f.Properties["alliance"])
			assert.Equal(t, float64(2022), f.Properties["year"])
			if f.ID == "ARM" {
				arm = f.Properties
			}
		default:
			t.Fatalf("%v: %T", f.ID, f.Geometry)
		}
	}
	require.NotNil(t, arm)
	assert.Equal(t, "current", arm["status"])
	require.NotNil(t, kaz, "the January 2022 deployment")
	assert.Equal(t, "2022-01-06", kaz["date"])
	assert.Positive(t, kinds["request"], "Armenia's request of September 2022")
	assert.Positive(t, kinds["base"])

	// Without --events (or with --no-events), countries only; the default
	// year is the clock's.
	code, _, errOut = run("export", "--out", filepath.Join(dir, "nato.geojson"), "--alliance", "nato", "--no-events")
	require.Equal(t, 0, code, errOut)
	fc = read("nato.geojson")
	for _, f := range fc.Features {
		require.IsType(t, orb.MultiPolygon{}, f.Geometry)
		assert.Equal(t, float64(2026), f.Properties["year"])
		if f.ID == "GRL" {
			assert.Equal(t, "DNK", f.Properties["via"])
		}
	}
	assert.Equal(t, []string{"csto.geojson", "nato.geojson"}, listDir(t, dir), "no temporary file left")
}

// TestExportCSV: export --out FILE.csv writes the status table, of every
// year or of the years asked for.
func TestExportCSV(t *testing.T) {
	run := runAt(t, "2026-11-27")
	dir := t.TempDir()
	code, out, errOut := run("export", "--out", filepath.Join(dir, "all.csv"))
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "(CSTO, 1992-2026)")
	code, want, _ := run("status", "--years", "1992-2026", "--csv")
	require.Equal(t, 0, code)
	got, err := os.ReadFile(filepath.Join(dir, "all.csv"))
	require.NoError(t, err)
	assert.Equal(t, want, string(got), "the file is what status --csv prints")

	code, _, errOut = run("export", "--out", filepath.Join(dir, "y.csv"), "--alliance", "nato", "--year", "1999")
	require.Equal(t, 0, code, errOut)
	code, want, _ = run("status", "--alliance", "nato", "--year", "1999", "--csv")
	require.Equal(t, 0, code)
	got, err = os.ReadFile(filepath.Join(dir, "y.csv"))
	require.NoError(t, err)
	assert.Equal(t, want, string(got))
}

func TestExportDataErrors(t *testing.T) {
	run := runAt(t, "2026-11-27")
	cases := []struct {
		name  string
		out   string
		args  []string
		inErr string
	}{
		{"size for data", "m.geojson", []string{"--width", "300"}, "--width is for images; a .geojson file has no picture"},
		{"hidden element for data", "t.csv", []string{"--no-legend"}, "--no-legend is for images; a .csv file has no picture"},
		{"style for data", "t.csv", []string{"--dark"}, "--dark is for images"},
		{"years into a GeoJSON", "m.geojson", []string{"--years", "2000-2001"}, "a .geojson file holds one year"},
		{"events into a CSV", "t.csv", []string{"--events"}, "--events is only for a .geojson file"},
		{"events into an image", "m.png", []string{"--events"}, "--events is only for a .geojson file"},
		{"events and no events", "m.geojson", []string{"--events", "--no-events"}, "give --events or --no-events, not both"},
		{"labels for data", "m.geojson", []string{"--no-labels"}, "--no-labels is for images"},
		{"format with a data file", "t.csv", []string{"--format", "png"}, "the .csv name already says the format"},
		{"year out of range", "m.geojson", []string{"--year", "1991"}, "year 1991 is outside CSTO's years 1992-2026"},
		{"years out of range", "t.csv", []string{"--years", "1949-2026"}, "years 1949-2026 are outside CSTO's years 1992-2026"},
		{"malformed years", "t.csv", []string{"--years", "1992..2026"}, `--years "1992..2026": want FIRST-LAST`},
		{"year and years", "t.csv", []string{"--year", "2000", "--years", "1992-2000"}, "give --year or --years, not both"},
		{"unknown alliance", "m.geojson", []string{"--alliance", "warsaw"}, `unknown alliance "warsaw"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			code, out, errOut := run(append([]string{"export", "--out", filepath.Join(dir, tc.out)}, tc.args...)...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tc.inErr)
			assert.Empty(t, listDir(t, dir), "nothing written")
		})
	}
}

// Whole-process benchmarks of the data exports (see benchProcess): the
// GeoJSON of a year (budget 300 ms) and NATO's CSV table of every year
// (budget 3× the process floor, BenchmarkProcessVersionBaseline).
func BenchmarkExportProcessGeoJSON(b *testing.B) {
	benchProcess(b, "m.geojson", "--year", "2024", "--events")
}

func BenchmarkStatusProcessCSVNATO(b *testing.B) {
	bin := buildBenchBinary(b)
	for b.Loop() {
		cmd := exec.Command(bin, "status", "--alliance", "nato", "--years", "1949-2026", "--csv")
		if out, err := cmd.Output(); err != nil || len(out) < 100_000 {
			b.Fatalf("%v: %d bytes", err, len(out))
		}
	}
}

// BenchmarkProcessVersionBaseline is the process floor: the same binary
// printing its version and nothing else.
func BenchmarkProcessVersionBaseline(b *testing.B) {
	bin := buildBenchBinary(b)
	for b.Loop() {
		if out, err := exec.Command(bin, "--version").Output(); err != nil || len(out) == 0 {
			b.Fatalf("%v: %q", err, out)
		}
	}
}
