package timeline_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/timeline"
)

// territoryFile is a small alliance: DNK a member from 1949, FRO listed
// with its own (later) history, PRI left out by an exclusion from 1950 to
// 1960, GRL following DNK.
const territoryFile = `{
  "id": "tt", "name": "Test Treaty", "first_year": 1949,
  "exclusions": [
    {"from": "1950-01-01", "to": "1960-12-31", "countries": ["PRI"],
     "note": "Outside the treaty area.", "sources": ["https://www.nato.int/x"], "confidence": "high"}
  ],
  "countries": [
    {"iso": "DNK", "events": [{"date": "1949-04-04", "status": "current", "note": "Signs.", "sources": ["https://www.nato.int/a"]}]},
    {"iso": "USA", "events": [{"date": "1949-04-04", "status": "current", "note": "Signs.", "sources": ["https://www.nato.int/a"]}]},
    {"iso": "FRO", "events": [{"date": "1970-01-01", "status": "departed", "note": "Own entry.", "sources": ["https://www.nato.int/b"]}]}
  ]
}`

var testTerritories = timeline.Territories{"GRL": "DNK", "FRO": "DNK", "PRI": "USA", "ALA": "FIN"}

func TestStatusesVia(t *testing.T) {
	a, err := timeline.Parse("tt.json", []byte(territoryFile), nil)
	require.NoError(t, err)
	cases := []struct {
		name string
		year int
		want []timeline.Entry
	}{
		{"1949: territories follow, PRI not yet excluded", 1949, []timeline.Entry{
			{ISO: "DNK", Status: current, Since: date(1949, 4, 4)},
			{ISO: "GRL", Status: current, Since: date(1949, 4, 4), Via: "DNK"},
			{ISO: "PRI", Status: current, Since: date(1949, 4, 4), Via: "USA"},
			{ISO: "USA", Status: current, Since: date(1949, 4, 4)},
		}},
		{"1955: PRI excluded", 1955, []timeline.Entry{
			{ISO: "DNK", Status: current, Since: date(1949, 4, 4)},
			{ISO: "GRL", Status: current, Since: date(1949, 4, 4), Via: "DNK"},
			{ISO: "USA", Status: current, Since: date(1949, 4, 4)},
		}},
		{"1970: FRO's own entry wins, exclusion over", 1970, []timeline.Entry{
			{ISO: "DNK", Status: current, Since: date(1949, 4, 4)},
			{ISO: "FRO", Status: departed, Since: date(1970, 1, 1)},
			{ISO: "GRL", Status: current, Since: date(1949, 4, 4), Via: "DNK"},
			{ISO: "PRI", Status: current, Since: date(1949, 4, 4), Via: "USA"},
			{ISO: "USA", Status: current, Since: date(1949, 4, 4)},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, a.StatusesVia(tc.year, today, testTerritories))
		})
	}
	assert.Equal(t, a.Statuses(1955, today), a.StatusesVia(1955, today, nil), "no territories: Statuses")
}

func TestStatusForYearVia(t *testing.T) {
	a, err := timeline.Parse("tt.json", []byte(territoryFile), nil)
	require.NoError(t, err)
	cases := []struct {
		name, iso, sov string
		year           int
		want           timeline.Status
		since          time.Time
		via            string
	}{
		{"territory follows", "GRL", "DNK", 2000, current, date(1949, 4, 4), "DNK"},
		{"state", "DNK", "", 2000, current, date(1949, 4, 4), ""},
		{"excluded", "PRI", "USA", 1955, none, time.Time{}, ""},
		{"own entry", "FRO", "DNK", 1970, departed, date(1970, 1, 1), ""},
		{"own entry, no status yet", "FRO", "DNK", 1960, none, time.Time{}, ""},
		{"sovereign not a member", "ALA", "FIN", 2000, none, time.Time{}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, since, via := a.StatusForYearVia(tc.iso, tc.sov, tc.year, today)
			assert.Equal(t, tc.want, s)
			assert.Equal(t, tc.since, since)
			assert.Equal(t, tc.via, via)
		})
	}
	require.NotNil(t, a.ExclusionOn("PRI", date(1960, 12, 31)), "the last day counts")
	assert.Nil(t, a.ExclusionOn("PRI", date(1961, 1, 1)))
	assert.Equal(t, "Outside the treaty area.", a.ExclusionOn("PRI", date(1955, 1, 1)).Note)
}

// TestEmbeddedTerritories checks the territories rule on the bundled data:
// Greenland and the Faroes follow Denmark in NATO, Åland follows Finland
// from its accession on 2023-04-04.
func TestEmbeddedTerritories(t *testing.T) {
	nato := embedded(t)["nato"]
	terr := timeline.Territories{"GRL": "DNK", "FRO": "DNK", "ALA": "FIN"}
	at := func(year int) map[string]timeline.Entry {
		m := map[string]timeline.Entry{}
		for _, e := range nato.StatusesVia(year, today, terr) {
			m[e.ISO] = e
		}
		return m
	}
	y2024 := at(2024)
	assert.Equal(t, timeline.Entry{ISO: "GRL", Status: current, Since: date(1949, 4, 4), Via: "DNK"}, y2024["GRL"])
	assert.Equal(t, "DNK", y2024["FRO"].Via)
	assert.Equal(t, timeline.Entry{ISO: "ALA", Status: current, Since: date(2023, 4, 4), Via: "FIN"}, y2024["ALA"])
	_, in2022 := at(2022)["ALA"]
	assert.False(t, in2022, "Åland has no status before Finland joins")
}

func TestParseExclusionErrors(t *testing.T) {
	base := func(x string) string {
		return `{"id": "tt", "name": "T", "first_year": 1949, "exclusions": [` + x + `], "countries": []}`
	}
	src := `"sources": ["https://www.nato.int/x"]`
	cases := []struct {
		name, x string
		want    error
		field   string
	}{
		{"no from", `{"countries": ["PRI"], "note": "n", ` + src + `}`, timeline.ErrMissing, "exclusions[0].from"},
		{"bad from", `{"from": "1950-13-01", "countries": ["PRI"], "note": "n", ` + src + `}`, timeline.ErrBadDate, "exclusions[0].from"},
		{"to before from", `{"from": "1950-01-01", "to": "1949-01-01", "countries": ["PRI"], "note": "n", ` + src + `}`, timeline.ErrOrder, "exclusions[0].to"},
		{"no countries", `{"from": "1950-01-01", "note": "n", ` + src + `}`, timeline.ErrMissing, "exclusions[0].countries"},
		{"bad iso", `{"from": "1950-01-01", "countries": ["pr"], "note": "n", ` + src + `}`, timeline.ErrBadISO, "exclusions[0].countries[0]"},
		{"unknown iso", `{"from": "1950-01-01", "countries": ["XYZ"], "note": "n", ` + src + `}`, timeline.ErrUnknownCountry, "exclusions[0].countries[0]"},
		{"no note", `{"from": "1950-01-01", "countries": ["PRI"], ` + src + `}`, timeline.ErrMissing, "exclusions[0].note"},
		{"no sources", `{"from": "1950-01-01", "countries": ["PRI"], "note": "n"}`, timeline.ErrNoSource, "exclusions[0].sources"},
		{"unknown field", `{"from": "1950-01-01", "countries": ["PRI"], "note": "n", "until": "x", ` + src + `}`, timeline.ErrUnknownField, "exclusions[0]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := timeline.Parse("tt.json", []byte(base(tc.x)), testKnown)
			require.ErrorIs(t, err, tc.want)
			var pe *timeline.Error
			require.True(t, errors.As(err, &pe))
			assert.Equal(t, tc.field, pe.Field)
		})
	}
}
