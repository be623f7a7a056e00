package timeline_test

import (
	"errors"
	"io"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cstomap/assets"
	"cstomap/timeline"
)

var sentinels = []error{
	timeline.ErrSyntax, timeline.ErrUnknownField, timeline.ErrType, timeline.ErrMissing,
	timeline.ErrInvalid, timeline.ErrBadISO, timeline.ErrUnknownCountry, timeline.ErrBadDate,
	timeline.ErrOrder, timeline.ErrBadStatus, timeline.ErrNoSource, timeline.ErrBadSource,
	timeline.ErrDuplicate, timeline.ErrOutOfRange,
}

// FuzzParse checks that Parse never panics, that every error is an *Error
// naming the file and wrapping a sentinel, and that whatever it accepts
// keeps the documented invariants and can be queried and written.
func FuzzParse(f *testing.F) {
	files, err := fs.Glob(assets.Alliances, "alliances/*.json")
	require.NoError(f, err)
	for _, name := range files {
		data, err := fs.ReadFile(assets.Alliances, name)
		require.NoError(f, err)
		f.Add(data)
		f.Add(data[:len(data)/2])                                                   // truncated
		f.Add([]byte(strings.Replace(string(data), `"current"`, `"member"`, 1)))    // bad status
		f.Add([]byte(strings.Replace(string(data), `-05-15"`, `-13-15"`, 1)))       // bad month
		f.Add([]byte(strings.Replace(string(data), `"sources": [`, `"src": [`, 1))) // unknown field
	}
	f.Add([]byte(validDoc))
	f.Add([]byte(strings.Replace(validDoc, `"UKR"`, `"XYZ"`, 1)))
	f.Add([]byte(strings.Replace(validDoc, `"2023-05-22"`, `"1991-05-22"`, 1)))
	f.Add([]byte(strings.Replace(validDoc, `"first_year": 1990,`, `"first_year": 1990, "last_year": 1995,`, 1)))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"countries":[null],"notes":[null]}`))
	f.Add([]byte{})

	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := timeline.Parse("f.json", data, testKnown)
		if err != nil {
			var pe *timeline.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error is not a *timeline.Error: %T %v", err, err)
			}
			if a != nil {
				t.Fatal("non-nil alliance with an error")
			}
			if !strings.HasPrefix(err.Error(), "f.json") {
				t.Fatalf("error does not name the file: %v", err)
			}
			if !slices.ContainsFunc(sentinels, func(s error) bool { return errors.Is(err, s) }) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		checkInvariants(t, a)
	})
}

func checkInvariants(t *testing.T, a *timeline.Alliance) {
	t.Helper()
	if a.ID == "" || a.Name == "" || a.ShortName == "" || a.FirstYear < 1 {
		t.Fatalf("bad header: %+v", a)
	}
	for i, c := range a.Countries {
		if i > 0 && a.Countries[i-1].ISO >= c.ISO {
			t.Fatalf("countries not sorted/unique: %s then %s", a.Countries[i-1].ISO, c.ISO)
		}
		if testKnown(c.ISO) == false || len(c.ISO) != 3 {
			t.Fatalf("bad ISO %q", c.ISO)
		}
		if c.Never != (len(c.Events) == 0) {
			t.Fatalf("%s: never=%v with %d events", c.ISO, c.Never, len(c.Events))
		}
		if got, ok := a.Country(c.ISO); !ok || got.ISO != c.ISO {
			t.Fatalf("Country(%s) not found", c.ISO)
		}
		for j, e := range c.Events {
			if j > 0 && e.Date.Before(c.Events[j-1].Date) {
				t.Fatalf("%s: events out of order", c.ISO)
			}
			if len(e.Sources) == 0 || e.Note == "" || e.Date.Year() < a.FirstYear {
				t.Fatalf("%s: bad event %+v", c.ISO, e)
			}
		}
	}
	for _, e := range a.Notes {
		if e.Status != timeline.StatusNone || len(e.Sources) == 0 {
			t.Fatalf("bad note %+v", e)
		}
	}
	first, last := a.YearRange(today)
	if last < first {
		t.Fatalf("range %d-%d", first, last)
	}
	if !slices.IsSorted(a.ChangeYears()) || !slices.IsSorted(a.EventYears()) {
		t.Fatal("years not sorted")
	}
	for _, y := range append(a.ChangeYears(), first, min(last, first+3)) {
		es := a.Statuses(y, today)
		n := 0
		for _, v := range a.Counts(y, today) {
			n += v
		}
		if n != len(es) {
			t.Fatalf("year %d: counts %d, statuses %d", y, n, len(es))
		}
		if err := timeline.WriteJSON(io.Discard, es, nil); err != nil {
			t.Fatal(err)
		}
		if err := timeline.WriteTable(io.Discard, es, nil); err != nil {
			t.Fatal(err)
		}
	}
}
