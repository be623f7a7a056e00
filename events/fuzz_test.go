package events_test

import (
	"errors"
	"io"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cstomap/assets"
	"cstomap/events"
)

var sentinels = []error{
	events.ErrSyntax, events.ErrUnknownField, events.ErrType, events.ErrMissing, events.ErrInvalid,
	events.ErrBadKind, events.ErrBadOutcome, events.ErrBadISO, events.ErrUnknownCountry, events.ErrBadDate,
	events.ErrNoSource, events.ErrBadSource, events.ErrDuplicate,
}

// FuzzParse checks that Parse never panics, that every error is an *Error
// naming the file and wrapping a sentinel, and that whatever it accepts
// keeps the documented invariants and can be filtered and written.
func FuzzParse(f *testing.F) {
	files, err := fs.Glob(assets.Events, "events/*.json")
	require.NoError(f, err)
	for _, name := range files {
		data, err := fs.ReadFile(assets.Events, name)
		require.NoError(f, err)
		f.Add(data)
		f.Add(data[:len(data)/2])                                                        // truncated
		f.Add([]byte(strings.Replace(string(data), `"base"`, `"camp"`, 1)))              // bad kind
		f.Add([]byte(strings.Replace(string(data), `-01-06"`, `-13-06"`, 1)))            // bad month
		f.Add([]byte(strings.Replace(string(data), `"sources": [`, `"src": [`, 1)))      // unknown field
		f.Add([]byte(strings.Replace(string(data), `"troops": 100`, `"troops": -1`, 1))) // negative troops
	}
	f.Add([]byte(validDoc))
	f.Add([]byte(strings.Replace(validDoc, `"1995"`, `"1995-02", "end": "1995-01"`, 1)))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"events":[null,{},[]]}`))
	f.Add([]byte{})

	today := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		evs, err := events.Parse("f.json", data, testKnown)
		if err != nil {
			var pe *events.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error is not an *events.Error: %T %v", err, err)
			}
			if evs != nil {
				t.Fatal("events with an error")
			}
			if !strings.HasPrefix(err.Error(), "f.json") {
				t.Fatalf("error does not name the file: %v", err)
			}
			if !slices.ContainsFunc(sentinels, func(s error) bool { return errors.Is(err, s) }) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		seen := map[string]bool{}
		for i, e := range evs {
			if seen[e.ID] {
				t.Fatalf("duplicate id %q", e.ID)
			}
			seen[e.ID] = true
			if i > 0 && evs[i-1].Date.First().After(e.Date.First()) {
				t.Fatal("events not sorted")
			}
			if !e.Kind.Valid() || e.Date.IsZero() || len(e.ISO) == 0 || len(e.Sources) == 0 || e.Note == "" || e.Place == "" {
				t.Fatalf("bad event %+v", e)
			}
			if (e.Kind == events.KindRequest) != (e.Outcome != "") {
				t.Fatalf("outcome %q on a %s", e.Outcome, e.Kind)
			}
			if d, ok := events.ParseDate(e.Date.String()); !ok || d != e.Date {
				t.Fatalf("date %v does not round-trip", e.Date)
			}
			first, last := e.Years(today)
			if !e.End.IsZero() && last < first {
				t.Fatalf("end before start: %v..%v", e.Date, e.End)
			}
			for y := first; y <= last && y <= first+2; y++ {
				if !e.InYear(y, today) {
					t.Fatalf("not in its own year %d", y)
				}
			}
		}
		if err := events.WriteJSON(io.Discard, evs); err != nil {
			t.Fatal(err)
		}
		if err := events.WriteTable(io.Discard, evs); err != nil {
			t.Fatal(err)
		}
		_ = events.Select(evs, events.Filter{Year: 2022, Today: today, Kind: events.KindBase})
	})
}
