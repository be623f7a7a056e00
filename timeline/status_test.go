package timeline_test

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/timeline"
)

const (
	none        = timeline.StatusNone
	current     = timeline.StatusCurrent
	departed    = timeline.StatusDeparted
	threatening = timeline.StatusThreatening
)

// boundary is one status event of the embedded data, written out by hand
// from the list, so the expectations do not come from the code under
// test: the status the day before, on the day, and on 31 December of that
// year.
type boundary struct {
	alliance, iso string
	day           time.Time
	before, on    timeline.Status
	yearEnd       timeline.Status
}

func cstoBoundaries() []boundary {
	var bs []boundary
	for _, iso := range []string{"ARM", "KAZ", "KGZ", "RUS", "TJK", "UZB"} {
		bs = append(bs, boundary{"csto", iso, date(1992, 5, 15), none, current, current})
	}
	bs = append(bs,
		boundary{"csto", "AZE", date(1993, 9, 24), none, current, current},
		boundary{"csto", "GEO", date(1993, 12, 9), none, current, current},
		boundary{"csto", "BLR", date(1993, 12, 31), none, current, current},
		boundary{"csto", "AZE", date(1999, 4, 20), current, departed, departed},
		boundary{"csto", "GEO", date(1999, 4, 20), current, departed, departed},
		boundary{"csto", "UZB", date(1999, 4, 20), current, departed, departed},
		boundary{"csto", "UZB", date(2006, 8, 16), departed, current, current},
		// Threatening in June, departed by 31 December of the same year.
		boundary{"csto", "UZB", date(2012, 6, 20), current, threatening, departed},
		boundary{"csto", "UZB", date(2012, 12, 19), threatening, departed, departed},
		boundary{"csto", "ARM", date(2023, 5, 22), current, threatening, threatening},
	)
	return bs
}

func natoBoundaries() []boundary {
	joins := []struct {
		day  time.Time
		isos []string
	}{
		{date(1949, 4, 4), []string{"BEL", "CAN", "DNK", "FRA", "ISL", "ITA", "LUX", "NLD", "NOR", "PRT", "GBR", "USA"}},
		{date(1952, 2, 18), []string{"GRC", "TUR"}},
		{date(1955, 5, 6), []string{"DEU"}},
		{date(1982, 5, 30), []string{"ESP"}},
		{date(1999, 3, 12), []string{"CZE", "HUN", "POL"}},
		{date(2004, 3, 29), []string{"BGR", "EST", "LVA", "LTU", "ROU", "SVK", "SVN"}},
		{date(2009, 4, 1), []string{"ALB", "HRV"}},
		{date(2017, 6, 5), []string{"MNE"}},
		{date(2020, 3, 27), []string{"MKD"}},
		{date(2023, 4, 4), []string{"FIN"}},
		{date(2024, 3, 7), []string{"SWE"}},
	}
	var bs []boundary
	for _, j := range joins {
		for _, iso := range j.isos {
			bs = append(bs, boundary{"nato", iso, j.day, none, current, current})
		}
	}
	return bs
}

// TestStatusAtEveryBoundary checks every status event of the embedded data
// the day before, on the day and on 31 December of its year, through
// StatusOn and StatusForYear, and that the table above covers every status
// event in the files.
func TestStatusAtEveryBoundary(t *testing.T) {
	m := embedded(t)
	bs := append(cstoBoundaries(), natoBoundaries()...)

	t.Run("table covers every status event", func(t *testing.T) {
		var inTable, inData []string
		for _, b := range bs {
			inTable = append(inTable, fmt.Sprintf("%s %s %s", b.alliance, b.iso, b.day.Format(time.DateOnly)))
		}
		for _, id := range []string{"csto", "nato"} {
			for _, c := range m[id].Countries {
				for _, e := range c.Events {
					if e.Status != none {
						inData = append(inData, fmt.Sprintf("%s %s %s", id, c.ISO, e.Date.Format(time.DateOnly)))
					}
				}
			}
		}
		assert.ElementsMatch(t, inTable, inData)
	})

	for _, b := range bs {
		a := m[b.alliance]
		require.NotNil(t, a, b.alliance)
		name := fmt.Sprintf("%s/%s/%s", b.alliance, b.iso, b.day.Format(time.DateOnly))
		t.Run(name, func(t *testing.T) {
			before := b.day.AddDate(0, 0, -1)
			got, _ := a.StatusOn(b.iso, before)
			assert.Equal(t, b.before, got, "day before")

			got, since := a.StatusOn(b.iso, b.day)
			assert.Equal(t, b.on, got, "day of")
			assert.Equal(t, b.day, since, "since on the day of")

			yearEnd := date(b.day.Year(), 12, 31)
			got, _ = a.StatusOn(b.iso, yearEnd)
			assert.Equal(t, b.yearEnd, got, "31 December")

			got, _ = a.StatusForYear(b.iso, b.day.Year(), today)
			assert.Equal(t, b.yearEnd, got, "StatusForYear")
		})
	}
}

// TestCurrentYearRule: the current year shows the status in force today,
// not on 31 December; other years show 31 December.
func TestCurrentYearRule(t *testing.T) {
	// Joins 1 March 2025; threatens on 1 December 2026, after "today"
	// (27 November 2026) but within today's year.
	a := parseDoc(t, `{"id":"t","name":"T","first_year":2020,"countries":[
	 {"iso":"ARM","events":[
	  {"date":"2025-03-01","status":"current","note":"Joins.","sources":["https://example.org/1"]},
	  {"date":"2026-12-01","status":"threatening","note":"Threatens.","sources":["https://example.org/2"]}]}]}`)

	evening := time.FixedZone("UTC-5", -5*3600)
	cases := []struct {
		name  string
		year  int
		today time.Time
		want  timeline.Status
		since time.Time
	}{
		{"current year uses today", 2026, today, current, date(2025, 3, 1)},
		{"current year on the event day", 2026, date(2026, 12, 1), threatening, date(2026, 12, 1)},
		{"current year the day before", 2026, date(2026, 11, 30), current, date(2025, 3, 1)},
		{"past year uses 31 December", 2025, today, current, date(2025, 3, 1)},
		{"before the first event", 2024, today, none, time.Time{}},
		{"next year after today: 31 December", 2027, today, threatening, date(2026, 12, 1)},
		{"year seen from a later today: 31 December", 2026, date(2027, 1, 5), threatening, date(2026, 12, 1)},
		// 30 Nov 2026 22:00 at UTC-5 is already 1 Dec in UTC; today's
		// own calendar date decides.
		{"today's date is taken in its own location", 2026, time.Date(2026, 11, 30, 22, 0, 0, 0, evening), current, date(2025, 3, 1)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, since := a.StatusForYear("ARM", tc.year, tc.today)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.since, since)
		})
	}

	t.Run("embedded data in 2026", func(t *testing.T) {
		got, since := embedded(t)["csto"].StatusForYear("ARM", 2026, today)
		assert.Equal(t, threatening, got)
		assert.Equal(t, date(2023, 5, 22), since, "notes do not move since")
	})
}

func TestConcreteYears(t *testing.T) {
	m := embedded(t)
	cases := []struct {
		name                           string
		alliance                       string
		year                           int
		current, departed, threatening int
		check                          map[string]timeline.Status
	}{
		{"CST signed", "csto", 1992, 6, 0, 0, map[string]timeline.Status{"ARM": current, "AZE": none, "BLR": none}},
		{"later signatories", "csto", 1993, 9, 0, 0, map[string]timeline.Status{"AZE": current, "GEO": current, "BLR": current}},
		{"treaty in force", "csto", 1994, 9, 0, 0, nil},
		{"three leave", "csto", 1999, 6, 3, 0, map[string]timeline.Status{"AZE": departed, "GEO": departed, "UZB": departed}},
		{"Uzbekistan back", "csto", 2006, 7, 2, 0, map[string]timeline.Status{"UZB": current}},
		{"Uzbekistan suspended", "csto", 2012, 6, 3, 0, map[string]timeline.Status{"UZB": departed}},
		{"Armenia threatens", "csto", 2023, 5, 3, 1, map[string]timeline.Status{"ARM": threatening, "KAZ": current}},
		{"Armenia frozen", "csto", 2024, 5, 3, 1, map[string]timeline.Status{"ARM": threatening}},
		{"today", "csto", 2026, 5, 3, 1, map[string]timeline.Status{"ARM": threatening, "UKR": none, "MDA": none, "TKM": none}},
		{"NATO founded", "nato", 1949, 12, 0, 0, map[string]timeline.Status{"DEU": none}},
		{"NATO 1999", "nato", 1999, 19, 0, 0, map[string]timeline.Status{"POL": current, "EST": none}},
		{"NATO 2024", "nato", 2024, 32, 0, 0, map[string]timeline.Status{"SWE": current, "FRA": current, "GRC": current}},
		{"NATO while France is outside the command", "nato", 1970, 15, 0, 0, map[string]timeline.Status{"FRA": current}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := m[tc.alliance]
			assert.Equal(t, map[timeline.Status]int{current: tc.current, departed: tc.departed, threatening: tc.threatening},
				a.Counts(tc.year, today))
			assert.Len(t, a.Statuses(tc.year, today), tc.current+tc.departed+tc.threatening)
			for iso, want := range tc.check {
				got, _ := a.StatusForYear(iso, tc.year, today)
				assert.Equal(t, want, got, iso)
			}
		})
	}
}

func TestStatuses(t *testing.T) {
	csto := embedded(t)["csto"]
	want := []timeline.Entry{
		{ISO: "ARM", Status: threatening, Since: date(2023, 5, 22)},
		{ISO: "AZE", Status: departed, Since: date(1999, 4, 20)},
		{ISO: "BLR", Status: current, Since: date(1993, 12, 31)},
		{ISO: "GEO", Status: departed, Since: date(1999, 4, 20)},
		{ISO: "KAZ", Status: current, Since: date(1992, 5, 15)},
		{ISO: "KGZ", Status: current, Since: date(1992, 5, 15)},
		{ISO: "RUS", Status: current, Since: date(1992, 5, 15)},
		{ISO: "TJK", Status: current, Since: date(1992, 5, 15)},
		{ISO: "UZB", Status: departed, Since: date(2012, 12, 19)},
	}
	assert.Equal(t, want, csto.Statuses(2024, today))

	t.Run("sorted by ISO", func(t *testing.T) {
		es := embedded(t)["nato"].Statuses(2024, today)
		assert.True(t, sort.SliceIsSorted(es, func(i, j int) bool { return es[i].ISO < es[j].ISO }))
	})
	t.Run("empty before anyone joined is non-nil", func(t *testing.T) {
		a := parseDoc(t, `{"id":"t","name":"T","first_year":1990,"countries":[
		 {"iso":"ARM","events":[{"date":"1995-01-01","status":"current","note":"Joins.","sources":["https://example.org/1"]}]}]}`)
		es := a.Statuses(1990, today)
		assert.NotNil(t, es)
		assert.Empty(t, es)
	})
}

func TestStatusRepeatKeepsSince(t *testing.T) {
	a := parseDoc(t, `{"id":"t","name":"T","first_year":1990,"countries":[
	 {"iso":"ARM","events":[
	  {"date":"1995-01-01","status":"current","note":"Joins.","sources":["https://example.org/1"]},
	  {"date":"1996-01-01","status":"current","note":"Joins again (a repeat).","sources":["https://example.org/1"]},
	  {"date":"1997-01-01","status":"departed","note":"Leaves.","sources":["https://example.org/1"]},
	  {"date":"1997-01-01","status":"current","note":"Same day, listed later: wins.","sources":["https://example.org/1"]}]}]}`)
	cases := []struct {
		name  string
		day   time.Time
		want  timeline.Status
		since time.Time
	}{
		{"repeat does not move since", date(1996, 6, 1), current, date(1995, 1, 1)},
		{"same day: later event wins", date(1997, 1, 1), current, date(1997, 1, 1)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, since := a.StatusOn("ARM", tc.day)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.since, since)
		})
	}
	assert.Equal(t, []int{1995, 1997}, a.ChangeYears(), "the repeat in 1996 is not a change")
	assert.Equal(t, []int{1995, 1996, 1997}, a.EventYears())
}

func TestCountry(t *testing.T) {
	csto := embedded(t)["csto"]
	cases := []struct {
		name   string
		iso    string
		found  bool
		never  bool
		status timeline.Status
	}{
		{"member", "RUS", true, false, current},
		{"never-member is listed", "UKR", true, true, none},
		{"never-member Moldova", "MDA", true, true, none},
		{"never-member Turkmenistan", "TKM", true, true, none},
		{"not in the file", "FRA", false, false, none},
		{"empty code", "", false, false, none},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, ok := csto.Country(tc.iso)
			require.Equal(t, tc.found, ok)
			if ok {
				assert.Equal(t, tc.iso, c.ISO)
				assert.Equal(t, tc.never, c.Never)
				if c.Never {
					assert.NotEmpty(t, c.Note)
					assert.NotEmpty(t, c.Sources)
				}
			}
			for _, year := range []int{1992, 2000, 2026} {
				got, _ := csto.StatusForYear(tc.iso, year, today)
				if year == 2026 {
					assert.Equal(t, tc.status, got)
				}
				if tc.never || !tc.found {
					assert.Equal(t, none, got, year)
				}
			}
		})
	}
}

func TestYearRangeAndCheckYear(t *testing.T) {
	m := embedded(t)
	closed := parseDoc(t, `{"id":"wp","name":"Warsaw Pact","first_year":1955,"last_year":1991,"countries":[
	 {"iso":"POL","events":[{"date":"1955-05-14","status":"current","note":"Joins.","sources":["https://example.org/1"]}]}]}`)
	cases := []struct {
		name        string
		a           *timeline.Alliance
		today       time.Time
		first, last int
	}{
		{"CSTO up to today", m["csto"], today, 1992, 2026},
		{"NATO up to today", m["nato"], today, 1949, 2026},
		{"fixed last year", closed, today, 1955, 1991},
		{"today before the first year", m["csto"], date(1990, 1, 1), 1992, 1992},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			first, last := tc.a.YearRange(tc.today)
			assert.Equal(t, tc.first, first)
			assert.Equal(t, tc.last, last)
			assert.NoError(t, tc.a.CheckYear(first, tc.today))
			assert.NoError(t, tc.a.CheckYear(last, tc.today))
			for _, y := range []int{first - 1, last + 1} {
				err := tc.a.CheckYear(y, tc.today)
				require.ErrorIs(t, err, timeline.ErrOutOfRange)
				assert.Contains(t, err.Error(), fmt.Sprintf("%d (%s covers %d-%d)", y, tc.a.ShortName, first, last))
			}
		})
	}
	assert.EqualError(t, m["csto"].CheckYear(1991, today), "timeline: year out of range: 1991 (CSTO covers 1992-2026)")
}

func TestChangeAndEventYears(t *testing.T) {
	m := embedded(t)
	cases := []struct {
		name   string
		got    []int
		expect []int
	}{
		{"CSTO changes", m["csto"].ChangeYears(), []int{1992, 1993, 1999, 2006, 2012, 2023}},
		// 2010: Kyrgyzstan asks for help during the Osh violence (a note).
		{"CSTO events", m["csto"].EventYears(), []int{1992, 1993, 1994, 1999, 2002, 2003, 2006, 2010, 2012, 2022, 2023, 2024, 2025}},
		{"NATO changes", m["nato"].ChangeYears(), []int{1949, 1952, 1955, 1982, 1999, 2004, 2009, 2017, 2020, 2023, 2024}},
		{"NATO events", m["nato"].EventYears(), []int{1949, 1952, 1955, 1966, 1974, 1980, 1982, 1990, 1999, 2004, 2009, 2017, 2020, 2023, 2024}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.expect, tc.got)
		})
	}
}

// parseDoc parses an inline test document with no ISO check.
func parseDoc(tb testing.TB, doc string) *timeline.Alliance {
	tb.Helper()
	a, err := timeline.Parse("test.json", []byte(doc), nil)
	require.NoError(tb, err)
	return a
}
