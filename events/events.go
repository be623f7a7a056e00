// Package events holds CSTO Map's dated, sourced events: calls for help and
// what came of them, deployments, clashes between members, foreign bases in
// member states and invocations of a mutual-defence clause. It is part of
// the pure core: it parses and checks the event files (see [Parse]), loads
// them (see [LoadFS], [LoadDir], [LoadAll]) and answers which events belong
// to a year (see [Event.InYear]). It never imports Fyne.
package events

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Kind is what sort of event a record is. The set is closed.
type Kind string

// The kinds of event.
const (
	// KindRequest is a member's call on its alliance for help; it has an
	// Outcome.
	KindRequest Kind = "request"
	// KindDeployment is an alliance's forces sent to a member; it lasts.
	KindDeployment Kind = "deployment"
	// KindClash is armed fighting between members that the alliance did not
	// act on.
	KindClash Kind = "clash"
	// KindBase is a foreign military base or facility in a member state; it
	// lasts, and has no End while it is still open.
	KindBase Kind = "base"
	// KindInvocation is an alliance invoking its mutual-defence clause
	// (NATO's Article 5, the CST's Article 4).
	KindInvocation Kind = "invocation"
)

// Kinds lists every kind, in the order legends and help texts show them.
var Kinds = []Kind{KindRequest, KindDeployment, KindClash, KindBase, KindInvocation}

// Valid reports whether k is one of [Kinds].
func (k Kind) Valid() bool { return slices.Contains(Kinds, k) }

// Lasting reports whether events of kind k last over time (bases and
// deployments): without an End such an event is open-ended and runs to
// today. Events of other kinds without an End are one-day (or one-period)
// events.
func (k Kind) Lasting() bool { return k == KindBase || k == KindDeployment }

// ParseKind returns the kind named s (exactly, in lower case) or an error
// that lists the valid kinds.
func ParseKind(s string) (Kind, error) {
	if k := Kind(s); k.Valid() {
		return k, nil
	}
	return "", fmt.Errorf("%w %q (want %s)", ErrBadKind, s, kindList())
}

func kindList() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// Outcome is what came of a request. The set is closed.
type Outcome string

// The outcomes of a request.
const (
	OutcomeNoTroops       Outcome = "no troops sent"
	OutcomeAssessmentOnly Outcome = "assessment mission only"
	OutcomeConsultations  Outcome = "consultations only"
	OutcomeTroopsDeployed Outcome = "troops deployed"
)

// Outcomes lists every outcome.
var Outcomes = []Outcome{OutcomeNoTroops, OutcomeAssessmentOnly, OutcomeConsultations, OutcomeTroopsDeployed}

// Role is what an actor did in an event. The set is closed.
type Role string

// The roles of actors.
const (
	RoleAsked    Role = "asked"    // made a request
	RoleSent     Role = "sent"     // sent forces (a deployment)
	RoleOperates Role = "operates" // operates a base
	RoleHost     Role = "host"     // hosts a base or a deployment
	RoleParty    Role = "party"    // a side in a clash
	RoleInvoked  Role = "invoked"  // invoked a mutual-defence clause
	RoleAttacked Role = "attacked" // the member attacked
)

// Roles lists every role.
var Roles = []Role{RoleAsked, RoleSent, RoleOperates, RoleHost, RoleParty, RoleInvoked, RoleAttacked}

// Confidence is the fact-check's confidence in a record: "high", "medium"
// or "low".
type Confidence string

// Actor is who asked, who sent, who operates, and so on.
type Actor struct {
	// Role is what the actor did.
	Role Role
	// Name is the actor's name as shown, e.g. "Russia" or "Kyrgyzstan's
	// interim government (Roza Otunbayeva)".
	Name string
	// ISO is the actor's country (ISO3), or "" for an organisation.
	ISO string
	// Troops is the number of troops the actor sent, or 0 if not given.
	Troops int
}

// Event is one dated, sourced event.
type Event struct {
	// ID is unique across all loaded files, e.g. "kaz-2022-deployment".
	ID string
	// Kind says what sort of event it is.
	Kind Kind
	// Alliance is the ID of the alliance file it belongs with ("csto",
	// "nato").
	Alliance string
	// Date is when it happened or began, to the day, month or year.
	Date Date
	// End is when it ended (inclusive), or the zero Date: a one-day event,
	// or, for a lasting kind, an open-ended one.
	End Date
	// ISO lists the countries concerned (ISO3), at least one.
	ISO []string
	// Place names where it happened; Lon and Lat place its marker
	// (degrees, WGS84).
	Place    string
	Lon, Lat float64
	// Actors are who asked, sent, operates, …, in the file's order.
	Actors []Actor
	// Outcome is what came of a request; "" for other kinds.
	Outcome Outcome
	// Note is one line saying what happened.
	Note string
	// Sources are the http(s) URLs the event rests on, at least one.
	Sources []string
	// Confidence is "high", "medium" or "low".
	Confidence Confidence
	// File is the file the event was loaded from.
	File string
}

// Open reports whether e is a lasting event with no end: a base still in
// use, a deployment still under way.
func (e *Event) Open() bool { return e.Kind.Lasting() && e.End.IsZero() }

// Years returns the first and last year e belongs to, the year rule of the
// map and of `cstomap events --year`: an event belongs to every year it
// touches. A one-day event (no End, kind not lasting) belongs to its year;
// an event with an End to every year from its Date to its End, inclusive;
// an open-ended one to every year from its Date up to today's year. This
// differs on purpose from the statuses' 31 December rule: a deployment from
// 6 to 19 January 2022 belongs to 2022. last < first when an open-ended
// event starts after today's year.
func (e *Event) Years(today time.Time) (first, last int) {
	first = e.Date.Year
	switch {
	case !e.End.IsZero():
		last = e.End.Year
	case e.Kind.Lasting():
		last = today.Year()
	default:
		last = first
	}
	return first, last
}

// InYear reports whether e belongs to year by the rule of [Event.Years].
func (e *Event) InYear(year int, today time.Time) bool {
	first, last := e.Years(today)
	return first <= year && year <= last
}

// Filter selects events. Its zero value selects every event.
type Filter struct {
	// Alliance, if not "", keeps events of that alliance (any case).
	Alliance string
	// Kind, if not "", keeps events of that kind.
	Kind Kind
	// Year, if not 0, keeps events that belong to that year (see
	// [Event.Years]); Today is then the day that ends open-ended events.
	Year  int
	Today time.Time
	// ISO, if not "", keeps events that concern that country.
	ISO string
}

// Select returns the events of evs that f keeps, in their order. The
// result shares the Event values' slices with evs.
func Select(evs []Event, f Filter) []Event {
	var out []Event
	for _, e := range evs {
		switch {
		case f.Alliance != "" && !strings.EqualFold(e.Alliance, f.Alliance):
		case f.Kind != "" && e.Kind != f.Kind:
		case f.Year != 0 && !e.InYear(f.Year, f.Today):
		case f.ISO != "" && !slices.Contains(e.ISO, f.ISO):
		default:
			out = append(out, e)
		}
	}
	return out
}

// Sort orders evs by the first day their Date may mean (so "2001-12" and
// "2001-12-01" tie), then by ID. It is stable.
func Sort(evs []Event) {
	slices.SortStableFunc(evs, func(a, b Event) int {
		if c := a.Date.First().Compare(b.Date.First()); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}
