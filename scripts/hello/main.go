// Command hello is the start-up baseline for scripts/startup.sh: a Fyne
// window with one label, built with the same Fyne version and tags as
// cstomap and opened at the same size. Like cstomap it prints
// "first-frame N ms", counted from the start of its process, once the
// window's first frame has been painted.
//
// The frame is detected by a transparent 1×1 raster beside the label: the
// painter calls its generator while drawing the first frame, as it calls
// the map's.
package main

import (
	"fmt"
	"image"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	_ "cstomap/internal/posixlocale" // as in cstomap: before Fyne's init reads the locale
	"cstomap/internal/procstart"
)

func main() {
	started := procstart.OrNow()
	a := app.New()
	w := a.NewWindow("Hello")
	var once sync.Once
	probe := canvas.NewRaster(func(pw, ph int) image.Image {
		once.Do(func() {
			fyne.Do(func() { fmt.Printf("first-frame %d ms\n", time.Since(started).Milliseconds()) })
		})
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	})
	probe.Resize(fyne.NewSize(1, 1))
	w.SetContent(container.NewStack(widget.NewLabel("Hello, world"), container.NewWithoutLayout(probe)))
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}
