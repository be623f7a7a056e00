package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const goTestOutput = `goos: linux
goarch: amd64
pkg: cstomap/geo
cpu: Some CPU @ 2.00GHz
BenchmarkRenderFrame     	      58	  22801883 ns/op	 3162177 B/op	    2741 allocs/op
BenchmarkRenderGG-2      	      18	 112092486 ns/op
BenchmarkCountryAt-8     	 2806326	       568.4 ns/op	       0 B/op	       0 allocs/op	   12.5 KiB
BenchmarkRenderFrame     	      38	  33801717 ns/op	 3464733 B/op	    2743 allocs/op
--- BENCH: BenchmarkSomething
    bench_test.go:12: a log line
PASS
ok  	cstomap/geo	25.497s
`

func TestParseBench(t *testing.T) {
	got, err := ParseBench(strings.NewReader(goTestOutput))
	require.NoError(t, err)
	assert.Equal(t, map[string][]Sample{
		"RenderFrame": {{22801883, 3162177, 2741}, {33801717, 3464733, 2743}},
		"RenderGG":    {{112092486, -1, -1}},
		"CountryAt":   {{568.4, 0, 0}},
	}, got)
}

func TestParseBenchBadNumber(t *testing.T) {
	_, err := ParseBench(strings.NewReader("BenchmarkX-2 10 fast ns/op\n"))
	assert.ErrorContains(t, err, `ns/op "fast"`)
}

func TestMedian(t *testing.T) {
	cases := []struct {
		name string
		xs   []float64
		want float64
	}{
		{"none", nil, 0},
		{"one", []float64{3}, 3},
		{"odd, unsorted", []float64{5, 1, 3}, 3},
		{"even takes the mean of the middle two", []float64{4, 1, 3, 2}, 2.5},
		{"an outlier does not move it", []float64{10, 11, 12, 1000}, 11.5},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := append([]float64(nil), tc.xs...)
			assert.InDelta(t, tc.want, Median(tc.xs), 1e-12)
			assert.Equal(t, in, tc.xs, "input left alone")
		})
	}
}

func TestParseStartup(t *testing.T) {
	out := "app    first frame   800 ms, resident  190.0 MB\n" +
		"ratio cstomap/hello: first frame 2.00x (goal 1.5), resident 1.45x (goal 1.25)\n" +
		"startup first-frame 800 400 2.00 resident 190.5 131.2 1.45\n"
	got, err := ParseStartup(strings.NewReader(out))
	require.NoError(t, err)
	assert.Equal(t, StartupResult{AppMS: 800, HelloMS: 400, AppMB: 190.5, HelloMB: 131.2}, got)

	_, err = ParseStartup(strings.NewReader("app first frame 800 ms\n"))
	assert.ErrorContains(t, err, "no start-up summary")
	_, err = ParseStartup(strings.NewReader("startup first-frame 800 0 x resident 1 1 1\n"))
	assert.ErrorContains(t, err, "bad number")
}

func TestParseBudgets(t *testing.T) {
	cases := []struct {
		name, toml, err string
	}{
		{"pair", `[[ratio]]
name = "a"
package = "./geo"
ours = "X"
baseline = "Y"
min = 2`, ""},
		{"start-up", "[[ratio]]\nname = \"s\"\nstartup = \"resident\"\nmin = 0.8", ""},
		{"no minimum", "[[ratio]]\nname = \"a\"\npackage = \"./geo\"\nours = \"X\"\nbaseline = \"Y\"", "min must be above 0"},
		{"no baseline", "[[ratio]]\nname = \"a\"\npackage = \"./geo\"\nours = \"X\"\nmin = 1", "needs package, ours and baseline"},
		{"unknown figure", "[[ratio]]\nname = \"s\"\nstartup = \"speed\"\nmin = 1", "first-frame or resident"},
		{"both kinds", "[[ratio]]\nname = \"s\"\nstartup = \"resident\"\npackage = \"./geo\"\nmin = 1", "either startup or package"},
		{"misspelt key", "[[ratio]]\nname = \"a\"\nminimum = 2", "unknown key"},
		{"target without time", "[[target]]\npackage = \"./geo\"\nbench = \"X\"", "max_ms above 0"},
		{"own CPUs", "[[ratio]]\nname = \"a\"\npackage = \"./geo\"\nours = \"X\"\nbaseline = \"Y\"\nmin = 2\ncpu = 2", ""},
		{"negative CPUs", "[[ratio]]\nname = \"a\"\npackage = \"./geo\"\nours = \"X\"\nbaseline = \"Y\"\nmin = 2\ncpu = -1", "cpu must be"},
		{"start-up with CPUs", "[[ratio]]\nname = \"s\"\nstartup = \"resident\"\nmin = 0.8\ncpu = 2", "cpu must be"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseBudgets(tc.toml)
			if tc.err == "" {
				assert.NoError(t, err)
			} else {
				assert.ErrorContains(t, err, tc.err)
			}
		})
	}
}

// TestRepositoryBudgets checks the budgets file that make bench-check reads.
func TestRepositoryBudgets(t *testing.T) {
	b, err := LoadBudgets("budgets.toml")
	require.NoError(t, err)
	assert.True(t, b.NeedsStartup())
	pkgs, names := b.Packages()
	assert.Contains(t, pkgs, "./geo")
	assert.Contains(t, names["./geo"], "RenderGG")
	for _, key := range pkgs {
		p, _ := SplitKey(key)
		_, err := os.Stat("../../" + p)
		assert.NoError(t, err, "package %s", p)
	}
}

func TestPackagesRunsSubBenchmarksWithTheirParent(t *testing.T) {
	b := &Budgets{
		Ratio:  []Ratio{{Name: "r", Package: "./geo", Ours: "A", Baseline: "B", Min: 1}},
		Target: []Target{{Package: "./passages", Bench: "For/RUS", MaxMS: 1}, {Package: "./passages", Bench: "For/KGZ", MaxMS: 1}, {Package: "./geo", Bench: "A", MaxMS: 1}},
	}
	pkgs, names := b.Packages()
	assert.Equal(t, []string{"./geo", "./passages"}, pkgs)
	assert.Equal(t, []string{"A", "B"}, names["./geo"])
	assert.Equal(t, []string{"For"}, names["./passages"])
	assert.Equal(t, "^Benchmark(A|B)$", benchPattern(names["./geo"]))
}

// TestPackagesKeepsOwnCPUsApart checks that a budget run on CPUs of its
// own gets a result key of its own, so its benchmarks run a second time
// with that -test.cpu and are not mixed with the run's.
func TestPackagesKeepsOwnCPUsApart(t *testing.T) {
	b := &Budgets{Ratio: []Ratio{
		{Name: "one", Package: "./geo", Ours: "A", Baseline: "G", Min: 1},
		{Name: "all", Package: "./geo", Ours: "B", Baseline: "G", Min: 1, CPU: 2},
	}}
	pkgs, names := b.Packages()
	assert.Equal(t, []string{"./geo", "./geo@2"}, pkgs)
	assert.Equal(t, []string{"A", "G"}, names["./geo"])
	assert.Equal(t, []string{"B", "G"}, names["./geo@2"])
	for _, tc := range []struct {
		key, pkg string
		cpu      int
	}{{"./geo", "./geo", 0}, {"./geo@2", "./geo", 2}, {"./geo@x", "./geo@x", 0}} {
		p, n := SplitKey(tc.key)
		assert.Equal(t, tc.pkg, p, tc.key)
		assert.Equal(t, tc.cpu, n, tc.key)
	}
	res := Results{Bench: map[string]map[string][]Sample{
		"./geo":   {"A": {{NsPerOp: 10}}, "G": {{NsPerOp: 20}}},
		"./geo@2": {"B": {{NsPerOp: 5}}, "G": {{NsPerOp: 20}}},
	}}
	outs := Evaluate(b, res)
	assert.InDelta(t, 2.0, outs[0].Value, 1e-9)
	assert.InDelta(t, 4.0, outs[1].Value, 1e-9)
}

func TestEvaluate(t *testing.T) {
	b := &Budgets{Ratio: []Ratio{
		{Name: "fast enough", Package: "./geo", Ours: "A", Baseline: "B", Min: 2},
		{Name: "too slow", Package: "./geo", Ours: "C", Baseline: "B", Min: 2},
		{Name: "missing", Package: "./geo", Ours: "Z", Baseline: "B", Min: 1},
		{Name: "start-up", Startup: "first-frame", Min: 0.667},
		{Name: "memory", Startup: "resident", Min: 0.8},
	}}
	ns := func(xs ...float64) []Sample {
		out := make([]Sample, len(xs))
		for i, x := range xs {
			out[i] = Sample{NsPerOp: x, BytesPerOp: -1, AllocsPerOp: -1}
		}
		return out
	}
	res := Results{
		Bench: map[string]map[string][]Sample{"./geo": {
			// Round ratios B/A: 4, 4, 1 (a noisy round); median 4.
			"A": ns(10, 20, 30),
			"B": ns(40, 80, 30),
			"C": ns(30, 60, 20),
		}},
		Startup: &StartupResult{AppMS: 600, HelloMS: 400, AppMB: 160, HelloMB: 130},
	}
	outs := Evaluate(b, res)
	require.Len(t, outs, 5)
	assert.InDelta(t, 4, outs[0].Value, 1e-9)
	assert.True(t, outs[0].OK())
	assert.InDelta(t, 4.0/3, outs[1].Value, 1e-9)
	assert.False(t, outs[1].OK())
	assert.Contains(t, outs[2].Err, "BenchmarkZ did not run")
	assert.False(t, outs[2].OK())
	assert.InDelta(t, 400.0/600, outs[3].Value, 1e-9)
	assert.False(t, outs[3].OK(), "1.5× the hello world is just over 0.667")
	assert.InDelta(t, 130.0/160, outs[4].Value, 1e-9)
	assert.True(t, outs[4].OK())

	noStartup := Evaluate(b, Results{Bench: res.Bench})
	assert.Contains(t, noStartup[3].Err, "not measured")

	var md bytes.Buffer
	require.NoError(t, WriteReport(&md, "test", 3, outs, nil, res))
	assert.Contains(t, md.String(), "| too slow | 30 ns | 40 ns | 1.333× | ≥ 2× | **below budget** |")
	assert.Contains(t, md.String(), "| ./geo | A | 20 | – | – | 3 |")
	assert.Contains(t, md.String(), "| start-up | 600.0 ms | 400.0 ms | 0.667× | ≥ 0.667× | **below budget** |")
}
