package ui

import (
	"image"
	"math"
	"slices"

	"cstomap/geo"
	names "cstomap/labels"
)

// insetNames is what the names layer knows of the map's insets: the boxes
// the map's names keep clear of, the countries they leave to the insets,
// and the names placed in each inset's view.
type insetNames struct {
	boxes  []names.Rect // device pixels, frames included
	skip   []string
	placed map[geo.Viewport][]names.Label
	// shown are the names drawn in the insets of the last frame, in the
	// map's device pixels (for Labels).
	shown []names.Label
}

var _ insetNamer = (*LabelLayer)(nil)

// setInsets tells the layer the insets of the frame being drawn (device
// pixels, frames fw pixels wide): the map's names keep clear of them and
// leave their countries to them. It places anew only when they changed.
func (l *LabelLayer) setInsets(plan []geo.Inset, fw float64) {
	var boxes []names.Rect
	var skip []string
	for _, in := range plan {
		r := in.Rect.Inset(-int(math.Ceil(2 * fw)))
		boxes = append(boxes, names.Rect{X0: float64(r.Min.X), Y0: float64(r.Min.Y), X1: float64(r.Max.X), Y1: float64(r.Max.Y)})
		skip = append(skip, in.Countries...)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.inset.shown = l.inset.shown[:0]
	if !slices.Equal(boxes, l.inset.boxes) || !slices.Equal(skip, l.inset.skip) {
		l.inset.boxes, l.inset.skip, l.changed = boxes, skip, true
	}
}

// drawInset names the countries of the inset in, drawn into dst (the
// inset's own pixels) with f's style: placed in the inset's view, once per
// view and statuses, and emphasised as on the map.
//
// drawn is the renderer that has just drawn the inset's view: its pixels
// say which country is where.
func (l *LabelLayer) drawInset(dst *image.RGBA, in geo.Inset, f geo.Frame, drawn *geo.Renderer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.on || l.statuses == nil {
		return
	}
	scale := math.Max(1, f.Style.PixelScale)
	ls, ok := l.inset.placed[in.View]
	if !ok || l.changed {
		res := names.Place(names.Input{
			Proj:     l.renderer.Projected(in.View.Proj),
			View:     in.View,
			Statuses: l.statuses,
			Only:     in.Countries,
			Inset:    true,
			Drawn:    drawn,
			Size:     namesPt * scale,
			MinSize:  9 * scale,
			Face:     l.faces.Face,
		})
		if l.inset.placed == nil || l.changed {
			l.inset.placed = map[geo.Viewport][]names.Label{}
		}
		ls = res.Labels
		l.inset.placed[in.View] = ls
	}
	emph := f.Hovered
	if emph == "" {
		emph = f.Selected
	}
	st := l.style
	st.LeaderWidth = scale
	names.Draw(dst, ls, l.faces.Face, st, emph, 0, 0)
	for _, lb := range ls {
		l.inset.shown = append(l.inset.shown, lb.Moved(float64(in.Rect.Min.X), float64(in.Rect.Min.Y)))
	}
}
