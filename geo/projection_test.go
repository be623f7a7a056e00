package geo_test

import (
	"math"
	"math/rand"
	"testing"

	"cstomap/geo"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func defaultView(t testing.TB, w, h int) geo.Viewport {
	t.Helper()
	pr := geo.Project(testWorld(t), testFraming.Proj)
	return testFraming.View(pr, w, h)
}

func TestProjectionRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(42))
	v := defaultView(t, 1920, 1080)
	for i := 0; i < 20000; i++ {
		lon := rng.Float64()*360 - 180
		lat := rng.Float64()*170 - 85
		if math.Abs(testFraming.Proj.Seam()-lon) < 1e-6 {
			continue
		}
		x, y := v.Pixel(lon, lat)
		glon, glat, ok := v.LonLat(x, y)
		require.True(t, ok, "lon %g lat %g", lon, lat)
		assert.InDelta(t, lon, glon, 1e-6, "lon at %g,%g", lon, lat)
		assert.InDelta(t, lat, glat, 1e-6, "lat at %g,%g", lon, lat)
	}
}

func TestProjectionOffGlobe(t *testing.T) {
	v := defaultView(t, 1920, 1080)
	// Far outside the projected cone.
	_, _, ok := v.LonLat(-1e6, -1e6)
	assert.False(t, ok)
}

func TestDefaultViewFitsRegion(t *testing.T) {
	v := defaultView(t, 1920, 1080)
	places := map[string][2]float64{
		"Kaliningrad": {20.51, 54.71}, "Sevastopol": {33.52, 44.62}, "Yerevan": {44.51, 40.18},
		"Dushanbe": {68.79, 38.56}, "Vladivostok": {131.9, 43.1}, "Uelen": {-169.8, 66.16},
		"Murmansk": {33.08, 68.97}, "Ashgabat": {58.38, 37.95},
	}
	for name, p := range places {
		x, y := v.Pixel(p[0], p[1])
		assert.True(t, x > 0 && x < 1920 && y > 0 && y < 1080, "%s at %.0f,%.0f is off the default view", name, x, y)
	}
}

func TestZoomAtKeepsPointFixed(t *testing.T) {
	v := defaultView(t, 1920, 1080)
	for _, f := range []float64{2, 0.5, 8} {
		z := v.ZoomAt(300, 700, f)
		lon, lat, ok := v.LonLat(300, 700)
		require.True(t, ok)
		x, y := z.Pixel(lon, lat)
		assert.InDelta(t, 300, x, 1e-6)
		assert.InDelta(t, 700, y, 1e-6)
	}
}

func TestPanMovesContent(t *testing.T) {
	v := defaultView(t, 1920, 1080)
	x0, y0 := v.Pixel(37.6, 55.75)
	p := v.Pan(40, -25)
	x1, y1 := p.Pixel(37.6, 55.75)
	assert.InDelta(t, x0+40, x1, 1e-9)
	assert.InDelta(t, y0-25, y1, 1e-9)
}

func TestAlbersRejectsBadParameters(t *testing.T) {
	_, err := geo.NewAlbers(0, 0, 30, -30)
	assert.Error(t, err)
}

func TestFramingNATO(t *testing.T) {
	f, err := geo.NewFraming(-35, 20, 50, []string{"USA", "CAN", "ISL", "NOR", "FIN", "PRT", "ESP", "TUR", "EST", "GRC"})
	require.NoError(t, err)
	v := f.View(geo.Project(testWorld(t), f.Proj), 1600, 1000)
	in := func(lon, lat float64) bool {
		x, y := v.Pixel(lon, lat)
		return x > 0 && x < 1600 && y > 0 && y < 1000
	}
	for name, p := range map[string][2]float64{
		"Washington": {-77.04, 38.91}, "Anchorage": {-149.9, 61.2}, "Reykjavik": {-21.9, 64.1},
		"Ankara": {32.85, 39.93}, "Helsinki": {24.94, 60.17}, "Lisbon": {-9.14, 38.72}, "Key West": {-81.8, 24.55},
	} {
		assert.True(t, in(p[0], p[1]), name)
	}
	assert.False(t, in(-157.86, 21.31), "Honolulu does not stretch the view")
	_, err = geo.NewFraming(0, 30, -30, nil)
	assert.Error(t, err)
}
