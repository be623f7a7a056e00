package chart

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"time"

	"cstomap/eventmarks"
	"cstomap/internal/typeset"
	"cstomap/palette"
	"cstomap/timeline"
)

// Style is how a laid-out chart is coloured and what it highlights.
type Style struct {
	Palette palette.Palette
	// Selected is the ISO code of the selected country (its row is
	// tinted and its label bold), or "".
	Selected string
	// Hovered is the ISO code of the row under the pointer, or "".
	Hovered string
	// NoBackground leaves the pixels between the bars as they are
	// instead of filling the chart's rectangle with the palette's
	// background first.
	NoBackground bool
}

// colours are the derived colours of a style.
type colours struct {
	bg, text, subtle, zebra, grid, axis, sel, hover color.RGBA
}

func (st Style) colours() colours {
	p := st.Palette
	return colours{
		bg: p.Background, text: p.Text, subtle: p.SubtleText,
		zebra: mix(p.Background, p.Text, 0.035),
		grid:  mix(p.Background, p.Text, 0.13),
		axis:  mix(p.Background, p.Text, 0.55),
		sel:   mix(p.Background, p.Map.Selected, 0.22),
		hover: mix(p.Background, p.Text, 0.09),
	}
}

// hatch returns the hatching's period and stripe width, as the map draws
// them at this scale.
func (l *Layout) hatch(p palette.Palette) (period, stripe int) {
	period = max(3, int(math.Round(p.Map.HatchSpacing*l.Opts.scale())))
	return period, max(1, int(math.Round(float64(period)*0.35)))
}

// Draw draws the chart into dst, which must contain l.Rect.
func (l *Layout) Draw(dst *image.RGBA, st Style) {
	c := st.colours()
	m := l.Model
	if !st.NoBackground {
		fillRect(dst, l.Rect, c.bg)
	}
	// Row backgrounds: zebra, hover, selection, across the labels too.
	for i, row := range m.Rows {
		y0, y1 := l.rowTop(i), l.rowTop(i+1)
		r := image.Rect(l.Rect.Min.X, iround(y0), l.Plot.Max.X, iround(y1))
		switch {
		case row.ISO == st.Selected:
			fillRect(dst, r, c.sel)
		case row.ISO == st.Hovered:
			fillRect(dst, r, c.hover)
		case i%2 == 1:
			fillRect(dst, r, c.zebra)
		}
	}
	// The year on show: its column, behind the bars.
	if y := l.Opts.Year; y >= m.First && y <= m.Last {
		a := l.X(time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC))
		b := l.X(time.Date(y+1, time.January, 1, 0, 0, 0, 0, time.UTC))
		tint(dst, image.Rect(iround(a), l.Plot.Min.Y, max(iround(b), iround(a)+1), l.Plot.Max.Y), c.text, bandAlpha)
	}
	lw := iround(l.lineW())
	for _, y := range l.labelYears() {
		x := iround(l.X(time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)))
		fillRect(dst, image.Rect(x, l.Plot.Min.Y, x+lw, l.Plot.Max.Y), c.grid)
	}
	period, stripe := l.hatch(st.Palette)
	for i := range m.Rows {
		l.drawRow(dst, i, st, c, period, stripe)
	}
	l.drawAxis(dst, c)
	l.drawYearLine(dst, c)
	if l.Opts.Key {
		l.drawKey(dst, st, c, period, stripe)
	}
}

// drawRow draws row i's label, bars and ticks.
func (l *Layout) drawRow(dst *image.RGBA, i int, st Style, c colours, period, stripe int) {
	row := &l.Model.Rows[i]
	cy := l.rowTop(i) + l.RowH/2
	l.fs.Draw(dst, typeset.Text{Text: l.labels[i], X: l.LabelRight, Y: l.baseline(cy), Size: l.Text,
		Bold: row.ISO == st.Selected, Colour: c.text, Anchor: typeset.AnchorEnd})
	y0, y1 := l.bar(i)
	for _, s := range row.Spans {
		x0, x1 := l.spanX(s)
		if x1 <= x0 {
			continue
		}
		r := image.Rect(iround(x0), iround(y0), max(iround(x1), iround(x0)+1), iround(y1))
		l.fillStatus(dst, r, s.Status, st.Palette, period, stripe)
	}
	// Lasting events: a line per lane under the bar, then every symbol.
	for _, t := range row.Ticks {
		if !t.Lasting() {
			continue
		}
		ly := l.laneY(y1, t.Lane)
		x0 := l.X(t.From)
		x1 := math.Min(l.X(t.To.AddDate(0, 0, 1)), l.end())
		fillRect(dst, image.Rect(iround(x0), iround(ly), max(iround(x1), iround(x0)+1), iround(ly)+iround(l.lineW())), c.text)
	}
	var p eventmarks.Painter
	for j := range row.Ticks {
		t := &row.Ticks[j]
		x, y := l.symbolAt(i, t)
		p.Sign(dst, t.Sign, x, y, l.markStyle(st.Palette, l.tickSize(i, t)))
	}
}

// baseline returns the baseline that centres text of the layout's size on
// y (its capital letters).
func (l *Layout) baseline(y float64) float64 {
	a, _ := l.fs.Metrics(false, l.Text)
	return math.Round(y + a*0.36)
}

// fillStatus fills r with the status's colour, hatched for threatening
// in phase with the chart's corner, as the map hatches in phase with its
// frame.
func (l *Layout) fillStatus(dst *image.RGBA, r image.Rectangle, s timeline.Status, p palette.Palette, period, stripe int) {
	paint := p.Paint(s)
	fillRect(dst, r, paint.Fill)
	if paint.Hatch.A == 0 {
		return
	}
	r = r.Intersect(dst.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if ((x-l.Rect.Min.X)+(y-l.Rect.Min.Y))%period < stripe {
				dst.SetRGBA(x, y, paint.Hatch)
			}
		}
	}
}

// labelYears returns the years labelled on the axis.
func (l *Layout) labelYears() []int {
	var ys []int
	m := l.Model
	for y := (m.First + l.Step - 1) / l.Step * l.Step; y <= m.Last; y += l.Step {
		ys = append(ys, y)
	}
	return ys
}

// drawAxis draws the axis line, a tick per year and the labels.
func (l *Layout) drawAxis(dst *image.RGBA, c colours) {
	m := l.Model
	lw := iround(l.lineW())
	yb := l.Plot.Max.Y
	fillRect(dst, image.Rect(l.Plot.Min.X, yb, l.Plot.Max.X, yb+lw), c.axis)
	minor := iround(0.25 * l.Text)
	major := iround(0.45 * l.Text)
	perYear := float64(l.Plot.Dx()) / (l.days / 365.25)
	for y := m.First; y <= m.Last+1; y++ {
		x := iround(l.X(time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)))
		h := minor
		if y%l.Step == 0 {
			h = major
		} else if perYear < 3 {
			continue
		}
		fillRect(dst, image.Rect(min(x, l.Plot.Max.X-lw), yb, min(x, l.Plot.Max.X-lw)+lw, yb+h), c.axis)
	}
	for _, y := range l.labelYears() {
		l.fs.Draw(dst, typeset.Text{Text: fmt.Sprint(y), X: l.YearX(y), Y: l.axisY, Size: l.Text, Colour: c.subtle, Anchor: typeset.AnchorMiddle})
	}
}

// drawYearLine draws the line at the year on show and its label.
func (l *Layout) drawYearLine(dst *image.RGBA, c colours) {
	y := l.Opts.Year
	if y < l.Model.First || y > l.Model.Last {
		return
	}
	x := l.yearLineX(y)
	w := max(2, iround(2*l.Opts.scale()))
	xi := min(iround(x)-w/2, l.Plot.Max.X-w)
	fillRect(dst, image.Rect(xi, iround(l.yearY+0.3*l.Text), xi+w, l.Plot.Max.Y), c.text)
	l.fs.Draw(dst, l.yearLabel(y, c.text))
}

// yearLabel is the label of the year line: over the year's column, whose
// right edge the line is (the map reads a year's statuses at its end),
// kept inside the chart.
func (l *Layout) yearLabel(y int, col color.RGBA) typeset.Text {
	s := fmt.Sprint(y)
	x := l.YearX(y)
	w := l.fs.Width(true, l.Text, s)
	x = math.Max(float64(l.Rect.Min.X)+w/2, math.Min(float64(l.Rect.Max.X)-w/2, x))
	return typeset.Text{Text: s, X: x, Y: l.yearY, Size: l.Text, Bold: true, Colour: col, Anchor: typeset.AnchorMiddle}
}

// drawKey draws the key above the chart.
func (l *Layout) drawKey(dst *image.RGBA, st Style, c colours, period, stripe int) {
	box := math.Round(l.Text * 0.9)
	a, _ := l.fs.Metrics(false, l.Text)
	capH := math.Round(a * 0.72)
	pad := math.Round(l.Text * 0.4)
	for _, it := range l.key {
		top := it.Y - capH + math.Round((capH-box)/2)
		if it.Sign.Kind == "" {
			r := image.Rect(iround(it.X), iround(top), iround(it.X+box), iround(top+box))
			l.fillStatus(dst, r, it.Status, st.Palette, period, stripe)
		} else {
			var p eventmarks.Painter
			p.Sign(dst, it.Sign, it.X+box/2, top+box/2, l.markStyle(st.Palette, box))
		}
		l.fs.Draw(dst, typeset.Text{Text: it.Label, X: it.X + box + pad, Y: it.Y, Size: l.Text, Colour: c.text})
	}
}

// bandAlpha is how strongly the year on show's column tints what is
// behind it.
const bandAlpha = 0.08

// tint blends c over r (clipped to dst) with opacity alpha.
func tint(dst *image.RGBA, r image.Rectangle, c color.RGBA, alpha float64) {
	r = r.Intersect(dst.Rect)
	a := uint32(math.Round(alpha * 256))
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := dst.Pix[dst.PixOffset(r.Min.X, y):dst.PixOffset(r.Max.X, y)]
		for i := 0; i < len(row); i += 4 {
			row[i] = uint8((uint32(row[i])*(256-a) + uint32(c.R)*a) >> 8)
			row[i+1] = uint8((uint32(row[i+1])*(256-a) + uint32(c.G)*a) >> 8)
			row[i+2] = uint8((uint32(row[i+2])*(256-a) + uint32(c.B)*a) >> 8)
		}
	}
}

// markStyle is the map markers' style (package eventmarks) for the
// palette, sized so that a symbol is about size pixels high.
func (l *Layout) markStyle(p palette.Palette, size float64) eventmarks.Style {
	ms := eventmarks.Light
	if p.Name == palette.Dark.Name {
		ms = eventmarks.Dark
	}
	sc := l.Opts.scale()
	ms = ms.Scaled(sc)
	// The shapes reach about 1.1 radii, and the stroke and halo add theirs.
	ms.Radius = math.Max(2, (size/2/sc-ms.StrokeWidth-ms.HaloWidth/2)/1.1)
	return ms
}

// fillRect fills r (clipped to dst) with c, opaque.
func fillRect(dst *image.RGBA, r image.Rectangle, c color.RGBA) {
	r = r.Intersect(dst.Rect)
	if r.Empty() {
		return
	}
	c.A = 0xff
	draw.Draw(dst, r, image.NewUniform(c), image.Point{}, draw.Src)
}

func iround(v float64) int { return int(math.Round(v)) }

// mix returns a blended with b, t of the way from a to b.
func mix(a, b color.RGBA, t float64) color.RGBA {
	f := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 0xff}
}
