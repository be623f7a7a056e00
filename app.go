package main

import (
	_ "embed"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
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

// windowGCPercent is the garbage collector's target for the window (GOGC,
// when set, wins). Most of the window's heap is live for its whole life
// (fonts, outlines, the map's pixel caches), and the garbage of start-up
// (mostly shaping and wrapping the panel's text) came on top of it until
// the heap was twice the live size; at 50 it stays within 1.5 times it.
// The price is a few more short collections: the first frame came about
// 100 ms later on two shared cores. Setting 50 only after the first frame
// saved nothing, as the heap had grown by then.
const windowGCPercent = 50

// runApp opens the window; now is the app's one clock. The title, icon and app ID come from
// FyneApp.toml, so a plain `go build` and `fyne package` agree.
func runApp(args []string, now clock.Clock) int {
	started := procstart.OrNow() // launch, so runtime and package init count too
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(windowGCPercent)
	}
	fs := flag.NewFlagSet("cstomap", flag.ContinueOnError)
	dataDir := fs.String("data", "", "folder of additional or replacement alliance files (see README)")
	where := fs.String("where", "", "log the window position of these countries (comma-separated ISO3 codes) after the first frame")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if msg := noDisplay(runtime.GOOS, os.Getenv); msg != "" {
		fmt.Fprintln(os.Stderr, "cstomap:", msg)
		return 1
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
	opts := ui.Options{Log: os.Stdout, Started: started, Alliances: d.Alliances, DataErrors: userErrs, Today: d.Clock, WorldIn: d.WorldIn}
	if *where != "" {
		opts.Where = strings.Split(strings.ToUpper(*where), ",")
	}
	ix, err := d.Index()
	if err != nil {
		fmt.Fprintln(os.Stderr, "cstomap:", err)
		return 1
	}
	opts.Index = ix
	opts.Aliases = func() []ui.SearchName { return ui.AliasNames(d.Aliases) }
	opts.Events = d.Events
	opts.SourceLabel = d.Sources.Label

	// Fyne reads the preferences file inside app.New: check it first.
	root := storageRoot(runtime.GOOS, meta.ID)
	opts.PrefsProblems, err = ui.CheckPreferences(filepath.Join(root, "preferences.json"), now())
	if err != nil {
		fmt.Fprintln(os.Stderr, "cstomap:", err)
		return 1
	}
	a := app.New()
	if got := a.Storage().RootURI().Path(); got != root {
		fmt.Fprintf(os.Stderr, "cstomap: the preferences were checked in %s, but Fyne keeps them in %s\n", root, got)
	}
	opts.ArticleDir = filepath.Join(a.Storage().RootURI().Path(), "articles")
	opts.DataErrors = append(opts.DataErrors, articles.Store{Dir: opts.ArticleDir, Index: ix}.Load()...)
	opts.Prefs = a.Preferences()
	w := a.NewWindow(meta.Name)
	// Size the window before building its content, so that the first layout
	// (which wraps and measures all the panel's text) is done once, at the
	// real width, not first at the content's minimum width.
	w.Resize(ui.WindowSize(a.Preferences(), fyne.NewSize(1280, 800)))
	if _, err := ui.New(w, world, opts); err != nil {
		fmt.Fprintln(os.Stderr, "cstomap:", err)
		return 1
	}
	a.Lifecycle().SetOnStarted(func() { fitToScreen(w) })
	w.ShowAndRun()
	return 0
}

// noDisplay says why the window cannot open on goos with the environment
// getenv, or "". On Linux and the BSDs the window needs an X11 or Wayland
// display; without one GLFW would panic with a trace.
func noDisplay(goos string, getenv func(string) string) string {
	switch goos {
	case "darwin", "windows", "android", "ios", "js", "wasip1":
		return ""
	}
	if getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == "" {
		return "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); the commands work without one, see 'cstomap help'"
	}
	return ""
}

// storageRoot returns the folder in which Fyne keeps the storage and the
// preferences.json of the app with id on goos, worked out as Fyne 2.7's
// internal/app.rootConfigDir and app.storageRoot do (errors ignored, as
// there), so that the file can be checked before app.New reads it.
func storageRoot(goos, id string) string {
	var dir string
	switch goos {
	case "darwin":
		home, _ := os.UserHomeDir()
		dir = filepath.Join(home, "Library", "Preferences")
	case "windows":
		home, _ := os.UserHomeDir()
		dir = filepath.Join(home, "AppData", "Roaming")
	default:
		dir, _ = os.UserConfigDir()
	}
	return filepath.Join(dir, "fyne", id)
}
