package export

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"io"
	"time"

	"cstomap/geo"
	"cstomap/palette"
)

// DefaultDelay is the time each year is shown in an animation.
const DefaultDelay = 700 * time.Millisecond

// WriteGIF writes an animated GIF of o with one frame per year, in the
// order given, each shown for delay (rounded to hundredths of a second,
// at least 0.02 s) and the year always in large type. It renders,
// quantises and encodes frame by frame, calling progress after each frame
// and once more at the end (total = len(years)+1), and stops with ctx's
// error as soon as ctx is cancelled.
//
// Frames after the first hold only the rectangle that changed since the
// one before (disposal "none"), which keeps the file small; viewers
// composite them. Colours come from a fixed palette: the style's colours plus the ramps
// anti-aliasing makes between them (see gifPalette), so no dithering is
// needed and frames share one global colour table.
//
// Each frame is written as soon as it is drawn (see gifStream), so the
// memory needed is that of one frame, whatever the number of years.
func WriteGIF(ctx context.Context, w io.Writer, o Options, years []int, delay time.Duration, progress Progress) error {
	if len(years) == 0 {
		return errors.New("export: an animation needs at least one year")
	}
	for _, y := range years {
		oy := o
		oy.Year = y
		if err := oy.Validate(); err != nil {
			return err
		}
	}
	if delay <= 0 {
		delay = DefaultDelay
	}
	cs := max(2, int((delay+5*time.Millisecond)/(10*time.Millisecond)))
	total := len(years) + 1
	o = o.forYears(years)
	o.eventSigns = o.signsOver(years) // one legend for every frame
	fs := faces{}
	l := o.layout(fs)
	pal := gifPalette(o.Palette(), o.mapStyle(l))
	q := newQuantiser(pal)
	out := &gifStream{w: ctxWriter{ctx, w}, config: image.Config{ColorModel: pal, Width: l.W, Height: l.H}}
	// The frame just drawn and the one before, reused from frame to frame.
	var cur, prev *image.Paletted
	for i, y := range years {
		if err := ctx.Err(); err != nil {
			return err
		}
		oy := o
		oy.Year = y
		oy.Hide.Year = false
		img := oy.render(oy.renderer(), fs)
		if cur == nil || cur.Rect != img.Rect {
			cur = image.NewPaletted(img.Rect, pal)
		}
		q.quantiseInto(cur, img)
		// After the first frame, store only the rectangle that changed
		// (drawn over the previous frame): from one year to the next
		// only a few countries, the year and the counts change.
		frame := cur
		if prev != nil {
			frame = cur.SubImage(changed(prev, cur)).(*image.Paletted)
		}
		if err := out.frame(frame, cs, gif.DisposalNone); err != nil {
			return err
		}
		prev, cur = cur, prev
		if progress != nil {
			progress(i+1, total)
		}
	}
	if err := out.close(); err != nil {
		return err
	}
	if progress != nil {
		progress(total, total)
	}
	return nil
}

// gifStream writes an animated GIF one frame at a time, with image/gif
// doing the encoding. image/gif only encodes whole animations, so each
// frame is encoded as a one-frame GIF with the animation's screen size and
// global palette, and its blocks (graphic control extension, image
// descriptor, LZW data) are copied out. The first frame also writes the
// header, the global colour table and the looping block; close writes the
// trailer. The bytes are those gif.EncodeAll writes for all frames at once.
type gifStream struct {
	w       io.Writer
	config  image.Config
	started bool
	buf     bytes.Buffer
}

// frame encodes img, shown for delay hundredths of a second and then left
// as disposal says.
func (g *gifStream) frame(img *image.Paletted, delay int, disposal byte) error {
	g.buf.Reset()
	one := &gif.GIF{Image: []*image.Paletted{img}, Delay: []int{delay}, Disposal: []byte{disposal}, Config: g.config}
	if err := gif.EncodeAll(&g.buf, one); err != nil {
		return err
	}
	b := g.buf.Bytes()
	// Header (6) and logical screen descriptor (7), then the global
	// colour table if the descriptor's top bit says there is one.
	head := 13
	if len(b) < head+1 || b[10]&0x80 == 0 || b[len(b)-1] != 0x3b {
		return errors.New("export: unexpected GIF stream from image/gif")
	}
	head += 3 << (b[10]&7 + 1)
	if !g.started {
		// NETSCAPE2.0 application extension: loop for ever (count 0).
		loop := []byte{0x21, 0xff, 0x0b, 'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0', 0x03, 0x01, 0, 0, 0}
		if _, err := g.w.Write(append(b[:head:head], loop...)); err != nil {
			return err
		}
		g.started = true
	}
	_, err := g.w.Write(b[head : len(b)-1])
	return err
}

// close writes the trailer.
func (g *gifStream) close() error {
	_, err := g.w.Write([]byte{0x3b})
	return err
}

// changed returns the smallest rectangle outside which a and b (of the
// same size) are equal; at least one pixel, as a GIF frame cannot be empty.
func changed(a, b *image.Paletted) image.Rectangle {
	r := image.Rectangle{}
	w := a.Rect.Dx()
	for y := 0; y < a.Rect.Dy(); y++ {
		ra, rb := a.Pix[y*a.Stride:][:w], b.Pix[y*b.Stride:][:w]
		if string(ra) == string(rb) {
			continue
		}
		x0, x1 := 0, w
		for x0 < w && ra[x0] == rb[x0] {
			x0++
		}
		for x1 > x0 && ra[x1-1] == rb[x1-1] {
			x1--
		}
		r = r.Union(image.Rect(x0, y, x1, y+1))
	}
	if r.Empty() {
		r = image.Rect(0, 0, 1, 1)
	}
	return r.Add(a.Rect.Min)
}

// ctxWriter fails its writes once ctx is done, so that a long encode stops
// when the export is cancelled.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// gifPalette returns the colours an export of p can contain: the flat
// colours, and ramps between the pairs that meet at anti-aliased edges
// (text on the background, fills against borders, the sea and the
// selection outline, fills against each other where borders are thin).
// It has at most 256 colours.
func gifPalette(p palette.Palette, st geo.Style) color.Palette {
	outline := mix(p.Text, p.Background, 0.7)
	fills := []color.RGBA{p.Land, p.Current, p.Departed, p.Threatening, p.Hatch}
	flat := append([]color.RGBA{p.Background, p.Text, p.SubtleText, st.Sea, st.Border, st.Selected, outline}, fills...)
	var pal color.Palette
	seen := map[color.RGBA]bool{}
	add := func(c color.RGBA) {
		c.A = 0xff
		if !seen[c] && len(pal) < 256 {
			seen[c] = true
			pal = append(pal, c)
		}
	}
	ramp := func(a, b color.RGBA, steps int) {
		for i := 1; i < steps; i++ {
			add(mix(a, b, float64(i)/float64(steps)))
		}
	}
	for _, c := range flat {
		add(c)
	}
	ramp(p.Text, p.Background, 12)
	ramp(p.SubtleText, p.Background, 8)
	ramp(st.Border, st.Sea, 6)
	for _, f := range fills {
		ramp(f, st.Border, 6)
		ramp(f, st.Sea, 6)
		ramp(f, st.Selected, 5)
		ramp(f, outline, 3)
	}
	ramp(st.Selected, st.Sea, 5)
	ramp(st.Selected, st.Border, 5)
	ramp(outline, p.Background, 3)
	// The names' halo against every fill, and their leader lines.
	for _, f := range append(fills, st.Sea) {
		ramp(f, p.Background, 4)
	}
	ramp(p.SubtleText, st.Sea, 4)
	ramp(p.SubtleText, p.Land, 4)
	for i, a := range fills {
		for _, b := range fills[i+1:] {
			ramp(a, b, 4)
		}
	}
	eventRamps(p, st, add, ramp)
	return pal
}

// quantiser maps colours to the nearest palette entry, remembering each
// answer: an export has few distinct colours and long runs of one.
type quantiser struct {
	pal   color.Palette
	rgb   [][3]int32
	cache map[uint32]uint8
}

func newQuantiser(pal color.Palette) *quantiser {
	q := &quantiser{pal: pal, cache: map[uint32]uint8{}}
	for _, c := range pal {
		r, g, b, _ := c.RGBA()
		q.rgb = append(q.rgb, [3]int32{int32(r >> 8), int32(g >> 8), int32(b >> 8)})
	}
	return q
}

func (q *quantiser) nearest(r, g, b uint8) uint8 {
	best, bestD := 0, int32(1<<30)
	for i, c := range q.rgb {
		dr, dg, db := c[0]-int32(r), c[1]-int32(g), c[2]-int32(b)
		// Weighted towards green, as the eye is.
		if d := 2*dr*dr + 4*dg*dg + 3*db*db; d < bestD {
			best, bestD = i, d
		}
	}
	return uint8(best)
}

// quantise returns img in the palette.
func (q *quantiser) quantise(img *image.RGBA) *image.Paletted {
	out := image.NewPaletted(img.Rect, q.pal)
	q.quantiseInto(out, img)
	return out
}

// quantiseInto writes img in the palette into out, which has img's bounds.
func (q *quantiser) quantiseInto(out *image.Paletted, img *image.RGBA) {
	last, lastIdx := uint32(1<<31), uint8(0) // no colour has bit 31
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		src := img.Pix[img.PixOffset(img.Rect.Min.X, y):][:4*img.Rect.Dx()]
		dst := out.Pix[out.PixOffset(img.Rect.Min.X, y):][:img.Rect.Dx()]
		for x := range dst {
			p := src[4*x : 4*x+4 : 4*x+4]
			k := uint32(p[0]) | uint32(p[1])<<8 | uint32(p[2])<<16
			if k != last {
				idx, ok := q.cache[k]
				if !ok {
					idx = q.nearest(p[0], p[1], p[2])
					q.cache[k] = idx
				}
				last, lastIdx = k, idx
			}
			dst[x] = lastIdx
		}
	}
}

// forYears returns o set up to draw each of years: a renderer per set of
// outlines, and the historical borders' credit in every frame when any
// year draws historical units.
func (o Options) forYears(years []int) Options {
	if o.renderers == nil {
		o.renderers = newRendererCache(o.Renderer)
	}
	for _, y := range years {
		o.creditAll = o.creditAll || o.historical(y)
	}
	return o
}
