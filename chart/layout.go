package chart

import (
	"image"
	"math"
	"time"

	"cstomap/eventmarks"
	"cstomap/events"
	"cstomap/internal/typeset"
	"cstomap/timeline"
)

// Options say how to lay a chart out.
type Options struct {
	// TextSize is the size of the row labels and the axis in pixels; 0
	// means 12 logical pixels.
	TextSize float64
	// Scale is device pixels per logical pixel; it sizes lines, hatching
	// and the default text. 0 means 1.
	Scale float64
	// Year is the year on show, marked by a line; 0 draws none.
	Year int
	// Key puts the key (the statuses and the kinds of event) above the
	// chart.
	Key bool
}

func (o Options) scale() float64 {
	if o.Scale <= 0 {
		return 1
	}
	return o.Scale
}

// keyItem is one entry of the key: a status swatch or an event symbol.
type keyItem struct {
	Status timeline.Status // for a swatch
	Sign   eventmarks.Sign // for a symbol (Kind "" for a swatch)
	Label  string
	X, Y   float64 // the swatch's or symbol's left edge and the baseline
}

// Layout is a chart placed in a rectangle: where every row, bar, label
// and tick goes. It is made by Model.Layout and used to draw, to write SVG
// and to hit-test, so that the three agree.
type Layout struct {
	Model *Model
	Opts  Options
	// Rect is the whole chart, Plot the area of the bars.
	Rect, Plot image.Rectangle
	// RowH is the height of one row in pixels.
	RowH float64
	// LabelRight is where the row labels end (they are right-aligned).
	LabelRight float64
	// Text is the size of labels and axis text in pixels.
	Text float64
	// Step is the number of years between axis labels.
	Step int

	fs      typeset.Faces
	labels  []string  // the rows' labels, cut to fit
	t0      time.Time // 1 January of the first year
	days    float64   // from t0 to 1 January after the last year
	keyBase float64   // baseline of the first key line
	key     []keyItem
	yearY   float64 // baseline of the year-line label
	axisY   float64 // baseline of the axis labels
}

// Lengths in text sizes (em).
const (
	barShare   = 0.56 // of the row height
	gapEm      = 0.8  // between labels and bars
	keyLineEm  = 1.7
	yearBandEm = 1.6
	axisEm     = 2.0
	minRowEm   = 1.3 // rows lower than this shrink the text
	maxBarEm   = 1.6 // bars are no thicker, however high the rows

	maxLabelShare = 0.35 // of the width, at most, for the row labels
)

// Layout places the chart in r, setting its text with fs (a Faces of the
// caller's goroutine).
func (m *Model) Layout(fs typeset.Faces, r image.Rectangle, o Options) *Layout {
	sc := o.scale()
	text := o.TextSize
	if text <= 0 {
		text = 12 * sc
	}
	l := &Layout{Model: m, Opts: o, Rect: r, fs: fs}
	l.t0 = time.Date(m.First, time.January, 1, 0, 0, 0, 0, time.UTC)
	l.days = time.Date(m.Last+1, time.January, 1, 0, 0, 0, 0, time.UTC).Sub(l.t0).Hours() / 24
	n := max(len(m.Rows), 1)
	top := float64(r.Min.Y) + math.Round(0.4*text)
	var keyH float64
	if o.Key {
		keyH = l.layoutKey(text, top)
	}
	fixed := keyH + yearBandEm*text + axisEm*text + 0.4*text
	rowH := (float64(r.Dy()) - fixed) / float64(n)
	if rowH < minRowEm*text {
		// Shrink the text with the rows, but keep the bands for text of
		// the new size.
		text = math.Max(4*sc, (float64(r.Dy())-keyH)/(float64(n)*minRowEm+yearBandEm+axisEm+0.4))
		top = float64(r.Min.Y) + math.Round(0.4*text)
		if o.Key {
			keyH = l.layoutKey(text, top)
		}
		fixed = keyH + yearBandEm*text + axisEm*text + 0.4*text
		rowH = math.Max(1, (float64(r.Dy())-fixed)/float64(n))
	}
	l.Text, l.RowH = text, rowH
	// Labels take what the longest needs, up to maxLabelShare of the
	// width; longer names are cut with an ellipsis.
	labelW := 0.0
	for _, row := range m.Rows {
		labelW = math.Max(labelW, fs.Width(true, text, row.Name))
	}
	labelW = math.Min(labelW, maxLabelShare*float64(r.Dx()))
	l.labels = make([]string, len(m.Rows))
	for i, row := range m.Rows {
		l.labels[i] = row.Name
		if fs.Width(true, text, row.Name) > labelW {
			l.labels[i] = fs.Ellipsize(true, text, row.Name, labelW)
		}
	}
	yearW := fs.Width(true, text, "0000")
	l.LabelRight = math.Round(float64(r.Min.X) + labelW)
	plotL := math.Round(l.LabelRight + gapEm*text)
	plotR := math.Round(float64(r.Max.X) - yearW/2 - 2*sc)
	plotT := math.Round(top + keyH + yearBandEm*text)
	plotB := math.Round(plotT + rowH*float64(n))
	if plotR <= plotL {
		plotR = plotL + 1
	}
	l.Plot = image.Rect(int(plotL), int(plotT), int(plotR), int(plotB))
	l.yearY = plotT - math.Round(0.45*text)
	l.axisY = plotB + math.Round(0.5*text) + text
	perYear := float64(l.Plot.Dx()) / (l.days / 365.25)
	l.Step = 50
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50} {
		if float64(s)*perYear >= 1.5*yearW {
			l.Step = s
			break
		}
	}
	return l
}

// layoutKey places the key's items in lines from top down and returns
// their height.
func (l *Layout) layoutKey(text, top float64) float64 {
	m, fs := l.Model, l.fs
	var items []keyItem
	for _, s := range m.Statuses {
		items = append(items, keyItem{Status: s, Label: statusLabel(s)})
	}
	for _, s := range m.Signs {
		label := s.Label()
		if s.Kind == events.KindBase {
			label += " (line: its years)"
		}
		items = append(items, keyItem{Sign: s, Label: label})
	}
	box := math.Round(text * 0.9)
	pad, space := math.Round(text*0.4), math.Round(text*1.6)
	lh := math.Round(text * keyLineEm)
	left, right := float64(l.Rect.Min.X), float64(l.Rect.Max.X)
	x, line := left, 0
	base := math.Round(top + text)
	for i := range items {
		lw := fs.Width(false, text, items[i].Label)
		w := box + pad + lw
		if x+w > right && x > left {
			line++
			x = left
		}
		items[i].X, items[i].Y = x, base+float64(line)*lh
		// An SVG viewer without the Go fonts may set the label wider:
		// leave it room.
		x += w + space + math.Round(0.06*lw)
	}
	l.key, l.keyBase = items, base
	return float64(line+1) * lh
}

// statusLabel names a status in the key.
func statusLabel(s timeline.Status) string {
	switch s {
	case timeline.StatusCurrent:
		return "Member"
	case timeline.StatusThreatening:
		return "Threatening to leave, or frozen"
	case timeline.StatusDeparted:
		return "Left"
	}
	return string(s)
}

// X returns the x of the start of day t.
func (l *Layout) X(t time.Time) float64 {
	d := t.Sub(l.t0).Hours() / 24
	return float64(l.Plot.Min.X) + d/l.days*float64(l.Plot.Dx())
}

// dayAt returns the day under x (not clamped).
func (l *Layout) dayAt(x float64) time.Time {
	d := (x - float64(l.Plot.Min.X)) / float64(l.Plot.Dx()) * l.days
	return l.t0.Add(time.Duration(math.Floor(d)) * 24 * time.Hour)
}

// rowTop returns the top of row i.
func (l *Layout) rowTop(i int) float64 {
	return float64(l.Plot.Min.Y) + float64(i)*l.RowH
}

// bar returns the top and bottom of row i's bars.
func (l *Layout) bar(i int) (y0, y1 float64) {
	t := l.rowTop(i)
	h := math.Max(1, math.Round(math.Min(l.RowH*barShare, maxBarEm*l.Text)))
	y0 = math.Round(t + (l.RowH-h)/2)
	return y0, y0 + h
}

// end returns the last x a span or tick may reach: the end of today, or
// of the last year when that is earlier.
func (l *Layout) end() float64 {
	last := time.Date(l.Model.Last+1, time.January, 1, 0, 0, 0, 0, time.UTC)
	today := l.Model.Today.AddDate(0, 0, 1)
	if today.Before(last) {
		return l.X(today)
	}
	return l.X(last)
}

// spanX returns the x range of a span, clipped to the axis and to today.
func (l *Layout) spanX(s Span) (x0, x1 float64) {
	x0 = math.Max(l.X(s.From), float64(l.Plot.Min.X))
	x1 = l.end()
	if !s.Open() {
		x1 = math.Min(x1, l.X(s.To))
	}
	return x0, x1
}

// yearLineX returns the x of the line for year: the end of the day whose
// status the map shows for it (31 December, or today in today's year).
func (l *Layout) yearLineX(year int) float64 {
	return l.X(l.Model.DayFor(year).AddDate(0, 0, 1))
}

// Hit is what lies under a point of the chart.
type Hit struct {
	// Row is the row under the point, or nil above or below the rows.
	Row *Row
	// Year is the year under the point, or 0 left of the bars (on the
	// labels) or right of them.
	Year int
	// Day is the day under the point (with Year set).
	Day time.Time
	// Span is the span in force on Day, if any (HasSpan).
	Span    Span
	HasSpan bool
	// Tick is the event under the point, or nil.
	Tick *Tick
}

// Hit returns what lies under the pixel (x, y): the row at that height,
// the year at that x, and the span and event there. ok is false outside
// the rows and the axis.
func (l *Layout) Hit(x, y float64) (h Hit, ok bool) {
	if x < float64(l.Rect.Min.X) || x >= float64(l.Rect.Max.X) {
		return h, false
	}
	inYears := x >= float64(l.Plot.Min.X) && x < float64(l.Plot.Max.X)
	if inYears {
		h.Day = l.dayAt(x)
		h.Year = max(l.Model.First, min(l.Model.Last, h.Day.Year()))
	}
	// The axis and the year band above the rows give the year alone.
	if y >= float64(l.Plot.Max.Y) && y < l.axisY+0.5*l.Text || y < float64(l.Plot.Min.Y) && y >= l.yearY-l.Text {
		return h, inYears
	}
	if y < float64(l.Plot.Min.Y) || y >= float64(l.Plot.Max.Y) {
		return h, false
	}
	i := min(int((y-float64(l.Plot.Min.Y))/l.RowH), len(l.Model.Rows)-1)
	if i < 0 {
		return h, false
	}
	h.Row = &l.Model.Rows[i]
	if inYears {
		h.Span, h.HasSpan = h.Row.SpanOn(h.Day)
		h.Tick = l.tickAt(i, x, y)
	}
	return h, true
}

// tickAt returns the tick of row i whose symbol or line is under (x, y).
func (l *Layout) tickAt(i int, x, y float64) *Tick {
	row := &l.Model.Rows[i]
	r := l.symbolSize(i) * 0.75
	_, b1 := l.bar(i)
	for j := range row.Ticks {
		t := &row.Ticks[j]
		tx, ty := l.symbolAt(i, t)
		if math.Abs(x-tx) <= r+1 && math.Abs(y-ty) <= r+1 {
			return t
		}
	}
	for j := range row.Ticks {
		t := &row.Ticks[j]
		if !t.Lasting() {
			continue
		}
		ly := l.laneY(b1, t.Lane)
		if x >= l.X(t.From) && x <= l.X(t.To.AddDate(0, 0, 1)) && math.Abs(y-ly) <= math.Max(3, l.laneGap()/2) {
			return t
		}
	}
	return nil
}

// symbolAt returns the centre of t's symbol on row i: on the bar for an
// event of a day, at the start of its line for one that lasts.
func (l *Layout) symbolAt(i int, t *Tick) (x, y float64) {
	if t.Lasting() {
		_, b1 := l.bar(i)
		return l.X(t.From), l.laneY(b1, t.Lane) + l.lineW()/2
	}
	return l.X(t.From), l.rowTop(i) + l.RowH/2
}

// tickSize is the height of t's symbol on row i: smaller on a line.
func (l *Layout) tickSize(i int, t *Tick) float64 {
	if t.Lasting() {
		return math.Max(5*l.Opts.scale(), math.Round(l.symbolSize(i)*0.7))
	}
	return l.symbolSize(i)
}

// symbolSize is the height of the event symbols on row i.
func (l *Layout) symbolSize(i int) float64 {
	y0, y1 := l.bar(i)
	return math.Max(5*l.Opts.scale(), math.Round(math.Min((y1-y0)*0.95, 1.2*l.Text)))
}

// laneGap is the distance between the lines of lasting events.
func (l *Layout) laneGap() float64 {
	return math.Max(3*l.Opts.scale(), math.Round(math.Min(l.RowH*0.11, 0.5*l.Text)))
}

// laneY is the y of lane k's line under a bar ending at barBottom.
func (l *Layout) laneY(barBottom float64, k int) float64 {
	return barBottom + float64(k+1)*l.laneGap() - l.lineW()/2
}

// lineW is the width of thin lines.
func (l *Layout) lineW() float64 { return math.Max(1, math.Round(1.5*l.Opts.scale())) }

// RowAt returns the index of the row at y, or -1.
func (l *Layout) RowAt(y float64) int {
	if y < float64(l.Plot.Min.Y) || y >= float64(l.Plot.Max.Y) || len(l.Model.Rows) == 0 {
		return -1
	}
	return min(int((y-float64(l.Plot.Min.Y))/l.RowH), len(l.Model.Rows)-1)
}

// RowCentre returns the y of the middle of the row of iso, or false.
func (l *Layout) RowCentre(iso string) (float64, bool) {
	for i := range l.Model.Rows {
		if l.Model.Rows[i].ISO == iso {
			return l.rowTop(i) + l.RowH/2, true
		}
	}
	return 0, false
}

// YearX returns the x of the middle of year's column.
func (l *Layout) YearX(year int) float64 {
	a := l.X(time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC))
	b := l.X(time.Date(year+1, time.January, 1, 0, 0, 0, 0, time.UTC))
	return (a + b) / 2
}
