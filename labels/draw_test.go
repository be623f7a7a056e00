package labels

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// drawLabelFresh is drawLabel as it was before the masks were cached:
// every name's glyphs drawn and dilated afresh at its own position. The
// cached drawing must match it pixel for pixel.
func drawLabelFresh(dst *image.RGBA, l Label, f font.Face, c color.RGBA, st Style, emph bool, ox, oy float64) {
	box := l.Box.Offset(ox, oy)
	r := image.Rect(int(math.Floor(box.X0)), int(math.Floor(box.Y0)), int(math.Ceil(box.X1)), int(math.Ceil(box.Y1)))
	if r.Empty() {
		return
	}
	glyphs := image.NewAlpha(r)
	lines := l.Lines
	if len(lines) == 0 {
		lines = []Line{{Text: l.Text, X: l.X, Y: l.Y, Width: l.Width}}
	}
	if emph {
		c = st.Emphasis
	}
	for _, ln := range lines {
		d := font.Drawer{Dst: glyphs, Src: image.Opaque, Face: f,
			Dot: fixed.Point26_6{X: fixed.Int26_6(math.Round((ln.X + ox) * 64)), Y: fixed.Int26_6(math.Round((ln.Y + oy) * 64))}}
		d.DrawString(ln.Text)
		if emph {
			th := math.Max(1, math.Round(l.Size*0.06))
			y0 := math.Round(ln.Y + oy + l.Size*0.08)
			fillAlpha(glyphs, image.Rect(int(math.Round(ln.X+ox)), int(y0), int(math.Round(ln.X+ox+ln.Width)), int(y0+th)))
		}
	}
	halo := dilate(glyphs, int(math.Round(l.Halo)))
	draw.DrawMask(dst, r, image.NewUniform(st.Halo), image.Point{}, halo, r.Min, draw.Over)
	draw.DrawMask(dst, r, image.NewUniform(c), image.Point{}, glyphs, r.Min, draw.Over)
}

var testStyle = Style{Member: color.RGBA{0x22, 0x22, 0x22, 0xff}, Context: color.RGBA{0x66, 0x66, 0x66, 0xff},
	Halo: color.RGBA{0xff, 0xff, 0xff, 0xff}, Leader: color.RGBA{0x66, 0x66, 0x66, 0xff}, LeaderWidth: 1,
	Emphasis: color.RGBA{0xc0, 0x20, 0x20, 0xff}}

// translucentStyle has colours that are not opaque (premultiplied), which
// composite by the general formula.
var translucentStyle = Style{Member: color.RGBA{0x10, 0x10, 0x10, 0xc0}, Context: color.RGBA{0x30, 0x30, 0x30, 0x80},
	Halo: color.RGBA{0x90, 0x90, 0x90, 0x90}, Leader: color.RGBA{0x66, 0x66, 0x66, 0xff}, LeaderWidth: 1,
	Emphasis: color.RGBA{0x80, 0x10, 0x10, 0xa0}}

// striped returns a w×h image of stripes: the names' halos and glyphs are
// composited over something other than one colour.
func striped(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetRGBA(x, y, color.RGBA{uint8(40 * ((x + y) / 7 % 4)), 0x90, uint8(y), 0xff})
		}
	}
	return img
}

// TestDrawMatchesFresh draws placed names (both alliances, several sizes
// and offsets, one emphasised, two-line names included) through the mask
// cache, twice so that the second is all hits, and moved by whole pixels
// as panning moves them, and by fractions of a pixel, and checks each image against the names drawn
// afresh.
func TestDrawMatchesFresh(t *testing.T) {
	_, as := load(t)
	faces := (&Faces{}).Face
	tests := []struct {
		alliance string
		w, h     int
		size     float64
		year     int
		emph     string
		ox, oy   float64
	}{
		{"csto", 1200, 675, 11, 2024, "ARM", 0, 0},
		{"csto", 1920, 1080, 25, 2024, "KAZ", 0, 0},
		{"csto", 640, 480, 9, 1999, "", 12, 40},
		{"nato", 600, 400, 9, 2024, "USA", 0.3, 0.7}, // the USA on two lines
		{"nato", 1080, 1080, 14, 1999, "POL", 7.5, 3.25},
	}
	for _, tt := range tests {
		a := as[tt.alliance]
		pr, v := framed(t, a, tt.w, tt.h)
		res := Place(Input{Proj: pr, View: v, Statuses: statuses(a, tt.year), Size: tt.size, MinSize: 9, Context: true, Face: faces})
		require.NotEmpty(t, res.Labels)
		for k, pan := range []float64{0, 0, 1, -3, 0.25, 0.5} {
			st := testStyle
			if k%3 == 2 {
				st = translucentStyle
			}
			ls := make([]Label, len(res.Labels))
			for i, l := range res.Labels {
				ls[i] = l.Moved(pan, -pan)
			}
			w, h := tt.w+int(tt.ox)+4, tt.h+int(tt.oy)+4
			got, want := striped(w, h), striped(w, h)
			Draw(got, ls, faces, st, tt.emph, tt.ox, tt.oy)
			Draw(want, ls, faces, st, tt.emph, tt.ox, tt.oy) // leaders
			want = striped(w, h)
			for _, l := range ls {
				if !l.Leader {
					continue
				}
				lw := math.Max(0.75, st.LeaderWidth)
				x0, y0, x1, y1 := l.LX0+tt.ox, l.LY0+tt.oy, l.LX1+tt.ox, l.LY1+tt.oy
				drawLine(want, x0, y0, x1, y1, lw+2*math.Max(1, l.Halo*0.35), st.Halo)
				drawLine(want, x0, y0, x1, y1, lw, st.Leader)
			}
			for _, l := range ls {
				c := st.Member
				if l.Kind == Context {
					c = st.Context
				}
				drawLabelFresh(want, l, faces(l.Bold, l.Size), c, st, l.ISO == tt.emph && tt.emph != "", tt.ox, tt.oy)
			}
			require.Equal(t, want.Pix, got.Pix, "%s %d×%d size %v pan %v: the cached names differ from fresh ones", tt.alliance, tt.w, tt.h, tt.size, pan)
		}
	}
}

// TestMaskCacheBounded: the masks kept never exceed their bytes, the least
// recently drawn go first, and drawing from several goroutines at once is
// safe (go test -race).
func TestMaskCacheBounded(t *testing.T) {
	c := newMaskCache(64 << 10)
	var fs Faces
	rec := func(s string, x int) *recipe {
		return &recipe{rect: image.Rect(-2, -20, 100, 8), halo: 2, lines: []recipeLine{{text: s, dot: fixed.P(x, 0)}}}
	}
	f := fs.Face(true, 17)
	first := c.get(f, rec("Kazakhstan", 0))
	again := c.get(f, rec("Kazakhstan", 0))
	assert.True(t, first.glyphs == again.glyphs, "a second draw of the same name is a hit")
	assert.False(t, first.glyphs == c.get(f, rec("Kazakhstan", 1)).glyphs, "another position is another mask")
	for i := range 40 {
		c.get(f, rec("Kyrgyzstan", i))
		_, b := c.len()
		require.LessOrEqual(t, b, 64<<10)
	}
	assert.False(t, first.glyphs == c.get(f, rec("Kazakhstan", 0)).glyphs, "the least recently drawn was let go")

	// Each goroutine its own face, as Faces asks.
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			var own Faces
			f := own.Face(g%2 == 0, 15)
			for i := range 50 {
				m := c.get(f, rec("Belarus", i%7))
				assert.NotZero(t, m.glyphs.Rect.Dx())
			}
		})
	}
	wg.Wait()
	n, b := c.len()
	assert.Positive(t, n)
	assert.LessOrEqual(t, b, 64<<10)
}

// TestMeasureKept: a measure kept gives what measuring again gives, and
// the measures kept stay bounded.
func TestMeasureKept(t *testing.T) {
	var fs Faces
	f := fs.Face(true, 13)
	for range 2 {
		w, ink := measure(f, "Bosnia and Herzegovina")
		w0, ink0 := measureNow(f, "Bosnia and Herzegovina")
		assert.Equal(t, w0, w)
		assert.Equal(t, ink0, ink)
	}
	for i := range maxMeasures + 10 {
		measure(f, string(rune('a'+i%26))+string(rune('A'+i/26%26))+string(rune('0'+i/676)))
	}
	measures.mu.Lock()
	n := len(measures.m)
	measures.mu.Unlock()
	assert.LessOrEqual(t, n, maxMeasures)
}

// TestPlaceDrawConcurrent places and draws names from several goroutines
// at once, each with its own faces (as the window and an export do), and
// checks each gets what it gets alone: the caches they share (masks,
// measures, hit tiles) are safe for concurrent use (go test -race).
func TestPlaceDrawConcurrent(t *testing.T) {
	_, as := load(t)
	a := as["nato"]
	pr, v := framed(t, a, 800, 600)
	in := Input{Proj: pr, View: v, Statuses: statuses(a, 2024), Size: 11, MinSize: 9, Context: true}
	alone := func(face FaceFunc) ([]Label, []uint8) {
		in := in
		in.Face = face
		res := Place(in)
		img := striped(800, 600)
		Draw(img, res.Labels, face, testStyle, "POL", 0, 0)
		return res.Labels, img.Pix
	}
	wantLabels, wantPix := alone((&Faces{}).Face)
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			face := (&Faces{}).Face
			for range 3 {
				ls, pix := alone(face)
				assert.Equal(t, wantLabels, ls)
				assert.True(t, slices.Equal(wantPix, pix), "the names drawn differ")
			}
		})
	}
	wg.Wait()
}
