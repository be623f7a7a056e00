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
	"cstomap/events"
)

// EventLegend names each kind of event of the year on show, with its
// symbol, in a small card at the map's bottom-left corner.
// It is hidden when no marker is on show.
type EventLegend struct {
	widget.BaseWidget
	bg    *canvas.Rectangle
	row   *fyne.Container
	kinds []events.Kind
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

// Set shows the kinds in the style st; no kinds hides the legend.
func (l *EventLegend) Set(kinds []events.Kind, st eventmarks.Style) {
	same := len(kinds) == len(l.kinds) && st.Stroke == l.style.Stroke
	for i := 0; same && i < len(kinds); i++ {
		same = kinds[i] == l.kinds[i]
	}
	if same {
		return
	}
	l.kinds, l.style = kinds, st
	l.row.Objects = nil
	for _, k := range kinds {
		k := k
		r := canvas.NewRaster(func(w, h int) image.Image {
			img := image.NewRGBA(image.Rect(0, 0, w, h))
			s := st.Scaled(float64(w) / 20) // st as given, not l.style: no shared state
			var p eventmarks.Painter
			p.Symbol(img, k, float64(w)/2, float64(h)/2, s)
			return img
		})
		r.SetMinSize(fyne.NewSize(20, 20))
		label := widget.NewLabel(eventmarks.Label(k))
		label.SizeName = theme.SizeNameCaptionText
		l.row.Add(container.NewHBox(container.NewCenter(r), label))
	}
	l.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	l.row.Refresh()
	l.bg.Refresh()
	if len(kinds) == 0 {
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
	names := make([]string, len(l.kinds))
	for i, k := range l.kinds {
		names[i] = eventmarks.Label(k)
	}
	return strings.Join(names, " · ")
}

// eventLegendArea places the legend at the bottom-left of the map area.
func (a *App) eventLegendArea() fyne.CanvasObject {
	return container.NewVBox(layout.NewSpacer(), container.NewHBox(container.NewPadded(a.EventLegend), layout.NewSpacer()))
}

// updateEventLegend shows the kinds of the year's events, as an export's
// legend does. It runs on changes of the state, never after a frame: a
// legend that appeared with the first frame would delay it.
func (a *App) updateEventLegend() {
	var kinds []events.Kind
	if st := a.Store.State(); !st.HideEvents {
		evs := a.yearEvents(st)
		for _, k := range events.Kinds {
			if slices.ContainsFunc(evs, func(e events.Event) bool { return e.Kind == k }) {
				kinds = append(kinds, k)
			}
		}
	}
	a.EventLegend.Set(kinds, markerStyle(a.pal))
}
