package labels

import (
	"container/list"
	"encoding/binary"
	"image"
	"reflect"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// A name's mask (its glyphs and their halo) depends only on its face, its
// lines' text and their positions relative to the whole pixel at the first
// line's origin, the box it is clipped to (relative to the same pixel), the
// halo's width and the underline. Panning, in the window and in a
// benchmark's alternating viewports, moves every name by whole pixels, so
// the same masks are drawn frame after frame: masks keeps them, and a
// frame's names cost only their compositing. The output is the same, pixel
// for pixel, as drawing them afresh.

// maxMaskBytes bounds the memory the masks keep: about a hundred HiDPI
// names (a frame of the CSTO view holds some thirty). The least recently
// drawn go first.
const maxMaskBytes = 4 << 20

// masks is the cache every Draw shares.
var masks = newMaskCache(maxMaskBytes)

// nameMask is a name drawn at a whole-pixel origin: the glyphs, and the
// glyphs dilated into the halo, over rect (relative to the origin).
type nameMask struct {
	glyphs, halo *image.Alpha
}

// recipe is how a name's mask is drawn, relative to its origin pixel.
type recipe struct {
	rect image.Rectangle // the box the mask is clipped to
	halo int             // the halo's width in pixels
	// lines are the lines' texts and dots (26.6, relative to the origin),
	// with the underline of each (empty when not emphasised).
	lines []recipeLine
}

type recipeLine struct {
	text      string
	dot       fixed.Point26_6
	underline image.Rectangle
}

// key encodes the recipe as a map key.
func (r *recipe) key() string {
	b := make([]byte, 0, 64)
	put := func(vs ...int) {
		for _, v := range vs {
			b = binary.AppendVarint(b, int64(v))
		}
	}
	put(r.rect.Min.X, r.rect.Min.Y, r.rect.Max.X, r.rect.Max.Y, r.halo, len(r.lines))
	for _, l := range r.lines {
		put(len(l.text))
		b = append(b, l.text...)
		u := l.underline
		put(int(l.dot.X), int(l.dot.Y), u.Min.X, u.Min.Y, u.Max.X, u.Max.Y)
	}
	return string(b)
}

// draw draws the recipe's mask with f.
func (r *recipe) draw(f font.Face) nameMask {
	glyphs := image.NewAlpha(r.rect)
	for _, l := range r.lines {
		d := font.Drawer{Dst: glyphs, Src: image.Opaque, Face: f, Dot: l.dot}
		d.DrawString(l.text)
		if !l.underline.Empty() {
			fillAlpha(glyphs, l.underline)
		}
	}
	return nameMask{glyphs: glyphs, halo: dilate(glyphs, r.halo)}
}

// maskKey names a mask: the face that draws it (a face is one font at one
// size) and its encoded recipe.
type maskKey struct {
	face   font.Face
	recipe string
}

// maskCache is a cache of masks bounded by their bytes, least recently
// used out first. It is safe for concurrent use; a mask in it is never
// written again.
type maskCache struct {
	mu    sync.Mutex
	max   int
	bytes int
	lru   list.List // of *maskEntry, most recently used first
	byKey map[maskKey]*list.Element
}

type maskEntry struct {
	key   maskKey
	mask  nameMask
	bytes int
}

func newMaskCache(maxBytes int) *maskCache {
	return &maskCache{max: maxBytes, byKey: map[maskKey]*list.Element{}}
}

// get returns the mask of r drawn with f, from the cache or drawn now
// (with f: a face is for one goroutine at a time, as for every draw).
func (c *maskCache) get(f font.Face, r *recipe) nameMask {
	// A face that is not a pointer may not be comparable, and a map key
	// of it would panic: such faces draw every time. The Go fonts'
	// faces are pointers.
	if t := reflect.TypeOf(f); t == nil || t.Kind() != reflect.Pointer {
		return r.draw(f)
	}
	k := maskKey{face: f, recipe: r.key()}
	c.mu.Lock()
	if e, ok := c.byKey[k]; ok {
		c.lru.MoveToFront(e)
		m := e.Value.(*maskEntry).mask
		c.mu.Unlock()
		return m
	}
	c.mu.Unlock()
	m := r.draw(f)
	n := len(m.glyphs.Pix) + len(m.halo.Pix) + len(k.recipe) + 128
	if n > c.max/8 {
		return m // a name too large to keep a few of
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byKey[k]; ok {
		return m // drawn meanwhile by another goroutine
	}
	c.byKey[k] = c.lru.PushFront(&maskEntry{key: k, mask: m, bytes: n})
	c.bytes += n
	for c.bytes > c.max {
		e := c.lru.Back()
		old := e.Value.(*maskEntry)
		c.lru.Remove(e)
		delete(c.byKey, old.key)
		c.bytes -= old.bytes
	}
	return m
}

// len returns the number of masks kept and their bytes.
func (c *maskCache) len() (n, bytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len(), c.bytes
}
