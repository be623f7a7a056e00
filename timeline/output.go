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

// entryJSON is the JSON form of an Entry written by WriteJSON and
// WriteJSONSources.
type entryJSON struct {
	ISO     string       `json:"iso"`
	Name    string       `json:"name"`
	Status  Status       `json:"status"`
	Since   string       `json:"since"`
	Sources []sourceJSON `json:"sources,omitempty"`
}

// sourceJSON is one source of a status row.
type sourceJSON struct {
	URL       string `json:"url"`
	Publisher string `json:"publisher"`
	Class     string `json:"class"`
}

// WriteJSON writes entries (as from Statuses) as an indented JSON array of
// objects {"iso", "name", "status", "since"}, in the given order, followed by
// a newline: status is current, departed or threatening, since is
// YYYY-MM-DD. An empty or nil list writes "[]". nameOf may be nil (empty
// names). Entries with StatusNone, an unknown status or a zero Since are
// rejected before anything is written.
func WriteJSON(w io.Writer, entries []Entry, nameOf func(iso string) string) error {
	return writeJSON(w, nil, entries, nameOf, nil)
}

// WriteJSONSources is WriteJSON with a "sources" array on each row: the
// sources of the event of a's that started the row's status (the event of
// the row's country dated Since with the row's status; the last such one
// on that day), each as {"url", "publisher", "class"} with the publisher and
// class from describe (e.g. (*Policy).Describe). A row whose event a does not
// have gets no "sources" key. describe may be nil: the publisher and class
// are then empty.
func WriteJSONSources(w io.Writer, a *Alliance, entries []Entry, nameOf func(iso string) string,
	describe func(url string) (publisher, class string)) error {
	if describe == nil {
		describe = func(string) (string, string) { return "", "" }
	}
	return writeJSON(w, a, entries, nameOf, describe)
}

func writeJSON(w io.Writer, a *Alliance, entries []Entry, nameOf func(string) string,
	describe func(string) (string, string)) error {
	if err := checkEntries(entries); err != nil {
		return err
	}
	out := make([]entryJSON, 0, len(entries))
	for _, e := range entries {
		row := entryJSON{ISO: e.ISO, Name: name(nameOf, e.ISO), Status: e.Status, Since: e.Since.Format(time.DateOnly)}
		if a != nil {
			if ev := a.StartingEvent(e); ev != nil {
				for _, s := range ev.Sources {
					pub, class := describe(s)
					row.Sources = append(row.Sources, sourceJSON{URL: s, Publisher: pub, Class: class})
				}
			}
		}
		out = append(out, row)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// StartingEvent returns the event that started e's status: the last event
// of e's country dated e.Since with e.Status, or nil if a has none (for
// example when e did not come from a's Statuses). The pointer is to a's own
// data: do not modify it.
func (a *Alliance) StartingEvent(e Entry) *Event {
	c, ok := a.Country(e.ISO)
	if !ok {
		return nil
	}
	var found *Event
	for i := range c.Events {
		ev := &c.Events[i]
		if ev.Date.Equal(e.Since) && ev.Status == e.Status {
			found = ev
		}
	}
	return found
}
