// Package ui wires the pure core (geo, timeline, passages) to Fyne widgets:
// the map view, the side panel and the window around them.
package ui

import (
	"image"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"cstomap/geo"
)

var (
	_ fyne.Widget   = (*MapView)(nil)
	_ fyne.Tappable = (*MapView)(nil)
)

// clickTolerance is how far, in logical pixels, a click may land off a
// coast and still select the country.
const clickTolerance = 5

// MapView shows the map and selects the country that is clicked.
type MapView struct {
	widget.BaseWidget

	// OnSelected is a hook that is called with the ISO code of the country
	// selected by a click, or "" when a click on the sea clears it.
	OnSelected func(iso string) `json:"-"`
	// OnFirstFrame is a hook that is called once, on the main goroutine,
	// after the first frame of the map has been drawn.
	OnFirstFrame func() `json:"-"`

	renderer *geo.Renderer
	proj     *geo.Projected
	raster   *canvas.Raster

	mu       sync.Mutex // guards the fields below, read by the raster generator
	paint    geo.PaintFunc
	style    geo.Style
	selected string
	view     geo.Viewport // device pixels; zero until the first frame
	scale    float32      // device pixels per logical pixel
	img      *image.RGBA
	drawn    bool
}

// NewMapView returns a map view drawing with r.
func NewMapView(r *geo.Renderer) *MapView {
	m := &MapView{renderer: r, proj: r.Projected(geo.Eurasia), style: geo.LightStyle, scale: 1}
	m.raster = canvas.NewRaster(m.draw)
	m.ExtendBaseWidget(m)
	return m
}

// CreateRenderer is part of fyne.Widget.
func (m *MapView) CreateRenderer() fyne.WidgetRenderer {
	m.ExtendBaseWidget(m)
	return widget.NewSimpleRenderer(m.raster)
}

// MinSize keeps the map usable when the window is small.
func (m *MapView) MinSize() fyne.Size {
	return fyne.NewSize(320, 200)
}

// SetPaint sets how countries are filled and redraws.
func (m *MapView) SetPaint(p geo.PaintFunc) {
	m.mu.Lock()
	m.paint = p
	m.mu.Unlock()
	m.Refresh()
}

// SetStyle sets the map style (light or dark) and redraws.
func (m *MapView) SetStyle(s geo.Style) {
	m.mu.Lock()
	m.style = s
	m.mu.Unlock()
	m.Refresh()
}

// Select highlights the country iso ("" for none) and redraws. It does not
// call OnSelected.
func (m *MapView) Select(iso string) {
	m.mu.Lock()
	m.selected = iso
	m.mu.Unlock()
	m.Refresh()
}

// Selected returns the ISO code of the selected country, or "".
func (m *MapView) Selected() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.selected
}

// Refresh redraws the map.
func (m *MapView) Refresh() {
	m.raster.Refresh()
}

// Tapped selects the country under the pointer, allowing a few pixels of
// tolerance off coasts; a tap on the open sea clears the selection.
func (m *MapView) Tapped(ev *fyne.PointEvent) {
	iso := m.CountryAt(ev.Position)
	m.Select(iso)
	if m.OnSelected != nil {
		m.OnSelected(iso)
	}
}

// CountryAt returns the country under the logical position pos, with the
// click tolerance, or "".
func (m *MapView) CountryAt(pos fyne.Position) string {
	m.mu.Lock()
	v, s := m.currentView(), m.scale
	m.mu.Unlock()
	x, y := float64(pos.X*s), float64(pos.Y*s)
	iso, _ := m.renderer.World().CountryNear(v, x, y, clickTolerance*float64(s))
	return iso
}

// PositionOf returns the logical position at which lon/lat is drawn.
func (m *MapView) PositionOf(lon, lat float64) fyne.Position {
	m.mu.Lock()
	v, s := m.currentView(), m.scale
	m.mu.Unlock()
	x, y := v.Pixel(lon, lat)
	return fyne.NewPos(float32(x)/s, float32(y)/s)
}

// currentView returns the viewport for the widget's current size, also
// before the first frame. Callers hold mu.
func (m *MapView) currentView() geo.Viewport {
	sz := m.Size()
	w, h := int(sz.Width*m.scale+0.5), int(sz.Height*m.scale+0.5)
	if w < 1 || h < 1 {
		w, h = 1, 1
	}
	if m.view.W != w || m.view.H != h {
		m.view = geo.DefaultView(m.proj, w, h)
	}
	return m.view
}

// draw is the raster generator. w and h are device pixels.
func (m *MapView) draw(w, h int) image.Image {
	img, first := m.drawLocked(w, h)
	if first && m.OnFirstFrame != nil {
		// Not under mu: the hook may ask the map for positions.
		fyne.Do(m.OnFirstFrame)
	}
	return img
}

func (m *MapView) drawLocked(w, h int) (img *image.RGBA, first bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if sz := m.Size(); sz.Width > 0 {
		m.scale = float32(w) / sz.Width
	}
	if m.view.W != w || m.view.H != h {
		m.view = geo.DefaultView(m.proj, w, h)
	}
	if m.img == nil || m.img.Rect.Dx() != w || m.img.Rect.Dy() != h {
		m.img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	st := m.style
	st.PixelScale = float64(m.scale)
	m.renderer.Render(m.img, geo.Frame{View: m.view, Style: st, Paint: m.paint, Selected: m.selected})
	if !m.drawn && w > 1 && h > 1 {
		m.drawn, first = true, true
	}
	return m.img, first
}
