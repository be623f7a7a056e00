package main

import (
	"fmt"
	"io"

	"cstomap/ui"
)

// printVersion prints the name, version and build from FyneApp.toml, as
// the About dialog shows them, and does nothing else: `cstomap --version`
// is also the process floor the whole-process benchmarks compare with.
func printVersion(stdout, stderr io.Writer) int {
	m, err := ui.ParseMetadata(fyneAppToml, nil)
	if err != nil {
		fmt.Fprintln(stderr, "cstomap:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s %s (build %d)\n", m.Name, m.Version, m.Build)
	return 0
}
