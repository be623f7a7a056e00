package cli

import (
	"fmt"
	"image/gif"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExportWritesPNG(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "map.png")
	code, stdout, stderr := run("export", "--out", out, "--width", "320", "--height", "200", "--select", "arm")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "wrote")
	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	require.NoError(t, err)
	assert.Equal(t, 320, cfg.Width)
	assert.Equal(t, 200, cfg.Height)
	assert.Equal(t, []string{"map.png"}, listDir(t, dir), "no temporary file left")
}

func TestExportDefaultSize(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "map.png")
	code, _, stderr := run("export", "--out", out)
	require.Equal(t, 0, code, stderr)
	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	require.NoError(t, err)
	assert.Equal(t, [2]int{1600, 1000}, [2]int{cfg.Width, cfg.Height})
}

func TestExportFailures(t *testing.T) {
	notDir := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(notDir, []byte("x"), 0o644))
	cases := []struct {
		name  string
		args  []string
		code  int
		inErr string
	}{
		{"unknown ISO", []string{"--select", "XXX"}, 2, `unknown country code "XXX"`},
		{"too small", []string{"--width", "8"}, 2, "width 8 is outside 16…16384"},
		{"too large", []string{"--height", "20000"}, 2, "height 20000 is outside 16…16384"},
		{"title too long", []string{"--title", strings.Repeat("x", 301)}, 2, "the title has 301 characters; at most 300 fit"},
		{"title with a control character", []string{"--title", "a\x01"}, 2, "control character U+0001"},
		{"not a number", []string{"--width", "wide"}, 2, "invalid value"},
		{"stray argument", []string{"extra"}, 2, `unexpected argument "extra"`},
		{"unknown flag", []string{"--colour", "red"}, 2, "flag provided but not defined"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "map.png")
			code, _, errOut := run(append([]string{"export", "--out", out}, tc.args...)...)
			assert.Equal(t, tc.code, code)
			assert.Contains(t, errOut, tc.inErr)
			assert.Empty(t, listDir(t, dir), "nothing written")
		})
	}
	t.Run("missing --out", func(t *testing.T) {
		code, _, errOut := run("export")
		assert.Equal(t, 2, code)
		assert.Contains(t, errOut, "--out is required")
	})
	t.Run("not an image format", func(t *testing.T) {
		code, _, errOut := run("export", "--out", filepath.Join(t.TempDir(), "map.jpg"))
		assert.Equal(t, 2, code)
		assert.Contains(t, errOut, "only .png, .svg, .gif, .geojson and .csv")
	})
	t.Run("folder missing", func(t *testing.T) {
		code, _, errOut := run("export", "--out", filepath.Join(t.TempDir(), "nope", "map.png"))
		assert.Equal(t, 1, code)
		assert.Contains(t, errOut, "folder missing")
	})
	t.Run("folder is a file", func(t *testing.T) {
		code, _, errOut := run("export", "--out", filepath.Join(notDir, "map.png"))
		assert.Equal(t, 1, code)
		assert.Contains(t, errOut, "cannot write")
	})
}

func TestExportKeepsExistingFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "map.png")
	require.NoError(t, os.WriteFile(out, []byte("old"), 0o644))
	code, _, _ := run("export", "--out", out, "--select", "XXX")
	assert.Equal(t, 2, code)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "old", string(got))
}

func TestExportFormats(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name string
		args []string
		out  string
		inOK string
	}{
		{"svg with a preset", []string{"--preset", "social"}, "m.svg", "(1200×675)"},
		{"png at scale 2", []string{"--width", "200", "--height", "100", "--scale", "2"}, "s.png", "(400×200)"},
		{"gif of a few years", []string{"--width", "120", "--height", "80", "--years", "1992-1994", "--delay", "250"}, "a.gif", "3 frames"},
		{"nato dark, no legend", []string{"--alliance", "nato", "--year", "1999", "--dark", "--no-legend", "--width", "300", "--height", "200"}, "n.png", "(300×200)"},
		{"title and hidden parts", []string{"--title", "Allies {year}", "--year", "2000", "--no-source", "--no-title", "--width", "300", "--height", "200"}, "t.png", "wrote"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, tc.out)
			code, stdout, stderr := run(append([]string{"export", "--out", out}, tc.args...)...)
			require.Equal(t, 0, code, stderr)
			assert.Contains(t, stdout, tc.inOK)
			_, err := os.Stat(out)
			assert.NoError(t, err)
		})
	}
}

func TestExportGIFDelay(t *testing.T) {
	out := filepath.Join(t.TempDir(), "a.gif")
	code, _, stderr := run("export", "--out", out, "--width", "64", "--height", "40", "--years", "2000-2001", "--delay", "1000")
	require.Equal(t, 0, code, stderr)
	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	g, err := gif.DecodeAll(f)
	require.NoError(t, err)
	assert.Equal(t, []int{100, 100}, g.Delay)
}

func TestExportYearsFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "years")
	code, stdout, stderr := run("export", "--years", "1992-1995", "--out", dir+"/", "--width", "160", "--height", "100", "--format", "svg")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "wrote 4 files")
	assert.Equal(t, []string{"csto-1992.svg", "csto-1993.svg", "csto-1994.svg", "csto-1995.svg"}, listDir(t, dir))
}

func TestExportArgumentErrors(t *testing.T) {
	cases := []struct {
		name  string
		args  []string
		inErr string
	}{
		{"year before the alliance", []string{"--out", "m.png", "--year", "1980"}, "year 1980 is outside CSTO's years 1992-"},
		{"years beyond memory", []string{"--out", "d/", "--years", "1-2000000000"}, "years 1-2000000000 are outside CSTO's years 1992-"},
		{"years to the largest int", []string{"--out", "a.gif", "--years", "1992-9223372036854775807"}, "years 1992-9223372036854775807 are outside CSTO's years 1992-"},
		{"years past int", []string{"--out", "d/", "--years", "1992-99999999999999999999"}, "want FIRST-LAST"},
		{"unknown alliance", []string{"--out", "m.png", "--alliance", "warsaw"}, `unknown alliance "warsaw" (want one of csto, nato)`},
		{"preset and width", []string{"--out", "m.png", "--preset", "hd", "--width", "100"}, "either --preset or --width"},
		{"unknown preset", []string{"--out", "m.png", "--preset", "poster"}, `unknown preset "poster"`},
		{"scale 4", []string{"--out", "m.png", "--scale", "4"}, "scale 4 is outside 1…3"},
		{"delay too long", []string{"--out", "a.gif", "--delay", "655351"}, "delay 655351 ms is outside 0…655350 ms"},
		{"scale too big for the size", []string{"--out", "m.png", "--width", "6000", "--scale", "3"}, "more than 16384 per side"},
		{"years into a png", []string{"--out", "m.png", "--years", "1992-1994"}, "give a folder as --out"},
		{"years backwards", []string{"--out", "d/", "--years", "1999-1992"}, "want FIRST-LAST"},
		{"years out of range", []string{"--out", "d/", "--years", "1985-1994"}, "years 1985-1994 are outside CSTO's years 1992-"},
		{"delay without gif", []string{"--out", "m.png", "--delay", "100"}, "--delay is only for a .gif"},
		{"format without years", []string{"--out", "m.png", "--format", "svg"}, "--format is only for --years"},
		{"bad format", []string{"--out", "d/", "--years", "2000-2001", "--format", "bmp"}, `--format "bmp"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			args := []string{"export"}
			for _, a := range tc.args {
				if a == "m.png" || a == "d/" || a == "a.gif" {
					a = filepath.Join(dir, a)
				}
				args = append(args, a)
			}
			code, _, errOut := run(args...)
			assert.Equal(t, 2, code)
			assert.Contains(t, errOut, tc.inErr)
			assert.Empty(t, listDir(t, dir), "nothing written")
		})
	}
}

// Whole-process benchmarks: the binary is built once, then run per
// iteration, so start-up (loading outlines and alliances, projecting) is
// counted as a user would feel it. Budgets: 1920×1080 PNG ≤ 250 ms,
// 3840×2160 PNG ≤ 600 ms, 35-frame 1200×675 GIF ≤ 5 s.
var (
	benchBinOnce sync.Once
	benchBin     string
	benchBinErr  error
)

func buildBenchBinary(b *testing.B) string {
	b.Helper()
	benchBinOnce.Do(func() {
		dir, err := os.MkdirTemp("", "cstomap-bench")
		if err != nil {
			benchBinErr = err
			return
		}
		benchBin = filepath.Join(dir, "cstomap")
		out, err := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", benchBin, "..").CombinedOutput()
		if err != nil {
			benchBinErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if benchBinErr != nil {
		b.Fatal(benchBinErr)
	}
	return benchBin
}

func benchProcess(b *testing.B, name string, args ...string) {
	bin := buildBenchBinary(b)
	out := filepath.Join(b.TempDir(), name)
	args = append([]string{"export", "--out", out}, args...)
	for b.Loop() {
		if msg, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, msg)
		}
	}
}

func BenchmarkExportProcessPNGHD(b *testing.B) { benchProcess(b, "m.png", "--preset", "hd") }
func BenchmarkExportProcessPNG4K(b *testing.B) { benchProcess(b, "m.png", "--preset", "4k") }
func BenchmarkExportProcessGIF35(b *testing.B) {
	benchProcess(b, "m.gif", "--preset", "social", "--years", "1992-2026")
}

// BenchmarkExportProcessHelpBaseline is the floor: the same binary doing
// nothing but print its usage.
func BenchmarkExportProcessHelpBaseline(b *testing.B) {
	bin := buildBenchBinary(b)
	for b.Loop() {
		if err := exec.Command(bin, "help").Run(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestExportNoLabels checks that names are on by default and --no-labels
// leaves them out.
func TestExportNoLabels(t *testing.T) {
	dir := t.TempDir()
	with, without := filepath.Join(dir, "with.svg"), filepath.Join(dir, "without.svg")
	code, _, stderr := run("export", "--out", with, "--preset", "social", "--year", "2024")
	require.Equal(t, 0, code, stderr)
	code, _, stderr = run("export", "--out", without, "--preset", "social", "--year", "2024", "--no-labels")
	require.Equal(t, 0, code, stderr)
	a, err := os.ReadFile(with)
	require.NoError(t, err)
	b, err := os.ReadFile(without)
	require.NoError(t, err)
	assert.Contains(t, string(a), `<text class="label" data-iso="ARM"`)
	assert.NotContains(t, string(b), `class="label"`)
}

// The year's event markers are in an export unless --no-events says not.
func TestExportEvents(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "m.svg")
	code, _, stderr := run("export", "--out", out, "--year", "2022", "--width", "800", "--height", "500")
	require.Equal(t, 0, code, stderr)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(b), `<g class="event" data-id="kaz-2022-01-deployment" data-kind="deployment" data-date="2022-01-06"`)
	assert.Contains(t, string(b), `<g id="legend-events">`)

	code, _, stderr = run("export", "--out", out, "--year", "2022", "--width", "800", "--height", "500", "--no-events")
	require.Equal(t, 0, code, stderr)
	b, err = os.ReadFile(out)
	require.NoError(t, err)
	assert.NotContains(t, string(b), `class="event"`)
	assert.NotContains(t, string(b), `legend-events`)
}
