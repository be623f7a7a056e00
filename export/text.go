package export

import (
	"image"

	"golang.org/x/image/font"

	"cstomap/internal/typeset"
)

// The text of an export is set in the Go fonts by package typeset, which
// the membership chart (package chart) shares; svgFontFamily and
// svgBoldFontFamily are its SVG font families.
const (
	svgFontFamily     = typeset.FontFamily
	svgBoldFontFamily = typeset.BoldFontFamily
)

// faces makes font faces on demand (see typeset.Faces). An opentype face
// is not safe for concurrent use, so a faces value belongs to one export.
type faces typeset.Faces

// ts returns fs as the typeset.Faces it is.
func (fs faces) ts() typeset.Faces { return typeset.Faces(fs) }

// face returns the face of the weight at size pixels.
func (fs faces) face(isBold bool, size float64) font.Face { return fs.ts().Face(isBold, size) }

// width returns the advance width of s in pixels.
func (fs faces) width(isBold bool, size float64, s string) float64 {
	return fs.ts().Width(isBold, size, s)
}

// metrics returns the ascent and descent of the face in pixels.
func (fs faces) metrics(isBold bool, size float64) (ascent, descent float64) {
	return fs.ts().Metrics(isBold, size)
}

// inkAbove returns how far the glyphs of s reach above the baseline.
func (fs faces) inkAbove(isBold bool, size float64, s string) float64 {
	return fs.ts().InkAbove(isBold, size, s)
}

// drawText draws t onto dst.
func (fs faces) drawText(dst *image.RGBA, t textItem) {
	fs.ts().Draw(dst, t.typeset())
}

// typeset returns t as typeset text.
func (t textItem) typeset() typeset.Text {
	a := typeset.AnchorStart
	if t.Anchor == anchorEnd {
		a = typeset.AnchorEnd
	}
	return typeset.Text{Text: t.Text, X: t.X, Y: t.Y, Size: t.Size, Bold: t.Bold, Colour: t.Colour, Anchor: a}
}

// fitLines breaks s into at most maxLines lines no wider than width (see
// typeset.Faces.FitLines).
func fitLines(fs faces, isBold bool, size float64, s string, width float64, maxLines int, minSize float64) ([]string, float64) {
	return fs.ts().FitLines(isBold, size, s, width, maxLines, minSize)
}
