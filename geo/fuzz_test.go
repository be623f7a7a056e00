package geo_test

import (
	"testing"

	"cstomap/geo"

	"github.com/paulmach/orb"
)

// FuzzDecodeCompact checks that any bytes either decode to countries that
// encode back to the same bytes, or fail with an error; never a panic.
func FuzzDecodeCompact(f *testing.F) {
	small := geo.EncodeCompact([]geo.Country{{ISO: "AAA", Name: "A", Sovereign: "BBB", Disputed: true, Geometry: orb.MultiPolygon{{{{0, 0}, {0, 1}, {1, 1}, {0, 0}}}}}})
	f.Add(small)
	f.Add(small[:len(small)-3])
	f.Add([]byte("CSTOGEO2"))
	f.Add([]byte("CSTOGEO2\xff\xff\xff\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := geo.DecodeCompact(data)
		if err != nil {
			return
		}
		if got := geo.EncodeCompact(cs); string(got) != string(data) {
			t.Fatalf("round trip differs: %d bytes in, %d out", len(data), len(got))
		}
	})
}
