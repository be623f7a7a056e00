package export

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// encoder favours speed: the map's large flat areas compress well even at
// the fastest level, and default compression would take most of an
// export's time.
var encoder = png.Encoder{CompressionLevel: png.BestSpeed}

// Meta is the text and resolution recorded in a PNG.
type Meta struct {
	// Text holds keyword/value pairs, written in order as tEXt chunks, or
	// iTXt (UTF-8) when the value is not Latin-1. Keywords are 1–79
	// Latin-1 characters.
	Text []KeyValue
	// DPI is recorded as pixels per metre in pHYs; 0 writes no pHYs.
	DPI float64
}

// KeyValue is one text chunk.
type KeyValue struct{ Key, Value string }

// MetaOf returns the metadata of o's image: its title, year, alliance,
// sources and resolution.
func MetaOf(o Options) Meta {
	return Meta{
		Text: []KeyValue{
			{"Title", o.TitleText()},
			{"Year", strconv.Itoa(o.Year)},
			{"Alliance", allianceIn(o)},
			{"Source", o.SourceText()},
			{"Software", "CSTO Map"},
		},
		DPI: o.PixelDPI(),
	}
}

// EncodePNGMeta writes img as PNG with m's text chunks and pHYs inserted
// right after IHDR. An opaque *image.RGBA (every export) goes through the
// fast parallel encoder; anything else through image/png, whose chunk
// stream is then rewritten.
func EncodePNGMeta(w io.Writer, img image.Image, m Meta) error {
	if rgba, ok := img.(*image.RGBA); ok && opaque(rgba) {
		return encodeOpaqueRGBA(w, rgba, m)
	}
	var buf bytes.Buffer
	if err := encoder.Encode(&buf, img); err != nil {
		return err
	}
	return insertChunks(w, buf.Bytes(), m)
}

// opaque reports whether every pixel of img has alpha 0xff.
func opaque(img *image.RGBA) bool {
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		row := img.Pix[img.PixOffset(img.Rect.Min.X, y):][:4*img.Rect.Dx()]
		for i := 3; i < len(row); i += 4 {
			if row[i] != 0xff {
				return false
			}
		}
	}
	return true
}

// pngHeaderLen is the signature (8) plus the IHDR chunk (4+4+13+4).
const pngHeaderLen = 8 + 25

// insertChunks writes the PNG stream b with m's chunks after IHDR.
func insertChunks(w io.Writer, b []byte, m Meta) error {
	if len(b) < pngHeaderLen || string(b[12:16]) != "IHDR" {
		return errors.New("export: not a PNG stream")
	}
	var extra bytes.Buffer
	if m.DPI > 0 {
		ppm := uint32(math.Round(m.DPI / 0.0254))
		var d [9]byte
		binary.BigEndian.PutUint32(d[0:], ppm)
		binary.BigEndian.PutUint32(d[4:], ppm)
		d[8] = 1 // unit: metre
		writeChunk(&extra, "pHYs", d[:])
	}
	for _, kv := range m.Text {
		if kv.Key == "" || len(kv.Key) > 79 {
			return errors.New("export: bad PNG text keyword " + strconv.Quote(kv.Key))
		}
		value := pngText(kv.Value)
		if v, ok := latin1(value); ok {
			writeChunk(&extra, "tEXt", append(append([]byte(kv.Key), 0), v...))
			continue
		}
		// iTXt: keyword, NUL, compression flag and method (0, 0),
		// language tag and translated keyword (both empty, NUL-ended).
		d := append([]byte(kv.Key), 0, 0, 0, 0, 0)
		writeChunk(&extra, "iTXt", append(d, value...))
	}
	for _, part := range [][]byte{b[:pngHeaderLen], extra.Bytes(), b[pngHeaderLen:]} {
		if _, err := w.Write(part); err != nil {
			return err
		}
	}
	return nil
}

// writeChunk appends one PNG chunk: length, type, data, CRC of type+data.
func writeChunk(b *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	b.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	b.WriteString(typ)
	b.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	b.Write(n[:])
}

// pngText returns s as the PNG specification allows text: valid UTF-8
// (invalid bytes become U+FFFD), with newline as the only control
// character (NUL, the other C0 controls, DEL and the C1 controls are
// dropped).
func pngText(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\n' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// latin1 returns s in ISO 8859-1, or false if it has other characters.
func latin1(s string) ([]byte, bool) {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xff || r == utf8.RuneError {
			return nil, false
		}
		out = append(out, byte(r))
	}
	return out, true
}

// allianceIn names the alliance as it was called in the image's year, e.g.
// "CST (Collective Security Treaty)" in 1995.
func allianceIn(o Options) string {
	n := o.Alliance.NameInYear(o.Year, o.Today)
	return n.Short + " (" + n.Name + ")"
}
