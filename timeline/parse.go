package timeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"cstomap/internal/jsonsyntax"
)

// Sentinel errors. Every error from Parse is an *Error that wraps exactly one
// of these, so callers and tests can use errors.Is.
var (
	// ErrSyntax is a JSON syntax error; the *Error carries line and column.
	ErrSyntax = errors.New("timeline: JSON syntax error")
	// ErrUnknownField is a JSON key the schema does not have.
	ErrUnknownField = errors.New("timeline: unknown field")
	// ErrType is a JSON value of the wrong type (e.g. a number for a date).
	ErrType = errors.New("timeline: wrong JSON type")
	// ErrMissing is a required field that is absent or empty.
	ErrMissing = errors.New("timeline: missing field")
	// ErrInvalid is a malformed value with no more specific sentinel
	// (id, year, note, confidence, never-member with events).
	ErrInvalid = errors.New("timeline: invalid value")
	// ErrBadISO is a country code that is not three capital letters.
	ErrBadISO = errors.New("timeline: malformed ISO3 code")
	// ErrUnknownCountry is a well-formed code the caller's known func rejects.
	ErrUnknownCountry = errors.New("timeline: unknown country")
	// ErrBadDate is a date that is not a real YYYY-MM-DD calendar day.
	ErrBadDate = errors.New("timeline: malformed date")
	// ErrOrder is an event dated before the one listed before it.
	ErrOrder = errors.New("timeline: events out of date order")
	// ErrBadStatus is a status other than current, departed, threatening or
	// none, or a status on an alliance-level note.
	ErrBadStatus = errors.New("timeline: unknown status")
	// ErrNoSource is an event (or country note) with no source URL, or an
	// empty one.
	ErrNoSource = errors.New("timeline: missing source")
	// ErrBadSource is a source that is not an absolute http or https URL.
	ErrBadSource = errors.New("timeline: malformed source URL")
	// ErrDuplicate is a country listed twice in one file, or an alliance ID
	// loaded from two files.
	ErrDuplicate = errors.New("timeline: duplicate")
	// ErrOutOfRange is a date or year outside an alliance's year range.
	ErrOutOfRange = errors.New("timeline: year out of range")
	// ErrNoFiles is a directory with no *.json alliance files.
	ErrNoFiles = errors.New("timeline: no alliance files")
)

// Error is a problem in one alliance file. Its message names the file, the
// position (syntax errors only), the country and the field:
//
//	csto.json: country ARM: events[3].date: malformed date "2024-13-01" (want YYYY-MM-DD)
//	csto.json:12:5: JSON syntax error: invalid character '}' after array element
//
// Unwrap returns the sentinel (ErrBadDate, ErrSyntax, …).
type Error struct {
	// File is the file name as given to Parse.
	File string
	// Line and Column (1-based, column in bytes) locate JSON syntax errors;
	// both are 0 for other errors.
	Line, Column int
	// Country is the ISO3 code of the country concerned, or "" for
	// alliance-level fields and for countries whose code is itself wrong.
	Country string
	// Field is the JSON path of the field within the country (or within the
	// file when Country is ""), e.g. "events[3].date"; "" for the whole file.
	Field string
	// Err is the sentinel error.
	Err error
	// Detail is the human-readable description.
	Detail string
}

// Error formats the error as "FILE[:LINE:COL]: [country ISO: ][FIELD: ]DETAIL".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	if e.Country != "" {
		b.WriteString("country " + e.Country + ": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Detail)
	return b.String()
}

// Unwrap returns the sentinel error.
func (e *Error) Unwrap() error { return e.Err }

// fileJSON, countryJSON and eventJSON are the on-disk schema. Nested objects
// stay raw so that each can be decoded strictly on its own and its errors
// can name the country and the index.
type mapJSON struct {
	CenterLon *float64  `json:"center_lon"`
	Parallels []float64 `json:"parallels"`
	Fit       []string  `json:"fit"`
}

type fileJSON struct {
	ID         string            `json:"id"`
	Name       string            `json:"name"`
	ShortName  string            `json:"short_name"`
	Founding   string            `json:"founding"`
	FirstYear  int               `json:"first_year"`
	LastYear   int               `json:"last_year"`
	Notes      []json.RawMessage `json:"notes"`
	Countries  []json.RawMessage `json:"countries"`
	Map        *mapJSON          `json:"map"`
	Names      []nameJSON        `json:"names"`
	Exclusions []json.RawMessage `json:"exclusions"`
}

type nameJSON struct {
	From    string   `json:"from"`
	Name    string   `json:"name"`
	Short   string   `json:"short"`
	Form    Form     `json:"form"`
	Note    string   `json:"note"`
	Sources []string `json:"sources"`
}

type countryJSON struct {
	ISO     string            `json:"iso"`
	Never   bool              `json:"never"`
	Note    string            `json:"note"`
	Sources []string          `json:"sources"`
	Events  []json.RawMessage `json:"events"`
}

type eventJSON struct {
	Date       string   `json:"date"`
	Status     Status   `json:"status"`
	Note       string   `json:"note"`
	Sources    []string `json:"sources"`
	Confidence string   `json:"confidence"`
}

// minYear and maxYear bound first_year and last_year. Four-digit years only;
// minYear also keeps every event date clear of year 1, whose 1 January is
// the zero time.Time that means "no since date".
const (
	minYear = 1000
	maxYear = 9999
)

// Parse decodes and validates one alliance file. file is used only in error
// messages and as Alliance.File. known reports whether an ISO3 code has a map
// outline; a nil known accepts every well-formed code.
//
// The file is a JSON object (all keys lower case; unknown keys are errors):
//
//	id          required, lower-case letters, digits and '-', e.g. "csto"
//	name        required
//	short_name  optional, defaults to the upper-cased id
//	founding    optional free text
//	first_year  required, 1000..9999
//	last_year   optional; 0 or absent means "up to the current year"
//	notes       optional alliance-level events; they may not have a status
//	countries   array of {iso, never, note, sources, events}
//	exclusions  optional territories the alliance does not cover:
//	            {from, to, countries, note, sources, confidence}; from is
//	            required, to optional (the last day), countries are
//	            known ISO3 codes, note and sources as for an event
//
// A country needs a known, unique iso. A never-member ("never": true) needs a
// note and sources and may not have events; any other country needs at least
// one event, and a country note, if any, needs sources. An event is
// {date, status, note, sources, confidence}: date "YYYY-MM-DD" (a real
// calendar day within first_year..last_year), status "current", "departed",
// "threatening" or absent/"" (a note), a one-line note, one or more http(s)
// source URLs, and confidence "high", "medium", "low" or absent. Events (and
// notes) must be in date order; equal dates are allowed, and the later one in
// the file wins on that day.
//
// Parse returns the first problem found as an *Error. Countries in the result
// are sorted by ISO.
func Parse(file string, data []byte, known func(iso string) bool) (*Alliance, error) {
	p := &parser{file: file, known: known}
	return p.parse(data)
}

type parser struct {
	file  string
	known func(string) bool
	a     *Alliance
}

func (p *parser) errorf(country, field string, sentinel error, format string, args ...any) *Error {
	return &Error{File: p.file, Country: country, Field: field, Err: sentinel, Detail: fmt.Sprintf(format, args...)}
}

func (p *parser) parse(data []byte) (*Alliance, error) {
	// A UTF-8 byte order mark, as some Windows editors write, is not JSON
	// but is no reason to refuse the file.
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	// A first, lenient pass finds syntax errors with their offset in data
	// (and trailing garbage); the strict passes below then cannot fail on
	// syntax.
	if sp := jsonsyntax.Check(data); sp != nil {
		return nil, &Error{File: p.file, Line: sp.Line, Column: sp.Column, Err: ErrSyntax, Detail: sp.Detail}
	}
	var f fileJSON
	if err := p.decode(data, &f, "", ""); err != nil {
		return nil, err
	}
	a := &Alliance{
		ID: f.ID, Name: f.Name, ShortName: f.ShortName, Founding: f.Founding,
		FirstYear: f.FirstYear, LastYear: f.LastYear, File: p.file,
	}
	p.a = a
	if err := p.header(); err != nil {
		return nil, err
	}
	if err := p.names(f.Names); err != nil {
		return nil, err
	}
	if f.Map != nil {
		m, err := p.mapView(f.Map)
		if err != nil {
			return nil, err
		}
		a.Map = m
	}

	notes, err := p.events(f.Notes, "", "notes")
	if err != nil {
		return nil, err
	}
	for i, e := range notes {
		if e.Status != StatusNone {
			return nil, p.errorf("", fmt.Sprintf("notes[%d].status", i), ErrBadStatus,
				"alliance-level notes cannot change a status (got %q; put it on a country)", e.Status)
		}
	}
	a.Notes = notes
	if a.Exclusions, err = p.exclusions(f.Exclusions); err != nil {
		return nil, err
	}

	firstAt := make(map[string]int, len(f.Countries))
	a.Countries = make([]Country, 0, len(f.Countries))
	for i, raw := range f.Countries {
		c, err := p.country(i, raw)
		if err != nil {
			return nil, err
		}
		if j, dup := firstAt[c.ISO]; dup {
			return nil, p.errorf(c.ISO, fmt.Sprintf("countries[%d].iso", i), ErrDuplicate,
				"country listed twice (first at countries[%d])", j)
		}
		firstAt[c.ISO] = i
		a.Countries = append(a.Countries, c)
	}
	slices.SortFunc(a.Countries, func(x, y Country) int { return strings.Compare(x.ISO, y.ISO) })
	if err := p.mapFitsStatuses(); err != nil {
		return nil, err
	}
	return a, nil
}

// mapFitsStatuses checks that the "map" block's fit list names every
// country that has a status in some year: the first view must show them
// all, and the framing reads nothing but that block.
func (p *parser) mapFitsStatuses() error {
	a := p.a
	if a.Map == nil {
		return nil
	}
	for _, c := range a.Countries {
		if slices.Contains(a.Map.Fit, c.ISO) {
			continue
		}
		for _, e := range c.Events {
			if e.Status != StatusNone {
				return p.errorf(c.ISO, "map.fit", ErrInvalid,
					"%s has a status (%s from %s) but is not in the countries to fit", c.ISO, e.Status, e.Date.Format(time.DateOnly))
			}
		}
	}
	return nil
}

// names validates the optional "names" list: dated, in date order, each
// with a name, an abbreviation and a form, the newest matching the file's
// name and short_name.
func (p *parser) names(ns []nameJSON) error {
	a := p.a
	for i, nj := range ns {
		at := fmt.Sprintf("names[%d]", i)
		d, ok := parseDate(nj.From)
		switch {
		case nj.From == "":
			return p.errorf("", at+".from", ErrMissing, "missing from (want YYYY-MM-DD)")
		case !ok:
			return p.errorf("", at+".from", ErrBadDate, "malformed date %q (want YYYY-MM-DD)", nj.From)
		case i > 0 && !d.After(a.Names[i-1].From):
			return p.errorf("", at+".from", ErrInvalid, "%s is not after the previous name's date", nj.From)
		case strings.TrimSpace(nj.Name) == "":
			return p.errorf("", at+".name", ErrMissing, "missing name")
		case strings.TrimSpace(nj.Short) == "":
			return p.errorf("", at+".short", ErrMissing, "missing short")
		case nj.Form != FormTreaty && nj.Form != FormOrganization:
			return p.errorf("", at+".form", ErrInvalid, "unknown form %q (want treaty or organization)", nj.Form)
		}
		// A change of name is a dated fact and needs a source; the first
		// name may rest on the founding note.
		var srcs []string
		if i > 0 || len(nj.Sources) > 0 {
			var err error
			if srcs, err = p.sources(nj.Sources, "", at+".sources"); err != nil {
				return err
			}
		}
		a.Names = append(a.Names, Name{From: d, Name: nj.Name, Short: nj.Short, Form: nj.Form, Note: nj.Note, Sources: srcs})
	}
	if n := len(a.Names); n > 0 && (a.Names[n-1].Name != a.Name || a.Names[n-1].Short != a.ShortName) {
		return p.errorf("", fmt.Sprintf("names[%d]", n-1), ErrInvalid,
			"the newest name must be the file's name and short_name (%q, %q)", a.Name, a.ShortName)
	}
	return nil
}

// header validates the alliance-level scalar fields.
func (p *parser) header() error {
	a := p.a
	switch {
	case a.ID == "":
		return p.errorf("", "id", ErrMissing, "missing id")
	case !validID(a.ID):
		return p.errorf("", "id", ErrInvalid, "id %q must be lower-case letters, digits and '-'", a.ID)
	case strings.TrimSpace(a.Name) == "":
		return p.errorf("", "name", ErrMissing, "missing name")
	case a.FirstYear == 0:
		return p.errorf("", "first_year", ErrMissing, "missing first_year")
	case a.FirstYear < minYear || a.FirstYear > maxYear:
		return p.errorf("", "first_year", ErrInvalid, "first_year %d not in %d..%d", a.FirstYear, minYear, maxYear)
	case a.LastYear != 0 && (a.LastYear < a.FirstYear || a.LastYear > maxYear):
		return p.errorf("", "last_year", ErrInvalid, "last_year %d not in %d..%d; omit it for \"up to now\"",
			a.LastYear, a.FirstYear, maxYear)
	}
	if a.ShortName == "" {
		a.ShortName = strings.ToUpper(a.ID)
	}
	return nil
}

// mapView validates the optional "map" object.
func (p *parser) mapView(m *mapJSON) (*MapView, error) {
	if m.CenterLon == nil {
		return nil, p.errorf("", "map.center_lon", ErrMissing, "missing center_lon")
	}
	if c := *m.CenterLon; c < -180 || c > 180 {
		return nil, p.errorf("", "map.center_lon", ErrInvalid, "center_lon %g not in -180..180", c)
	}
	if len(m.Parallels) != 2 {
		return nil, p.errorf("", "map.parallels", ErrInvalid, "want two standard parallels, got %d", len(m.Parallels))
	}
	a, b := m.Parallels[0], m.Parallels[1]
	if a <= -90 || a >= 90 || b <= -90 || b >= 90 || a+b == 0 {
		return nil, p.errorf("", "map.parallels", ErrInvalid, "parallels %g and %g must be inside ±90 and not symmetric about the equator", a, b)
	}
	if len(m.Fit) == 0 {
		return nil, p.errorf("", "map.fit", ErrMissing, "list the countries the default view must show")
	}
	for i, iso := range m.Fit {
		field := fmt.Sprintf("map.fit[%d]", i)
		if !validISO(iso) {
			return nil, p.errorf("", field, ErrBadISO, "malformed ISO3 code %q", iso)
		}
		if p.known != nil && !p.known(iso) {
			return nil, p.errorf("", field, ErrUnknownCountry, "unknown country %q (not in the map outlines)", iso)
		}
	}
	return &MapView{CenterLon: *m.CenterLon, Parallels: [2]float64{a, b}, Fit: m.Fit}, nil
}

func validID(id string) bool {
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' && i > 0) {
			return false
		}
	}
	return true
}

func validISO(iso string) bool {
	if len(iso) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if iso[i] < 'A' || iso[i] > 'Z' {
			return false
		}
	}
	return true
}

// country decodes and validates countries[i].
func (p *parser) country(i int, raw json.RawMessage) (Country, error) {
	at := fmt.Sprintf("countries[%d]", i)
	// Name the country in errors about its other fields if its code is fine.
	var peek struct {
		ISO string `json:"iso"`
	}
	_ = json.Unmarshal(raw, &peek)
	iso := ""
	if validISO(peek.ISO) {
		iso = peek.ISO
	}

	var cj countryJSON
	prefix := at
	if iso != "" {
		prefix = ""
	}
	if err := p.decode(raw, &cj, iso, prefix); err != nil {
		return Country{}, err
	}
	switch {
	case cj.ISO == "":
		return Country{}, p.errorf("", at+".iso", ErrMissing, "missing iso")
	case !validISO(cj.ISO):
		return Country{}, p.errorf("", at+".iso", ErrBadISO, "malformed ISO3 code %q (want three capital letters)", cj.ISO)
	case p.known != nil && !p.known(cj.ISO):
		return Country{}, p.errorf(cj.ISO, "iso", ErrUnknownCountry, "unknown ISO3 code %q (no country outline has it)", cj.ISO)
	}
	c := Country{ISO: cj.ISO, Never: cj.Never, Note: cj.Note}
	if strings.ContainsAny(c.Note, "\r\n") {
		return Country{}, p.errorf(c.ISO, "note", ErrInvalid, "note must be one line")
	}
	if c.Never && strings.TrimSpace(c.Note) == "" {
		return Country{}, p.errorf(c.ISO, "note", ErrMissing, "missing note (a never-member needs one)")
	}
	if c.Never || c.Note != "" || len(cj.Sources) > 0 {
		srcs, err := p.sources(cj.Sources, c.ISO, "sources")
		if err != nil {
			return Country{}, err
		}
		c.Sources = srcs
	}
	if c.Never && len(cj.Events) > 0 {
		return Country{}, p.errorf(c.ISO, "events", ErrInvalid, "a never-member cannot have events (drop \"never\" or the events)")
	}
	if !c.Never && len(cj.Events) == 0 {
		return Country{}, p.errorf(c.ISO, "events", ErrMissing, "no events (set \"never\": true for a country that never joined)")
	}
	events, err := p.events(cj.Events, c.ISO, "events")
	if err != nil {
		return Country{}, err
	}
	c.Events = events
	return c, nil
}

// events decodes and validates a list of events named field ("notes" or
// "events"), checking their order and year range.
func (p *parser) events(raws []json.RawMessage, iso, field string) ([]Event, error) {
	if len(raws) == 0 {
		return nil, nil
	}
	out := make([]Event, 0, len(raws))
	for i, raw := range raws {
		at := fmt.Sprintf("%s[%d]", field, i)
		e, err := p.event(raw, iso, at)
		if err != nil {
			return nil, err
		}
		if i > 0 && e.Date.Before(out[i-1].Date) {
			return nil, p.errorf(iso, at+".date", ErrOrder, "%s is before %s[%d].date %s (list events in date order)",
				e.Date.Format(time.DateOnly), field, i-1, out[i-1].Date.Format(time.DateOnly))
		}
		out = append(out, e)
	}
	return out, nil
}

// event decodes and validates one event at path at (e.g. "events[3]").
func (p *parser) event(raw json.RawMessage, iso, at string) (Event, error) {
	var ej eventJSON
	if err := p.decode(raw, &ej, iso, at); err != nil {
		return Event{}, err
	}
	e := Event{Status: ej.Status, Note: ej.Note, Confidence: ej.Confidence}
	if ej.Date == "" {
		return Event{}, p.errorf(iso, at+".date", ErrMissing, "missing date (want YYYY-MM-DD)")
	}
	d, ok := parseDate(ej.Date)
	if !ok {
		return Event{}, p.errorf(iso, at+".date", ErrBadDate, "malformed date %q (want YYYY-MM-DD)", ej.Date)
	}
	if y := d.Year(); y < p.a.FirstYear || p.a.LastYear != 0 && y > p.a.LastYear {
		last := "now"
		if p.a.LastYear != 0 {
			last = strconv.Itoa(p.a.LastYear)
		}
		return Event{}, p.errorf(iso, at+".date", ErrOutOfRange, "%s is outside the alliance's years %d-%s",
			ej.Date, p.a.FirstYear, last)
	}
	e.Date = d
	if !e.Status.valid() {
		return Event{}, p.errorf(iso, at+".status", ErrBadStatus,
			"unknown status %q (want current, departed, threatening, or none for a note)", e.Status)
	}
	switch {
	case strings.TrimSpace(e.Note) == "":
		return Event{}, p.errorf(iso, at+".note", ErrMissing, "missing note")
	case strings.ContainsAny(e.Note, "\r\n"):
		return Event{}, p.errorf(iso, at+".note", ErrInvalid, "note must be one line")
	}
	switch e.Confidence {
	case "", "high", "medium", "low":
	default:
		return Event{}, p.errorf(iso, at+".confidence", ErrInvalid,
			"unknown confidence %q (want high, medium or low)", e.Confidence)
	}
	srcs, err := p.sources(ej.Sources, iso, at+".sources")
	if err != nil {
		return Event{}, err
	}
	e.Sources = srcs
	return e, nil
}

// sources checks that srcs holds at least one URL and that each is an
// absolute http(s) URL.
func (p *parser) sources(srcs []string, iso, at string) ([]string, error) {
	if len(srcs) == 0 {
		return nil, p.errorf(iso, at, ErrNoSource, "no source URL (at least one is required)")
	}
	for i, s := range srcs {
		field := fmt.Sprintf("%s[%d]", at, i)
		if strings.TrimSpace(s) == "" {
			return nil, p.errorf(iso, field, ErrNoSource, "empty source URL")
		}
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || s != strings.TrimSpace(s) {
			return nil, p.errorf(iso, field, ErrBadSource, "%q is not an absolute http(s) URL", s)
		}
	}
	return srcs, nil
}

// parseDate parses exactly "YYYY-MM-DD" (digits only) as a real calendar day
// at midnight UTC.
func parseDate(s string) (time.Time, bool) {
	if len(s) != len(time.DateOnly) {
		return time.Time{}, false
	}
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return time.Time{}, false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return time.Time{}, false
		}
	}
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

// decode strictly decodes raw (known-valid JSON) into v, turning decoding
// errors into *Error. iso and prefix name where raw sits: prefix is the path
// of raw within the country (or the file), e.g. "events[2]".
func (p *parser) decode(raw []byte, v any, iso, prefix string) error {
	if name, ok := unknownField(raw, v); ok {
		return p.errorf(iso, prefix, ErrUnknownField, "unknown field %q", name)
	}
	err := json.Unmarshal(raw, v)
	if err == nil {
		return nil
	}
	join := func(field string) string {
		switch {
		case prefix == "":
			return field
		case field == "":
			return prefix
		}
		return prefix + "." + field
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return p.errorf(iso, join(te.Field), ErrType, "want %s, got JSON %s", kindName(te.Type), te.Value)
	}
	return p.errorf(iso, prefix, ErrInvalid, "%v", err)
}

// unknownField returns the first key of the JSON object raw, or of an
// object nested in it, that no field of the struct v points to matches, as
// encoding/json matches them (by the json tag or the field name, in any
// case). encoding/json reports unknown fields only as error text, so they
// are found here instead.
func unknownField(raw []byte, v any) (string, bool) {
	return unknownIn(raw, reflect.TypeOf(v))
}

func unknownIn(raw []byte, t reflect.Type) (string, bool) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8 {
		if t.Kind() == reflect.Slice {
			return unknownInArray(raw, t.Elem())
		}
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return "", false
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return "", false
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return "", false
		}
		key, _ := tok.(string)
		f, ok := fieldFor(t, key)
		if !ok {
			return key, true
		}
		var val json.RawMessage
		if err := dec.Decode(&val); err != nil {
			return "", false
		}
		if name, bad := unknownIn(val, f.Type); bad {
			return name, true
		}
	}
	return "", false
}

func unknownInArray(raw []byte, elem reflect.Type) (string, bool) {
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		return "", false
	}
	for _, it := range items {
		if name, bad := unknownIn(it, elem); bad {
			return name, true
		}
	}
	return "", false
}

// fieldFor returns the field of the struct type t that encoding/json would
// decode the key into.
func fieldFor(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		if strings.EqualFold(name, key) {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// kindName describes the JSON form of a Go type for error messages.
func kindName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int64:
		return "a whole number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "an array"
	case reflect.Struct:
		return "an object"
	}
	return t.String()
}
