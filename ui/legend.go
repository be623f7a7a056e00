package ui

import (
	"fmt"
	"image"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"cstomap/palette"
	"cstomap/timeline"
)

// legendOrder is the order of the statuses in the legend.
var legendOrder = []timeline.Status{timeline.StatusCurrent, timeline.StatusDeparted, timeline.StatusThreatening}

// Legend shows each status with its colour and the number of countries in
// it that year, and the colour of non-members.
type Legend struct {
	widget.BaseWidget
	swatches map[timeline.Status]*canvas.Raster
	labels   map[timeline.Status]*widget.Label
	none     *canvas.Raster
	noneText *widget.Label
	pal      palette.Palette
	counts   map[timeline.Status]int
}

// NewLegend returns an empty legend.
func NewLegend() *Legend {
	l := &Legend{swatches: map[timeline.Status]*canvas.Raster{}, labels: map[timeline.Status]*widget.Label{}, pal: palette.Light}
	for _, s := range legendOrder {
		s := s
		l.swatches[s] = canvas.NewRaster(func(w, h int) image.Image { return l.swatch(l.pal.Paint(s).Fill, l.pal.Paint(s).Hatch, w, h) })
		l.labels[s] = widget.NewLabel("")
	}
	l.none = canvas.NewRaster(func(w, h int) image.Image { return l.swatch(l.pal.Land, color.RGBA{}, w, h) })
	l.noneText = widget.NewLabel("not a member")
	l.ExtendBaseWidget(l)
	return l
}

// CreateRenderer is part of fyne.Widget.
func (l *Legend) CreateRenderer() fyne.WidgetRenderer {
	var items []fyne.CanvasObject
	for _, s := range legendOrder {
		items = append(items, swatchBox(l.swatches[s]), l.labels[s])
	}
	items = append(items, swatchBox(l.none), l.noneText)
	return widget.NewSimpleRenderer(container.NewHBox(items...))
}

func swatchBox(r *canvas.Raster) fyne.CanvasObject {
	r.SetMinSize(fyne.NewSize(18, 18))
	return container.NewCenter(r)
}

// Set shows counts in the colours of pal; nonMember labels the countries
// without a status, in the words of the year ("not a member", "not a
// party" to a treaty).
func (l *Legend) Set(pal palette.Palette, counts map[timeline.Status]int, nonMember string) {
	l.pal, l.counts = pal, counts
	if l.noneText.Text != nonMember {
		l.noneText.SetText(nonMember)
	}
	for _, s := range legendOrder {
		l.labels[s].SetText(fmt.Sprintf("%d %s", counts[s], s))
		l.swatches[s].Refresh()
	}
	l.none.Refresh()
}

// Text returns the counts as one line, e.g. "6 current · 3 departed · 1
// threatening".
func (l *Legend) Text() string {
	var parts []string
	for _, s := range legendOrder {
		parts = append(parts, l.labels[s].Text)
	}
	return strings.Join(parts, " · ")
}

// swatch draws a filled square with an outline and, for hatched statuses,
// the same stripes as the map.
func (l *Legend) swatch(fill, hatch color.RGBA, w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	edge := l.pal.SubtleText
	period := max(3, w/3)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := fill
			if hatch.A != 0 && (x+y)%period < max(1, period*35/100) {
				c = hatch
			}
			if x == 0 || y == 0 || x == w-1 || y == h-1 {
				c = edge
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// AllianceSwitch chooses the alliance shown; every loaded alliance file is
// offered.
type AllianceSwitch struct {
	*widget.Select
	ids    []string
	labels []string
}

// NewAllianceSwitch returns a switch over alliances that calls onChange with
// the chosen alliance's id.
func NewAllianceSwitch(alliances []*timeline.Alliance, onChange func(id string)) *AllianceSwitch {
	s := &AllianceSwitch{}
	for _, a := range alliances {
		s.ids = append(s.ids, a.ID)
		s.labels = append(s.labels, a.ShortName)
	}
	s.Select = widget.NewSelect(s.labels, func(label string) {
		for i, l := range s.labels {
			if l == label {
				onChange(s.ids[i])
			}
		}
	})
	return s
}

// SetSelectedID shows the alliance with the id as chosen.
func (s *AllianceSwitch) SetSelectedID(id string) {
	for i, x := range s.ids {
		if x == id && s.Selected != s.labels[i] {
			s.SetSelected(s.labels[i])
		}
	}
}

// YearLabel is the year in large type over the map.
type YearLabel struct {
	widget.BaseWidget
	text *canvas.Text
}

// NewYearLabel returns an empty year label.
func NewYearLabel() *YearLabel {
	y := &YearLabel{text: canvas.NewText("", color.Black)}
	y.text.TextSize = 44
	y.text.TextStyle = fyne.TextStyle{Bold: true}
	y.ExtendBaseWidget(y)
	return y
}

// CreateRenderer is part of fyne.Widget.
func (y *YearLabel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(y.text)
}

// SetYear shows year.
func (y *YearLabel) SetYear(year int) {
	y.text.Text = fmt.Sprint(year)
	y.Resize(y.text.MinSize())
	y.text.Refresh()
}

// SetPalette colours the label for the map's style.
func (y *YearLabel) SetPalette(p palette.Palette) {
	y.text.Color = p.Text
	y.text.Refresh()
}

// Text returns the year shown.
func (y *YearLabel) Text() string { return y.text.Text }
