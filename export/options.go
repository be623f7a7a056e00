package export

import (
	"image"
	"image/color"

	"cstomap/geo"
)

// Limits on the size of an exported image, in pixels per side.
const (
	MinSize = 16
	MaxSize = 16384
)

// Options describe one exported map.
type Options struct {
	World         *geo.World
	Renderer      *geo.Renderer // optional; one is made for World when nil
	Width, Height int
	// View is the viewport to draw; the zero value means the default view
	// fitted to Width×Height.
	View     *geo.Viewport
	Style    geo.Style // the zero value means geo.LightStyle
	Paint    geo.PaintFunc
	Selected string
}

// NeutralLand is the fill of countries without a status in the light style.
var NeutralLand = color.RGBA{0xe6, 0xe3, 0xdc, 0xff}

// Map renders the map described by o.
func Map(o Options) *image.RGBA {
	r := o.Renderer
	if r == nil {
		r = geo.NewRenderer(o.World)
	}
	st := o.Style
	if st == (geo.Style{}) {
		st = geo.LightStyle
	}
	var v geo.Viewport
	if o.View != nil {
		v = *o.View
	} else {
		v = geo.DefaultView(r.Projected(geo.Eurasia), o.Width, o.Height)
	}
	paint := o.Paint
	if paint == nil {
		paint = func(string) geo.Paint { return geo.Paint{Fill: NeutralLand} }
	}
	img := image.NewRGBA(image.Rect(0, 0, v.W, v.H))
	r.Render(img, geo.Frame{View: v, Style: st, Paint: paint, Selected: o.Selected})
	return img
}
