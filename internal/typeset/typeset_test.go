package typeset

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMeasureAndWrap(t *testing.T) {
	fs := Faces{}
	w := fs.Width(false, 20, "Armenia")
	assert.Greater(t, w, 40.0)
	assert.Greater(t, fs.Width(true, 20, "Armenia"), w, "bold is wider")
	a, d := fs.Metrics(false, 20)
	assert.InDelta(t, 20, a+d, 6)
	lines, size := fs.FitLines(false, 20, "Collective Security Treaty Organization member states", 300, 2, 9)
	require.LessOrEqual(t, len(lines), 2)
	for _, l := range lines {
		assert.LessOrEqual(t, fs.Width(false, size, l), 300.0)
	}
	assert.Equal(t, "Collective Security Treaty Organization member states", strings.Join(lines, " "))
	e := fs.Ellipsize(false, 20, "United States of America", 100)
	assert.True(t, strings.HasSuffix(e, "…"))
	assert.LessOrEqual(t, fs.Width(false, 20, e), 100.0)
}

func TestAnchorsAndDraw(t *testing.T) {
	fs := Faces{}
	t0 := Text{Text: "1999", X: 100, Y: 30, Size: 16}
	w := fs.Width(false, 16, "1999")
	assert.Equal(t, 100.0, fs.Left(t0))
	t0.Anchor = AnchorEnd
	assert.InDelta(t, 100-w, fs.Left(t0), 1e-9)
	t0.Anchor = AnchorMiddle
	assert.InDelta(t, 100-w/2, fs.Left(t0), 1e-9)
	img := image.NewRGBA(image.Rect(0, 0, 200, 40))
	t0.Colour = color.RGBA{0xff, 0, 0, 0xff}
	fs.Draw(img, t0)
	inked := 0
	for x := 0; x < 200; x++ {
		for y := 0; y < 40; y++ {
			if img.RGBAAt(x, y).R > 0x80 {
				inked++
				assert.InDelta(t, 100, float64(x), w/2+2, "ink within the centred text")
			}
		}
	}
	assert.Greater(t, inked, 20)
}

func TestSVGText(t *testing.T) {
	fs := Faces{}
	s := fs.SVGText("row-label", Text{Text: "A<b>\x01&", X: 10.126, Y: 20, Size: 12, Bold: true, Colour: color.RGBA{1, 2, 3, 255}, Anchor: AnchorEnd})
	assert.Contains(t, s, `class="row-label" x="10.13" y="20"`)
	assert.Contains(t, s, `font-weight="bold" fill="#010203" text-anchor="end"`)
	assert.Contains(t, s, `>A&lt;b&gt;&amp;</text>`, "escaped, the control character dropped")
	assert.NotContains(t, fs.SVGText("", Text{Text: "x", Size: 10}), "class=")
	assert.Equal(t, "3", string(Num(nil, 3.001)))
	assert.Equal(t, "#ff0080", Hex(color.RGBA{0xff, 0, 0x80, 0xff}))
}
