package events_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/assets"
	"cstomap/events"
	"cstomap/geo"
)

func writeFile(t *testing.T, dir, name, data string) {
	t.Helper()
	require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644))
}

const otherDoc = `{"events": [{"id": "other", "kind": "invocation", "alliance": "nato", "date": "2001-09-12",
  "iso": ["USA"], "place": "New York", "lon": -74, "lat": 40.7, "note": "Invoked.",
  "sources": ["https://example.org/n"], "confidence": "high"}]}`

func TestLoadFS(t *testing.T) {
	t.Run("good files in name order, sorted by date", func(t *testing.T) {
		fsys := fstest.MapFS{
			"ev/a.json":     {Data: []byte(validDoc)},
			"ev/b.json":     {Data: []byte(otherDoc)},
			"ev/README.md":  {Data: []byte("not json")},
			"ev/sub/c.json": {Data: []byte("{bad")},
		}
		evs, err := events.LoadFS(fsys, "ev", testKnown)
		require.NoError(t, err)
		var ids []string
		for _, e := range evs {
			ids = append(ids, e.ID)
		}
		assert.Equal(t, []string{"base", "other", "req"}, ids)
		assert.Equal(t, "ev/b.json", evs[1].File)
	})
	t.Run("any bad file fails the load", func(t *testing.T) {
		fsys := fstest.MapFS{"ev/a.json": {Data: []byte(validDoc)}, "ev/b.json": {Data: []byte("{")}}
		evs, err := events.LoadFS(fsys, "ev", testKnown)
		assert.Nil(t, evs)
		assert.ErrorIs(t, err, events.ErrSyntax)
		assert.Contains(t, err.Error(), "ev/b.json")
	})
	t.Run("an id in two files", func(t *testing.T) {
		fsys := fstest.MapFS{"ev/a.json": {Data: []byte(validDoc)}, "ev/b.json": {Data: []byte(validDoc)}}
		_, err := events.LoadFS(fsys, "ev", testKnown)
		assert.ErrorIs(t, err, events.ErrDuplicate)
		assert.Contains(t, err.Error(), "ev/b.json: event req: id: event \"req\" is already loaded from ev/a.json")
	})
	t.Run("no files", func(t *testing.T) {
		_, err := events.LoadFS(fstest.MapFS{"ev/x.txt": {}}, "ev", testKnown)
		assert.ErrorIs(t, err, events.ErrNoFiles)
	})
}

func TestLoadDir(t *testing.T) {
	t.Run("forgiving: good files load, bad ones are reported", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "a.json", validDoc)
		writeFile(t, dir, "b.json", `{"events": [{"id": "x"}]}`)
		writeFile(t, dir, "c.json", otherDoc)
		evs, errs := events.LoadDir(dir, testKnown)
		require.Len(t, errs, 1)
		assert.Contains(t, errs[0].Error(), filepath.Join(dir, "b.json")+": event x: kind: missing kind")
		assert.Len(t, evs, 3)
	})
	t.Run("a missing folder is no error", func(t *testing.T) {
		evs, errs := events.LoadDir(filepath.Join(t.TempDir(), "none"), testKnown)
		assert.Empty(t, evs)
		assert.Empty(t, errs)
	})
	t.Run("a FIFO is refused, not waited on", func(t *testing.T) {
		dir := t.TempDir()
		if err := mkfifo(filepath.Join(dir, "f.json")); err != nil {
			t.Skip("no FIFOs here:", err)
		}
		_, errs := events.LoadDir(dir, testKnown)
		require.Len(t, errs, 1)
		assert.Contains(t, errs[0].Error(), "not a regular file")
	})
}

func TestLoadAllMergesUserEvents(t *testing.T) {
	fsys := fstest.MapFS{"ev/a.json": {Data: []byte(validDoc)}}
	user := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(user, events.UserSubdir), 0o755))
	changed := strings.Replace(validDoc, `"note": "Asked."`, `"note": "Asked again."`, 1)
	changed = strings.Replace(changed, `"id": "base"`, `"id": "base2"`, 1)
	writeFile(t, filepath.Join(user, events.UserSubdir), "mine.json", changed)
	writeFile(t, filepath.Join(user, events.UserSubdir), "bad.json", "[")

	evs, userErrs, err := events.LoadAll(fsys, "ev", user, testKnown)
	require.NoError(t, err)
	require.Len(t, userErrs, 1)
	assert.ErrorIs(t, userErrs[0], events.ErrSyntax)
	var ids []string
	for _, e := range evs {
		ids = append(ids, e.ID)
		if e.ID == "req" {
			assert.Equal(t, "Asked again.", e.Note, "the user's event replaces the embedded one")
		}
	}
	assert.Equal(t, []string{"base", "base2", "req"}, ids)

	t.Run("embedded errors are fatal", func(t *testing.T) {
		_, _, err := events.LoadAll(fstest.MapFS{"ev/a.json": {Data: []byte("{")}}, "ev", "", testKnown)
		assert.ErrorIs(t, err, events.ErrSyntax)
	})
	t.Run("a --data folder without events/ adds nothing", func(t *testing.T) {
		evs, userErrs, err := events.LoadAll(fsys, "ev", t.TempDir(), testKnown)
		require.NoError(t, err)
		assert.Empty(t, userErrs)
		assert.Len(t, evs, 2)
	})
}

// TestEmbeddedEvents loads the bundled events against the real outlines
// and checks what the issue asks of them: every required event is there
// and each marker lies in one of its countries. The sources are checked
// against the source policy in TestEmbeddedEventsMeetPolicy.
func TestEmbeddedEvents(t *testing.T) {
	world, err := geo.LoadCompact(assets.Countries)
	require.NoError(t, err)
	evs, err := events.LoadFS(assets.Events, "events", world.Known)
	require.NoError(t, err)

	byID := map[string]events.Event{}
	for _, e := range evs {
		byID[e.ID] = e
	}
	required := []struct {
		id      string
		kind    events.Kind
		date    string
		end     string
		outcome events.Outcome
	}{
		{"kgz-2010-osh-request", events.KindRequest, "2010-06-12", "", events.OutcomeNoTroops},
		{"arm-2021-05-request", events.KindRequest, "2021-05-13", "", events.OutcomeConsultations},
		{"arm-2022-09-request", events.KindRequest, "2022-09-13", "", events.OutcomeAssessmentOnly},
		{"kaz-2022-01-request", events.KindRequest, "2022-01-05", "", events.OutcomeTroopsDeployed},
		{"kaz-2022-01-deployment", events.KindDeployment, "2022-01-06", "2022-01-19", ""},
		{"kgz-tjk-2021-04-clash", events.KindClash, "2021-04", "", ""},
		{"kgz-tjk-2022-09-clash", events.KindClash, "2022-09-14", "2022-09", ""},
		{"us-k2-base", events.KindBase, "2001-10-05", "2005-11-21", ""},
		{"us-manas-base", events.KindBase, "2001-12", "2014-06-03", ""},
		{"ru-gyumri-102-base", events.KindBase, "1995", "", ""},
		{"ru-201-base", events.KindBase, "2004-10-16", "", ""},
		{"ru-kant-base", events.KindBase, "2003-10-23", "", ""},
		{"ru-baikonur-lease", events.KindBase, "1994", "", ""},
		{"ru-baranovichi-radar", events.KindBase, "1995-01-06", "", ""},
		{"ru-vileyka-station", events.KindBase, "1995-01-06", "", ""},
		{"nato-2001-article5", events.KindInvocation, "2001-09-12", "", ""},
	}
	for _, r := range required {
		e, ok := byID[r.id]
		if !assert.True(t, ok, "missing %s", r.id) {
			continue
		}
		assert.Equal(t, r.kind, e.Kind, r.id)
		assert.Equal(t, r.date, e.Date.String(), r.id)
		assert.Equal(t, r.end, e.End.String(), r.id)
		assert.Equal(t, r.outcome, e.Outcome, r.id)
	}
	dep := byID["kaz-2022-01-deployment"]
	var senders []string
	for _, a := range dep.Actors {
		if a.Role == events.RoleSent {
			senders = append(senders, a.ISO)
		}
	}
	assert.ElementsMatch(t, []string{"RUS", "BLR", "ARM", "KGZ", "TJK"}, senders, "the contributors")

	for _, e := range evs {
		iso, ok := world.CountryAt(e.Lon, e.Lat)
		assert.True(t, ok && slices.Contains(e.ISO, iso), "%s: marker %g,%g is in %q, not in %v", e.ID, e.Lon, e.Lat, iso, e.ISO)
		assert.Contains(t, []string{"csto", "nato"}, e.Alliance, e.ID)
	}
}
