package cli

import (
	"flag"
	"io"

	"cstomap/timeline"
)

func init() {
	register("status", "status [--alliance csto|nato] [--year Y] [--json] [--data DIR]", runStatus)
}

// runStatus lists every country that has a status in the year: ISO3, name,
// status, the date since that status and, for a territory that takes its
// sovereign's status, the sovereign (VIA, JSON "via"), as a table or as
// JSON. The JSON rows also carry the sources of the event that started the
// status (the sovereign's, for a territory), each with its publisher and
// class from the source policy.
func runStatus(e *env, args []string) int {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	alliance := fs.String("alliance", "csto", "alliance id")
	year := fs.Int("year", 0, "year (default: the current year)")
	asJSON := fs.Bool("json", false, "print JSON")
	dataDir := dataFlag(fs)
	if err := fs.Parse(args); err != nil {
		return e.usageErr("status", "%v", err)
	}
	if fs.NArg() > 0 {
		return e.usageErr("status", "unexpected argument %q", fs.Arg(0))
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
	y := today.Year()
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == "year" })
	if set {
		y = *year
	}
	if err := a.CheckYear(y, today); err != nil {
		return e.usageErr("status", "%v", err)
	}
	// The year's outlines name its countries: DEU is "West Germany" in 1980.
	w := d.WorldIn(y)
	entries := a.StatusesVia(y, today, w.Territories())
	if *asJSON {
		err = timeline.WriteJSONSources(e.stdout, a, entries, w.Name, d.Sources.Describe)
	} else {
		err = timeline.WriteTable(e.stdout, entries, w.Name)
	}
	if err != nil {
		return e.fail("status", err)
	}
	return ExitOK
}
