package main

import (
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"cstomap/articles"
	"cstomap/dataset"
	"cstomap/internal/clock"
	"cstomap/internal/procstart"
	"cstomap/internal/termsafe"
	"cstomap/ui"
)

//go:embed FyneApp.toml
var fyneAppToml []byte

//go:embed Icon.png
var icon []byte

// runApp opens the window; now is the app's one clock. The title, icon and app ID come from
// FyneApp.toml, so a plain `go build` and `fyne package` agree.
func runApp(args []string, now clock.Clock) int {
	started := procstart.OrNow() // launch, so runtime and package init count too
	fs := flag.NewFlagSet("cstomap", flag.ContinueOnError)
	dataDir := fs.String("data", "", "folder of additional or replacement alliance files (see README)")
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
	d, userErrs, err := dataset.Load(dataset.Options{DataDir: *dataDir, Clock: now})
	if err != nil {
		fmt.Fprintln(os.Stderr, "cstomap:", err)
		return 1
	}
	for _, err := range userErrs {
		fmt.Fprintln(os.Stderr, "cstomap: skipping user data:", termsafe.Sanitize(err.Error()))
	}
	world := d.World
	opts := ui.Options{Log: os.Stdout, Started: started, Alliances: d.Alliances, DataErrors: userErrs, Today: d.Clock}
	if *where != "" {
		opts.Where = strings.Split(strings.ToUpper(*where), ",")
	}
	ix, err := d.Index()
	if err != nil {
		fmt.Fprintln(os.Stderr, "cstomap:", err)
		return 1
	}
	opts.Index, opts.Aliases = ix, ui.AliasNames(d.Aliases)

	a := app.New()
	opts.ArticleDir = filepath.Join(a.Storage().RootURI().Path(), "articles")
	opts.DataErrors = append(opts.DataErrors, articles.Store{Dir: opts.ArticleDir, Index: ix}.Load()...)
	opts.Prefs = a.Preferences()
	opts.PrefsDamaged = prefsDamaged(a)
	w := a.NewWindow(meta.Name)
	// Size the window before building its content, so that the first layout
	// (which wraps and measures all the panel's text) is done once, at the
	// real width, not first at the content's minimum width.
	w.Resize(ui.WindowSize(a.Preferences(), fyne.NewSize(1280, 800)))
	if _, err := ui.New(w, world, opts); err != nil {
		fmt.Fprintln(os.Stderr, "cstomap:", err)
		return 1
	}
	w.ShowAndRun()
	return 0
}

// prefsDamaged reports whether the app's preferences file exists but is not
// valid JSON; Fyne then starts from empty preferences, and the window says so.
func prefsDamaged(a fyne.App) bool {
	data, err := os.ReadFile(filepath.Join(a.Storage().RootURI().Path(), "preferences.json"))
	return err == nil && len(data) > 0 && !json.Valid(data)
}
