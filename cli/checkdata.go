package cli

import (
	"flag"
	"fmt"
	"io"

	"cstomap/dataset"
)

func init() {
	register("check-data", "check-data [--data DIR]", runCheckData)
}

// runCheckData checks every alliance the app would show (the embedded files,
// with the user's --data files added or replacing them) against the source
// policy, and reports each user file that does not load. It prints one
// tab-separated line per problem, FILE, COUNTRY, DATE and the problem ("-"
// where there is no country or date), and exits 1 on any problem, 0 when
// the data is clean.
func runCheckData(e *env, args []string) int {
	fs := flag.NewFlagSet("check-data", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dataDir := dataFlag(fs)
	if err := fs.Parse(args); err != nil {
		return e.usageErr("check-data", "%v", err)
	}
	if fs.NArg() > 0 {
		return e.usageErr("check-data", "unexpected argument %q", fs.Arg(0))
	}
	// The loader is called directly, not through e.load, because a user
	// file that does not load is a problem here, not a warning.
	d, userErrs, err := dataset.Load(dataset.Options{DataDir: *dataDir, Clock: e.clock})
	if err != nil {
		return e.fail("check-data", err)
	}
	n := len(userErrs)
	for _, err := range userErrs {
		fmt.Fprintf(e.stdout, "%v\n", err)
	}
	for _, a := range d.Alliances {
		for _, p := range d.Sources.Check(a) {
			fmt.Fprintln(e.stdout, p.Line())
			n++
		}
	}
	if n > 0 {
		fmt.Fprintf(e.stderr, "cstomap check-data: %d problem(s)\n", n)
		return ExitFail
	}
	fmt.Fprintf(e.stderr, "cstomap check-data: %d alliance file(s) meet the source policy\n", len(d.Alliances))
	return ExitOK
}
