package labels

import "testing"

// BenchmarkPlaceCSTOHD is the budget: label placement, CSTO view, 1920×1080.
func BenchmarkPlaceCSTOHD(b *testing.B) {
	_, as := load(b)
	a := as["csto"]
	pr, v := framed(b, a, 1920, 1080)
	in := Input{Proj: pr, View: v, Statuses: statuses(a, 2024), Size: 18, Context: true, Face: (&Faces{}).Face}
	Place(in) // the poles, cached per projected world
	b.ResetTimer()
	for b.Loop() {
		Place(in)
	}
}
