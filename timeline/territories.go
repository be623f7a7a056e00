package timeline

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Territories maps a dependent territory's ISO3 code to its sovereign
// state's code, e.g. "GRL" → "DNK" (from the map outlines:
// geo.World.Territories).
type Territories map[string]string

// Exclusion is a dated, sourced statement that an alliance does not cover
// some territories of its members (e.g. those outside a treaty area). An
// excluded territory does not take its sovereign's status. It never
// overrides a territory's own entry in the file.
type Exclusion struct {
	// From is the first day of the exclusion.
	From time.Time
	// To is the last day of the exclusion; the zero time means it still
	// holds.
	To time.Time
	// Countries are the territories left out, as ISO3 codes.
	Countries []string
	// Note is a one-line statement of the exclusion.
	Note string
	// Sources hold one or more http(s) URLs backing Note.
	Sources []string
	// Confidence is "high", "medium", "low" or "".
	Confidence string
}

// exclusionJSON is the on-disk form of an Exclusion.
type exclusionJSON struct {
	From       string   `json:"from"`
	To         string   `json:"to"`
	Countries  []string `json:"countries"`
	Note       string   `json:"note"`
	Sources    []string `json:"sources"`
	Confidence string   `json:"confidence"`
}

// exclusions decodes and validates the optional "exclusions" list.
func (p *parser) exclusions(raws []json.RawMessage) ([]Exclusion, error) {
	var out []Exclusion
	for i, raw := range raws {
		at := fmt.Sprintf("exclusions[%d]", i)
		var xj exclusionJSON
		if err := p.decode(raw, &xj, "", at); err != nil {
			return nil, err
		}
		x := Exclusion{Countries: xj.Countries, Note: xj.Note, Confidence: xj.Confidence}
		from, ok := parseDate(xj.From)
		switch {
		case xj.From == "":
			return nil, p.errorf("", at+".from", ErrMissing, "missing from (want YYYY-MM-DD)")
		case !ok:
			return nil, p.errorf("", at+".from", ErrBadDate, "malformed date %q (want YYYY-MM-DD)", xj.From)
		}
		x.From = from
		if xj.To != "" {
			to, ok := parseDate(xj.To)
			switch {
			case !ok:
				return nil, p.errorf("", at+".to", ErrBadDate, "malformed date %q (want YYYY-MM-DD)", xj.To)
			case to.Before(from):
				return nil, p.errorf("", at+".to", ErrOrder, "%s is before from %s", xj.To, xj.From)
			}
			x.To = to
		}
		if len(x.Countries) == 0 {
			return nil, p.errorf("", at+".countries", ErrMissing, "list the territories excluded")
		}
		for j, iso := range x.Countries {
			field := fmt.Sprintf("%s.countries[%d]", at, j)
			if !validISO(iso) {
				return nil, p.errorf("", field, ErrBadISO, "malformed ISO3 code %q", iso)
			}
			if p.known != nil && !p.known(iso) {
				return nil, p.errorf("", field, ErrUnknownCountry, "unknown country %q (not in the map outlines)", iso)
			}
		}
		switch {
		case strings.TrimSpace(x.Note) == "":
			return nil, p.errorf("", at+".note", ErrMissing, "missing note")
		case strings.ContainsAny(x.Note, "\r\n"):
			return nil, p.errorf("", at+".note", ErrInvalid, "note must be one line")
		}
		switch x.Confidence {
		case "", "high", "medium", "low":
		default:
			return nil, p.errorf("", at+".confidence", ErrInvalid, "unknown confidence %q (want high, medium or low)", x.Confidence)
		}
		srcs, err := p.sources(xj.Sources, "", at+".sources")
		if err != nil {
			return nil, err
		}
		x.Sources = srcs
		out = append(out, x)
	}
	return out, nil
}

// ExclusionOn returns the exclusion that leaves territory iso out on day
// (its calendar date), or nil.
func (a *Alliance) ExclusionOn(iso string, day time.Time) *Exclusion {
	d := dateOf(day)
	for i := range a.Exclusions {
		x := &a.Exclusions[i]
		if d.Before(x.From) || !x.To.IsZero() && d.After(x.To) {
			continue
		}
		if slices.Contains(x.Countries, iso) {
			return x
		}
	}
	return nil
}

// via returns the sovereign whose status territory iso takes on day d, or
// "": iso must be a territory, not listed by a itself, and not excluded.
func (a *Alliance) via(iso, sovereign string, d time.Time) string {
	if sovereign == "" {
		return ""
	}
	if _, own := a.Country(iso); own {
		return ""
	}
	if a.ExclusionOn(iso, d) != nil {
		return ""
	}
	return sovereign
}

// StatusesVia is Statuses with the territories rule: a territory of
// territories that a does not list itself and that no exclusion leaves out
// takes its sovereign's status and since, with Entry.Via set to the
// sovereign. Entries are sorted by ISO. A nil territories gives Statuses.
func (a *Alliance) StatusesVia(year int, today time.Time, territories Territories) []Entry {
	out := a.Statuses(year, today)
	if len(territories) == 0 {
		return out
	}
	d := dayFor(year, today)
	own := make(map[string]Entry, len(out))
	for _, e := range out {
		own[e.ISO] = e
	}
	for iso, sov := range territories {
		if a.via(iso, sov, d) == "" {
			continue
		}
		if e, ok := own[sov]; ok {
			out = append(out, Entry{ISO: iso, Status: e.Status, Since: e.Since, Via: sov})
		}
	}
	slices.SortFunc(out, func(x, y Entry) int { return strings.Compare(x.ISO, y.ISO) })
	return out
}

// StatusForYearVia is StatusForYear for iso, a territory of sovereign (""
// for a state), under the territories rule of StatusesVia. via is the
// sovereign when the status is the sovereign's, else "".
func (a *Alliance) StatusForYearVia(iso, sovereign string, year int, today time.Time) (s Status, since time.Time, via string) {
	d := dayFor(year, today)
	if v := a.via(iso, sovereign, d); v != "" {
		if s, since = a.StatusOn(v, d); s != StatusNone {
			return s, since, v
		}
		return StatusNone, time.Time{}, ""
	}
	s, since = a.StatusOn(iso, d)
	return s, since, ""
}

// ExclusionInYear returns the exclusion that leaves territory iso out on
// the day the status rule looks at for year (see StatusForYear), or nil.
func (a *Alliance) ExclusionInYear(iso string, year int, today time.Time) *Exclusion {
	return a.ExclusionOn(iso, dayFor(year, today))
}
