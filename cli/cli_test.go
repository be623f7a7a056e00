package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/internal/clock"
)

// runFunc runs a command and returns its exit code and output.
type runFunc func(args ...string) (code int, stdout, stderr string)

// run runs a command with the clock the tests run with: the system clock,
// or SOURCE_DATE_EPOCH when set (make test runs the suite with it pinned to
// 2027 and 2040 too). Tests whose expectations depend on the date use runAt.
func run(args ...string) (code int, stdout, stderr string) {
	c, err := clock.FromEnv(os.Getenv)
	if err != nil {
		panic(err)
	}
	return runWith(c, args...)
}

// runAt returns a runner whose clock is fixed at day (YYYY-MM-DD, UTC).
func runAt(t *testing.T, day string) runFunc {
	t.Helper()
	d, err := time.Parse("2006-01-02", day)
	require.NoError(t, err)
	return func(args ...string) (int, string, string) { return runWith(clock.Fixed(d), args...) }
}

func runWith(c clock.Clock, args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = Run(args, Config{Stdout: &o, Stderr: &e, Clock: c})
	return code, o.String(), e.String()
}

func TestWhich(t *testing.T) {
	cases := []struct {
		name       string
		args       []string
		code       int
		out, inErr string
	}{
		{"Washington with a negative longitude", []string{"which", "-77.04", "38.91"}, 0, "USA\tUnited States of America\n", ""},
		{"Yerevan", []string{"which", "44.5126", "40.1776"}, 0, "ARM\tArmenia\n", ""},
		{"Simferopol is Ukraine", []string{"which", "34.1024", "44.9521"}, 0, "UKR\tUkraine\n", ""},
		{"Chukotka east of 180", []string{"which", "-173.23", "64.42"}, 0, "RUS\tRussia\n", ""},
		{"Northern Cyprus is Cyprus", []string{"which", "33.6", "35.3"}, 0, "CYP\tCyprus\n", ""},
		{"Somaliland is Somalia", []string{"which", "44.06", "9.56"}, 0, "SOM\tSomalia\n", ""},
		{"Western Sahara is whole", []string{"which", "-13", "24.5"}, 0, "ESH\tW. Sahara\n", ""},
		{"Morocco north of 27°40′N", []string{"which", "-10", "28.5"}, 0, "MAR\tMorocco\n", ""},
		{"Greenland keeps its own id", []string{"which", "-42", "72"}, 0, "GRL\tGreenland\n", ""},
		{"Black Sea", []string{"which", "34", "43"}, 1, "", ""},
		{"Leipzig in 1980 is the GDR", []string{"which", "--year", "1980", "12.37", "51.34"}, 0, "DDR\tGerman Democratic Republic\n", ""},
		{"Leipzig in 1990 is the GDR", []string{"which", "--year=1990", "12.37", "51.34"}, 0, "DDR\tGerman Democratic Republic\n", ""},
		{"Leipzig in 1991 is Germany", []string{"which", "--year", "1991", "12.37", "51.34"}, 0, "DEU\tGermany\n", ""},
		{"Leipzig today is Germany", []string{"which", "12.37", "51.34"}, 0, "DEU\tGermany\n", ""},
		{"Bonn in 1980 is West Germany", []string{"which", "--year", "1980", "--", "7.1", "50.73"}, 0, "DEU\tWest Germany\n", ""},
		{"year not a number", []string{"which", "--year", "198o", "12.37", "51.34"}, 2, "", `--year "198o" is not a year`},
		{"year without value", []string{"which", "12.37", "51.34", "--year"}, 2, "", "flag needs an argument: --year"},
		{"not a number", []string{"which", "abc", "40"}, 2, "", "longitude \"abc\" is not a number"},
		{"NaN", []string{"which", "NaN", "40"}, 2, "", "is not a number"},
		{"latitude out of range", []string{"which", "10", "91"}, 2, "", "latitude 91 is outside ±90"},
		{"longitude out of range", []string{"which", "-181", "10"}, 2, "", "longitude -181 is outside ±180"},
		{"too few", []string{"which", "10"}, 2, "", "want 2 arguments"},
		{"too many", []string{"which", "1", "2", "3"}, 2, "", "want 2 arguments"},
		{"underscore digits", []string{"which", "1_0", "40"}, 2, "", `longitude "1_0" is not a number`},
		{"hex float", []string{"which", "0x1p4", "40"}, 2, "", `longitude "0x1p4" is not a number`},
		{"exponent", []string{"which", "4e1", "40"}, 2, "", "is not a number"},
		{"double dash before negatives", []string{"which", "--", "-77.04", "38.91"}, 0, "USA\tUnited States of America\n", ""},
		{"double dash, out of range", []string{"which", "--", "-180.5", "-90"}, 2, "", "longitude -180.5 is outside ±180"},
		{"with --data", []string{"which", "--data", "testdata/none", "44.5126", "40.1776"}, 0, "ARM\tArmenia\n", "skipping user data"},
		{"--data without a folder", []string{"which", "44", "40", "--data"}, 2, "", "flag needs an argument"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(tc.args...)
			assert.Equal(t, tc.code, code)
			assert.Equal(t, tc.out, out)
			assert.Contains(t, errOut, tc.inErr)
		})
	}
}

func TestUsage(t *testing.T) {
	code, _, errOut := run("bogus")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `unknown command "bogus"`)
	assert.Contains(t, errOut, "cstomap which [--year Y] [--data DIR] [--] LON LAT")
	code, out, _ := run("help")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "cstomap export")
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// TestOneClock pins the clock as SOURCE_DATE_EPOCH=2027-01-02 does: status
// accepts 2027 and defaults to it, and export's default year is 2027 too.
func TestOneClock(t *testing.T) {
	run := runAt(t, "2027-01-02")
	code, out, errOut := run("status", "--year", "2027", "--json")
	require.Equal(t, 0, code, errOut)
	_, def, _ := run("status", "--json")
	assert.Equal(t, out, def, "the default year is the clock's")

	dir := t.TempDir()
	code, _, errOut = run("export", "--out", filepath.Join(dir, "m.svg"), "--width", "320", "--height", "200")
	require.Equal(t, 0, code, errOut)
	svg, err := os.ReadFile(filepath.Join(dir, "m.svg"))
	require.NoError(t, err)
	assert.Contains(t, string(svg), "2027")
	assert.NotContains(t, string(svg), ">2026<")
}

// TestEveryCommandTakesData gives each command the same user alliance file;
// each must see it (or at least accept it and report its bad sibling).
func TestEveryCommandTakesData(t *testing.T) {
	run := runAt(t, "2026-11-27")
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "pact.json"), []byte(`{
  "id": "pact", "name": "Test Pact", "first_year": 2000,
  "countries": [{"iso": "FRA", "events": [{"date": "2001-02-03", "status": "current", "note": "joins", "sources": ["https://example.org/a"]}]}]
}`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.json"), []byte(`{`), 0o644))
	out := filepath.Join(t.TempDir(), "pact.svg")
	cases := [][]string{
		{"which", "--data", dir, "2.35", "48.85"},
		{"status", "--data", dir, "--alliance", "pact"},
		{"passages", "--data", dir, "ARM"},
		{"export", "--data", dir, "--alliance", "pact", "--year", "2005", "--out", out, "--width", "320", "--height", "200"},
	}
	for _, args := range cases {
		t.Run(args[0], func(t *testing.T) {
			code, _, errOut := run(args...)
			assert.Equal(t, 0, code, errOut)
			assert.Contains(t, errOut, "bad.json", "the bad user file is reported")
		})
	}
	svg, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(svg), `id="FRA" data-status="current"`, "export sees the user's alliance")
}

// TestNoTerminalEscapes: text from an article and from file names reaches
// the terminal with its control characters escaped.
func TestNoTerminalEscapes(t *testing.T) {
	run := runAt(t, "2026-11-27")
	dir := t.TempDir()
	art := filepath.Join(dir, "evil.txt")
	require.NoError(t, os.WriteFile(art, []byte("Title: Clear\x1b[2J \x1b]52;c;cm0=\x07\u202eArmenia\n\nArmenia left the alliance\x1b]0;owned\x07 today.\n"), 0o644))
	bad := filepath.Join(dir, "x\x1b[31m.json")
	require.NoError(t, os.WriteFile(bad, []byte("{"), 0o644))
	code, out, errOut := run("passages", "--data", dir, "--article", art, "ARM")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, `\u001b]0;owned\u0007`)
	for _, s := range []string{out, errOut} {
		assert.NotContains(t, s, "\x1b")
		assert.NotContains(t, s, "\x07")
		assert.NotContains(t, s, "\u202e")
	}
	assert.Contains(t, errOut, `x\u001b[31m.json`)
}
