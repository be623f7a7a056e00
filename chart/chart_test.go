package chart

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/dataset"
	"cstomap/eventmarks"
	"cstomap/events"
	"cstomap/internal/clock"
	"cstomap/internal/typeset"
	"cstomap/palette"
	"cstomap/timeline"
)

var (
	dataOnce sync.Once
	data     *dataset.Data
	dataErr  error
)

// load returns the bundled data with the clock the tests run with (the
// system clock, or SOURCE_DATE_EPOCH: make clocks runs them at 2027 and
// 2040 too).
func load(tb testing.TB) *dataset.Data {
	tb.Helper()
	dataOnce.Do(func() {
		var c clock.Clock
		if c, dataErr = clock.FromEnv(os.Getenv); dataErr != nil {
			return
		}
		data, _, dataErr = dataset.Load(dataset.Options{Clock: c})
	})
	require.NoError(tb, dataErr)
	return data
}

func model(tb testing.TB, id string, today time.Time) *Model {
	tb.Helper()
	d := load(tb)
	a, err := d.Alliance(id)
	require.NoError(tb, err)
	return New(a, d.Events, d.World.Name, today)
}

// dump writes img for a person to look at when CSTOMAP_CHART_DUMP names
// a folder.
func dump(tb testing.TB, name string, img image.Image) {
	tb.Helper()
	dir := os.Getenv("CSTOMAP_CHART_DUMP")
	if dir == "" {
		return
	}
	require.NoError(tb, os.MkdirAll(dir, 0o755))
	var b bytes.Buffer
	require.NoError(tb, png.Encode(&b, img))
	require.NoError(tb, os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644))
}

// TestSpansAgreeWithStatus is the property: for every year of both
// alliances and every country of their files, the span the chart draws
// on the day the map reads (31 December, or today in today's year) has the
// status timeline gives for that year, and a country without a status
// there has no span there; a country has a row exactly when it ever had a
// status. It runs at the tests' clock and at fixed days around year ends.
func TestSpansAgreeWithStatus(t *testing.T) {
	d := load(t)
	days := []time.Time{d.Now(),
		time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 23, 0, 0, 0, time.UTC),
		time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC), time.Date(2040, 6, 1, 0, 0, 0, 0, time.UTC)}
	for _, id := range []string{"csto", "nato"} {
		for _, today := range days {
			m := model(t, id, today)
			a := m.Alliance
			first, last := a.YearRange(today)
			require.Equal(t, first, m.First)
			require.Equal(t, last, m.Last)
			for _, c := range a.Countries {
				row := m.Row(c.ISO)
				ever := false
				for y := first; y <= last; y++ {
					want, since := a.StatusForYear(c.ISO, y, today)
					ever = ever || want != timeline.StatusNone
					if row == nil {
						assert.Equal(t, timeline.StatusNone, want, "%s %s %d: no row, but a status", id, c.ISO, y)
						continue
					}
					got, span := m.StatusInYear(row, y)
					require.Equal(t, want, got, "%s %s %d (today %s)", id, c.ISO, y, today.Format(time.DateOnly))
					if want != timeline.StatusNone {
						assert.Equal(t, since, span.From, "%s %s %d: the span starts when the status began", id, c.ISO, y)
					}
				}
				// A country that joins after today's year has a row, but
				// no status in any year shown yet.
				if row != nil && !ever {
					assert.True(t, row.Spans[0].From.Year() > last, "%s %s", id, c.ISO)
				}
			}
			for _, r := range m.Rows {
				for i := 1; i < len(r.Spans); i++ {
					assert.Equal(t, r.Spans[i-1].To, r.Spans[i].From, "%s %s: spans abut", id, r.ISO)
					assert.NotEqual(t, r.Spans[i-1].Status, r.Spans[i].Status, "%s %s: a repeat is no new span", id, r.ISO)
				}
				assert.True(t, r.Spans[len(r.Spans)-1].Open(), "%s %s: the last span is open", id, r.ISO)
			}
		}
	}
}

// TestDrawnBarsAgreeWithStatus reads the colour of every row's bar at the
// x of each year's reading day in a drawn chart.
func TestDrawnBarsAgreeWithStatus(t *testing.T) {
	today := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, id := range []string{"csto", "nato"} {
		m := model(t, id, today)
		l := m.Layout(typeset.Faces{}, image.Rect(0, 0, 1920, 1080), Options{Year: 2005})
		img := image.NewRGBA(l.Rect)
		p := palette.Light
		l.Draw(img, Style{Palette: p})
		dump(t, id+"-test.png", img)
		for i, r := range m.Rows {
			y0, y1 := l.bar(i)
			// The left edge of the bars, away from the symbols (drawn at
			// the events' days) and the year line.
			yy := int(y0) + 1
			for y := m.First; y <= m.Last; y++ {
				x := int(l.X(m.DayFor(y)))
				if x < l.Plot.Min.X || y == 2005 || y == m.Last || nearEdge(l, r, x) {
					continue
				}
				want, _ := m.Alliance.StatusForYear(r.ISO, y, today)
				got := img.RGBAAt(x, yy)
				if want == timeline.StatusNone {
					assert.NotEqual(t, p.Current, got, "%s %s %d", id, r.ISO, y)
					continue
				}
				ok := got == p.Colour(want) || want == timeline.StatusThreatening && got == p.Threatening || got == p.Text || got == p.Hatch
				assert.True(t, ok, "%s %s %d: %v, want %s (bar %v-%v)", id, r.ISO, y, got, want, y0, y1)
			}
		}
	}
}

// nearEdge reports whether a span of r starts or ends within two pixels
// of x, where a pixel may show either, or an event's symbol covers x.
func nearEdge(l *Layout, r Row, x int) bool {
	for _, s := range r.Spans {
		if abs(l.X(s.From)-float64(x)) < 2 || !s.Open() && abs(l.X(s.To)-float64(x)) < 2 {
			return true
		}
	}
	for _, t := range r.Ticks {
		if abs(l.X(t.From)-float64(x)) < l.Text {
			return true // a symbol
		}
	}
	return false
}

func abs(v float64) float64 { return max(v, -v) }

func TestRowsAndTicks(t *testing.T) {
	today := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	m := model(t, "csto", today)
	var isos []string
	for _, r := range m.Rows {
		isos = append(isos, r.ISO)
	}
	// Founders first (15 May 1992, by name), then by the day they joined;
	// never-members have no row.
	assert.Equal(t, []string{"ARM", "KAZ", "KGZ", "RUS", "TJK", "UZB", "AZE", "GEO", "BLR"}, isos)
	assert.Equal(t, "Armenia", m.Rows[0].Name)
	kgz := m.Row("KGZ")
	var ids []string
	lanes := map[string]int{}
	for _, tk := range kgz.Ticks {
		ids = append(ids, tk.Event.ID)
		lanes[tk.Event.ID] = tk.Lane
	}
	assert.Subset(t, ids, []string{"us-manas-base", "ru-kant-base", "kgz-2010-osh-request", "kgz-tjk-2021-04-clash"})
	assert.NotEqual(t, lanes["us-manas-base"], lanes["ru-kant-base"], "overlapping bases take different lanes")
	assert.NotNil(t, m.Row("TJK"))
	// The map markers' signs: the US base hollow (the US was never a
	// member), Russia's filled.
	for _, tk := range kgz.Ticks {
		switch tk.Event.ID {
		case "us-manas-base":
			assert.True(t, tk.Sign.Outside, "Manas")
		case "ru-kant-base":
			assert.False(t, tk.Sign.Outside, "Kant")
		}
	}
	assert.Contains(t, m.Signs, eventmarks.Sign{Kind: events.KindBase, Outside: true})
	nato := model(t, "nato", today)
	assert.Len(t, nato.Rows, 32)
	usa := nato.Row("USA")
	require.NotEmpty(t, usa.Ticks)
	assert.Equal(t, "nato-2001-article5", usa.Ticks[0].Event.ID)
	for _, r := range nato.Rows {
		for _, tk := range r.Ticks {
			assert.Equal(t, "nato", tk.Event.Alliance, "no CSTO event on a NATO row")
		}
	}
}

func TestHit(t *testing.T) {
	today := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	m := model(t, "csto", today)
	l := m.Layout(typeset.Faces{}, image.Rect(100, 50, 1300, 650), Options{Year: 2010, Key: true})
	tests := []struct {
		name     string
		iso      string
		year     int
		wantOK   bool
		wantYear int
	}{
		{"middle of a year", "UZB", 2008, true, 2008},
		{"first year", "ARM", 1992, true, 1992},
		{"last year", "RUS", 2026, true, 2026},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			y, ok := l.RowCentre(tc.iso)
			require.True(t, ok)
			h, ok := l.Hit(l.YearX(tc.year), y)
			require.Equal(t, tc.wantOK, ok)
			require.NotNil(t, h.Row)
			assert.Equal(t, tc.iso, h.Row.ISO)
			assert.Equal(t, tc.wantYear, h.Year)
		})
	}
	// Uzbekistan, mid-2008: a member since 2006-08-16, until 2012-06-20.
	y, _ := l.RowCentre("UZB")
	h, ok := l.Hit(l.X(time.Date(2008, 7, 1, 0, 0, 0, 0, time.UTC)), y)
	require.True(t, ok)
	require.True(t, h.HasSpan)
	assert.Equal(t, timeline.StatusCurrent, h.Span.Status)
	assert.Equal(t, "2006-08-16", date(h.Span.From))
	assert.Equal(t, "2012-06-20", date(h.Span.To))
	assert.Equal(t, "Uzbekistan: CSTO member, 2006-08-16 to 2012-06-20", m.SpanText(h.Row, h.Span))
	// Azerbaijan in 1995: a party to the treaty, said in the words of then.
	y, _ = l.RowCentre("AZE")
	h, _ = l.Hit(l.YearX(1995), y)
	assert.Equal(t, "Azerbaijan: party to the Collective Security Treaty, 1993-09-24 to 1999-04-20", m.SpanText(h.Row, h.Span))
	// On the labels: the row, no year.
	h, ok = l.Hit(l.LabelRight-5, y)
	require.True(t, ok)
	assert.Equal(t, "AZE", h.Row.ISO)
	assert.Zero(t, h.Year)
	// On the axis: the year, no row.
	h, ok = l.Hit(l.YearX(2000), float64(l.Plot.Max.Y)+3)
	require.True(t, ok)
	assert.Nil(t, h.Row)
	assert.Equal(t, 2000, h.Year)
	// Outside the chart.
	_, ok = l.Hit(50, y)
	assert.False(t, ok)
	_, ok = l.Hit(l.YearX(2000), float64(l.Rect.Max.Y)+10)
	assert.False(t, ok)
	// The Osh request of 12 June 2010 on Kyrgyzstan's row.
	y, _ = l.RowCentre("KGZ")
	h, _ = l.Hit(l.X(time.Date(2010, 6, 12, 0, 0, 0, 0, time.UTC)), y)
	require.NotNil(t, h.Tick)
	assert.Equal(t, "kgz-2010-osh-request", h.Tick.Event.ID)
	assert.Contains(t, TickText(h.Tick), "Call for help: Osh, 2010-06-12\nno troops sent")
	// Every row's centre hits that row, at every year.
	for _, r := range m.Rows {
		y, _ := l.RowCentre(r.ISO)
		for yr := m.First; yr <= m.Last; yr++ {
			h, ok := l.Hit(l.YearX(yr), y)
			require.True(t, ok)
			require.Equal(t, r.ISO, h.Row.ISO)
			require.Equal(t, yr, h.Year)
		}
	}
}

// svgDoc wraps the chart's fragment in a document, as package export does.
func svgDoc(t *testing.T, l *Layout, st Style) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">`)
	require.NoError(t, l.WriteSVG(&b, st))
	b.WriteString("</svg>")
	return b.String()
}

type svgNode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Nodes   []svgNode  `xml:",any"`
}

func (n *svgNode) attr(name string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

func (n *svgNode) walk(f func(*svgNode)) {
	f(n)
	for i := range n.Nodes {
		n.Nodes[i].walk(f)
	}
}

func TestSVG(t *testing.T) {
	today := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, id := range []string{"csto", "nato"} {
		t.Run(id, func(t *testing.T) {
			m := model(t, id, today)
			l := m.Layout(typeset.Faces{}, image.Rect(0, 0, 1600, 900), Options{Year: 2005, Key: true})
			doc := svgDoc(t, l, Style{Palette: palette.Dark, Selected: m.Rows[0].ISO})
			var root svgNode
			require.NoError(t, xml.Unmarshal([]byte(doc), &root), "well-formed XML")
			type key struct{ iso, from string }
			spans := map[key]map[string]string{}
			var labels []string
			ticks := 0
			root.walk(func(n *svgNode) {
				cls, _ := n.attr("class")
				switch {
				case n.XMLName.Local == "rect" && cls == "span":
					a := map[string]string{}
					for _, at := range n.Attrs {
						a[at.Name.Local] = at.Value
					}
					spans[key{a["data-iso"], a["data-from"]}] = a
				case n.XMLName.Local == "text" && cls == "row-label":
					labels = append(labels, n.Text)
				case n.XMLName.Local == "g" && cls == "tick":
					ticks++
				}
			})
			// One rect per span, with its dates; an open span's data-to
			// is empty.
			want := 0
			for _, r := range m.Rows {
				for _, s := range r.Spans {
					if s.From.Year() > m.Last {
						continue
					}
					want++
					a, ok := spans[key{r.ISO, s.From.Format(time.DateOnly)}]
					require.True(t, ok, "%s %s", r.ISO, s.From)
					assert.Equal(t, string(s.Status), a["data-status"])
					if s.Open() {
						assert.Equal(t, "", a["data-to"], "%s: open span", r.ISO)
					} else {
						assert.Equal(t, s.To.Format(time.DateOnly), a["data-to"])
					}
					if s.Status == timeline.StatusThreatening {
						assert.Equal(t, "url(#chart-hatch)", a["fill"])
					}
				}
			}
			assert.Len(t, spans, want)
			// Row labels are text, one per row, with the map's names.
			require.Len(t, labels, len(m.Rows))
			for i, r := range m.Rows {
				assert.Equal(t, r.Name, labels[i])
			}
			n := 0
			for _, r := range m.Rows {
				n += len(r.Ticks)
			}
			assert.Equal(t, n, ticks)
			assert.Contains(t, doc, `<g id="year-line" data-year="2005">`)
			assert.Contains(t, doc, `<pattern id="chart-hatch"`)
		})
	}
	// Armenia's threatening span since 2023 is open: data-to is empty.
	m := model(t, "csto", today)
	l := m.Layout(typeset.Faces{}, image.Rect(0, 0, 1600, 900), Options{})
	doc := svgDoc(t, l, Style{Palette: palette.Light})
	assert.Contains(t, doc, `<rect class="span" data-iso="ARM" data-status="threatening" data-from="2023-05-22" data-to="" `)
	assert.Contains(t, doc, `<rect class="span" data-iso="ARM" data-status="current" data-from="1992-05-15" data-to="2023-05-22" `)
	assert.NotContains(t, doc, `id="year-line"`, "no year, no line")
}

// TestLayoutSmall lays the NATO chart out in sizes down to a thumbnail:
// the rows stay inside the rectangle and the text shrinks rather than
// overflows.
func TestLayoutSmall(t *testing.T) {
	today := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	m := model(t, "nato", today)
	for _, sz := range []image.Point{{1920, 1080}, {800, 500}, {320, 200}, {120, 80}} {
		r := image.Rect(10, 20, 10+sz.X, 20+sz.Y)
		l := m.Layout(typeset.Faces{}, r, Options{Year: 1999, Key: true})
		assert.True(t, l.Plot.In(r), "%v: plot %v inside %v", sz, l.Plot, r)
		assert.Less(t, l.axisY, float64(r.Max.Y)+1, "%v: axis inside", sz)
		img := image.NewRGBA(image.Rect(0, 0, sz.X+20, sz.Y+40))
		l.Draw(img, Style{Palette: palette.Light})
	}
}

// TestEdgeCases draws an alliance without members (a user's file may list
// only never-members) and one whose country has a very long name.
func TestEdgeCases(t *testing.T) {
	today := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	empty := &timeline.Alliance{ID: "x", ShortName: "X", FirstYear: 2000,
		Countries: []timeline.Country{{ISO: "FRA", Never: true, Note: "n"}}}
	m := New(empty, nil, nil, today)
	assert.Empty(t, m.Rows)
	l := m.Layout(typeset.Faces{}, image.Rect(0, 0, 400, 300), Options{Year: 2010, Key: true})
	img := image.NewRGBA(l.Rect)
	l.Draw(img, Style{Palette: palette.Light})
	_, ok := l.Hit(200, 150)
	assert.False(t, ok)
	var b strings.Builder
	require.NoError(t, l.WriteSVG(&b, Style{Palette: palette.Light}))

	long := &timeline.Alliance{ID: "y", ShortName: "Y", FirstYear: 2000, Countries: []timeline.Country{{ISO: "FRA",
		Events: []timeline.Event{{Date: time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC), Status: timeline.StatusCurrent}}}}}
	m = New(long, nil, func(string) string { return strings.Repeat("Very long name ", 20) }, today)
	require.Len(t, m.Rows, 1)
	l = m.Layout(typeset.Faces{}, image.Rect(0, 0, 600, 300), Options{})
	assert.LessOrEqual(t, l.LabelRight, 0.36*600)
	assert.True(t, strings.HasSuffix(l.labels[0], "…"))
	assert.Greater(t, l.Plot.Dx(), 300)
}
