package export

import (
	"bytes"
	"context"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cstomap/assets"
	"cstomap/geo"
	"cstomap/timeline"
	"cstomap/units"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// natoByYear returns a NATO export of year whose outlines follow the
// historical units (the GDR in 1949–1990), as the app and the CLI make it.
func natoByYear(t *testing.T, year int) Options {
	t.Helper()
	o := testOptions(t, 1600, 1000)
	world, as := load(t)
	atlas, err := units.Load(world, assets.Units, "units.json", assets.UnitsBin)
	require.NoError(t, err)
	o.Alliance, o.Year, o.Selected, o.WorldIn = as["nato"], year, "", atlas.WorldIn
	return o
}

func countriesGroup(t *testing.T, doc svgDoc) svgG {
	t.Helper()
	for _, g := range doc.Groups {
		if g.ID == "map" {
			return g.Groups[0]
		}
	}
	t.Fatal("no map group")
	return svgG{}
}

func TestSVGGermanyByYear(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteSVG(&buf, natoByYear(t, 1980)))
	assert.Contains(t, buf.String(), "<title>German Democratic Republic</title>")
	assert.Contains(t, buf.String(), "<title>West Germany</title>")
	assert.Contains(t, buf.String(), "© OpenStreetMap contributors (ODbL)")
	doc := parseSVG(t, buf.Bytes())
	cs := countriesGroup(t, doc)
	assert.Equal(t, "current", findPath(cs.Paths, "DEU").Status, "the Federal Republic, member since 1955")
	assert.Equal(t, "none", findPath(cs.Paths, "DDR").Status, "the GDR has no NATO status")

	buf.Reset()
	require.NoError(t, WriteSVG(&buf, natoByYear(t, 1991)))
	assert.NotContains(t, buf.String(), `id="DDR"`)
	assert.NotContains(t, buf.String(), "OpenStreetMap")
	assert.Contains(t, buf.String(), "<title>Germany</title>")
	assert.Equal(t, "current", findPath(countriesGroup(t, parseSVG(t, buf.Bytes())).Paths, "DEU").Status)
}

// TestPNGGermanyByYear reads the colour at Leipzig: grey in 1980, NATO's
// in 1991.
func TestPNGGermanyByYear(t *testing.T) {
	at := func(o Options, lon, lat float64) color.RGBA {
		o.Hide.Labels = true // a name may be written over the city
		img, err := Render(o)
		require.NoError(t, err)
		l := o.layout(faces{})
		v := o.view(o.renderer(), l.Map)
		x, y := v.Pixel(lon, lat)
		return img.RGBAAt(l.Map.Min.X+int(x), l.Map.Min.Y+int(y))
	}
	p := natoByYear(t, 1980).Palette()
	member, none := p.Paint(timeline.StatusCurrent).Fill, p.Paint(timeline.StatusNone).Fill
	assert.Equal(t, none, at(natoByYear(t, 1980), 12.37, 51.34), "Leipzig 1980")
	assert.Equal(t, member, at(natoByYear(t, 1980), 8.68, 50.11), "Frankfurt 1980")
	assert.Equal(t, member, at(natoByYear(t, 1991), 12.37, 51.34), "Leipzig 1991")
	assert.Equal(t, MetaOf(natoByYear(t, 1980)).Text[3].Value, SourceLine+HistoricalBordersCredit)
	assert.Equal(t, MetaOf(natoByYear(t, 1991)).Text[3].Value, SourceLine)
}

// TestPerYearJobDrawsEachYearsOutlines: one job over 1989–1992 draws the
// GDR in 1989 and 1990 only, with one renderer per set of outlines.
func TestPerYearJobDrawsEachYearsOutlines(t *testing.T) {
	dir := t.TempDir()
	o := natoByYear(t, 1989)
	o.Renderer = geo.NewRenderer(o.World) // the window's: today's outlines
	j := Job{Options: o, Format: SVG, Path: dir, Years: YearsBetween(1989, 1992)}
	paths, err := j.Run(context.Background(), nil)
	require.NoError(t, err)
	require.Len(t, paths, 4)
	for _, y := range []string{"1989", "1990", "1991", "1992"} {
		b, err := os.ReadFile(filepath.Join(dir, "nato-"+y+".svg"))
		require.NoError(t, err)
		assert.Equal(t, y < "1991", strings.Contains(string(b), `id="DDR"`), y)
	}
	var buf bytes.Buffer
	o.renderers = newRendererCache(o.Renderer)
	require.NoError(t, WriteGIF(context.Background(), &buf, o, YearsBetween(1989, 1992), 0, nil))
	assert.Len(t, o.renderers.m, 2, "today's outlines and those of 1949–1990")
}

// TestGIFCreditsEveryFrame: an animation across 1990/1991 has the ODbL
// credit in every frame, so the layout does not jump at 1991.
func TestGIFCreditsEveryFrame(t *testing.T) {
	o := natoByYear(t, 1991)
	assert.Equal(t, SourceLine, o.SourceText())
	assert.Equal(t, SourceLine+HistoricalBordersCredit, o.forYears([]int{1990, 1991}).SourceText())
	assert.Equal(t, SourceLine, o.forYears([]int{1991, 1992}).SourceText())
	a, b := natoByYear(t, 1990), natoByYear(t, 1991)
	a.Width, a.Height, b.Width, b.Height = 1080, 1080, 1080, 1080
	b.creditAll = true
	assert.Equal(t, a.layout(faces{}).Map, b.layout(faces{}).Map)
}
