package labels

import (
	"sync"

	"golang.org/x/image/font"

	"cstomap/internal/typeset"
)

// Faces makes faces of the Go fonts (the ones every export uses) on
// demand and keeps them (package typeset). It is safe for concurrent use,
// but a face it returns is not: draw with one goroutine at a time.
type Faces struct {
	mu    sync.Mutex
	faces typeset.Faces
}

var defaultFaces Faces

// Face returns the face of the weight at size pixels. It is a FaceFunc.
func (fs *Faces) Face(isBold bool, size float64) font.Face {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if fs.faces == nil {
		fs.faces = typeset.Faces{}
	}
	return fs.faces.Face(isBold, size)
}
