package export

import (
	"fmt"
	"image"
	"math"

	"cstomap/geo"
	"cstomap/labels"
	"cstomap/timeline"
)

// labelPt is the size of a member country's name, in design points (see
// layout); context names are smaller (package labels).
const labelPt = 15.0

// labelSize returns the size of a member's name in pixels for l: it grows
// with the image, as the rest of the text does, and is never below
// minTextPx logical pixels.
func (o Options) labelSize(l layout) float64 {
	return math.Max(math.Round(labelPt*l.Unit*4)/4, minTextPx*o.scale())
}

// labelStatuses returns the alliance's own statuses in the year: the
// countries that must be named. Territories that only take their
// sovereign's colour are named as context, where room remains.
func (o Options) labelStatuses() map[string]timeline.Status {
	m := map[string]timeline.Status{}
	for _, e := range o.Alliance.Statuses(o.Year, o.Today) {
		m[e.ISO] = e.Status
	}
	return m
}

// labelAvoid returns the boxes of l that labels must leave free, in the
// map frame's coordinates: the title, year, legend and source lines and
// the legend's swatches, wherever they reach into the frame.
func (o Options) labelAvoid(fs faces, l layout) []labels.Rect {
	ox, oy := float64(l.Map.Min.X), float64(l.Map.Min.Y)
	var out []labels.Rect
	for _, t := range l.Texts {
		w := fs.width(t.Bold, t.Size, t.Text)
		a, d := fs.metrics(t.Bold, t.Size)
		x := t.X
		if t.Anchor == anchorEnd {
			x -= w
		}
		out = append(out, labels.Rect{X0: x - ox, Y0: t.Y - a - oy, X1: x + w - ox, Y1: t.Y + d - oy})
	}
	for _, s := range l.Swatches {
		out = append(out, labels.Rect{X0: s.X - ox, Y0: s.Y - oy, X1: s.X + s.Size - ox, Y1: s.Y + s.Size - oy})
	}
	return out
}

// placeLabels places the names on the map frame of l shown with v (nil
// when names are hidden or there is no map).
func (o Options) placeLabels(fs faces, l layout, r *geo.Renderer, v geo.Viewport, st geo.Style) []labels.Label {
	return o.placeLabelsWith(fs, l, r, v, st, nil)
}

// placeLabelsWith is placeLabels for a map with the insets ins: the map's
// names keep clear of them and leave their countries to them, which name
// them in their own view (insetLabels), so that each country is named
// once.
func (o Options) placeLabelsWith(fs faces, l layout, r *geo.Renderer, v geo.Viewport, st geo.Style, ins []geo.Inset) []labels.Label {
	if o.Hide.Labels || l.Map.Empty() {
		return nil
	}
	insetBoxes, inInset := insetAvoid(ins, st)
	// Markers never hide a name: names keep clear of them where they can,
	// and are drawn over them where they cannot.
	var marks []labels.Rect
	for _, b := range o.eventLayer(v, st).Boxes() {
		marks = append(marks, labels.Rect{X0: float64(b.Min.X), Y0: float64(b.Min.Y), X1: float64(b.Max.X), Y1: float64(b.Max.Y)})
	}
	res := labels.Place(labels.Input{
		Proj:     r.Projected(v.Proj),
		View:     v,
		Statuses: o.labelStatuses(),
		Avoid:    append(o.labelAvoid(fs, l), insetBoxes...),
		Skip:     inInset,
		Prefer:   marks,
		Drawn:    r,
		Size:     o.labelSize(l),
		MinSize:  minTextPx * o.scale(),
		Context:  true,
		Face:     fs.face,
	})
	return append(res.Labels, o.insetLabels(fs, l, r, ins)...)
}

// labelStyle returns the colours of the names in o's palette, and the
// width of leader lines for l.
func (o Options) labelStyle(l layout) labels.Style {
	p := o.Palette()
	return labels.Style{
		Member: p.Text, Context: p.SubtleText, Halo: p.Background,
		Leader: p.SubtleText, LeaderWidth: math.Max(1, 0.9*l.Unit),
		Emphasis: p.Map.Selected,
	}
}

// drawLabels draws the names placed on l's map frame onto img.
func (o Options) drawLabels(img *image.RGBA, fs faces, l layout, ls []labels.Label) {
	if len(ls) == 0 {
		return
	}
	labels.Draw(img, ls, fs.face, o.labelStyle(l), o.selected(), float64(l.Map.Min.X), float64(l.Map.Min.Y))
}

// svgLabels writes the names as text: each a <text class="label"> with
// its ISO code, kind and status, its baseline's left end in x and y and
// its advance width in textLength (so a reader can compute its box from
// the font size), over a halo drawn as its own stroke; a name on two lines
// has a <tspan> with x, y and textLength per line. Leader lines are
// <path class="leader">.
func (s *svgWriter) svgLabels(l layout, ls []labels.Label) {
	if len(ls) == 0 {
		return
	}
	st := s.o.labelStyle(l)
	ox, oy := float64(l.Map.Min.X), float64(l.Map.Min.Y)
	s.printf(`<g id="labels">` + "\n")
	for _, lb := range ls {
		if !lb.Leader {
			continue
		}
		d := "M" + string(num(nil, lb.LX0+ox)) + " " + string(num(nil, lb.LY0+oy)) + "L" + string(num(nil, lb.LX1+ox)) + " " + string(num(nil, lb.LY1+oy))
		hw := st.LeaderWidth + 2*math.Max(1, lb.Halo*0.35)
		s.printf(`<path class="leader-halo" data-iso="%s" fill="none" stroke="%s" stroke-width="%s" d="%s"/>`+"\n", esc(lb.ISO), hex(st.Halo), num(nil, hw), d)
		s.printf(`<path class="leader" data-iso="%s" fill="none" stroke="%s" stroke-width="%s" d="%s"/>`+"\n", esc(lb.ISO), hex(st.Leader), num(nil, st.LeaderWidth), d)
	}
	sel := s.o.selected()
	for _, lb := range ls {
		family, weight, kind, fill := svgFontFamily, "normal", "context", st.Context
		if lb.Bold {
			family, weight = svgBoldFontFamily, "bold"
		}
		status := "none"
		if lb.Kind == labels.Member {
			kind, fill, status = "member", st.Member, statusName(lb.Status)
		}
		deco := ""
		if lb.ISO == sel && sel != "" {
			fill, deco = st.Emphasis, ` text-decoration="underline"`
		}
		attrs := fmt.Sprintf(`class="label" data-iso="%s" data-kind="%s" data-status="%s"`, esc(lb.ISO), kind, status)
		paint := fmt.Sprintf(`font-family="%s" font-size="%s" font-weight="%s" fill="%s" stroke="%s" stroke-width="%s" stroke-linejoin="round" paint-order="stroke"%s`,
			family, num(nil, lb.Size), weight, hex(fill), hex(st.Halo), num(nil, 2*lb.Halo), deco)
		if len(lb.Lines) <= 1 {
			s.printf(`<text %s x="%s" y="%s" %s textLength="%s" lengthAdjust="spacingAndGlyphs">%s</text>`+"\n",
				attrs, num(nil, lb.X+ox), num(nil, lb.Y+oy), paint, num(nil, lb.Width), esc(lb.Text))
			continue
		}
		// A name on two lines: each line a <tspan> with its own x, y and
		// textLength.
		s.printf(`<text %s %s>`, attrs, paint)
		for _, ln := range lb.Lines {
			s.printf(`<tspan x="%s" y="%s" textLength="%s" lengthAdjust="spacingAndGlyphs">%s</tspan>`,
				num(nil, ln.X+ox), num(nil, ln.Y+oy), num(nil, ln.Width), esc(ln.Text))
		}
		s.printf("</text>\n")
	}
	s.printf("</g>\n")
}
