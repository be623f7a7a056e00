package export

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
	"image"
	"io"
	"runtime"
)

// encodeOpaqueRGBA writes img, whose pixels are all opaque, as an 8-bit RGB
// PNG with m's chunks after IHDR. It is what every export writes: much
// faster than image/png for large images, and lossless.
//
// image/png tries all five row filters on every row and compresses on one
// core. Here each row uses the Up filter (an unchanged row becomes zeros,
// and the map's flat areas are mostly unchanged rows), and horizontal
// strips are deflated in parallel, each flushed to a byte boundary and
// concatenated into one zlib stream, as pigz does. The Adler-32 checksums
// of the strips are combined as they are written.
//
// The strips stream: they are about stripBytes of filtered rows each, at
// most two per core are in memory at once, and each is written as its own
// IDAT chunk as soon as it and the ones before it are done. So the encoder
// needs a few megabytes whatever the image's size, on top of the image.
func encodeOpaqueRGBA(w io.Writer, img *image.RGBA, m Meta) error {
	W, H := img.Rect.Dx(), img.Rect.Dy()
	var hdr bytes.Buffer
	hdr.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(W))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(H))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits, truecolour; compression, filter and interlace 0
	writeChunk(&hdr, "IHDR", ihdr[:])
	b := hdr.Bytes()
	if err := insertChunks(w, b, m); err != nil {
		return err
	}

	rows := max(1, stripBytes/(1+3*W))
	n := (H + rows - 1) / rows
	procs := runtime.GOMAXPROCS(0)
	results := make([]chan strip, n)
	for i := range results {
		results[i] = make(chan strip, 1)
	}
	window := make(chan struct{}, 2*procs) // strips in memory
	quit := make(chan struct{})
	defer close(quit)
	go func() {
		for i := range n {
			select {
			case window <- struct{}{}:
			case <-quit:
				return
			}
			y0, y1 := i*rows, min(H, (i+1)*rows)
			go func() { results[i] <- deflateStrip(img, y0, y1, i == n-1) }()
		}
	}()

	adler := uint32(1)
	var chunk bytes.Buffer
	for i := range n {
		s := <-results[i]
		if s.err != nil {
			return s.err
		}
		adler = adler32Combine(adler, s.adler, s.length)
		// The zlib header goes before the first strip's data and the
		// checksum after the last.
		data := s.data
		if i == 0 {
			data = append([]byte{0x78, 0x01}, data...)
		}
		if i == n-1 {
			data = binary.BigEndian.AppendUint32(data, adler)
		}
		chunk.Reset()
		writeChunk(&chunk, "IDAT", data)
		<-window
		if _, err := w.Write(chunk.Bytes()); err != nil {
			return err
		}
	}
	chunk.Reset()
	writeChunk(&chunk, "IEND", nil)
	_, err := w.Write(chunk.Bytes())
	return err
}

// stripBytes is the size of a strip of filtered rows: large enough that
// the deflate streams lose little at the strip boundaries, small enough
// that the strips in flight are a few megabytes.
const stripBytes = 1 << 20

// strip is one strip of rows, filtered and deflated.
type strip struct {
	data   []byte
	adler  uint32 // of the filtered rows
	length int    // of the filtered rows
	err    error
}

// deflateStrip filters rows y0…y1-1 of img with Up (None for row 0) and
// deflates them, flushed to a byte boundary, or closed if last.
func deflateStrip(img *image.RGBA, y0, y1 int, last bool) strip {
	W := img.Rect.Dx()
	raw := make([]byte, 0, (y1-y0)*(1+3*W))
	for y := y0; y < y1; y++ {
		row := img.Pix[img.PixOffset(img.Rect.Min.X, img.Rect.Min.Y+y):][:4*W]
		if y == 0 {
			raw = append(raw, 0) // None: nothing above
			for x := 0; x < 4*W; x += 4 {
				raw = append(raw, row[x], row[x+1], row[x+2])
			}
			continue
		}
		up := img.Pix[img.PixOffset(img.Rect.Min.X, img.Rect.Min.Y+y-1):][:4*W]
		raw = append(raw, 2) // Up
		for x := 0; x < 4*W; x += 4 {
			raw = append(raw, row[x]-up[x], row[x+1]-up[x+1], row[x+2]-up[x+2])
		}
	}
	s := strip{adler: adler32.Checksum(raw), length: len(raw)}
	var out bytes.Buffer
	out.Grow(len(raw)/8 + 64)
	fw, _ := flate.NewWriter(&out, flate.BestSpeed) // only fails on a bad level
	if _, s.err = fw.Write(raw); s.err != nil {
		return s
	}
	if last {
		s.err = fw.Close()
	} else {
		s.err = fw.Flush()
	}
	s.data = out.Bytes()
	return s
}

// adler32Combine returns the Adler-32 of A followed by B from the checksums
// of A and of B (which is lenB bytes long), as zlib's adler32_combine does.
func adler32Combine(a, b uint32, lenB int) uint32 {
	const mod = 65521
	rem := uint64(lenB % mod)
	a1, a2 := uint64(a&0xffff), uint64(a>>16)
	b1, b2 := uint64(b&0xffff), uint64(b>>16)
	s1 := (a1 + b1 + mod - 1) % mod
	s2 := (a2 + b2 + rem*a1 + mod - rem) % mod
	return uint32(s2<<16 | s1)
}
