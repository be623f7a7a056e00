package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cstomap/eventmarks"
	"cstomap/events"
	"cstomap/passages"
)

// roleWords say what an actor did, for the event panel.
var roleWords = map[events.Role]string{
	events.RoleAsked:    "Asked",
	events.RoleSent:     "Sent forces",
	events.RoleOperates: "Operated by",
	events.RoleHost:     "Host",
	events.RoleParty:    "Party",
	events.RoleInvoked:  "Invoked by",
	events.RoleAttacked: "Attacked",
}

// EventID returns the ID of the event on show, or "".
func (p *Panel) EventID() string {
	if p.event == nil {
		return ""
	}
	return p.event.ID
}

// EventPassages returns the passages that speak of the event on show.
func (p *Panel) EventPassages() []passages.EventLink { return p.eventLinks }

// EventList returns the IDs of the events listed for the selected country,
// in the order shown.
func (p *Panel) EventList() []string { return p.eventList }

// allianceEvents returns the model's events of the alliance on show.
func (p *Panel) allianceEvents() []events.Event {
	return events.Select(p.model.Events, events.Filter{Alliance: p.key.alliance.ID})
}

// findEvent returns the event of the alliance with the id, or nil.
func (p *Panel) findEvent(id string) *events.Event {
	evs := p.allianceEvents()
	for i := range evs {
		if evs[i].ID == id {
			return &evs[i]
		}
	}
	return nil
}

// showEventHeading puts the event's kind and place in the heading and its
// dates and countries below.
func (p *Panel) showEventHeading() {
	e := p.event
	setText(p.title, eventmarks.Label(e.Kind)+": "+e.Place)
	names := make([]string, len(e.ISO))
	for i, iso := range e.ISO {
		names[i] = p.name(iso)
	}
	setText(p.status, eventmarks.Dates(e)+" · "+strings.Join(names, ", "))
}

// eventSections shows the event on show: a way back to its country, the
// outcome, the note, who did what, the sources (publisher and class) and
// the passages of the articles that speak of it.
func (p *Panel) eventSections() []fyne.CanvasObject {
	e := p.event
	var out []fyne.CanvasObject
	if len(e.ISO) > 0 {
		back := widget.NewButtonWithIcon(p.name(e.ISO[0]), theme.NavigateBackIcon(), func() {
			if p.OnEventClosed != nil {
				p.OnEventClosed()
			}
		})
		back.Importance = widget.LowImportance
		back.Alignment = widget.ButtonAlignLeading
		out = append(out, back)
	}
	if e.Outcome != "" {
		out = append(out, widget.NewLabelWithStyle("Outcome: "+string(e.Outcome), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	out = append(out, newWrapLabel(e.Note))
	// Who did what, one line per role: "Sent forces: Russia, Armenia (100
	// troops), …".
	var roles []events.Role
	byRole := map[events.Role][]string{}
	for _, a := range e.Actors {
		name := a.Name
		if a.Troops > 0 {
			name += fmt.Sprintf(" (%d troops)", a.Troops)
		}
		if _, ok := byRole[a.Role]; !ok {
			roles = append(roles, a.Role)
		}
		byRole[a.Role] = append(byRole[a.Role], name)
	}
	var lines []string
	for _, r := range roles {
		lines = append(lines, roleWords[r]+": "+strings.Join(byRole[r], ", "))
	}
	if e.Confidence != "" && e.Confidence != "high" {
		lines = append(lines, "Confidence: "+string(e.Confidence))
	}
	if len(lines) > 0 {
		out = append(out, newWrapLabel(strings.Join(lines, "\n")))
	}
	out = append(out, widget.NewSeparator(), heading("Sources"), sourceLinks(e.Sources, p.sourceLabel))
	if p.index == nil {
		return out
	}
	p.eventLinks = p.index.ForEvent(e, p.model.Today)
	out = append(out, widget.NewSeparator(), heading(fmt.Sprintf("Passages (%d)", len(p.eventLinks))))
	if len(p.eventLinks) == 0 {
		return append(out, newWrapLabel("No passage of the articles speaks of this event (by its country, its time and its kind)."))
	}
	for _, l := range p.eventLinks {
		p.shown = append(p.shown, l.Match)
		why := widget.NewLabel("Linked: it " + strings.Join(l.Reasons, "; ") + ".")
		why.Wrapping = fyne.TextWrapWord
		why.SizeName = theme.SizeNameCaptionText
		out = append(out, passageCard(l.Match, p.window), why)
	}
	return out
}

// countryEvents lists the events of the alliance that concern iso, in date
// order; a click shows one and its marker.
func (p *Panel) countryEvents(iso string) []fyne.CanvasObject {
	evs := events.Select(p.model.Events, events.Filter{Alliance: p.key.alliance.ID, ISO: iso})
	if len(evs) == 0 {
		return nil
	}
	events.Sort(evs)
	out := []fyne.CanvasObject{widget.NewSeparator(), heading(fmt.Sprintf("Events (%d)", len(evs)))}
	for _, e := range evs {
		id := e.ID
		text := eventmarks.Dates(&e) + " · " + eventmarks.Label(e.Kind) + ": " + e.Place
		if e.Outcome != "" {
			text += " (" + string(e.Outcome) + ")"
		}
		// A link that wraps: a button would widen the panel to its text.
		l := widget.NewHyperlink(text, nil)
		l.Wrapping = fyne.TextWrapWord
		l.OnTapped = func() {
			if p.OnEvent != nil {
				p.OnEvent(id)
			}
		}
		p.eventList = append(p.eventList, id)
		out = append(out, l)
	}
	return out
}
