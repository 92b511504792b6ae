package campaign

import (
	"fmt"
	"time"
)

// Date is a day of the record, or a month where the record gives no day.
type Date struct {
	Time  time.Time // the day, or the first day of the month, at midnight UTC
	Month bool      // the record gives only the month
}

// Day is the date of a day.
func Day(y int, m time.Month, d int) Date {
	return Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// IsZero reports whether the date is missing.
func (d Date) IsZero() bool { return d.Time.IsZero() }

// End is the moment just after the date: the next day, or the first day
// of the next month.
func (d Date) End() time.Time {
	if d.Month {
		return d.Time.AddDate(0, 1, 0)
	}
	return d.Time.AddDate(0, 0, 1)
}

// String is the date as the screen writes it: "3 July 1944", "August 1944".
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month:
		return d.Time.Format("January 2006")
	}
	return d.Time.Format("2 January 2006")
}

// Span writes the dates from and to (to may be zero) as briefly as they
// read: "3-27 July 1944", "14 November 1944 - 1 February 1945",
// "February-April 1947", "August - 2 September 1944".
func Span(from, to Date) string {
	if to.IsZero() || to == from {
		return from.String()
	}
	f, t := from.Time, to.Time
	switch {
	case f.Year() != t.Year():
		return from.String() + " - " + to.String()
	case from.Month && to.Month:
		return f.Format("January") + "-" + to.String()
	case !from.Month && !to.Month && f.Month() == t.Month():
		return fmt.Sprintf("%d-%s", f.Day(), to.String())
	case from.Month:
		return f.Format("January") + " - " + to.String()
	}
	return f.Format("2 January") + " - " + to.String()
}
