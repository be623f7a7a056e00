package cli

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

func init() {
	register("which", "which [--year Y] [--data DIR] [--] LON LAT", runWhich)
}

// runWhich prints ISO3<TAB>Name of the country at LON LAT (exit 0), or
// nothing over the sea (exit 1), on the outlines of --year (default: the
// current year): `which --year 1980 12.37 51.34` is in the German
// Democratic Republic, DDR. Its flags, --year and --data, are read by hand
// so that negative coordinates such as -77.04 work as typed; "--" ends the
// flags as usual.
func runWhich(e *env, args []string) int {
	var pos []string
	dataDir, yearArg := "", ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			pos = append(pos, args[i+1:]...)
			i = len(args)
		case a == "--data" || a == "-data" || a == "--year" || a == "-year":
			if i+1 >= len(args) {
				return e.usageErr("which", "flag needs an argument: %s", a)
			}
			if strings.HasSuffix(a, "data") {
				dataDir = args[i+1]
			} else {
				yearArg = args[i+1]
			}
			i++
		case strings.HasPrefix(a, "--data=") || strings.HasPrefix(a, "-data="):
			_, dataDir, _ = strings.Cut(a, "=")
		case strings.HasPrefix(a, "--year=") || strings.HasPrefix(a, "-year="):
			_, yearArg, _ = strings.Cut(a, "=")
		default:
			pos = append(pos, a)
		}
	}
	year := 0
	if yearArg != "" {
		y, err := strconv.Atoi(yearArg)
		if err != nil || y < 1 || y > 9999 {
			return e.usageErr("which", "--year %q is not a year (e.g. 1980)", yearArg)
		}
		year = y
	}
	if len(pos) != 2 {
		return e.usageErr("which", "want 2 arguments, LON and LAT; got %d", len(pos))
	}
	lon, err := parseCoord(pos[0], "longitude", 180)
	if err != nil {
		return e.usageErr("which", "%v", err)
	}
	lat, err := parseCoord(pos[1], "latitude", 90)
	if err != nil {
		return e.usageErr("which", "%v", err)
	}
	d, err := e.load(dataDir)
	if err != nil {
		return e.fail("which", err)
	}
	if year == 0 {
		year = d.ThisYear()
	}
	w := d.WorldIn(year)
	iso, ok := w.CountryAt(lon, lat)
	if !ok {
		return ExitFail
	}
	fmt.Fprintf(e.stdout, "%s\t%s\n", iso, w.Name(iso))
	return ExitOK
}

// decimal is a plain decimal number as a person types a coordinate: no
// hex floats, underscores, exponents, Inf or NaN, which strconv accepts.
var decimal = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$`)

// parseCoord parses a coordinate in degrees and checks it against ±limit.
func parseCoord(s, what string, limit float64) (float64, error) {
	if !decimal.MatchString(s) {
		return 0, fmt.Errorf("%s %q is not a number in degrees (e.g. 44.51)", what, s)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%s %q is not a number in degrees (e.g. 44.51)", what, s)
	}
	if v < -limit || v > limit {
		return 0, fmt.Errorf("%s %s is outside ±%g", what, s, limit)
	}
	return v, nil
}
