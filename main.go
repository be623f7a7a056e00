// Command cstomap shows the member states of the Collective Security Treaty
// Organization on a map, year by year. With no arguments it opens the
// window; with a subcommand (see `cstomap help`) it runs that command
// headless.
package main

import (
	"fmt"
	"os"
	"strings"

	"cstomap/cli"
	"cstomap/internal/clock"
	_ "cstomap/internal/posixlocale" // before Fyne's init reads the locale
)

func main() {
	c, err := clock.FromEnv(os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, "cstomap:", err)
		os.Exit(cli.ExitUsage)
	}
	if len(os.Args) == 2 && (os.Args[1] == "--version" || os.Args[1] == "-version") {
		os.Exit(printVersion(os.Stdout, os.Stderr))
	}
	// A first argument that is not a flag names a command; a mistyped one
	// gets "unknown command" and the usage, never the window.
	if len(os.Args) > 1 && (cli.IsCommand(os.Args[1]) || !strings.HasPrefix(os.Args[1], "-")) {
		os.Exit(cli.Run(os.Args[1:], cli.Config{Stdout: os.Stdout, Stderr: os.Stderr, Clock: c}))
	}
	os.Exit(runApp(os.Args[1:], c))
}
