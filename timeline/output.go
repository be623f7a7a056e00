package timeline

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
	"time"
)

// checkEntries rejects entries that cannot be written: a status other than
// current, departed or threatening, or a zero Since.
func checkEntries(entries []Entry) error {
	for i, e := range entries {
		if e.Status == StatusNone || !e.Status.valid() {
			return fmt.Errorf("%w: entry %d (%s): %q", ErrBadStatus, i, e.ISO, e.Status)
		}
		if e.Since.IsZero() {
			return fmt.Errorf("%w: entry %d (%s): no since date", ErrMissing, i, e.ISO)
		}
	}
	return nil
}

func name(nameOf func(string) string, iso string) string {
	if nameOf == nil {
		return ""
	}
	return nameOf(iso)
}

// WriteTable writes entries (as from Statuses) as an aligned text table
// with the columns ISO3, NAME, STATUS and SINCE (YYYY-MM-DD), one row per
// entry in the given order, under a header row. An empty list writes only
// the header. nameOf gives a country's display name; it may be nil (empty
// names). Entries with StatusNone, an unknown status or a zero Since are
// rejected before anything is written.
func WriteTable(w io.Writer, entries []Entry, nameOf func(iso string) string) error {
	if err := checkEntries(entries); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ISO3\tNAME\tSTATUS\tSINCE")
	for _, e := range entries {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.ISO, name(nameOf, e.ISO), e.Status, e.Since.Format(time.DateOnly))
	}
	return tw.Flush()
}

// entryJSON is the JSON form of an Entry written by WriteJSON.
type entryJSON struct {
	ISO    string `json:"iso"`
	Name   string `json:"name"`
	Status Status `json:"status"`
	Since  string `json:"since"`
}

// WriteJSON writes entries (as from Statuses) as an indented JSON array of
// objects {"iso", "name", "status", "since"}, in the given order, followed by
// a newline: status is current, departed or threatening, since is
// YYYY-MM-DD. An empty or nil list writes "[]". nameOf may be nil (empty
// names). Entries with StatusNone, an unknown status or a zero Since are
// rejected before anything is written.
func WriteJSON(w io.Writer, entries []Entry, nameOf func(iso string) string) error {
	if err := checkEntries(entries); err != nil {
		return err
	}
	out := make([]entryJSON, 0, len(entries))
	for _, e := range entries {
		out = append(out, entryJSON{ISO: e.ISO, Name: name(nameOf, e.ISO), Status: e.Status, Since: e.Since.Format(time.DateOnly)})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
