package export

import (
	"bytes"
	"context"
	"image/png"
	"io"
	"testing"

	"cstomap/geo"
)

// The stages of an export, in process. The whole-process budgets (1920×1080
// PNG ≤ 250 ms, 3840×2160 ≤ 600 ms, 35-frame 1200×675 GIF ≤ 5 s) are
// measured by the cli package's BenchmarkExportProcess*.

func benchOptions(b *testing.B, w, h int) Options {
	o := testOptions(b, w, h)
	o.Renderer = geo.NewRenderer(o.World)
	return o
}

// BenchmarkRenderHD lays out and draws a 1920×1080 image with a warm
// renderer (the geometry is rasterised once; text and colours every time).
func BenchmarkRenderHD(b *testing.B) {
	o := benchOptions(b, 1920, 1080)
	fs := faces{}
	o.render(o.Renderer, fs)
	b.ReportAllocs()
	for b.Loop() {
		o.render(o.Renderer, fs)
	}
}

// BenchmarkRenderHDCold draws with a new renderer each time: projection and
// rasterisation included, as in a one-shot command-line export.
func BenchmarkRenderHDCold(b *testing.B) {
	o := testOptions(b, 1920, 1080)
	b.ReportAllocs()
	for b.Loop() {
		o.render(geo.NewRenderer(o.World), faces{})
	}
}

func benchEncode(b *testing.B, w, h int, enc func(io.Writer) error) {
	b.Helper()
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := enc(&buf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KiB")
}

// BenchmarkEncodePNGHD is the PNG stage as exported: fastest compression
// plus the metadata chunks.
func BenchmarkEncodePNGHD(b *testing.B) {
	o := benchOptions(b, 1920, 1080)
	img := o.render(o.Renderer, faces{})
	m := MetaOf(o)
	benchEncode(b, 1920, 1080, func(w io.Writer) error { return EncodePNGMeta(w, img, m) })
}

// BenchmarkEncodePNGHDDefaultBaseline is the naive baseline: image/png
// with its default compression.
func BenchmarkEncodePNGHDDefaultBaseline(b *testing.B) {
	o := benchOptions(b, 1920, 1080)
	img := o.render(o.Renderer, faces{})
	benchEncode(b, 1920, 1080, func(w io.Writer) error { return png.Encode(w, img) })
}

func BenchmarkEncodePNG4K(b *testing.B) {
	o := benchOptions(b, 3840, 2160)
	img := o.render(o.Renderer, faces{})
	m := MetaOf(o)
	benchEncode(b, 3840, 2160, func(w io.Writer) error { return EncodePNGMeta(w, img, m) })
}

func BenchmarkSVGHD(b *testing.B) {
	o := benchOptions(b, 1920, 1080)
	benchEncode(b, 1920, 1080, func(w io.Writer) error { return WriteSVG(w, o) })
}

// BenchmarkGIFSocial35 renders, quantises and encodes 35 frames of
// 1200×675.
func BenchmarkGIFSocial35(b *testing.B) {
	o := benchOptions(b, 1200, 675)
	years := YearsBetween(1992, 2026)
	benchEncode(b, 1200, 675, func(w io.Writer) error { return WriteGIF(context.Background(), w, o, years, 0, nil) })
}

// BenchmarkQuantiseSocial maps one rendered 1200×675 frame to the fixed
// palette.
func BenchmarkQuantiseSocial(b *testing.B) {
	o := benchOptions(b, 1200, 675)
	img := o.render(o.Renderer, faces{})
	q := newQuantiser(gifPalette(o.Palette(), o.mapStyle(o.layout(faces{}))))
	q.quantise(img)
	b.ReportAllocs()
	for b.Loop() {
		q.quantise(img)
	}
}

// BenchmarkEncodePNGHDBestSpeedStdlib is the encoder exports used before
// the parallel one: image/png at its fastest level.
func BenchmarkEncodePNGHDBestSpeedStdlib(b *testing.B) {
	o := benchOptions(b, 1920, 1080)
	img := o.render(o.Renderer, faces{})
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	benchEncode(b, 1920, 1080, func(w io.Writer) error { return enc.Encode(w, img) })
}
