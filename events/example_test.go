package events_test

import (
	"fmt"
	"time"

	"cstomap/events"
)

// The year rule: a deployment from 6 to 19 January 2022 belongs to 2022
// (not only to the years whose 31 December it spans), and a base still
// open belongs to every year up to today's.
func ExampleEvent_Years() {
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	date := func(s string) events.Date { d, _ := events.ParseDate(s); return d }
	deployment := events.Event{Kind: events.KindDeployment, Date: date("2022-01-06"), End: date("2022-01-19")}
	base := events.Event{Kind: events.KindBase, Date: date("2003-10-23")}
	request := events.Event{Kind: events.KindRequest, Date: date("2010-06-12")}
	for _, e := range []events.Event{deployment, base, request} {
		first, last := e.Years(today)
		fmt.Printf("%s %s: %d-%d, open: %v\n", e.Kind, e.Date, first, last, e.Open())
	}
	// Output:
	// deployment 2022-01-06: 2022-2022, open: false
	// base 2003-10-23: 2003-2026, open: true
	// request 2010-06-12: 2010-2010, open: false
}
