package ui

import (
	"fmt"
	"image"
	"image/color"
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cstomap/palette"
	"cstomap/timeline"
)

// legendOrder is the order of the statuses in the legend.
var legendOrder = []timeline.Status{timeline.StatusCurrent, timeline.StatusDeparted, timeline.StatusThreatening}

// Legend shows each status with its colour and the number of countries in
// it that year, and the colour of non-members. Its items sit in one row
// when the width allows and wrap onto a second row otherwise, so that it
// never runs under the widgets beside it (see legendLayout).
type Legend struct {
	widget.BaseWidget
	swatches map[timeline.Status]*canvas.Raster
	labels   map[timeline.Status]*canvas.Text
	none     *canvas.Raster
	noneText *canvas.Text
	items    []fyne.CanvasObject // swatch and text of each entry
	pal      palette.Palette
	counts   map[timeline.Status]int
}

// NewLegend returns an empty legend.
func NewLegend() *Legend {
	l := &Legend{swatches: map[timeline.Status]*canvas.Raster{}, labels: map[timeline.Status]*canvas.Text{}, pal: palette.Light}
	for _, s := range legendOrder {
		s := s
		l.swatches[s] = canvas.NewRaster(func(w, h int) image.Image { return l.swatch(l.pal.Paint(s).Fill, l.pal.Paint(s).Hatch, w, h) })
		l.labels[s] = legendText("")
		l.items = append(l.items, legendItem(l.swatches[s], l.labels[s]))
	}
	l.none = canvas.NewRaster(func(w, h int) image.Image { return l.swatch(l.pal.Land, color.RGBA{}, w, h) })
	l.noneText = legendText("not a member")
	l.items = append(l.items, legendItem(l.none, l.noneText))
	l.ExtendBaseWidget(l)
	return l
}

func legendText(s string) *canvas.Text {
	t := canvas.NewText(s, theme.Color(theme.ColorNameForeground))
	t.TextSize = theme.TextSize()
	return t
}

// legendSwatch is the side of a legend square; legendGap separates it from
// its text.
const legendSwatch, legendGap = 16, 6

// legendItem is one swatch with its text, side by side.
func legendItem(r *canvas.Raster, t *canvas.Text) fyne.CanvasObject {
	r.SetMinSize(fyne.NewSize(legendSwatch, legendSwatch))
	return container.New(swatchTextLayout{}, r, t)
}

// swatchTextLayout places a square and a text on one line, centred
// vertically.
type swatchTextLayout struct{}

func (swatchTextLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	t := objs[1].MinSize()
	return fyne.NewSize(legendSwatch+legendGap+t.Width, max(legendSwatch, t.Height))
}

func (swatchTextLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Resize(fyne.NewSquareSize(legendSwatch))
	objs[0].Move(fyne.NewPos(0, (size.Height-legendSwatch)/2))
	t := objs[1].MinSize()
	objs[1].Resize(t)
	objs[1].Move(fyne.NewPos(legendSwatch+legendGap, (size.Height-t.Height)/2))
}

// Items returns the legend's entries (each a swatch with its text), for
// tests of the layout.
func (l *Legend) Items() []fyne.CanvasObject { return l.items }

// CreateRenderer is part of fyne.Widget.
func (l *Legend) CreateRenderer() fyne.WidgetRenderer {
	return &legendRenderer{l: l, box: container.New(legendLayout{}, l.items...)}
}

type legendRenderer struct {
	l   *Legend
	box *fyne.Container
}

func (r *legendRenderer) Layout(s fyne.Size)           { r.box.Resize(s) }
func (r *legendRenderer) MinSize() fyne.Size           { return r.box.MinSize() }
func (r *legendRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.box} }
func (r *legendRenderer) Destroy()                     {}

// Refresh follows the theme's text colour and size.
func (r *legendRenderer) Refresh() {
	fg, size := theme.Color(theme.ColorNameForeground), theme.TextSize()
	for _, t := range append(slices.Collect(maps.Values(r.l.labels)), r.l.noneText) {
		t.Color, t.TextSize = fg, size
		t.Refresh()
	}
	r.box.Refresh()
}

// legendLayout places the items in one row when they fit the width, and
// otherwise in two rows, the first holding the first half. Its minimum
// size is that of the two rows: the legend never asks for the one-row
// width, so the widgets beside it keep their room.
type legendLayout struct{}

// legendSpacing separates the items of a row; legendRowGap the rows.
const legendSpacing, legendRowGap = 12, 4

func (legendLayout) rows(objs []fyne.CanvasObject, width float32) [][]fyne.CanvasObject {
	w := float32(0)
	for i, o := range objs {
		if i > 0 {
			w += legendSpacing
		}
		w += o.MinSize().Width
	}
	if w <= width || len(objs) < 2 {
		return [][]fyne.CanvasObject{objs}
	}
	half := (len(objs) + 1) / 2
	return [][]fyne.CanvasObject{objs[:half], objs[half:]}
}

func rowSize(row []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range row {
		m := o.MinSize()
		if i > 0 {
			s.Width += legendSpacing
		}
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
	}
	return s
}

func (l legendLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	rows := l.rows(objs, 0)
	var s fyne.Size
	for i, row := range rows {
		rs := rowSize(row)
		s.Width = max(s.Width, rs.Width)
		if i > 0 {
			s.Height += legendRowGap
		}
		s.Height += rs.Height
	}
	// A few pixels of slack: the split that holds the legend rounds its
	// share of the window.
	s.Width += 4
	return s
}

func (l legendLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	rows := l.rows(objs, size.Width)
	total := float32(0)
	for i, row := range rows {
		if i > 0 {
			total += legendRowGap
		}
		total += rowSize(row).Height
	}
	y := (size.Height - total) / 2
	for _, row := range rows {
		h := rowSize(row).Height
		x := float32(0)
		for _, o := range row {
			m := o.MinSize()
			o.Resize(fyne.NewSize(m.Width, h))
			o.Move(fyne.NewPos(x, y))
			x += m.Width + legendSpacing
		}
		y += h + legendRowGap
	}
}

// Set shows counts in the colours of pal; nonMember labels the countries
// without a status, in the words of the year ("not a member", "not a
// party" to a treaty).
func (l *Legend) Set(pal palette.Palette, counts map[timeline.Status]int, nonMember string) {
	l.pal, l.counts = pal, counts
	l.noneText.Text = nonMember
	for _, s := range legendOrder {
		l.labels[s].Text = fmt.Sprintf("%d %s", counts[s], s)
		l.swatches[s].Refresh()
	}
	l.none.Refresh()
	l.Refresh()
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
