package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// Budgets is the content of budgets.toml: the ratios that bench-check
// enforces, and the absolute targets that are only reported.
type Budgets struct {
	Ratio  []Ratio  `toml:"ratio"`
	Target []Target `toml:"target"`
}

// Ratio compares one of our benchmarks with a baseline that does the same
// job another way. Its value is the baseline's median divided by ours, so
// 2 means ours takes half the time (or memory); the check fails when the
// value falls below Min.
//
// A ratio either names two benchmarks of one package (Package, Ours,
// Baseline, without the "Benchmark" prefix), or a figure of
// scripts/startup.sh (Startup: "first-frame" or "resident"), which compares
// cstomap with a Fyne hello world.
type Ratio struct {
	Name     string  `toml:"name"`
	Package  string  `toml:"package"`
	Ours     string  `toml:"ours"`
	Baseline string  `toml:"baseline"`
	Startup  string  `toml:"startup"`
	Min      float64 `toml:"min"`
	Why      string  `toml:"why"`
	// CPU, when above 0, runs both benchmarks with -test.cpu CPU instead
	// of the run's setting: for a budget about what the window does with
	// every CPU of the machine. Its results are kept apart, under
	// Key().
	CPU int `toml:"cpu"`
}

// Key is where the ratio's benchmark results are kept: its package, with
// "@N" when it runs on N CPUs of its own.
func (r Ratio) Key() string { return benchKey(r.Package, r.CPU) }

func benchKey(pkg string, cpu int) string {
	if cpu > 0 {
		return fmt.Sprintf("%s@%d", pkg, cpu)
	}
	return pkg
}

// SplitKey returns the package of a result key and its CPU count, 0 for
// the run's setting.
func SplitKey(key string) (pkg string, cpu int) {
	pkg, n, ok := strings.Cut(key, "@")
	if !ok {
		return key, 0
	}
	cpu, err := strconv.Atoi(n)
	if err != nil {
		return key, 0
	}
	return pkg, cpu
}

// Target is an absolute time budget for one benchmark. Absolute times vary
// by ±20% and more on shared machines, so targets are reported, not
// enforced.
//
// Bench may name a sub-benchmark ("For/RUS"): the results are matched by
// their full name.
type Target struct {
	Package string  `toml:"package"`
	Bench   string  `toml:"bench"`
	MaxMS   float64 `toml:"max_ms"`
	// CPU is as in Ratio.
	CPU int `toml:"cpu"`
}

// Key is as Ratio.Key.
func (t Target) Key() string { return benchKey(t.Package, t.CPU) }

// startupFigures are the values Ratio.Startup may take.
var startupFigures = map[string]bool{"first-frame": true, "resident": true}

// LoadBudgets reads and checks a budgets file.
func LoadBudgets(path string) (*Budgets, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("bench: budgets: %w", err)
	}
	b, err := ParseBudgets(string(data))
	if err != nil {
		return nil, fmt.Errorf("bench: budgets %s: %w", path, err)
	}
	return b, nil
}

// ParseBudgets decodes budgets from TOML and checks that every entry is
// complete: a ratio names a package and two benchmarks, or a start-up
// figure, and has a positive minimum.
func ParseBudgets(data string) (*Budgets, error) {
	var b Budgets
	md, err := toml.Decode(data, &b)
	if err != nil {
		return nil, err
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		return nil, fmt.Errorf("unknown key %s", keys[0])
	}
	var errs []error
	for i, r := range b.Ratio {
		where := fmt.Sprintf("ratio %d (%q)", i+1, r.Name)
		switch {
		case r.Name == "":
			errs = append(errs, fmt.Errorf("%s: no name", where))
		case r.Min <= 0:
			errs = append(errs, fmt.Errorf("%s: min must be above 0", where))
		case r.Startup != "" && (r.Package != "" || r.Ours != "" || r.Baseline != ""):
			errs = append(errs, fmt.Errorf("%s: give either startup or package, ours and baseline", where))
		case r.Startup != "" && !startupFigures[r.Startup]:
			errs = append(errs, fmt.Errorf("%s: startup must be first-frame or resident, not %q", where, r.Startup))
		case r.Startup == "" && (r.Package == "" || r.Ours == "" || r.Baseline == ""):
			errs = append(errs, fmt.Errorf("%s: needs package, ours and baseline", where))
		case r.CPU < 0 || (r.Startup != "" && r.CPU != 0):
			errs = append(errs, fmt.Errorf("%s: cpu must be a positive count of CPUs for two benchmarks", where))
		}
	}
	for i, t := range b.Target {
		if t.Package == "" || t.Bench == "" || t.MaxMS <= 0 {
			errs = append(errs, fmt.Errorf("target %d: needs package, bench and max_ms above 0", i+1))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &b, nil
}

// Packages returns the result keys (packages, with "@N" for a budget run
// on N CPUs of its own; see SplitKey) whose benchmarks the budgets need, in
// first-mention order, each with the top-level benchmarks it must run
// (a budget may name a sub-benchmark, such as "For/RUS").
func (b *Budgets) Packages() ([]string, map[string][]string) {
	var order []string
	names := map[string][]string{}
	add := func(pkg, bench string) {
		// A sub-benchmark (For/RUS) runs with its parent.
		bench, _, _ = strings.Cut(bench, "/")
		if _, ok := names[pkg]; !ok {
			order = append(order, pkg)
		}
		for _, n := range names[pkg] {
			if n == bench {
				return
			}
		}
		names[pkg] = append(names[pkg], bench)
	}
	for _, r := range b.Ratio {
		if r.Startup == "" {
			add(r.Key(), r.Ours)
			add(r.Key(), r.Baseline)
		}
	}
	for _, t := range b.Target {
		add(t.Key(), t.Bench)
	}
	return order, names
}

// NeedsStartup reports whether any ratio is a start-up figure.
func (b *Budgets) NeedsStartup() bool {
	for _, r := range b.Ratio {
		if r.Startup != "" {
			return true
		}
	}
	return false
}

// benchPattern is the -test.bench pattern that runs exactly names.
func benchPattern(names []string) string {
	return "^Benchmark(" + strings.Join(names, "|") + ")$"
}
