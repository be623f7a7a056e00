package chart

import (
	"fmt"
	"strings"

	"cstomap/eventmarks"
	"cstomap/events"
	"cstomap/timeline"
)

// TickText describes an event in one or two lines, for tooltips: its kind,
// place and dates, and a request's outcome or who operates a base.
func TickText(t *Tick) string {
	e := t.Event
	when := e.Date.String()
	switch {
	case !e.End.IsZero():
		when += " to " + e.End.String()
	case e.Kind.Lasting():
		when += " to now"
	}
	head := fmt.Sprintf("%s: %s, %s", eventmarks.Label(e.Kind), e.Place, when)
	var more []string
	if e.Outcome != "" {
		more = append(more, string(e.Outcome))
	}
	var sent []string
	for _, a := range e.Actors {
		switch a.Role {
		case events.RoleOperates:
			more = append(more, "operated by "+a.Name)
		case events.RoleSent:
			s := a.Name
			if a.Troops > 0 {
				s += fmt.Sprintf(" (%d)", a.Troops)
			}
			sent = append(sent, s)
		}
	}
	if len(sent) > 0 {
		more = append(more, "troops from "+strings.Join(sent, ", "))
	}
	if len(more) > 0 {
		head += "\n" + strings.Join(more, "; ")
	}
	return head
}

// SpanText describes a status span of the row's country in the words of
// the alliance: "Armenia: CSTO member, 1992-05-15 to 2023-05-22".
func (m *Model) SpanText(r *Row, s Span) string {
	to := "now"
	if !s.Open() {
		to = s.To.Format("2006-01-02")
	}
	var what string
	n := m.Alliance.NameOn(s.From)
	switch s.Status {
	case timeline.StatusCurrent:
		what = n.Member()
	case timeline.StatusThreatening:
		what = n.Member() + ", threatening to leave or frozen"
	case timeline.StatusDeparted:
		what = "left the " + n.Short
	default:
		what = string(s.Status)
	}
	return fmt.Sprintf("%s: %s, %s to %s", r.Name, what, s.From.Format("2006-01-02"), to)
}
