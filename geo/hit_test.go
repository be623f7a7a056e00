package geo_test

import (
	"sort"

	"github.com/paulmach/orb"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCountryAtKnownPlaces(t *testing.T) {
	w := testWorld(t)
	cases := []struct {
		name     string
		lon, lat float64
		want     string // "" for sea
	}{
		{"Moscow", 37.6176, 55.7558, "RUS"},
		{"Minsk", 27.5667, 53.9, "BLR"},
		{"Yerevan", 44.5126, 40.1776, "ARM"},
		{"Astana", 71.4304, 51.1282, "KAZ"},
		{"Bishkek", 74.5698, 42.8746, "KGZ"},
		{"Dushanbe", 68.7870, 38.5598, "TJK"},
		{"Tashkent", 69.2401, 41.2995, "UZB"},
		{"Baku", 49.8671, 40.4093, "AZE"},
		{"Tbilisi", 44.7930, 41.7151, "GEO"},
		{"Kaliningrad", 20.5101, 54.7104, "RUS"},
		{"Nakhchivan", 45.4123, 39.2089, "AZE"},
		{"Chukotka east of 180 (Provideniya)", -173.23, 64.42, "RUS"},
		{"Chukotka near Uelen", -170.3, 66.1, "RUS"},
		{"Wrangel Island west half", 179.5, 71.3, "RUS"},
		{"Wrangel Island east half", -179.5, 71.3, "RUS"},
		{"Simferopol", 34.1024, 44.9521, "UKR"},
		{"Sevastopol", 33.5224, 44.6166, "UKR"},
		{"Kerch", 36.47, 45.36, "UKR"},
		{"Sukhumi (Abkhazia)", 41.0168, 43.0015, "GEO"},
		{"Tskhinvali (South Ossetia)", 43.9646, 42.2255, "GEO"},
		{"Tiraspol (Transnistria)", 29.6333, 46.8403, "MDA"},
		{"Stepanakert (Karabakh)", 46.7519, 39.8153, "AZE"},
		{"Sokh enclave (UZB in KGZ)", 71.10, 39.96, "UZB"},
		{"Vorukh enclave (TJK in KGZ)", 70.58, 39.85, "TJK"},
		{"Baikonur", 63.32, 45.63, "KAZ"},
		// Holes and the enclaves that fill them (centroids of the hole rings).
		{"Sokh, hole in KGZ", 71.0823, 40.0028, "UZB"},
		{"Shakhimardan, hole in KGZ", 71.74, 39.9566, "UZB"},
		{"Vorukh, hole in KGZ", 70.5903, 39.8411, "TJK"},
		{"Sarvak, hole in UZB", 70.6108, 40.974, "TJK"},
		{"Artsvashen, hole in AZE", 45.5222, 40.6331, "ARM"},
		{"AZE exclave, hole in ARM", 44.9981, 41.0497, "AZE"},
		{"Washington DC", -77.04, 38.91, "USA"},
		{"Caspian Sea", 50.5, 42.0, ""},
		{"Black Sea", 34.0, 43.0, ""},
		{"Baltic Sea", 19.0, 57.0, ""},
		{"Pacific", -150, 0, ""},
		{"North pole", 0, 90, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := w.CountryAt(tc.lon, tc.lat)
			assert.Equal(t, tc.want != "", ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestCountryAtCapitals checks all 216 Natural Earth capitals. The README of
// the data lists the ones that fall on a coast outside every 1:50m polygon
// (20) or inside another polygon (4, Hargeysa and Laayoune by the borders policy); those are pinned here by name.
func TestCountryAtCapitals(t *testing.T) {
	w := testWorld(t)
	// Codes of the places file that differ from ISO_A3_EH.
	alias := map[string]string{"PSX": "PSE", "SAH": "ESH", "ALD": "ALA", "SDS": "SSD"}
	var sea, other []string
	caps := capitals(t)
	require.Len(t, caps, 216)
	for _, c := range caps {
		want := c.code
		if a, ok := alias[want]; ok {
			want = a
		}
		got, ok := w.CountryAt(c.lon, c.lat)
		switch {
		case !ok:
			sea = append(sea, c.name)
		case got != want:
			other = append(other, c.name+"→"+got)
		}
	}
	sort.Strings(sea)
	sort.Strings(other)
	assert.Len(t, sea, 20, "coastal capitals outside every polygon: %v", sea)
	// Hargeysa (SOL) and Laayoune (MAR in the places file) fall in Somalia
	// and Western Sahara under the borders policy.
	assert.Equal(t, []string{"Hargeysa→SOM", "Jerusalem→PSE", "Laayoune→ESH", "Vatican City→ITA"}, other)
	assert.Subset(t, sea, []string{"Stockholm", "Lisbon", "Reykjavík", "Beirut", "Monaco"})
}

func TestCountryNearCoast(t *testing.T) {
	w := testWorld(t)
	v := defaultView(t, 1600, 1000)
	// Just off the coast of Crimea, in the Black Sea.
	x, y := v.Pixel(33.9, 44.35)
	_, onLand := w.CountryAt(33.9, 44.35)
	require.False(t, onLand, "probe must be at sea")
	iso, ok := w.CountryNear(v, x, y, 6)
	assert.True(t, ok)
	assert.Equal(t, "UKR", iso)
	// Far out at sea nothing is selected.
	x, y = v.Pixel(34.0, 43.0)
	_, ok = w.CountryNear(v, x, y, 6)
	assert.False(t, ok)
}

func TestCountryAtBadInput(t *testing.T) {
	w := testWorld(t)
	for _, p := range [][2]float64{{0, 91}, {0, -91}} {
		_, ok := w.CountryAt(p[0], p[1])
		assert.False(t, ok)
	}
	got, ok := w.CountryAt(37.6176+360, 55.7558)
	assert.True(t, ok)
	assert.Equal(t, "RUS", got, "longitudes wrap")
}

func TestLabelPointIsInside(t *testing.T) {
	w := testWorld(t)
	for _, c := range w.Countries {
		iso := c.ISO
		lon, lat, ok := w.LabelPoint(iso)
		require.True(t, ok, iso)
		got, _ := w.CountryAt(lon, lat)
		if got != iso {
			// Only slivers thinner than the grid fall back to a vertex,
			// which is on the outline.
			c, _ := w.Country(iso)
			assert.Contains(t, c.Geometry[0][0], orb.Point{lon, lat}, "label point of %s is in %q", iso, got)
		}
	}
	_, _, ok := w.LabelPoint("XXX")
	assert.False(t, ok)
}
