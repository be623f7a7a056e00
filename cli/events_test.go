package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// eventsJSON runs `events --json` with args and returns the rows, checking
// that each has exactly the documented keys.
func eventsJSON(t *testing.T, run runFunc, args ...string) []map[string]any {
	t.Helper()
	code, out, errOut := run(append([]string{"events", "--json"}, args...)...)
	require.Equal(t, 0, code, errOut)
	var rows []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rows))
	want := []string{"date", "end", "id", "iso", "kind", "lat", "lon", "note", "outcome", "place", "sources"}
	for _, r := range rows {
		keys := make([]string, 0, len(r))
		for k := range r {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		require.Equal(t, want, keys)
	}
	return rows
}

func ids(rows []map[string]any) []string {
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		out = append(out, r["id"].(string))
	}
	return out
}

func TestEventsByYear(t *testing.T) {
	run := runAt(t, "2026-11-27")
	russianBases := []string{"ru-baikonur-lease", "ru-gyumri-102-base", "ru-baranovichi-radar", "ru-vileyka-station"}
	cases := []struct {
		name    string
		args    []string
		in, out []string
	}{
		{"2005: both US bases and the Russian ones", []string{"--alliance", "csto", "--year", "2005"},
			append([]string{"us-k2-base", "us-manas-base", "ru-kant-base", "ru-201-base"}, russianBases...),
			[]string{"kgz-2010-osh-request", "nato-2001-article5"}},
		{"2006: K2 has closed", []string{"--year", "2006", "--alliance", "CSTO"}, []string{"us-manas-base"}, []string{"us-k2-base"}},
		{"2010: Osh", []string{"--year", "2010"}, []string{"kgz-2010-osh-request", "us-manas-base"}, []string{"us-k2-base"}},
		{"2014: Manas closes that year", []string{"--year", "2014"}, []string{"us-manas-base"}, nil},
		{"2015: Manas gone", []string{"--year", "2015"}, nil, []string{"us-manas-base"}},
		{"2021: the May request and the April clash", []string{"--year", "2021"}, []string{"arm-2021-05-request", "kgz-tjk-2021-04-clash"}, []string{"kaz-2022-01-deployment"}},
		{"2022: Kazakhstan and Armenia", []string{"--year", "2022"},
			[]string{"kaz-2022-01-deployment", "arm-2022-09-request", "kgz-tjk-2022-09-clash"}, []string{"arm-2021-05-request"}},
		{"2024: the open bases reach on", []string{"--year", "2024"}, append([]string{"ru-kant-base", "ru-201-base"}, russianBases...), []string{"kaz-2022-01-deployment"}},
		{"this year without --year is every event", nil, []string{"us-k2-base", "nato-2001-article5", "kaz-2022-01-deployment"}, nil},
		{"NATO 2001", []string{"--alliance", "nato", "--year", "2001"}, []string{"nato-2001-article5"}, []string{"us-k2-base"}},
		{"requests only", []string{"--kind", "request"}, []string{"kgz-2010-osh-request", "arm-2021-05-request", "arm-2022-09-request"}, []string{"us-k2-base"}},
		{"bases in 1994", []string{"--kind", "base", "--year", "1994"}, []string{"ru-baikonur-lease"}, []string{"ru-gyumri-102-base"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ids(eventsJSON(t, run, tc.args...))
			for _, id := range tc.in {
				assert.Contains(t, got, id)
			}
			for _, id := range tc.out {
				assert.NotContains(t, got, id)
			}
		})
	}
}

func TestEventsJSONValues(t *testing.T) {
	rows := eventsJSON(t, runAt(t, "2026-11-27"), "--kind", "deployment")
	require.Len(t, rows, 1)
	r := rows[0]
	assert.Equal(t, "kaz-2022-01-deployment", r["id"])
	assert.Equal(t, "deployment", r["kind"])
	assert.Equal(t, "2022-01-06", r["date"])
	assert.Equal(t, "2022-01-19", r["end"])
	assert.Equal(t, []any{"KAZ"}, r["iso"])
	assert.Equal(t, "", r["outcome"])
	assert.InDelta(t, 76.89, r["lon"], 1e-9)
	assert.NotEmpty(t, r["sources"])

	reqs := eventsJSON(t, runAt(t, "2026-11-27"), "--kind", "request", "--year", "2010")
	require.Len(t, reqs, 1)
	assert.Equal(t, "no troops sent", reqs[0]["outcome"])
	assert.Equal(t, "", reqs[0]["end"])

	empty := eventsJSON(t, runAt(t, "2026-11-27"), "--alliance", "nato", "--year", "1950")
	assert.Empty(t, empty)
}

func TestEventsTable(t *testing.T) {
	code, out, errOut := runAt(t, "2026-11-27")("events", "--year", "2022", "--kind", "base", "--alliance", "csto")
	require.Equal(t, 0, code, errOut)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	assert.Regexp(t, `^DATE\s+END\s+KIND\s+ISO3\s+PLACE\s+OUTCOME\s+ID$`, lines[0])
	assert.Contains(t, out, "open")
	assert.Contains(t, out, "ru-kant-base")
	assert.NotContains(t, out, "us-manas-base")
}

func TestEventsUsageErrors(t *testing.T) {
	run := runAt(t, "2026-11-27")
	cases := []struct {
		name  string
		args  []string
		inErr string
	}{
		{"unknown kind", []string{"--kind", "riot"}, `unknown kind "riot" (want request, deployment, clash, base, invocation)`},
		{"unknown alliance", []string{"--alliance", "warsaw"}, `unknown alliance "warsaw"`},
		{"year before the alliance", []string{"--alliance", "csto", "--year", "1991"}, "1991 (CSTO covers 1992-2026)"},
		{"year after today", []string{"--year", "2027"}, "2027 (the alliances cover 1949-2026)"},
		{"year 0", []string{"--year", "0"}, "year out of range"},
		{"not a number", []string{"--year", "twenty"}, "invalid value"},
		{"stray argument", []string{"2022"}, `unexpected argument "2022"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(append([]string{"events"}, tc.args...)...)
			assert.Equal(t, ExitUsage, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tc.inErr)
			assert.Contains(t, errOut, "usage: cstomap events")
		})
	}
}

func TestEventsUserData(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, "events"), 0o755))
	mine := `{"events": [{"id": "mine", "kind": "clash", "alliance": "csto", "date": "2023", "iso": ["ARM"],
	  "place": "Yerevan", "lon": 44.51, "lat": 40.18, "note": "A test clash.", "sources": ["https://example.org/m"], "confidence": "low"}]}`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "events", "mine.json"), []byte(mine), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "events", "bad.json"), []byte(`{`), 0o644))
	code, out, errOut := runAt(t, "2026-11-27")("events", "--json", "--year", "2023", "--kind", "clash", "--data", dir)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, `"id": "mine"`)
	assert.Contains(t, errOut, "skipping user data")
	assert.Contains(t, errOut, "bad.json")
}

// TestCheckDataEvents: check-data covers the events too: the bundled ones
// meet the source policy, and a user's event file with a weak source or
// one that does not load is a problem, one line each.
func TestCheckDataEvents(t *testing.T) {
	run := runAt(t, "2026-11-27")
	code, out, errOut := run("check-data")
	require.Equal(t, ExitOK, code, out)
	assert.Regexp(t, `so do \d+ event\(s\)`, errOut)

	dir := t.TempDir()
	evDir := filepath.Join(dir, "events")
	require.NoError(t, os.Mkdir(evDir, 0o755))
	weak := `{"events": [{"id": "weak", "kind": "clash", "alliance": "csto", "date": "2023", "iso": ["ARM"],
	  "place": "Yerevan", "lon": 44.51, "lat": 40.18, "note": "A test clash.",
	  "sources": ["https://www.rt.com/x"], "confidence": "low"}]}`
	require.NoError(t, os.WriteFile(filepath.Join(evDir, "weak.json"), []byte(weak), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(evDir, "bad.json"), []byte(`{"events": [{"id": "bad", "kind": "riot"}]}`), 0o644))
	code, out, errOut = run("check-data", "--data", dir)
	assert.Equal(t, ExitFail, code)
	assert.Contains(t, out, filepath.Join(evDir, "bad.json")+"\t-\t-\tevent bad: kind: unknown kind \"riot\"")
	assert.Contains(t, out, filepath.Join(evDir, "weak.json")+"\t-\t-\tevent weak: sources[0]: unreliable source: rt.com")
	assert.Contains(t, out, filepath.Join(evDir, "weak.json")+"\t-\t-\tevent weak: no official, news or research source")
	assert.Contains(t, errOut, "3 problem(s)")
}
