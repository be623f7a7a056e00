package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"cstomap/geo"
	"cstomap/palette"
	"cstomap/timeline"
)

// bind wires the widgets to the store both ways: what the user does with a
// widget changes the store, and every change of the store reaches the
// widgets that show it, through the store's one fan-out. A widget that is
// told what it already shows does nothing, so no change loops back.
func (a *App) bind() {
	s := a.Store
	a.Map.OnSelected = s.Select
	a.Map.OnViewChanged = func() { s.SetView(a.Map.CurrentView()) }
	a.Map.OnHover = func(iso string, pos fyne.Position) {
		a.logf("hover %s", orDash(iso))
		if a.Map.HoveredEvent() != "" {
			return // the tooltip is the marker's
		}
		if iso == "" {
			a.Tooltip.Hide()
			return
		}
		a.Tooltip.ShowText(hoverText(s, a.World, iso))
		a.Tooltip.Follow(pos, a.Map.Size())
	}
	a.Map.OnPointer = func(pos fyne.Position) {
		if a.Tooltip.Visible() {
			a.Tooltip.Follow(pos, a.Map.Size())
		}
	}
	a.bindEvents()
	s.Listen(a.stateChanged)
}

// stateChanged is the store's listener for the window: it passes each
// change to the widgets that show it and logs it.
func (a *App) stateChanged(old, cur State) {
	newAlliance := cur.Alliance != old.Alliance
	newYear := newAlliance || cur.Year != old.Year
	if newAlliance {
		first, last := a.Store.YearRange()
		a.Years.Pause()
		a.Years.SetRange(first, last, cur.Alliance.EventYears(), cur.Alliance.ChangeYears())
		a.AllianceSelect.SetSelectedID(cur.Alliance.ID)
		a.Map.SetFraming(FramingFor(cur.Alliance))
	}
	if newYear {
		// The year's outlines first: the GDR and the Federal Republic in
		// 1949–1990. A selection that the year does not have is cleared.
		a.useWorld(a.worldIn(cur.Year))
		if cur.Selected != "" && !a.World.Known(cur.Selected) {
			a.Store.Select("")
		}
	}
	if cur.View != a.Map.CurrentView() {
		a.Map.SetView(cur.View)
	}
	if cur.Theme != old.Theme {
		if old.Alliance != nil || cur.Theme != ThemeSystem {
			setFyneTheme(cur.Theme) // at start-up the system theme is already on
		}
		a.applyPalette()
	} else if newYear {
		a.Map.SetPaint(a.pal.PaintFunc(a.Store.Statuses()))
		a.updateNames()
		a.Legend.Set(a.pal, cur.Alliance.Counts(cur.Year, a.Store.Today()), nonMember(cur.Alliance, cur.Year, a.Store.Today()))
	}
	if newYear {
		a.yearLabel.SetYear(cur.Year)
		a.Years.SetYear(cur.Year)
		if h := a.Map.Hovered(); h != "" && a.Tooltip.Visible() {
			if a.World.Known(h) {
				a.Tooltip.ShowText(hoverText(a.Store, a.World, h))
			} else {
				a.Tooltip.Hide() // the GDR, gone in 1991: until the pointer moves
			}
		}
	}
	if cur.Selected != old.Selected {
		a.Map.Select(cur.Selected)
		title := "CSTO Map"
		if cur.Selected != "" {
			title += " — " + a.World.Name(cur.Selected)
		}
		a.window.SetTitle(title)
	}
	if newYear || cur.Selected != old.Selected || cur.Event != old.Event {
		a.Panel.SetModel(PanelModel{State: cur, Statuses: a.Store.Statuses(), Today: a.Store.Today(), Sovereign: a.World.Sovereign, Events: a.opts.Events})
	}
	a.eventsChanged(old, cur)

	// At start-up (old is the zero State) the alliance and the year are
	// logged, so that a test driving the window knows where it starts.
	if newAlliance {
		a.logf("alliance %s", cur.Alliance.ID)
	}
	if newYear {
		a.logf("year %d", cur.Year)
	}
	if cur.Selected != old.Selected {
		a.logf("selected %s %s", orDash(cur.Selected), nameOrEmpty(a, cur.Selected))
	}
	if cur.Theme != old.Theme && old.Alliance != nil {
		a.logf("theme %s", cur.Theme)
	}
	if cur.View != old.View && !newAlliance {
		a.logf("zoom %.2f", cur.View.Zoom)
	}
}

func nameOrEmpty(a *App, iso string) string {
	if iso == "" {
		return ""
	}
	return a.World.Name(iso)
}

// applyPalette picks the light or dark palette to match the theme and
// recolours the map, the legend and the year label.
func (a *App) applyPalette() {
	pal := palette.Light
	if isDark(a.Store.State().Theme) {
		pal = palette.Dark
	}
	a.pal = pal
	a.Map.SetStyle(pal.Map)
	a.Map.SetPaint(pal.PaintFunc(a.Store.Statuses()))
	a.Map.SetEventStyle(a.markerStyle())
	a.updateEventLegend()
	a.Legend.Set(pal, a.Store.Alliance().Counts(a.Store.Year(), a.Store.Today()), nonMember(a.Store.Alliance(), a.Store.Year(), a.Store.Today()))
	a.yearLabel.SetPalette(pal)
	a.updateNames()
}

// isDark reports whether the map should use the dark palette under the
// theme choice name.
func isDark(name string) bool {
	switch name {
	case ThemeLight:
		return false
	case ThemeDark:
		return true
	}
	return fyne.CurrentApp().Settings().ThemeVariant() == theme.VariantDark
}

// hoverText is the tooltip's text: the name (with its sovereign for a
// territory, or "status disputed"), then the status in the year shown and
// its date, in the words of that year ("party to the Collective Security
// Treaty" before the 2002 Charter). A territory takes its sovereign's
// status: "Greenland (Denmark)\ncurrent NATO member, since 1949-04-04",
// unless the alliance excludes it ("not covered by NATO in 2024").
func hoverText(s *Store, w *geo.World, iso string) string {
	al, year := s.Alliance(), s.Year()
	sov := w.Sovereign(iso)
	st, since, _ := al.StatusForYearVia(iso, sov, year, s.Today())
	name := countryLabel(w, iso)
	if _, own := al.Country(iso); !own && sov != "" && al.ExclusionInYear(iso, year, s.Today()) != nil {
		return fmt.Sprintf("%s\nnot covered by %s in %d", name, al.NameInYear(year, s.Today()).Short, year)
	}
	if st == timeline.StatusNone {
		return fmt.Sprintf("%s\n%s in %d", name, al.Describe(st, since, year, s.Today()), year)
	}
	return fmt.Sprintf("%s\n%s", name, al.Describe(st, since, year, s.Today()))
}

// countryLabel names iso for the tooltip and the panel: "Greenland
// (Denmark)" for a territory, "Kosovo (status disputed)" for a unit whose
// statehood is disputed, else the plain name.
func countryLabel(w *geo.World, iso string) string {
	name := w.Name(iso)
	switch {
	case w.Sovereign(iso) != "":
		return name + " (" + w.Name(w.Sovereign(iso)) + ")"
	case w.Disputed(iso):
		return name + " (status disputed)"
	}
	return name
}

// nonMember is the legend's label for countries without a status in year.
func nonMember(al *timeline.Alliance, year int, today time.Time) string {
	return strings.ToLower(al.NameInYear(year, today).NonMember())
}
