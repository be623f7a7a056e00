package ui

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb/geojson"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExportDialogData: the dialog offers GeoJSON and CSV from the one
// table of kinds, turns off what only images have, and writes the files.
func TestExportDialogData(t *testing.T) {
	d, _, errs := newTestExportDialog(t)
	dir := t.TempDir()
	d.folder = dir
	assert.Contains(t, d.kind.Options, "GeoJSON map data, for QGIS and other GIS")
	assert.Contains(t, d.kind.Options, "CSV table, every country and year")

	d.kind.SetSelected("GeoJSON map data, for QGIS and other GIS")
	assert.Equal(t, "csto-2024.geojson", d.fileName.Text)
	for name, w := range map[string]disableable{"width": d.width, "height": d.height, "preset": d.preset,
		"scale": d.scale, "style": d.style, "title": d.title, "delay": d.delay, "legend": d.checks["legend"], "year": d.checks["year"]} {
		assert.True(t, w.(interface{ Disabled() bool }).Disabled(), name)
	}
	d.width.SetText("8") // a size that no image takes does not stop data
	require.NoError(t, runAndWait(t, d))
	assert.Empty(t, *errs)
	raw, err := os.ReadFile(filepath.Join(dir, "csto-2024.geojson"))
	require.NoError(t, err)
	fc, err := geojson.UnmarshalFeatureCollection(raw)
	require.NoError(t, err)
	assert.Len(t, fc.Features, len(exportWorld.Countries))
	assert.Equal(t, "Saved csto-2024.geojson", d.status.Text)

	d.kind.SetSelected("CSV table, every country and year")
	assert.Equal(t, "csto-1992-2026.csv", d.fileName.Text)
	require.NoError(t, runAndWait(t, d))
	f, err := os.Open(filepath.Join(dir, "csto-1992-2026.csv"))
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, []string{"alliance", "year", "iso", "name", "status", "since", "via"}, recs[0])
	assert.Equal(t, []string{"csto", "1992", "ARM", "Armenia", "current", "1992-05-15", ""}, recs[1])
	assert.Equal(t, "2026", recs[len(recs)-1][1])

	// Back to an image, the fields come back.
	d.kind.SetSelected("PNG image")
	assert.False(t, d.width.Disabled())
	assert.False(t, d.checks["legend"].Disabled())
	assert.False(t, d.scale.Disabled())
}
