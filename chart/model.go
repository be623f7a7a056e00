// Package chart draws the membership chart: one row per country that ever
// had a status in an alliance, with bars over the years coloured by status
// (threatening hatched, as on the map), ticks for the dated events on the
// rows, a line at the year on show and a year axis. It builds the chart
// from a timeline.Alliance and the events (New), lays it out for a pixel
// rectangle (Model.Layout), draws it into an *image.RGBA (Layout.Draw),
// writes it as SVG (Layout.WriteSVG) and says what lies under a point
// (Layout.Hit). It is pure Go, like geo and export: the window
// (ui.ChartView) and the exports share it.
package chart

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"cstomap/eventmarks"
	"cstomap/events"
	"cstomap/timeline"
)

// Span is a run of one status of one country, from the day the status
// began up to the day the next status began.
type Span struct {
	Status timeline.Status
	// From is the day the status took effect (an event's date, midnight
	// UTC).
	From time.Time
	// To is the day the next status took effect, which ends this span
	// (exclusive); the zero time for an open span, still in force.
	To time.Time
}

// Open reports whether the span is still in force (has no end).
func (s Span) Open() bool { return s.To.IsZero() }

// Contains reports whether the status of the span is in force at the end
// of day d (a midnight-UTC date): From ≤ d and, unless open, d < To.
func (s Span) Contains(d time.Time) bool {
	return !d.Before(s.From) && (s.Open() || d.Before(s.To))
}

// Tick is one event on one row.
type Tick struct {
	// Event is the event; its Kind chooses the tick's shape.
	Event *events.Event
	// From is the first day the event's date may mean.
	From time.Time
	// To is the last day of a lasting event or one with an end
	// (inclusive), today for an open one, and From for a one-day event.
	To time.Time
	// Lane is the event's line below the bar, counted from 0, for events
	// that last; events of a row that overlap in time get different lanes.
	Lane int
	// Sign is how the event is drawn: the map marker's shape and colour
	// of its kind, hollow for a base operated by a country that never was
	// a member (the US bases in CSTO states), as on the map.
	Sign eventmarks.Sign
}

// Lasting reports whether the tick's event is of a kind that lasts (a
// base, a deployment): it is drawn as a line over its days below the bar,
// with its symbol at the start. Other events are a symbol on the bar at
// their first day.
func (t Tick) Lasting() bool { return t.Event.Kind.Lasting() }

// Row is one country of the chart.
type Row struct {
	ISO  string
	Name string
	// Spans are in date order and never overlap; a country has no status
	// before its first span and between none (a status, once had, is
	// only ever replaced by another).
	Spans []Span
	// Ticks are the country's events, in date order.
	Ticks []Tick
}

// SpanOn returns the span in force at the end of day d, or false before
// the first.
func (r *Row) SpanOn(d time.Time) (Span, bool) {
	for _, s := range r.Spans {
		if s.Contains(d) {
			return s, true
		}
	}
	return Span{}, false
}

// Model is the chart's content: its rows and its years.
type Model struct {
	Alliance *timeline.Alliance
	// First and Last are the years of the axis: the alliance's YearRange.
	First, Last int
	// Today ends the open spans and decides the status of the current
	// year, as on the map.
	Today time.Time
	Rows  []Row
	// Statuses are the statuses some span has, and Signs the signs of
	// the events that have a tick, in the key's order: the key lists only
	// these.
	Statuses []timeline.Status
	Signs    []eventmarks.Sign
}

// New builds the chart of alliance a: one row per country of its file
// that ever had a status, ordered by the day of its first status (then by
// name), named by names (the map's names; nil uses the ISO codes), with
// ticks for the events of evs that belong to a and concern a row's
// country. The years run from the alliance's first year to its last
// (today's year for an open alliance). today is the injected clock's day.
func New(a *timeline.Alliance, evs []events.Event, names func(iso string) string, today time.Time) *Model {
	first, last := a.YearRange(today)
	m := &Model{Alliance: a, First: first, Last: last, Today: dateOf(today)}
	idx := map[string]int{}
	for i := range a.Countries {
		c := &a.Countries[i]
		spans := spansOf(c)
		if len(spans) == 0 {
			continue
		}
		name := c.ISO
		if names != nil {
			name = names(c.ISO)
		}
		m.Rows = append(m.Rows, Row{ISO: c.ISO, Name: name, Spans: spans})
	}
	slices.SortStableFunc(m.Rows, func(x, y Row) int {
		if c := x.Spans[0].From.Compare(y.Spans[0].From); c != 0 {
			return c
		}
		return strings.Compare(x.Name, y.Name)
	})
	for i, r := range m.Rows {
		idx[r.ISO] = i
	}
	// A base is "outside" when its operator never had a status in the
	// alliance, whatever the year: a row spans them all.
	member := func(iso string) bool { _, ok := idx[iso]; return ok }
	ms := eventmarks.Style{Member: member}
	var ticked []events.Event
	for i := range evs {
		e := &evs[i]
		if !strings.EqualFold(e.Alliance, a.ID) {
			continue
		}
		from, to := e.Date.First(), e.Date.First()
		switch {
		case !e.End.IsZero():
			to = e.End.Last()
		case e.Kind.Lasting():
			to = m.Today
		}
		if from.Year() > last || to.Year() < first {
			continue
		}
		for _, iso := range e.ISO {
			if ri, ok := idx[iso]; ok {
				m.Rows[ri].Ticks = append(m.Rows[ri].Ticks, Tick{Event: e, From: from, To: to, Sign: ms.SignOf(e)})
				ticked = append(ticked, *e)
			}
		}
	}
	seen := map[timeline.Status]bool{}
	for i := range m.Rows {
		assignLanes(m.Rows[i].Ticks)
		for _, s := range m.Rows[i].Spans {
			seen[s.Status] = true
		}
	}
	for _, s := range []timeline.Status{timeline.StatusCurrent, timeline.StatusThreatening, timeline.StatusDeparted} {
		if seen[s] {
			m.Statuses = append(m.Statuses, s)
		}
	}
	m.Signs = ms.Signs(ticked)
	return m
}

// spansOf returns the country's status runs, by the rule of
// timeline.Country.StatusOn: notes and repeats of the same status do not
// start a new run.
func spansOf(c *timeline.Country) []Span {
	if c.Never {
		return nil
	}
	var out []Span
	cur := timeline.StatusNone
	for _, e := range c.Events {
		if e.Status == timeline.StatusNone || e.Status == cur {
			continue
		}
		if n := len(out); n > 0 {
			out[n-1].To = e.Date
		}
		out = append(out, Span{Status: e.Status, From: e.Date})
		cur = e.Status
	}
	return out
}

// assignLanes sorts the ticks by date and gives each lasting one the
// lowest lane free over its days.
func assignLanes(ts []Tick) {
	slices.SortStableFunc(ts, func(a, b Tick) int {
		if c := a.From.Compare(b.From); c != 0 {
			return c
		}
		return cmp.Compare(a.Event.ID, b.Event.ID)
	})
	var ends []time.Time // per lane, the last day taken
	for i := range ts {
		if !ts[i].Lasting() {
			continue
		}
		lane := 0
		for lane < len(ends) && !ends[lane].Before(ts[i].From) {
			lane++
		}
		if lane == len(ends) {
			ends = append(ends, time.Time{})
		}
		ends[lane] = ts[i].To
		ts[i].Lane = lane
	}
}

// Row returns the row of iso, or nil.
func (m *Model) Row(iso string) *Row {
	for i := range m.Rows {
		if m.Rows[i].ISO == iso {
			return &m.Rows[i]
		}
	}
	return nil
}

// DayFor returns the day whose status stands for year, the map's rule:
// today in today's year, otherwise 31 December.
func (m *Model) DayFor(year int) time.Time {
	if year == m.Today.Year() {
		return m.Today
	}
	return time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC)
}

// StatusInYear returns the status the chart shows for the row's country in
// year (the span in force on DayFor(year)), and the span.
func (m *Model) StatusInYear(r *Row, year int) (timeline.Status, Span) {
	s, ok := r.SpanOn(m.DayFor(year))
	if !ok {
		return timeline.StatusNone, Span{}
	}
	return s.Status, s
}

// dateOf returns t's calendar date at midnight UTC.
func dateOf(t time.Time) time.Time {
	y, mo, d := t.Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
}
