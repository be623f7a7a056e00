package export

import (
	"bytes"
	"context"
	"encoding/xml"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/assets"
	"cstomap/events"
)

func chartOptions(tb testing.TB, id string, w, h int) Options {
	tb.Helper()
	o := testOptions(tb, w, h)
	_, as := load(tb)
	o.Alliance = as[id]
	o.Selected = ""
	evs, err := events.LoadFS(assets.Events, "events", o.World.Known)
	require.NoError(tb, err)
	o.Events = evs
	o.Chart = true
	return o
}

func TestChartSettings(t *testing.T) {
	s := DefaultSettings()
	s.Kind = KindChartSVG
	o := chartOptions(t, "csto", 100, 100)
	sc := o.Scene
	assert.Equal(t, "csto-chart-1992-2026.svg", s.DefaultName(sc))
	j, err := s.Job(sc, filepath.Join(t.TempDir(), "c.svg"))
	require.NoError(t, err)
	assert.True(t, j.Options.Chart)
	assert.Equal(t, SVG, j.Format)
	assert.Empty(t, j.Years, "one image")
	assert.Equal(t, "CSTO member states, 1992–2026", j.Options.TitleText())
	s.Kind = KindPNG
	j, err = s.Job(sc, filepath.Join(t.TempDir(), "m.png"))
	require.NoError(t, err)
	assert.False(t, j.Options.Chart)
	// The title is the alliance's name in the year on show.
	o.Year = 1995
	assert.Equal(t, "Collective Security Treaty states, 1992–2026", o.TitleText())
}

// TestChartSVG checks the document around the chart: the title and source
// line as on the map, no map, and the spans and row labels inside.
func TestChartSVG(t *testing.T) {
	for _, id := range []string{"csto", "nato"} {
		o := chartOptions(t, id, 1600, 1000)
		o.Dark = true
		var b bytes.Buffer
		require.NoError(t, WriteSVG(&b, o))
		doc := b.String()
		dump(t, "chart-"+id+".svg", func(p string) error { return os.WriteFile(p, b.Bytes(), 0o644) })
		require.NoError(t, xml.Unmarshal(b.Bytes(), new(any)), "well-formed")
		d := parseSVG(t, b.Bytes())
		assert.Equal(t, o.TitleText(), d.Title)
		var classes []string
		for _, tx := range d.Texts {
			classes = append(classes, tx.Class)
		}
		assert.Contains(t, classes, "title")
		assert.Contains(t, classes, "source")
		assert.NotContains(t, classes, "year", "the chart marks the year with its line")
		assert.NotContains(t, doc, `id="countries"`, "no map")
		assert.Contains(t, doc, `<g id="chart" data-alliance="`+id+`"`)
		assert.Equal(t, strings.Count(doc, `class="row"`), strings.Count(doc, `class="row-label"`))
	}
	o := chartOptions(t, "nato", 1600, 1000)
	var b bytes.Buffer
	require.NoError(t, WriteSVG(&b, o))
	assert.Contains(t, b.String(), `<rect class="span" data-iso="USA" data-status="current" data-from="1949-04-04" data-to="" `)
	assert.Contains(t, b.String(), `>United States of America</text>`)
	assert.Equal(t, 32, strings.Count(b.String(), `<rect class="span"`), "NATO: one span per member, all open")
}

// TestChartPNG writes a chart through a job, atomically, and reads it back.
func TestChartPNG(t *testing.T) {
	o := chartOptions(t, "csto", 1200, 675)
	path := filepath.Join(t.TempDir(), "chart.png")
	j := Job{Options: o, Format: PNG, Path: path}
	paths, err := j.Run(context.Background(), nil)
	require.NoError(t, err)
	require.Equal(t, []string{path}, paths)
	f, err := os.ReadFile(path)
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(f))
	require.NoError(t, err)
	assert.Equal(t, 1200, img.Bounds().Dx())
	dump(t, "chart-csto.png", func(p string) error { return os.WriteFile(p, f, 0o644) })
	// The chart's blue is there, the map's sea is not.
	blue, sea := 0, 0
	p := o.Palette()
	for y := 0; y < 675; y += 3 {
		for x := 0; x < 1200; x += 3 {
			r, g, bb, _ := img.At(x, y).RGBA()
			c := [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(bb >> 8)}
			if c == [3]uint8{p.Current.R, p.Current.G, p.Current.B} {
				blue++
			}
			if c == [3]uint8{p.Map.Sea.R, p.Map.Sea.G, p.Map.Sea.B} {
				sea++
			}
		}
	}
	assert.Greater(t, blue, 1000)
	assert.Zero(t, sea)
}
