package timeline_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/timeline"
)

// validDoc is a small valid file; the error cases below break one thing in it.
const validDoc = `{
  "id": "test",
  "name": "Test Alliance",
  "first_year": 1990,
  "notes": [
    {"date": "1991-01-01", "note": "Founded.", "sources": ["https://example.org/a"]}
  ],
  "countries": [
    {"iso": "UKR", "never": true, "note": "Never joined.", "sources": ["https://example.org/u"]},
    {"iso": "ARM", "events": [
      {"date": "1992-05-15", "status": "current", "note": "Joins.", "sources": ["https://example.org/1"], "confidence": "high"},
      {"date": "2023-05-22", "status": "threatening", "note": "Threatens.", "sources": ["https://example.org/2"]}
    ]}
  ]
}`

// testKnown stands in for the map outlines: XYZ is the one unknown code.
func testKnown(iso string) bool { return iso != "XYZ" }

func TestParseValid(t *testing.T) {
	a, err := timeline.Parse("test.json", []byte(validDoc), testKnown)
	require.NoError(t, err)
	assert.Equal(t, "test", a.ID)
	assert.Equal(t, "TEST", a.ShortName, "short_name defaults to the upper-cased id")
	assert.Equal(t, "test.json", a.File)
	assert.Equal(t, 0, a.LastYear)
	require.Len(t, a.Countries, 2)
	assert.Equal(t, "ARM", a.Countries[0].ISO, "countries are sorted by ISO")
	assert.Equal(t, "UKR", a.Countries[1].ISO)
	assert.Equal(t, date(1992, 5, 15), a.Countries[0].Events[0].Date)
	assert.Equal(t, "high", a.Countries[0].Events[0].Confidence)
	require.Len(t, a.Notes, 1)
	assert.Equal(t, timeline.StatusNone, a.Notes[0].Status)

	t.Run("nil known accepts any well-formed code", func(t *testing.T) {
		_, err := timeline.Parse("test.json", []byte(strings.Replace(validDoc, `"UKR"`, `"XYZ"`, 1)), nil)
		assert.NoError(t, err)
	})
	t.Run("explicit empty status is a note", func(t *testing.T) {
		_, err := timeline.Parse("test.json", []byte(strings.Replace(validDoc, `"status": "threatening"`, `"status": ""`, 1)), testKnown)
		assert.NoError(t, err)
	})
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name    string
		doc     string // the whole document, or
		old     string // a replacement in validDoc
		new     string
		err     error
		country string
		field   string
		msg     string // the whole message
	}{
		{
			name: "syntax error with line and column",
			doc:  "{\"id\": \"x\",\n \"name\" \"y\"}",
			err:  timeline.ErrSyntax,
			msg:  `test.json:2:9: JSON syntax error: invalid character '"' after object key`,
		},
		{
			name: "syntax error deep in the file",
			old:  `"note": "Joins.",`, new: `"note": "Joins.",,`,
			err: timeline.ErrSyntax,
			msg: `test.json:11:68: JSON syntax error: invalid character ',' looking for beginning of object key string`,
		},
		{
			name: "truncated file",
			doc:  "{\"id\": \"x\"",
			err:  timeline.ErrSyntax,
			msg:  `test.json:1:11: JSON syntax error: the file ends before the JSON does`,
		},
		{
			name: "empty file",
			doc:  "",
			err:  timeline.ErrSyntax,
			msg:  `test.json:1:1: JSON syntax error: the file is empty`,
		},
		{
			name: "trailing data",
			doc:  validDoc + "\n}",
			err:  timeline.ErrSyntax,
			msg:  `test.json:16:1: JSON syntax error: invalid character '}' after top-level value`,
		},
		{
			name: "not an object",
			doc:  `[1, 2]`,
			err:  timeline.ErrType,
			msg:  `test.json: want an object, got JSON array`,
		},
		{
			name: "unknown top-level field",
			old:  `"first_year": 1990,`, new: `"first_year": 1990, "colour": "red",`,
			err: timeline.ErrUnknownField,
			msg: `test.json: unknown field "colour"`,
		},
		{
			name: "unknown country field",
			old:  `{"iso": "ARM", `, new: `{"iso": "ARM", "flag": "x", `,
			err: timeline.ErrUnknownField, country: "ARM",
			msg: `test.json: country ARM: unknown field "flag"`,
		},
		{
			name: "unknown event field",
			old:  `{"date": "1992-05-15",`, new: `{"date": "1992-05-15", "when": "spring",`,
			err: timeline.ErrUnknownField, country: "ARM", field: "events[0]",
			msg: `test.json: country ARM: events[0]: unknown field "when"`,
		},
		{
			name: "unknown field in an alliance note",
			old:  `"note": "Founded.",`, new: `"note": "Founded.", "country": "ARM",`,
			err: timeline.ErrUnknownField, field: "notes[0]",
			msg: `test.json: notes[0]: unknown field "country"`,
		},
		{
			name: "unknown field in a country with a bad code",
			old:  `{"iso": "ARM", `, new: `{"iso": "Armenia", "flag": "x", `,
			err: timeline.ErrUnknownField, field: "countries[1]",
			msg: `test.json: countries[1]: unknown field "flag"`,
		},
		{
			name: "unknown ISO3 code",
			old:  `"UKR"`, new: `"XYZ"`,
			err: timeline.ErrUnknownCountry, country: "XYZ", field: "iso",
			msg: `test.json: country XYZ: iso: unknown ISO3 code "XYZ" (no country outline has it)`,
		},
		{
			name: "malformed ISO3 code",
			old:  `"ARM"`, new: `"arm"`,
			err: timeline.ErrBadISO, field: "countries[1].iso",
			msg: `test.json: countries[1].iso: malformed ISO3 code "arm" (want three capital letters)`,
		},
		{
			name: "missing ISO3 code",
			old:  `{"iso": "ARM", `, new: `{`,
			err: timeline.ErrMissing, field: "countries[1].iso",
			msg: `test.json: countries[1].iso: missing iso`,
		},
		{
			name: "malformed date: month 13",
			old:  `"2023-05-22"`, new: `"2024-13-01"`,
			err: timeline.ErrBadDate, country: "ARM", field: "events[1].date",
			msg: `test.json: country ARM: events[1].date: malformed date "2024-13-01" (want YYYY-MM-DD)`,
		},
		{
			name: "malformed date: no such day",
			old:  `"2023-05-22"`, new: `"2023-02-29"`,
			err: timeline.ErrBadDate, country: "ARM", field: "events[1].date",
			msg: `test.json: country ARM: events[1].date: malformed date "2023-02-29" (want YYYY-MM-DD)`,
		},
		{
			name: "malformed date: missing zero",
			old:  `"1992-05-15"`, new: `"1992-5-15"`,
			err: timeline.ErrBadDate, country: "ARM", field: "events[0].date",
			msg: `test.json: country ARM: events[0].date: malformed date "1992-5-15" (want YYYY-MM-DD)`,
		},
		{
			name: "malformed date: signed year",
			old:  `"1992-05-15"`, new: `"+992-05-15"`,
			err: timeline.ErrBadDate, country: "ARM", field: "events[0].date",
			msg: `test.json: country ARM: events[0].date: malformed date "+992-05-15" (want YYYY-MM-DD)`,
		},
		{
			name: "malformed date in an alliance note",
			old:  `"1991-01-01"`, new: `"01.01.1991"`,
			err: timeline.ErrBadDate, field: "notes[0].date",
			msg: `test.json: notes[0].date: malformed date "01.01.1991" (want YYYY-MM-DD)`,
		},
		{
			name: "missing date",
			old:  `"date": "1992-05-15", `, new: ``,
			err: timeline.ErrMissing, country: "ARM", field: "events[0].date",
			msg: `test.json: country ARM: events[0].date: missing date (want YYYY-MM-DD)`,
		},
		{
			name: "date of the wrong JSON type",
			old:  `"1992-05-15"`, new: `19920515`,
			err: timeline.ErrType, country: "ARM", field: "events[0].date",
			msg: `test.json: country ARM: events[0].date: want a string, got JSON number`,
		},
		{
			name: "events out of date order",
			old:  `"2023-05-22"`, new: `"1991-05-22"`,
			err: timeline.ErrOrder, country: "ARM", field: "events[1].date",
			msg: `test.json: country ARM: events[1].date: 1991-05-22 is before events[0].date 1992-05-15 (list events in date order)`,
		},
		{
			name: "alliance notes out of date order",
			old:  `"sources": ["https://example.org/a"]}`, new: `"sources": ["https://example.org/a"]}, {"date": "1990-06-01", "note": "Earlier.", "sources": ["https://example.org/b"]}`,
			err: timeline.ErrOrder, field: "notes[1].date",
			msg: `test.json: notes[1].date: 1990-06-01 is before notes[0].date 1991-01-01 (list events in date order)`,
		},
		{
			name: "date before first_year",
			old:  `"1992-05-15"`, new: `"1989-05-15"`,
			err: timeline.ErrOutOfRange, country: "ARM", field: "events[0].date",
			msg: `test.json: country ARM: events[0].date: 1989-05-15 is outside the alliance's years 1990-now`,
		},
		{
			name: "date after last_year",
			old:  `"first_year": 1990,`, new: `"first_year": 1990, "last_year": 2000,`,
			err: timeline.ErrOutOfRange, country: "ARM", field: "events[1].date",
			msg: `test.json: country ARM: events[1].date: 2023-05-22 is outside the alliance's years 1990-2000`,
		},
		{
			name: "unknown status",
			old:  `"status": "current"`, new: `"status": "member"`,
			err: timeline.ErrBadStatus, country: "ARM", field: "events[0].status",
			msg: `test.json: country ARM: events[0].status: unknown status "member" (want current, departed, threatening, or none for a note)`,
		},
		{
			name: "status is case-sensitive",
			old:  `"status": "current"`, new: `"status": "Current"`,
			err: timeline.ErrBadStatus, country: "ARM", field: "events[0].status",
			msg: `test.json: country ARM: events[0].status: unknown status "Current" (want current, departed, threatening, or none for a note)`,
		},
		{
			name: "status on an alliance note",
			old:  `"note": "Founded.",`, new: `"note": "Founded.", "status": "current",`,
			err: timeline.ErrBadStatus, field: "notes[0].status",
			msg: `test.json: notes[0].status: alliance-level notes cannot change a status (got "current"; put it on a country)`,
		},
		{
			name: "missing sources",
			old:  `, "sources": ["https://example.org/2"]`, new: ``,
			err: timeline.ErrNoSource, country: "ARM", field: "events[1].sources",
			msg: `test.json: country ARM: events[1].sources: no source URL (at least one is required)`,
		},
		{
			name: "empty sources",
			old:  `["https://example.org/2"]`, new: `[]`,
			err: timeline.ErrNoSource, country: "ARM", field: "events[1].sources",
			msg: `test.json: country ARM: events[1].sources: no source URL (at least one is required)`,
		},
		{
			name: "empty source URL",
			old:  `["https://example.org/2"]`, new: `["https://example.org/2", " "]`,
			err: timeline.ErrNoSource, country: "ARM", field: "events[1].sources[1]",
			msg: `test.json: country ARM: events[1].sources[1]: empty source URL`,
		},
		{
			name: "source is not a URL",
			old:  `["https://example.org/2"]`, new: `["example.org/2"]`,
			err: timeline.ErrBadSource, country: "ARM", field: "events[1].sources[0]",
			msg: `test.json: country ARM: events[1].sources[0]: "example.org/2" is not an absolute http(s) URL`,
		},
		{
			name: "missing source on an alliance note",
			old:  `, "sources": ["https://example.org/a"]`, new: ``,
			err: timeline.ErrNoSource, field: "notes[0].sources",
			msg: `test.json: notes[0].sources: no source URL (at least one is required)`,
		},
		{
			name: "duplicate country",
			old:  `{"iso": "UKR", "never": true`, new: `{"iso": "ARM", "never": true`,
			err: timeline.ErrDuplicate, country: "ARM", field: "countries[1].iso",
			msg: `test.json: country ARM: countries[1].iso: country listed twice (first at countries[0])`,
		},
		{
			name: "missing id",
			old:  `"id": "test",`, new: ``,
			err: timeline.ErrMissing, field: "id",
			msg: `test.json: id: missing id`,
		},
		{
			name: "malformed id",
			old:  `"id": "test",`, new: `"id": "Test Alliance",`,
			err: timeline.ErrInvalid, field: "id",
			msg: `test.json: id: id "Test Alliance" must be lower-case letters, digits and '-'`,
		},
		{
			name: "missing name",
			old:  `"name": "Test Alliance",`, new: `"name": " ",`,
			err: timeline.ErrMissing, field: "name",
			msg: `test.json: name: missing name`,
		},
		{
			name: "missing first_year",
			old:  `"first_year": 1990,`, new: ``,
			err: timeline.ErrMissing, field: "first_year",
			msg: `test.json: first_year: missing first_year`,
		},
		{
			name: "first_year not a whole number",
			old:  `"first_year": 1990,`, new: `"first_year": 1990.5,`,
			err: timeline.ErrType, field: "first_year",
			msg: `test.json: first_year: want a whole number, got JSON number 1990.5`,
		},
		{
			name: "first_year before 1000",
			old:  `"first_year": 1990,`, new: `"first_year": 1,`,
			err: timeline.ErrInvalid, field: "first_year",
			msg: `test.json: first_year: first_year 1 not in 1000..9999`,
		},
		{
			name: "last_year before first_year",
			old:  `"first_year": 1990,`, new: `"first_year": 1990, "last_year": 1980,`,
			err: timeline.ErrInvalid, field: "last_year",
			msg: `test.json: last_year: last_year 1980 not in 1990..9999; omit it for "up to now"`,
		},
		{
			name: "missing note",
			old:  `"note": "Joins.", `, new: ``,
			err: timeline.ErrMissing, country: "ARM", field: "events[0].note",
			msg: `test.json: country ARM: events[0].note: missing note`,
		},
		{
			name: "note on two lines",
			old:  `"note": "Joins."`, new: `"note": "Joins.\nReally."`,
			err: timeline.ErrInvalid, country: "ARM", field: "events[0].note",
			msg: `test.json: country ARM: events[0].note: note must be one line`,
		},
		{
			name: "unknown confidence",
			old:  `"confidence": "high"`, new: `"confidence": "certain"`,
			err: timeline.ErrInvalid, country: "ARM", field: "events[0].confidence",
			msg: `test.json: country ARM: events[0].confidence: unknown confidence "certain" (want high, medium or low)`,
		},
		{
			name: "never-member with events",
			old:  `"sources": ["https://example.org/u"]}`, new: `"sources": ["https://example.org/u"], "events": [{"date": "1992-05-15", "note": "x", "sources": ["https://example.org/x"]}]}`,
			err: timeline.ErrInvalid, country: "UKR", field: "events",
			msg: `test.json: country UKR: events: a never-member cannot have events (drop "never" or the events)`,
		},
		{
			name: "never-member without a note",
			old:  `"note": "Never joined.", `, new: ``,
			err: timeline.ErrMissing, country: "UKR", field: "note",
			msg: `test.json: country UKR: note: missing note (a never-member needs one)`,
		},
		{
			name: "never-member without sources",
			old:  `, "sources": ["https://example.org/u"]`, new: ``,
			err: timeline.ErrNoSource, country: "UKR", field: "sources",
			msg: `test.json: country UKR: sources: no source URL (at least one is required)`,
		},
		{
			name: "member without events",
			old:  `"never": true, `, new: ``,
			err: timeline.ErrMissing, country: "UKR", field: "events",
			msg: `test.json: country UKR: events: no events (set "never": true for a country that never joined)`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.doc
			if tc.old != "" {
				require.Contains(t, validDoc, tc.old, "bad test: replacement not found")
				doc = strings.Replace(validDoc, tc.old, tc.new, 1)
			}
			a, err := timeline.Parse("test.json", []byte(doc), testKnown)
			require.Error(t, err)
			assert.Nil(t, a)
			assert.ErrorIs(t, err, tc.err)
			assert.Equal(t, tc.msg, err.Error())
			var pe *timeline.Error
			require.True(t, errors.As(err, &pe))
			assert.Equal(t, "test.json", pe.File)
			assert.Equal(t, tc.country, pe.Country)
			assert.Equal(t, tc.field, pe.Field)
			assert.True(t, strings.HasPrefix(tc.err.Error(), "timeline: "))
		})
	}
}

func TestParseMapView(t *testing.T) {
	withMap := func(m string) string {
		return strings.Replace(validDoc, `"first_year": 1990,`, `"first_year": 1990, "map": `+m+`,`, 1)
	}
	a, err := timeline.Parse("test.json", []byte(withMap(`{"center_lon": 80, "parallels": [45, 65], "fit": ["ARM"]}`)), testKnown)
	require.NoError(t, err)
	require.NotNil(t, a.Map)
	assert.Equal(t, timeline.MapView{CenterLon: 80, Parallels: [2]float64{45, 65}, Fit: []string{"ARM"}}, *a.Map)

	cases := []struct {
		name, m, field string
		err            error
	}{
		{"no centre", `{"parallels": [45, 65], "fit": ["ARM"]}`, "map.center_lon", timeline.ErrMissing},
		{"centre out of range", `{"center_lon": 200, "parallels": [45, 65], "fit": ["ARM"]}`, "map.center_lon", timeline.ErrInvalid},
		{"one parallel", `{"center_lon": 0, "parallels": [45], "fit": ["ARM"]}`, "map.parallels", timeline.ErrInvalid},
		{"symmetric parallels", `{"center_lon": 0, "parallels": [30, -30], "fit": ["ARM"]}`, "map.parallels", timeline.ErrInvalid},
		{"nothing to fit", `{"center_lon": 0, "parallels": [30, 60]}`, "map.fit", timeline.ErrMissing},
		{"unknown country", `{"center_lon": 0, "parallels": [30, 60], "fit": ["XYZ"]}`, "map.fit[0]", timeline.ErrUnknownCountry},
		{"malformed code", `{"center_lon": 0, "parallels": [30, 60], "fit": ["arm"]}`, "map.fit[0]", timeline.ErrBadISO},
		{"unknown key", `{"center_lon": 0, "parallels": [30, 60], "fit": ["ARM"], "zoom": 2}`, "", timeline.ErrUnknownField},
		{"member left out", `{"center_lon": 0, "parallels": [30, 60], "fit": ["UKR"]}`, "map.fit", timeline.ErrInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := timeline.Parse("test.json", []byte(withMap(tc.m)), testKnown)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.err)
			var te *timeline.Error
			require.ErrorAs(t, err, &te)
			if tc.field != "" {
				assert.Equal(t, tc.field, te.Field)
			}
			assert.Contains(t, err.Error(), "test.json")
		})
	}
}
