package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"cstomap/dataset"
	"cstomap/internal/clock"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type statusRow struct {
	ISO, Name, Status, Since, Via string
}

// statusSource is one entry of a status row's "sources" array.
type statusSource struct {
	URL, Publisher, Class string
}

// statusJSONFull runs status --json and decodes every row with its sources.
func statusJSONFull(t *testing.T, run runFunc, args ...string) ([]statusRow, [][]statusSource) {
	t.Helper()
	code, out, errOut := run(append([]string{"status", "--json"}, args...)...)
	require.Equal(t, 0, code, errOut)
	var raw []map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(out), &raw))
	var (
		rows []statusRow
		srcs [][]statusSource
	)
	str := func(r map[string]json.RawMessage, k string) string {
		var s string
		require.NoError(t, json.Unmarshal(r[k], &s), k)
		return s
	}
	for _, r := range raw {
		via := ""
		if _, ok := r["via"]; ok {
			via = str(r, "via")
			require.Len(t, r, 6, "keys iso, name, status, since, via, sources")
		} else {
			require.Len(t, r, 5, "keys iso, name, status, since, sources")
		}
		rows = append(rows, statusRow{str(r, "iso"), str(r, "name"), str(r, "status"), str(r, "since"), via})
		var ss []map[string]string
		require.NoError(t, json.Unmarshal(r["sources"], &ss))
		var row []statusSource
		for _, s := range ss {
			require.Len(t, s, 3, "keys url, publisher, class")
			row = append(row, statusSource{s["url"], s["publisher"], s["class"]})
		}
		srcs = append(srcs, row)
	}
	return rows, srcs
}

func statusJSON(t *testing.T, run runFunc, args ...string) []statusRow {
	t.Helper()
	rows, _ := statusJSONFull(t, run, args...)
	return rows
}

// TestStatusJSONSources: each row carries the sources of the event that
// started its status, with the publisher and class from the source policy.
func TestStatusJSONSources(t *testing.T) {
	run := runAt(t, "2026-11-27")
	rows, srcs := statusJSONFull(t, run, "--alliance", "nato", "--year", "2024")
	for i, r := range rows {
		require.NotEmpty(t, srcs[i], r.ISO)
		for _, s := range srcs[i] {
			assert.Regexp(t, `^https?://`, s.URL)
			assert.NotEmpty(t, s.Publisher)
			assert.Contains(t, []string{"official", "news", "research", "reference"}, s.Class, s.URL)
		}
		if r.ISO == "ESP" {
			assert.Equal(t, statusSource{"https://www.nato.int/docu/update/80-89/1982e.htm", "NATO", "official"}, srcs[i][0])
		}
	}
	rows, srcs = statusJSONFull(t, run, "--year", "2024")
	for i, r := range rows {
		if r.ISO == "ARM" {
			assert.Equal(t, "threatening", r.Status)
			var labels []string
			for _, s := range srcs[i] {
				labels = append(labels, s.Publisher+" ("+s.Class+")")
			}
			assert.Equal(t, []string{"PanARMENIAN.Net (news)", "ARKA (news)"}, labels)
		}
	}
}

func TestStatusJSON(t *testing.T) {
	run := runAt(t, "2026-11-27")
	cases := []struct {
		name string
		args []string
		want map[string]string // iso -> status
	}{
		{"1992", []string{"--year", "1992"}, map[string]string{"ARM": "current", "KAZ": "current", "KGZ": "current", "RUS": "current", "TJK": "current", "UZB": "current"}},
		{"1999", []string{"--year", "1999"}, map[string]string{"ARM": "current", "BLR": "current", "KAZ": "current", "KGZ": "current", "RUS": "current", "TJK": "current", "AZE": "departed", "GEO": "departed", "UZB": "departed"}},
		{"2012", []string{"--year", "2012"}, map[string]string{"ARM": "current", "BLR": "current", "KAZ": "current", "KGZ": "current", "RUS": "current", "TJK": "current", "AZE": "departed", "GEO": "departed", "UZB": "departed"}},
		{"default year is today's", nil, map[string]string{"ARM": "threatening", "BLR": "current", "KAZ": "current", "KGZ": "current", "RUS": "current", "TJK": "current", "AZE": "departed", "GEO": "departed", "UZB": "departed"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := map[string]string{}
			for _, r := range statusJSON(t, run, tc.args...) {
				got[r.ISO] = r.Status
				assert.Regexp(t, `^\d{4}-\d{2}-\d{2}$`, r.Since)
				assert.NotEmpty(t, r.Name)
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestStatusSinceAndNames(t *testing.T) {
	run := runAt(t, "2026-11-27")
	for _, r := range statusJSON(t, run, "--year", "2024") {
		switch r.ISO {
		case "ARM":
			assert.Equal(t, statusRow{"ARM", "Armenia", "threatening", "2023-05-22", ""}, r)
		case "UZB":
			assert.Equal(t, statusRow{"UZB", "Uzbekistan", "departed", "2012-12-19", ""}, r)
		}
	}
	rows := statusJSON(t, run, "--alliance", "nato", "--year", "2024")
	states := 0
	for _, r := range rows {
		if r.Via == "" {
			states++
		}
	}
	assert.Equal(t, 32, states)
	assert.Len(t, rows, 64, "32 states and their 32 territories")
}

// TestStatusTerritories: a territory is listed with the sovereign whose
// status it takes ("via").
func TestStatusTerritories(t *testing.T) {
	run := runAt(t, "2026-11-27")
	cases := []struct {
		name string
		year string
		iso  string
		want *statusRow
	}{
		{"Greenland via Denmark", "2024", "GRL", &statusRow{"GRL", "Greenland", "current", "1949-04-04", "DNK"}},
		{"the Faroes via Denmark", "1949", "FRO", &statusRow{"FRO", "Faeroe Is.", "current", "1949-04-04", "DNK"}},
		{"Åland via Finland from 2023", "2023", "ALA", &statusRow{"ALA", "Åland", "current", "2023-04-04", "FIN"}},
		{"Åland not before", "2022", "ALA", nil},
		{"Puerto Rico via the United States", "2024", "PRI", &statusRow{"PRI", "Puerto Rico", "current", "1949-04-04", "USA"}},
		{"the Falklands via the United Kingdom", "2024", "FLK", &statusRow{"FLK", "Falkland Is.", "current", "1949-04-04", "GBR"}},
		{"Denmark itself", "2024", "DNK", &statusRow{"DNK", "Denmark", "current", "1949-04-04", ""}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got *statusRow
			for _, r := range statusJSON(t, run, "--alliance", "nato", "--year", tc.year) {
				if r.ISO == tc.iso {
					got = &r
				}
			}
			assert.Equal(t, tc.want, got)
		})
	}
	code, out, _ := run("status", "--alliance", "nato", "--year", "2024")
	require.Equal(t, 0, code)
	assert.Regexp(t, `(?m)^ISO3\s+NAME\s+STATUS\s+SINCE\s+VIA$`, out)
	assert.Regexp(t, `(?m)^GRL\s+Greenland\s+current\s+1949-04-04\s+DNK$`, out)
}

func TestStatusTable(t *testing.T) {
	run := runAt(t, "2026-11-27")
	code, out, _ := run("status", "--year", "2006")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "ISO3")
	assert.Regexp(t, `UZB\s+Uzbekistan\s+current\s+2006-08-16`, out)
}

func TestStatusErrors(t *testing.T) {
	run := runAt(t, "2026-11-27")
	cases := []struct {
		name  string
		args  []string
		inErr string
	}{
		{"year before the alliance", []string{"--year", "1980"}, "1980 (CSTO covers 1992-2026)"},
		{"year in the future", []string{"--year", "2027"}, "CSTO covers 1992-2026"},
		{"unknown alliance", []string{"--alliance", "warsaw"}, `unknown alliance "warsaw"`},
		{"bad year", []string{"--year", "soon"}, "invalid value"},
		{"year zero is a year, not a default", []string{"--year", "0"}, "0 (CSTO covers 1992-2026)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(append([]string{"status"}, tc.args...)...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tc.inErr)
		})
	}
}

func TestStatusUserData(t *testing.T) {
	run := runAt(t, "2026-11-27")
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "gcc.json"), []byte(`{
  "id": "pact", "name": "Test Pact", "first_year": 2000,
  "countries": [{"iso": "FRA", "events": [{"date": "2001-02-03", "status": "current", "note": "joins", "sources": ["https://example.org/a"]}]}]
}`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.json"), []byte(`{"id": "bad",`), 0o644))
	code, out, errOut := run("status", "--data", dir, "--alliance", "pact", "--json")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, `"FRA"`)
	assert.Contains(t, errOut, "bad.json")
	// The embedded alliances are still there.
	code, _, _ = run("status", "--data", dir, "--alliance", "csto")
	assert.Equal(t, 0, code)
}

// loadedRunner returns a runner at day that loads the data once and shares
// it between runs, for tests that run a command many times.
func loadedRunner(t *testing.T, day string) runFunc {
	t.Helper()
	now, err := time.Parse("2006-01-02", day)
	require.NoError(t, err)
	d, userErrs, err := dataset.Load(dataset.Options{Clock: clock.Fixed(now)})
	require.NoError(t, err)
	require.Empty(t, userErrs)
	return func(args ...string) (int, string, string) {
		var o, e bytes.Buffer
		env := &env{stdout: &o, stderr: &e, clock: d.Clock, data: d}
		code := commands[args[0]].run(env, args[1:])
		return code, o.String(), e.String()
	}
}

// readCSV parses status --csv output, checks its header and returns its
// rows.
func readCSV(t *testing.T, out string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, recs)
	require.Equal(t, []string{"alliance", "year", "iso", "name", "status", "since", "via"}, recs[0])
	return recs[1:]
}

// TestStatusCSVAgreesWithJSON: for every year of both alliances, the rows
// of status --years FIRST-LAST --csv are those of status --year Y --json,
// in the same order, and those of --years --json.
func TestStatusCSVAgreesWithJSON(t *testing.T) {
	run := loadedRunner(t, "2026-11-27")
	for _, tc := range []struct {
		alliance    string
		first, last int
	}{{"csto", 1992, 2026}, {"nato", 1949, 2026}} {
		t.Run(tc.alliance, func(t *testing.T) {
			years := fmt.Sprintf("%d-%d", tc.first, tc.last)
			code, out, errOut := run("status", "--alliance", tc.alliance, "--years", years, "--csv")
			require.Equal(t, 0, code, errOut)
			byYear := map[int][]statusRow{}
			for _, r := range readCSV(t, out) {
				require.Len(t, r, 7)
				assert.Equal(t, tc.alliance, r[0])
				y, err := strconv.Atoi(r[1])
				require.NoError(t, err)
				byYear[y] = append(byYear[y], statusRow{r[2], r[3], r[4], r[5], r[6]})
			}
			for y := tc.first; y <= tc.last; y++ {
				want := statusJSON(t, run, "--alliance", tc.alliance, "--year", strconv.Itoa(y))
				require.NotEmpty(t, want, y)
				assert.Equal(t, want, byYear[y], "year %d", y)
				delete(byYear, y)
			}
			assert.Empty(t, byYear, "no rows outside the years asked for")

			code, js, errOut := run("status", "--alliance", tc.alliance, "--years", years, "--json")
			require.Equal(t, 0, code, errOut)
			var rows []map[string]any
			require.NoError(t, json.Unmarshal([]byte(js), &rows))
			recs := readCSV(t, out)
			require.Len(t, rows, len(recs))
			for i, r := range rows {
				assert.Equal(t, map[string]any{"alliance": recs[i][0], "year": float64(must(strconv.Atoi(recs[i][1]))),
					"iso": recs[i][2], "name": recs[i][3], "status": recs[i][4], "since": recs[i][5], "via": recs[i][6]}, r)
			}
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestStatusCSV: the single-year form, the default year, and the file's
// own bytes.
func TestStatusCSV(t *testing.T) {
	run := runAt(t, "2026-11-27")
	code, out, errOut := run("status", "--year", "2024", "--csv")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "alliance,year,iso,name,status,since,via\n"+
		"csto,2024,ARM,Armenia,threatening,2023-05-22,\n"+
		"csto,2024,AZE,Azerbaijan,departed,1999-04-20,\n", strings.Join(strings.SplitAfter(out, "\n")[:3], ""))
	assert.Len(t, readCSV(t, out), 9)

	code, out, _ = run("status", "--csv")
	require.Equal(t, 0, code)
	for _, r := range readCSV(t, out) {
		assert.Equal(t, "2026", r[1], "the clock's year")
	}
	code, out, _ = run("status", "--alliance", "NATO", "--years", "2024", "--csv")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "\nnato,2024,GRL,Greenland,current,1949-04-04,DNK\n")
}

func TestStatusCSVErrors(t *testing.T) {
	run := runAt(t, "2026-11-27")
	cases := []struct {
		name  string
		args  []string
		inErr string
	}{
		{"before the alliance", []string{"--years", "1980-2000", "--csv"}, "--years 1980-2000: 1980 is outside CSTO's years 1992-2026"},
		{"after today", []string{"--alliance", "nato", "--years", "2000-2030", "--csv"}, "2030 is outside NATO's years 1949-2026"},
		{"backwards", []string{"--years", "2000-1995", "--csv"}, `--years "2000-1995": want FIRST-LAST with FIRST no later than LAST`},
		{"not years", []string{"--years", "nineties", "--csv"}, `--years "nineties"`},
		{"open range", []string{"--years", "1992-", "--csv"}, `--years "1992-"`},
		{"both formats", []string{"--csv", "--json"}, "give --json or --csv, not both"},
		{"year and years", []string{"--year", "2000", "--years", "1992-2000", "--csv"}, "give --year or --years, not both"},
		{"years as a table", []string{"--years", "1992-2000"}, "add --csv or --json"},
		{"single year out of range", []string{"--year", "1991", "--csv"}, "1991 (CSTO covers 1992-2026)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(append([]string{"status"}, tc.args...)...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tc.inErr)
		})
	}
}

// TestStatusGermanyByYear: before reunification NATO's Germany is the
// Federal Republic, named as such; the GDR has no status in either
// alliance.
func TestStatusGermanyByYear(t *testing.T) {
	run := runAt(t, "2026-11-27")
	find := func(rows []statusRow, iso string) (statusRow, bool) {
		for _, r := range rows {
			if r.ISO == iso {
				return r, true
			}
		}
		return statusRow{}, false
	}
	rows := statusJSON(t, run, "--alliance", "nato", "--year", "1980")
	r, ok := find(rows, "DEU")
	require.True(t, ok)
	assert.Equal(t, statusRow{"DEU", "West Germany", "current", "1955-05-06", ""}, r)
	_, ok = find(rows, "DDR")
	assert.False(t, ok, "the GDR is no NATO member")
	r, _ = find(statusJSON(t, run, "--alliance", "nato", "--year", "1991"), "DEU")
	assert.Equal(t, "Germany", r.Name)
	for _, y := range []string{"1992", "1995"} {
		_, ok = find(statusJSON(t, run, "--alliance", "csto", "--year", y), "DDR")
		assert.False(t, ok)
	}
}
