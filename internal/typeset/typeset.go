// Package typeset measures and draws the text of CSTO Map's images (the
// exports and the membership chart) in the Go fonts, and writes the same
// text, numbers and colours into SVG. It is shared by package export and
// package chart, so that both set type the same way; it is pure Go.
package typeset

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The Go fonts (BSD licence) are embedded in golang.org/x/image, so every
// machine draws the same text. SVG names the same family first and falls
// back to sans-serif where the Go fonts are not installed.
const (
	// FontFamily is the SVG font-family of regular text.
	FontFamily = "Go, 'Go Regular', 'DejaVu Sans', Arial, Helvetica, sans-serif"
	// BoldFontFamily is the SVG font-family of bold text.
	BoldFontFamily = "Go, 'Go Bold', 'DejaVu Sans', Arial, Helvetica, sans-serif"
)

var (
	fontsOnce     sync.Once
	regular, bold *opentype.Font
	errFonts      error
)

func loadFonts() error {
	fontsOnce.Do(func() {
		if regular, errFonts = opentype.Parse(goregular.TTF); errFonts != nil {
			return
		}
		bold, errFonts = opentype.Parse(gobold.TTF)
	})
	return errFonts
}

// faceKey names one face: weight and pixel size (in 1/64 px).
type faceKey struct {
	bold bool
	size fixed.Int26_6
}

// Faces makes font faces on demand and keeps them. An opentype face is not
// safe for concurrent use, so a Faces value belongs to one goroutine (one
// export, one chart view). Make one with Faces{}.
type Faces map[faceKey]font.Face

// Face returns the face of the weight at size pixels.
func (fs Faces) Face(isBold bool, size float64) font.Face {
	k := faceKey{isBold, fixed.Int26_6(math.Round(size * 64))}
	if f, ok := fs[k]; ok {
		return f
	}
	if err := loadFonts(); err != nil {
		panic(fmt.Sprintf("typeset: embedded Go fonts: %v", err)) // the bytes are compiled in
	}
	src := regular
	if isBold {
		src = bold
	}
	f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: float64(k.size) / 64, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic(fmt.Sprintf("typeset: font face: %v", err)) // only fails on a bad size
	}
	fs[k] = f
	return f
}

// Width returns the advance width of s in pixels.
func (fs Faces) Width(isBold bool, size float64, s string) float64 {
	return fix(font.MeasureString(fs.Face(isBold, size), s))
}

// Metrics returns the ascent and descent of the face in pixels.
func (fs Faces) Metrics(isBold bool, size float64) (ascent, descent float64) {
	m := fs.Face(isBold, size).Metrics()
	return fix(m.Ascent), fix(m.Descent)
}

// InkAbove returns how far the glyphs of s reach above the baseline.
func (fs Faces) InkAbove(isBold bool, size float64, s string) float64 {
	b, _ := font.BoundString(fs.Face(isBold, size), s)
	return -fix(b.Min.Y)
}

func fix(v fixed.Int26_6) float64 { return float64(v) / 64 }

// Anchor is where a text's X is.
type Anchor int

// The anchors.
const (
	AnchorStart Anchor = iota
	AnchorEnd
	AnchorMiddle
)

// SVG returns the SVG text-anchor of a.
func (a Anchor) SVG() string {
	switch a {
	case AnchorEnd:
		return "end"
	case AnchorMiddle:
		return "middle"
	}
	return "start"
}

// Text is one line of text at a baseline.
type Text struct {
	Text   string
	X, Y   float64 // pixels; Y is the baseline
	Size   float64 // pixels
	Bold   bool
	Colour color.RGBA
	Anchor Anchor
}

// Left returns the x at which t's text starts.
func (fs Faces) Left(t Text) float64 {
	switch t.Anchor {
	case AnchorEnd:
		return t.X - fs.Width(t.Bold, t.Size, t.Text)
	case AnchorMiddle:
		return t.X - fs.Width(t.Bold, t.Size, t.Text)/2
	}
	return t.X
}

// Draw draws t onto dst.
func (fs Faces) Draw(dst *image.RGBA, t Text) {
	x := fs.Left(t)
	d := font.Drawer{
		Dst:  dst,
		Src:  image.NewUniform(t.Colour),
		Face: fs.Face(t.Bold, t.Size),
		Dot:  fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(t.Y * 64))},
	}
	d.DrawString(t.Text)
}

// FitLines breaks s into at most maxLines lines no wider than width,
// shrinking the size down to minSize if that is what it takes, and cuts
// the last line with an ellipsis when even that is not enough. Each try
// takes time linear in len(s).
func (fs Faces) FitLines(isBold bool, size float64, s string, width float64, maxLines int, minSize float64) ([]string, float64) {
	for {
		lines, ok := fs.Wrap(isBold, size, s, width, maxLines)
		if ok || size*0.92 < minSize {
			if !ok {
				lines[len(lines)-1] = fs.Ellipsize(isBold, size, lines[len(lines)-1], width)
			}
			return lines, size
		}
		size = math.Round(size*0.92*4) / 4
	}
}

// Ellipsize cuts s to the longest start that, with "…" added, is no wider
// than width (just "…" if none is). It walks the runes once, adding
// advances and kerning as font.MeasureString does.
func (fs Faces) Ellipsize(isBold bool, size float64, s string, width float64) string {
	const ell = '…'
	f := fs.Face(isBold, size)
	limit, ellW := fixed.Int26_6(math.Floor(width*64)), advance(f, ell)
	var w fixed.Int26_6 // of s[:cut]
	prev := rune(-1)
	fits := func() bool {
		k := fixed.Int26_6(0)
		if prev >= 0 {
			k = f.Kern(prev, ell)
		}
		return w+k+ellW <= limit
	}
	cut := 0
	for i, r := range s {
		if !fits() {
			return strings.TrimRight(s[:cut], " ") + string(ell)
		}
		cut = i
		if prev >= 0 {
			w += f.Kern(prev, r)
		}
		w += advance(f, r)
		prev = r
	}
	if fits() {
		cut = len(s)
	}
	return strings.TrimRight(s[:cut], " ") + string(ell)
}

// advance returns the advance of r in f.
func advance(f font.Face, r rune) fixed.Int26_6 {
	a, _ := f.GlyphAdvance(r)
	return a
}

// Wrap breaks s at spaces into lines no wider than width. ok is false when
// more than maxLines lines are needed or a word is too wide; the lines
// returned then still number at most maxLines, the last holding the rest.
// Each word is measured once, and none after the text is known not to fit.
func (fs Faces) Wrap(isBold bool, size float64, s string, width float64, maxLines int) (lines []string, ok bool) {
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}, true
	}
	space := fs.Width(isBold, size, " ")
	ok = true
	start, cur := 0, fs.Width(isBold, size, words[0])
	for i := 1; i < len(words); i++ {
		if len(lines) == maxLines-1 {
			break // the last line holds the rest
		}
		w := fs.Width(isBold, size, words[i])
		if cur+space+w <= width {
			cur += space + w
			continue
		}
		lines = append(lines, strings.Join(words[start:i], " "))
		start, cur = i, w
	}
	lines = append(lines, strings.Join(words[start:], " "))
	// Sums of word widths leave out kerning across the spaces: measure
	// each line once, exactly.
	for _, l := range lines {
		if fs.Width(isBold, size, l) > width {
			ok = false
		}
	}
	return lines, ok
}
