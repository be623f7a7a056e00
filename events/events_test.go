package events_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/events"
)

func mustDate(t *testing.T, s string) events.Date {
	t.Helper()
	if s == "" {
		return events.Date{}
	}
	d, ok := events.ParseDate(s)
	require.True(t, ok, s)
	return d
}

// TestYearRule checks the year rule at its edges. Timeline of the cases
// (today is 2026-11-27):
//
//	one-day   |x|                         its year only
//	lasting   |x-----------x|             every year start..end
//	open      |x------------------> now   every year start..today's year
func TestYearRule(t *testing.T) {
	today := day(2026, 11, 27)
	cases := []struct {
		name        string
		kind        events.Kind
		date, end   string
		first, last int
		in, out     []int
	}{
		{"one-day on 1 January", events.KindRequest, "2022-01-01", "", 2022, 2022, []int{2022}, []int{2021, 2023}},
		{"one-day on 31 December", events.KindRequest, "2021-12-31", "", 2021, 2021, []int{2021}, []int{2020, 2022}},
		{"deployment within January belongs to its year", events.KindDeployment, "2022-01-06", "2022-01-19", 2022, 2022, []int{2022}, []int{2021, 2023}},
		{"lasting from 31 December to 1 January touches both years", events.KindDeployment, "2021-12-31", "2022-01-01", 2021, 2022, []int{2021, 2022}, []int{2020, 2023}},
		{"base 2001-2005 inclusive", events.KindBase, "2001-10-05", "2005-11-21", 2001, 2005, []int{2001, 2003, 2005}, []int{2000, 2006}},
		{"base ending on 1 January still belongs to that year", events.KindBase, "2001-12", "2014-01-01", 2001, 2014, []int{2001, 2014}, []int{2000, 2015}},
		{"open-ended base runs to today's year", events.KindBase, "1995", "", 1995, 2026, []int{1995, 2026}, []int{1994, 2027}},
		{"open-ended base opened on today's 1 January", events.KindBase, "2026-01-01", "", 2026, 2026, []int{2026}, []int{2025, 2027}},
		{"open-ended base opening after today belongs to no year yet", events.KindBase, "2027-01-01", "", 2027, 2026, nil, []int{2026, 2027}},
		{"clash with a month-precise end", events.KindClash, "2022-09-14", "2022-09", 2022, 2022, []int{2022}, []int{2021, 2023}},
		{"clash without end is one period", events.KindClash, "2021-04", "", 2021, 2021, []int{2021}, []int{2022}},
		{"invocation", events.KindInvocation, "2001-09-12", "", 2001, 2001, []int{2001}, []int{2002}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := events.Event{Kind: tc.kind, Date: mustDate(t, tc.date), End: mustDate(t, tc.end)}
			first, last := e.Years(today)
			assert.Equal(t, tc.first, first, "first")
			assert.Equal(t, tc.last, last, "last")
			for _, y := range tc.in {
				assert.True(t, e.InYear(y, today), "should be in %d", y)
			}
			for _, y := range tc.out {
				assert.False(t, e.InYear(y, today), "should not be in %d", y)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	cases := []struct {
		in          string
		ok          bool
		first, last time.Time
	}{
		{"2022-01-06", true, day(2022, 1, 6), day(2022, 1, 6)},
		{"2001-12", true, day(2001, 12, 1), day(2001, 12, 31)},
		{"2024-02", true, day(2024, 2, 1), day(2024, 2, 29)},
		{"1995", true, day(1995, 1, 1), day(1995, 12, 31)},
		{"2023-02-29", false, time.Time{}, time.Time{}},
		{"2023-13", false, time.Time{}, time.Time{}},
		{"2023-00-10", false, time.Time{}, time.Time{}},
		{"0999", false, time.Time{}, time.Time{}},
		{"95", false, time.Time{}, time.Time{}},
		{"2023/01/01", false, time.Time{}, time.Time{}},
		{"+202-01-01", false, time.Time{}, time.Time{}},
		{"", false, time.Time{}, time.Time{}},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			d, ok := events.ParseDate(tc.in)
			require.Equal(t, tc.ok, ok)
			if !ok {
				return
			}
			assert.Equal(t, tc.in, d.String(), "String gives back the input")
			assert.Equal(t, tc.first, d.First())
			assert.Equal(t, tc.last, d.Last())
		})
	}
}

func TestSelectAndSort(t *testing.T) {
	evs, err := events.Parse("t.json", []byte(validDoc), testKnown)
	require.NoError(t, err)
	require.Len(t, evs, 2)
	assert.Equal(t, "base", evs[0].ID, "sorted by date: 1995 before 2010")
	today := day(2026, 11, 27)
	cases := []struct {
		name string
		f    events.Filter
		want []string
	}{
		{"all", events.Filter{}, []string{"base", "req"}},
		{"year 2010", events.Filter{Year: 2010, Today: today}, []string{"base", "req"}},
		{"year 2000", events.Filter{Year: 2000, Today: today}, []string{"base"}},
		{"kind request", events.Filter{Kind: events.KindRequest}, []string{"req"}},
		{"alliance in any case", events.Filter{Alliance: "CSTO"}, []string{"base", "req"}},
		{"other alliance", events.Filter{Alliance: "nato"}, nil},
		{"country", events.Filter{ISO: "KGZ"}, []string{"req"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, e := range events.Select(evs, tc.f) {
				got = append(got, e.ID)
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestParseKind(t *testing.T) {
	k, err := events.ParseKind("base")
	require.NoError(t, err)
	assert.Equal(t, events.KindBase, k)
	_, err = events.ParseKind("Base")
	require.ErrorIs(t, err, events.ErrBadKind)
	assert.Contains(t, err.Error(), "want request, deployment, clash, base, invocation")
}
