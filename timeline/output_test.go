package timeline_test

import (
	"bytes"
	"encoding/json"
	"strings"
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

func TestWriteJSONSources(t *testing.T) {
	a := parseDoc(t, `{"id": "p", "name": "P", "first_year": 2000, "countries": [
	  {"iso": "ARM", "events": [
	    {"date": "2001-01-01", "status": "current", "note": "Joins.", "sources": ["https://a.example/1"]},
	    {"date": "2002-01-01", "note": "A note.", "sources": ["https://a.example/2"]},
	    {"date": "2003-01-01", "status": "threatening", "note": "Threatens.", "sources": ["https://a.example/3", "https://b.example/4"]}]},
	  {"iso": "AZE", "events": [
	    {"date": "2001-01-01", "status": "current", "note": "Joins.", "sources": ["https://a.example/5"]},
	    {"date": "2001-01-01", "status": "current", "note": "Same day, later: this one.", "sources": ["https://b.example/6"]}]}]}`)
	describe := func(u string) (string, string) {
		if strings.Contains(u, "a.example") {
			return "A", "news"
		}
		return "B", "official"
	}
	entries := a.Statuses(2004, today)
	entries = append(entries, timeline.Entry{ISO: "KAZ", Status: current, Since: date(2001, 1, 1)})
	var b bytes.Buffer
	require.NoError(t, timeline.WriteJSONSources(&b, a, entries, nameOf, describe))
	assert.Equal(t, `[
  {
    "iso": "ARM",
    "name": "Armenia",
    "status": "threatening",
    "since": "2003-01-01",
    "sources": [
      {
        "url": "https://a.example/3",
        "publisher": "A",
        "class": "news"
      },
      {
        "url": "https://b.example/4",
        "publisher": "B",
        "class": "official"
      }
    ]
  },
  {
    "iso": "AZE",
    "name": "Azerbaijan",
    "status": "current",
    "since": "2001-01-01",
    "sources": [
      {
        "url": "https://b.example/6",
        "publisher": "B",
        "class": "official"
      }
    ]
  },
  {
    "iso": "KAZ",
    "name": "Kazakhstan",
    "status": "current",
    "since": "2001-01-01"
  }
]
`, b.String())

	b.Reset()
	require.NoError(t, timeline.WriteJSONSources(&b, a, entries[:1], nil, nil))
	assert.Contains(t, b.String(), `"publisher": "",`, "a nil describe leaves publisher and class empty")
	assert.ErrorIs(t, timeline.WriteJSONSources(&b, a, []timeline.Entry{{ISO: "ARM"}}, nil, nil), timeline.ErrBadStatus)
}

func TestStartingEvent(t *testing.T) {
	m := embedded(t)
	cases := []struct {
		alliance string
		entry    timeline.Entry
		note     string // prefix of the event's note; "" for nil
	}{
		{"csto", timeline.Entry{ISO: "ARM", Status: threatening, Since: date(2023, 5, 22)}, "Pashinyan says leaving"},
		{"csto", timeline.Entry{ISO: "UZB", Status: current, Since: date(2006, 8, 16)}, "Rejoins"},
		{"csto", timeline.Entry{ISO: "UZB", Status: current, Since: date(2006, 6, 23)}, ""},
		{"csto", timeline.Entry{ISO: "UKR", Status: current, Since: date(1992, 5, 15)}, ""},
		{"nato", timeline.Entry{ISO: "XXX", Status: current, Since: date(1949, 4, 4)}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.entry.ISO+" "+tc.entry.Since.Format("2006-01-02"), func(t *testing.T) {
			e := m[tc.alliance].StartingEvent(tc.entry)
			if tc.note == "" {
				assert.Nil(t, e)
				return
			}
			require.NotNil(t, e)
			assert.True(t, strings.HasPrefix(e.Note, tc.note), e.Note)
		})
	}
}
