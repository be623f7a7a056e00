package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"cstomap/geo"
	"cstomap/timeline"
)

// CSV is the format of the status table, one row per country and year.
const CSV Format = "csv"

// StatusColumns are the columns of the status table, in order: the
// alliance's id, the year, the country's ISO3 code and name, its status,
// the date that status began (YYYY-MM-DD) and, for a territory that takes
// its sovereign's status, the sovereign's code.
var StatusColumns = []string{"alliance", "year", "iso", "name", "status", "since", "via"}

// StatusRow is one country's status in one year: a row of the status
// table (see StatusColumns). Its JSON form has the same keys.
type StatusRow struct {
	Alliance string          `json:"alliance"`
	Year     int             `json:"year"`
	ISO      string          `json:"iso"`
	Name     string          `json:"name"`
	Status   timeline.Status `json:"status"`
	Since    string          `json:"since"`
	Via      string          `json:"via"`
}

// StatusRows returns the status table of a for the years first…last: for
// each year in turn, every country with a status under the map's rule
// (timeline.Alliance.StatusesVia: territories take their sovereign's
// status), sorted by ISO code. world returns the outlines of a year, which
// give the names and the territories; nil means no names and no
// territories. The caller checks the years (Alliance.CheckYear).
func StatusRows(a *timeline.Alliance, first, last int, today time.Time, world func(year int) *geo.World) []StatusRow {
	var (
		rows  []StatusRow
		w     *geo.World
		terr  map[string]string
		built bool
	)
	for _, y := range YearsBetween(first, last) {
		var wy *geo.World
		if world != nil {
			wy = world(y)
		}
		if !built || wy != w {
			w, terr, built = wy, nil, true
			if w != nil {
				terr = w.Territories()
			}
		}
		for _, e := range a.StatusesVia(y, today, terr) {
			name := ""
			if w != nil {
				name = w.Name(e.ISO)
			}
			rows = append(rows, StatusRow{
				Alliance: a.ID, Year: y, ISO: e.ISO, Name: name,
				Status: e.Status, Since: e.Since.Format(time.DateOnly), Via: e.Via,
			})
		}
	}
	return rows
}

// WriteStatusCSV writes rows as CSV (RFC 4180 quoting, UTF-8, "\n" line
// ends) under a header line of StatusColumns. An empty list writes only
// the header.
func WriteStatusCSV(w io.Writer, rows []StatusRow) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(StatusColumns); err != nil {
		return err
	}
	rec := make([]string, len(StatusColumns))
	for _, r := range rows {
		rec[0], rec[1], rec[2], rec[3] = r.Alliance, strconv.Itoa(r.Year), r.ISO, r.Name
		rec[4], rec[5], rec[6] = string(r.Status), r.Since, r.Via
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	return nil
}

// WriteStatusJSON writes rows as an indented JSON array of objects with
// the keys of StatusColumns ("year" a number, "via" "" for a state's own
// status), followed by a newline. An empty list writes "[]".
func WriteStatusJSON(w io.Writer, rows []StatusRow) error {
	if rows == nil {
		rows = []StatusRow{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rows)
}

// Data reports whether f is a data format (CSV, GeoJSON) rather than an
// image: its size, scale, style and elements do not apply.
func (f Format) Data() bool { return f == CSV || f == GeoJSON }
