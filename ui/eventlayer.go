package ui

import (
	"image"
	"math"

	"fyne.io/fyne/v2"

	"cstomap/eventmarks"
	"cstomap/events"
	"cstomap/geo"
)

// markerTolerance is how far, in logical pixels, a click or the pointer
// may land off a marker's symbol (on its halo) and still hit it. It is
// less than the halo, so the country right beside a marker can be clicked.
const markerTolerance = 0.75

// eventLayer is the map's event markers: the events of the year on show,
// placed (eventmarks.Place) and drawn over the countries on every frame,
// so they follow zooming and panning. The MapView's mu guards it.
type eventLayer struct {
	evs      []events.Event
	style    eventmarks.Style
	hidden   bool
	selected string // event ID
	hovered  string // event ID
	painter  eventmarks.Painter
	// placed is set when a frame put the markers somewhere new, until
	// the OnEventsPlaced hook has been called.
	placed bool
	sig    []float64
}

// EventMarker is a marker on show: its event and its centre in logical
// pixels of the map.
type EventMarker struct {
	Event *events.Event
	Pos   fyne.Position
}

// SetEvents sets the events to mark (those of the year on show) and
// redraws.
func (m *MapView) SetEvents(evs []events.Event) {
	m.mu.Lock()
	m.events.evs = evs
	m.mu.Unlock()
	m.Refresh()
}

// SetEventStyle sets the markers' style (light or dark) and redraws.
func (m *MapView) SetEventStyle(st eventmarks.Style) {
	m.mu.Lock()
	m.events.style = st
	m.mu.Unlock()
	m.Refresh()
}

// ShowEvents switches the markers on or off.
func (m *MapView) ShowEvents(on bool) {
	m.mu.Lock()
	changed := m.events.hidden == on
	m.events.hidden = !on
	m.mu.Unlock()
	if changed {
		m.Refresh()
	}
}

// SelectEvent rings the marker of the event with the id ("" for none).
func (m *MapView) SelectEvent(id string) {
	m.mu.Lock()
	changed := m.events.selected != id
	m.events.selected = id
	m.mu.Unlock()
	if changed {
		m.Refresh()
	}
}

// EventAt returns the event whose marker is under the logical position
// pos (within markerTolerance), or nil. Like the other questions about
// markers, it places them for the current view, as the next frame draws
// them.
func (m *MapView) EventAt(pos fyne.Position) *events.Event {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.events.hidden {
		return nil
	}
	s := float64(m.scale)
	l := m.eventLayer(m.currentView())
	i, ok := l.At(float64(pos.X)*s, float64(pos.Y)*s, markerTolerance*s)
	if !ok {
		return nil
	}
	return l.Markers[i].Event
}

// EventMarkers returns the markers on show, in drawing order.
func (m *MapView) EventMarkers() []EventMarker {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.events.hidden {
		return nil
	}
	s := m.scale
	l := m.eventLayer(m.currentView())
	out := make([]EventMarker, len(l.Markers))
	for i, mk := range l.Markers {
		out[i] = EventMarker{Event: mk.Event, Pos: fyne.NewPos(float32(mk.X)/s, float32(mk.Y)/s)}
	}
	return out
}

// EventBoxes returns the rectangles the markers cover, in device pixels of
// the map's raster, so that labels can be placed clear of them.
func (m *MapView) EventBoxes() []image.Rectangle {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.events.hidden {
		return nil
	}
	return m.eventLayer(m.currentView()).Boxes()
}

// eventLayer places the markers in v, as they are drawn. Callers hold mu.
func (m *MapView) eventLayer(v geo.Viewport) eventmarks.Layer {
	el := &m.events
	if el.hidden || len(el.evs) == 0 {
		return eventmarks.Layer{}
	}
	st := el.style
	if st.Fill == nil {
		st = eventmarks.Light
	}
	l := eventmarks.Place(v, el.evs, st.Scaled(float64(m.scale)))
	l.Selected = el.selected
	return l
}

// drawEvents places the markers in v and draws them into img, and returns
// the boxes they cover (device pixels), which the names keep clear of.
// Callers hold mu.
func (m *MapView) drawEvents(img *image.RGBA, v geo.Viewport) []image.Rectangle {
	el := &m.events
	l := m.eventLayer(v)
	el.painter.Draw(img, l)
	var sig []float64
	for _, mk := range l.Markers {
		sig = append(sig, mk.X, mk.Y, float64(len(mk.Event.ID)))
	}
	if !floatsEqual(sig, el.sig) {
		el.sig, el.placed = sig, true
	}
	return l.Boxes()
}

// eventsDrawn calls OnEventsPlaced, through fyne.Do, after a frame that put
// the markers somewhere new. It is not called under mu.
func (m *MapView) eventsDrawn() {
	m.mu.Lock()
	placed := m.events.placed
	m.events.placed = false
	m.mu.Unlock()
	if placed && m.OnEventsPlaced != nil {
		fyne.Do(m.OnEventsPlaced)
	}
}

// hoverEvent reports a marker under the pointer, or leaving one, to
// OnEventHover.
func (m *MapView) hoverEvent(pos fyne.Position, out bool) {
	var e *events.Event
	if !out {
		e = m.EventAt(pos)
	}
	id := ""
	if e != nil {
		id = e.ID
	}
	m.mu.Lock()
	changed := id != m.events.hovered
	m.events.hovered = id
	m.mu.Unlock()
	if changed && m.OnEventHover != nil {
		m.OnEventHover(e, pos)
	}
}

// tapEvent sends a tap on a marker to OnEventTapped and reports whether
// there was one.
func (m *MapView) tapEvent(pos fyne.Position) bool {
	e := m.EventAt(pos)
	if e == nil || m.OnEventTapped == nil {
		return false
	}
	m.OnEventTapped(e)
	return true
}

func floatsEqual(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 0.01 {
			return false
		}
	}
	return true
}

// HoveredEvent returns the ID of the event whose marker is under the
// pointer, or "".
func (m *MapView) HoveredEvent() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.events.hovered
}
