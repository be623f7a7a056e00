package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"cstomap/export"
)

func init() {
	register("export", "export --out FILE.png [--width W] [--height H] [--select ISO3]", runExport)
}

// runExport renders the default view to a PNG file, atomically.
func runExport(e *env, args []string) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("out", "", "file to write (.png)")
	width := fs.Int("width", 1600, "image width in pixels")
	height := fs.Int("height", 1000, "image height in pixels")
	sel := fs.String("select", "", "ISO3 code of a country to highlight")
	if err := fs.Parse(args); err != nil {
		return e.usageErr("export", "%v", err)
	}
	if fs.NArg() > 0 {
		return e.usageErr("export", "unexpected argument %q", fs.Arg(0))
	}
	if *out == "" {
		return e.usageErr("export", "--out is required")
	}
	if ext := strings.ToLower(filepath.Ext(*out)); ext != ".png" {
		return e.usageErr("export", "cannot write %q: only .png is supported", *out)
	}
	for _, d := range []struct {
		name string
		v    int
	}{{"width", *width}, {"height", *height}} {
		if d.v < export.MinSize || d.v > export.MaxSize {
			return e.usageErr("export", "--%s %d is outside %d…%d", d.name, d.v, export.MinSize, export.MaxSize)
		}
	}
	w, err := e.loadWorld()
	if err != nil {
		return e.fail("export", err)
	}
	iso := ""
	if *sel != "" {
		var ok bool
		if iso, ok = knownISO(w, *sel); !ok {
			return e.usageErr("export", "unknown country code %q (want an ISO 3166-1 alpha-3 code such as ARM)", *sel)
		}
	}
	img := export.Map(export.Options{World: w, Width: *width, Height: *height, Selected: iso})
	if err := export.WriteFile(*out, func(wr io.Writer) error { return export.EncodePNG(wr, img) }); err != nil {
		return e.fail("export", err)
	}
	fmt.Fprintf(e.stdout, "wrote %s (%d×%d)\n", *out, *width, *height)
	return ExitOK
}
