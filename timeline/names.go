package timeline

import (
	"fmt"
	"time"
)

// Form is what an alliance was under a name: a treaty among its parties, or
// an organization with members. The words used for its countries follow it.
type Form string

// The forms an alliance can take.
const (
	FormOrganization Form = "organization"
	FormTreaty       Form = "treaty"
)

// Name is one name of an alliance, in force from a date until the next
// name's date. From 1992 to 2002 the Collective Security Treaty was a
// treaty, not an organization; its Charter, signed on 2002-10-07, made it
// the CSTO.
type Name struct {
	// From is the first day of the name; the first name's From is the
	// zero time, meaning "from the start".
	From time.Time
	// Name is the full name, e.g. "Collective Security Treaty".
	Name string
	// Short is the abbreviation, e.g. "CST".
	Short string
	// Form says how to speak of the alliance's countries.
	Form Form
	// Note and Sources say what the name change was and where it is
	// recorded; empty for a name that was never changed.
	Note    string
	Sources []string
}

// States names the countries on a map of the alliance: "CSTO member
// states", "Collective Security Treaty states".
func (n Name) States() string {
	if n.Form == FormTreaty {
		return n.Name + " states"
	}
	return n.Short + " member states"
}

// Member names one country with the status current: "CSTO member", "party
// to the Collective Security Treaty".
func (n Name) Member() string {
	if n.Form == FormTreaty {
		return "party to the " + n.Name
	}
	return n.Short + " member"
}

// NonMember labels, in a legend, the countries without a status: "Not a
// member", or "Not a party" to a treaty.
func (n Name) NonMember() string {
	if n.Form == FormTreaty {
		return "Not a party"
	}
	return "Not a member"
}

// NameOn returns the name in force on day.
func (a *Alliance) NameOn(day time.Time) Name {
	names := a.names()
	d := dateOf(day)
	cur := names[0]
	for _, n := range names[1:] {
		if n.From.After(d) {
			break
		}
		cur = n
	}
	return cur
}

// NameInYear returns the name in force in year, on the day the status rule
// looks at (see StatusForYear): the end of a past year, today in the
// current one.
func (a *Alliance) NameInYear(year int, today time.Time) Name {
	return a.NameOn(dayFor(year, today))
}

// Latest returns the alliance's newest name, which the alliance switch and
// other year-free places use.
func (a *Alliance) Latest() Name {
	names := a.names()
	return names[len(names)-1]
}

// names returns Names, or the one name of a file that gives none.
func (a *Alliance) names() []Name {
	if len(a.Names) > 0 {
		return a.Names
	}
	return []Name{{Name: a.Name, Short: a.ShortName, Form: FormOrganization}}
}

// Describe says in words what status s, in force since the date since,
// means for a country on a map of year: "current CSTO member, since
// 2006-08-16", "party to the Collective Security Treaty, since 1992-05-15",
// "left the Collective Security Treaty on 1999-04-20". The alliance is
// named as it was in year, except that a departure is told with the name
// in force on the day the country left. For StatusNone it says
// "not a CSTO member".
func (a *Alliance) Describe(s Status, since time.Time, year int, today time.Time) string {
	n := a.NameInYear(year, today)
	date := since.Format(time.DateOnly)
	switch s {
	case StatusCurrent:
		return fmt.Sprintf("current %s, since %s", n.Member(), date)
	case StatusThreatening:
		return fmt.Sprintf("%s threatening to leave, since %s", n.Member(), date)
	case StatusDeparted:
		then := a.NameOn(since)
		if then.Form == FormTreaty {
			return fmt.Sprintf("left the %s on %s", then.Name, date)
		}
		return fmt.Sprintf("former %s, departed on %s", then.Member(), date)
	}
	if n.Form == FormTreaty {
		return "not a party to the " + n.Name
	}
	return "not a " + n.Member()
}
