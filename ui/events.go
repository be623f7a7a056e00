package ui

import (
	"fyne.io/fyne/v2"

	"cstomap/eventmarks"
	"cstomap/events"
	"cstomap/palette"
	"cstomap/timeline"
)

// bindEvents wires the event markers, their tooltip, their selection and
// the panel's event lists to the store.
func (a *App) bindEvents() {
	s := a.Store
	a.Map.OnEventHover = func(e *events.Event, pos fyne.Position) {
		if e == nil {
			a.logf("hover-event -")
			if h := a.Map.Hovered(); h != "" {
				a.Tooltip.ShowText(hoverText(s, a.World, h))
				a.Tooltip.Follow(pos, a.Map.Size())
			} else {
				a.Tooltip.Hide()
			}
			return
		}
		a.logf("hover-event %s", e.ID)
		a.Tooltip.ShowText(eventmarks.Summary(e))
		a.Tooltip.Follow(pos, a.Map.Size())
	}
	a.Map.OnEventTapped = func(e *events.Event) {
		s.SelectEvent(e.ID, firstISO(e))
		a.focusMap()
	}
	a.Map.OnEventsPlaced = a.logEventPositions
	a.Panel.OnEvent = a.showEvent
	a.Panel.OnEventClosed = func() { s.SelectEvent("", s.Selected()) }
}

// firstISO is the country an event is shown with: its first.
func firstISO(e *events.Event) string {
	if len(e.ISO) == 0 {
		return ""
	}
	return e.ISO[0]
}

// yearEvents returns the events of the alliance on show that belong to
// the year on show (the rule of events.Event.Years).
func (a *App) yearEvents(st State) []events.Event {
	return events.Select(a.opts.Events, events.Filter{Alliance: st.Alliance.ID, Year: st.Year, Today: a.Store.Today()})
}

// findEvent returns the event with the id, or nil.
func (a *App) findEvent(id string) *events.Event {
	for i := range a.opts.Events {
		if a.opts.Events[i].ID == id {
			return &a.opts.Events[i]
		}
	}
	return nil
}

// showEvent shows the event with the id: it moves to a year the event
// belongs to when the year on show is not one, so that its marker is on
// the map, and selects it.
func (a *App) showEvent(id string) {
	e := a.findEvent(id)
	if e == nil {
		return
	}
	s := a.Store
	if y := s.Year(); !e.InYear(y, s.Today()) {
		first, last := e.Years(s.Today())
		s.SetYear(max(first, min(last, y)))
	}
	s.SelectEvent(e.ID, firstISO(e))
	a.Map.ShowEvents(true)
	a.focusMap()
}

// eventsChanged is the part of the store's listener for the events: it
// gives the map the year's events, switches the layer, rings the selected
// marker and logs.
func (a *App) eventsChanged(old, cur State) {
	newYear := cur.Alliance != old.Alliance || cur.Year != old.Year
	if newYear {
		a.Map.SetEventStyle(a.markerStyle()) // who is a member changes
		a.Map.SetEvents(a.yearEvents(cur))
		if cur.Event != "" {
			if e := a.findEvent(cur.Event); e == nil || !e.InYear(cur.Year, a.Store.Today()) {
				a.Store.SelectEvent("", cur.Selected) // its marker is gone
			}
		}
	}
	if cur.HideEvents != old.HideEvents || old.Alliance == nil {
		a.Map.ShowEvents(!cur.HideEvents)
		if a.eventsItem != nil && a.eventsItem.Checked == cur.HideEvents {
			a.eventsItem.Checked = !cur.HideEvents
			if mm := a.window.MainMenu(); mm != nil {
				mm.Refresh()
			}
		}
		if old.Alliance != nil {
			a.logf("events %s", map[bool]string{true: "off", false: "on"}[cur.HideEvents])
		}
	}
	if newYear || cur.HideEvents != old.HideEvents {
		a.updateEventLegend() // and applyPalette on a new theme
	}
	if cur.Event != old.Event {
		a.Map.SelectEvent(cur.Event)
		a.logf("event %s", orDash(cur.Event))
		if id := a.Panel.EventID(); id != "" {
			a.logf("panel event %s: %s", id, a.Panel.Title())
		}
	}
}

// logEventPositions logs where each marker is drawn, as "event ID X Y" in
// the window's logical pixels, when --where asked for positions, so that a
// test can click a marker.
func (a *App) logEventPositions() {
	if len(a.opts.Where) == 0 {
		return
	}
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(a.Map)
	for _, m := range a.Map.EventMarkers() {
		p := origin.Add(m.Pos)
		a.logf("event %s %.0f %.0f", m.Event.ID, p.X, p.Y)
	}
}

// markerStyle is the marker style of the palette in use, telling apart
// the bases of countries that are not members in the year on show.
func (a *App) markerStyle() eventmarks.Style {
	st := eventmarks.Light
	if a.pal.Name == palette.Dark.Name {
		st = eventmarks.Dark
	}
	al, year, today := a.Store.Alliance(), a.Store.Year(), a.Store.Today()
	st.Member = func(iso string) bool {
		s, _ := al.StatusForYear(iso, year, today)
		return s == timeline.StatusCurrent || s == timeline.StatusThreatening
	}
	return st
}
