package main

import (
	"fmt"
	"math"
)

// Results are the measurements of one `make bench` run.
type Results struct {
	// Bench holds the samples per package and benchmark, one sample per
	// round; rounds run every benchmark once, so samples with the same
	// index were taken close together.
	Bench map[string]map[string][]Sample
	// Startup is the summary of scripts/startup.sh, or nil if it was not run.
	Startup *StartupResult
}

// Outcome is one ratio as measured, against its budget.
type Outcome struct {
	Ratio
	// Value is the median over the rounds of baseline ÷ ours (for start-up:
	// hello world's median ÷ cstomap's).
	Value float64
	// OursMedian and BaseMedian are the medians, in Unit.
	OursMedian, BaseMedian float64
	Unit                   string
	Rounds                 int
	// Err says why there is no value (a benchmark did not run).
	Err string
}

// OK reports whether the ratio was measured and meets its budget.
func (o Outcome) OK() bool { return o.Err == "" && o.Value >= o.Min }

// Evaluate measures every ratio of b in res.
func Evaluate(b *Budgets, res Results) []Outcome {
	out := make([]Outcome, 0, len(b.Ratio))
	for _, r := range b.Ratio {
		o := Outcome{Ratio: r}
		if r.Startup != "" {
			evalStartup(&o, res.Startup)
		} else {
			evalBench(&o, res.Bench[r.Key()])
		}
		out = append(out, o)
	}
	return out
}

func evalStartup(o *Outcome, s *StartupResult) {
	if s == nil {
		o.Err = "start-up was not measured"
		return
	}
	o.Rounds = 1
	switch o.Startup {
	case "first-frame":
		o.OursMedian, o.BaseMedian, o.Unit = s.AppMS, s.HelloMS, "ms"
	case "resident":
		o.OursMedian, o.BaseMedian, o.Unit = s.AppMB, s.HelloMB, "MB"
	}
	o.Value = o.BaseMedian / o.OursMedian
}

func evalBench(o *Outcome, pkg map[string][]Sample) {
	ours, base := pkg[o.Ours], pkg[o.Baseline]
	switch {
	case len(ours) == 0:
		o.Err = fmt.Sprintf("Benchmark%s did not run", o.Ours)
		return
	case len(base) == 0:
		o.Err = fmt.Sprintf("Benchmark%s did not run", o.Baseline)
		return
	}
	n := min(len(ours), len(base))
	ratios := make([]float64, n)
	for i := 0; i < n; i++ {
		ratios[i] = base[i].NsPerOp / ours[i].NsPerOp
	}
	o.Value, o.Rounds = Median(ratios), n
	o.OursMedian, o.BaseMedian, o.Unit = Median(nsOf(ours)), Median(nsOf(base)), "ns/op"
	if math.IsInf(o.Value, 0) || math.IsNaN(o.Value) {
		o.Err = "a benchmark reported 0 ns/op"
	}
}

func nsOf(s []Sample) []float64 {
	out := make([]float64, len(s))
	for i, x := range s {
		out[i] = x.NsPerOp
	}
	return out
}

// TargetOutcome is one absolute target as measured.
type TargetOutcome struct {
	Target
	MedianMS float64
	Ran      bool
}

// Met reports whether the median is within the target.
func (t TargetOutcome) Met() bool { return t.Ran && t.MedianMS <= t.MaxMS }

// EvaluateTargets measures the absolute targets of b in res.
func EvaluateTargets(b *Budgets, res Results) []TargetOutcome {
	out := make([]TargetOutcome, 0, len(b.Target))
	for _, t := range b.Target {
		s := res.Bench[t.Key()][t.Bench]
		out = append(out, TargetOutcome{Target: t, Ran: len(s) > 0, MedianMS: Median(nsOf(s)) / 1e6})
	}
	return out
}
