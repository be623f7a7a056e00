//go:build startprof

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"
)

// With -tags startprof, the app profiles its own start-up: the CPU from
// main's package init for STARTPROF_SECONDS (default 3), then the heap, into
// STARTPROF_DIR (default the temporary folder) as cstomap-cpu.prof and
// cstomap-heap.prof. Package init before this one shows with
// GODEBUG=inittrace=1.
func init() {
	dir := os.Getenv("STARTPROF_DIR")
	if dir == "" {
		dir = os.TempDir()
	}
	secs := 3 * time.Second
	if v, err := time.ParseDuration(os.Getenv("STARTPROF_SECONDS") + "s"); err == nil && v > 0 {
		secs = v
	}
	cpu, err := os.Create(filepath.Join(dir, "cstomap-cpu.prof"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "startprof:", err)
		return
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		fmt.Fprintln(os.Stderr, "startprof:", err)
		return
	}
	time.AfterFunc(secs, func() {
		pprof.StopCPUProfile()
		_ = cpu.Close()
		f, err := os.Create(filepath.Join(dir, "cstomap-heap.prof"))
		if err != nil {
			fmt.Fprintln(os.Stderr, "startprof:", err)
			return
		}
		defer f.Close()
		runtime.GC() // the heap profile shows the heap as of the last GC
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		fmt.Fprintf(os.Stderr, "startprof: heap in use %d MB, heap sys %d MB, sys %d MB, total alloc %d MB, GCs %d\n",
			ms.HeapInuse>>20, ms.HeapSys>>20, ms.Sys>>20, ms.TotalAlloc>>20, ms.NumGC)
		_ = pprof.Lookup("heap").WriteTo(f, 0)
	})
}
