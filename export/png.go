package export

import (
	"image"
	"image/png"
	"io"
)

// encoder favours speed: the map's large flat areas compress well even at
// the fastest level, and default compression would take most of an
// export's time.
var encoder = png.Encoder{CompressionLevel: png.BestSpeed}

// EncodePNG writes img as PNG.
func EncodePNG(w io.Writer, img image.Image) error {
	return encoder.Encode(w, img)
}
