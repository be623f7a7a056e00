// Command cstomap shows the member states of the Collective Security Treaty
// Organization on a map, year by year. With no arguments it opens the
// window; with a subcommand (see `cstomap help`) it runs that command
// headless.
package main

import (
	"os"

	"cstomap/cli"
	_ "cstomap/internal/posixlocale" // before Fyne's init reads the locale
)

func main() {
	if len(os.Args) > 1 && cli.IsCommand(os.Args[1]) {
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(runApp(os.Args[1:]))
}
