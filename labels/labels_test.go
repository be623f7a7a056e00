package labels

import (
	"image"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/geo"
	"cstomap/timeline"
)

// largestPart returns the projected rings of iso's largest part in the
// CSTO projection.
func largestPart(tb testing.TB, iso string) [][]float64 {
	tb.Helper()
	_, as := load(tb)
	pr, _ := framed(tb, as["csto"], 100, 100)
	ix := indexOf(pr)
	ci := pr.World.Index(iso)
	require.GreaterOrEqual(tb, ci, 0)
	pl, ok := ix.poleOf(ci)
	require.True(tb, ok)
	var out [][]float64
	for _, r := range pr.Parts[pl.part].Rings {
		f := make([]float64, len(r))
		for i, v := range r {
			f[i] = float64(v)
		}
		out = append(out, f)
	}
	return out
}

func TestPoleSimpleShapes(t *testing.T) {
	square := [][]float64{{0, 0, 10, 0, 10, 10, 0, 10, 0, 0}}
	x, y, d := Pole(square, 0.01)
	assert.InDelta(t, 5, x, 0.05)
	assert.InDelta(t, 5, y, 0.05)
	assert.InDelta(t, 5, d, 0.05)
	// An L: the pole is in the corner square, not at the centroid, which
	// lies near the inner corner.
	l := [][]float64{{0, 0, 10, 0, 10, 2, 2, 2, 2, 10, 0, 10, 0, 0}}
	x, y, d = Pole(l, 0.01)
	assert.InDelta(t, 2/(1+1/math.Sqrt2), d, 0.02) // touches both outer sides and the inner corner
	assert.Positive(t, signedDist(x, y, l))
	// A hole pushes the pole away from the centre.
	holed := [][]float64{{0, 0, 10, 0, 10, 10, 0, 10, 0, 0}, {4, 4, 6, 4, 6, 6, 4, 6, 4, 4}}
	x, y, d = Pole(holed, 0.01)
	assert.Greater(t, math.Hypot(x-5, y-5), 1.0)
	assert.InDelta(t, d, signedDist(x, y, holed), 1e-9)
	// Degenerate input does not panic.
	_, _, d = Pole(nil, 1)
	assert.Zero(t, d)
}

// TestPoleMatchesNaive checks the quadtree search against the exhaustive
// grid on real countries: never worse than the grid by more than the
// precision and the grid's step, and inside the country.
func TestPoleMatchesNaive(t *testing.T) {
	for _, iso := range []string{"RUS", "KAZ", "ARM", "CHL", "NOR", "ITA", "IDN"} {
		rings := largestPart(t, iso)
		minX, minY, maxX, maxY := ringBounds(rings[0])
		size := math.Max(maxX-minX, maxY-minY)
		prec := size * 1e-3
		x, y, d := Pole(rings, prec)
		_, _, dn := PoleNaive(rings, 150)
		assert.Positive(t, d, iso)
		assert.InDelta(t, d, signedDist(x, y, rings), 1e-12, iso)
		assert.GreaterOrEqual(t, d+prec, dn, "%s: the grid found a better point", iso)
		// The grid's best is within a step of the truth.
		assert.LessOrEqual(t, d-dn, size/150, iso)
	}
}

// TestPlaceDeterministicAndComplete places the CSTO's names twice and
// checks they are the same, and that each member in view has one.
func TestPlaceDeterministicAndComplete(t *testing.T) {
	_, as := load(t)
	a := as["csto"]
	pr, v := framed(t, a, 1200, 675)
	in := Input{Proj: pr, View: v, Statuses: statuses(a, 2024), Size: 11, MinSize: 9, Context: true}
	r1, r2 := Place(in), Place(in)
	assert.Equal(t, r1, r2)
	assert.Empty(t, r1.Missing)
	got := map[string]int{}
	for _, l := range r1.Labels {
		got[l.ISO]++
		if l.Kind == Member {
			assert.Equal(t, in.Statuses[l.ISO], l.Status)
			assert.True(t, l.Bold)
		}
	}
	for _, iso := range []string{"RUS", "KAZ", "BLR", "ARM", "KGZ", "TJK", "GEO", "AZE", "UZB"} {
		assert.Equal(t, 1, got[iso], iso)
	}
	assert.Equal(t, 1, got["CHN"], "China, the largest neighbour, is named for context")
	// Russia's name sits at its pole, well inside it, not at its centroid.
	for _, l := range r1.Labels {
		if l.ISO == "RUS" {
			assert.False(t, l.Leader)
		}
		if l.ISO == "ARM" {
			assert.True(t, l.Leader, "Armenia is too small for its name at this size")
		}
	}
}

// TestPlaceOnlyAndSkip is the inset's API: the inset asks for its own
// countries with Only, and the main map leaves them to it with Skip.
func TestPlaceOnlyAndSkip(t *testing.T) {
	_, as := load(t)
	a := as["csto"]
	pr, v := framed(t, a, 1200, 675)
	base := Input{Proj: pr, View: v, Statuses: statuses(a, 2024), Size: 11, Context: true}
	caucasus := []string{"ARM", "AZE", "GEO"}
	main := base
	main.Skip = caucasus
	inset := base
	inset.Only = caucasus
	cx, cy := v.Pixel(45, 41)
	inset.View = v.ZoomAt(cx, cy, 6)
	names := func(r Result) map[string]Kind {
		m := map[string]Kind{}
		for _, l := range r.Labels {
			m[l.ISO] = l.Kind
		}
		return m
	}
	m := names(Place(main))
	for _, iso := range caucasus {
		assert.NotContains(t, m, iso)
	}
	assert.Contains(t, m, "RUS")
	in := names(Place(inset))
	assert.Len(t, in, 3, "only the inset's countries, no context")
}

// TestPlaceRandomViews zooms and pans at random (fixed seed), as the
// window does, and checks the placement's promises in each view.
func TestPlaceRandomViews(t *testing.T) {
	_, as := load(t)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, id := range []string{"csto", "nato"} {
		a := as[id]
		lo, hi := a.YearRange(today)
		pr, v0 := framed(t, a, 1000, 700)
		for i := 0; i < 60; i++ {
			v := v0.ZoomAt(rng.Float64()*1000, rng.Float64()*700, 1+rng.Float64()*10)
			year := lo + rng.IntN(hi-lo+1)
			avoid := []Rect{{10, 10, 120, 60}}
			in := Input{Proj: pr, View: v, Statuses: statuses(a, year), Size: 12, MinSize: 9, Context: true, Avoid: avoid}
			r := Place(in)
			frame := Rect{0, 0, 1000, 700}
			for j, l := range r.Labels {
				require.True(t, l.Box.Within(frame), "%s %d view %d: %s leaves the frame", id, year, i, l.ISO)
				require.False(t, l.Box.Overlaps(avoid[0]), "%s %d view %d: %s covers the reserved box", id, year, i, l.ISO)
				for _, m := range r.Labels[j+1:] {
					require.False(t, l.Box.Overlaps(m.Box), "%s %d view %d: %s and %s overlap", id, year, i, l.ISO, m.ISO)
				}
				if l.Kind == Context {
					require.Equal(t, timeline.StatusNone, in.Statuses[l.ISO])
				}
			}
			assert.Empty(t, r.Missing, "%s %d view %d", id, year, i)
		}
	}
}

func TestSegmentHitsRect(t *testing.T) {
	r := Rect{0, 0, 10, 10}
	assert.True(t, segmentHitsRect(-5, 5, 15, 5, r))
	assert.True(t, segmentHitsRect(5, 5, 6, 6, r))
	assert.False(t, segmentHitsRect(-5, -5, -1, 20, r))
	assert.False(t, segmentHitsRect(11, 0, 20, 10, r))
}

func TestClipRing(t *testing.T) {
	sq := []float64{-5, -5, 5, -5, 5, 5, -5, 5}
	c := clipRing(sq, Rect{0, 0, 10, 10})
	assert.InDelta(t, 25, math.Abs(ringArea(c)), 1e-9)
	assert.Nil(t, clipRing(sq, Rect{20, 20, 30, 30}))
}

// TestPlaceTwoLines checks that a long name of several words that does not
// fit its country on one line goes on two inside it rather than outside.
func TestPlaceTwoLines(t *testing.T) {
	_, as := load(t)
	a := as["nato"]
	pr, v := framed(t, a, 600, 400)
	r := Place(Input{Proj: pr, View: v, Statuses: statuses(a, 2024), Size: 9, MinSize: 9})
	for _, l := range r.Labels {
		if l.ISO != "USA" {
			continue
		}
		require.Len(t, l.Lines, 2)
		assert.Equal(t, "United States of America", l.Text)
		assert.Equal(t, l.Text, l.Lines[0].Text+" "+l.Lines[1].Text)
		assert.Greater(t, l.Lines[1].Y, l.Lines[0].Y)
		assert.False(t, l.Leader)
		return
	}
	t.Fatal("the USA has no label")
}

// TestPlacePrefer: names keep clear of the Prefer boxes where they can;
// where a box leaves a member no room, it is named over the box rather
// than not at all.
func TestPlacePrefer(t *testing.T) {
	_, as := load(t)
	a := as["csto"]
	pr, v := framed(t, a, 1200, 675)
	base := Input{Proj: pr, View: v, Statuses: statuses(a, 2024), Size: 11, Context: true}
	members := func(r Result) []string {
		var out []string
		for _, l := range r.Labels {
			if l.Kind == Member {
				out = append(out, l.ISO)
			}
		}
		slices.Sort(out)
		return out
	}
	want := members(Place(base))
	kx, ky := v.Pixel(67, 48) // Kazakhstan
	small := Rect{kx - 30, ky - 30, kx + 30, ky + 30}
	tests := []struct {
		name   string
		prefer Rect
		clear  bool
	}{
		{"a box with room around it is kept clear", small, true},
		{"a box over the whole map is covered", Rect{0, 0, float64(v.W), float64(v.H)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := base
			in.Prefer = []Rect{tt.prefer}
			res := Place(in)
			assert.Equal(t, want, members(res), "every member is still named")
			assert.Empty(t, res.Missing)
			if tt.clear {
				for _, l := range res.Labels {
					assert.False(t, l.Box.Overlaps(tt.prefer), "%s covers the box", l.ISO)
				}
			}
		})
	}
}

// TestPoleIndexCacheIsBounded: the pole indexes of projected worlds no
// longer in use are let go (every export projects its own world).
func TestPoleIndexCacheIsBounded(t *testing.T) {
	w, as := load(t)
	pr, _ := framed(t, as["csto"], 400, 300)
	first := indexOf(geo.Project(w, pr.Proj))
	assert.True(t, first == indexOf(first.pr), "a second call finds it")
	for range maxIndexes {
		indexOf(geo.Project(w, pr.Proj))
	}
	indexMu.Lock()
	defer indexMu.Unlock()
	assert.Len(t, indexes, maxIndexes)
	kept := slices.IndexFunc(indexes, func(ix *poleIndex) bool { return ix == first }) >= 0
	assert.False(t, kept, "the least recently used is let go")
}

// TestPlaceLeadersClear places both alliances' names in every other year
// at the sizes of the property tests (a title's box reserved) and checks
// the leader lines: a leader seldom crosses another (it did in 8% of
// leaders before crossings were priced, a tangle in NATO's Europe at
// 640×480), and a name's text seldom covers another member's anchor,
// where that member's leader would end under it (8.5% before).
func TestPlaceLeadersClear(t *testing.T) {
	_, as := load(t)
	leaders, crossed, covered := 0, 0, 0
	for _, id := range []string{"csto", "nato"} {
		a := as[id]
		lo, hi := a.YearRange(today)
		for _, sz := range [][2]int{{640, 480}, {1200, 675}, {1080, 1080}, {1920, 1080}, {800, 1200}, {3840, 2160}} {
			pr, v := framed(t, a, sz[0], sz[1])
			size := math.Max(9, float64(sz[1])/60)
			title := Rect{0, 0, float64(sz[0]) * 0.6, size * 3}
			for y := lo; y <= hi; y += 2 {
				r := Place(Input{Proj: pr, View: v, Statuses: statuses(a, y), Size: size, MinSize: 9, Context: true, Avoid: []Rect{title}})
				require.Empty(t, r.Missing, "%s %d %v", id, y, sz)
				for i, l := range r.Labels {
					if !l.Leader {
						continue
					}
					leaders++
					for _, m := range r.Labels[i+1:] {
						if m.Leader && segmentsCross(l.LX0, l.LY0, l.LX1, l.LY1, m.LX0, m.LY0, m.LX1, m.LY1) {
							crossed++
						}
					}
					for _, m := range r.Labels {
						ink := Rect{m.Box.X0 + m.Halo, m.Box.Y0 + m.Halo, m.Box.X1 - m.Halo, m.Box.Y1 - m.Halo}
						if m.ISO != l.ISO && ink.contains(l.AnchorX, l.AnchorY) {
							covered++
						}
					}
				}
			}
		}
	}
	require.Positive(t, leaders)
	t.Logf("%d leaders: %d cross another, %d end under another name", leaders, crossed, covered)
	assert.LessOrEqual(t, float64(crossed)/float64(leaders), 0.03, "%d of %d leaders cross another", crossed, leaders)
	assert.LessOrEqual(t, float64(covered)/float64(leaders), 0.005, "%d of %d leaders end under another name", covered, leaders)
}

func TestSegmentsCross(t *testing.T) {
	assert.True(t, segmentsCross(0, 0, 10, 10, 0, 10, 10, 0))
	assert.False(t, segmentsCross(0, 0, 10, 10, 20, 0, 30, 10), "apart")
	assert.False(t, segmentsCross(0, 0, 10, 10, 10, 10, 20, 0), "touching at an end")
	assert.False(t, segmentsCross(0, 0, 10, 0, 0, 1, 10, 1), "parallel")
}

// TestPlaceOutsideOverSeaOrNonMembers checks, over both alliances, the
// issue's sizes and every other year, that a name put beside its country
// goes over sea or land with no status where it can: few leader labels
// stand mostly over another member's land (NATO's "United Kingdom" stood
// over Germany and Poland in the 1280×800 window).
func TestPlaceOutsideOverSeaOrNonMembers(t *testing.T) {
	_, as := load(t)
	leaders, over := 0, 0
	for _, id := range []string{"csto", "nato"} {
		a := as[id]
		lo, hi := a.YearRange(today)
		for _, sz := range [][2]int{{885, 663}, {1200, 675}, {1080, 1080}, {1920, 1080}, {800, 1200}} {
			pr, v := framed(t, a, sz[0], sz[1])
			r := geo.NewRendererFor(pr)
			r.Render(image.NewRGBA(image.Rect(0, 0, sz[0], sz[1])), geo.Frame{View: v, Style: geo.LightStyle})
			size := math.Max(9, float64(sz[1])/60)
			for y := lo; y <= hi; y += 2 {
				st := statuses(a, y)
				res := Place(Input{Proj: pr, View: v, Statuses: st, Size: size, MinSize: 9, Drawn: r})
				for _, l := range res.Labels {
					if !l.Leader {
						continue
					}
					leaders++
					n, on := 0, 0
					for fx := 0.1; fx < 1; fx += 0.2 {
						for fy := 0.25; fy < 1; fy += 0.25 {
							n++
							ci, ok := r.CountryIndexAt(v, l.Box.X0+fx*l.Box.Dx(), l.Box.Y0+fy*l.Box.Dy())
							require.True(t, ok)
							if ci >= 0 {
								iso := pr.World.Countries[ci].ISO
								if iso != l.ISO && st[iso] != timeline.StatusNone && st[iso] != "" {
									on++
								}
							}
						}
					}
					if on*2 > n {
						over++
						t.Logf("%s %d %v: %s over other members' land (%d of %d points)", id, y, sz, l.ISO, on, n)
					}
				}
			}
		}
	}
	require.Positive(t, leaders)
	t.Logf("%d leaders, %d names mostly over another member's land", leaders, over)
	assert.LessOrEqual(t, float64(over)/float64(leaders), 0.02)
}
