package export

import (
	"image"
	"image/color"
	"strings"

	"cstomap/eventmarks"
	"cstomap/events"
	"cstomap/geo"
	"cstomap/palette"
	"cstomap/timeline"
)

// symbol is one event sign's legend symbol, centred at X, Y, in a square
// of Size pixels.
type symbol struct {
	X, Y, Size float64
	Sign       eventmarks.Sign
}

// showsEvents reports whether o marks events: the map is shown and the
// markers are not left out.
func (o Options) showsEvents() bool { return !o.Hide.Events && !o.Hide.Map && o.Alliance != nil }

// yearEvents returns the events of o's alliance that belong to o's year
// (the rule of events.Event.Years), or nil when o shows no events.
func (o Options) yearEvents() []events.Event {
	if !o.showsEvents() {
		return nil
	}
	return events.Select(o.Events, events.Filter{Alliance: o.Alliance.ID, Year: o.Year, Today: o.Today})
}

// signsOver returns the signs of the events of o's alliance in any of the
// years, for an animation's legend; never nil.
func (o Options) signsOver(years []int) []eventmarks.Sign {
	seen := map[eventmarks.Sign]bool{}
	for _, y := range years {
		oy := o
		oy.Year = y
		for _, s := range oy.markerStyle(geo.Style{}).Signs(oy.yearEvents()) {
			seen[s] = true
		}
	}
	out := []eventmarks.Sign{}
	for _, k := range events.Kinds {
		for _, in := range []bool{false, true} {
			if s := (eventmarks.Sign{Kind: k, Outside: in}); seen[s] {
				out = append(out, s)
			}
		}
	}
	return out
}

// legendItem is one item of the legend: a status's swatch, or, when sign
// has a kind, an event sign's symbol. The first symbol starts a row of
// its own.
type legendItem struct {
	legendEntry
	sign eventmarks.Sign
}

// legendItems are the legend's statuses (legendEntries), then the event
// signs shown, named by eventmarks.Sign.Label.
func (o Options) legendItems() []legendItem {
	var out []legendItem
	for _, e := range o.legendEntries() {
		out = append(out, legendItem{legendEntry: e})
	}
	if !o.showsEvents() {
		return out
	}
	signs := o.eventSigns
	if signs == nil {
		signs = o.markerStyle(geo.Style{}).Signs(o.yearEvents())
	}
	for _, s := range signs {
		out = append(out, legendItem{legendEntry{label: s.Label()}, s})
	}
	return out
}

// markerStyle returns the marker style of o's palette, sized like the
// map's lines, telling apart the bases of countries that are not members
// of the alliance in o's year.
func (o Options) markerStyle(st geo.Style) eventmarks.Style {
	ms := eventmarks.Light
	if o.Dark {
		ms = eventmarks.Dark
	}
	if a := o.Alliance; a != nil {
		year, today := o.Year, o.Today
		ms.Member = func(iso string) bool {
			s, _ := a.StatusForYear(iso, year, today)
			return s == timeline.StatusCurrent || s == timeline.StatusThreatening
		}
	}
	return ms.Scaled(st.PixelScale)
}

// eventLayer places the year's markers in the map frame's viewport v.
func (o Options) eventLayer(v geo.Viewport, st geo.Style) eventmarks.Layer {
	return eventmarks.Place(v, o.yearEvents(), o.markerStyle(st))
}

// drawEvents draws the year's markers into the map frame sub (whose
// origin is the frame's corner), seen through v.
func (o Options) drawEvents(sub *image.RGBA, v geo.Viewport, st geo.Style) {
	if !o.showsEvents() {
		return
	}
	o.eventLayer(v, st).Draw(sub)
}

// legendSymbolStyle returns the marker style of the legend's symbols: as
// on the map, but never wider than the legend's squares.
func (o Options) legendSymbolStyle(s symbol, st geo.Style) eventmarks.Style {
	ms := o.markerStyle(st)
	if fit := s.Size * 0.6 / ms.Scaled(1).Outer(); fit < ms.PixelScale {
		ms = ms.Scaled(fit)
	}
	return ms
}

// drawSymbols draws the legend's event symbols.
func (o Options) drawSymbols(img *image.RGBA, l layout, st geo.Style) {
	var p eventmarks.Painter
	for _, s := range l.Symbols {
		p.Sign(img, s.Sign, s.X, s.Y, o.legendSymbolStyle(s, st))
	}
}

// eventRamps adds to a GIF palette (see gifPalette) the colours markers
// bring into an image of p: the kinds' fills, the stroke and the halo, and
// the ramps anti-aliasing makes between them and what lies under the halo
// (every fill of the map, the sea, the borders, the background).
func eventRamps(p palette.Palette, st geo.Style, add func(color.RGBA), ramp func(a, b color.RGBA, steps int)) {
	ms := eventmarks.Light
	if p.Name == palette.Dark.Name {
		ms = eventmarks.Dark
	}
	add(ms.Stroke)
	add(ms.Halo)
	for _, k := range events.Kinds {
		add(ms.FillOf(k))
	}
	ramp(ms.Stroke, ms.Halo, 5)
	for _, k := range events.Kinds {
		ramp(ms.FillOf(k), ms.Stroke, 3)
	}
	for _, under := range []color.RGBA{p.Land, p.Current, p.Departed, p.Threatening, p.Hatch, st.Sea, st.Border, p.Background} {
		ramp(ms.Halo, under, 3)
	}
}

// eventsGroup writes the year's markers as <g id="events">, one
// <g class="event"> per marker with its event's id, kind, dates and
// countries as data attributes and a <title>; each draws the halo, the
// stroke and the fill as three paths, after a leader line for a marker
// moved off its place. It follows the map's group, clipped to the frame
// as the map is. The layer's coordinates are the frame's; off is the
// frame's corner in the image.
func (s *svgWriter) eventsGroup(v geo.Viewport, st geo.Style, off image.Point) {
	o := s.o
	if !o.showsEvents() {
		return
	}
	l := o.eventLayer(v, st)
	ms := l.Style
	ox, oy := float64(off.X), float64(off.Y)
	s.printf(`<g id="events" clip-path="url(#map-frame)">` + "\n")
	for _, m := range l.Markers {
		e := m.Event
		s.printf(`<g class="event" data-id="%s" data-kind="%s" data-date="%s" data-end="%s" data-iso="%s"`,
			esc(e.ID), esc(string(e.Kind)), esc(e.Date.String()), esc(e.End.String()), esc(strings.Join(e.ISO, " ")))
		if m.Sign.Outside {
			s.printf(` data-outside="true"`)
		}
		s.printf(">")
		s.printf("<title>%s</title>", esc(eventmarks.Summary(e)))
		m.X, m.Y, m.PX, m.PY = m.X+ox, m.Y+oy, m.PX+ox, m.PY+oy
		if d := eventmarks.SVGLeader(m); d != "" {
			hw, sw, dh, dr := eventmarks.LeaderWidths(ms)
			s.printf(`<path d="%s" fill="none" stroke="%s" stroke-width="%s"/><path d="%s" fill="none" stroke="%s" stroke-width="%s"/>`,
				d, hex(ms.Halo), num(nil, hw), d, hex(ms.Stroke), num(nil, sw))
			s.printf(`<circle cx="%s" cy="%s" r="%s" fill="%s"/><circle cx="%s" cy="%s" r="%s" fill="%s"/>`,
				num(nil, m.PX), num(nil, m.PY), num(nil, dh), hex(ms.Halo), num(nil, m.PX), num(nil, m.PY), num(nil, dr), hex(ms.Stroke))
		}
		s.signPaths(m.Sign, m.X, m.Y, ms)
		s.printf("</g>\n")
	}
	s.printf("</g>\n")
}

// signPaths writes one sign's shapes: halo, stroke, fill (and core).
func (s *svgWriter) signPaths(sg eventmarks.Sign, x, y float64, ms eventmarks.Style) {
	for _, sh := range eventmarks.SVGShapes(sg, x, y, ms) {
		s.printf(`<path d="%s" fill="%s"/>`, sh.D, hex(sh.Fill))
	}
}

// legendSymbols writes the legend's event symbols as <g id="legend-events">.
func (s *svgWriter) legendSymbols(l layout, st geo.Style) {
	if len(l.Symbols) == 0 {
		return
	}
	s.printf(`<g id="legend-events">` + "\n")
	for _, sy := range l.Symbols {
		s.printf(`<g data-kind="%s"`, esc(string(sy.Sign.Kind)))
		if sy.Sign.Outside {
			s.printf(` data-outside="true"`)
		}
		s.printf(">")
		s.signPaths(sy.Sign, sy.X, sy.Y, s.o.legendSymbolStyle(sy, st))
		s.printf("</g>\n")
	}
	s.printf("</g>\n")
}
