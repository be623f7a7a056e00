package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Tooltip is the small card that follows the pointer over the map with the
// name and status of the country under it.
type Tooltip struct {
	widget.BaseWidget
	bg    *canvas.Rectangle
	label *widget.Label
}

// NewTooltip returns a hidden tooltip.
func NewTooltip() *Tooltip {
	t := &Tooltip{bg: canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground)), label: widget.NewLabel("")}
	t.bg.CornerRadius = 4
	t.bg.StrokeWidth = 1
	t.bg.StrokeColor = theme.Color(theme.ColorNameShadow)
	t.ExtendBaseWidget(t)
	t.Hide()
	return t
}

// CreateRenderer is part of fyne.Widget.
func (t *Tooltip) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(t.bg, t.label))
}

// Text returns the tooltip's text ("" when hidden).
func (t *Tooltip) Text() string {
	if !t.Visible() {
		return ""
	}
	return t.label.Text
}

// ShowText shows text, sized to fit.
func (t *Tooltip) ShowText(text string) {
	if t.label.Text != text {
		t.label.SetText(text)
	}
	t.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	t.Resize(t.MinSize())
	t.Show()
}

// Follow places the tooltip just below and right of pos, kept inside area.
func (t *Tooltip) Follow(pos fyne.Position, area fyne.Size) {
	sz := t.Size()
	x, y := pos.X+16, pos.Y+18
	if x+sz.Width > area.Width {
		x = pos.X - sz.Width - 8
	}
	if y+sz.Height > area.Height {
		y = pos.Y - sz.Height - 8
	}
	t.Move(fyne.NewPos(max(0, x), max(0, y)))
}
