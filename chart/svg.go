package chart

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"time"

	"cstomap/eventmarks"
	"cstomap/internal/typeset"
	"cstomap/timeline"
)

// WriteSVG writes the chart as an SVG fragment, a <g id="chart"> to put
// inside an <svg> document (package export writes the document, with the
// title and the source line around it). The fragment holds:
//
//   - one <g class="row" data-iso=…> per row, with the row's label as a
//     <text class="row-label"> and one
//     <rect class="span" data-iso=… data-status=… data-from=YYYY-MM-DD data-to=YYYY-MM-DD>
//     per status span, where data-to is the day the next status began
//     and is empty for an open span (still in force);
//   - one <g class="tick" data-id=… data-kind=… data-date=… data-end=…> per
//     event on a row;
//   - the axis (<g id="axis">), the year line (<g id="year-line"
//     data-year=…>) and, with Options.Key, the key (<g id="chart-key">).
//
// Threatening spans are filled with a <pattern> of stripes like the map's.
// Text stays <text>, in the Go fonts where installed.
func (l *Layout) WriteSVG(w io.Writer, st Style) error {
	bw := bufio.NewWriter(w)
	s := &svgOut{w: bw}
	l.writeSVG(s, st)
	if s.err != nil {
		return s.err
	}
	return bw.Flush()
}

type svgOut struct {
	w   *bufio.Writer
	err error
}

func (s *svgOut) printf(format string, a ...any) {
	if s.err == nil {
		_, s.err = fmt.Fprintf(s.w, format, a...)
	}
}

// n formats a coordinate.
func n(v float64) string { return string(typeset.Num(nil, v)) }

// date formats a day as YYYY-MM-DD, or "" for the zero time.
func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func statusAttr(s timeline.Status) string {
	if s == timeline.StatusNone {
		return "none"
	}
	return typeset.Esc(string(s))
}

func (l *Layout) writeSVG(s *svgOut, st Style) {
	c := st.colours()
	m := l.Model
	hex := typeset.Hex
	period, stripe := l.hatch(st.Palette)
	s.printf(`<g id="chart" data-alliance="%s" data-first="%d" data-last="%d">`+"\n", typeset.Esc(m.Alliance.ID), m.First, m.Last)
	hatch := st.Palette.Paint(timeline.StatusThreatening)
	p, k := float64(period), float64(stripe)
	s.printf(`<defs><pattern id="chart-hatch" patternUnits="userSpaceOnUse" x="%d" y="%d" width="%d" height="%d">`, l.Rect.Min.X, l.Rect.Min.Y, period, period)
	s.printf(`<rect width="%d" height="%d" fill="%s"/>`, period, period, hex(hatch.Fill))
	// The stripes x+y < k and p ≤ x+y < p+k of the square [0, p]².
	s.printf(`<path fill="%s" d="M0 0L%s 0L0 %sZM%s 0L%s %sL%s %sL0 %sZ"/></pattern></defs>`+"\n",
		hex(hatch.Hatch), n(k), n(k), n(p), n(p), n(k), n(k), n(p), n(p))
	if !st.NoBackground {
		s.printf(`<rect id="chart-background" x="%d" y="%d" width="%d" height="%d" fill="%s"/>`+"\n", l.Rect.Min.X, l.Rect.Min.Y, l.Rect.Dx(), l.Rect.Dy(), hex(c.bg))
	}
	x0, x1 := float64(l.Rect.Min.X), float64(l.Plot.Max.X)
	s.printf(`<g id="row-backgrounds">` + "\n")
	for i, row := range m.Rows {
		fill := ""
		switch {
		case row.ISO == st.Selected:
			fill = hex(c.sel)
		case row.ISO == st.Hovered:
			fill = hex(c.hover)
		case i%2 == 1:
			fill = hex(c.zebra)
		}
		if fill != "" {
			s.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n", n(x0), n(l.rowTop(i)), n(x1-x0), n(l.RowH), fill)
		}
	}
	s.printf("</g>\n")
	if y := l.Opts.Year; y >= m.First && y <= m.Last {
		a := l.X(time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC))
		b := l.X(time.Date(y+1, time.January, 1, 0, 0, 0, 0, time.UTC))
		s.printf(`<rect id="year-band" x="%s" y="%d" width="%s" height="%d" fill="%s" fill-opacity="%s"/>`+"\n", n(a), l.Plot.Min.Y, n(b-a), l.Plot.Dy(), hex(c.text), n(bandAlpha))
	}
	lw := l.lineW()
	s.printf(`<g id="grid" fill="%s">`+"\n", hex(c.grid))
	for _, y := range l.labelYears() {
		x := l.X(time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC))
		s.printf(`<rect x="%s" y="%d" width="%s" height="%d"/>`+"\n", n(x), l.Plot.Min.Y, n(lw), l.Plot.Dy())
	}
	s.printf("</g>\n<g id=\"rows\">\n")
	for i := range m.Rows {
		l.writeRow(s, i, st, c)
	}
	s.printf("</g>\n")
	l.writeAxis(s, c)
	if y := l.Opts.Year; y >= m.First && y <= m.Last {
		x := l.yearLineX(y)
		w := math.Max(2, math.Round(2*l.Opts.scale()))
		s.printf(`<g id="year-line" data-year="%d"><rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n",
			y, n(math.Min(x-w/2, float64(l.Plot.Max.X)-w)), n(l.yearY+0.3*l.Text), n(w), n(float64(l.Plot.Max.Y)-l.yearY-0.3*l.Text), hex(c.text))
		s.printf("%s</g>\n", l.fs.SVGText("year-label", l.yearLabel(y, c.text)))
	}
	if l.Opts.Key {
		l.writeKey(s, st, c)
	}
	s.printf("</g>\n")
}

// fill returns the SVG fill of a status.
func fill(st Style, s timeline.Status) string {
	p := st.Palette.Paint(s)
	if p.Hatch.A != 0 {
		return "url(#chart-hatch)"
	}
	return typeset.Hex(p.Fill)
}

func (l *Layout) writeRow(s *svgOut, i int, st Style, c colours) {
	row := &l.Model.Rows[i]
	iso := typeset.Esc(row.ISO)
	s.printf(`<g class="row" data-iso="%s">`+"\n", iso)
	cy := l.rowTop(i) + l.RowH/2
	s.printf("%s\n", l.fs.SVGText("row-label", typeset.Text{Text: l.labels[i], X: l.LabelRight, Y: l.baseline(cy), Size: l.Text,
		Bold: row.ISO == st.Selected, Colour: c.text, Anchor: typeset.AnchorEnd}))
	y0, y1 := l.bar(i)
	for _, sp := range row.Spans {
		x0, x1 := l.spanX(sp)
		if x1 <= x0 {
			continue
		}
		to := date(sp.To)
		until := to
		if sp.Open() {
			until = "now"
		}
		s.printf(`<rect class="span" data-iso="%s" data-status="%s" data-from="%s" data-to="%s" x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s: %s, %s to %s</title></rect>`+"\n",
			iso, statusAttr(sp.Status), date(sp.From), to, n(x0), n(y0), n(x1-x0), n(y1-y0), fill(st, sp.Status),
			typeset.Esc(row.Name), statusAttr(sp.Status), date(sp.From), until)
	}
	for j := range row.Ticks {
		t := &row.Ticks[j]
		e := t.Event
		s.printf(`<g class="tick" data-id="%s" data-kind="%s" data-date="%s" data-end="%s" data-outside="%t"><title>%s</title>`,
			typeset.Esc(e.ID), typeset.Esc(string(e.Kind)), typeset.Esc(e.Date.String()), typeset.Esc(e.End.String()), t.Sign.Outside, typeset.Esc(TickText(t)))
		if t.Lasting() {
			ly := l.laneY(y1, t.Lane)
			a := l.X(t.From)
			b := math.Min(l.X(t.To.AddDate(0, 0, 1)), l.end())
			s.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`, n(a), n(math.Round(ly)), n(math.Max(1, b-a)), n(math.Round(l.lineW())), typeset.Hex(c.text))
		}
		cx, cy := l.symbolAt(i, t)
		s.sign(t.Sign, cx, cy, l.markStyle(st.Palette, l.tickSize(i, t)))
		s.printf("</g>\n")
	}
	s.printf("</g>\n")
}

// sign writes the shapes of an event's sign, as the map's markers are
// written (eventmarks.SVGShapes).
func (s *svgOut) sign(sg eventmarks.Sign, x, y float64, ms eventmarks.Style) {
	for _, sh := range eventmarks.SVGShapes(sg, x, y, ms) {
		s.printf(`<path d="%s" fill="%s"/>`, sh.D, typeset.Hex(sh.Fill))
	}
}

func (l *Layout) writeAxis(s *svgOut, c colours) {
	lw := l.lineW()
	yb := float64(l.Plot.Max.Y)
	s.printf(`<g id="axis"><rect x="%d" y="%d" width="%d" height="%s" fill="%s"/>`+"\n", l.Plot.Min.X, l.Plot.Max.Y, l.Plot.Dx(), n(lw), typeset.Hex(c.axis))
	for _, y := range l.labelYears() {
		x := l.X(time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC))
		s.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`, n(math.Min(x, float64(l.Plot.Max.X)-lw)), n(yb), n(lw), n(math.Round(0.45*l.Text)), typeset.Hex(c.axis))
		s.printf("%s\n", l.fs.SVGText("axis-label", typeset.Text{Text: fmt.Sprint(y), X: l.YearX(y), Y: l.axisY, Size: l.Text, Colour: c.subtle, Anchor: typeset.AnchorMiddle}))
	}
	s.printf("</g>\n")
}

func (l *Layout) writeKey(s *svgOut, st Style, c colours) {
	box := math.Round(l.Text * 0.9)
	a, _ := l.fs.Metrics(false, l.Text)
	capH := math.Round(a * 0.72)
	pad := math.Round(l.Text * 0.4)
	s.printf(`<g id="chart-key">` + "\n")
	for _, it := range l.key {
		top := it.Y - capH + math.Round((capH-box)/2)
		if it.Sign.Kind == "" {
			s.printf(`<rect data-status="%s" x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n", statusAttr(it.Status), n(it.X), n(top), n(box), n(box), fill(st, it.Status))
		} else {
			s.printf(`<g data-kind="%s" data-outside="%t">`, typeset.Esc(string(it.Sign.Kind)), it.Sign.Outside)
			s.sign(it.Sign, it.X+box/2, top+box/2, l.markStyle(st.Palette, box))
			s.printf("</g>\n")
		}
		s.printf("%s\n", l.fs.SVGText("key-label", typeset.Text{Text: it.Label, X: it.X + box + pad, Y: it.Y, Size: l.Text, Colour: c.text}))
	}
	s.printf("</g>\n")
}
