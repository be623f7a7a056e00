package ui

import (
	"image"
	"math"
	"slices"
	"sync"

	"fyne.io/fyne/v2"

	"cstomap/geo"
	names "cstomap/labels"
	"cstomap/palette"
	"cstomap/timeline"
)

// prefNames is the preference that remembers View › Country names.
const prefNames = "countryNames"

// namesPt is the size of a member's name in the window, in logical pixels.
const namesPt = 12.5

// LabelLayer names the countries over the map: it places the names for
// each new viewport (package labels) and draws them into the map's raster
// after the countries, so they follow every zoom and pan. The hovered
// country's name, else the selected one's, is emphasised.
type LabelLayer struct {
	mu       sync.Mutex // guards the fields below, read by the raster generator
	renderer *geo.Renderer
	on       bool
	statuses map[string]timeline.Status
	style    names.Style
	avoid    map[string][]names.Rect // logical pixels of the map, by owner
	faces    names.Faces
	// The last placement and what it was made for.
	placed  []names.Label
	key     labelKey
	hasKey  bool
	changed bool              // statuses or avoid changed since the last placement
	marks   []image.Rectangle // the event markers' boxes of the last placement
	inset   insetNames        // the insets' boxes and names (insetnames.go)
}

// labelKey is what a placement depends on besides the statuses.
type labelKey struct {
	view  geo.Viewport
	scale float64
}

// NewLabelLayer returns a layer for the world r draws, on.
func NewLabelLayer(r *geo.Renderer) *LabelLayer {
	return &LabelLayer{renderer: r, on: true, style: labelStyle(palette.Light)}
}

// SetRenderer names the countries of the world r draws, e.g. another
// year's outlines (West Germany and the GDR before 1991).
func (l *LabelLayer) SetRenderer(r *geo.Renderer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.renderer != r {
		l.renderer, l.changed = r, true
	}
}

// labelStyle is the layer's colours in pal: as export draws them.
func labelStyle(pal palette.Palette) names.Style {
	return names.Style{Member: pal.Text, Context: pal.SubtleText, Halo: pal.Background,
		Leader: pal.SubtleText, LeaderWidth: 1, Emphasis: pal.Map.Selected}
}

// SetOn shows or hides the names.
func (l *LabelLayer) SetOn(on bool) {
	l.mu.Lock()
	l.on = on
	l.mu.Unlock()
}

// On reports whether the names are shown.
func (l *LabelLayer) On() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.on
}

// Set gives the statuses of the year (the alliance's own: who must be
// named) and the palette.
func (l *LabelLayer) Set(st map[string]timeline.Status, pal palette.Palette) {
	l.mu.Lock()
	l.statuses, l.style, l.changed = st, labelStyle(pal), true
	l.mu.Unlock()
}

// SetAvoid sets the boxes, in the map's logical pixels, that names must
// leave free for one owner ("year" for the year over the map; an inset or
// event markers name their own); nil clears them.
func (l *LabelLayer) SetAvoid(owner string, boxes []names.Rect) {
	l.mu.Lock()
	if l.avoid == nil {
		l.avoid = map[string][]names.Rect{}
	}
	l.avoid[owner], l.changed = boxes, true
	l.mu.Unlock()
}

// avoidPixels returns every box to avoid in device pixels, owners in
// order. Callers hold mu.
func (l *LabelLayer) avoidPixels(scale float64) []names.Rect {
	owners := make([]string, 0, len(l.avoid))
	for k := range l.avoid {
		owners = append(owners, k)
	}
	slices.Sort(owners)
	var out []names.Rect
	for _, k := range owners {
		for _, b := range l.avoid[k] {
			out = append(out, names.Rect{X0: b.X0 * scale, Y0: b.Y0 * scale, X1: b.X1 * scale, Y1: b.Y1 * scale})
		}
	}
	return out
}

// Labels returns the names placed for the last frame, in device pixels.
func (l *LabelLayer) Labels() []names.Label {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append(append([]names.Label(nil), l.placed...), l.inset.shown...)
}

// draw is the map's overlay: it places the names for f's viewport when
// that or the statuses changed, and draws them onto img.
//
// marks are the boxes of the event markers (device pixels): names keep
// clear of them where they can, and are drawn after them, so a marker
// never hides a name.
func (l *LabelLayer) draw(img *image.RGBA, f geo.Frame, marks []image.Rectangle) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.on || l.statuses == nil {
		return
	}
	scale := math.Max(1, f.Style.PixelScale)
	k := labelKey{view: f.View, scale: scale}
	if !l.hasKey || k != l.key || l.changed || !slices.Equal(marks, l.marks) {
		var prefer []names.Rect
		for _, b := range marks {
			prefer = append(prefer, names.Rect{X0: float64(b.Min.X), Y0: float64(b.Min.Y), X1: float64(b.Max.X), Y1: float64(b.Max.Y)})
		}
		l.marks = slices.Clone(marks)
		res := names.Place(names.Input{
			Proj:     l.renderer.Projected(f.View.Proj),
			View:     f.View,
			Statuses: l.statuses,
			Avoid:    append(l.avoidPixels(scale), l.inset.boxes...),
			Skip:     l.inset.skip,
			Prefer:   prefer,
			Drawn:    l.renderer,
			Size:     namesPt * scale,
			MinSize:  9 * scale,
			Context:  true,
			Face:     l.faces.Face,
		})
		l.placed, l.key, l.hasKey, l.changed = res.Labels, k, true, false
	}
	emph := f.Hovered
	if emph == "" {
		emph = f.Selected
	}
	st := l.style
	st.LeaderWidth = scale
	names.Draw(img, l.placed, l.faces.Face, st, emph, 0, 0)
}

// ownStatuses are the statuses of the alliance's own countries in year:
// the countries that must be named.
func ownStatuses(a *timeline.Alliance, s *Store) map[string]timeline.Status {
	m := map[string]timeline.Status{}
	for _, e := range a.Statuses(s.Year(), s.Today()) {
		m[e.ISO] = e.Status
	}
	return m
}

// setUpNames makes the names layer, draws it over the map and restores
// whether it is on.
func (a *App) setUpNames() {
	a.Names = NewLabelLayer(a.Map.renderer)
	a.Map.AddOverlay(a.Names.draw)
	if a.opts.Prefs != nil {
		a.Names.SetOn(a.opts.Prefs.BoolWithFallback(prefNames, true))
	}
}

// updateNames gives the names layer the year's statuses and the palette.
func (a *App) updateNames() {
	if a.Names != nil && a.Store.Alliance() != nil {
		// The year is drawn over the map's top-left corner.
		pos, sz := a.yearLabel.Position(), a.yearLabel.MinSize()
		a.Names.SetAvoid("year", []names.Rect{{X0: float64(pos.X), Y0: float64(pos.Y), X1: float64(pos.X + sz.Width), Y1: float64(pos.Y + sz.Height)}})
		a.Names.Set(ownStatuses(a.Store.Alliance(), a.Store), a.pal)
		a.Map.Refresh()
	}
}

// ToggleNames shows or hides the country names (View › Country names, L),
// and remembers the choice.
func (a *App) ToggleNames() {
	on := !a.Names.On()
	a.Names.SetOn(on)
	if a.opts.Prefs != nil {
		a.opts.Prefs.SetBool(prefNames, on)
	}
	if a.namesItem != nil {
		a.namesItem.Checked = on
		if mm := a.window.MainMenu(); mm != nil {
			mm.Refresh()
		}
	}
	a.logf("names %v", on)
	a.Map.Refresh()
}

// namesMenuItem is View › Country names.
func (a *App) namesMenuItem() *fyne.MenuItem {
	it := fyne.NewMenuItem("Country names", a.ToggleNames)
	it.Checked = a.Names.On()
	a.namesItem = it
	return it
}

// withNamesKey adds L (show or hide the names) to a key handler.
func (a *App) withNamesKey(next func(*fyne.KeyEvent)) func(*fyne.KeyEvent) {
	return func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyL {
			a.ToggleNames()
			return
		}
		next(ev)
	}
}
