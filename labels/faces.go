package labels

import (
	"fmt"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Faces makes faces of the Go fonts (the ones every export uses) on
// demand and keeps them. It is safe for concurrent use, but a face it
// returns is not: draw with one goroutine at a time.
type Faces struct {
	mu    sync.Mutex
	faces map[faceKey]font.Face
}

type faceKey struct {
	bold bool
	size fixed.Int26_6
}

var (
	fontsOnce     sync.Once
	regular, bold *opentype.Font
	errFonts      error
	defaultFaces  Faces
)

// Face returns the face of the weight at size pixels. It is a FaceFunc.
func (fs *Faces) Face(isBold bool, size float64) font.Face {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	k := faceKey{isBold, fixed.Int26_6(math.Round(size * 64))}
	if f, ok := fs.faces[k]; ok {
		return f
	}
	fontsOnce.Do(func() {
		if regular, errFonts = opentype.Parse(goregular.TTF); errFonts == nil {
			bold, errFonts = opentype.Parse(gobold.TTF)
		}
	})
	if errFonts != nil {
		panic(fmt.Sprintf("labels: embedded Go fonts: %v", errFonts)) // the bytes are compiled in
	}
	src := regular
	if isBold {
		src = bold
	}
	f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: float64(k.size) / 64, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic(fmt.Sprintf("labels: font face: %v", err)) // only fails on a bad size
	}
	if fs.faces == nil {
		fs.faces = map[faceKey]font.Face{}
	}
	fs.faces[k] = f
	return f
}
