package main

import (
	_ "embed"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"cstomap/assets"
	"cstomap/geo"
	"cstomap/ui"
)

//go:embed FyneApp.toml
var fyneAppToml []byte

//go:embed Icon.png
var icon []byte

// runApp opens the window. The title, icon and app ID come from
// FyneApp.toml, so a plain `go build` and `fyne package` agree.
func runApp(args []string) int {
	started := time.Now()
	fs := flag.NewFlagSet("cstomap", flag.ContinueOnError)
	where := fs.String("where", "", "log the window position of these countries (comma-separated ISO3 codes) after the first frame")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	meta, err := ui.ParseMetadata(fyneAppToml, fyne.NewStaticResource("Icon.png", icon))
	if err != nil {
		fmt.Fprintln(os.Stderr, "cstomap:", err)
		return 1
	}
	app.SetMetadata(meta)
	world, err := geo.LoadCompact(assets.Countries)
	if err != nil {
		fmt.Fprintln(os.Stderr, "cstomap:", err)
		return 1
	}
	a := app.New()
	w := a.NewWindow(meta.Name)
	opts := ui.Options{Log: os.Stdout, Started: started}
	if *where != "" {
		opts.Where = strings.Split(strings.ToUpper(*where), ",")
	}
	ui.New(w, world, opts)
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
	return 0
}
