package export

import (
	"bytes"
	"context"
	"encoding/xml"
	"image/gif"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/assets"
	"cstomap/eventmarks"
	"cstomap/events"
	"cstomap/geo"
)

func allTestEvents(tb testing.TB) []events.Event {
	tb.Helper()
	w, _ := load(tb)
	evs, err := events.LoadFS(assets.Events, "events", w.Known)
	require.NoError(tb, err)
	return evs
}

// eventOptions is a CSTO export of year with the bundled events.
func eventOptions(tb testing.TB, year int) Options {
	o := testOptions(tb, 1600, 1000)
	o.Year, o.Events = year, allTestEvents(tb)
	return o
}

// svgEvent is one <g class="event">.
type svgEvent struct {
	Class string    `xml:"class,attr"`
	ID    string    `xml:"data-id,attr"`
	Kind  string    `xml:"data-kind,attr"`
	Out   string    `xml:"data-outside,attr"`
	Date  string    `xml:"data-date,attr"`
	ISO   string    `xml:"data-iso,attr"`
	Title string    `xml:"title"`
	Paths []svgPath `xml:"path"`
}

type svgEventsDoc struct {
	Groups []struct {
		ID     string     `xml:"id,attr"`
		Clip   string     `xml:"clip-path,attr"`
		Events []svgEvent `xml:"g"`
	} `xml:"g"`
}

// svgEventIDs returns the ids of the <g class="event"> of an SVG export, and
// the kinds of its legend symbols.
func svgEvents(t *testing.T, o Options) (evs []svgEvent, legend []string) {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, WriteSVG(&buf, o))
	var doc svgEventsDoc
	require.NoError(t, xml.Unmarshal(buf.Bytes(), &doc))
	for _, g := range doc.Groups {
		switch g.ID {
		case "events":
			assert.Equal(t, "url(#map-frame)", g.Clip)
			evs = append(evs, g.Events...)
		case "legend-events":
			for _, e := range g.Events {
				if e.Out == "true" {
					legend = append(legend, e.Kind+" (outside)")
				} else {
					legend = append(legend, e.Kind)
				}
			}
		}
	}
	return evs, legend
}

// The SVG holds one <g class="event"> per marker of the year, with the
// event's id, kind, date and countries, and the legend names each kind.
func TestSVGEvents(t *testing.T) {
	for _, tc := range []struct {
		year  int
		want  []string
		kinds []string
	}{
		{2005, []string{"us-k2-base", "us-manas-base", "ru-kant-base", "ru-gyumri-102-base"}, []string{"base", "base (outside)"}},
		{2010, []string{"kgz-2010-osh-request", "us-manas-base"}, []string{"request", "base", "base (outside)"}},
		{2022, []string{"kaz-2022-01-deployment", "kaz-2022-01-request", "arm-2022-09-request", "kgz-tjk-2022-09-clash"}, []string{"request", "deployment", "clash", "base"}},
		// Manas closed in 2014: only the members' bases are left.
		{2024, []string{"ru-201-base"}, []string{"base"}},
	} {
		o := eventOptions(t, tc.year)
		got, legend := svgEvents(t, o)
		var ids []string
		for _, e := range got {
			ids = append(ids, e.ID)
			assert.Equal(t, "event", e.Class)
			assert.NotEmpty(t, e.Title)
			// A leader line (two paths) for a marker moved off its
			// place, then the halo, the stroke and the fill.
			require.GreaterOrEqual(t, len(e.Paths), 3, e.ID)
			assert.Equal(t, hex(eventmarks.Light.FillOf(events.Kind(e.Kind))), e.Paths[len(e.Paths)-1].Fill, e.ID)
		}
		for _, id := range tc.want {
			assert.Contains(t, ids, id, "%d", tc.year)
		}
		assert.Equal(t, tc.kinds, legend, "%d", tc.year)
		assert.NotContains(t, ids, "nato-2001-article5", "only the alliance's events")
		// Exactly the events of the year that are in the frame.
		sel := events.Select(o.Events, events.Filter{Alliance: "csto", Year: tc.year, Today: today})
		assert.LessOrEqual(t, len(ids), len(sel))
		for _, e := range got {
			i := slices.IndexFunc(sel, func(x events.Event) bool { return x.ID == e.ID })
			require.GreaterOrEqual(t, i, 0, "%s is not an event of %d", e.ID, tc.year)
			assert.Equal(t, string(sel[i].Kind), e.Kind)
			assert.Equal(t, sel[i].Date.String(), e.Date)
			assert.Equal(t, strings.Join(sel[i].ISO, " "), e.ISO)
			// The US bases are the ones of a non-member.
			assert.Equal(t, strings.HasPrefix(e.ID, "us-"), e.Out == "true", e.ID)
		}
	}
	o := eventOptions(t, 2022)
	got, _ := svgEvents(t, o)
	i := slices.IndexFunc(got, func(e svgEvent) bool { return e.ID == "kaz-2022-01-deployment" })
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, "deployment", got[i].Kind)
	assert.Equal(t, "2022-01-06", got[i].Date)
	assert.Equal(t, "KAZ", got[i].ISO)
}

func TestSVGNoEvents(t *testing.T) {
	for _, h := range []Hide{{Events: true}, {Map: true}} {
		o := eventOptions(t, 2022)
		o.Hide = h
		got, legend := svgEvents(t, o)
		assert.Empty(t, got)
		assert.Empty(t, legend)
	}
}

// In the PNG each marker's centre shows its kind's fill; with --no-events
// the map under it shows instead.
func TestPNGEvents(t *testing.T) {
	o := eventOptions(t, 2010)
	img, err := Render(o)
	require.NoError(t, err)
	l := o.layout(faces{})
	st := o.mapStyle(l)
	v := o.view(o.renderer(), l.Map)
	layer := o.eventLayer(v, st)
	require.NotEmpty(t, layer.Markers)
	for _, m := range layer.Markers {
		x, y := l.Map.Min.X+int(m.X), l.Map.Min.Y+int(m.Y)
		assert.Equal(t, layer.Style.FillOf(m.Event.Kind), img.RGBAAt(x, y), m.Event.ID)
	}
	assert.Len(t, l.Symbols, 3, "a legend symbol for the request, the members' bases and Manas")

	o.Hide.Events = true
	plain, err := Render(o)
	require.NoError(t, err)
	for _, m := range layer.Markers {
		x, y := l.Map.Min.X+int(m.X), l.Map.Min.Y+int(m.Y)
		assert.NotEqual(t, layer.Style.FillOf(m.Event.Kind), plain.RGBAAt(x, y), m.Event.ID)
	}
	assert.Empty(t, o.layout(faces{}).Symbols)
}

// The legend's symbols sit on a row of their own below the statuses.
func TestLegendEventRow(t *testing.T) {
	o := eventOptions(t, 2022)
	l := o.layout(faces{})
	require.NotEmpty(t, l.Swatches)
	require.Len(t, l.Symbols, 4)
	for _, s := range l.Symbols {
		assert.Greater(t, s.Y, l.Swatches[0].Y+l.Swatches[0].Size, "below the statuses")
	}
	var labels []string
	for _, tx := range l.Texts {
		if tx.Role == "legend" {
			labels = append(labels, tx.Text)
		}
	}
	for _, k := range []events.Kind{events.KindRequest, events.KindDeployment, events.KindClash, events.KindBase} {
		assert.Contains(t, labels, eventmarks.Label(k))
	}
	assert.NotContains(t, labels, "Foreign base of a non-member", "no US base in 2022")
}

// A GIF's legend lists the kinds of all its years on every frame, and
// its palette holds the markers' colours.
func TestGIFEvents(t *testing.T) {
	o := eventOptions(t, 2009)
	o.Width, o.Height = 800, 500
	years := []int{2009, 2010, 2011}
	assert.Equal(t, []eventmarks.Sign{{Kind: events.KindRequest}, {Kind: events.KindBase}, {Kind: events.KindBase, Outside: true}}, o.signsOver(years))
	var buf bytes.Buffer
	require.NoError(t, WriteGIF(context.Background(), &buf, o, years, 0, nil))
	g, err := gif.DecodeAll(&buf)
	require.NoError(t, err)
	require.Len(t, g.Image, 3)
	for _, dark := range []bool{false, true} {
		o.Dark = dark
		pal := gifPalette(o.Palette(), o.mapStyle(o.layout(faces{})))
		assert.LessOrEqual(t, len(pal), 256)
		ms := o.markerStyle(o.mapStyle(o.layout(faces{})))
		for _, k := range events.Kinds {
			assert.Contains(t, pal, ms.FillOf(k))
		}
		assert.Contains(t, pal, ms.Stroke)
		assert.Contains(t, pal, ms.Halo)
	}
}

// Per-year folders mark each year's own events.
func TestYearsSVGEvents(t *testing.T) {
	w, as := load(t)
	sc := Scene{World: w, Renderer: geo.NewRenderer(w), Alliance: as["csto"], Year: 2024, Today: today, Events: allTestEvents(t)}
	s := DefaultSettings()
	s.Kind, s.First, s.Last, s.Width, s.Height = KindYearsSVG, 2009, 2010, 800, 500
	dir := filepath.Join(t.TempDir(), "out")
	job, err := s.Job(sc, dir)
	require.NoError(t, err)
	paths, err := job.Run(context.Background(), nil)
	require.NoError(t, err)
	require.Len(t, paths, 2)
	b9, err := os.ReadFile(paths[0])
	require.NoError(t, err)
	b10, err := os.ReadFile(paths[1])
	require.NoError(t, err)
	assert.NotContains(t, string(b9), `data-id="kgz-2010-osh-request"`)
	assert.Contains(t, string(b10), `data-id="kgz-2010-osh-request"`)
	assert.Contains(t, string(b9), `data-id="us-manas-base"`)

	s.Hide.Events = true
	job, err = s.Job(sc, filepath.Join(t.TempDir(), "plain"))
	require.NoError(t, err)
	paths, err = job.Run(context.Background(), nil)
	require.NoError(t, err)
	b, err := os.ReadFile(paths[1])
	require.NoError(t, err)
	assert.NotContains(t, string(b), `class="event"`)
}
