package export

import (
	"image"
	"image/color"
	"math"
	"sync"

	"cstomap/geo"
	"cstomap/labels"
	"cstomap/palette"
	"cstomap/timeline"
)

// view returns the viewport of the map frame: the scene's view re-fitted to
// the frame (same centre, at least the same extent), or else the
// alliance's framing (FramingOf).
func (o Options) view(r *geo.Renderer, frame image.Rectangle) geo.Viewport {
	if o.View != nil && o.View.W > 0 && o.View.H > 0 {
		return o.View.Resized(frame.Dx(), frame.Dy())
	}
	f := FramingOf(o.Alliance, r.World())
	return f.View(r.Projected(f.Proj), frame.Dx(), frame.Dy())
}

// FramingOf returns the framing of a's maps, in the window and in every
// export: the projection and the countries to fit from the alliance file's
// "map" block (the parser has checked that it lists every country with a
// status). A file without one is framed on all its countries with a
// projection derived from them (geo.AutoFraming).
func FramingOf(a *timeline.Alliance, w *geo.World) geo.Framing {
	if a == nil {
		f, _ := geo.AutoFraming(w, allISO(w))
		return f
	}
	if a.Map != nil {
		f, err := geo.NewFraming(a.Map.CenterLon, a.Map.Parallels[0], a.Map.Parallels[1], a.Map.Fit)
		if err == nil { // the parser has checked the parallels
			return f
		}
	}
	fit := make([]string, 0, len(a.Countries))
	for _, c := range a.Countries {
		fit = append(fit, c.ISO)
	}
	f, err := geo.AutoFraming(w, fit)
	if err != nil {
		// No country of the file is on the map: show the whole world.
		f, _ = geo.AutoFraming(w, allISO(w))
	}
	return f
}

// allISO lists every country of w.
func allISO(w *geo.World) []string {
	out := make([]string, len(w.Countries))
	for i, c := range w.Countries {
		out[i] = c.ISO
	}
	return out
}

// mapStyle returns the palette's map style with its widths scaled for an
// image of l's size.
func (o Options) mapStyle(l layout) geo.Style {
	st := o.Palette().Map
	st.PixelScale = math.Max(l.Unit, o.scale())
	return st
}

// renderer returns a renderer of the year's outlines: the scene's, when it
// draws them, or else the job's for them (made on first use), or a new one.
func (o Options) renderer() *geo.Renderer {
	w := o.YearWorld()
	if o.Renderer != nil && o.Renderer.World() == w {
		return o.Renderer
	}
	if o.renderers != nil {
		return o.renderers.get(w)
	}
	return geo.NewRenderer(w)
}

// rendererCache holds one renderer per world, so that a job over many
// years draws each year's outlines with a renderer whose caches are warm
// (the GDR's years share one, the others another).
type rendererCache struct {
	mu sync.Mutex
	m  map[*geo.World]*geo.Renderer
}

// newRendererCache returns a cache that starts with r, if not nil.
func newRendererCache(r *geo.Renderer) *rendererCache {
	c := &rendererCache{m: map[*geo.World]*geo.Renderer{}}
	if r != nil {
		c.m[r.World()] = r
	}
	return c
}

func (c *rendererCache) get(w *geo.World) *geo.Renderer {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.m[w]
	if !ok {
		r = geo.NewRenderer(w)
		c.m[w] = r
	}
	return r
}

// Render draws the image described by o.
func Render(o Options) (*image.RGBA, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	return o.render(o.renderer(), faces{}), nil
}

// render draws o, which is valid, with r and the faces fs.
func (o Options) render(r *geo.Renderer, fs faces) *image.RGBA {
	l := o.layout(fs)
	p := o.Palette()
	img := image.NewRGBA(image.Rect(0, 0, l.W, l.H))
	fillRect(img, img.Rect, p.Background)
	st := o.mapStyle(l)
	var names []labels.Label
	if o.Chart && !l.Map.Empty() {
		o.renderChart(img, l, fs)
	} else if !l.Map.Empty() {
		v := o.view(r, l.Map)
		// Render into the frame in place: a view of img's pixels whose
		// origin is the frame's corner.
		off := img.PixOffset(l.Map.Min.X, l.Map.Min.Y)
		sub := &image.RGBA{Pix: img.Pix[off:], Stride: img.Stride, Rect: image.Rect(0, 0, l.Map.Dx(), l.Map.Dy())}
		r.Render(sub, geo.Frame{View: v, Style: st, Paint: o.paint(), Selected: o.selected()})
		o.drawEvents(sub, v, st)
		ins := o.insets(r, v, l)
		o.drawInsets(sub, r, ins, st)
		names = o.placeLabelsWith(fs, l, r, v, st, ins)
	}
	period, stripe := hatchPeriod(st)
	outline := mix(p.Text, p.Background, 0.7)
	for _, s := range l.Swatches {
		o.drawSwatch(img, s, l, p, period, stripe, outline)
	}
	o.drawSymbols(img, l, st)
	for _, t := range l.Texts {
		fs.drawText(img, t)
	}
	o.drawLabels(img, fs, l, names)
	return img
}

// hatchPeriod returns the hatch stripes' period and width in pixels, as
// geo draws them.
func hatchPeriod(st geo.Style) (period, stripe int) {
	period = max(3, int(math.Round(st.HatchSpacing*st.PixelScale)))
	return period, max(1, int(math.Round(float64(period)*0.35)))
}

// drawSwatch draws a legend square: the status's fill (hatched like the
// map, in phase with it) inside a thin outline.
func (o Options) drawSwatch(img *image.RGBA, s swatch, l layout, p palette.Palette, period, stripe int, outline color.RGBA) {
	r := image.Rect(int(s.X), int(s.Y), int(s.X+s.Size), int(s.Y+s.Size))
	paint := p.Paint(s.Status)
	fillRect(img, r, paint.Fill)
	if s.Status == timeline.StatusThreatening && paint.Hatch.A != 0 {
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				k := ((x-l.Map.Min.X)+(y-l.Map.Min.Y))%period + period
				if k%period < stripe {
					img.SetRGBA(x, y, paint.Hatch)
				}
			}
		}
	}
	lw := int(math.Round(l.SwatchLine))
	fillRect(img, image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+lw), outline)
	fillRect(img, image.Rect(r.Min.X, r.Max.Y-lw, r.Max.X, r.Max.Y), outline)
	fillRect(img, image.Rect(r.Min.X, r.Min.Y, r.Min.X+lw, r.Max.Y), outline)
	fillRect(img, image.Rect(r.Max.X-lw, r.Min.Y, r.Max.X, r.Max.Y), outline)
}

// fillRect fills r (clipped to img) with c.
func fillRect(img *image.RGBA, r image.Rectangle, c color.RGBA) {
	r = r.Intersect(img.Rect)
	if r.Empty() {
		return
	}
	row := img.Pix[img.PixOffset(r.Min.X, r.Min.Y):][:4*r.Dx()]
	for i := 0; i < len(row); i += 4 {
		row[i], row[i+1], row[i+2], row[i+3] = c.R, c.G, c.B, 0xff
	}
	for y := r.Min.Y + 1; y < r.Max.Y; y++ {
		copy(img.Pix[img.PixOffset(r.Min.X, y):], row)
	}
}
