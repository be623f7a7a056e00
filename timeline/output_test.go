package timeline_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/timeline"
)

var names = map[string]string{"ARM": "Armenia", "AZE": "Azerbaijan", "KAZ": "Kazakhstan"}

func nameOf(iso string) string { return names[iso] }

var sampleEntries = []timeline.Entry{
	{ISO: "ARM", Status: threatening, Since: date(2023, 5, 22)},
	{ISO: "AZE", Status: departed, Since: date(1999, 4, 20)},
	{ISO: "KAZ", Status: current, Since: date(1992, 5, 15)},
}

func TestWriteTable(t *testing.T) {
	cases := []struct {
		name    string
		entries []timeline.Entry
		nameOf  func(string) string
		want    string
	}{
		{"rows", sampleEntries, nameOf, "" +
			"ISO3  NAME        STATUS       SINCE\n" +
			"ARM   Armenia     threatening  2023-05-22\n" +
			"AZE   Azerbaijan  departed     1999-04-20\n" +
			"KAZ   Kazakhstan  current      1992-05-15\n"},
		{"nil nameOf", sampleEntries[2:], nil, "" +
			"ISO3  NAME  STATUS   SINCE\n" +
			"KAZ         current  1992-05-15\n"},
		{"empty list: header only", nil, nameOf, "ISO3  NAME  STATUS  SINCE\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, timeline.WriteTable(&b, tc.entries, tc.nameOf))
			assert.Equal(t, tc.want, b.String())
		})
	}
}

func TestWriteJSON(t *testing.T) {
	cases := []struct {
		name    string
		entries []timeline.Entry
		nameOf  func(string) string
		want    string
	}{
		{"rows", sampleEntries[:2], nameOf, `[
  {
    "iso": "ARM",
    "name": "Armenia",
    "status": "threatening",
    "since": "2023-05-22"
  },
  {
    "iso": "AZE",
    "name": "Azerbaijan",
    "status": "departed",
    "since": "1999-04-20"
  }
]
`},
		{"nil list", nil, nameOf, "[]\n"},
		{"empty list", []timeline.Entry{}, nameOf, "[]\n"},
		{"no HTML escaping in names", sampleEntries[2:], func(string) string { return "A & B <C>" }, `[
  {
    "iso": "KAZ",
    "name": "A & B <C>",
    "status": "current",
    "since": "1992-05-15"
  }
]
`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, timeline.WriteJSON(&b, tc.entries, tc.nameOf))
			assert.Equal(t, tc.want, b.String())
		})
	}

	t.Run("embedded 2026 round-trips", func(t *testing.T) {
		var b bytes.Buffer
		require.NoError(t, timeline.WriteJSON(&b, embedded(t)["csto"].Statuses(2026, today), nil))
		var got []map[string]string
		require.NoError(t, json.Unmarshal(b.Bytes(), &got))
		require.Len(t, got, 9)
		assert.Equal(t, map[string]string{"iso": "ARM", "name": "", "status": "threatening", "since": "2023-05-22"}, got[0])
	})
}

func TestWriteRejectsBadEntries(t *testing.T) {
	cases := []struct {
		name  string
		entry timeline.Entry
		err   error
	}{
		{"no status", timeline.Entry{ISO: "ARM", Since: date(2000, 1, 1)}, timeline.ErrBadStatus},
		{"unknown status", timeline.Entry{ISO: "ARM", Status: "member", Since: date(2000, 1, 1)}, timeline.ErrBadStatus},
		{"no since", timeline.Entry{ISO: "ARM", Status: current, Since: time.Time{}}, timeline.ErrMissing},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			entries := append([]timeline.Entry{sampleEntries[0]}, tc.entry)
			for name, write := range map[string]func(*bytes.Buffer) error{
				"table": func(b *bytes.Buffer) error { return timeline.WriteTable(b, entries, nameOf) },
				"json":  func(b *bytes.Buffer) error { return timeline.WriteJSON(b, entries, nameOf) },
			} {
				var b bytes.Buffer
				assert.ErrorIs(t, write(&b), tc.err, name)
				assert.Zero(t, b.Len(), "%s: nothing is written", name)
			}
		})
	}
}
