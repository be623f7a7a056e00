// Package ui wires the pure core (geo, timeline, palette, passages) to Fyne
// widgets: the map view, the year bar, the legend, the side panel and the
// window around them.
package ui

import (
	"image"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"cstomap/events"
	"cstomap/geo"
)

var (
	_ fyne.Widget            = (*MapView)(nil)
	_ fyne.Tappable          = (*MapView)(nil)
	_ fyne.DoubleTappable    = (*MapView)(nil)
	_ fyne.Draggable         = (*MapView)(nil)
	_ fyne.Scrollable        = (*MapView)(nil)
	_ desktop.Hoverable      = (*MapView)(nil)
	_ desktop.Cursorable     = (*MapView)(nil)
	_ fyne.WidgetRenderer    = (*mapRenderer)(nil)
	_ fyne.SecondaryTappable = (*MapView)(nil)
	_ fyne.Focusable         = (*MapView)(nil)
	_ fyne.Tabbable          = (*MapView)(nil)
)

const (
	// clickTolerance is how far, in logical pixels, a click may land off a
	// coast and still select the country.
	clickTolerance = 5
	// MaxZoom bounds zooming in, relative to the whole region: at 64× a
	// logical pixel is about 100 m, city scale.
	MaxZoom = 64
	// wheelStep is the zoom factor of one scroll-wheel notch, which Fyne
	// reports as wheelNotch units (trackpads send fractions of it).
	wheelStep  = 1.25
	wheelNotch = 25
)

// MapView shows the map. A click selects a country, the wheel zooms around
// the pointer, dragging pans, a double-click resets the view, and hovering
// reports the country under the pointer.
type MapView struct {
	widget.BaseWidget

	// OnSelected is a hook that is called with the ISO code of the country
	// selected by a click, or "" when a click on the sea clears it.
	OnSelected func(iso string) `json:"-"`
	// OnHover is a hook that is called when the pointer moves onto another
	// country (iso) or the sea (""), with the pointer's position.
	OnHover func(iso string, pos fyne.Position) `json:"-"`
	// OnPointer is a hook that is called on every pointer move over the map.
	OnPointer func(pos fyne.Position) `json:"-"`
	// OnViewChanged is a hook that is called after zooming or panning.
	OnViewChanged func() `json:"-"`
	// OnFirstFrame is a hook that is called once, on the main goroutine,
	// after the first frame of the map has been drawn.
	OnFirstFrame func() `json:"-"`
	// OnResized is a hook that is called, on the main goroutine, after the
	// map has been drawn at a new size (not for the first frame).
	OnResized func() `json:"-"`
	// OnTypedKey is a hook that is called with the keys typed while the
	// map has focus (Tab included).
	OnTypedKey func(*fyne.KeyEvent) `json:"-"`
	// OnEventHover is a hook that is called when the pointer moves onto an
	// event marker (e) or off one (nil), with the pointer's position.
	OnEventHover func(e *events.Event, pos fyne.Position) `json:"-"`
	// OnEventTapped is a hook that is called with the event whose marker
	// was clicked; the click then selects no country.
	OnEventTapped func(e *events.Event) `json:"-"`
	// OnEventsPlaced is a hook that is called, on the main goroutine,
	// after a frame that put the event markers somewhere new.
	OnEventsPlaced func() `json:"-"`

	renderer *geo.Renderer
	raster   *canvas.Raster
	// pointer is where the pointer was last seen over the map, while
	// pointerIn: a view change (a search, a key, the buttons) moves the map
	// under a still pointer, so the hover is worked out again there.
	pointer   fyne.Position
	pointerIn bool

	mu       sync.Mutex // guards the fields below, read by the raster generator
	framing  geo.Framing
	proj     *geo.Projected
	region   orb.Bound // the framing's region, projected
	paint    geo.PaintFunc
	style    geo.Style
	selected string
	hovered  string
	// zoom and the centre (cx, cy, in projected units) describe the view
	// relative to the framing's whole-region view; zoom 1 with the
	// region's own centre is the default view.
	zoom    float64
	cx, cy  float64
	centred bool    // cx, cy are set (false: use the region's centre)
	scale   float32 // device pixels per logical pixel
	img     *image.RGBA
	drawn   bool
	drawnW  int // size of the last frame drawn, device pixels
	drawnH  int
	inset   insetLayer // see insetlayer.go
	// overlays draw over the countries, in order, after each render.
	overlays []func(img *image.RGBA, f geo.Frame, avoid []image.Rectangle)
	events   eventLayer // the event markers (eventlayer.go)
}

// NewMapView returns a map view drawing with r, framed by f.
func NewMapView(r *geo.Renderer, f geo.Framing) *MapView {
	m := &MapView{renderer: r, style: geo.LightStyle, scale: 1, zoom: 1}
	m.framing = f
	m.inset.on = true
	m.proj = r.Projected(m.framing.Proj)
	m.region = geo.RegionBound(m.proj, m.framing.Fit)
	m.raster = canvas.NewRaster(m.draw)
	m.ExtendBaseWidget(m)
	return m
}

// CreateRenderer is part of fyne.Widget.
func (m *MapView) CreateRenderer() fyne.WidgetRenderer {
	m.ExtendBaseWidget(m)
	return &mapRenderer{m: m}
}

type mapRenderer struct{ m *MapView }

func (r *mapRenderer) Layout(s fyne.Size)           { r.m.raster.Resize(s) }
func (r *mapRenderer) MinSize() fyne.Size           { return fyne.NewSize(320, 200) }
func (r *mapRenderer) Refresh()                     { r.m.raster.Refresh() }
func (r *mapRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.m.raster} }
func (r *mapRenderer) Destroy()                     {}

// SetFraming frames the map with f (projection and default region) and
// resets the view.
func (m *MapView) SetFraming(f geo.Framing) {
	pr := m.renderer.Projected(f.Proj)
	region := geo.RegionBound(pr, f.Fit)
	m.mu.Lock()
	m.framing, m.proj, m.region = f, pr, region
	m.zoom, m.centred = 1, false
	m.mu.Unlock()
	m.Refresh()
}

// SetRenderer makes the map draw with r, e.g. another year's outlines
// (each with a renderer of its own, whose caches stay warm), keeping the
// framing, its region and the view; it redraws. A renderer for the world
// drawn already changes nothing.
func (m *MapView) SetRenderer(r *geo.Renderer) {
	m.mu.Lock()
	if m.renderer == r {
		m.mu.Unlock()
		return
	}
	m.renderer = r
	m.proj = r.Projected(m.framing.Proj)
	m.mu.Unlock()
	m.Refresh()
}

// AddOverlay draws o over the countries after every render, with the
// frame drawn (in device pixels). o runs on the raster's goroutine under
// the map's lock: it must not call the map.
func (m *MapView) AddOverlay(o func(img *image.RGBA, f geo.Frame, avoid []image.Rectangle)) {
	m.mu.Lock()
	m.overlays = append(m.overlays, o)
	m.mu.Unlock()
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

// Select highlights the country iso ("" for none) and redraws, unless it
// is selected already. It does not call OnSelected.
func (m *MapView) Select(iso string) {
	m.mu.Lock()
	changed := m.selected != iso
	m.selected = iso
	m.mu.Unlock()
	if changed {
		m.Refresh()
	}
}

// Selected returns the ISO code of the selected country, or "".
func (m *MapView) Selected() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.selected
}

// Hovered returns the ISO code of the country under the pointer, or "".
func (m *MapView) Hovered() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.hovered
}

// Refresh redraws the map.
func (m *MapView) Refresh() {
	m.raster.Refresh()
}

// Tapped selects the country under the pointer, allowing a few pixels of
// tolerance off coasts; a tap on the open sea clears the selection.
func (m *MapView) Tapped(ev *fyne.PointEvent) {
	if m.tapEvent(ev.Position) {
		return
	}
	iso := m.CountryNear(ev.Position)
	m.Select(iso)
	if m.OnSelected != nil {
		m.OnSelected(iso)
	}
}

// FocusGained is part of fyne.Focusable.
func (m *MapView) FocusGained() {}

// FocusLost is part of fyne.Focusable.
func (m *MapView) FocusLost() {}

// TypedKey passes keys to OnTypedKey.
func (m *MapView) TypedKey(ev *fyne.KeyEvent) {
	if m.OnTypedKey != nil {
		m.OnTypedKey(ev)
	}
}

// TypedRune is part of fyne.Focusable; characters are handled as keys.
func (m *MapView) TypedRune(rune) {}

// AcceptsTab lets Tab move between countries instead of widgets while the
// map has focus.
func (m *MapView) AcceptsTab() bool { return true }

// TappedSecondary does nothing; it keeps a right-click from selecting.
func (m *MapView) TappedSecondary(*fyne.PointEvent) {}

// DoubleTapped resets the view.
func (m *MapView) DoubleTapped(*fyne.PointEvent) { m.ResetView() }

// Scrolled zooms around the pointer: the point under it stays where it is.
func (m *MapView) Scrolled(ev *fyne.ScrollEvent) {
	d := ev.Scrolled.DY
	if d == 0 {
		d = ev.Scrolled.DX
	}
	m.ZoomAt(ev.Position, math.Pow(wheelStep, float64(d)/wheelNotch))
}

// Dragged pans the map with the pointer.
func (m *MapView) Dragged(ev *fyne.DragEvent) {
	m.pointer = ev.Position // a drag reports no moves of its own
	m.Pan(ev.Dragged.DX, ev.Dragged.DY)
}

// DragEnd is part of fyne.Draggable.
func (m *MapView) DragEnd() {}

// MouseIn is part of desktop.Hoverable.
func (m *MapView) MouseIn(ev *desktop.MouseEvent) { m.MouseMoved(ev) }

// MouseMoved outlines the country under the pointer and reports it.
func (m *MapView) MouseMoved(ev *desktop.MouseEvent) {
	m.pointer, m.pointerIn = ev.Position, true
	m.hoverEvent(ev.Position, false)
	m.hoverAt(ev.Position)
	if m.OnPointer != nil {
		m.OnPointer(ev.Position)
	}
}

// hoverAt makes the country at pos the hovered one, and reports it when it
// changed.
func (m *MapView) hoverAt(pos fyne.Position) {
	iso := m.CountryAt(pos)
	m.mu.Lock()
	changed := iso != m.hovered
	m.hovered = iso
	m.mu.Unlock()
	if changed {
		m.Refresh()
		if m.OnHover != nil {
			m.OnHover(iso, pos)
		}
	}
}

// MouseOut clears the hover.
func (m *MapView) MouseOut() {
	m.pointerIn = false
	m.hoverEvent(fyne.Position{}, true)
	m.mu.Lock()
	changed := m.hovered != ""
	m.hovered = ""
	m.mu.Unlock()
	if changed {
		m.Refresh()
		if m.OnHover != nil {
			m.OnHover("", fyne.Position{})
		}
	}
}

// Cursor is part of desktop.Cursorable.
func (m *MapView) Cursor() desktop.Cursor { return desktop.PointerCursor }

// Zoom returns the zoom factor relative to the whole region (1 to MaxZoom).
func (m *MapView) Zoom() float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.zoom
}

// ZoomAt multiplies the zoom by factor around the logical position pos,
// within 1…MaxZoom.
func (m *MapView) ZoomAt(pos fyne.Position, factor float64) {
	m.mu.Lock()
	v := m.currentView()
	z := math.Max(1, math.Min(MaxZoom, m.zoom*factor))
	nv := v.ZoomAt(float64(pos.X*m.scale), float64(pos.Y*m.scale), z/m.zoom)
	m.zoom, m.cx, m.cy, m.centred = z, nv.CX, nv.CY, true
	m.clamp()
	m.mu.Unlock()
	m.viewChanged()
}

// Pan moves the map by (dx, dy) logical pixels, within bounds: the centre of
// the view stays inside the whole region.
func (m *MapView) Pan(dx, dy float32) {
	m.mu.Lock()
	v := m.currentView().Pan(float64(dx*m.scale), float64(dy*m.scale))
	m.cx, m.cy, m.centred = v.CX, v.CY, true
	m.clamp()
	m.mu.Unlock()
	m.viewChanged()
}

// ViewState returns the zoom and the view's centre in projected units;
// centred is false when the view is centred on the region.
func (m *MapView) ViewState() (zoom, cx, cy float64, centred bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.zoom, m.cx, m.cy, m.centred
}

// SetViewState restores a ViewState; a NaN centre means the region's.
func (m *MapView) SetViewState(zoom, cx, cy float64) {
	m.mu.Lock()
	m.zoom = math.Max(1, math.Min(MaxZoom, zoom))
	m.cx, m.cy = cx, cy
	m.centred = !math.IsNaN(cx) && !math.IsNaN(cy)
	if m.centred {
		m.clamp()
	}
	m.mu.Unlock()
	m.viewChanged()
}

// CurrentView returns the zoom and centre as a View.
func (m *MapView) CurrentView() View {
	z, cx, cy, centred := m.ViewState()
	if !centred {
		cx, cy = 0, 0
	}
	return View{Zoom: z, CX: cx, CY: cy, Centred: centred}
}

// SetView shows v, kept within bounds, and calls OnViewChanged.
func (m *MapView) SetView(v View) {
	if !v.Centred {
		v.CX, v.CY = math.NaN(), math.NaN()
	}
	m.SetViewState(v.Zoom, v.CX, v.CY)
}

// ZoomBy zooms by factor around the map's centre.
func (m *MapView) ZoomBy(factor float64) {
	sz := m.Size()
	m.ZoomAt(fyne.NewPos(sz.Width/2, sz.Height/2), factor)
}

// ResetView returns to the whole region.
func (m *MapView) ResetView() {
	m.mu.Lock()
	m.zoom, m.centred = 1, false
	m.mu.Unlock()
	m.viewChanged()
}

// ZoomToCountry fits the view to the country iso (its parts near its
// largest), at most MaxZoom.
func (m *MapView) ZoomToCountry(iso string) {
	m.mu.Lock()
	base := m.baseView()
	b := geo.RegionBound(m.proj, []string{iso})
	if b.IsEmpty() || math.IsInf(b.Min[0], 0) {
		m.mu.Unlock()
		return
	}
	fit := geo.Fit(m.framing.Proj, b, base.W, base.H, 0.15*float64(min(base.W, base.H)))
	m.zoom = math.Max(1, math.Min(MaxZoom, fit.Scale/base.Scale))
	m.cx, m.cy, m.centred = fit.CX, fit.CY, true
	m.clamp()
	m.mu.Unlock()
	m.viewChanged()
}

func (m *MapView) viewChanged() {
	m.Refresh()
	if m.OnViewChanged != nil {
		m.OnViewChanged()
	}
	if m.pointerIn {
		m.hoverAt(m.pointer)
	}
}

// clamp keeps the view's centre inside the whole region's box, so the map
// cannot be lost off-screen. Callers hold mu.
func (m *MapView) clamp() {
	base := m.baseView()
	hw, hh := float64(base.W)/2/base.Scale, float64(base.H)/2/base.Scale
	m.cx = math.Max(base.CX-hw, math.Min(base.CX+hw, m.cx))
	m.cy = math.Max(base.CY-hh, math.Min(base.CY+hh, m.cy))
	if m.zoom == 1 && m.cx == base.CX && m.cy == base.CY {
		m.centred = false
	}
}

// CountryAt returns the country exactly under the logical position pos, or
// "" over the sea.
func (m *MapView) CountryAt(pos fyne.Position) string {
	return m.countryNear(pos, 0)
}

// CountryNear returns the country under pos, or within the click tolerance
// of it, or "".
func (m *MapView) CountryNear(pos fyne.Position) string {
	return m.countryNear(pos, clickTolerance)
}

func (m *MapView) countryNear(pos fyne.Position, tol float64) string {
	m.mu.Lock()
	v, s, r := m.currentView(), m.scale, m.renderer
	x, y := float64(pos.X*s), float64(pos.Y*s)
	// Over an inset, the inset's countries answer.
	if in, ok := m.insetAt(v, x, y); ok {
		v = in.View
		x, y = in.ToInset(x, y)
	}
	m.mu.Unlock()
	iso, _ := r.World().CountryNear(v, x, y, tol*float64(s))
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

// BoundsOf returns the logical box in which the country iso is drawn (its
// parts near its largest, as the framing counts them).
func (m *MapView) BoundsOf(iso string) (min, max fyne.Position, ok bool) {
	m.mu.Lock()
	v, s := m.currentView(), m.scale
	b := geo.RegionBound(m.proj, []string{iso})
	m.mu.Unlock()
	if b.IsEmpty() && b.Min == b.Max || math.IsInf(b.Min[0], 0) {
		return fyne.Position{}, fyne.Position{}, false
	}
	x0, y0 := v.FromProjected(b.Min[0], b.Max[1])
	x1, y1 := v.FromProjected(b.Max[0], b.Min[1])
	return fyne.NewPos(float32(x0)/s, float32(y0)/s), fyne.NewPos(float32(x1)/s, float32(y1)/s), true
}

// LonLatAt returns the lon/lat under the logical position pos.
func (m *MapView) LonLatAt(pos fyne.Position) (lon, lat float64, ok bool) {
	m.mu.Lock()
	v, s := m.currentView(), m.scale
	m.mu.Unlock()
	return v.LonLat(float64(pos.X*s), float64(pos.Y*s))
}

// View returns the current viewport, in device pixels.
func (m *MapView) View() geo.Viewport {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.currentView()
}

// deviceSize is the widget's size in device pixels. Callers hold mu.
func (m *MapView) deviceSize() (int, int) {
	sz := m.Size()
	w, h := int(sz.Width*m.scale+0.5), int(sz.Height*m.scale+0.5)
	return max(w, 1), max(h, 1)
}

// baseView is the whole-region view at the current size. Callers hold mu.
func (m *MapView) baseView() geo.Viewport {
	w, h := m.deviceSize()
	return geo.FitRegion(m.framing.Proj, m.region, w, h)
}

// currentView is the view at the current size, zoom and centre. Callers
// hold mu.
func (m *MapView) currentView() geo.Viewport {
	v := m.baseView()
	v.Scale *= m.zoom
	if m.centred {
		v.CX, v.CY = m.cx, m.cy
	}
	return v
}

// draw is the raster generator. w and h are device pixels.
func (m *MapView) draw(w, h int) image.Image {
	img, first, resized := m.drawLocked(w, h)
	m.eventsDrawn()
	// Not under mu: the hooks may ask the map for positions.
	if first && m.OnFirstFrame != nil {
		fyne.Do(m.OnFirstFrame)
	}
	if resized && m.OnResized != nil {
		fyne.Do(m.OnResized)
	}
	return img
}

// deviceScale returns the device pixels per logical pixel of a raster w
// pixels wide drawn over width logical pixels. The raster's width is the
// widget's times the canvas scale, rounded to whole pixels, so their ratio
// is off by up to half a pixel (874 pixels over 873.6 gave 1.0005, and an
// inset's 10-pixel margin became 11). A ratio within 1% of a multiple of
// 0.05 (Fyne's scales are multiples of 0.1) is taken to be that multiple.
func deviceScale(w int, width float32) float32 {
	s := float64(w) / float64(width)
	if r := math.Round(s*20) / 20; r > 0 && math.Abs(s-r) < 0.01*r {
		s = r
	}
	return float32(s)
}

func (m *MapView) drawLocked(w, h int) (img *image.RGBA, first, resized bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if sz := m.Size(); sz.Width > 0 {
		m.scale = deviceScale(w, sz.Width)
	}
	v := m.currentView()
	v.W, v.H = w, h // the raster's size is authoritative
	if m.img == nil || m.img.Rect.Dx() != w || m.img.Rect.Dy() != h {
		m.img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	st := m.style
	st.PixelScale = float64(m.scale)
	f := geo.Frame{View: v, Style: st, Paint: m.paint, Selected: m.selected, Hovered: m.hovered}
	m.renderer.Render(m.img, f)
	marks := m.drawEvents(m.img, v)
	// The inset goes over the markers and under the names, which keep
	// clear of it.
	m.drawInsets(m.img, f)
	for _, o := range m.overlays {
		o(m.img, f, marks)
	}
	if w > 1 && h > 1 {
		if !m.drawn {
			m.drawn, first = true, true
		} else if w != m.drawnW || h != m.drawnH {
			resized = true
		}
		m.drawnW, m.drawnH = w, h
	}
	return m.img, first, resized
}
