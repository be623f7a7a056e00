package ui

import (
	"time"

	"cstomap/palette"
	"cstomap/timeline"
)

// State is what the window shows: the alliance, the year, the selected
// country, the theme and the map's view. It is a plain value, so a change
// is a new State and what changed is a comparison of two.
type State struct {
	// Alliance is the alliance shown; never nil in a Store.
	Alliance *timeline.Alliance
	// Year is the year shown, always within the alliance's range.
	Year int
	// Selected is the ISO code of the selected country, or "".
	Selected string
	// Theme is ThemeSystem, ThemeLight or ThemeDark.
	Theme string
	// View is the map's zoom and centre.
	View View
	// Event is the ID of the event whose marker was clicked, shown in the
	// side panel, or "".
	Event string
	// HideEvents switches the event markers off (View › Events).
	HideEvents bool
}

// View is the map's zoom (1 is the whole region, up to MaxZoom) and its
// centre in projected units. Centred false means the region's own centre,
// and CX and CY are then ignored.
type View struct {
	Zoom    float64
	CX, CY  float64
	Centred bool
}

// defaultView is the whole region.
var defaultView = View{Zoom: 1}

// Store holds the window's State and is the one place it changes. Every
// change is told to each listener, in the order they were added, as the
// old and the new State. A listener may change the state again; the
// listeners then hear of that change after the current round, so each
// listener sees the changes in order and none is told twice.
type Store struct {
	state     State
	told      State // the last state the listeners were told of
	telling   bool  // a round of listeners is running
	listeners []func(old, cur State)
	alliances []*timeline.Alliance
	today     func() time.Time
	statuses  palette.Statuses
	// territories lets a territory take its sovereign's status.
	territories timeline.Territories
}

// NewStore returns a store showing the first alliance in its last year (the
// one in force today) with nothing selected. Each territory of territories
// (territory → sovereign; may be nil) takes its sovereign's status on the
// map. It panics when alliances is empty; ui.New checks that first.
func NewStore(alliances []*timeline.Alliance, territories timeline.Territories, today func() time.Time) *Store {
	if today == nil {
		today = time.Now
	}
	s := &Store{alliances: alliances, today: today, territories: territories}
	al := alliances[0]
	_, last := al.YearRange(today())
	s.state = State{Alliance: al, Year: last, Theme: ThemeSystem, View: defaultView}
	s.statuses = palette.ForYear(al, territories, last, today())
	s.told = s.state
	return s
}

// Listen adds a listener of changes and calls it at once with the zero
// State as old, so that it starts in step with the store.
func (s *Store) Listen(f func(old, cur State)) {
	s.listeners = append(s.listeners, f)
	f(State{}, s.state)
}

// Update applies change to the state, keeps the result consistent (the
// year within the alliance's range, the view reset when the alliance
// changes) and tells the listeners if anything changed.
func (s *Store) Update(change func(*State)) {
	prev := s.state
	change(&s.state)
	st := &s.state
	if st.Alliance == nil {
		st.Alliance = prev.Alliance
	}
	first, last := st.Alliance.YearRange(s.today())
	if st.Alliance != prev.Alliance {
		if st.Year == prev.Year && (st.Year < first || st.Year > last) {
			st.Year = last // the new alliance does not cover the year: its last
		}
		if st.View == prev.View {
			st.View = defaultView // a new framing starts whole
		}
		if st.Event == prev.Event {
			st.Event = "" // events belong to one alliance
		}
	}
	st.Year = max(first, min(last, st.Year))
	if st.Alliance != prev.Alliance || st.Year != prev.Year {
		s.statuses = palette.ForYear(st.Alliance, s.territories, st.Year, s.today())
	}
	s.tell()
}

// tell runs rounds of listeners until they have heard of the current state.
func (s *Store) tell() {
	if s.telling {
		return // the running round will see the change
	}
	s.telling = true
	defer func() { s.telling = false }()
	for s.state != s.told {
		old, cur := s.told, s.state
		s.told = cur
		for _, f := range s.listeners {
			f(old, cur)
		}
	}
}

// State returns the current state.
func (s *Store) State() State { return s.state }

// Alliance returns the alliance shown.
func (s *Store) Alliance() *timeline.Alliance { return s.state.Alliance }

// Year returns the year shown.
func (s *Store) Year() int { return s.state.Year }

// Selected returns the selected country, or "".
func (s *Store) Selected() string { return s.state.Selected }

// Statuses returns the status of every country in the year shown.
func (s *Store) Statuses() palette.Statuses { return s.statuses }

// Today returns the clock reading; the last year of an alliance is the
// one in force today.
func (s *Store) Today() time.Time { return s.today() }

// YearRange returns the first and last year of the alliance shown.
func (s *Store) YearRange() (first, last int) { return s.state.Alliance.YearRange(s.today()) }

// Alliances returns every alliance on offer, the default first.
func (s *Store) Alliances() []*timeline.Alliance { return s.alliances }

// FindAlliance returns the alliance with the id, or nil.
func (s *Store) FindAlliance(id string) *timeline.Alliance {
	for _, al := range s.alliances {
		if al.ID == id {
			return al
		}
	}
	return nil
}

// SetAlliance shows the alliance with the id, keeping the year when the
// alliance covers it and otherwise moving to its last year. It reports
// false, changing nothing, for an unknown id.
func (s *Store) SetAlliance(id string) bool {
	al := s.FindAlliance(id)
	if al == nil {
		return false
	}
	s.Update(func(st *State) { st.Alliance = al })
	return true
}

// SetYear shows year, clamped to the alliance's range.
func (s *Store) SetYear(year int) { s.Update(func(st *State) { st.Year = year }) }

// StepYear moves the year by delta, within the range.
func (s *Store) StepYear(delta int) { s.SetYear(s.state.Year + delta) }

// Select selects the country iso, or none for "", and closes an event
// shown in the panel.
func (s *Store) Select(iso string) { s.Update(func(st *State) { st.Selected, st.Event = iso, "" }) }

// SetTheme switches to ThemeLight, ThemeDark or, for any other name,
// ThemeSystem.
func (s *Store) SetTheme(name string) {
	if name != ThemeLight && name != ThemeDark {
		name = ThemeSystem
	}
	s.Update(func(st *State) { st.Theme = name })
}

// SetView records the map's view.
func (s *Store) SetView(v View) { s.Update(func(st *State) { st.View = v }) }

// NextCountry returns the country after (dir > 0) or before the selected
// one in the alliance's list, wrapping round; with none selected, the first
// or the last. It returns "" for an alliance without countries.
func (s *Store) NextCountry(dir int) string {
	cs := s.state.Alliance.Countries
	if len(cs) == 0 {
		return ""
	}
	i := -1
	for j, c := range cs {
		if c.ISO == s.state.Selected {
			i = j
		}
	}
	switch {
	case i < 0 && dir > 0:
		i = 0
	case i < 0:
		i = len(cs) - 1
	default:
		i = (i + dir + len(cs)) % len(cs)
	}
	return cs[i].ISO
}
