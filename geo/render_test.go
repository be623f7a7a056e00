package geo_test

import (
	"flag"
	"image"
	"image/color"
	"math"
	"path/filepath"
	"testing"

	"cstomap/geo"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden images in testdata/golden")

func renderDefault(t testing.TB, w, h int, st geo.Style, selected string) (*image.RGBA, geo.Viewport) {
	t.Helper()
	r := geo.NewRenderer(testWorld(t))
	v := testFraming.View(r.Projected(testFraming.Proj), w, h)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r.Render(img, geo.Frame{View: v, Style: st, Paint: cstoPalette, Selected: selected})
	return img, v
}

func TestRenderColoursCapitals(t *testing.T) {
	for _, st := range []struct {
		name  string
		style geo.Style
	}{{"light", geo.LightStyle}, {"dark", geo.DarkStyle}} {
		t.Run(st.name, func(t *testing.T) {
			img, v := renderDefault(t, 1920, 1080, st.style, "")
			for _, c := range []struct {
				name, iso string
				lon, lat  float64
			}{
				{"Moscow", "RUS", 37.6176, 55.7558},
				{"Astana", "KAZ", 71.4304, 51.1282},
				{"Minsk", "BLR", 27.5667, 53.9},
				{"Yerevan", "ARM", 44.5126, 40.1776},
				{"Tashkent", "UZB", 69.2401, 41.2995},
				{"Kyiv", "UKR", 30.5234, 50.4501},
				{"Ulaanbaatar", "MNG", 106.9057, 47.8864},
				{"Chukotka east of 180", "RUS", -176.0, 66.8},
			} {
				x, y := v.Pixel(c.lon, c.lat)
				got := img.RGBAAt(int(x), int(y))
				assert.Equal(t, cstoPalette(c.iso).Fill, got, "%s (%s) at %.0f,%.0f", c.name, c.iso, x, y)
			}
			// Sea stays sea.
			x, y := v.Pixel(50.5, 42.0) // Caspian
			assert.Equal(t, st.style.Sea, img.RGBAAt(int(x), int(y)))
		})
	}
}

// TestRenderNoSeamInRussia walks along the 180° meridian through Chukotka
// and checks that no border is stroked there: every pixel keeps Russia's
// colour.
func TestRenderNoSeamInRussia(t *testing.T) {
	img, v := renderDefault(t, 1920, 1080, geo.LightStyle, "")
	want := cstoPalette("RUS").Fill
	for lat := 65.4; lat <= 68.5; lat += 0.05 { // coast to coast, inland
		x, y := v.Pixel(180, lat)
		for dx := -1; dx <= 1; dx++ {
			got := img.RGBAAt(int(x)+dx, int(y))
			assert.Equal(t, want, got, "seam visible at 180°E %.2f°N", lat)
		}
	}
	// Same along Perekop, where Crimea joins the mainland of Ukraine.
	uw := cstoPalette("UKR").Fill
	for lon := 33.7; lon <= 34.3; lon += 0.05 {
		x, y := v.Pixel(lon, 46.15)
		assert.Equal(t, uw, img.RGBAAt(int(x), int(y)), "line across Crimea's isthmus at %.2f°E", lon)
	}
}

// TestRenderNoStreaks checks that nothing is drawn across the open ocean in
// the far corners of the view: the Americas and the Pacific are split at the
// projection's seam, not smeared across the map.
func TestRenderNoStreaks(t *testing.T) {
	r := geo.NewRenderer(testWorld(t))
	pr := r.Projected(testFraming.Proj)
	// Zoomed out to the whole globe: any smeared polygon would cross the
	// big empty Pacific south of Kamchatka and north of Antarctica.
	v := testFraming.View(pr, 800, 800).ZoomAt(400, 400, 0.25)
	img := image.NewRGBA(image.Rect(0, 0, 800, 800))
	r.Render(img, geo.Frame{View: v, Style: geo.LightStyle, Paint: cstoPalette})
	for _, p := range [][2]float64{{170, 35}, {-160, 20}, {-140, -30}, {175, -45}, {-125, 10}} {
		x, y := v.Pixel(p[0], p[1])
		if x < 0 || y < 0 || x >= 800 || y >= 800 {
			continue
		}
		assert.Equal(t, geo.LightStyle.Sea, img.RGBAAt(int(x), int(y)), "open ocean at %v is painted", p)
	}
	// A smeared polygon shows up as an edge jumping across the map. Every
	// edge that is stroked or filled as a real border must be short: the
	// longest in the data (Antarctica's coast, where the cone is most
	// stretched) is under 0.2 units of the unit sphere; a streak across the
	// seam would be several units long.
	for _, p := range pr.Parts {
		for ri, ring := range p.Rings {
			for i := 0; i+3 < len(ring); i += 2 {
				if p.Artificial[ri][i/2] {
					continue
				}
				l := math.Hypot(float64(ring[i+2]-ring[i]), float64(ring[i+3]-ring[i+1]))
				require.Less(t, l, 0.25, "edge %d of %s spans the map", i/2, pr.World.Countries[p.Country].ISO)
			}
		}
	}
}

func TestRenderSelectionOutline(t *testing.T) {
	plain, v := renderDefault(t, 1600, 1000, geo.LightStyle, "")
	sel, _ := renderDefault(t, 1600, 1000, geo.LightStyle, "KAZ")
	// A pixel on Kazakhstan's border with Russia changes, one deep inside does not.
	diff := 0
	for i := range plain.Pix {
		if plain.Pix[i] != sel.Pix[i] {
			diff++
		}
	}
	assert.Greater(t, diff, 1000, "the outline is drawn")
	x, y := v.Pixel(67.0, 48.0)
	assert.Equal(t, plain.RGBAAt(int(x), int(y)), sel.RGBAAt(int(x), int(y)))
}

func TestRenderRecolourOnly(t *testing.T) {
	r := geo.NewRenderer(testWorld(t))
	v := testFraming.View(r.Projected(testFraming.Proj), 800, 500)
	a := image.NewRGBA(image.Rect(0, 0, 800, 500))
	b := image.NewRGBA(image.Rect(0, 0, 800, 500))
	r.Render(a, geo.Frame{View: v, Style: geo.LightStyle, Paint: cstoPalette})
	red := color.RGBA{0xd5, 0x5e, 0x00, 0xff}
	r.Render(b, geo.Frame{View: v, Style: geo.LightStyle, Paint: func(iso string) geo.Paint {
		if iso == "KAZ" {
			return geo.Paint{Fill: red}
		}
		return cstoPalette(iso)
	}})
	x, y := v.Pixel(67.0, 48.0)
	assert.Equal(t, red, b.RGBAAt(int(x), int(y)))
	x, y = v.Pixel(37.6, 55.7)
	assert.Equal(t, a.RGBAAt(int(x), int(y)), b.RGBAAt(int(x), int(y)))
}

func TestRenderHatching(t *testing.T) {
	r := geo.NewRenderer(testWorld(t))
	v := testFraming.View(r.Projected(testFraming.Proj), 1600, 1000).ZoomAt(800, 500, 1)
	img := image.NewRGBA(image.Rect(0, 0, 1600, 1000))
	hatch := color.RGBA{0x40, 0x20, 0x00, 0xff}
	r.Render(img, geo.Frame{View: v, Style: geo.LightStyle, Paint: func(iso string) geo.Paint {
		p := cstoPalette(iso)
		if iso == "KAZ" {
			p.Hatch = hatch
		}
		return p
	}})
	x, y := v.Pixel(67.0, 48.0)
	seen := map[color.RGBA]int{}
	for dx := 0; dx < 20; dx++ {
		seen[img.RGBAAt(int(x)+dx, int(y))]++
	}
	assert.Contains(t, seen, hatch)
	assert.Contains(t, seen, cstoPalette("KAZ").Fill)
}

func TestRenderPanicsOnSizeMismatch(t *testing.T) {
	r := geo.NewRenderer(testWorld(t))
	v := testFraming.View(r.Projected(testFraming.Proj), 100, 100)
	assert.Panics(t, func() { r.Render(image.NewRGBA(image.Rect(0, 0, 50, 50)), geo.Frame{View: v}) })
}

// TestRenderGolden compares a small frame with a reviewed image, allowing
// small anti-aliasing differences (see checkGolden). Run with -update to
// rewrite it, look at it, then run again.
func TestRenderGolden(t *testing.T) {
	for _, tc := range []struct {
		name  string
		style geo.Style
	}{{"default-light", geo.LightStyle}, {"default-dark", geo.DarkStyle}} {
		t.Run(tc.name, func(t *testing.T) {
			img, _ := renderDefault(t, 640, 400, tc.style, "ARM")
			path := filepath.Join("testdata", "golden", tc.name+".png")
			require.NoError(t, checkGolden(path, img, *updateGolden, filepath.Join("testdata", "failed")))
		})
	}
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// TestRenderNoSeamOnWrangel checks the island that Natural Earth cuts in two
// at 180°, whose eastern half stops at -179.999951°.
func TestRenderNoSeamOnWrangel(t *testing.T) {
	r := geo.NewRenderer(testWorld(t))
	v := testFraming.View(r.Projected(testFraming.Proj), 1600, 1000)
	x, y := v.Pixel(180, 71.25)
	v = v.ZoomAt(x, y, 12)
	img := image.NewRGBA(image.Rect(0, 0, 1600, 1000))
	r.Render(img, geo.Frame{View: v, Style: geo.LightStyle, Paint: cstoPalette, Selected: "RUS"})
	for lat := 71.05; lat <= 71.45; lat += 0.02 {
		x, y := v.Pixel(180, lat)
		for dx := -3; dx <= 3; dx++ {
			assert.Equal(t, cstoPalette("RUS").Fill, img.RGBAAt(int(x)+dx, int(y)), "line on Wrangel at %.2f°N", lat)
		}
	}
}

// TestCountryIndexAt reads the country under a pixel from the last frame,
// and only for the viewport that frame was drawn for.
func TestCountryIndexAt(t *testing.T) {
	w := testWorld(t)
	r := geo.NewRenderer(w)
	v := testFraming.View(r.Projected(testFraming.Proj), 800, 500)
	_, ok := r.CountryIndexAt(v, 1, 1)
	assert.False(t, ok, "nothing drawn yet")
	r.Render(image.NewRGBA(image.Rect(0, 0, 800, 500)), geo.Frame{View: v, Style: geo.LightStyle})
	kx, ky := v.Pixel(66.9, 48.0) // Kazakhstan's steppe
	tests := []struct {
		name   string
		view   geo.Viewport
		x, y   float64
		want   int
		wantOK bool
	}{
		{"a country", v, kx, ky, w.Index("KAZ"), true},
		{"off the image", v, -5, 10, -1, true},
		{"another view", v.Pan(3, 0), kx, ky, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := r.CountryIndexAt(tt.view, tt.x, tt.y)
			assert.Equal(t, tt.wantOK, ok)
			if ok {
				assert.Equal(t, tt.want, got)
			}
		})
	}
}
