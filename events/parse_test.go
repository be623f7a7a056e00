package events_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/events"
)

func TestParseValid(t *testing.T) {
	evs, err := events.Parse("t.json", []byte(validDoc), testKnown)
	require.NoError(t, err)
	b := evs[0]
	assert.Equal(t, "base", b.ID)
	assert.Equal(t, events.KindBase, b.Kind)
	assert.Equal(t, "1995", b.Date.String())
	assert.True(t, b.Open())
	assert.Equal(t, []events.Actor{{Role: events.RoleOperates, Name: "Russia", ISO: "RUS", Troops: 3000}}, b.Actors)
	assert.Equal(t, "t.json", b.File)
	r := evs[1]
	assert.Equal(t, events.OutcomeNoTroops, r.Outcome)
	assert.False(t, r.Open())
	assert.Equal(t, 72.8, r.Lon)
	assert.Equal(t, events.Confidence("high"), r.Confidence)

	t.Run("byte order mark", func(t *testing.T) {
		_, err := events.Parse("t.json", append([]byte("\uFEFF"), validDoc...), testKnown)
		assert.NoError(t, err)
	})
	t.Run("nil known accepts any well-formed code", func(t *testing.T) {
		_, err := events.Parse("t.json", []byte(strings.Replace(validDoc, `"KGZ"]`, `"XYZ"]`, 1)), nil)
		assert.NoError(t, err)
	})
	t.Run("empty list", func(t *testing.T) {
		evs, err := events.Parse("t.json", []byte(`{"events": []}`), nil)
		require.NoError(t, err)
		assert.Empty(t, evs)
	})
}

// TestParseErrors breaks one thing in validDoc per case and checks that the
// error names the file, the event and the field, and wraps the sentinel.
func TestParseErrors(t *testing.T) {
	repl := func(old, new string) string {
		if !strings.Contains(validDoc, old) {
			panic("validDoc lacks " + old)
		}
		return strings.Replace(validDoc, old, new, 1)
	}
	cases := []struct {
		name, doc    string
		event, field string
		sentinel     error
		inMsg        string
	}{
		{"syntax", repl(`"place": "Osh",`, `"place": "Osh"`), "", "", events.ErrSyntax, "t.json:4:"},
		{"empty file", "", "", "", events.ErrSyntax, "the file is empty"},
		{"truncated", validDoc[:100], "", "", events.ErrSyntax, "ends before the JSON does"},
		{"trailing garbage", validDoc + "x", "", "", events.ErrSyntax, "JSON syntax error"},
		{"not an object", `[]`, "", "", events.ErrType, "want an object"},
		{"no events key", `{}`, "", "events", events.ErrMissing, "missing events"},
		{"unknown top key", `{"events": [], "extra": 1}`, "", "extra", events.ErrUnknownField, `unknown field "extra"`},
		{"events not an array", `{"events": {}}`, "", "events", events.ErrType, "want an array"},
		{"event not an object", `{"events": [1]}`, "", "events[0]", events.ErrType, "want an object"},
		{"missing id", repl(`"id": "req", `, ``), "", "events[0].id", events.ErrMissing, "missing id"},
		{"bad id", repl(`"id": "req"`, `"id": "Req"`), "", "events[0].id", events.ErrInvalid, "lower-case"},
		{"id not a string", repl(`"id": "req"`, `"id": 5`), "", "events[0].id", events.ErrType, "want a string"},
		{"unknown key names the event", repl(`"place": "Osh"`, `"Place": "Osh"`), "req", "Place", events.ErrUnknownField, `unknown field "Place"`},
		{"duplicate id", repl(`"id": "base"`, `"id": "req"`), "req", "id", events.ErrDuplicate, "used twice"},
		{"missing kind", repl(`"kind": "request", `, ``), "req", "kind", events.ErrMissing, "missing kind"},
		{"unknown kind", repl(`"kind": "request"`, `"kind": "riot"`), "req", "kind", events.ErrBadKind, `unknown kind "riot"`},
		{"missing alliance", repl(`"alliance": "csto", "date": "2010`, `"date": "2010`), "req", "alliance", events.ErrMissing, "missing alliance"},
		{"bad alliance", repl(`"alliance": "csto", "date": "2010`, `"alliance": "CSTO", "date": "2010`), "req", "alliance", events.ErrInvalid, "lower-case"},
		{"missing date", repl(`"date": "2010-06-12", `, ``), "req", "date", events.ErrMissing, "missing date"},
		{"bad date", repl(`"2010-06-12"`, `"2010-06-31"`), "req", "date", events.ErrBadDate, `malformed date "2010-06-31"`},
		{"date a number", repl(`"2010-06-12"`, `2010`), "req", "date", events.ErrType, "want a string, got JSON number"},
		{"bad end", repl(`"date": "1995",`, `"date": "1995", "end": "1995-1",`), "base", "end", events.ErrBadDate, "malformed date"},
		{"end before date", repl(`"date": "1995",`, `"date": "1995", "end": "1994-12-31",`), "base", "end", events.ErrBadDate, "before date"},
		{"missing iso", repl(`"iso": ["KGZ"],`, ``), "req", "iso", events.ErrMissing, "missing iso"},
		{"iso a string", repl(`"iso": ["KGZ"]`, `"iso": "KGZ"`), "req", "iso", events.ErrType, "want an array of strings"},
		{"malformed iso", repl(`"iso": ["KGZ"]`, `"iso": ["KG"]`), "req", "iso[0]", events.ErrBadISO, "malformed ISO3"},
		{"unknown iso", repl(`"iso": ["KGZ"]`, `"iso": ["KGZ", "XYZ"]`), "req", "iso[1]", events.ErrUnknownCountry, `"XYZ"`},
		{"iso twice", repl(`"iso": ["KGZ"]`, `"iso": ["KGZ", "KGZ"]`), "req", "iso[1]", events.ErrDuplicate, "twice"},
		{"missing place", repl(`"place": "Osh", `, ``), "req", "place", events.ErrMissing, "missing place"},
		{"place on two lines", repl(`"place": "Osh"`, `"place": "O\nsh"`), "req", "place", events.ErrInvalid, "one line"},
		{"missing lon", repl(`"lon": 72.8, `, ``), "req", "lon", events.ErrMissing, "missing lon"},
		{"missing lat", repl(`"lat": 40.53`, `"lat": null`), "req", "lat", events.ErrMissing, "missing lat"},
		{"lon out of range", repl(`"lon": 72.8`, `"lon": 180.5`), "req", "lon", events.ErrInvalid, "outside -180..180"},
		{"lat out of range", repl(`"lat": 40.53`, `"lat": -91`), "req", "lat", events.ErrInvalid, "outside -90..90"},
		{"lat a string", repl(`"lat": 40.53`, `"lat": "40.53"`), "req", "lat", events.ErrType, "want a number"},
		{"huge lon", repl(`"lon": 72.8`, `"lon": 1e999`), "req", "lon", events.ErrType, "want a number"},
		{"actors not an array", repl(`"actors": [{"role": "asked", "name": "Kyrgyzstan", "iso": "KGZ"}]`, `"actors": {}`), "req", "actors", events.ErrType, "want an array"},
		{"actor unknown key", repl(`"role": "asked"`, `"role": "asked", "who": 1`), "req", "actors[0].who", events.ErrUnknownField, `unknown field "who"`},
		{"actor bad role", repl(`"role": "asked"`, `"role": "begged"`), "req", "actors[0].role", events.ErrInvalid, `unknown role "begged"`},
		{"actor missing role", repl(`"role": "asked", `, ``), "req", "actors[0].role", events.ErrMissing, "missing role"},
		{"actor missing name", repl(`"name": "Kyrgyzstan", `, ``), "req", "actors[0].name", events.ErrMissing, "missing actors[0].name"},
		{"actor bad iso", repl(`"name": "Kyrgyzstan", "iso": "KGZ"`, `"name": "Kyrgyzstan", "iso": "kgz"`), "req", "actors[0].iso", events.ErrBadISO, "malformed"},
		{"negative troops", repl(`"troops": 3000`, `"troops": -1`), "base", "actors[0].troops", events.ErrInvalid, "negative"},
		{"fractional troops", repl(`"troops": 3000`, `"troops": 1.5`), "base", "actors[0].troops", events.ErrType, "want a whole number"},
		{"request without outcome", repl(`"outcome": "no troops sent", `, ``), "req", "outcome", events.ErrBadOutcome, "needs an outcome"},
		{"unknown outcome", repl(`"no troops sent"`, `"ignored"`), "req", "outcome", events.ErrBadOutcome, `unknown outcome "ignored"`},
		{"outcome on a base", repl(`"note": "A base."`, `"outcome": "troops deployed", "note": "A base."`), "base", "outcome", events.ErrBadOutcome, "only a request"},
		{"missing note", repl(`"note": "Asked.", `, ``), "req", "note", events.ErrMissing, "missing note"},
		{"note on two lines", repl(`"note": "Asked."`, `"note": "As\r\nked."`), "req", "note", events.ErrInvalid, "one line"},
		{"no sources", repl(`"sources": ["https://example.org/a"], `, ``), "req", "sources", events.ErrNoSource, "no source URL"},
		{"empty source", repl(`["https://example.org/a"]`, `[" "]`), "req", "sources[0]", events.ErrNoSource, "empty source"},
		{"ftp source", repl(`["https://example.org/a"]`, `["https://example.org/a", "ftp://example.org/x"]`), "req", "sources[1]", events.ErrBadSource, "not an absolute http(s) URL"},
		{"relative source", repl(`["https://example.org/a"]`, `["/a"]`), "req", "sources[0]", events.ErrBadSource, "not an absolute"},
		{"missing confidence", repl(`, "confidence": "high"`, ``), "req", "confidence", events.ErrMissing, "missing confidence"},
		{"bad confidence", repl(`"confidence": "high"`, `"confidence": "sure"`), "req", "confidence", events.ErrInvalid, `unknown confidence "sure"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			evs, err := events.Parse("t.json", []byte(tc.doc), testKnown)
			require.Error(t, err)
			assert.Nil(t, evs)
			var pe *events.Error
			require.True(t, errors.As(err, &pe), "%T", err)
			assert.Equal(t, "t.json", pe.File)
			assert.Equal(t, tc.event, pe.Event, "event")
			assert.Equal(t, tc.field, pe.Field, "field")
			assert.ErrorIs(t, err, tc.sentinel)
			assert.Contains(t, err.Error(), tc.inMsg)
			if tc.event != "" {
				assert.Contains(t, err.Error(), "t.json: event "+tc.event+": "+tc.field+": ")
			}
		})
	}
}
