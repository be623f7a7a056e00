package export

import (
	"fmt"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRenderSizes renders every preset and a few odd sizes, light and dark,
// and checks the layout: no two text items or swatches overlap, nothing
// leaves the image, and the map frame is clear of text.
func TestRenderSizes(t *testing.T) {
	sizes := [][2]int{{1600, 1000}, {320, 200}, {16, 16}, {400, 1200}, {1000, 400}}
	for _, p := range Presets {
		sizes = append(sizes, [2]int{p.Width, p.Height})
	}
	for _, sz := range sizes {
		for _, dark := range []bool{false, true} {
			name := fmt.Sprintf("%dx%d-dark=%v", sz[0], sz[1], dark)
			t.Run(name, func(t *testing.T) {
				o := testOptions(t, sz[0], sz[1])
				o.Dark = dark
				require.NoError(t, o.Validate())
				l := o.layout(faces{})
				checkLayout(t, o, l)
				img, err := Render(o)
				require.NoError(t, err)
				assert.Equal(t, sz[0], img.Rect.Dx())
				assert.Equal(t, sz[1], img.Rect.Dy())
				dump(t, "render-"+name+".png", func(path string) error {
					return WriteFile(path, func(w io.Writer) error { return EncodePNGMeta(w, img, MetaOf(o)) })
				})
			})
		}
	}
}
