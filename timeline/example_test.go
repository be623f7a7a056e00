package timeline_test

import (
	"fmt"
	"os"
	"time"

	"cstomap/assets"
	"cstomap/timeline"
)

// The map for 1999: the status of every country on 31 December 1999.
func ExampleAlliance_Statuses() {
	as, err := timeline.LoadFS(assets.Alliances, "alliances", nil)
	if err != nil {
		panic(err)
	}
	csto := as[0]
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	fmt.Println(csto.ShortName, csto.Counts(1999, today))
	if err := timeline.WriteTable(os.Stdout, csto.Statuses(1999, today), nil); err != nil {
		panic(err)
	}
	// Output:
	// CSTO map[current:6 departed:3 threatening:0]
	// ISO3  NAME  STATUS    SINCE       VIA
	// ARM         current   1992-05-15
	// AZE         departed  1999-04-20
	// BLR         current   1993-12-31
	// GEO         departed  1999-04-20
	// KAZ         current   1992-05-15
	// KGZ         current   1992-05-15
	// RUS         current   1992-05-15
	// TJK         current   1992-05-15
	// UZB         departed  1999-04-20
}

// The current year shows the status in force today; the year slider stops
// at today's year.
func ExampleAlliance_StatusForYear() {
	as, err := timeline.LoadFS(assets.Alliances, "alliances", nil)
	if err != nil {
		panic(err)
	}
	csto := as[0]
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	status, since := csto.StatusForYear("ARM", 2026, today)
	fmt.Println(status, since.Format(time.DateOnly))
	fmt.Println(csto.CheckYear(2027, today))
	// Output:
	// threatening 2023-05-22
	// timeline: year out of range: 2027 (CSTO covers 1992-2026)
}
