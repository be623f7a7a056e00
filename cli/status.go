package cli

import (
	"flag"
	"fmt"

	"cstomap/export"
	"cstomap/timeline"
)

func init() {
	register("status", "status [--alliance csto|nato] [--year Y | --years FIRST-LAST] [--json | --csv] [--data DIR]", runStatus)
}

// runStatus lists every country that has a status in the year: ISO3, name,
// status, the date since that status and, for a territory that takes its
// sovereign's status, the sovereign (VIA, JSON "via"), as a table or as
// JSON. The JSON rows also carry the sources of the event that started the
// status (the sovereign's, for a territory), each with its publisher and
// class from the source policy.
//
// With --csv, or with --years and --json, it prints the data to take away
// instead: one row per country and year, with the columns alliance, year,
// iso, name, status, since and via (see export.StatusColumns), for the
// year or the years FIRST-LAST.
func runStatus(e *env, args []string) int {
	fs := newFlags("status")
	alliance := fs.String("alliance", "csto", "alliance id")
	year := fs.Int("year", 0, "year (default: the current year)")
	years := fs.String("years", "", "FIRST-LAST: every year of the range (with --csv or --json)")
	asJSON := fs.Bool("json", false, "print JSON")
	asCSV := fs.Bool("csv", false, "print CSV: alliance,year,iso,name,status,since,via")
	dataDir := dataFlag(fs)
	if code, ok := e.parseFlags(fs, args); !ok {
		return code
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case *asJSON && *asCSV:
		return e.usageErr("status", "give --json or --csv, not both")
	case set["year"] && set["years"]:
		return e.usageErr("status", "give --year or --years, not both")
	case set["years"] && !*asJSON && !*asCSV:
		return e.usageErr("status", "--years prints a table of many years: add --csv or --json")
	}
	first, last, ok := 0, 0, true
	if set["years"] {
		if first, last, ok = parseYears(*years); !ok {
			return e.usageErr("status", "--years %q: want FIRST-LAST with FIRST no later than LAST, e.g. 1992-2026", *years)
		}
	}
	d, err := e.load(*dataDir)
	if err != nil {
		return e.fail("status", err)
	}
	a, err := d.Alliance(*alliance)
	if err != nil {
		return e.usageErr("status", "%v", err)
	}
	today := d.Now()
	if !set["years"] {
		first = today.Year()
		if set["year"] {
			first = *year
		}
		last = first
	}
	for _, y := range []int{first, last} {
		if err := a.CheckYear(y, today); err != nil {
			if set["years"] {
				lo, hi := a.YearRange(today)
				return e.usageErr("status", "--years %d-%d: %d is outside %s's years %d-%d", first, last, y, a.ShortName, lo, hi)
			}
			return e.usageErr("status", "%v", err)
		}
	}
	switch {
	case *asCSV:
		err = export.WriteStatusCSV(e.stdout, export.StatusRows(a, first, last, today, d.WorldIn))
	case set["years"]:
		err = export.WriteStatusJSON(e.stdout, export.StatusRows(a, first, last, today, d.WorldIn))
	default:
		// The year's outlines name its countries: DEU is "West Germany" in 1980.
		w := d.WorldIn(first)
		entries := a.StatusesVia(first, today, w.Territories())
		if *asJSON {
			err = timeline.WriteJSONSources(e.stdout, a, entries, w.Name, d.Sources.Describe)
		} else {
			err = timeline.WriteTable(e.stdout, entries, w.Name)
		}
	}
	if err != nil {
		return e.fail("status", fmt.Errorf("write: %w", err))
	}
	return ExitOK
}
