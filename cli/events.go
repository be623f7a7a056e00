package cli

import (
	"flag"
	"fmt"

	"cstomap/events"
	"cstomap/timeline"
)

func init() {
	register("events", "events [--alliance A] [--year Y] [--kind K] [--json] [--data DIR]", runEvents)
}

// runEvents lists the events (requests, deployments, clashes, bases,
// invocations) of the alliance, or of every alliance without --alliance;
// with --year only those that belong to the year by the events' year rule
// (an event belongs to every year from its start to its end, an open one up
// to this year), of the --kind if given. It prints a table, or JSON with
// the keys id, kind, date, end, iso, place, lon, lat, outcome, note and
// sources. No matching event is a normal answer (exit 0, an empty table or
// []). An unknown kind or alliance, or a year outside the alliances' years,
// exits 2.
func runEvents(e *env, args []string) int {
	fs := newFlags("events")
	alliance := fs.String("alliance", "", "alliance id (default: every alliance)")
	year := fs.Int("year", 0, "year (default: every year)")
	kind := fs.String("kind", "", "request, deployment, clash, base or invocation (default: every kind)")
	asJSON := fs.Bool("json", false, "print JSON")
	dataDir := dataFlag(fs)
	if code, ok := e.parseFlags(fs, args); !ok {
		return code
	}
	var f events.Filter
	if *kind != "" {
		k, err := events.ParseKind(*kind)
		if err != nil {
			return e.usageErr("events", "%v", err)
		}
		f.Kind = k
	}
	d, err := e.load(*dataDir)
	if err != nil {
		return e.fail("events", err)
	}
	f.Today = d.Now()
	scope := d.Alliances
	if *alliance != "" {
		a, err := d.Alliance(*alliance)
		if err != nil {
			return e.usageErr("events", "%v", err)
		}
		f.Alliance, scope = a.ID, []*timeline.Alliance{a}
	}
	yearSet := false
	fs.Visit(func(fl *flag.Flag) { yearSet = yearSet || fl.Name == "year" })
	if yearSet {
		if err := checkYear(scope, *year, f); err != nil {
			return e.usageErr("events", "%v", err)
		}
		f.Year = *year
	}
	write := events.WriteTable
	if *asJSON {
		write = events.WriteJSON
	}
	if err := write(e.stdout, events.Select(d.Events, f)); err != nil {
		return e.fail("events", err)
	}
	return ExitOK
}

// checkYear accepts a year that one of the alliances in scope covers (see
// timeline.Alliance.CheckYear): for one alliance its own message, for
// several the span they cover together.
func checkYear(scope []*timeline.Alliance, year int, f events.Filter) error {
	if len(scope) == 1 {
		return scope[0].CheckYear(year, f.Today)
	}
	first, last := 0, 0
	for i, a := range scope {
		if a.CheckYear(year, f.Today) == nil {
			return nil
		}
		af, al := a.YearRange(f.Today)
		if i == 0 || af < first {
			first = af
		}
		last = max(last, al)
	}
	return fmt.Errorf("%w: %d (the alliances cover %d-%d)", timeline.ErrOutOfRange, year, first, last)
}
