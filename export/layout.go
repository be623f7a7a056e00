package export

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"cstomap/palette"
	"cstomap/timeline"
)

// The layout is designed for a 1600×1000 image; every length below is in
// design points, multiplied by the image's unit (the square root of its
// area relative to the design, so text grows with the image, but at most
// 1.25 × width/1600 so a narrow image is not crowded), and scaled down as a
// whole when the map would get too small.
const (
	designWidth   = 1600.0
	designHeight  = 1000.0
	marginPt      = 44.0
	gapPt         = 22.0
	titlePt       = 40.0
	yearPt        = 80.0
	legendPt      = 22.0
	sourcePt      = 16.0
	titleLines    = 2
	sourceLines   = 3
	minMapShare   = 0.45 // of the image height
	minTextPx     = 9.0  // logical pixels; smaller text is dropped rather than shrunk
	minLegendPx   = 11.0
	minTitlePx    = 12.0
	lineSpacing   = 1.25
	legendSpacing = 1.3 // em between legend items
)

// anchor is where a text item's X is.
type anchor int

const (
	anchorStart anchor = iota
	anchorEnd
)

// textItem is one line of text at a baseline.
type textItem struct {
	Role   string // "title", "year", "legend", "source"
	Text   string
	X, Y   float64 // pixels; Y is the baseline
	Size   float64 // pixels
	Bold   bool
	Colour color.RGBA
	Anchor anchor
}

// swatch is one colour square of the legend.
type swatch struct {
	X, Y, Size float64
	Status     timeline.Status
}

// layout is where everything goes, in pixels.
type layout struct {
	W, H     int
	Map      image.Rectangle // empty when the map is hidden
	Texts    []textItem
	Swatches []swatch
	// Symbols are the event signs' legend symbols (see events.go).
	Symbols []symbol
	// SwatchLine is the width of the swatches' outline.
	SwatchLine float64
	// Unit is pixels per design point before any shrinking.
	Unit float64
}

// legendEntry is one item of the legend.
type legendEntry struct {
	status timeline.Status
	label  string
}

// legendEntries returns the legend of year: every status with its count,
// then the non-member colour. Every status is listed every year, so the
// legend does not jump between the frames of an animation.
func (o Options) legendEntries() []legendEntry {
	n := o.Alliance.Counts(o.Year, o.Today)
	return []legendEntry{
		{timeline.StatusCurrent, fmt.Sprintf("Current %d", n[timeline.StatusCurrent])},
		{timeline.StatusDeparted, fmt.Sprintf("Departed %d", n[timeline.StatusDeparted])},
		{timeline.StatusThreatening, fmt.Sprintf("Threatening %d", n[timeline.StatusThreatening])},
		{timeline.StatusNone, o.Alliance.NameInYear(o.Year, o.Today).NonMember()},
	}
}

// layout places the elements of o. It shrinks the text until the map keeps
// at least minMapShare of the height, and drops text that would be smaller
// than minTextPx (the source first, then the legend, the year and the
// title), so that nothing ever overlaps.
func (o Options) layout(fs faces) layout {
	W, H := o.PixelSize()
	unit := math.Min(math.Sqrt(float64(W)*float64(H)/(designWidth*designHeight)), 1.25*float64(W)/designWidth)
	hide := o.Hide
	if o.Chart {
		hide = chartHide(hide)
	}
	var l layout
	for {
		for f := 1.0; f > 0.3; f *= 0.85 {
			var fits bool
			l, fits = o.tryLayout(fs, W, H, unit, f, hide)
			if fits {
				return l
			}
		}
		switch {
		case !hide.Source:
			hide.Source = true
		case !hide.Legend:
			hide.Legend = true
		case !hide.Year:
			hide.Year = true
		case !hide.Title:
			hide.Title = true
		default:
			return l
		}
	}
}

// tryLayout lays o out with text shrunk by f and reports whether it fits:
// the header at the top, the footer (sources, then legend) at the bottom,
// and the map in what is left between them.
func (o Options) tryLayout(fs faces, W, H int, unit, f float64, hide Hide) (layout, bool) {
	l := layout{W: W, H: H, Unit: unit}
	if hide.Title && hide.Year && hide.Legend && hide.Source {
		if !hide.Map {
			l.Map = image.Rect(0, 0, W, H)
		}
		return l, true
	}
	margin := math.Round(marginPt * unit)
	b := &builder{o: o, fs: fs, l: &l, p: o.Palette(), unit: unit, f: f,
		gap: math.Round(gapPt * unit * f), left: margin, right: float64(W) - margin}
	top, bottom := margin, float64(H)-margin
	headerBottom := b.header(top, hide)
	footerTop := b.sources(bottom, hide)
	footerTop, legendFits := b.legend(footerTop, hide)
	mapFits := b.mapFrame(top, headerBottom, footerTop, bottom, hide)
	return l, legendFits && mapFits
}

// builder places the parts of one layout attempt.
type builder struct {
	o           Options
	fs          faces
	l           *layout
	p           palette.Palette
	unit, f     float64
	gap         float64 // between the map and the text, in pixels
	left, right float64 // of the text column
}

// px sizes text: design points, shrunk by f, but never below minPx
// logical pixels, so small images wrap or drop text rather than print it
// unreadably small.
func (b *builder) px(pt, minPx float64) float64 {
	return math.Max(math.Round(pt*b.unit*b.f*4)/4, minPx*b.o.scale())
}

func (b *builder) text(t textItem) { b.l.Texts = append(b.l.Texts, t) }

// header places the title on the left and the year on the right, on one
// baseline below top, and returns the header's bottom (top when both are
// hidden).
func (b *builder) header(top float64, hide Hide) float64 {
	if hide.Title && hide.Year {
		return top
	}
	fs, o := b.fs, b.o
	ys, ts := b.px(yearPt, 2*minTextPx), b.px(titlePt, minTitlePx)
	yearText := fmt.Sprint(o.Year)
	yearW, yearInk := 0.0, 0.0
	if !hide.Year {
		yearW, yearInk = fs.width(true, ys, yearText), fs.inkAbove(true, ys, yearText)
	}
	var lines []string
	ta, td := 0.0, 0.0
	if !hide.Title {
		tw := b.right - b.left
		if !hide.Year {
			tw -= yearW + 2*b.gap
		}
		lines, ts = fitLines(fs, true, ts, o.TitleText(), tw, titleLines, minTitlePx*o.scale())
		ta, td = fs.metrics(true, ts)
	}
	lh := math.Round(ts * lineSpacing)
	above := yearInk
	if len(lines) > 0 {
		above = math.Max(above, ta+float64(len(lines)-1)*lh)
	}
	base := math.Round(top + above)
	for i, s := range lines {
		b.text(textItem{Role: "title", Text: s, X: b.left, Y: base - float64(len(lines)-1-i)*lh, Size: ts, Bold: true, Colour: b.p.Text})
	}
	if !hide.Year {
		b.text(textItem{Role: "year", Text: yearText, X: b.right, Y: base, Size: ys, Bold: true, Colour: b.p.Text, Anchor: anchorEnd})
	}
	if len(lines) > 0 {
		return base + td
	}
	return base
}

// sources places the source lines above bottom and returns their top
// (bottom when hidden).
func (b *builder) sources(bottom float64, hide Hide) float64 {
	if hide.Source {
		return bottom
	}
	fs := b.fs
	ss := b.px(sourcePt, minTextPx)
	lines, s2 := fitLines(fs, false, ss, b.o.SourceText(), b.right-b.left, sourceLines, minTextPx*b.o.scale())
	a, d := fs.metrics(false, s2)
	lh := math.Round(s2 * lineSpacing)
	last := math.Round(bottom - d)
	for i, s := range lines {
		b.text(textItem{Role: "source", Text: s, X: b.left, Y: last - float64(len(lines)-1-i)*lh, Size: s2, Colour: b.p.SubtleText})
	}
	return last - float64(len(lines)-1)*lh - a
}

// legend places the legend rows above footerTop (with a gap when the
// sources are below), and returns their top and whether every row fits
// the width.
func (b *builder) legend(footerTop float64, hide Hide) (float64, bool) {
	if hide.Legend {
		return footerTop, true
	}
	fs := b.fs
	ls := b.px(legendPt, minLegendPx)
	a, d := fs.metrics(false, ls)
	box := math.Round(ls * 0.9)
	pad := math.Round(ls * 0.4)
	space := math.Round(ls * legendSpacing)
	// Lay the items out in rows, then place the rows above footerTop.
	type item struct {
		e legendItem
		x float64
	}
	var rows [][]item
	fits := true
	x := b.left
	entries := b.o.legendItems()
	for i, e := range entries {
		w := box + pad + fs.width(false, ls, e.label)
		eventRow := e.sign.Kind != "" && i > 0 && entries[i-1].sign.Kind == ""
		if len(rows) == 0 || eventRow || (x+w > b.right && x > b.left) {
			rows = append(rows, nil)
			x = b.left
		}
		if x+w > b.right {
			fits = false
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], item{e, x})
		x += w + space
	}
	lh := math.Round(ls * 1.6)
	if !hide.Source {
		footerTop -= math.Round(b.gap * 0.6)
	}
	last := math.Round(footerTop - d)
	// The square sits on the baseline and rises to the height of a capital.
	capH := math.Round(a * 0.75)
	for ri, row := range rows {
		base := last - float64(len(rows)-1-ri)*lh
		for _, it := range row {
			y := base - capH + math.Round((capH-box)/2)
			if it.e.sign.Kind != "" {
				b.l.Symbols = append(b.l.Symbols, symbol{X: it.x + box/2, Y: y + box/2, Size: box, Sign: it.e.sign})
			} else {
				b.l.Swatches = append(b.l.Swatches, swatch{X: it.x, Y: y, Size: box, Status: it.e.status})
			}
			b.text(textItem{Role: "legend", Text: it.e.label, X: it.x + box + pad, Y: base, Size: ls, Colour: b.p.Text})
		}
	}
	b.l.SwatchLine = math.Max(1, math.Round(b.unit*b.f*1.5*4)/4)
	return last - float64(len(rows)-1)*lh - a, fits
}

// mapFrame places the map between the header and the footer and reports
// whether it keeps minMapShare of the height.
func (b *builder) mapFrame(top, headerBottom, footerTop, bottom float64, hide Hide) bool {
	mapTop, mapBottom := top, bottom
	if headerBottom > top {
		mapTop = headerBottom + b.gap
	}
	if footerTop < bottom {
		mapBottom = footerTop - b.gap
	}
	fits := mapBottom-mapTop >= minMapShare*float64(b.l.H)
	if !hide.Map {
		b.l.Map = image.Rect(int(b.left), int(math.Round(mapTop)), int(b.right), int(math.Round(mapBottom)))
		if b.l.Map.Dx() < 1 || b.l.Map.Dy() < 1 {
			b.l.Map = image.Rectangle{}
			fits = false
		}
	}
	return fits
}
