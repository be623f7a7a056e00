package export

import (
	"bufio"
	"fmt"
	"image"
	"image/color"
	"io"
	"math"

	"cstomap/geo"
	"cstomap/internal/typeset"
	"cstomap/palette"
	"cstomap/timeline"
)

// WriteSVG writes o as an SVG document with the same layout as the PNG.
//
// Each country in the frame is one <path> with id = its ISO3 code and
// data-status = its status ("none" for non-members), filled with
// fill-rule="evenodd" so holes stay holes. The borders are separate
// stroke-only paths that leave out the artificial edges (the ±180° cut and
// the projection's seam), the selected country's outline is another, and
// the map is clipped to its frame. Threatening countries are filled with
// a <pattern> of diagonal stripes in phase with the PNG's. Text stays
// <text>, in the Go fonts where installed.
func WriteSVG(w io.Writer, o Options) error {
	if err := o.Validate(); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	s := &svgWriter{w: bw, o: o, fs: faces{}, r: o.renderer()}
	s.write()
	if s.err != nil {
		return s.err
	}
	return bw.Flush()
}

type svgWriter struct {
	w   *bufio.Writer
	o   Options
	fs  faces
	r   *geo.Renderer
	err error
	buf []byte
}

func (s *svgWriter) printf(format string, a ...any) {
	if s.err == nil {
		_, s.err = fmt.Fprintf(s.w, format, a...)
	}
}

func (s *svgWriter) raw(b []byte) {
	if s.err == nil {
		_, s.err = s.w.Write(b)
	}
}

func hex(c color.RGBA) string { return typeset.Hex(c) }

// num formats a coordinate with at most two decimals.
func num(b []byte, v float64) []byte { return typeset.Num(b, v) }

// esc returns t for XML character data or a quoted attribute value (see
// typeset.Esc).
func esc(t string) string { return typeset.Esc(t) }

func (s *svgWriter) write() {
	o := s.o
	l := o.layout(s.fs)
	p := o.Palette()
	st := o.mapStyle(l)
	period, stripe := hatchPeriod(st)
	s.printf(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	s.printf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">`+"\n", l.W, l.H, l.W, l.H)
	s.printf("<title>%s</title>\n<desc>%s</desc>\n", esc(o.TitleText()), esc(o.SourceText()))
	mx, my := l.Map.Min.X, l.Map.Min.Y
	s.printf("<defs>\n")
	s.printf(`<clipPath id="map-frame"><rect x="%d" y="%d" width="%d" height="%d"/></clipPath>`+"\n", mx, my, l.Map.Dx(), l.Map.Dy())
	// The PNG hatches pixel (x, y) of the frame when (x+y) mod period <
	// stripe; its centre has x+y+1, so the stripes run over sums
	// [1, stripe+1) of each period.
	hatch := p.Paint(timeline.StatusThreatening)
	s.printf(`<pattern id="hatch" patternUnits="userSpaceOnUse" x="%d" y="%d" width="%d" height="%d">`, mx, my, period, period)
	s.printf(`<rect width="%d" height="%d" fill="%s"/>`, period, period, hex(hatch.Fill))
	var d []byte
	for _, a := range []float64{1, float64(period + 1), float64(1 - period)} {
		d = bandPath(d, a, a+float64(stripe), float64(period))
	}
	s.printf(`<path fill="%s" d="%s"/></pattern>`+"\n", hex(hatch.Hatch), d)
	s.printf("</defs>\n")
	s.printf(`<rect width="%d" height="%d" fill="%s"/>`+"\n", l.W, l.H, hex(p.Background))
	switch {
	case o.Chart && !l.Map.Empty():
		s.err = o.chartLayout(s.fs, l).WriteSVG(s.w, o.chartStyle())
	case !l.Map.Empty():
		s.mapGroup(l, st, p)
		v := o.view(s.r, l.Map)
		ins := o.insets(s.r, v, l)
		s.svgInsets(l, st, p, ins)
		s.svgLabels(l, o.placeLabelsWith(s.fs, l, s.r, v, st, ins))
	}
	if len(l.Swatches) > 0 {
		outline := mix(p.Text, p.Background, 0.7)
		lw := math.Round(l.SwatchLine)
		s.printf(`<g id="legend-swatches" stroke="%s" stroke-width="%s">`+"\n", hex(outline), num(nil, lw))
		for _, sw := range l.Swatches {
			fill := hex(p.Colour(sw.Status))
			if sw.Status == timeline.StatusThreatening {
				fill = "url(#hatch)"
			}
			x, y, sz := math.Floor(sw.X), math.Floor(sw.Y), math.Floor(sw.X+sw.Size)-math.Floor(sw.X)
			s.printf(`<rect data-status="%s" x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n",
				statusName(sw.Status), num(nil, x+lw/2), num(nil, y+lw/2), num(nil, sz-lw), num(nil, sz-lw), fill)
		}
		s.printf("</g>\n")
	}
	s.legendSymbols(l, st)
	for _, t := range l.Texts {
		s.printf("%s\n", s.fs.ts().SVGText(t.Role, t.typeset()))
	}
	s.printf("</svg>\n")
}

// statusName is the data-status of a status, escaped: statuses come from
// data files.
func statusName(st timeline.Status) string {
	if st == timeline.StatusNone {
		return "none"
	}
	return esc(string(st))
}

// bandPath appends the part of the diagonal band a ≤ x+y < b that lies in
// the square [0, n]², as a closed path.
func bandPath(d []byte, a, b, n float64) []byte {
	// Clip the square against x+y ≥ a, then x+y ≤ b (Sutherland–Hodgman).
	poly := [][2]float64{{0, 0}, {n, 0}, {n, n}, {0, n}}
	clip := func(in [][2]float64, keep func(p [2]float64) float64) [][2]float64 {
		var out [][2]float64
		for i := range in {
			p, q := in[i], in[(i+1)%len(in)]
			fp, fq := keep(p), keep(q)
			if fp >= 0 {
				out = append(out, p)
			}
			if (fp >= 0) != (fq >= 0) {
				t := fp / (fp - fq)
				out = append(out, [2]float64{p[0] + t*(q[0]-p[0]), p[1] + t*(q[1]-p[1])})
			}
		}
		return out
	}
	poly = clip(poly, func(p [2]float64) float64 { return p[0] + p[1] - a })
	poly = clip(poly, func(p [2]float64) float64 { return b - p[0] - p[1] })
	if len(poly) < 3 {
		return d
	}
	for i, p := range poly {
		if i == 0 {
			d = append(d, 'M')
		} else {
			d = append(d, 'L')
		}
		d = num(d, p[0])
		d = append(d, ' ')
		d = num(d, p[1])
	}
	return append(d, 'Z')
}

// ring is one ring in image pixels with its artificial-edge flags.
type ring struct {
	pts []float64 // x0,y0,x1,y1,…
	art []bool    // edge i → i+1 is artificial
}

// countryRings returns, per country, its rings in image pixels, for the
// parts that reach into frame; vertices closer than a quarter pixel to the
// previous one are dropped (an edge made of dropped edges is artificial
// only if all of them were), as geo does when it rasterises.
func countryRings(pr *geo.Projected, v geo.Viewport, frame image.Rectangle) [][]ring {
	out := make([][]ring, len(pr.World.Countries))
	ox, oy := float64(frame.Min.X), float64(frame.Min.Y)
	fw, fh := float64(frame.Dx()), float64(frame.Dy())
	const minStep = 0.25
	for pi := range pr.Parts {
		p := &pr.Parts[pi]
		x0, y1 := v.FromProjected(p.Bound.Min[0], p.Bound.Min[1])
		x1, y0 := v.FromProjected(p.Bound.Max[0], p.Bound.Max[1])
		if x1 < 0 || y1 < 0 || x0 > fw || y0 > fh || (x1-x0 < 0.2 && y1-y0 < 0.2) {
			continue
		}
		for ri, rg := range p.Rings {
			a := p.Artificial[ri]
			nv := len(rg) / 2
			var r ring
			lx, ly := math.Inf(1), math.Inf(1)
			pending := false
			for i := 0; i < nv; i++ {
				x, y := v.FromProjected(float64(rg[2*i]), float64(rg[2*i+1]))
				if i > 0 {
					pending = pending && a[i-1]
				}
				if i == nv-1 || math.Abs(x-lx)+math.Abs(y-ly) >= minStep {
					if len(r.pts) > 0 {
						r.art = append(r.art, pending)
					}
					r.pts = append(r.pts, x+ox, y+oy)
					lx, ly = x, y
					pending = true
				}
			}
			if len(r.pts) >= 6 {
				r.art = append(r.art, false)
				out[p.Country] = append(out[p.Country], r)
			}
		}
	}
	return out
}

// fillPath appends the rings as closed subpaths.
func fillPath(d []byte, rings []ring) []byte {
	for _, r := range rings {
		d = append(d, 'M')
		for i := 0; i < len(r.pts); i += 2 {
			if i == 2 {
				d = append(d, 'L')
			} else if i > 2 {
				d = append(d, ' ')
			}
			d = num(d, r.pts[i])
			d = append(d, ' ')
			d = num(d, r.pts[i+1])
		}
		d = append(d, 'Z')
	}
	return d
}

// strokePath appends the runs of real (not artificial) edges of the rings
// as open subpaths; a ring with no artificial edge is closed.
func strokePath(d []byte, rings []ring) []byte {
	for _, r := range rings {
		nv := len(r.pts) / 2
		whole := true
		for i := 0; i < nv-1; i++ {
			if r.art[i] {
				whole = false
				break
			}
		}
		if whole {
			d = fillPath(d, []ring{r})
			continue
		}
		for a := 0; a < nv-1; {
			if r.art[a] {
				a++
				continue
			}
			b := a + 1
			for b < nv-1 && !r.art[b] {
				b++
			}
			for i := a; i <= b; i++ {
				switch i {
				case a:
					d = append(d, 'M')
				case a + 1:
					d = append(d, 'L')
				default:
					d = append(d, ' ')
				}
				d = num(d, r.pts[2*i])
				d = append(d, ' ')
				d = num(d, r.pts[2*i+1])
			}
			a = b
		}
	}
	return d
}

// mapGroup writes the sea, the countries, the borders and the selected
// outline, clipped to the frame.
func (s *svgWriter) mapGroup(l layout, st geo.Style, p palette.Palette) {
	o := s.o
	v := o.view(s.r, l.Map)
	rings := countryRings(s.r.Projected(v.Proj), v, l.Map)
	w := s.r.World() // the year's outlines (Options.YearWorld)
	statuses := palette.ForYear(o.Alliance, w.Territories(), o.Year, o.Today)
	s.printf(`<g id="map" clip-path="url(#map-frame)">` + "\n")
	s.printf(`<rect id="sea" x="%d" y="%d" width="%d" height="%d" fill="%s"/>`+"\n", l.Map.Min.X, l.Map.Min.Y, l.Map.Dx(), l.Map.Dy(), hex(st.Sea))
	s.printf(`<g id="countries" fill-rule="evenodd" stroke="none">` + "\n")
	s.countryPaths(w, rings, statuses, p, "hatch", func(iso string) string { return fmt.Sprintf(`id="%s"`, esc(iso)) })
	s.printf("</g>\n")
	s.outlines(w, rings, st, o.selected(), `id="borders"`, `id="selected-outline"`)
	s.printf("</g>\n")
	s.eventsGroup(v, st, l.Map.Min)
}

// countryPaths writes one filled path for each country with rings, with
// the attributes attrs gives for its code (id="ARM" on the map), its
// data-status, its status's fill (the pattern hatch for a hatched one) and
// its name as the title.
func (s *svgWriter) countryPaths(w *geo.World, rings [][]ring, statuses map[string]timeline.Status, p palette.Palette, hatch string, attrs func(iso string) string) {
	for ci, c := range w.Countries {
		if len(rings[ci]) == 0 {
			continue
		}
		status := statuses[c.ISO]
		paint := p.Paint(status)
		fill := hex(paint.Fill)
		if paint.Hatch.A != 0 {
			fill = "url(#" + hatch + ")"
		}
		s.printf(`<path %s data-status="%s" fill="%s" d="`, attrs(c.ISO), statusName(status), fill)
		s.buf = fillPath(s.buf[:0], rings[ci])
		s.raw(s.buf)
		s.printf("\"><title>%s</title></path>\n", esc(c.Name))
	}
}

// outlines writes the borders of every country as one stroked path, and
// the outline of the selected country sel ("" for none) as another; the
// attributes name them (id="borders" on the map, a class in an inset).
func (s *svgWriter) outlines(w *geo.World, rings [][]ring, st geo.Style, sel, bordersAttr, selectedAttr string) {
	s.printf(`<path %s fill="none" stroke="%s" stroke-width="%s" stroke-linejoin="round" stroke-linecap="round" d="`, bordersAttr, hex(st.Border), num(nil, st.BorderWidth*st.PixelScale))
	s.buf = s.buf[:0]
	for ci := range w.Countries {
		s.buf = strokePath(s.buf, rings[ci])
	}
	s.raw(s.buf)
	s.printf("\"/>\n")
	if sel == "" {
		return
	}
	if ci := w.Index(sel); ci >= 0 && len(rings[ci]) > 0 {
		s.printf(`<path %s data-iso="%s" fill="none" stroke="%s" stroke-width="%s" stroke-linejoin="round" stroke-linecap="round" d="`,
			selectedAttr, esc(sel), hex(st.Selected), num(nil, st.SelectedWidth*st.PixelScale))
		s.buf = strokePath(s.buf[:0], rings[ci])
		s.raw(s.buf)
		s.printf("\"/>\n")
	}
}
