package export

import (
	"fmt"
	"image"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/geo"
	"cstomap/timeline"
)

// statusCountries lists every country of a with a status in some year.
func statusCountries(a *timeline.Alliance) []string {
	var out []string
	for _, c := range a.Countries {
		for _, e := range c.Events {
			if e.Status != timeline.StatusNone {
				out = append(out, c.ISO)
				break
			}
		}
	}
	return out
}

// TestFramingShowsEveryStatusCountry checks, for both alliances at sizes
// from 640×480 to 3840×2160, portrait included, that every country with a
// status in any year lies whole inside the map frame of the export.
func TestFramingShowsEveryStatusCountry(t *testing.T) {
	world, as := load(t)
	r := geo.NewRenderer(world)
	for _, id := range []string{"csto", "nato"} {
		a := as[id]
		isos := statusCountries(a)
		require.NotEmpty(t, isos)
		if id == "csto" {
			assert.Subset(t, isos, []string{"BLR", "GEO", "AZE", "UZB", "ARM"})
		}
		f := FramingOf(a, world)
		pr := r.Projected(f.Proj)
		for _, sz := range [][2]int{{640, 480}, {1200, 675}, {1080, 1080}, {1920, 1080}, {800, 1200}, {3840, 2160}} {
			t.Run(fmt.Sprintf("%s-%dx%d", id, sz[0], sz[1]), func(t *testing.T) {
				o := Options{Scene: Scene{World: world, Alliance: a, Year: 2024, Today: today}, Width: sz[0], Height: sz[1]}
				l := o.layout(faces{})
				require.False(t, l.Map.Empty())
				v := o.view(r, l.Map)
				frame := image.Rect(0, 0, l.Map.Dx(), l.Map.Dy())
				for _, iso := range isos {
					b := geo.RegionBound(pr, []string{iso})
					x0, y0 := v.FromProjected(b.Min[0], b.Max[1])
					x1, y1 := v.FromProjected(b.Max[0], b.Min[1])
					box := image.Rect(int(x0), int(y0), int(x1+1), int(y1+1))
					assert.True(t, box.In(frame), "%s at %v leaves the map frame %v", iso, box, frame)
				}
			})
		}
	}
}
