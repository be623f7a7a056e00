// Package timeline holds alliance membership over time: which countries were
// members of an alliance (the CSTO, NATO, …) on a given day or in a given
// year, loaded from one JSON file per alliance (see Parse for the schema).
//
// The status rule: the status shown for year Y is the one in force at the end
// of 31 December of Y; for the current year (the year of the caller's today)
// it is the one in force at the end of today. A country has no status
// (StatusNone) before its first status event, and a never-member never has
// one. Dates are calendar days: an event takes effect on its own date.
//
// The package is pure Go: no UI, no clock. Callers pass today explicitly.
// An *Alliance is read-only after Parse and safe for concurrent use.
package timeline

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Status is a country's standing in an alliance after an event. The zero
// value, StatusNone, means "no status": not (yet) a member, or, on an event,
// a note that leaves the status unchanged.
type Status string

// The statuses a country can have. Any other value is rejected by Parse.
const (
	// StatusNone is no status: before the first status event, for
	// never-members, and on events that are only notes.
	StatusNone Status = ""
	// StatusCurrent is a member (for the CST, from signature on).
	StatusCurrent Status = "current"
	// StatusDeparted is a former member: left, or membership suspended
	// for good.
	StatusDeparted Status = "departed"
	// StatusThreatening is a member threatening to leave, or whose
	// participation is frozen or suspended, without a formal exit.
	StatusThreatening Status = "threatening"
)

// valid reports whether s is one of the four statuses above.
func (s Status) valid() bool {
	switch s {
	case StatusNone, StatusCurrent, StatusDeparted, StatusThreatening:
		return true
	}
	return false
}

// Event is one dated fact about a country or, in Alliance.Notes, about the
// alliance as a whole.
type Event struct {
	// Date is the calendar day of the event, at midnight UTC. The event is
	// in force from the start of that day.
	Date time.Time
	// Status is the country's status after the event; StatusNone means the
	// event is a note and the status does not change. Alliance-level notes
	// always have StatusNone.
	Status Status
	// Note is a one-line description of the event.
	Note string
	// Sources holds one or more http(s) URLs backing the event.
	Sources []string
	// Confidence is "high", "medium", "low" or "" (not stated), as recorded
	// in the fact-check the data came from.
	Confidence string
}

// Country is one country's history in one alliance.
type Country struct {
	// ISO is the ISO 3166-1 alpha-3 code as used by the map outlines
	// (Natural Earth ISO_A3_EH, e.g. "KOS" for Kosovo).
	ISO string
	// Never marks a country that never joined; it has no events and never
	// has a status.
	Never bool
	// Note is an optional country-level remark; required for never-members.
	Note string
	// Sources back Note; required (at least one) whenever Note is set.
	Sources []string
	// Events are in date order (ties keep file order). For a member they
	// are never empty.
	Events []Event
}

// Alliance is one alliance's membership timeline, as loaded from one file.
type Alliance struct {
	// ID is the short lower-case key, e.g. "csto"; unique among loaded
	// alliances, and the key Merge replaces by.
	ID string
	// Name is the full name, e.g. "Collective Security Treaty Organization".
	Name string
	// ShortName is the abbreviation, e.g. "CSTO"; Parse defaults it to the
	// upper-cased ID.
	ShortName string
	// Founding is a free-text note on how the alliance was founded; may be
	// empty.
	Founding string
	// FirstYear is the first year the map may show.
	FirstYear int
	// LastYear is the last year the map may show; 0 means "up to the
	// current year" (see YearRange).
	LastYear int
	// Notes are alliance-level dated notes (no country, no status change),
	// in date order.
	Notes []Event
	// Countries are sorted by ISO, with no duplicates.
	Countries []Country
	// File is the file name the alliance was parsed from, as given to Parse.
	File string
	// Map is how the map frames the alliance by default, or nil for the
	// app's default (Eurasia).
	Map *MapView
	// Names are the alliance's names over time, in date order; empty when
	// the file gives none (then Name and ShortName hold throughout). Use
	// NameOn, NameInYear and Latest rather than reading it.
	Names []Name
}

// Entry is one country's status in a year, as returned by Statuses.
type Entry struct {
	// ISO is the country's ISO3 code.
	ISO string
	// Status is never StatusNone in entries returned by Statuses.
	Status Status
	// Since is the date of the event that started the current run of
	// Status; a later event repeating the same status does not move it.
	Since time.Time
}

// dateOf returns t's calendar date (in t's own location) at midnight UTC,
// the form in which event dates are stored.
func dateOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// StatusOn returns the country's status in force at the end of day (its
// calendar date in its own location, so events dated that day count) and the
// date that status began. It returns StatusNone and the zero time before the
// first status event and for never-members. Notes (events with StatusNone)
// and repeats of the same status do not change either result.
func (c *Country) StatusOn(day time.Time) (Status, time.Time) {
	return c.statusOn(dateOf(day))
}

// statusOn is StatusOn for d already normalised by dateOf.
func (c *Country) statusOn(d time.Time) (Status, time.Time) {
	status, since := StatusNone, time.Time{}
	if c.Never {
		return status, since
	}
	for i := range c.Events {
		e := &c.Events[i]
		if e.Date.After(d) {
			break
		}
		if e.Status != StatusNone && e.Status != status {
			status, since = e.Status, e.Date
		}
	}
	return status, since
}

// Country returns the country with the given ISO3 code and true, or nil and
// false if the alliance's file does not list it. Never-members are listed.
// The pointer is to the alliance's own data: do not modify it.
func (a *Alliance) Country(iso string) (*Country, bool) {
	i, ok := slices.BinarySearchFunc(a.Countries, iso, func(c Country, iso string) int {
		return strings.Compare(c.ISO, iso)
	})
	if !ok {
		return nil, false
	}
	return &a.Countries[i], true
}

// StatusOn returns the status of country iso in force at the end of day and
// the date that status began (see Country.StatusOn). A country the alliance
// does not list has StatusNone and the zero time.
func (a *Alliance) StatusOn(iso string, day time.Time) (Status, time.Time) {
	c, ok := a.Country(iso)
	if !ok {
		return StatusNone, time.Time{}
	}
	return c.StatusOn(day)
}

// dayFor returns the day whose status stands for year: today if year is
// today's year (in today's location), otherwise 31 December of year. Years
// after today's year are not special-cased: they use 31 December too.
func dayFor(year int, today time.Time) time.Time {
	if year == today.Year() {
		return dateOf(today)
	}
	return time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC)
}

// StatusForYear returns the status of country iso shown for year, and the
// date it began: the status in force on 31 December of year, or, when year
// is today's year, the status in force today. It does not check year
// against YearRange; use CheckYear for that.
func (a *Alliance) StatusForYear(iso string, year int, today time.Time) (Status, time.Time) {
	return a.StatusOn(iso, dayFor(year, today))
}

// Statuses returns every country that has a status in year (under the rule
// of StatusForYear), sorted by ISO. Countries with StatusNone, including
// never-members and countries that have not joined yet, are left out. It
// returns an empty, non-nil slice if no country has a status.
func (a *Alliance) Statuses(year int, today time.Time) []Entry {
	d := dayFor(year, today)
	out := make([]Entry, 0, len(a.Countries))
	for i := range a.Countries {
		if s, since := a.Countries[i].statusOn(d); s != StatusNone {
			out = append(out, Entry{ISO: a.Countries[i].ISO, Status: s, Since: since})
		}
	}
	return out
}

// Counts returns how many countries have each status in year (under the rule
// of StatusForYear). The map always has the keys StatusCurrent,
// StatusThreatening and StatusDeparted, with 0 where no country has that
// status, and never the key StatusNone. Threatening members are counted
// only as StatusThreatening, not also as StatusCurrent.
func (a *Alliance) Counts(year int, today time.Time) map[Status]int {
	n := map[Status]int{StatusCurrent: 0, StatusThreatening: 0, StatusDeparted: 0}
	d := dayFor(year, today)
	for i := range a.Countries {
		if s, _ := a.Countries[i].statusOn(d); s != StatusNone {
			n[s]++
		}
	}
	return n
}

// YearRange returns the years the map may show: FirstYear to LastYear, or
// to today's year when LastYear is 0. last is never before first (if today
// is before FirstYear, both are FirstYear).
func (a *Alliance) YearRange(today time.Time) (first, last int) {
	first, last = a.FirstYear, a.LastYear
	if last == 0 {
		last = today.Year()
	}
	return first, max(first, last)
}

// CheckYear returns nil if year is within YearRange(today), or an error
// wrapping ErrOutOfRange that names the alliance and its range, e.g.
// "timeline: year out of range: 1980 (CSTO covers 1992-2026)". Both ends
// of the range are valid years.
func (a *Alliance) CheckYear(year int, today time.Time) error {
	first, last := a.YearRange(today)
	if year < first || year > last {
		return fmt.Errorf("%w: %d (%s covers %d-%d)", ErrOutOfRange, year, a.ShortName, first, last)
	}
	return nil
}

// ChangeYears returns, sorted and without repeats, the years in which some
// country's status changed (including a first join), for "previous/next
// change" buttons. Notes and repeats of the same status are not changes.
// It is computed on each call.
func (a *Alliance) ChangeYears() []int {
	var years []int
	for i := range a.Countries {
		c := &a.Countries[i]
		status := StatusNone
		for _, e := range c.Events {
			if e.Status != StatusNone && e.Status != status {
				status = e.Status
				years = append(years, e.Date.Year())
			}
		}
	}
	return sortedUnique(years)
}

// EventYears returns, sorted and without repeats, the years that have any
// event, country events and alliance notes alike (ticks on a year slider).
// It is computed on each call.
func (a *Alliance) EventYears() []int {
	var years []int
	for _, e := range a.Notes {
		years = append(years, e.Date.Year())
	}
	for i := range a.Countries {
		for _, e := range a.Countries[i].Events {
			years = append(years, e.Date.Year())
		}
	}
	return sortedUnique(years)
}

func sortedUnique(s []int) []int {
	slices.Sort(s)
	s = slices.Compact(s)
	if s == nil {
		s = []int{}
	}
	return s
}

// MapView is an alliance's default map framing: an Albers projection centred
// on CenterLon with standard parallels Parallels, fitted to the countries in
// Fit. It is presentation, not fact, but lives with the alliance so that a
// new alliance file can frame itself.
type MapView struct {
	CenterLon float64
	Parallels [2]float64
	Fit       []string
}
