// Command bench measures the benchmarks named in a budgets file, each
// against its baseline, and start-up against a Fyne hello world
// (scripts/startup.sh). It prints the ratios, can record them in
// docs/BENCHMARKS.md (make bench) and can fail when one is below its budget
// (make bench-check).
//
// The test binaries are built once; then every benchmark runs once per
// round, so that ours and its baseline are measured close together, and the
// ratio is the median over the rounds. Run it from the module root:
//
//	go run ./scripts/bench -rounds 5 -write docs/BENCHMARKS.md
//	go run ./scripts/bench -check
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	budgetsPath := fs.String("budgets", "scripts/bench/budgets.toml", "budgets file")
	rounds := fs.Int("rounds", 5, "rounds: each benchmark runs once per round")
	benchtime := fs.String("benchtime", "1s", "-test.benchtime of each run")
	cpu := fs.String("cpu", "1", "-test.cpu of each run: with one, ratios compare the work done, whatever the other programs on the machine leave free")
	startupRuns := fs.Int("startup-runs", 7, "runs of each program in scripts/startup.sh (0: skip start-up)")
	write := fs.String("write", "", "write the report to this file (e.g. docs/BENCHMARKS.md)")
	check := fs.Bool("check", false, "exit 1 when a ratio is below its budget or was not measured")
	tags := fs.String("tags", "migrated_fynedo,no_emoji", "build tags")
	goCmd := fs.String("go", "go", "go command")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *rounds < 1 {
		fmt.Fprintln(stderr, "bench: -rounds must be at least 1")
		return 2
	}
	b, err := LoadBudgets(*budgetsPath)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	res, err := measure(b, *goCmd, *tags, *rounds, *benchtime, *cpu, *startupRuns, stderr)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	outs := Evaluate(b, res)
	targets := EvaluateTargets(b, res)
	failed := 0
	for _, o := range outs {
		switch {
		case o.Err != "":
			fmt.Fprintf(stdout, "%-28s not measured: %s\n", o.Name, o.Err)
		default:
			fmt.Fprintf(stdout, "%-28s %8.3fx (budget >= %gx; ours %s, baseline %s)\n", o.Name, o.Value, o.Min, quantity(o.OursMedian, o.Unit), quantity(o.BaseMedian, o.Unit))
		}
		if !o.OK() {
			failed++
		}
	}
	for _, t := range targets {
		if t.Ran && !t.Met() {
			fmt.Fprintf(stdout, "target missed (not enforced): %s %s median %s > %s\n", t.Package, t.Bench, quantity(t.MedianMS*1e6, "ns/op"), quantity(t.MaxMS*1e6, "ns/op"))
		}
	}
	if *write != "" {
		var buf bytes.Buffer
		env := fmt.Sprintf("%s/%s, %d CPUs (benchmarks run with -test.cpu %s), %s, %d rounds of -benchtime %s, start-up %d runs each",
			runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), *cpu, runtime.Version(), *rounds, *benchtime, *startupRuns)
		if err := WriteReport(&buf, env, *rounds, outs, targets, res); err != nil {
			fmt.Fprintln(stderr, "bench:", err)
			return 1
		}
		if err := os.WriteFile(*write, buf.Bytes(), 0o644); err != nil {
			fmt.Fprintln(stderr, "bench:", err)
			return 1
		}
		fmt.Fprintln(stdout, "bench: wrote", *write)
	}
	if *check && failed > 0 {
		fmt.Fprintf(stdout, "bench-check: %d of %d ratios below budget or not measured\n", failed, len(outs))
		return 1
	}
	return 0
}

// measure builds the test binaries, runs the rounds and start-up.
func measure(b *Budgets, goCmd, tags string, rounds int, benchtime, cpu string, startupRuns int, log io.Writer) (Results, error) {
	res := Results{Bench: map[string]map[string][]Sample{}}
	pkgs, names := b.Packages()
	dir := filepath.Join("build", "bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return res, fmt.Errorf("bench: %w", err)
	}
	bins := map[string]string{} // by package
	for _, key := range pkgs {
		res.Bench[key] = map[string][]Sample{}
		p, _ := SplitKey(key)
		if bins[p] != "" {
			continue
		}
		bin, err := filepath.Abs(filepath.Join(dir, strings.ReplaceAll(strings.Trim(p, "./"), "/", "_")+".test"))
		if err != nil {
			return res, fmt.Errorf("bench: %w", err)
		}
		fmt.Fprintf(log, "bench: building %s tests\n", p)
		cmd := exec.Command(goCmd, "test", "-c", "-tags", tags, "-o", bin, p)
		cmd.Stdout, cmd.Stderr = log, log
		if err := cmd.Run(); err != nil {
			return res, fmt.Errorf("bench: build tests of %s: %w", p, err)
		}
		bins[p] = bin
	}
	for r := 1; r <= rounds; r++ {
		for _, key := range pkgs {
			p, n := SplitKey(key)
			runCPU := cpu
			if n > 0 {
				runCPU = fmt.Sprint(n)
			}
			fmt.Fprintf(log, "bench: round %d/%d %s\n", r, rounds, key)
			var out bytes.Buffer
			cmd := exec.Command(bins[p], "-test.run", "^$", "-test.bench", benchPattern(names[key]),
				"-test.benchtime", benchtime, "-test.cpu", runCPU, "-test.benchmem", "-test.count", "1")
			cmd.Dir = p // tests read testdata relative to their package
			cmd.Stdout, cmd.Stderr = &out, log
			if err := cmd.Run(); err != nil {
				return res, fmt.Errorf("bench: run %s benchmarks: %w\n%s", key, err, out.String())
			}
			got, err := ParseBench(&out)
			if err != nil {
				return res, err
			}
			for n, s := range got {
				res.Bench[key][n] = append(res.Bench[key][n], s...)
			}
		}
	}
	if startupRuns > 0 && b.NeedsStartup() {
		fmt.Fprintf(log, "bench: start-up, %d runs each\n", startupRuns)
		var out bytes.Buffer
		cmd := exec.Command("scripts/startup.sh", fmt.Sprint(startupRuns))
		cmd.Env = append(os.Environ(), "GO="+goCmd, "TAGS="+tags)
		cmd.Stdout, cmd.Stderr = io.MultiWriter(&out, log), log
		if err := cmd.Run(); err != nil {
			return res, fmt.Errorf("bench: scripts/startup.sh: %w", err)
		}
		s, err := ParseStartup(&out)
		if err != nil {
			return res, err
		}
		res.Startup = &s
	}
	return res, nil
}
