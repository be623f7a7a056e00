package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// WriteReport writes docs/BENCHMARKS.md: what was measured, the ratios
// against their budgets, the absolute targets and every median.
func WriteReport(w io.Writer, env string, rounds int, outs []Outcome, targets []TargetOutcome, res Results) error {
	var b strings.Builder
	b.WriteString("# Benchmarks\n\n")
	b.WriteString("Written by `make bench` (scripts/bench); do not edit by hand. `make bench-check` measures\n")
	b.WriteString("again and fails when a ratio is below its budget. The budgets are data, in\n")
	b.WriteString("[scripts/bench/budgets.toml](../scripts/bench/budgets.toml).\n\n")
	fmt.Fprintf(&b, "Measured on: %s.\n\n", env)
	b.WriteString("## Ratios against baselines\n\n")
	fmt.Fprintf(&b, "Each benchmark ran once per round, %d rounds, ours and its baseline one after the other; the\n", rounds)
	b.WriteString("ratio is the median over the rounds of baseline ÷ ours (2.0× means ours takes half the\n")
	b.WriteString("time or memory). Ratios are what the check enforces, because absolute times on a shared\n")
	b.WriteString("machine vary by ±20% and more. Start-up comes from `scripts/startup.sh`: medians of\n")
	b.WriteString("alternate runs of cstomap and a Fyne hello world under one Xvfb.\n\n")
	b.WriteString("| comparison | ours (median) | baseline (median) | ratio | budget | |\n|---|---|---|---|---|---|\n")
	for _, o := range outs {
		if o.CPU > 0 {
			o.Name += fmt.Sprintf(" (%d CPUs)", o.CPU)
		}
		if o.Err != "" {
			fmt.Fprintf(&b, "| %s | – | – | – | ≥ %g× | not measured: %s |\n", o.Name, o.Min, o.Err)
			continue
		}
		verdict := "ok"
		if !o.OK() {
			verdict = "**below budget**"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %.3f× | ≥ %g× | %s |\n", o.Name, quantity(o.OursMedian, o.Unit), quantity(o.BaseMedian, o.Unit), o.Value, o.Min, verdict)
	}
	b.WriteString("\nWhy each budget is what it is:\n\n")
	for _, o := range outs {
		if o.Why != "" {
			fmt.Fprintf(&b, "- **%s**: %s\n", o.Name, o.Why)
		}
	}
	if len(targets) > 0 {
		b.WriteString("\n## Absolute targets (reported, not enforced)\n\n| benchmark | median | target | |\n|---|---|---|---|\n")
		for _, t := range targets {
			verdict := "met"
			switch {
			case !t.Ran:
				verdict = "did not run"
			case !t.Met():
				verdict = "missed"
			}
			fmt.Fprintf(&b, "| %s %s | %s | ≤ %s | %s |\n", t.Key(), t.Bench, quantity(t.MedianMS*1e6, "ns/op"), quantity(t.MaxMS*1e6, "ns/op"), verdict)
		}
	}
	b.WriteString("\n## All medians\n\n| package | benchmark | ns/op | B/op | allocs/op | rounds |\n|---|---|---|---|---|---|\n")
	pkgs := make([]string, 0, len(res.Bench))
	for p := range res.Bench {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	for _, p := range pkgs {
		names := make([]string, 0, len(res.Bench[p]))
		for n := range res.Bench[p] {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			s := res.Bench[p][n]
			var bs, as []float64
			for _, x := range s {
				if x.BytesPerOp >= 0 {
					bs = append(bs, x.BytesPerOp)
				}
				if x.AllocsPerOp >= 0 {
					as = append(as, x.AllocsPerOp)
				}
			}
			fmt.Fprintf(&b, "| %s | %s | %.0f | %s | %s | %d |\n", p, n, Median(nsOf(s)), medianOrDash(bs), medianOrDash(as), len(s))
		}
	}
	if s := res.Startup; s != nil {
		fmt.Fprintf(&b, "| scripts/startup.sh | cstomap first frame / resident | %.0f ms | %.1f MB | | |\n", s.AppMS, s.AppMB)
		fmt.Fprintf(&b, "| scripts/startup.sh | hello world first frame / resident | %.0f ms | %.1f MB | | |\n", s.HelloMS, s.HelloMB)
	}
	b.WriteString(profilingNotes)
	_, err := io.WriteString(w, b.String())
	return err
}

// profilingNotes close the report: how the start-up figures can be taken
// apart.
const profilingNotes = `
## Profiling start-up

- ` + "`make startup`" + ` (scripts/startup.sh) builds cstomap and scripts/hello and prints each run, the
  medians and the ratios. Both count "first-frame" from the start of the process
  (internal/procstart), so runtime and package initialisation are included.
- ` + "`go build -tags migrated_fynedo,no_emoji,startprof`" + ` gives a binary that writes
  cstomap-cpu.prof (from main's init for STARTPROF_SECONDS, default 3) and cstomap-heap.prof
  (after a GC) into STARTPROF_DIR; read them with ` + "`go tool pprof -top -cum`" + `
  (` + "`-sample_index=alloc_space`" + ` for everything allocated during start-up).
- ` + "`GODEBUG=inittrace=1`" + ` prints the cost of each package's init; ` + "`GODEBUG=gctrace=1`" + ` the
  heap at each collection; /proc/PID/smaps splits resident memory into the Go heap, C's heap
  (Mesa's textures), the binary and the shared libraries.
`

// quantity formats v in unit, with ns/op shown in the nearest readable unit.
func quantity(v float64, unit string) string {
	if unit != "ns/op" {
		return fmt.Sprintf("%.1f %s", v, unit)
	}
	switch {
	case v >= 1e6:
		return fmt.Sprintf("%.2f ms", v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("%.2f µs", v/1e3)
	}
	return fmt.Sprintf("%.0f ns", v)
}

// medianOrDash formats the median of xs, or "–" when there are none.
func medianOrDash(xs []float64) string {
	if len(xs) == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f", Median(xs))
}
