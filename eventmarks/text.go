package eventmarks

import (
	"strings"

	"cstomap/events"
)

// Dates says when e happened: "2010-06-12", "2022-01-06 to 2022-01-19",
// or "since 1995" for a lasting event still under way.
func Dates(e *events.Event) string {
	switch {
	case !e.End.IsZero() && e.End != e.Date:
		return e.Date.String() + " to " + e.End.String()
	case e.Open():
		return "since " + e.Date.String()
	}
	return e.Date.String()
}

// Summary is the hover text of e: its kind and place, its dates, for a
// base who operates it, and for a request its outcome, one a line.
func Summary(e *events.Event) string {
	lines := []string{Label(e.Kind) + ": " + e.Place, Dates(e)}
	var ops []string
	for _, a := range e.Actors {
		if a.Role == events.RoleOperates {
			ops = append(ops, a.Name)
		}
	}
	if len(ops) > 0 {
		lines = append(lines, "Operated by "+strings.Join(ops, ", "))
	}
	if e.Outcome != "" {
		lines = append(lines, "Outcome: "+string(e.Outcome))
	}
	return strings.Join(lines, "\n")
}
