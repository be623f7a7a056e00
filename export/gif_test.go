package export

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"io"
	"testing"
	"time"

	"cstomap/geo"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGIFFramesAndDelays(t *testing.T) {
	o := testOptions(t, 240, 150)
	var buf bytes.Buffer
	var steps [][2]int
	years := YearsBetween(1992, 1996)
	require.NoError(t, WriteGIF(context.Background(), &buf, o, years, 350*time.Millisecond, func(d, n int) { steps = append(steps, [2]int{d, n}) }))
	g, err := gif.DecodeAll(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	assert.Len(t, g.Image, 5)
	assert.Equal(t, []int{35, 35, 35, 35, 35}, g.Delay, "hundredths of a second")
	assert.Equal(t, 0, g.LoopCount, "loops for ever")
	assert.Equal(t, [][2]int{{1, 6}, {2, 6}, {3, 6}, {4, 6}, {5, 6}, {6, 6}}, steps)
	assert.Equal(t, [2]int{240, 150}, [2]int{g.Config.Width, g.Config.Height})
	assert.Equal(t, 240, g.Image[0].Rect.Dx(), "the first frame is whole")
	for _, f := range g.Image {
		assert.True(t, f.Rect.In(image.Rect(0, 0, 240, 150)))
		assert.LessOrEqual(t, len(f.Palette), 256)
	}
	dump(t, "anim.gif", func(p string) error {
		return WriteFile(p, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err })
	})
}

// TestGIFColours checks that quantising loses next to nothing: the flat
// colours map to themselves and the frame differs from the RGBA render by
// little on average.
func TestGIFColours(t *testing.T) {
	for _, dark := range []bool{false, true} {
		o := testOptions(t, 600, 375)
		o.Dark = dark
		img, err := Render(o)
		require.NoError(t, err)
		pal := gifPalette(o.Palette(), o.mapStyle(o.layout(faces{})))
		assert.LessOrEqual(t, len(pal), 256)
		q := newQuantiser(pal)
		p := q.quantise(img)
		var sum float64
		for i := 0; i < len(img.Pix); i += 4 {
			r, g, b, _ := p.Palette[p.Pix[i/4]].RGBA()
			d := absDiff(img.Pix[i], uint8(r>>8)) + absDiff(img.Pix[i+1], uint8(g>>8)) + absDiff(img.Pix[i+2], uint8(b>>8))
			sum += float64(d)
		}
		mean := sum / float64(len(img.Pix)/4)
		assert.Less(t, mean, 1.0, "mean colour error per pixel, dark=%v", dark)
	}
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

func TestGIFDelayDefaultsAndRounding(t *testing.T) {
	o := testOptions(t, 64, 40)
	for _, tc := range []struct {
		delay time.Duration
		want  int
	}{{0, 70}, {5 * time.Millisecond, 2}, {1234 * time.Millisecond, 123}} {
		var buf bytes.Buffer
		require.NoError(t, WriteGIF(context.Background(), &buf, o, []int{2000}, tc.delay, nil))
		g, err := gif.DecodeAll(&buf)
		require.NoError(t, err)
		assert.Equal(t, []int{tc.want}, g.Delay, "delay %v", tc.delay)
	}
}

func TestGIFCancel(t *testing.T) {
	o := testOptions(t, 240, 150)
	ctx, cancel := context.WithCancel(context.Background())
	var buf bytes.Buffer
	err := WriteGIF(ctx, &buf, o, YearsBetween(1992, 2026), 0, func(done, _ int) {
		if done == 3 {
			cancel()
		}
	})
	assert.True(t, errors.Is(err, context.Canceled), "%v", err)
	// Frames are written as they are drawn: the three before the cancel
	// are there, but not the trailer (WriteFile removes such a file).
	require.NotZero(t, buf.Len())
	assert.NotEqual(t, byte(0x3b), buf.Bytes()[buf.Len()-1], "no trailer")
	g, err := gif.DecodeAll(bytes.NewReader(append(buf.Bytes(), 0x3b)))
	require.NoError(t, err)
	assert.Len(t, g.Image, 3)
}

// TestGIFStreamMatchesEncodeAll writes frames one at a time and compares
// the bytes with image/gif writing them all at once.
func TestGIFStreamMatchesEncodeAll(t *testing.T) {
	pal := color.Palette{color.Black, color.White, color.RGBA{0xff, 0, 0, 0xff}}
	frames := []*image.Paletted{image.NewPaletted(image.Rect(0, 0, 40, 30), pal)}
	for i := range frames[0].Pix {
		frames[0].Pix[i] = uint8(i % 3)
	}
	second := image.NewPaletted(image.Rect(0, 0, 40, 30), pal)
	frames = append(frames, second.SubImage(image.Rect(5, 6, 20, 11)).(*image.Paletted))
	frames = append(frames, second.SubImage(image.Rect(0, 0, 1, 1)).(*image.Paletted))
	all := &gif.GIF{Config: image.Config{ColorModel: pal, Width: 40, Height: 30}}
	var got bytes.Buffer
	g := &gifStream{w: &got, config: all.Config}
	for i, f := range frames {
		all.Image = append(all.Image, f)
		all.Delay = append(all.Delay, 7+i)
		all.Disposal = append(all.Disposal, gif.DisposalNone)
		require.NoError(t, g.frame(f, 7+i, gif.DisposalNone))
	}
	require.NoError(t, g.close())
	var want bytes.Buffer
	require.NoError(t, gif.EncodeAll(&want, all))
	assert.Equal(t, want.Bytes(), got.Bytes())
}

func TestGIFBadYears(t *testing.T) {
	o := testOptions(t, 64, 40)
	assert.Error(t, WriteGIF(context.Background(), io.Discard, o, nil, 0, nil))
	assert.Error(t, WriteGIF(context.Background(), io.Discard, o, []int{1980}, 0, nil))
}

// TestGIFFramesComposite draws the partial frames over each other, as a
// viewer does, and checks that every composited frame is the full frame of
// its year.
func TestGIFFramesComposite(t *testing.T) {
	o := testOptions(t, 300, 180)
	years := []int{1992, 1993, 1999, 2000, 2000, 2024}
	var buf bytes.Buffer
	require.NoError(t, WriteGIF(context.Background(), &buf, o, years, 0, nil))
	g, err := gif.DecodeAll(&buf)
	require.NoError(t, err)
	require.Len(t, g.Image, len(years))
	pal := gifPalette(o.Palette(), o.mapStyle(o.layout(faces{})))
	q := newQuantiser(pal)
	canvas := image.NewPaletted(image.Rect(0, 0, 300, 180), pal)
	small := 0
	for i, f := range g.Image {
		draw.Draw(canvas, f.Rect, f, f.Rect.Min, draw.Src)
		oy := o.forYears(years) // the animation's inset is planned for all its years
		oy.Year = years[i]
		want := q.quantise(oy.render(geo.NewRenderer(o.World), faces{}))
		require.Equal(t, want.Pix, canvas.Pix, "frame %d (%d)", i, years[i])
		if f.Rect.Dx()*f.Rect.Dy() < 300*180/2 {
			small++
		}
	}
	assert.Equal(t, image.Rect(0, 0, 1, 1), g.Image[4].Rect, "a repeated year stores one pixel")
	assert.GreaterOrEqual(t, small, 2, "later frames store only what changed")
}
