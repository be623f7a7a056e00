package cli

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExportChart(t *testing.T) {
	dir := t.TempDir()
	run := runAt(t, "2026-03-01")
	png1 := filepath.Join(dir, "chart.png")
	code, stdout, stderr := run("export", "--chart", "--alliance", "nato", "--preset", "social", "--dark", "--out", png1)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "wrote "+png1+" (1200×675)")
	f, err := os.Open(png1)
	require.NoError(t, err)
	defer f.Close()
	_, err = png.Decode(f)
	require.NoError(t, err)

	svg := filepath.Join(dir, "chart.svg")
	code, _, stderr = run("export", "--chart", "--out", svg, "--year", "2012")
	require.Equal(t, 0, code, stderr)
	b, err := os.ReadFile(svg)
	require.NoError(t, err)
	doc := string(b)
	assert.Contains(t, doc, "<title>CSTO member states, 1992–2026</title>")
	assert.Contains(t, doc, `<g id="year-line" data-year="2012">`)
	assert.Contains(t, doc, `<rect class="span" data-iso="UZB" data-status="threatening" data-from="2012-06-20" data-to="2012-12-19" `)
	assert.Contains(t, doc, `data-id="kaz-2022-01-deployment"`)
	assert.Equal(t, []string{"chart.png", "chart.svg"}, listDir(t, dir), "no temporary file left")
	assert.Contains(t, doc, `data-id="us-manas-base" data-kind="base" data-date="2001-12" data-end="2014-06-03" data-outside="true"`)

	// --no-events: no ticks on the rows, none in the key.
	bare := filepath.Join(dir, "bare.svg")
	code, _, stderr = run("export", "--chart", "--no-events", "--out", bare)
	require.Equal(t, 0, code, stderr)
	b, err = os.ReadFile(bare)
	require.NoError(t, err)
	assert.NotContains(t, string(b), `class="tick"`)
	assert.NotContains(t, string(b), `Call for help`)
	require.NoError(t, os.Remove(bare))

	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--chart", "--out", filepath.Join(dir, "c.gif")}, "give a .png or .svg name"},
		{[]string{"--chart", "--years", "2000-2001", "--out", filepath.Join(dir, "d")}, "leave out --years"},
		{[]string{"--chart", "--alliance", "warsaw", "--out", filepath.Join(dir, "c.png")}, "warsaw"},
	} {
		code, _, stderr := run(append([]string{"export"}, tc.args...)...)
		assert.Equal(t, 2, code, "%v", tc.args)
		assert.Contains(t, strings.ToLower(stderr), tc.msg, "%v", tc.args)
	}
}
