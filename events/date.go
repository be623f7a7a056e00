package events

import (
	"fmt"
	"time"
)

// Date is a calendar date known to the day ("2022-01-06"), the month
// ("2001-12") or the year ("1995"). Sources often give no more than a
// month or a year for when a base opened; the files say only what the
// sources say. Month and Day are 0 when not known. The zero Date means "no
// date".
type Date struct {
	Year, Month, Day int
}

// ParseDate parses "YYYY-MM-DD", "YYYY-MM" or "YYYY" (digits only, a real
// calendar day or month, year 1000-9999).
func ParseDate(s string) (Date, bool) {
	var d Date
	switch len(s) {
	case 4, 7, 10:
	default:
		return Date{}, false
	}
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return Date{}, false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return Date{}, false
		}
	}
	num := func(a, b int) int {
		n := 0
		for _, c := range s[a:b] {
			n = n*10 + int(c-'0')
		}
		return n
	}
	d.Year = num(0, 4)
	if d.Year < 1000 {
		return Date{}, false
	}
	if len(s) >= 7 {
		d.Month = num(5, 7)
		if d.Month < 1 || d.Month > 12 {
			return Date{}, false
		}
	}
	if len(s) == 10 {
		d.Day = num(8, 10)
		if d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
			return Date{}, false
		}
	}
	return d, true
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether d is the zero Date (no date).
func (d Date) IsZero() bool { return d == Date{} }

// String formats d as it was written: "YYYY-MM-DD", "YYYY-MM" or "YYYY";
// "" for the zero Date.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// First returns the first day d may mean, at midnight UTC: the day itself,
// or the first day of its month or year.
func (d Date) First() time.Time {
	m, day := max(d.Month, 1), max(d.Day, 1)
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Last returns the last day d may mean, at midnight UTC: the day itself, or
// the last day of its month or year.
func (d Date) Last() time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(d.Year, time.Month(d.Month), daysIn(d.Year, d.Month), 0, 0, 0, 0, time.UTC)
	}
	return d.First()
}
