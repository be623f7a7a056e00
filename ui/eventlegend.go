package ui

import (
	"image"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cstomap/eventmarks"
)

// EventLegend names each sign of the events of the year on show (a kind,
// and apart the bases of non-members), with its symbol, in a small card at the map's bottom-left corner.
// It is hidden when no marker is on show.
type EventLegend struct {
	widget.BaseWidget
	bg    *canvas.Rectangle
	row   *fyne.Container
	signs []eventmarks.Sign
	style eventmarks.Style
}

// NewEventLegend returns an empty, hidden event legend.
func NewEventLegend() *EventLegend {
	l := &EventLegend{bg: canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground)), row: container.NewHBox(), style: eventmarks.Light}
	l.bg.CornerRadius = 4
	l.ExtendBaseWidget(l)
	l.Hide()
	return l
}

// CreateRenderer is part of fyne.Widget.
func (l *EventLegend) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(l.bg, container.NewPadded(l.row)))
}

// Set shows the signs in the style st; none hides the legend.
func (l *EventLegend) Set(signs []eventmarks.Sign, st eventmarks.Style) {
	if slices.Equal(signs, l.signs) && st.Stroke == l.style.Stroke && l.row.Objects != nil {
		return
	}
	l.signs, l.style = signs, st
	l.row.Objects = []fyne.CanvasObject{}
	for _, sg := range signs {
		r := canvas.NewRaster(func(w, h int) image.Image {
			img := image.NewRGBA(image.Rect(0, 0, w, h))
			s := st.Scaled(float64(w) / 20) // st as given, not l.style: no shared state
			var p eventmarks.Painter
			p.Sign(img, sg, float64(w)/2, float64(h)/2, s)
			return img
		})
		r.SetMinSize(fyne.NewSize(20, 20))
		label := widget.NewLabel(sg.Label())
		label.SizeName = theme.SizeNameCaptionText
		l.row.Add(container.NewHBox(container.NewCenter(r), label))
	}
	l.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	l.row.Refresh()
	l.bg.Refresh()
	if len(signs) == 0 {
		l.Hide()
	} else {
		l.Show()
	}
	l.Refresh()
}

// Text returns the kinds named, e.g. "Call for help · Foreign base", or ""
// when hidden.
func (l *EventLegend) Text() string {
	if !l.Visible() {
		return ""
	}
	names := make([]string, len(l.signs))
	for i, s := range l.signs {
		names[i] = s.Label()
	}
	return strings.Join(names, " · ")
}

// eventLegendArea places the legend at the bottom-left of the map area.
func (a *App) eventLegendArea() fyne.CanvasObject {
	return container.NewVBox(layout.NewSpacer(), container.NewHBox(container.NewPadded(a.EventLegend), layout.NewSpacer()))
}

// updateEventLegend shows the signs of the year's events, as an export's
// legend does. It runs on changes of the state, never after a frame: a
// legend that appeared with the first frame would delay it.
func (a *App) updateEventLegend() {
	ms := a.markerStyle()
	var signs []eventmarks.Sign
	if st := a.Store.State(); !st.HideEvents {
		signs = ms.Signs(a.yearEvents(st))
	}
	a.EventLegend.Set(signs, ms)
}
