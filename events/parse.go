package events

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"

	"cstomap/internal/jsonsyntax"
)

// Sentinel errors. Every error from Parse is an *Error that wraps exactly one
// of these, so callers and tests can use errors.Is.
var (
	// ErrSyntax is a JSON syntax error; the *Error carries line and column.
	ErrSyntax = errors.New("events: JSON syntax error")
	// ErrUnknownField is a JSON key the schema does not have.
	ErrUnknownField = errors.New("events: unknown field")
	// ErrType is a JSON value of the wrong type (e.g. a number for a date).
	ErrType = errors.New("events: wrong JSON type")
	// ErrMissing is a required field that is absent or empty.
	ErrMissing = errors.New("events: missing field")
	// ErrInvalid is a malformed value with no more specific sentinel (id,
	// alliance, place, coordinates, note, actor, confidence).
	ErrInvalid = errors.New("events: invalid value")
	// ErrBadKind is a kind outside the closed set (see Kinds).
	ErrBadKind = errors.New("events: unknown kind")
	// ErrBadOutcome is a request without a known outcome, or an outcome on
	// an event that is not a request.
	ErrBadOutcome = errors.New("events: bad outcome")
	// ErrBadISO is a country code that is not three capital letters.
	ErrBadISO = errors.New("events: malformed ISO3 code")
	// ErrUnknownCountry is a well-formed code the caller's known func rejects.
	ErrUnknownCountry = errors.New("events: unknown country")
	// ErrBadDate is a date that is not YYYY-MM-DD, YYYY-MM or YYYY, or an
	// end before the start.
	ErrBadDate = errors.New("events: malformed date")
	// ErrNoSource is an event with no source URL, or an empty one.
	ErrNoSource = errors.New("events: missing source")
	// ErrBadSource is a source that is not an absolute http or https URL.
	ErrBadSource = errors.New("events: malformed source URL")
	// ErrDuplicate is an event ID used twice.
	ErrDuplicate = errors.New("events: duplicate")
	// ErrNoFiles is an embedded directory with no *.json event files.
	ErrNoFiles = errors.New("events: no event files")
)

// Error is a problem in one event file. Its message names the file, the
// position (syntax errors only), the event and the field:
//
//	csto.json: event kgz-osh-2010: outcome: unknown outcome "none" (want no troops sent, …)
//	csto.json: events[3].id: missing id
//	csto.json:12:5: JSON syntax error: invalid character '}' after array element
//
// Unwrap returns the sentinel (ErrBadDate, ErrSyntax, …).
type Error struct {
	// File is the file name as given to Parse.
	File string
	// Line and Column (1-based, column in bytes) locate JSON syntax errors;
	// both are 0 for other errors.
	Line, Column int
	// Event is the ID of the event concerned, or "" for file-level problems
	// and for events whose ID is itself missing or wrong.
	Event string
	// Field is the JSON path of the field within the event (or within the
	// file when Event is ""), e.g. "actors[1].role"; "" for the whole
	// event or file.
	Field string
	// Err is the sentinel error.
	Err error
	// Detail is the human-readable description.
	Detail string
}

// Error formats the error as "FILE[:LINE:COL]: [event ID: ][FIELD: ]DETAIL".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	if e.Event != "" {
		b.WriteString("event " + e.Event + ": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Detail)
	return b.String()
}

// Unwrap returns the sentinel error.
func (e *Error) Unwrap() error { return e.Err }

// The on-disk schema. Objects are first read as maps of raw values so that
// unknown keys can be named exactly; the keys are lower case and matched
// exactly.
type eventJSON struct {
	ID         string      `json:"id"`
	Kind       string      `json:"kind"`
	Alliance   string      `json:"alliance"`
	Date       string      `json:"date"`
	End        string      `json:"end"`
	ISO        []string    `json:"iso"`
	Place      string      `json:"place"`
	Lon        *float64    `json:"lon"`
	Lat        *float64    `json:"lat"`
	Actors     []actorJSON `json:"actors"`
	Outcome    string      `json:"outcome"`
	Note       string      `json:"note"`
	Sources    []string    `json:"sources"`
	Confidence string      `json:"confidence"`
}

type actorJSON struct {
	Role   string `json:"role"`
	Name   string `json:"name"`
	ISO    string `json:"iso"`
	Troops int    `json:"troops"`
}

var (
	fileKeys  = []string{"events"}
	eventKeys = []string{"id", "kind", "alliance", "date", "end", "iso", "place", "lon", "lat", "actors", "outcome", "note", "sources", "confidence"}
	actorKeys = []string{"role", "name", "iso", "troops"}
)

// Parse decodes and validates one event file. file is used in error
// messages and as Event.File. known reports whether an ISO3 code has a map
// outline; a nil known accepts every well-formed code.
//
// The file is a JSON object {"events": [...]}; each event is an object
// with these lower-case keys (any other key is an error):
//
//	id          required: lower-case letters, digits and '-', unique in the file
//	kind        required: request, deployment, clash, base or invocation
//	alliance    required: the alliance file's id, e.g. "csto"
//	date        required: YYYY-MM-DD, YYYY-MM or YYYY (as precise as the sources)
//	end         optional: same forms, not before date; a base still open has none
//	iso         required: one or more distinct ISO3 codes
//	place       required: one line
//	lon, lat    required: degrees, -180..180 and -90..90
//	actors      optional: [{role, name, iso, troops}], role one of asked, sent,
//	            operates, host, party, invoked, attacked; name required;
//	            iso optional; troops optional, not negative
//	outcome     required for a request, forbidden otherwise: "no troops sent",
//	            "assessment mission only", "consultations only" or "troops deployed"
//	note        required: one line
//	sources     required: one or more absolute http(s) URLs
//	confidence  required: high, medium or low
//
// Parse returns the first problem found as an *Error; the events come back
// sorted with [Sort].
func Parse(file string, data []byte, known func(iso string) bool) ([]Event, error) {
	p := &parser{file: file, known: known}
	return p.parse(data)
}

type parser struct {
	file  string
	known func(string) bool
}

func (p *parser) errorf(event, field string, sentinel error, format string, args ...any) *Error {
	return &Error{File: p.file, Event: event, Field: field, Err: sentinel, Detail: fmt.Sprintf(format, args...)}
}

func (p *parser) parse(data []byte) ([]Event, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if sp := jsonsyntax.Check(data); sp != nil {
		return nil, &Error{File: p.file, Line: sp.Line, Column: sp.Column, Err: ErrSyntax, Detail: sp.Detail}
	}
	top, err := p.object(data, fileKeys, "", "")
	if err != nil {
		return nil, err
	}
	raw, ok := top["events"]
	if !ok {
		return nil, p.errorf("", "events", ErrMissing, "missing events (want {\"events\": [...]})")
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(raw, &raws); err != nil {
		return nil, p.errorf("", "events", ErrType, "want an array, got JSON %s", jsonKind(raw))
	}
	out := make([]Event, 0, len(raws))
	firstAt := map[string]int{}
	for i, r := range raws {
		e, err := p.event(i, r)
		if err != nil {
			return nil, err
		}
		if j, dup := firstAt[e.ID]; dup {
			return nil, p.errorf(e.ID, "id", ErrDuplicate, "id used twice (first at events[%d])", j)
		}
		firstAt[e.ID] = i
		out = append(out, e)
	}
	Sort(out)
	return out, nil
}

// object reads raw as a JSON object whose keys must be among keys. event and
// at name where it sits, for errors.
func (p *parser) object(raw []byte, keys []string, event, at string) (map[string]json.RawMessage, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return nil, p.errorf(event, at, ErrType, "want an object, got JSON %s", jsonKind(raw))
	}
	// Report the first unknown key in file order.
	dec := json.NewDecoder(bytes.NewReader(raw))
	_, _ = dec.Token()
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		key, _ := tok.(string)
		if !slices.Contains(keys, key) {
			return nil, p.errorf(event, join(at, key), ErrUnknownField, "unknown field %q (want one of %s)", key, strings.Join(keys, ", "))
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			break
		}
	}
	return m, nil
}

func join(prefix, field string) string {
	switch {
	case prefix == "":
		return field
	case field == "":
		return prefix
	}
	return prefix + "." + field
}

// decodeField decodes the raw value of key into v, naming the field on a
// type error.
func (p *parser) decodeField(m map[string]json.RawMessage, key string, v any, event, at string) error {
	raw, ok := m[key]
	if !ok || string(raw) == "null" {
		return nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return p.errorf(event, join(at, key), ErrType, "want %s, got JSON %s", wantOf(v), jsonKind(raw))
	}
	return nil
}

func wantOf(v any) string {
	switch v.(type) {
	case *string:
		return "a string"
	case *[]string:
		return "an array of strings"
	case **float64:
		return "a number"
	case *int:
		return "a whole number"
	case *[]json.RawMessage:
		return "an array"
	}
	return fmt.Sprintf("%T", v)
}

// jsonKind names the JSON type of raw for error messages.
func jsonKind(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// event decodes and validates events[i].
func (p *parser) event(i int, raw json.RawMessage) (Event, error) {
	at := fmt.Sprintf("events[%d]", i)
	// Name the event in errors about its other fields if its id is fine.
	var peek struct {
		ID any `json:"id"`
	}
	_ = json.Unmarshal(raw, &peek)
	id, _ := peek.ID.(string)
	ev, prefix := "", at
	if validID(id) {
		ev, prefix = id, ""
	}
	m, err := p.object(raw, eventKeys, ev, prefix)
	if err != nil {
		return Event{}, err
	}
	var ej eventJSON
	var rawActors []json.RawMessage
	for _, f := range []struct {
		key string
		v   any
	}{
		{"id", &ej.ID}, {"kind", &ej.Kind}, {"alliance", &ej.Alliance}, {"date", &ej.Date}, {"end", &ej.End},
		{"iso", &ej.ISO}, {"place", &ej.Place}, {"lon", &ej.Lon}, {"lat", &ej.Lat}, {"actors", &rawActors},
		{"outcome", &ej.Outcome}, {"note", &ej.Note}, {"sources", &ej.Sources}, {"confidence", &ej.Confidence},
	} {
		if err := p.decodeField(m, f.key, f.v, ev, prefix); err != nil {
			return Event{}, err
		}
	}
	switch {
	case ej.ID == "":
		return Event{}, p.errorf("", at+".id", ErrMissing, "missing id")
	case !validID(ej.ID):
		return Event{}, p.errorf("", at+".id", ErrInvalid, "id %q must be lower-case letters, digits and '-'", ej.ID)
	}
	e := Event{ID: ej.ID, Kind: Kind(ej.Kind), Alliance: ej.Alliance, Place: ej.Place, Outcome: Outcome(ej.Outcome),
		Note: ej.Note, Confidence: Confidence(ej.Confidence), File: p.file}
	bad := func(field string, sentinel error, format string, args ...any) (Event, error) {
		return Event{}, p.errorf(e.ID, field, sentinel, format, args...)
	}
	switch {
	case ej.Kind == "":
		return bad("kind", ErrMissing, "missing kind (want %s)", kindList())
	case !e.Kind.Valid():
		return bad("kind", ErrBadKind, "unknown kind %q (want %s)", ej.Kind, kindList())
	case ej.Alliance == "":
		return bad("alliance", ErrMissing, "missing alliance (the alliance file's id, e.g. csto)")
	case !validID(ej.Alliance):
		return bad("alliance", ErrInvalid, "alliance %q must be lower-case letters, digits and '-'", ej.Alliance)
	}
	if e.Date, err = p.date(e.ID, "date", ej.Date, true); err != nil {
		return Event{}, err
	}
	if e.End, err = p.date(e.ID, "end", ej.End, false); err != nil {
		return Event{}, err
	}
	if !e.End.IsZero() && e.End.Last().Before(e.Date.First()) {
		return bad("end", ErrBadDate, "end %s is before date %s", e.End, e.Date)
	}
	if len(ej.ISO) == 0 {
		return bad("iso", ErrMissing, "missing iso (one or more ISO3 codes)")
	}
	for j, iso := range ej.ISO {
		field := fmt.Sprintf("iso[%d]", j)
		if err := p.checkISO(e.ID, field, iso); err != nil {
			return Event{}, err
		}
		if slices.Index(ej.ISO, iso) < j {
			return bad(field, ErrDuplicate, "%s listed twice", iso)
		}
	}
	e.ISO = ej.ISO
	if err := p.line(e.ID, "place", e.Place); err != nil {
		return Event{}, err
	}
	switch {
	case ej.Lon == nil:
		return bad("lon", ErrMissing, "missing lon (degrees east, -180..180)")
	case ej.Lat == nil:
		return bad("lat", ErrMissing, "missing lat (degrees north, -90..90)")
	case math.Abs(*ej.Lon) > 180:
		return bad("lon", ErrInvalid, "lon %g is outside -180..180", *ej.Lon)
	case math.Abs(*ej.Lat) > 90:
		return bad("lat", ErrInvalid, "lat %g is outside -90..90", *ej.Lat)
	}
	e.Lon, e.Lat = *ej.Lon, *ej.Lat
	for j, ra := range rawActors {
		a, err := p.actor(e.ID, fmt.Sprintf("actors[%d]", j), ra)
		if err != nil {
			return Event{}, err
		}
		e.Actors = append(e.Actors, a)
	}
	switch {
	case e.Kind == KindRequest && e.Outcome == "":
		return bad("outcome", ErrBadOutcome, "a request needs an outcome (want %s)", outcomeList())
	case e.Kind == KindRequest && !slices.Contains(Outcomes, e.Outcome):
		return bad("outcome", ErrBadOutcome, "unknown outcome %q (want %s)", e.Outcome, outcomeList())
	case e.Kind != KindRequest && e.Outcome != "":
		return bad("outcome", ErrBadOutcome, "only a request has an outcome (this is a %s; say what happened in the note)", e.Kind)
	}
	if err := p.line(e.ID, "note", e.Note); err != nil {
		return Event{}, err
	}
	if e.Sources, err = p.sources(e.ID, ej.Sources); err != nil {
		return Event{}, err
	}
	switch e.Confidence {
	case "high", "medium", "low":
	case "":
		return bad("confidence", ErrMissing, "missing confidence (want high, medium or low)")
	default:
		return bad("confidence", ErrInvalid, "unknown confidence %q (want high, medium or low)", e.Confidence)
	}
	return e, nil
}

func outcomeList() string {
	names := make([]string, len(Outcomes))
	for i, o := range Outcomes {
		names[i] = string(o)
	}
	return strings.Join(names, ", ")
}

// date parses the date s of field; a missing s is an error only when
// required.
func (p *parser) date(event, field, s string, required bool) (Date, error) {
	if s == "" {
		if required {
			return Date{}, p.errorf(event, field, ErrMissing, "missing %s (want YYYY-MM-DD, YYYY-MM or YYYY)", field)
		}
		return Date{}, nil
	}
	d, ok := ParseDate(s)
	if !ok {
		return Date{}, p.errorf(event, field, ErrBadDate, "malformed date %q (want YYYY-MM-DD, YYYY-MM or YYYY)", s)
	}
	return d, nil
}

// line checks that a required text field is present and one line.
func (p *parser) line(event, field, s string) error {
	switch {
	case strings.TrimSpace(s) == "":
		return p.errorf(event, field, ErrMissing, "missing %s", field)
	case strings.ContainsAny(s, "\r\n"):
		return p.errorf(event, field, ErrInvalid, "%s must be one line", field)
	}
	return nil
}

func (p *parser) checkISO(event, field, iso string) error {
	switch {
	case !validISO(iso):
		return p.errorf(event, field, ErrBadISO, "malformed ISO3 code %q (want three capital letters)", iso)
	case p.known != nil && !p.known(iso):
		return p.errorf(event, field, ErrUnknownCountry, "unknown ISO3 code %q (no country outline has it)", iso)
	}
	return nil
}

// actor decodes and validates the actor at path at.
func (p *parser) actor(event, at string, raw json.RawMessage) (Actor, error) {
	m, err := p.object(raw, actorKeys, event, at)
	if err != nil {
		return Actor{}, err
	}
	var aj actorJSON
	for _, f := range []struct {
		key string
		v   any
	}{{"role", &aj.Role}, {"name", &aj.Name}, {"iso", &aj.ISO}, {"troops", &aj.Troops}} {
		if err := p.decodeField(m, f.key, f.v, event, at); err != nil {
			return Actor{}, err
		}
	}
	a := Actor{Role: Role(aj.Role), Name: aj.Name, ISO: aj.ISO, Troops: aj.Troops}
	switch {
	case aj.Role == "":
		return Actor{}, p.errorf(event, at+".role", ErrMissing, "missing role")
	case !slices.Contains(Roles, a.Role):
		return Actor{}, p.errorf(event, at+".role", ErrInvalid, "unknown role %q (want %s)", aj.Role, roleList())
	case a.Troops < 0:
		return Actor{}, p.errorf(event, at+".troops", ErrInvalid, "troops %d is negative", a.Troops)
	}
	if err := p.line(event, at+".name", a.Name); err != nil {
		return Actor{}, err
	}
	if a.ISO != "" {
		if err := p.checkISO(event, at+".iso", a.ISO); err != nil {
			return Actor{}, err
		}
	}
	return a, nil
}

func roleList() string {
	names := make([]string, len(Roles))
	for i, r := range Roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

// sources checks that srcs holds at least one URL and that each is an
// absolute http(s) URL with no surrounding space.
func (p *parser) sources(event string, srcs []string) ([]string, error) {
	if len(srcs) == 0 {
		return nil, p.errorf(event, "sources", ErrNoSource, "no source URL (at least one is required)")
	}
	for i, s := range srcs {
		field := fmt.Sprintf("sources[%d]", i)
		if strings.TrimSpace(s) == "" {
			return nil, p.errorf(event, field, ErrNoSource, "empty source URL")
		}
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || s != strings.TrimSpace(s) {
			return nil, p.errorf(event, field, ErrBadSource, "%q is not an absolute http(s) URL", s)
		}
	}
	return srcs, nil
}

func validID(id string) bool {
	if id == "" {
		return false
	}
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
