package geo_test

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"image"
	"image/color"
	"image/png"
	"math/rand"
	"os"
	"strconv"
	"sync"
	"testing"

	"cstomap/assets"
	"cstomap/geo"

	"github.com/stretchr/testify/require"
)

var (
	worldOnce sync.Once
	world     *geo.World
	worldErr  error
)

// testWorld loads the embedded outlines once for all tests.
func testWorld(t testing.TB) *geo.World {
	t.Helper()
	worldOnce.Do(func() { world, worldErr = geo.LoadCompact(assets.Countries) })
	require.NoError(t, worldErr)
	return world
}

type capital struct {
	name, code string
	lon, lat   float64
}

// capitals reads testdata/capitals.csv, a copy of shared/data/naturalearth/capitals.csv
// (Natural Earth 1:50m populated places, public domain; see its README).
func capitals(t testing.TB) []capital {
	t.Helper()
	f, err := os.Open("testdata/capitals.csv")
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	var out []capital
	for _, r := range rows[1:] {
		lon, err := strconv.ParseFloat(r[3], 64)
		require.NoError(t, err)
		lat, err := strconv.ParseFloat(r[4], 64)
		require.NoError(t, err)
		out = append(out, capital{name: r[0], code: r[1], lon: lon, lat: lat})
	}
	return out
}

// cstoPalette is a small fixed colouring used by the rendering tests.
func cstoPalette(iso string) geo.Paint {
	switch iso {
	case "RUS", "BLR", "KAZ", "KGZ", "TJK":
		return geo.Paint{Fill: color.RGBA{0x00, 0x72, 0xb2, 0xff}}
	case "ARM":
		return geo.Paint{Fill: color.RGBA{0xe6, 0x9f, 0x00, 0xff}}
	case "UZB", "AZE", "GEO":
		return geo.Paint{Fill: color.RGBA{0xcc, 0x79, 0xa7, 0xff}}
	}
	return geo.Paint{Fill: color.RGBA{0xe8, 0xe6, 0xe1, 0xff}}
}

func randomViewPoints(v geo.Viewport, n int) [][2]float64 {
	rng := rand.New(rand.NewSource(42))
	pts := make([][2]float64, 0, n)
	for len(pts) < n {
		lon, lat, ok := v.LonLat(rng.Float64()*float64(v.W), rng.Float64()*float64(v.H))
		if ok {
			pts = append(pts, [2]float64{lon, lat})
		}
	}
	return pts
}

func savePNG(t testing.TB, path string, img image.Image) {
	t.Helper()
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, png.Encode(f, img))
	require.NoError(t, f.Close())
}

func sha256hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
