package main

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"

	"cstomap/ui"
)

// fitToScreen shrinks w, once it is shown, to fit the primary screen when
// its default or remembered size is larger (a 1280×800 window on an
// 800×600 or 1366×768 screen). Fyne 2.7 does not tell a window the size of
// its screen, so it is read from GLFW, which Fyne's desktop driver runs on;
// the screen's pixels are turned into the window's units with the canvas's
// scale, known only once the window exists. It must run on the main
// goroutine (a lifecycle callback does).
func fitToScreen(w fyne.Window) {
	mon := glfw.GetPrimaryMonitor()
	if mon == nil {
		return
	}
	mode := mon.GetVideoMode()
	scale := w.Canvas().Scale()
	if mode == nil || scale <= 0 {
		return
	}
	screen := fyne.NewSize(float32(mode.Width)/scale, float32(mode.Height)/scale)
	size := w.Canvas().Size()
	if fit := ui.FitWindow(size, screen, w.Content().MinSize()); fit != size {
		w.Resize(fit)
	}
}
