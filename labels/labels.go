// Package labels places country names on a map: one label for every
// country with a status in the year, inside the country when it fits and
// otherwise beside it with a leader line, then quieter context labels for
// other countries where room remains. It is pure core: the window and
// every export call Place with their own viewport and draw the result with
// Draw (raster) or write it as SVG text.
//
// The collision index is github.com/tidwall/rtree; the anchor is the pole
// of inaccessibility of the country's largest visible part (Pole).
package labels

import (
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"cstomap/geo"
	"cstomap/timeline"
)

// Kind says why a country is named.
type Kind uint8

const (
	// Member is a country with a status (current, departed or threatening)
	// in the year shown.
	Member Kind = iota
	// Context is a neighbour without a status, named where room remains.
	Context
)

// Rect is a box in pixels, X0 ≤ X1 and Y0 ≤ Y1.
type Rect struct{ X0, Y0, X1, Y1 float64 }

// Overlaps reports whether r and s share more than an edge.
func (r Rect) Overlaps(s Rect) bool {
	return r.X0 < s.X1 && s.X0 < r.X1 && r.Y0 < s.Y1 && s.Y0 < r.Y1
}

// Within reports whether r lies inside s.
func (r Rect) Within(s Rect) bool {
	return r.X0 >= s.X0 && r.Y0 >= s.Y0 && r.X1 <= s.X1 && r.Y1 <= s.Y1
}

// Dx and Dy are the width and the height.
func (r Rect) Dx() float64 { return r.X1 - r.X0 }

// Dy is the height.
func (r Rect) Dy() float64 { return r.Y1 - r.Y0 }

// Offset returns r moved by (dx, dy).
func (r Rect) Offset(dx, dy float64) Rect { return Rect{r.X0 + dx, r.Y0 + dy, r.X1 + dx, r.Y1 + dy} }

// FaceFunc returns the font face of a weight at a size in pixels. Export
// passes its own faces so labels are measured and drawn in the fonts of the
// rest of the image; Faces is one for everyone else.
type FaceFunc func(bold bool, size float64) font.Face

// Label is one placed name.
type Label struct {
	ISO  string
	Text string
	Kind Kind
	// Status is the country's status (StatusNone for a context label).
	Status timeline.Status
	// X, Y is the left end of the text's baseline, in pixels.
	X, Y float64
	// Size is the font size in pixels; Bold its weight.
	Size float64
	Bold bool
	// Width is the text's advance width at Size: an SVG's textLength.
	Width float64
	// Box is the text's ink with its halo: what no other label, reserved
	// box or frame edge may cut.
	Box Rect
	// Halo is the halo's width in pixels.
	Halo float64
	// AnchorX, AnchorY is the point of the country the label names (the
	// pole of inaccessibility of its largest visible part).
	AnchorX, AnchorY float64
	// Leader is set when the label is outside its country; the line runs
	// from (LX0, LY0) on the label's box to (LX1, LY1) at the country.
	Leader             bool
	LX0, LY0, LX1, LY1 float64
}

// Input is what a placement depends on.
type Input struct {
	// Proj is the world projected with View.Proj.
	Proj *geo.Projected
	// View maps the map's area, W×H pixels from (0, 0), to projected
	// coordinates. Labels are placed within it.
	View geo.Viewport
	// Statuses are the statuses of the year; countries with a status other
	// than none get a Member label (territories that only follow their
	// sovereign are left out: they are context).
	Statuses map[string]timeline.Status
	// Only, when not nil, restricts the labels to these members and turns
	// context labels off: an inset asks for its own countries this way.
	Only []string
	// Skip lists members that are named elsewhere (in an inset).
	Skip []string
	// Avoid are boxes no label may cover: title, legend, year, source
	// line, the inset, event markers.
	Avoid []Rect
	// Size is the font size of a member's label in pixels; a label that
	// finds no place shrinks, down to MinSize (default 0.7 × Size).
	Size, MinSize float64
	// Context places quieter labels for countries without a status.
	Context bool
	// Face measures the text; nil means the Go fonts (Faces).
	Face FaceFunc
}

// Result is a placement.
type Result struct {
	Labels []Label
	// Missing are the members in view that found no place at any size.
	Missing []string
}

// Text sizes relative to Input.Size.
const (
	contextScale = 0.82 // a context label's size
	maxContext   = 8    // context labels, at least
	crossCost    = 6    // label heights: the price of a leader crossing a label
	haloScale    = 0.16 // the halo's width
	padScale     = 0.12 // the room kept between a label and its country's border
	coverCell    = 8    // pixels: the resolution of the samples that price covering land
)

// measure returns the advance width and the ink box of s at the baseline
// origin.
func measure(f font.Face, s string) (width float64, ink Rect) {
	b, adv := font.BoundString(f, s)
	return fix(adv), Rect{fix(b.Min.X), fix(b.Min.Y), fix(b.Max.X), fix(b.Max.Y)}
}

func fix(v fixed.Int26_6) float64 { return float64(v) / 64 }

// text is a name measured at one size, placed with its ink box centred
// on a point.
type text struct {
	s           string
	size        float64
	bold        bool
	width, halo float64
	ink         Rect // relative to the baseline origin
}

func newText(face FaceFunc, s string, size float64, bold bool) text {
	w, ink := measure(face(bold, size), s)
	return text{s: s, size: size, bold: bold, width: w, halo: math.Max(1, size*haloScale), ink: ink}
}

// box returns the halo'd ink box and the baseline origin of t centred on
// (cx, cy).
func (t text) at(cx, cy float64) (box Rect, x, y float64) {
	x = cx - (t.ink.X0+t.ink.X1)/2
	y = cy - (t.ink.Y0+t.ink.Y1)/2
	b := t.ink.Offset(x, y)
	return Rect{b.X0 - t.halo, b.Y0 - t.halo, b.X1 + t.halo, b.Y1 + t.halo}, x, y
}

func (t text) boxW() float64 { return t.ink.Dx() + 2*t.halo }
func (t text) boxH() float64 { return t.ink.Dy() + 2*t.halo }
