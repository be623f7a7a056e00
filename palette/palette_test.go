package palette_test

import (
	"image"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/assets"
	"cstomap/export"
	"cstomap/geo"
	"cstomap/palette"
	"cstomap/timeline"
)

var today = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)

func load(t testing.TB) (*geo.World, *timeline.Alliance) {
	t.Helper()
	w, err := geo.LoadCompact(assets.Countries)
	require.NoError(t, err)
	all, err := timeline.LoadFS(assets.Alliances, "alliances", w.Known)
	require.NoError(t, err)
	return w, all[0]
}

func TestPaintByStatus(t *testing.T) {
	for _, p := range []palette.Palette{palette.Light, palette.Dark} {
		t.Run(p.Name, func(t *testing.T) {
			assert.Equal(t, p.Current, p.Paint(timeline.StatusCurrent).Fill)
			assert.Equal(t, p.Departed, p.Paint(timeline.StatusDeparted).Fill)
			th := p.Paint(timeline.StatusThreatening)
			assert.Equal(t, p.Threatening, th.Fill)
			assert.NotZero(t, th.Hatch.A, "threatening is hatched")
			assert.Equal(t, p.Land, p.Paint(timeline.StatusNone).Fill)
			assert.NotEqual(t, p.Land, p.Map.Sea, "non-members are distinct from the sea")
			// All four fills differ.
			seen := map[[3]uint8]bool{}
			for _, c := range [][3]uint8{{p.Current.R, p.Current.G, p.Current.B}, {p.Departed.R, p.Departed.G, p.Departed.B}, {p.Threatening.R, p.Threatening.G, p.Threatening.B}, {p.Land.R, p.Land.G, p.Land.B}} {
				assert.False(t, seen[c])
				seen[c] = true
			}
		})
	}
}

func TestForYear(t *testing.T) {
	_, csto := load(t)
	st := palette.ForYear(csto, nil, 2024, today)
	assert.Equal(t, timeline.StatusThreatening, st["ARM"])
	assert.Equal(t, timeline.StatusDeparted, st["UZB"])
	assert.Equal(t, timeline.StatusNone, st["UKR"])
	paint := palette.Light.PaintFunc(st)
	assert.Equal(t, palette.Light.Current, paint("RUS").Fill)
	assert.Equal(t, palette.Light.Land, paint("FRA").Fill)
}

// TestForYearTerritories checks that territories take their sovereign's
// status in NATO: Greenland and the Faroes with Denmark, Åland with Finland
// from 2023, and a state's own status is unchanged.
func TestForYearTerritories(t *testing.T) {
	w, err := geo.LoadCompact(assets.Countries)
	require.NoError(t, err)
	all, err := timeline.LoadFS(assets.Alliances, "alliances", w.Known)
	require.NoError(t, err)
	var nato *timeline.Alliance
	for _, a := range all {
		if a.ID == "nato" {
			nato = a
		}
	}
	require.NotNil(t, nato)
	cases := []struct {
		iso  string
		year int
		want timeline.Status
	}{
		{"GRL", 1949, timeline.StatusCurrent},
		{"FRO", 2024, timeline.StatusCurrent},
		{"ALA", 2022, timeline.StatusNone},
		{"ALA", 2023, timeline.StatusCurrent},
		{"DNK", 2024, timeline.StatusCurrent},
		{"SWE", 2022, timeline.StatusNone},
	}
	for _, tc := range cases {
		st := palette.ForYear(nato, w.Territories(), tc.year, today)
		assert.Equal(t, tc.want, st[tc.iso], "%s %d", tc.iso, tc.year)
	}
	assert.Equal(t, timeline.StatusNone, palette.ForYear(nato, nil, 2024, today)["GRL"], "without territories")
}

// BenchmarkYearStep is one step of the year slider: the statuses of the
// new year, the paint, and the re-coloured 1920×1080 frame (same view, so
// nothing is re-projected or re-rasterised). Budget: ≤ 15 ms.
func BenchmarkYearStep(b *testing.B) {
	w, csto := load(b)
	r := geo.NewRenderer(w)
	f := export.FramingOf(csto, w)
	v := f.View(r.Projected(f.Proj), 1920, 1080)
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	r.Render(img, geo.Frame{View: v, Style: palette.Light.Map, Paint: palette.Light.PaintFunc(palette.ForYear(csto, nil, 1992, today))})
	b.ReportAllocs()
	year := 1992
	for b.Loop() {
		year++
		if year > 2026 {
			year = 1992
		}
		st := palette.ForYear(csto, nil, year, today)
		r.Render(img, geo.Frame{View: v, Style: palette.Light.Map, Paint: palette.Light.PaintFunc(st), Selected: "ARM"})
	}
}
