package geo_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/geo"
)

// testFraming is a Eurasian framing like the CSTO file's "map" block, for
// tests that need one; the package itself knows no alliance.
var testFraming = geo.Framing{
	Proj: geo.MustAlbers(80, 55, 45, 65),
	Fit: []string{"RUS", "BLR", "UKR", "MDA", "EST", "LVA", "LTU",
		"GEO", "ARM", "AZE", "KAZ", "KGZ", "TJK", "UZB", "TKM", "MNG"},
}

// TestFramingFitsAtEverySize checks that every fitted country lies inside
// the image with the margin, landscape and portrait, small and large.
func TestFramingFitsAtEverySize(t *testing.T) {
	w := testWorld(t)
	pr := geo.Project(w, testFraming.Proj)
	region := geo.RegionBound(pr, testFraming.Fit)
	for _, sz := range [][2]int{{640, 480}, {800, 600}, {1200, 675}, {1080, 1080}, {800, 1200}, {1920, 1080}, {3840, 2160}, {480, 640}} {
		v := testFraming.View(pr, sz[0], sz[1])
		m := geo.FitMargin * float64(min(sz[0], sz[1]))
		x0, y0 := v.FromProjected(region.Min[0], region.Max[1])
		x1, y1 := v.FromProjected(region.Max[0], region.Min[1])
		assert.GreaterOrEqual(t, x0, m-0.5, "%v left", sz)
		assert.GreaterOrEqual(t, y0, m-0.5, "%v top", sz)
		assert.LessOrEqual(t, x1, float64(sz[0])-m+0.5, "%v right", sz)
		assert.LessOrEqual(t, y1, float64(sz[1])-m+0.5, "%v bottom", sz)
		// The box touches the margin on one axis at least: it is fitted,
		// not just shown.
		assert.True(t, x0 < m+1 || y0 < m+1, "%v: not fitted (%g, %g)", sz, x0, y0)
	}
}

func TestAutoFraming(t *testing.T) {
	w := testWorld(t)
	f, err := geo.AutoFraming(w, []string{"FRA", "DEU", "POL"})
	require.NoError(t, err)
	assert.InDelta(t, 12, f.Proj.Lon0, 8, "centred on central Europe")
	assert.Greater(t, f.Proj.Lat1, 40.0)
	_, err = geo.AutoFraming(w, []string{"XXX"})
	assert.ErrorIs(t, err, geo.ErrUnknownCountry)
}
