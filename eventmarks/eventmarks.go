// Package eventmarks draws the markers of dated events (calls for help,
// deployments, clashes, foreign bases, invocations) over a map. It is part
// of the pure core: it never imports Fyne, and the window and every export
// place and draw markers through it.
//
// [Place] puts the events of a year at their places in a viewport, moving
// markers that would cover each other apart, always the same way, so that
// each stays visible and clickable. [Layer.Draw] paints them into an
// *image.RGBA with x/image/vector. Each kind has its own shape (see
// [Shape]), so colour is never the only cue, and every marker has a dark
// stroke inside a light halo (the reverse in the dark style), so it reads
// on every fill, the hatched one included. [Layer.Boxes] gives the
// rectangles the markers cover, so that labels can be placed clear of
// them.
package eventmarks

import (
	"image"
	"image/color"
	"math"
	"slices"

	"cstomap/events"
	"cstomap/geo"
)

// Style holds the colours and sizes of markers, in logical pixels.
type Style struct {
	// Fill is each kind's fill colour (Okabe–Ito colours, which
	// colour-blind readers tell apart, and which differ from the status
	// fills of the palette).
	Fill map[events.Kind]color.RGBA
	// Stroke is the outline right round the shape; Halo the band outside
	// it. One is dark and the other light, so one of them contrasts with
	// whatever lies under the marker.
	Stroke, Halo color.RGBA
	// Radius is the symbol's radius, StrokeWidth and HaloWidth the widths
	// of its two outlines, all in logical pixels.
	Radius, StrokeWidth, HaloWidth float64
	// PixelScale is the number of image pixels per logical pixel.
	PixelScale float64
	// Member, when not nil, reports whether a country is a member of the
	// alliance in the year shown; a base operated by a country that is
	// not (a US base in a CSTO state) is then drawn hollow, with a small
	// core, so it stands apart from the members' own (see Sign).
	Member func(iso string) bool
}

// kindFills are the fills shared by both styles.
var kindFills = map[events.Kind]color.RGBA{
	events.KindRequest:    {0xf0, 0xe4, 0x42, 0xff}, // Okabe–Ito yellow
	events.KindDeployment: {0xcc, 0x79, 0xa7, 0xff}, // reddish purple
	events.KindClash:      {0x11, 0x11, 0x11, 0xff}, // black
	events.KindBase:       {0x00, 0x9e, 0x73, 0xff}, // bluish green
	events.KindInvocation: {0xff, 0xff, 0xff, 0xff}, // white
}

// Light and Dark are the marker styles for the light and dark palettes.
var (
	Light = Style{Fill: kindFills, Stroke: color.RGBA{0x11, 0x11, 0x11, 0xff}, Halo: color.RGBA{0xff, 0xff, 0xff, 0xff},
		Radius: 5.5, StrokeWidth: 1.25, HaloWidth: 1.5, PixelScale: 1}
	Dark = Style{Fill: kindFills, Stroke: color.RGBA{0xf4, 0xf4, 0xf4, 0xff}, Halo: color.RGBA{0x0b, 0x0d, 0x10, 0xff},
		Radius: 5.5, StrokeWidth: 1.25, HaloWidth: 1.5, PixelScale: 1}
)

// Scaled returns st with its PixelScale set to s (at least a tenth).
func (st Style) Scaled(s float64) Style {
	st.PixelScale = math.Max(0.1, s)
	return st
}

// FillOf returns the fill of kind k (grey for a kind the style lacks).
func (st Style) FillOf(k events.Kind) color.RGBA {
	if c, ok := st.Fill[k]; ok {
		return c
	}
	return color.RGBA{0x88, 0x88, 0x88, 0xff}
}

// px converts logical pixels to image pixels.
func (st Style) px(v float64) float64 {
	s := st.PixelScale
	if s <= 0 {
		s = 1
	}
	return v * s
}

// Outer returns the radius in image pixels of a whole marker: the symbol,
// its stroke and its halo.
func (st Style) Outer() float64 {
	return st.px(st.Radius*maxReach + st.StrokeWidth + st.HaloWidth)
}

// Label returns the name of kind k for legends and tooltips.
func Label(k events.Kind) string {
	switch k {
	case events.KindRequest:
		return "Call for help"
	case events.KindDeployment:
		return "Deployment"
	case events.KindClash:
		return "Clash between members"
	case events.KindBase:
		return "Foreign base"
	case events.KindInvocation:
		return "Mutual-defence invocation"
	}
	return string(k)
}

// ShapeName names the shape of kind k ("circle", "triangle", …), for help
// texts and tests.
func ShapeName(k events.Kind) string {
	switch k {
	case events.KindRequest:
		return "circle"
	case events.KindDeployment:
		return "triangle"
	case events.KindClash:
		return "cross"
	case events.KindBase:
		return "square"
	case events.KindInvocation:
		return "star"
	}
	return "diamond"
}

// Sign is how a marker looks: its kind's shape, filled, or hollow for a
// base operated from outside the alliance.
type Sign struct {
	Kind    events.Kind
	Outside bool
}

// Label names the sign for legends: the kind's label, and for an outside
// base whose it is.
func (s Sign) Label() string {
	if s.Outside {
		return Label(s.Kind) + " of a non-member"
	}
	return Label(s.Kind)
}

// SignOf returns the sign of e in st: hollow when st.Member says that a
// country operating it is not a member.
func (st Style) SignOf(e *events.Event) Sign {
	s := Sign{Kind: e.Kind}
	if st.Member == nil {
		return s
	}
	for _, a := range e.Actors {
		if a.Role == events.RoleOperates && a.ISO != "" && !st.Member(a.ISO) {
			s.Outside = true
		}
	}
	return s
}

// Signs returns the signs of evs in st, each once, in the order of
// events.Kinds, a kind's filled sign before its hollow one; never nil.
func (st Style) Signs(evs []events.Event) []Sign {
	seen := map[Sign]bool{}
	for i := range evs {
		seen[st.SignOf(&evs[i])] = true
	}
	out := []Sign{}
	for _, k := range events.Kinds {
		for _, o := range []bool{false, true} {
			if s := (Sign{k, o}); seen[s] {
				out = append(out, s)
			}
		}
	}
	return out
}

// Marker is one event placed in a viewport.
type Marker struct {
	// Event is the event shown; it points into the slice given to Place.
	Event *events.Event
	// Sign is how it looks (Style.SignOf).
	Sign Sign
	// X and Y are the marker's centre in image pixels; PX and PY the
	// event's own place. They differ when the marker was moved off other
	// markers at (nearly) the same place.
	X, Y, PX, PY float64
	// R is the whole marker's radius in image pixels (Style.Outer).
	R float64
}

// sign is m's Sign, or for a Marker made without one its event's kind.
func (m Marker) sign() Sign {
	if m.Sign.Kind == "" {
		return Sign{Kind: m.Event.Kind}
	}
	return m.Sign
}

// Moved reports whether the marker was moved off its place.
func (m Marker) Moved() bool { return m.X != m.PX || m.Y != m.PY }

// Box returns the pixels the marker covers.
func (m Marker) Box() image.Rectangle {
	return image.Rect(int(math.Floor(m.X-m.R)), int(math.Floor(m.Y-m.R)), int(math.Ceil(m.X+m.R)), int(math.Ceil(m.Y+m.R)))
}

// Layer is the markers of one frame, in drawing order (the last is on
// top).
type Layer struct {
	Markers []Marker
	Style   Style
	// W and H are the viewport's size in pixels.
	W, H int
	// Selected is the ID of the event whose marker is drawn ringed and on
	// top, or "".
	Selected string
}

// Place returns the markers of evs in v, drawn with st. Markers whose
// places lie within a marker's width of each other are spread on a small
// circle round their common centre, in date order clockwise from the top,
// so that each can be seen and clicked; the result depends only on evs, v
// and st. Markers off the viewport (by more than their radius) are left
// out. The caller chooses the events, e.g. with events.Select for a year.
func Place(v geo.Viewport, evs []events.Event, st Style) Layer {
	l := Layer{Style: st, W: v.W, H: v.H}
	r := st.Outer()
	order := make([]int, len(evs))
	for i := range order {
		order[i] = i
	}
	// Date order, then ID, so that the spreading does not depend on the
	// order of the files.
	slices.SortStableFunc(order, func(a, b int) int {
		if c := evs[a].Date.First().Compare(evs[b].Date.First()); c != 0 {
			return c
		}
		switch {
		case evs[a].ID < evs[b].ID:
			return -1
		case evs[a].ID > evs[b].ID:
			return 1
		}
		return 0
	})
	ms := make([]Marker, 0, len(evs))
	for _, i := range order {
		e := &evs[i]
		x, y := v.Pixel(e.Lon, e.Lat)
		if math.IsNaN(x) || math.IsNaN(y) {
			continue
		}
		ms = append(ms, Marker{Event: e, Sign: st.SignOf(e), X: x, Y: y, PX: x, PY: y, R: r})
	}
	spread(ms, 2*r+st.px(1))
	for _, m := range ms {
		if m.X+m.R < 0 || m.Y+m.R < 0 || m.X-m.R > float64(v.W) || m.Y-m.R > float64(v.H) {
			continue
		}
		l.Markers = append(l.Markers, m)
	}
	return l
}

// spread moves markers closer than gap to each other apart. Markers are
// grouped (transitively) by the distance of their places, and each group
// of n > 1 is put on a circle round the group's centre, gap apart, the
// first at the top (side by side for two). When a spread group then
// touches another, the two are merged and spread again, until no two
// markers are closer than gap.
func spread(ms []Marker, gap float64) {
	n := len(ms)
	group := make([]int, n)
	for i := range group {
		group[i] = i
	}
	find := func(i int) int {
		for group[i] != i {
			group[i] = group[group[i]]
			i = group[i]
		}
		return i
	}
	union := func(i, j int) bool {
		a, b := find(i), find(j)
		if a == b {
			return false
		}
		group[max(a, b)] = min(a, b)
		return true
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if math.Hypot(ms[i].PX-ms[j].PX, ms[i].PY-ms[j].PY) < gap {
				union(i, j)
			}
		}
	}
	for range n { // each round merges groups, so n rounds suffice
		members := make([][]int, n)
		for i := 0; i < n; i++ {
			g := find(i)
			members[g] = append(members[g], i)
		}
		for _, idx := range members {
			place(ms, idx, gap)
		}
		merged := false
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				if find(i) != find(j) && math.Hypot(ms[i].X-ms[j].X, ms[i].Y-ms[j].Y) < gap-1e-9 {
					merged = union(i, j) || merged
				}
			}
		}
		if !merged {
			return
		}
	}
}

// place puts the markers idx (in date order) of one group on a circle
// round their places' centre, gap apart; a group of one stays in place.
func place(ms []Marker, idx []int, gap float64) {
	k := len(idx)
	if k == 0 {
		return
	}
	if k == 1 {
		ms[idx[0]].X, ms[idx[0]].Y = ms[idx[0]].PX, ms[idx[0]].PY
		return
	}
	var cx, cy float64
	for _, i := range idx {
		cx += ms[i].PX
		cy += ms[i].PY
	}
	cx, cy = cx/float64(k), cy/float64(k)
	rad := gap / 2 / math.Sin(math.Pi/float64(k))
	for j, i := range idx {
		a := -math.Pi/2 + 2*math.Pi*float64(j)/float64(k)
		if k == 2 {
			a = math.Pi + math.Pi*float64(j) // side by side, the first on the left
		}
		ms[i].X, ms[i].Y = cx+rad*math.Cos(a), cy+rad*math.Sin(a)
	}
}

// Boxes returns the rectangles the markers cover, in image pixels (the
// selected one with its ring), for placing labels clear of them.
func (l Layer) Boxes() []image.Rectangle {
	out := make([]image.Rectangle, len(l.Markers))
	ring := int(math.Ceil(l.Style.px(3)))
	for i, m := range l.Markers {
		out[i] = m.Box()
		if m.Event.ID == l.Selected {
			out[i] = out[i].Inset(-ring)
		}
	}
	return out
}

// At returns the index of the marker under (x, y), in image pixels: the
// symbol with its stroke, grown by tol pixels, not the halo, so that a
// click beside a marker still reaches the country under the halo. Of two
// hits the nearest centre wins, the topmost on a tie. ok is false when
// none is there.
func (l Layer) At(x, y, tol float64) (i int, ok bool) {
	best := math.Inf(1)
	st := l.Style
	for j := len(l.Markers) - 1; j >= 0; j-- {
		m := l.Markers[j]
		d := math.Hypot(x-m.X, y-m.Y)
		if d > m.R+tol || d >= best {
			continue
		}
		if symbol(m.Event.Kind, m.X, m.Y, st.px(st.Radius), st.px(st.StrokeWidth)+tol).contains(x, y) {
			i, ok, best = j, true, d
		}
	}
	return i, ok
}

// Find returns the index of the marker of the event with the id.
func (l Layer) Find(id string) (int, bool) {
	for i, m := range l.Markers {
		if m.Event.ID == id {
			return i, true
		}
	}
	return 0, false
}

// Kinds returns the kinds of the markers, in the order of events.Kinds,
// for a legend.
func (l Layer) Kinds() []events.Kind {
	var out []events.Kind
	for _, k := range events.Kinds {
		for _, m := range l.Markers {
			if m.Event.Kind == k {
				out = append(out, k)
				break
			}
		}
	}
	return out
}
