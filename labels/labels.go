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
	"reflect"
	"strings"
	"sync"

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
	// X, Y is the left end of the (first line's) baseline, in pixels.
	X, Y float64
	// Lines are the lines the name is drawn on: one, or two for a long
	// name of several words that fits its country only that way.
	Lines []Line
	// Size is the font size in pixels; Bold its weight.
	Size float64
	Bold bool
	// Width is the (first line's) advance width at Size: an SVG's
	// textLength.
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

// Line is one line of a label: its text, the left end of its baseline and
// its advance width, in pixels.
type Line struct {
	Text        string
	X, Y, Width float64
}

// Moved returns lb moved by (dx, dy) pixels: a name placed in an inset's
// own view, put where the inset sits on the map.
func (lb Label) Moved(dx, dy float64) Label {
	lb.X, lb.Y = lb.X+dx, lb.Y+dy
	lb.Lines = append([]Line(nil), lb.Lines...)
	for i := range lb.Lines {
		lb.Lines[i].X, lb.Lines[i].Y = lb.Lines[i].X+dx, lb.Lines[i].Y+dy
	}
	lb.Box = Rect{X0: lb.Box.X0 + dx, Y0: lb.Box.Y0 + dy, X1: lb.Box.X1 + dx, Y1: lb.Box.Y1 + dy}
	lb.AnchorX, lb.AnchorY = lb.AnchorX+dx, lb.AnchorY+dy
	lb.LX0, lb.LY0, lb.LX1, lb.LY1 = lb.LX0+dx, lb.LY0+dy, lb.LX1+dx, lb.LY1+dy
	return lb
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
	// Prefer are boxes labels keep clear of where they can (event
	// markers): a member that finds no place clear of them is placed again
	// with only Avoid and the other labels to keep clear of, and the
	// caller draws labels over what Prefer covers.
	Prefer []Rect
	// Inset says the names are an inset's: all its land is members'
	// magnified, so a name beside its country may cover other members'
	// land at less cost than on the main map, for a shorter leader.
	Inset bool
	// Size is the font size of a member's label in pixels; a label that
	// finds no place shrinks, down to MinSize (default 0.7 × Size).
	Size, MinSize float64
	// Context places quieter labels for countries without a status.
	Context bool
	// Face measures the text; nil means the Go fonts (Faces).
	Face FaceFunc
	// Drawn, when not nil, is the renderer that has just drawn View of
	// Proj's world: which country is where is read from its pixels
	// instead of hit-testing the outlines.
	Drawn *geo.Renderer
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
	crossCost    = 6    // label heights: the price of a leader crossing a label or a leader
	haloScale    = 0.16 // the halo's width
	padScale     = 0.12 // the room kept between a label and its country's border
	coverCell    = 8    // pixels: the resolution of the samples that price covering land
)

// measure returns the advance width and the ink box of s at the baseline
// origin. A placement measures the same names (and, for two lines, their
// words) at the same sizes frame after frame, so the results are kept
// (measures), for faces that can be a map's key.
func measure(f font.Face, s string) (width float64, ink Rect) {
	if t := reflect.TypeOf(f); t == nil || t.Kind() != reflect.Pointer {
		return measureNow(f, s)
	}
	k := measureKey{f, s}
	measures.mu.Lock()
	m, ok := measures.m[k]
	measures.mu.Unlock()
	if ok {
		return m.width, m.ink
	}
	m.width, m.ink = measureNow(f, s)
	measures.mu.Lock()
	defer measures.mu.Unlock()
	if len(measures.m) >= maxMeasures {
		clear(measures.m) // the sizes in use are soon measured again
	}
	measures.m[k] = m
	return m.width, m.ink
}

func measureNow(f font.Face, s string) (float64, Rect) {
	b, adv := font.BoundString(f, s)
	return fix(adv), Rect{fix(b.Min.X), fix(b.Min.Y), fix(b.Max.X), fix(b.Max.Y)}
}

// maxMeasures bounds the measures kept: a frame of the NATO view measures
// some two hundred strings, about 100 bytes each kept.
const maxMeasures = 4096

type measureKey struct {
	face font.Face
	s    string
}

type measured struct {
	width float64
	ink   Rect
}

// measures are the measured strings, by face and text, safe for
// concurrent use.
var measures = struct {
	mu sync.Mutex
	m  map[measureKey]measured
}{m: map[measureKey]measured{}}

func fix(v fixed.Int26_6) float64 { return float64(v) / 64 }

// lineSpacing is the distance between the baselines of a two-line name,
// in ems.
const lineSpacing = 1.05

// text is a name measured at one size, on one line or two, that can be
// placed with its ink box centred on a point.
type text struct {
	s     string
	size  float64
	bold  bool
	halo  float64
	lines []textLine
	ink   Rect // of all lines, relative to the block's origin
}

// textLine is one line of a text: its baseline's left end relative to the
// block's origin (the first baseline, at the block's horizontal centre).
type textLine struct {
	s      string
	width  float64
	dx, dy float64
}

// newText measures s on one line.
func newText(face FaceFunc, s string, size float64, bold bool) text {
	return newLines(face, []string{s}, size, bold)
}

// newLines measures the lines, each centred under the one before.
func newLines(face FaceFunc, lines []string, size float64, bold bool) text {
	f := face(bold, size)
	t := text{s: strings.Join(lines, " "), size: size, bold: bold, halo: math.Max(1, size*haloScale)}
	for i, l := range lines {
		w, ink := measure(f, l)
		tl := textLine{s: l, width: w, dx: -w / 2, dy: float64(i) * math.Round(size*lineSpacing)}
		ink = ink.Offset(tl.dx, tl.dy)
		if i == 0 {
			t.ink = ink
		} else {
			t.ink = Rect{math.Min(t.ink.X0, ink.X0), math.Min(t.ink.Y0, ink.Y0), math.Max(t.ink.X1, ink.X1), math.Max(t.ink.Y1, ink.Y1)}
		}
		t.lines = append(t.lines, tl)
	}
	return t
}

// twoLines returns s broken at the space that makes the longer line
// shortest, and false for a single word.
func twoLines(face FaceFunc, s string, size float64, bold bool) (text, bool) {
	words := strings.Fields(s)
	if len(words) < 2 {
		return text{}, false
	}
	f := face(bold, size)
	best, bestW := 0, math.Inf(1)
	for i := 1; i < len(words); i++ {
		a, _ := measure(f, strings.Join(words[:i], " "))
		b, _ := measure(f, strings.Join(words[i:], " "))
		if w := math.Max(a, b); w < bestW {
			best, bestW = i, w
		}
	}
	return newLines(face, []string{strings.Join(words[:best], " "), strings.Join(words[best:], " ")}, size, bold), true
}

// at returns the halo'd ink box of t centred on (cx, cy), and its lines'
// baselines.
func (t text) at(cx, cy float64) (box Rect, lines []Line) {
	ox := cx - (t.ink.X0+t.ink.X1)/2
	oy := cy - (t.ink.Y0+t.ink.Y1)/2
	for _, l := range t.lines {
		lines = append(lines, Line{Text: l.s, X: ox + l.dx, Y: oy + l.dy, Width: l.width})
	}
	return t.boxAt(cx, cy), lines
}

// boxAt returns the halo'd ink box of t centred on (cx, cy): at's box,
// without making the lines of every place tried.
func (t text) boxAt(cx, cy float64) Rect {
	ox := cx - (t.ink.X0+t.ink.X1)/2
	oy := cy - (t.ink.Y0+t.ink.Y1)/2
	b := t.ink.Offset(ox, oy)
	return Rect{b.X0 - t.halo, b.Y0 - t.halo, b.X1 + t.halo, b.Y1 + t.halo}
}

// inkOf returns box, a halo'd box of t, without its halo.
func (t text) inkOf(box Rect) Rect {
	return Rect{box.X0 + t.halo, box.Y0 + t.halo, box.X1 - t.halo, box.Y1 - t.halo}
}

func (t text) boxW() float64 { return t.ink.Dx() + 2*t.halo }
func (t text) boxH() float64 { return t.ink.Dy() + 2*t.halo }
