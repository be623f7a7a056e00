package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/export"
)

// TestExportDialogChart chooses the membership chart in the dialog's
// format list (the kinds of export.Kinds) and exports it.
func TestExportDialogChart(t *testing.T) {
	d, _, errs := newTestExportDialog(t)
	d.kind.SetSelected("Membership chart, SVG")
	assert.Equal(t, export.KindChartSVG, d.settings.Kind)
	assert.Equal(t, "csto-chart-1992-2026.svg", d.fileName.Text)
	assert.True(t, d.checks["map"].Disabled(), "the chart takes the map's place")
	assert.True(t, d.checks["map"].Checked)
	d.folder = t.TempDir()
	require.NoError(t, runAndWait(t, d))
	require.Empty(t, *errs)
	b, err := os.ReadFile(filepath.Join(d.folder, "csto-chart-1992-2026.svg"))
	require.NoError(t, err)
	doc := string(b)
	assert.Contains(t, doc, `<g id="chart" data-alliance="csto"`)
	assert.Contains(t, doc, `<g id="year-line" data-year="2024">`, "the window's year")
	assert.Contains(t, doc, `<g class="row" data-iso="ARM">`)
	assert.Equal(t, 9, strings.Count(doc, `class="row-label"`))
	// Back to the map: the map can be left out again.
	d.kind.SetSelected("PNG image")
	assert.False(t, d.checks["map"].Disabled())
}
