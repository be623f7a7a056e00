package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckDataEmbedded: the bundled alliance files meet the source policy,
// so check-data prints nothing on stdout and exits 0.
func TestCheckDataEmbedded(t *testing.T) {
	run := runAt(t, "2026-11-27")
	code, out, errOut := run("check-data")
	assert.Equal(t, ExitOK, code, out)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "2 alliance file(s) meet the source policy")
}

func TestCheckData(t *testing.T) {
	run := runAt(t, "2026-11-27")
	write := func(t *testing.T, dir, name, body string) {
		t.Helper()
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	cases := []struct {
		name  string
		files map[string]string
		code  int
		lines []string // each must appear, tab-separated: file, country, date, problem
		err   string
	}{
		{
			name: "clean user file",
			files: map[string]string{"pact.json": `{"id": "pact", "name": "Pact", "first_year": 2000, "countries": [
  {"iso": "FRA", "events": [{"date": "2001-02-03", "status": "current", "note": "Joins.", "sources": ["https://www.nato.int/a"]}]}]}`},
			code: ExitOK,
			err:  "3 alliance file(s) meet the source policy",
		},
		{
			name: "unknown, unreliable and reference-only sources",
			files: map[string]string{"pact.json": `{"id": "pact", "name": "Pact", "first_year": 2000,
  "notes": [{"date": "2000-01-01", "note": "Founded.", "sources": ["https://www.britannica.com/pact"]}],
  "countries": [
  {"iso": "FRA", "events": [
    {"date": "2001-02-03", "status": "current", "note": "Joins.", "sources": ["https://example.org/a"]},
    {"date": "2002-03-04", "status": "departed", "note": "Leaves.", "sources": ["https://armenia.news-pravda.com/x", "https://www.rferl.org/y"]}]}]}`},
			code: ExitFail,
			lines: []string{
				"pact.json\t-\t2000-01-01\tnotes[0]: no official, news or research source",
				"pact.json\tFRA\t2001-02-03\tevents[0].sources[0]: domain not in the source policy: example.org: https://example.org/a",
				"pact.json\tFRA\t2001-02-03\tevents[0]: no official, news or research source",
				"pact.json\tFRA\t2002-03-04\tevents[1].sources[0]: unreliable source: news-pravda.com",
			},
			err: "4 problem(s)",
		},
		{
			name: "a user file replaces an embedded one",
			files: map[string]string{"mine.json": `{"id": "csto", "name": "CSTO", "first_year": 1992, "countries": [
  {"iso": "ARM", "events": [{"date": "1992-05-15", "status": "current", "note": "Signs.", "sources": ["https://en.wikipedia.org/wiki/CSTO"]}]}]}`},
			code: ExitFail,
			lines: []string{
				"mine.json\tARM\t1992-05-15\tevents[0].sources[0]: not a permanent link: Wikipedia link without oldid=",
				"mine.json\tARM\t1992-05-15\tevents[0]: no official, news or research source",
			},
			err: "2 problem(s)",
		},
		{
			name:  "a file that does not load is a problem",
			files: map[string]string{"bad.json": `{"id": "bad",`},
			code:  ExitFail,
			lines: []string{"bad.json:1:14\t-\t-\tJSON syntax error: the file ends before the JSON does"},
			err:   "1 problem(s)",
		},
		{
			name: "a file with a bad field names the country and the field",
			files: map[string]string{"pact.json": `{"id": "pact", "name": "Pact", "first_year": 2000, "countries": [
  {"iso": "FRA", "events": [{"date": "2001-13-03", "status": "current", "note": "Joins.", "sources": ["https://www.nato.int/a"]}]}]}`},
			code:  ExitFail,
			lines: []string{"pact.json\tFRA\t-\tevents[0].date: malformed date \"2001-13-03\""},
			err:   "1 problem(s)",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, body := range tc.files {
				write(t, dir, name, body)
			}
			code, out, errOut := run("check-data", "--data", dir)
			assert.Equal(t, tc.code, code, out+errOut)
			for _, l := range tc.lines {
				assert.Contains(t, out, l)
			}
			assert.Contains(t, errOut, tc.err)
			if tc.code == ExitFail {
				n := strings.Count(strings.TrimSuffix(out, "\n"), "\n") + 1
				assert.Contains(t, errOut, " "+strconv.Itoa(n)+" problem(s)", "one line per problem")
			}
		})
	}
}

func TestCheckDataUsage(t *testing.T) {
	run := runAt(t, "2026-11-27")
	cases := []struct {
		name  string
		args  []string
		inErr string
	}{
		{"extra argument", []string{"check-data", "csto"}, `unexpected argument "csto"`},
		{"unknown flag", []string{"check-data", "--year", "2000"}, "flag provided but not defined"},
		{"--data without a folder", []string{"check-data", "--data"}, "flag needs an argument"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(tc.args...)
			assert.Equal(t, ExitUsage, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tc.inErr)
			assert.Contains(t, errOut, "usage: cstomap check-data [--data DIR]")
		})
	}
}
