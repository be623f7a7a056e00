package dataset

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/internal/clock"
)

func TestLoadEmbedded(t *testing.T) {
	d, userErrs, err := Load(Options{Clock: clock.Fixed(time.Date(2040, 6, 1, 0, 0, 0, 0, time.UTC))})
	require.NoError(t, err)
	assert.Empty(t, userErrs)
	assert.True(t, d.World.Known("ARM"))
	assert.Equal(t, 2040, d.ThisYear())
	a, err := d.Alliance("CSTO")
	require.NoError(t, err)
	assert.Equal(t, "csto", a.ID)
	_, err = d.Alliance("warsaw")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown alliance "warsaw" (want one of csto, nato`)
}

// TestLoadSourcePolicy: the one loader also gives the source policy, the
// data the panel, the Data sources dialog and status --json describe
// sources from, and the embedded alliances meet it.
func TestLoadSourcePolicy(t *testing.T) {
	d, _, err := Load(Options{})
	require.NoError(t, err)
	require.NotNil(t, d.Sources)
	pub, class := d.Sources.Describe("https://www.nato.int/docu/update/80-89/1982e.htm")
	assert.Equal(t, "NATO", pub)
	assert.Equal(t, "official", class)
	assert.Equal(t, "RFE/RL (news)", d.Sources.Label("https://www.rferl.org/a/1090798.html"))
	for _, a := range d.Alliances {
		assert.Empty(t, d.Sources.Check(a), a.ID)
	}
}

func TestLoadUserFiles(t *testing.T) {
	dir := t.TempDir()
	good := `{"id":"pact","name":"Test Pact","first_year":2000,"countries":[{"iso":"ARM","events":[{"date":"2000-01-01","status":"current","note":"Joins.","sources":["https://example.org/a"]}]}]}`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.json"), []byte(good), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.json"), []byte("{not json"), 0o644))
	d, userErrs, err := Load(Options{DataDir: dir})
	require.NoError(t, err)
	require.Len(t, userErrs, 1)
	assert.Contains(t, userErrs[0].Error(), "b.json")
	_, err = d.Alliance("csto")
	assert.NoError(t, err, "the embedded data stays")
	_, err = d.Alliance("pact")
	assert.NoError(t, err, "the good user file is loaded")
}

func TestIndexIsBuiltOnceAcrossGoroutines(t *testing.T) {
	d, _, err := Load(Options{})
	require.NoError(t, err)
	var wg sync.WaitGroup
	got := make([]any, 4)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ix, err := d.Index()
			assert.NoError(t, err)
			got[i] = ix
		}()
	}
	wg.Wait()
	for _, ix := range got {
		assert.Same(t, got[0], ix)
	}
	ix, _ := d.Index()
	assert.NotEmpty(t, ix.For("ARM"))
}

func TestLoadEvents(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, "events"), 0o755))
	mine := `{"events": [{"id": "mine", "kind": "clash", "alliance": "csto", "date": "2030-05-01", "iso": ["ARM"],
	  "place": "Yerevan", "lon": 44.51, "lat": 40.18, "note": "A test clash.", "sources": ["https://example.org/m"], "confidence": "low"}]}`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "events", "mine.json"), []byte(mine), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "events", "bad.json"), []byte(`{"events": [{"id": "bad"}]}`), 0o644))

	d, userErrs, err := Load(Options{DataDir: dir})
	require.NoError(t, err)
	require.Len(t, userErrs, 1, "the bad event file is reported like a bad alliance file")
	assert.Contains(t, userErrs[0].Error(), filepath.Join(dir, "events", "bad.json")+": event bad: kind: missing kind")
	ids := map[string]bool{}
	for _, e := range d.Events {
		ids[e.ID] = true
	}
	assert.True(t, ids["mine"], "the user's event is loaded")
	assert.True(t, ids["kaz-2022-01-deployment"], "the embedded events stay")
}
