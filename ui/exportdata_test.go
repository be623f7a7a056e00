package ui

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/dataset"
	"cstomap/export"
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

// TestExportDialogGeoJSONEvents: for GeoJSON the Events check stays on
// and says whether the year's events go into the file as points.
func TestExportDialogGeoJSONEvents(t *testing.T) {
	data, _, err := dataset.Load(dataset.Options{})
	require.NoError(t, err)
	base := exportTestScene(t)
	scene := func() export.Scene { sc := base(); sc.Year, sc.Events = 2022, data.Events; return sc }
	a := test.NewTempApp(t)
	d := newExportDialog(test.NewTempWindow(t, nil), a.Preferences(), scene)
	d.showError = func(err error) { t.Error(err) }
	dir := t.TempDir()
	d.folder = dir
	d.kind.SetSelected("GeoJSON map data, for QGIS and other GIS")
	require.False(t, d.checks["events"].Disabled())
	assert.True(t, d.checks["legend"].Disabled())
	points := func() map[string]bool {
		require.NoError(t, runAndWait(t, d))
		raw, err := os.ReadFile(filepath.Join(dir, "csto-2022.geojson"))
		require.NoError(t, err)
		fc, err := geojson.UnmarshalFeatureCollection(raw)
		require.NoError(t, err)
		ids := map[string]bool{}
		for _, f := range fc.Features {
			if _, ok := f.Geometry.(orb.Point); ok {
				ids[f.Properties.MustString("id")] = true
			}
		}
		return ids
	}
	d.overwrite = func(_ []string, yes func()) { yes() }
	got := points()
	assert.True(t, got["kaz-2022-01-deployment"], "the January 2022 deployment")
	assert.True(t, got["arm-2022-09-request"], "Armenia's request of September 2022")
	assert.False(t, got["kgz-2010-osh-request"], "Osh 2010 is not of 2022")
	d.checks["events"].SetChecked(false)
	assert.Empty(t, points())
}
