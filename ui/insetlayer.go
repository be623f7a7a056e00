package ui

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/paulmach/orb"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"cstomap/geo"
	"cstomap/timeline"
)

// prefInset is the preference that remembers View › Inset.
const prefInset = "inset"

func init() { prefKinds[prefInset] = kindBool }

// Inset sizes in logical pixels: a member under insetMinSide on its longer
// side gets an inset that magnifies the smallest to insetTarget where the
// room allows; insetMargin keeps it off the edges and other boxes.
const (
	insetMinSide = 40
	insetTarget  = 60
	insetMargin  = 10
	insetNamePt  = 12
)

// insetLayer is the map's inset for the small members: what it needs and
// the plan for the last view. It is part of MapView and guarded by its mu.
type insetLayer struct {
	on       bool
	members  []string          // countries with a status in the year, territories included
	own      []string          // the alliance's own countries with a status
	avoid    []image.Rectangle // logical pixels of the map (the year label)
	corner   fyne.Size         // logical size kept free in the bottom-left corner (the event legend)
	renderer *geo.Renderer     // its own raster cache
	plan     []geo.Inset       // device pixels
	key      insetKey
	planned  bool
	namer    insetNamer // names the insets' countries; nil: plain names
}

// insetNamer names the countries of the insets (the names layer): it is
// told each frame's insets, so the map's names keep clear of them, and
// draws the names inside each. Its methods run under the map's lock and
// must not call the map.
type insetNamer interface {
	setInsets(plan []geo.Inset, frameWidth float64)
	drawInset(dst *image.RGBA, in geo.Inset, f geo.Frame, drawn *geo.Renderer)
}

// setInsetNamer makes n name the insets' countries.
func (m *MapView) setInsetNamer(n insetNamer) {
	m.mu.Lock()
	m.inset.namer = n
	m.mu.Unlock()
}

// insetKey is what a plan depends on.
type insetKey struct {
	world   *geo.World
	view    geo.Viewport
	members string
	own     string
	avoid   string
}

// SetInsetMembers gives the countries with a status in the year: the
// alliance's own (own), which get the inset when small, and all of them
// with the territories that follow their sovereign (members), the land the
// inset must not cover.
func (m *MapView) SetInsetMembers(own, members []string) {
	own, members = slices.Sorted(slices.Values(own)), slices.Sorted(slices.Values(members))
	m.mu.Lock()
	m.inset.own, m.inset.members = own, members
	m.mu.Unlock()
	m.Refresh()
}

// SetInsetAvoid sets the boxes of the map, in logical pixels, the inset
// must leave free (the year drawn over the map).
func (m *MapView) SetInsetAvoid(boxes []image.Rectangle) {
	m.mu.Lock()
	m.inset.avoid = boxes
	m.mu.Unlock()
	m.Refresh()
}

// SetInsetCorner keeps a box of size sz free of the inset in the map's
// bottom-left corner (the legend of the event markers), or none for a
// zero size.
func (m *MapView) SetInsetCorner(sz fyne.Size) {
	m.mu.Lock()
	changed := m.inset.corner != sz
	m.inset.corner = sz
	m.mu.Unlock()
	if changed {
		m.Refresh()
	}
}

// SetInsetOn shows or hides the inset.
func (m *MapView) SetInsetOn(on bool) {
	m.mu.Lock()
	m.inset.on = on
	m.mu.Unlock()
	m.Refresh()
}

// InsetOn reports whether the inset is switched on (it may still be hidden
// because no member is small in the view).
func (m *MapView) InsetOn() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.inset.on
}

// InsetInfo is an inset as the window shows it, in logical pixels of the
// map.
type InsetInfo struct {
	// Countries are the members it is for.
	Countries []string
	// Rect is where it sits; Source the area it magnifies.
	Rect, Source image.Rectangle
	// Smallest is the longer side of its smallest country in it.
	Smallest float64
}

// Insets returns the insets of the current view.
func (m *MapView) Insets() []InsetInfo {
	m.mu.Lock()
	defer m.mu.Unlock()
	plan := m.insetPlan(m.currentView())
	s := float64(m.scale)
	out := make([]InsetInfo, len(plan))
	for i, in := range plan {
		out[i] = InsetInfo{Countries: in.Countries, Rect: scaleRect(in.Rect, 1/s), Source: scaleRect(in.Source, 1/s), Smallest: in.Smallest / s}
	}
	return out
}

// InsetPositionOf returns the logical position, in the map, at which
// lon/lat is drawn in the inset that shows iso, if one does.
func (m *MapView) InsetPositionOf(iso string, lon, lat float64) (fyne.Position, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, in := range m.insetPlan(m.currentView()) {
		if slices.Contains(in.Countries, iso) {
			x, y := in.View.Pixel(lon, lat)
			s := m.scale
			return fyne.NewPos((float32(x)+float32(in.Rect.Min.X))/s, (float32(y)+float32(in.Rect.Min.Y))/s), true
		}
	}
	return fyne.Position{}, false
}

func scaleRect(r image.Rectangle, s float64) image.Rectangle {
	f := func(v int) int { return int(math.Round(float64(v) * s)) }
	return image.Rect(f(r.Min.X), f(r.Min.Y), f(r.Max.X), f(r.Max.Y))
}

// insetPlan returns the insets for view v (device pixels), planning them
// anew only when v, the members or the boxes to avoid changed. Callers
// hold mu.
func (m *MapView) insetPlan(v geo.Viewport) []geo.Inset {
	l := &m.inset
	if !l.on || len(l.members) == 0 {
		return nil
	}
	s := float64(m.scale)
	var av strings.Builder
	avoid := make([]image.Rectangle, len(l.avoid))
	for i, r := range l.avoid {
		avoid[i] = scaleRect(r, s)
	}
	if l.corner.Width > 0 && l.corner.Height > 0 {
		cw, ch := int(math.Ceil(float64(l.corner.Width)*s)), int(math.Ceil(float64(l.corner.Height)*s))
		avoid = append(avoid, image.Rect(0, v.H-ch, cw, v.H))
	}
	for _, r := range avoid {
		av.WriteString(r.String())
	}
	k := insetKey{world: m.renderer.World(), view: v, members: strings.Join(l.members, ","), own: strings.Join(l.own, ","), avoid: av.String()}
	if l.planned && k == l.key {
		return l.plan
	}
	pr := m.renderer.Projected(v.Proj)
	l.plan = geo.PlanInsets(pr, v, geo.InsetParams{
		Members:    l.members,
		Candidates: l.own,
		MinSide:    insetMinSide * s,
		Target:     insetTarget * s,
		Margin:     insetMargin * s,
		Avoid:      avoid,
		Drawn:      m.renderer, // has drawn v, unless asked before the frame
	})
	l.key, l.planned = k, true
	return l.plan
}

// insetAt returns the inset under the device pixel (x, y) of view v.
// Callers hold mu.
func (m *MapView) insetAt(v geo.Viewport, x, y float64) (geo.Inset, bool) {
	for _, in := range m.insetPlan(v) {
		if in.Contains(x, y) {
			return in, true
		}
	}
	return geo.Inset{}, false
}

// drawInsets draws the insets of f's view onto img: the outline of the
// area each magnifies, the magnified map in the same paint with the
// selection and hover, a frame over a halo, and the names of its
// countries. Callers hold mu.
func (m *MapView) drawInsets(img *image.RGBA, f geo.Frame) {
	plan := m.insetPlan(f.View)
	l := &m.inset
	s := f.Style.PixelScale
	fw := math.Max(1, math.Round(1.5*s))
	if l.namer != nil {
		l.namer.setInsets(plan, fw)
	}
	if len(plan) == 0 {
		return
	}
	if l.renderer == nil || l.renderer.World() != m.renderer.World() {
		l.renderer = geo.NewRendererFor(m.renderer.Projected(f.View.Proj))
	}
	ink := color.RGBA{0x1a, 0x1a, 0x1a, 0xff} // dark on the light style's sea
	if lum(f.Style.Sea) < 128 {
		ink = color.RGBA{0xee, 0xee, 0xee, 0xff}
	}
	halo := f.Style.Sea
	for _, in := range plan {
		strokeBox(img, in.Source, math.Max(1, math.Round(s)), ink)
		r := in.Rect.Intersect(img.Rect)
		if r.Dx() != in.Rect.Dx() || r.Dy() != in.Rect.Dy() {
			continue // the raster is not the size the plan was made for
		}
		sub := img.SubImage(r).(*image.RGBA)
		dst := &image.RGBA{Pix: sub.Pix, Stride: sub.Stride, Rect: image.Rect(0, 0, r.Dx(), r.Dy())}
		fr := f
		fr.View = in.View
		l.renderer.Render(dst, fr)
		strokeBox(img, in.Rect.Inset(-int(fw)), fw, halo)
		strokeBox(img, in.Rect, fw, ink)
		if l.namer != nil {
			l.namer.drawInset(dst, in, fr, l.renderer)
		} else {
			drawNames(dst, insetFace(insetNamePt*s), m.renderer.World(), in, ink, halo)
		}
	}
}

func lum(c color.RGBA) float64 { return 0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B) }

// strokeBox draws the outline of r, w pixels wide, inside r.
func strokeBox(img *image.RGBA, r image.Rectangle, w float64, c color.RGBA) {
	n := max(1, int(math.Round(w)))
	u := image.NewUniform(c)
	for _, b := range []image.Rectangle{
		image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+n), image.Rect(r.Min.X, r.Max.Y-n, r.Max.X, r.Max.Y),
		image.Rect(r.Min.X, r.Min.Y, r.Min.X+n, r.Max.Y), image.Rect(r.Max.X-n, r.Min.Y, r.Max.X, r.Max.Y),
	} {
		draw.Draw(img, b.Intersect(img.Rect), u, image.Point{}, draw.Src)
	}
}

var (
	insetFontOnce sync.Once
	insetFont     *opentype.Font
	insetFaceMu   sync.Mutex
	insetFaces    = map[float64]font.Face{}
)

// insetFace returns the bold Go face at size pixels, cached.
func insetFace(size float64) font.Face {
	insetFontOnce.Do(func() { insetFont, _ = opentype.Parse(gobold.TTF) })
	size = math.Round(size*4) / 4
	insetFaceMu.Lock()
	defer insetFaceMu.Unlock()
	if f, ok := insetFaces[size]; ok {
		return f
	}
	f, err := opentype.NewFace(insetFont, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil
	}
	insetFaces[size] = f
	return f
}

// drawNames draws the names of in's countries centred on their label
// points in ink over a one-pixel halo, kept inside dst and moved apart
// where they would cover each other.
func drawNames(dst *image.RGBA, face font.Face, world *geo.World, in geo.Inset, ink, halo color.RGBA) {
	if face == nil {
		return
	}
	m := face.Metrics()
	a, d := float64(m.Ascent)/64, float64(m.Descent)/64
	type name struct {
		s       string
		x, base float64
	}
	var names []name
	var boxes []orb.Bound
	for _, iso := range in.Countries {
		lon, lat, ok := world.LabelPoint(iso)
		if !ok {
			continue
		}
		x, y := in.View.Pixel(lon, lat)
		s := world.Name(iso)
		w := float64(font.MeasureString(face, s)) / 64
		x = math.Max(2, math.Min(float64(dst.Rect.Dx())-w-2, x-w/2))
		base := y + a/2
		names = append(names, name{s, x, base})
		boxes = append(boxes, orb.Bound{Min: orb.Point{x - 1, base - a - 1}, Max: orb.Point{x + w + 1, base + d + 1}})
	}
	moved := geo.SpreadBoxes(boxes, orb.Bound{Max: orb.Point{float64(dst.Rect.Dx()), float64(dst.Rect.Dy())}})
	dr := font.Drawer{Dst: dst, Face: face}
	for i, n := range names {
		base := n.base + moved[i].Min[1] - boxes[i].Min[1]
		dr.Src = image.NewUniform(halo)
		for _, o := range [][2]float64{{-1, -1}, {0, -1}, {1, -1}, {-1, 0}, {1, 0}, {-1, 1}, {0, 1}, {1, 1}} {
			dr.Dot = fixed.Point26_6{X: fixed.Int26_6((n.x + o[0]) * 64), Y: fixed.Int26_6((base + o[1]) * 64)}
			dr.DrawString(n.s)
		}
		dr.Src = image.NewUniform(ink)
		dr.Dot = fixed.Point26_6{X: fixed.Int26_6(n.x * 64), Y: fixed.Int26_6(base * 64)}
		dr.DrawString(n.s)
	}
}

// setInsetMembers gives the map the countries with a status in the year.
func (a *App) setInsetMembers() {
	var own, members []string
	for _, e := range a.Store.Alliance().Statuses(a.Store.Year(), a.Store.Today()) {
		own = append(own, e.ISO)
	}
	for iso, s := range a.Store.Statuses() {
		if s != timeline.StatusNone {
			members = append(members, iso)
		}
	}
	a.Map.SetInsetMembers(own, members)
}

// setUpInset restores View › Inset, keeps the inset off the year drawn
// over the map, and has the names layer name the insets' countries.
func (a *App) setUpInset() {
	if a.Names != nil {
		a.Map.setInsetNamer(a.Names)
	}
	// After the window's own listener (bind), which sets the event legend.
	a.Store.Listen(func(_, _ State) { a.keepInsetOffEventLegend() })
	a.keepInsetOffEventLegend()
	if a.opts.Prefs != nil {
		a.Map.SetInsetOn(a.opts.Prefs.BoolWithFallback(prefInset, true))
	}
	pos, sz := a.yearLabel.Position(), a.yearLabel.MinSize()
	a.Map.SetInsetAvoid([]image.Rectangle{image.Rect(int(pos.X), int(pos.Y), int(math.Ceil(float64(pos.X+sz.Width))), int(math.Ceil(float64(pos.Y+sz.Height))))})
}

// keepInsetOffEventLegend keeps the inset off the legend of the event
// markers in the map's bottom-left corner, when it shows.
func (a *App) keepInsetOffEventLegend() {
	var sz fyne.Size
	if a.EventLegend != nil && a.EventLegend.Visible() {
		p := theme.Padding()
		sz = a.EventLegend.MinSize().AddWidthHeight(2*p, 2*p)
	}
	a.Map.SetInsetCorner(sz)
}

// ToggleInset shows or hides the inset (View › Inset) and remembers the
// choice.
func (a *App) ToggleInset() {
	on := !a.Map.InsetOn()
	a.Map.SetInsetOn(on)
	if a.opts.Prefs != nil {
		a.opts.Prefs.SetBool(prefInset, on)
	}
	if a.insetItem != nil {
		a.insetItem.Checked = on
		if mm := a.window.MainMenu(); mm != nil {
			mm.Refresh()
		}
	}
	a.logf("inset %v", on)
}

// insetMenuItem is View › Inset.
func (a *App) insetMenuItem() *fyne.MenuItem {
	it := fyne.NewMenuItem("Inset for small countries", a.ToggleInset)
	it.Checked = a.Map.InsetOn()
	a.insetItem = it
	return it
}

// logInsets logs, for each --where code shown in an inset, "inset ISO X
// Y": where its label point is drawn in the inset, in window coordinates.
func (a *App) logInsets(origin fyne.Position) {
	for _, iso := range a.opts.Where {
		lon, lat, ok := a.World.LabelPoint(iso)
		if !ok {
			continue
		}
		if p, ok := a.Map.InsetPositionOf(iso, lon, lat); ok {
			p = origin.Add(p)
			a.logf("inset %s %.0f %.0f", iso, p.X, p.Y)
		}
	}
}
