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

	"cstomap/assets"
	"cstomap/geo"
	"cstomap/internal/procstart"
	"cstomap/passages"
	"cstomap/seeds"
	"cstomap/timeline"
	"cstomap/ui"
)

//go:embed FyneApp.toml
var fyneAppToml []byte

//go:embed Icon.png
var icon []byte

// runApp opens the window. The title, icon and app ID come from
// FyneApp.toml, so a plain `go build` and `fyne package` agree.
func runApp(args []string) int {
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
	world, err := geo.LoadCompact(assets.Countries)
	if err != nil {
		fmt.Fprintln(os.Stderr, "cstomap:", err)
		return 1
	}
	alliances, userErrs, err := timeline.LoadAll(assets.Alliances, "alliances", *dataDir, world.Known)
	if err != nil {
		fmt.Fprintln(os.Stderr, "cstomap:", err)
		return 1
	}
	for _, err := range userErrs {
		fmt.Fprintln(os.Stderr, "cstomap: skipping user data:", err)
	}
	opts := ui.Options{Log: os.Stdout, Started: started, Alliances: alliances, DataErrors: userErrs}
	if *where != "" {
		opts.Where = strings.Split(strings.ToUpper(*where), ",")
	}
	al, err := passages.ParseAliases(seeds.Aliases(), world.Known)
	if err != nil {
		fmt.Fprintln(os.Stderr, "cstomap:", err)
		return 1
	}
	arts, err := seeds.Articles()
	if err != nil {
		fmt.Fprintln(os.Stderr, "cstomap:", err)
		return 1
	}
	ix := passages.NewIndex(al)
	for _, art := range arts {
		if err := ix.Add(art); err != nil {
			fmt.Fprintln(os.Stderr, "cstomap:", err)
			return 1
		}
	}
	opts.Index, opts.Aliases = ix, ui.AliasNames(al)

	a := app.New()
	opts.ArticleDir = filepath.Join(a.Storage().RootURI().Path(), "articles")
	opts.DataErrors = append(opts.DataErrors, ui.LoadArticleDir(ix, opts.ArticleDir)...)
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
