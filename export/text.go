package export

import (
	"fmt"
	"image"
	"math"
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
var (
	fontsOnce         sync.Once
	regular, bold     *opentype.Font
	errFonts          error
	svgFontFamily     = "Go, 'Go Regular', 'DejaVu Sans', Arial, Helvetica, sans-serif"
	svgBoldFontFamily = "Go, 'Go Bold', 'DejaVu Sans', Arial, Helvetica, sans-serif"
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

// faces makes font faces on demand. An opentype face is not safe for
// concurrent use, so a faces value belongs to one export.
type faces map[faceKey]font.Face

// face returns the face of the weight at size pixels.
func (fs faces) face(isBold bool, size float64) font.Face {
	k := faceKey{isBold, fixed.Int26_6(math.Round(size * 64))}
	if f, ok := fs[k]; ok {
		return f
	}
	if err := loadFonts(); err != nil {
		panic(fmt.Sprintf("export: embedded Go fonts: %v", err)) // the bytes are compiled in
	}
	src := regular
	if isBold {
		src = bold
	}
	f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: float64(k.size) / 64, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic(fmt.Sprintf("export: font face: %v", err)) // only fails on a bad size
	}
	fs[k] = f
	return f
}

// width returns the advance width of s in pixels.
func (fs faces) width(isBold bool, size float64, s string) float64 {
	return fix(font.MeasureString(fs.face(isBold, size), s))
}

// metrics returns the ascent and descent of the face in pixels.
func (fs faces) metrics(isBold bool, size float64) (ascent, descent float64) {
	m := fs.face(isBold, size).Metrics()
	return fix(m.Ascent), fix(m.Descent)
}

// inkAbove returns how far the glyphs of s reach above the baseline.
func (fs faces) inkAbove(isBold bool, size float64, s string) float64 {
	b, _ := font.BoundString(fs.face(isBold, size), s)
	return -fix(b.Min.Y)
}

func fix(v fixed.Int26_6) float64 { return float64(v) / 64 }

// drawText draws t onto dst.
func (fs faces) drawText(dst *image.RGBA, t textItem) {
	f := fs.face(t.Bold, t.Size)
	x := t.X
	if t.Anchor == anchorEnd {
		x -= fs.width(t.Bold, t.Size, t.Text)
	}
	d := font.Drawer{
		Dst:  dst,
		Src:  image.NewUniform(t.Colour),
		Face: f,
		Dot:  fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(t.Y * 64))},
	}
	d.DrawString(t.Text)
}
