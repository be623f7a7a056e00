package cli

import (
	"fmt"
	"math"
	"strconv"
)

func init() {
	register("which", "which LON LAT", runWhich)
}

// runWhich prints ISO3<TAB>Name of the country at LON LAT (exit 0), or
// nothing over the sea (exit 1). It takes no flags, so negative coordinates
// such as -77.04 work as typed.
func runWhich(e *env, args []string) int {
	if len(args) != 2 {
		return e.usageErr("which", "want 2 arguments, LON and LAT; got %d", len(args))
	}
	lon, err := parseCoord(args[0], "longitude", 180)
	if err != nil {
		return e.usageErr("which", "%v", err)
	}
	lat, err := parseCoord(args[1], "latitude", 90)
	if err != nil {
		return e.usageErr("which", "%v", err)
	}
	w, err := e.loadWorld()
	if err != nil {
		return e.fail("which", err)
	}
	iso, ok := w.CountryAt(lon, lat)
	if !ok {
		return ExitFail
	}
	fmt.Fprintf(e.stdout, "%s\t%s\n", iso, w.Name(iso))
	return ExitOK
}

func parseCoord(s, what string, limit float64) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%s %q is not a number", what, s)
	}
	if v < -limit || v > limit {
		return 0, fmt.Errorf("%s %s is outside ±%g", what, s, limit)
	}
	return v, nil
}
