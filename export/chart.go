package export

import (
	"fmt"
	"image"
	"math"

	"cstomap/chart"
	"cstomap/internal/typeset"
)

// DefaultChartTitle is the title of a membership chart when Options.Title
// is empty: what the alliance's countries were called in the year on show
// and the chart's years, e.g. "CSTO member states, 1992–2026". {years}
// may be used in any title.
const DefaultChartTitle = "{states}, {years}"

// ChartSourceLine credits the data of a membership chart, which draws no
// borders.
const ChartSourceLine = "Sources: Insider (2023); membership and dated events from public records (official, news and research sources)."

// chartTextPt is the size of the chart's labels, in design points.
const chartTextPt = 16.0

// chartHide returns what the page around a chart leaves out: the chart
// marks the year on show with its line and has its own key, so the
// header's year and the map's legend are never drawn.
func chartHide(h Hide) Hide {
	h.Year, h.Legend = true, true
	return h
}

// chartLayout lays the membership chart out in the frame that the map
// would fill.
func (o Options) chartLayout(fs faces, l layout) *chart.Layout {
	evs := o.Events
	if o.Hide.Events {
		evs = nil // --no-events: no ticks, and none in the key
	}
	m := chart.New(o.Alliance, evs, o.World.Name, o.Today)
	year := o.Year
	if o.Hide.Year {
		year = 0
	}
	sc := o.mapStyle(l).PixelScale
	text := math.Max(math.Round(chartTextPt*l.Unit*4)/4, minTextPx*o.scale())
	return m.Layout(typeset.Faces(fs), l.Map, chart.Options{TextSize: text, Scale: sc, Year: year, Key: !o.Hide.Legend})
}

// chartStyle is the chart's colouring for o.
func (o Options) chartStyle() chart.Style {
	return chart.Style{Palette: o.Palette(), Selected: o.selected(), NoBackground: true}
}

// renderChart draws the chart into its frame of img.
func (o Options) renderChart(img *image.RGBA, l layout, fs faces) {
	o.chartLayout(fs, l).Draw(img, o.chartStyle())
}

// chartYears is the chart's span of years, "1992–2026".
func (o Options) chartYears() string {
	first, last := o.Alliance.YearRange(o.Today)
	return fmt.Sprintf("%d–%d", first, last)
}

// chartName is the default file name of a chart: "csto-chart-1992-2026.png".
func chartName(sc Scene, f Format) string {
	first, last := sc.Alliance.YearRange(sc.Today)
	return fmt.Sprintf("%s-chart-%d-%d.%s", sc.Alliance.ID, first, last, f)
}
