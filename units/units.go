// Package units holds the historical units of the map: states that no
// longer exist, drawn in the years they existed instead of today's
// outlines. Each unit is valid from a date to a date and is made of modern
// outlines (a union of them, e.g. Czechoslovakia of CZE and SVK) or of a
// part of one modern outline (a split, e.g. Germany in 1949–1990 into the
// Federal Republic and the German Democratic Republic).
//
// The units are data (assets/units.json, see assets/NATURALEARTH.md); the
// outlines of split parts are generated from it by `go generate ./assets`
// into assets/units.bin. An [Atlas] answers "the outlines of year Y" as a
// *geo.World, built once per distinct set of units and cached.
//
// The year rule: the map shows one year at a time, so a unit is drawn in
// every year from the year of its From date to the year of its To date,
// both included, in place of the modern outlines it is made of. The German
// Democratic Republic (1949-10-07 to 1990-10-02) is drawn from 1949 to
// 1990, today's Germany from 1991.
package units

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Rest is the Part of the one unit of a split that takes what is left of
// the modern outline once the other parts are cut out of it.
const Rest = "rest"

// Unit is one historical unit.
type Unit struct {
	// ID is the unit's code: an ISO 3166-1 alpha-3 code, or the ISO 3166-3
	// code of a former state ("DDR"). A unit may keep a modern code (the
	// Federal Republic of Germany is "DEU" before 1990 too).
	ID string `json:"id"`
	// Name and LongName are the names shown for the unit, as NE's NAME and
	// NAME_LONG are for a modern outline.
	Name     string `json:"name"`
	LongName string `json:"long_name"`
	// From and To are the unit's first and last day, YYYY-MM-DD.
	From string `json:"from"`
	To   string `json:"to"`
	// UnionOf lists the modern outlines the unit is made of (at least
	// two); or else SplitOf names the one modern outline of which the unit
	// is a part.
	UnionOf []string `json:"union_of,omitempty"`
	SplitOf string   `json:"split_of,omitempty"`
	// Part says which part of SplitOf the unit is: Rest, or the part
	// inside a cut line (Cut).
	Part string `json:"part,omitempty"`
	// Cut says where the part's line comes from; required for a split
	// part other than Rest.
	Cut *Cut `json:"cut,omitempty"`
	// Note says what the unit was, in one or two sentences.
	Note string `json:"note"`
	// Sources cite the dates and names.
	Sources []string `json:"sources"`

	from, to time.Time
}

// Cut is how the generator draws a split's line: the line along which the
// features listed in Inside meet those in Outside (shared vertex for
// vertex) in File, a GeoJSON FeatureCollection beside units.json, whose
// features are told apart by the property Key. The part is the side of
// that line on which the Inside features lie, within the modern outline.
type Cut struct {
	File    string   `json:"file"`
	Key     string   `json:"key"`
	Inside  []string `json:"inside"`
	Outside []string `json:"outside"`
}

// FromDate and ToDate return the unit's first and last day.
func (u *Unit) FromDate() time.Time { return u.from }

// ToDate returns the unit's last day.
func (u *Unit) ToDate() time.Time { return u.to }

// Years returns the first and last year in which the unit is drawn.
func (u *Unit) Years() (first, last int) { return u.from.Year(), u.to.Year() }

// In reports whether the unit is drawn in year.
func (u *Unit) In(year int) bool {
	first, last := u.Years()
	return year >= first && year <= last
}

// Key identifies the unit among all units, also when a code is used by
// units of different periods: "DDR 1949-10-07".
func (u *Unit) Key() string { return u.ID + " " + u.From }

// Modern returns the modern outlines the unit replaces.
func (u *Unit) Modern() []string {
	if u.SplitOf != "" {
		return []string{u.SplitOf}
	}
	return u.UnionOf
}

// File is the decoded units file.
type File struct {
	// About states what the file is and the year rule, for a reader.
	About string `json:"about"`
	Units []Unit `json:"units"`
}

// Error is a problem with one field of one unit of a units file.
type Error struct {
	File  string
	Unit  string // the unit's ID, or "#N" (1-based) when it has none
	Field string
	Msg   string
}

func (e *Error) Error() string {
	if e.Unit == "" {
		return fmt.Sprintf("%s: %s: %s", e.File, e.Field, e.Msg)
	}
	return fmt.Sprintf("%s: unit %s: %s: %s", e.File, e.Unit, e.Field, e.Msg)
}

var (
	codeRE = regexp.MustCompile(`^[A-Z]{3}$`)
	urlRE  = regexp.MustCompile(`^https?://[^\s/]+\.[^\s/]+`)
)

// Parse decodes and checks a units file. file names it in errors; known
// reports whether a code is a modern outline. Every problem is reported,
// each naming the file, the unit and the field (see [Error]), joined.
func Parse(data []byte, file string, known func(string) bool) ([]Unit, error) {
	var f File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%s: data after the top-level object", file)
	}
	var errs []error
	bad := func(unit, field, format string, args ...any) {
		errs = append(errs, &Error{File: file, Unit: unit, Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	if len(f.Units) == 0 {
		bad("", "units", "no units")
	}
	seen := map[string]bool{}
	for i := range f.Units {
		u := &f.Units[i]
		name := u.ID
		if name == "" {
			name = fmt.Sprintf("#%d", i+1)
		}
		if !codeRE.MatchString(u.ID) {
			bad(name, "id", "%q is not a three-letter upper-case code", u.ID)
		}
		if strings.TrimSpace(u.Name) == "" {
			bad(name, "name", "missing")
		}
		var okFrom, okTo bool
		u.from, okFrom = date(u.From)
		u.to, okTo = date(u.To)
		if !okFrom {
			bad(name, "from", "%q is not a date YYYY-MM-DD", u.From)
		}
		if !okTo {
			bad(name, "to", "%q is not a date YYYY-MM-DD", u.To)
		}
		if okFrom && okTo && u.to.Before(u.from) {
			bad(name, "to", "%s is before from %s", u.To, u.From)
		}
		if seen[u.Key()] {
			bad(name, "from", "a second unit %s from %s", u.ID, u.From)
		}
		seen[u.Key()] = true
		switch {
		case len(u.UnionOf) > 0 && u.SplitOf != "":
			bad(name, "union_of", "a unit is a union or a split, not both")
		case len(u.UnionOf) == 1:
			bad(name, "union_of", "a union needs at least two outlines")
		case len(u.UnionOf) > 1:
			for _, m := range u.UnionOf {
				if !known(m) {
					bad(name, "union_of", "unknown outline %q", m)
				}
			}
			if u.Part != "" || u.Cut != nil {
				bad(name, "part", "only a split has parts")
			}
		case u.SplitOf != "":
			if !known(u.SplitOf) {
				bad(name, "split_of", "unknown outline %q", u.SplitOf)
			}
			switch {
			case u.Part == Rest && u.Cut != nil:
				bad(name, "cut", "the rest of a split has no cut")
			case u.Part == Rest:
			case u.Part == "":
				bad(name, "part", "missing (want %q or the name of a cut part)", Rest)
			case u.Cut == nil:
				bad(name, "cut", "missing for part %q", u.Part)
			default:
				checkCut(u.Cut, func(field, format string, args ...any) { bad(name, "cut."+field, format, args...) })
			}
		default:
			bad(name, "union_of", "missing: a unit needs union_of or split_of")
		}
		if len(u.Sources) == 0 {
			bad(name, "sources", "missing")
		}
		for _, s := range u.Sources {
			if !urlRE.MatchString(s) {
				bad(name, "sources", "%q is not an http(s) URL", s)
			}
		}
	}
	if len(errs) == 0 {
		errs = append(errs, checkSplits(f.Units, file)...)
	}
	if len(errs) == 0 {
		errs = append(errs, checkOverlaps(f.Units, file)...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return f.Units, nil
}

func checkCut(c *Cut, bad func(field, format string, args ...any)) {
	if c.File == "" || strings.ContainsAny(c.File, `/\`) || !strings.HasSuffix(c.File, ".geojson") {
		bad("file", "%q is not a .geojson file name beside the units file", c.File)
	}
	if c.Key == "" {
		bad("key", "missing")
	}
	if len(c.Inside) == 0 {
		bad("inside", "missing")
	}
	if len(c.Outside) == 0 {
		bad("outside", "missing")
	}
	for _, s := range c.Inside {
		if slices.Contains(c.Outside, s) {
			bad("outside", "%q is inside too", s)
		}
	}
}

// checkSplits checks that the parts of each split are drawn in the same
// years, have distinct part names and exactly one Rest, so that together
// they tile the modern outline in every year they are drawn.
func checkSplits(us []Unit, file string) []error {
	var errs []error
	groups := map[string][]*Unit{}
	var order []string
	for i := range us {
		u := &us[i]
		if u.SplitOf == "" {
			continue
		}
		first, last := u.Years()
		k := fmt.Sprintf("%s %d-%d", u.SplitOf, first, last)
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], u)
	}
	for _, k := range order {
		g := groups[k]
		rests, parts := 0, map[string]bool{}
		for _, u := range g {
			if u.Part == Rest {
				rests++
			}
			if parts[u.Part] {
				errs = append(errs, &Error{File: file, Unit: u.ID, Field: "part", Msg: fmt.Sprintf("part %q of %s twice", u.Part, u.SplitOf)})
			}
			parts[u.Part] = true
		}
		if rests != 1 || len(g) < 2 {
			errs = append(errs, &Error{File: file, Unit: g[0].ID, Field: "split_of",
				Msg: fmt.Sprintf("the split of %s in %s needs exactly one part %q and at least one other, drawn in the same years; got %d units, %d rest", g[0].SplitOf, strings.TrimPrefix(k, g[0].SplitOf+" "), Rest, len(g), rests)})
		}
	}
	return errs
}

// checkOverlaps refuses two units that claim the same modern outline in
// the same year, unless they are parts of one split.
func checkOverlaps(us []Unit, file string) []error {
	var errs []error
	for i := range us {
		for j := i + 1; j < len(us); j++ {
			a, b := &us[i], &us[j]
			af, al := a.Years()
			bf, bl := b.Years()
			if af > bl || bf > al {
				continue
			}
			if a.SplitOf != "" && a.SplitOf == b.SplitOf && af == bf && al == bl {
				continue
			}
			for _, m := range a.Modern() {
				if slices.Contains(b.Modern(), m) {
					errs = append(errs, &Error{File: file, Unit: b.ID, Field: "from",
						Msg: fmt.Sprintf("%s is also part of unit %s in %d-%d", m, a.ID, max(af, bf), min(al, bl))})
				}
			}
		}
	}
	return errs
}

func date(s string) (time.Time, bool) {
	if len(s) != len(time.DateOnly) {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}
