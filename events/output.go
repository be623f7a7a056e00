package events

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteTable writes evs as an aligned text table with the columns DATE,
// END, KIND, ISO3, PLACE, OUTCOME and ID, one row per event in the given
// order, under a header row. An open-ended event's END reads "open", a
// one-day event's "-"; an event without outcome shows "-". An empty list
// writes only the header.
func WriteTable(w io.Writer, evs []Event) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tEND\tKIND\tISO3\tPLACE\tOUTCOME\tID")
	for _, e := range evs {
		end := e.End.String()
		switch {
		case end != "":
		case e.Open():
			end = "open"
		default:
			end = "-"
		}
		outcome := string(e.Outcome)
		if outcome == "" {
			outcome = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.Date, end, e.Kind, strings.Join(e.ISO, ","), e.Place, outcome, e.ID)
	}
	return tw.Flush()
}

// eventJSONOut is the JSON form of an Event written by WriteJSON.
type eventJSONOut struct {
	ID      string   `json:"id"`
	Kind    Kind     `json:"kind"`
	Date    string   `json:"date"`
	End     string   `json:"end"`
	ISO     []string `json:"iso"`
	Place   string   `json:"place"`
	Lon     float64  `json:"lon"`
	Lat     float64  `json:"lat"`
	Outcome Outcome  `json:"outcome"`
	Note    string   `json:"note"`
	Sources []string `json:"sources"`
}

// WriteJSON writes evs as an indented JSON array of objects with the keys
// id, kind, date, end, iso, place, lon, lat, outcome, note and sources, in
// the given order, followed by a newline. date and end are written as in
// the file (YYYY-MM-DD, YYYY-MM or YYYY); end is "" for a one-day or
// open-ended event, outcome "" for an event that is not a request. An
// empty or nil list writes "[]".
func WriteJSON(w io.Writer, evs []Event) error {
	out := make([]eventJSONOut, 0, len(evs))
	for _, e := range evs {
		out = append(out, eventJSONOut{ID: e.ID, Kind: e.Kind, Date: e.Date.String(), End: e.End.String(),
			ISO: e.ISO, Place: e.Place, Lon: e.Lon, Lat: e.Lat, Outcome: e.Outcome, Note: e.Note, Sources: e.Sources})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
