package export

import (
	"fmt"
	"image"
	"image/color"
	"maps"
	"math"
	"slices"
	"strings"

	"cstomap/geo"
	"cstomap/labels"
	"cstomap/palette"
	"cstomap/timeline"
)

// Inset sizes, in logical pixels (times the scale, or the layout's unit on
// a large image): a member under insetMinSide on its longer side gets an
// inset that shows its smallest country at insetTarget or more where the
// room allows.
const (
	insetMinSide = 40
	insetTarget  = 60
)

// members returns the countries with a status in the year on show (their
// territories included), and the alliance's own among them, sorted; for
// an animation, those of all its years.
func (o Options) members() (members, own []string) {
	years := o.insetYears
	if len(years) == 0 {
		years = []int{o.Year}
	}
	all, mine := map[string]bool{}, map[string]bool{}
	for _, y := range years {
		oy := o
		oy.Year = y
		for iso, st := range palette.ForYear(o.Alliance, oy.YearWorld().Territories(), y, o.Today) {
			if st != timeline.StatusNone {
				all[iso] = true
			}
		}
		for _, e := range o.Alliance.Statuses(y, o.Today) {
			mine[e.ISO] = true
		}
	}
	return slices.Sorted(maps.Keys(all)), slices.Sorted(maps.Keys(mine))
}

// insets plans the insets of the map frame of layout l seen through v
// (none when the inset is switched off or the map hidden). The sizes grow
// with the image as its text does (layout.Unit): an A4 print or a 4K
// image, where 40 pixels are a few millimetres, insets what a 1080p image
// would.
func (o Options) insets(r *geo.Renderer, v geo.Viewport, l layout) []geo.Inset {
	if o.Hide.Inset || o.Hide.Map {
		return nil
	}
	s := math.Max(o.scale(), l.Unit)
	members, own := o.members()
	return geo.PlanInsets(r.Projected(v.Proj), v, geo.InsetParams{
		Members:    members,
		Candidates: own,
		MinSide:    insetMinSide * s,
		Target:     insetTarget * s,
		Margin:     math.Round(10 * s),
		Drawn:      r, // has drawn v when the PNG calls, not for the SVG
	})
}

// insetLine returns the widths of an inset's frame and of the outline of
// the area it magnifies, in pixels.
func insetLine(st geo.Style) (frame, source float64) {
	return math.Max(1, math.Round(1.5*st.PixelScale)), math.Max(1, math.Round(st.PixelScale))
}

// drawInsets draws each inset into the map frame sub (whose pixels are the
// main view's): the outline of the area it magnifies, the magnified map in
// the same colours with the selection, and its frame. Their names are
// drawn with the map's (insetLabels).
func (o Options) drawInsets(sub *image.RGBA, r *geo.Renderer, ins []geo.Inset, st geo.Style) {
	if len(ins) == 0 {
		return
	}
	p := o.Palette()
	fw, sw := insetLine(st)
	ir := geo.NewRendererFor(r.Projected(ins[0].View.Proj))
	for _, in := range ins {
		strokeRect(sub, in.Source, sw, p.Text)
		off := sub.PixOffset(in.Rect.Min.X, in.Rect.Min.Y)
		dst := &image.RGBA{Pix: sub.Pix[off:], Stride: sub.Stride, Rect: image.Rect(0, 0, in.Rect.Dx(), in.Rect.Dy())}
		ir.Render(dst, geo.Frame{View: in.View, Style: st, Paint: o.paint(), Selected: o.selected()})
		// A halo of the background outside the frame parts the inset
		// from the map under it.
		strokeRect(sub, in.Rect.Inset(-int(fw)), fw, p.Background)
		strokeRect(sub, in.Rect, fw, p.Text)
	}
}

// insetLabels places the names of the insets' countries, each in its
// inset's view, and returns them in the map frame's pixels, ready to be
// drawn with the map's own names.
func (o Options) insetLabels(fs faces, l layout, r *geo.Renderer, ins []geo.Inset) []labels.Label {
	var out []labels.Label
	for _, in := range ins {
		res := labels.Place(labels.Input{
			Proj:     r.Projected(in.View.Proj),
			View:     in.View,
			Statuses: o.labelStatuses(),
			Only:     in.Countries,
			Inset:    true,
			Size:     o.labelSize(l),
			MinSize:  minTextPx * o.scale(),
			Face:     fs.face,
		})
		for _, lb := range res.Labels {
			out = append(out, lb.Moved(float64(in.Rect.Min.X), float64(in.Rect.Min.Y)))
		}
	}
	return out
}

// insetAvoid returns the insets' boxes, with their frames, for the map's
// names to keep clear of, and the countries they name.
func insetAvoid(ins []geo.Inset, st geo.Style) (boxes []labels.Rect, isos []string) {
	fw, _ := insetLine(st)
	for _, in := range ins {
		r := in.Rect.Inset(-int(math.Ceil(2 * fw)))
		boxes = append(boxes, labels.Rect{X0: float64(r.Min.X), Y0: float64(r.Min.Y), X1: float64(r.Max.X), Y1: float64(r.Max.Y)})
		isos = append(isos, in.Countries...)
	}
	return boxes, isos
}

// strokeRect draws the outline of r, w pixels wide, inside r.
func strokeRect(img *image.RGBA, r image.Rectangle, w float64, c color.RGBA) {
	n := max(1, int(math.Round(w)))
	fillRect(img, image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+n), c)
	fillRect(img, image.Rect(r.Min.X, r.Max.Y-n, r.Max.X, r.Max.Y), c)
	fillRect(img, image.Rect(r.Min.X, r.Min.Y, r.Min.X+n, r.Max.Y), c)
	fillRect(img, image.Rect(r.Max.X-n, r.Min.Y, r.Max.X, r.Max.Y), c)
}

// svgInsets writes the insets ins of the map frame: one
// <g id="inset" class="inset"> holding, per inset, the outline of the area
// it magnifies (class "inset-source"), and a group clipped to the inset's
// own clipPath with its sea, its countries as <path id="inset-ARM"
// data-status="…">, their borders, the selected outline, and the frame.
// Their names are written with the map's (svgLabels).
func (s *svgWriter) svgInsets(l layout, st geo.Style, p palette.Palette, ins []geo.Inset) {
	o := s.o
	if len(ins) == 0 {
		return
	}
	fw, sw := insetLine(st)
	period, stripe := hatchPeriod(st)
	w := s.r.World() // the year's outlines (Options.YearWorld)
	statuses := palette.ForYear(o.Alliance, w.Territories(), o.Year, o.Today)
	pr := s.r.Projected(ins[0].View.Proj)
	s.printf(`<g id="inset" class="inset">` + "\n")
	for n, in := range ins {
		suffix := ""
		if n > 0 {
			suffix = fmt.Sprintf("-%d", n+1)
		}
		src := in.Source.Add(l.Map.Min)
		s.printf(`<rect class="inset-source" x="%s" y="%s" width="%s" height="%s" fill="none" stroke="%s" stroke-width="%s" clip-path="url(#map-frame)"/>`+"\n",
			num(nil, float64(src.Min.X)+sw/2), num(nil, float64(src.Min.Y)+sw/2), num(nil, float64(src.Dx())-sw), num(nil, float64(src.Dy())-sw), hex(p.Text), num(nil, sw))
		r := in.Rect.Add(l.Map.Min)
		clip := "inset-frame" + suffix
		hatch := "inset-hatch" + suffix
		s.printf("<defs>\n")
		s.printf(`<clipPath id="%s"><rect x="%d" y="%d" width="%d" height="%d"/></clipPath>`+"\n", clip, r.Min.X, r.Min.Y, r.Dx(), r.Dy())
		hp := p.Paint(timeline.StatusThreatening)
		s.printf(`<pattern id="%s" patternUnits="userSpaceOnUse" x="%d" y="%d" width="%d" height="%d">`, hatch, r.Min.X, r.Min.Y, period, period)
		s.printf(`<rect width="%d" height="%d" fill="%s"/>`, period, period, hex(hp.Fill))
		var d []byte
		for _, a := range []float64{1, float64(period + 1), float64(1 - period)} {
			d = bandPath(d, a, a+float64(stripe), float64(period))
		}
		s.printf(`<path fill="%s" d="%s"/></pattern>`+"\n", hex(hp.Hatch), d)
		s.printf("</defs>\n")
		// The halo that parts the inset from the map under it.
		s.printf(`<rect class="inset-halo" x="%s" y="%s" width="%s" height="%s" fill="none" stroke="%s" stroke-width="%s"/>`+"\n",
			num(nil, float64(r.Min.X)-fw/2), num(nil, float64(r.Min.Y)-fw/2), num(nil, float64(r.Dx())+fw), num(nil, float64(r.Dy())+fw), hex(p.Background), num(nil, fw))
		s.printf(`<g class="inset-map" data-countries="%s" clip-path="url(#%s)">`+"\n", esc(strings.Join(in.Countries, " ")), clip)
		s.printf(`<rect x="%d" y="%d" width="%d" height="%d" fill="%s"/>`+"\n", r.Min.X, r.Min.Y, r.Dx(), r.Dy(), hex(st.Sea))
		rings := countryRings(pr, in.View, r)
		s.printf(`<g fill-rule="evenodd" stroke="none">` + "\n")
		s.countryPaths(w, rings, statuses, p, hatch, func(iso string) string {
			return fmt.Sprintf(`id="inset%s-%s" data-iso="%s"`, suffix, esc(iso), esc(iso))
		})
		s.printf("</g>\n")
		s.outlines(w, rings, st, o.selected(), `class="inset-borders"`, `class="inset-selected-outline"`)
		s.printf("</g>\n")
		s.printf(`<rect class="inset-frame" x="%s" y="%s" width="%s" height="%s" fill="none" stroke="%s" stroke-width="%s"/>`+"\n",
			num(nil, float64(r.Min.X)+fw/2), num(nil, float64(r.Min.Y)+fw/2), num(nil, float64(r.Dx())-fw), num(nil, float64(r.Dy())-fw), hex(p.Text), num(nil, fw))
	}
	s.printf("</g>\n")
}
