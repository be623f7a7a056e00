package export

import (
	"bytes"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"image"
	"image/png"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type chunk struct {
	typ  string
	data []byte
}

// chunks splits a PNG stream, checking every CRC.
func chunks(t *testing.T, b []byte) []chunk {
	t.Helper()
	require.Equal(t, "\x89PNG\r\n\x1a\n", string(b[:8]))
	var out []chunk
	for b = b[8:]; len(b) > 0; {
		n := int(binary.BigEndian.Uint32(b))
		typ, data := string(b[4:8]), b[8:8+n]
		crc := binary.BigEndian.Uint32(b[8+n:])
		assert.Equal(t, crc32.ChecksumIEEE(b[4:8+n]), crc, "CRC of %s", typ)
		out = append(out, chunk{typ, data})
		b = b[12+n:]
	}
	return out
}

func TestPNGMetadata(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(o *Options)
		ppm   uint32
		title string
		iTXt  bool
	}{
		{"default 96 DPI", func(o *Options) {}, 3780, "CSTO member states, 2024", false},
		{"scale 2 doubles the DPI", func(o *Options) { o.Scale = 2 }, 7559, "CSTO member states, 2024", false},
		{"A4 at 300 DPI", func(o *Options) { o.DPI = 300 }, 11811, "CSTO member states, 2024", false},
		{"Latin-1 title stays tEXt", func(o *Options) { o.Title = "Zürich, {year}" }, 3780, "Zürich, 2024", false},
		{"Romanian title is iTXt", func(o *Options) { o.Title = "Chișinău, {year}" }, 3780, "Chișinău, 2024", true},
		{"Cyrillic title is iTXt", func(o *Options) { o.Title = "ОДКБ, {year}" }, 3780, "ОДКБ, 2024", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := testOptions(t, 320, 200)
			tc.edit(&o)
			var buf bytes.Buffer
			img, err := Render(o)
			require.NoError(t, err)
			require.NoError(t, EncodePNGMeta(&buf, img, MetaOf(o)))
			cs := chunks(t, buf.Bytes())
			require.Equal(t, "IHDR", cs[0].typ)
			assert.Equal(t, "IEND", cs[len(cs)-1].typ)
			text := map[string]string{}
			var phys []byte
			titleChunk := ""
			for i, c := range cs {
				switch c.typ {
				case "tEXt":
					k, v, _ := strings.Cut(string(c.data), "\x00")
					// Latin-1 back to UTF-8.
					r := make([]rune, len(v))
					for j := 0; j < len(v); j++ {
						r[j] = rune(v[j])
					}
					text[k] = string(r)
					if k == "Title" {
						titleChunk = c.typ
					}
					assert.Less(t, i, 10, "text before the image data")
				case "iTXt":
					k, rest, _ := strings.Cut(string(c.data), "\x00")
					require.True(t, strings.HasPrefix(rest, "\x00\x00\x00\x00"), "uncompressed, no language")
					text[k] = rest[4:]
					if k == "Title" {
						titleChunk = c.typ
					}
				case "pHYs":
					phys = c.data
				}
			}
			assert.Equal(t, tc.title, text["Title"])
			assert.Equal(t, map[bool]string{false: "tEXt", true: "iTXt"}[tc.iTXt], titleChunk)
			assert.Equal(t, "2024", text["Year"])
			assert.Equal(t, "CSTO (Collective Security Treaty Organization)", text["Alliance"])
			assert.Equal(t, SourceLine, text["Source"])
			require.Len(t, phys, 9)
			assert.Equal(t, tc.ppm, binary.BigEndian.Uint32(phys[0:]))
			assert.Equal(t, tc.ppm, binary.BigEndian.Uint32(phys[4:]))
			assert.Equal(t, byte(1), phys[8], "unit is the metre")
			// Still a valid PNG for a standard decoder.
			decoded, err := png.Decode(bytes.NewReader(buf.Bytes()))
			require.NoError(t, err)
			w, h := o.PixelSize()
			assert.Equal(t, [2]int{w, h}, [2]int{decoded.Bounds().Dx(), decoded.Bounds().Dy()})
		})
	}
}

func TestInsertChunksRejectsNonPNG(t *testing.T) {
	assert.Error(t, insertChunks(&bytes.Buffer{}, []byte("GIF89a and more bytes than a header of a PNG"), Meta{}))
	assert.Error(t, insertChunks(&bytes.Buffer{}, make([]byte, 40), Meta{Text: []KeyValue{{"", "x"}}}))
}

// TestFastEncoderLossless round-trips images of awkward sizes through the
// parallel encoder and image/png's decoder.
func TestFastEncoderLossless(t *testing.T) {
	for _, sz := range [][2]int{{1, 1}, {3, 1}, {1, 7}, {257, 255}, {1000, 333}} {
		img := image.NewRGBA(image.Rect(0, 0, sz[0], sz[1]))
		rng := rand.New(rand.NewPCG(1, uint64(sz[0])))
		for i := range img.Pix {
			img.Pix[i] = uint8(rng.IntN(256))
			if i%4 == 3 {
				img.Pix[i] = 0xff
			}
		}
		// Some flat rows too, as in a map.
		for y := sz[1] / 2; y < sz[1]; y += 3 {
			copy(img.Pix[img.PixOffset(0, y):], img.Pix[img.PixOffset(0, 0):img.PixOffset(sz[0], 0)])
		}
		var buf bytes.Buffer
		require.NoError(t, EncodePNGMeta(&buf, img, Meta{DPI: 96}))
		cs := chunks(t, buf.Bytes())
		assert.Equal(t, "pHYs", cs[1].typ)
		got, err := png.Decode(bytes.NewReader(buf.Bytes()))
		require.NoError(t, err, "%v", sz)
		for y := 0; y < sz[1]; y++ {
			for x := 0; x < sz[0]; x++ {
				r, g, b, a := got.At(x, y).RGBA()
				want := img.RGBAAt(x, y)
				if uint8(r>>8) != want.R || uint8(g>>8) != want.G || uint8(b>>8) != want.B || a != 0xffff {
					t.Fatalf("%v: pixel (%d,%d) = %v, want %v", sz, x, y, got.At(x, y), want)
				}
			}
		}
	}
}

// TestTranslucentFallsBack keeps alpha through image/png for images that
// are not opaque.
func TestTranslucentFallsBack(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Pix[3] = 0x80
	var buf bytes.Buffer
	require.NoError(t, EncodePNGMeta(&buf, img, Meta{Text: []KeyValue{{"Title", "x"}}}))
	got, err := png.Decode(&buf)
	require.NoError(t, err)
	_, _, _, a := got.At(0, 0).RGBA()
	assert.Equal(t, uint32(0x8080), a)
}

func TestAdler32Combine(t *testing.T) {
	a, b := []byte("The map of the CSTO"), []byte(" over thirty years.")
	assert.Equal(t, adler32.Checksum(append(a, b...)), adler32Combine(adler32.Checksum(a), adler32.Checksum(b), len(b)))
}

// TestPNGTextChunksSanitised writes hostile values and decodes the text
// chunks: tEXt must be Latin-1 with no control byte but newline, and iTXt
// valid UTF-8 with no control character but newline.
func TestPNGTextChunksSanitised(t *testing.T) {
	cases := []struct {
		name, value, want, typ string
	}{
		{"C0 control", "a\x01b", "ab", "tEXt"},
		{"terminal escape", "\x1b]52;c;AAAA\x07x", "]52;c;AAAAx", "tEXt"},
		{"NUL", "a\x00b", "ab", "tEXt"},
		{"DEL and C1", "a\x7fb\u0085c\u009b", "abc", "tEXt"},
		{"newline kept", "two\nlines", "two\nlines", "tEXt"},
		{"Latin-1 kept", "Zürich ½", "Zürich ½", "tEXt"},
		{"invalid UTF-8 goes to iTXt as U+FFFD", "a\xffb", "a\uFFFDb", "iTXt"},
		{"Cyrillic with controls", "ОДКБ\x00\x1b[0m", "ОДКБ[0m", "iTXt"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			img := image.NewRGBA(image.Rect(0, 0, 2, 2))
			for i := range img.Pix {
				img.Pix[i] = 0xff
			}
			var buf bytes.Buffer
			require.NoError(t, EncodePNGMeta(&buf, img, Meta{Text: []KeyValue{{"Title", tc.value}}}))
			var found bool
			for _, c := range chunks(t, buf.Bytes()) {
				switch c.typ {
				case "tEXt":
					k, v, ok := strings.Cut(string(c.data), "\x00")
					require.True(t, ok)
					assert.Equal(t, "Title", k)
					for _, b := range []byte(v) {
						assert.True(t, b == '\n' || (b >= 0x20 && b < 0x7f) || b >= 0xa0, "tEXt byte %#x", b)
					}
					r := make([]rune, len(v))
					for j := 0; j < len(v); j++ {
						r[j] = rune(v[j])
					}
					assert.Equal(t, tc.want, string(r))
					assert.Equal(t, tc.typ, c.typ)
					found = true
				case "iTXt":
					k, rest, ok := strings.Cut(string(c.data), "\x00")
					require.True(t, ok)
					assert.Equal(t, "Title", k)
					require.True(t, strings.HasPrefix(rest, "\x00\x00\x00\x00"))
					v := rest[4:]
					assert.True(t, utf8.ValidString(v), "iTXt is UTF-8")
					for _, r := range v {
						assert.False(t, r != '\n' && unicode.IsControl(r), "iTXt control %U", r)
					}
					assert.Equal(t, tc.want, v)
					assert.Equal(t, tc.typ, c.typ)
					found = true
				}
			}
			assert.True(t, found, "a text chunk")
			_, err := png.Decode(bytes.NewReader(buf.Bytes()))
			require.NoError(t, err)
		})
	}
}
