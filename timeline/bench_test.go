package timeline_test

import (
	"io/fs"
	"testing"

	"github.com/stretchr/testify/require"

	"cstomap/assets"
	"cstomap/timeline"
)

// BenchmarkStatuses computes the status of every country for one year, as
// the map does on every year change. Budget: 50 µs.
func BenchmarkStatuses(b *testing.B) {
	m := embedded(b)
	for _, id := range []string{"csto", "nato"} {
		a := m[id]
		b.Run(id, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = a.Statuses(2024, today)
			}
		})
	}
}

// BenchmarkParse parses the bundled CSTO file (done once at start-up).
func BenchmarkParse(b *testing.B) {
	data, err := fs.ReadFile(assets.Alliances, "alliances/csto.json")
	require.NoError(b, err)
	known := knownISO(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := timeline.Parse("csto.json", data, known); err != nil {
			b.Fatal(err)
		}
	}
}
