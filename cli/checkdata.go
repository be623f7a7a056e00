package cli

import (
	"errors"
	"fmt"
	"strings"

	"cstomap/dataset"
	"cstomap/events"
	"cstomap/timeline"
)

func init() {
	register("check-data", "check-data [--data DIR]", runCheckData)
}

// runCheckData checks every alliance and every event the app would show
// (the embedded files, with the user's --data files added or replacing
// them) against the source policy, and reports each user file that does
// not load. It prints one
// tab-separated line per problem, FILE, COUNTRY, DATE and the problem ("-"
// where there is no country or date), and exits 1 on any problem, 0 when
// the data is clean.
func runCheckData(e *env, args []string) int {
	fs := newFlags("check-data")
	dataDir := dataFlag(fs)
	if code, ok := e.parseFlags(fs, args); !ok {
		return code
	}
	// The loader is called directly, not through e.load, because a user
	// file that does not load is a problem here, not a warning.
	d, userErrs, err := dataset.Load(dataset.Options{DataDir: *dataDir, Clock: e.clock})
	if err != nil {
		return e.fail("check-data", err)
	}
	n := len(userErrs)
	for _, err := range userErrs {
		fmt.Fprintln(e.stdout, loadProblemLine(err))
	}
	for _, a := range d.Alliances {
		for _, p := range d.Sources.Check(a) {
			fmt.Fprintln(e.stdout, p.Line())
			n++
		}
	}
	for _, p := range events.CheckSources(d.Sources, d.Events) {
		fmt.Fprintln(e.stdout, p.Line())
		n++
	}
	if n > 0 {
		fmt.Fprintf(e.stderr, "cstomap check-data: %d problem(s)\n", n)
		return ExitFail
	}
	fmt.Fprintf(e.stderr, "cstomap check-data: %d alliance file(s) meet the source policy; so do %d event(s)\n", len(d.Alliances), len(d.Events))
	return ExitOK
}

// loadProblemLine formats a user file that did not load like a policy
// problem: FILE, COUNTRY, DATE ("-": a load error has none) and the
// problem. An error that is not a *timeline.Error (an unreadable folder or
// file) names no file column of its own: its message goes in the last one.
func loadProblemLine(err error) string {
	var ee *events.Error
	if errors.As(err, &ee) {
		file, problem := ee.File, ee.Detail
		if ee.Line > 0 {
			file = fmt.Sprintf("%s:%d:%d", ee.File, ee.Line, ee.Column)
		}
		if ee.Field != "" {
			problem = ee.Field + ": " + problem
		}
		if ee.Event != "" {
			problem = "event " + ee.Event + ": " + problem
		}
		return file + "\t-\t-\t" + problem
	}
	var te *timeline.Error
	if !errors.As(err, &te) {
		return "-\t-\t-\t" + strings.TrimPrefix(err.Error(), "timeline: ")
	}
	file := te.File
	if te.Line > 0 {
		file = fmt.Sprintf("%s:%d:%d", te.File, te.Line, te.Column)
	}
	country, problem := te.Country, te.Detail
	if country == "" {
		country = "-"
	}
	if te.Field != "" {
		problem = te.Field + ": " + problem
	}
	return file + "\t" + country + "\t-\t" + problem
}
