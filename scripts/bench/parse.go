package main

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Sample is one benchmark result line.
type Sample struct {
	NsPerOp     float64
	BytesPerOp  float64 // -1 when not reported
	AllocsPerOp float64 // -1 when not reported
}

// ParseBench reads `go test -bench` output and returns the samples of each
// benchmark, keyed by name without the "Benchmark" prefix and the -GOMAXPROCS
// suffix. Lines that are not results (headers, PASS, logs) are skipped; a
// result line whose ns/op is not a number is an error.
func ParseBench(r io.Reader) (map[string][]Sample, error) {
	out := map[string][]Sample{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || f[3] != "ns/op" {
			continue
		}
		name := strings.TrimPrefix(f[0], "Benchmark")
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		ns, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return nil, fmt.Errorf("bench: %s: ns/op %q: %w", f[0], f[2], err)
		}
		s := Sample{NsPerOp: ns, BytesPerOp: -1, AllocsPerOp: -1}
		for i := 4; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "B/op":
				s.BytesPerOp = v
			case "allocs/op":
				s.AllocsPerOp = v
			}
		}
		out[name] = append(out[name], s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("bench: read results: %w", err)
	}
	return out, nil
}

// Median returns the median of xs (the mean of the middle two for an even
// count), or 0 for none. xs is not modified.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// StartupResult is the summary line of scripts/startup.sh.
type StartupResult struct {
	AppMS, HelloMS float64
	AppMB, HelloMB float64
}

// ParseStartup finds the summary line of scripts/startup.sh,
//
//	startup first-frame APP_MS HELLO_MS RATIO resident APP_MB HELLO_MB RATIO
//
// in its output.
func ParseStartup(r io.Reader) (StartupResult, error) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 9 || f[0] != "startup" || f[1] != "first-frame" || f[5] != "resident" {
			continue
		}
		var v [4]float64
		for i, s := range []string{f[2], f[3], f[6], f[7]} {
			x, err := strconv.ParseFloat(s, 64)
			if err != nil || x <= 0 {
				return StartupResult{}, fmt.Errorf("bench: start-up summary %q: bad number %q", sc.Text(), s)
			}
			v[i] = x
		}
		return StartupResult{AppMS: v[0], HelloMS: v[1], AppMB: v[2], HelloMB: v[3]}, nil
	}
	if err := sc.Err(); err != nil {
		return StartupResult{}, fmt.Errorf("bench: read start-up output: %w", err)
	}
	return StartupResult{}, fmt.Errorf("bench: no start-up summary line in the output of startup.sh")
}
