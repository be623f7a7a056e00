package ui

// SelectEvent shows the event with the id in the panel and selects its
// country iso (its first), or, with id "", closes the event and keeps the
// country selected.
func (s *Store) SelectEvent(id, iso string) {
	s.Update(func(st *State) {
		st.Event = id
		if id != "" {
			st.Selected = iso
		}
	})
}

// SetEventsShown switches the event markers on or off.
func (s *Store) SetEventsShown(on bool) { s.Update(func(st *State) { st.HideEvents = !on }) }

// EventsShown reports whether the event markers are on.
func (s *Store) EventsShown() bool { return !s.state.HideEvents }
