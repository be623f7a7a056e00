package export

import (
	"bytes"
	"fmt"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/geo"
	"cstomap/labels"
	"cstomap/timeline"
)

// TestLabelsProperties places the names of both alliances in every year at
// every size the issue lists, light and dark, as an export lays them out,
// and checks that no two overlap, none leaves the map frame or covers the
// title, year, legend or source line, and every country with a status in
// view has exactly one.
func TestLabelsProperties(t *testing.T) {
	if testing.Short() {
		t.Skip("places names for every year at six sizes")
	}
	sizes := [][2]int{{640, 480}, {1200, 675}, {1080, 1080}, {1920, 1080}, {800, 1200}, {3840, 2160}}
	_, as := load(t)
	r := geo.NewRenderer(testW)
	evs := allTestEvents(t)
	for _, id := range []string{"csto", "nato"} {
		a := as[id]
		lo, hi := a.YearRange(today)
		for _, sz := range sizes {
			for year := lo; year <= hi; year++ {
				for _, dark := range []bool{false, true} {
					if dark && year%4 != 0 {
						continue // the palette does not move names: a sample suffices
					}
					name := fmt.Sprintf("%s-%d-%dx%d-dark=%v", id, year, sz[0], sz[1], dark)
					o := Options{Scene: Scene{World: testW, Alliance: a, Year: year, Today: today, Dark: dark, Renderer: r, Events: evs}, Width: sz[0], Height: sz[1]}
					checkLabels(t, name, o)
				}
			}
		}
	}
}

func checkLabels(t *testing.T, name string, o Options) {
	t.Helper()
	fs := faces{}
	l := o.layout(fs)
	require.False(t, l.Map.Empty(), name)
	r := o.renderer()
	v := o.view(r, l.Map)
	st := o.mapStyle(l)
	ls := o.placeLabels(fs, l, r, v, st)
	frame := labels.Rect{X1: float64(l.Map.Dx()), Y1: float64(l.Map.Dy())}
	avoid := o.labelAvoid(fs, l)
	seen := map[string]int{}
	for i, a := range ls {
		seen[a.ISO]++
		if !assert.True(t, a.Box.Within(frame), "%s: %s leaves the frame: %+v", name, a.ISO, a.Box) {
			return
		}
		for _, b := range avoid {
			if !assert.False(t, a.Box.Overlaps(b), "%s: %s covers text at %+v", name, a.ISO, b) {
				return
			}
		}
		for _, b := range ls[i+1:] {
			if !assert.False(t, a.Box.Overlaps(b.Box), "%s: %s and %s overlap", name, a.ISO, b.ISO) {
				return
			}
		}
	}
	pr := r.Projected(v.Proj)
	for iso, st := range o.labelStatuses() {
		if st == timeline.StatusNone || !inView(pr, v, iso) {
			continue
		}
		if !assert.Equal(t, 1, seen[iso], "%s: %s has %d labels", name, iso, seen[iso]) {
			return
		}
	}
}

// inView reports whether any part of iso reaches into v.
func inView(pr *geo.Projected, v geo.Viewport, iso string) bool {
	ci := pr.World.Index(iso)
	for _, p := range pr.Parts {
		if p.Country != ci {
			continue
		}
		x0, y1 := v.FromProjected(p.Bound.Min[0], p.Bound.Min[1])
		x1, y0 := v.FromProjected(p.Bound.Max[0], p.Bound.Max[1])
		if x1 > 0 && y1 > 0 && x0 < float64(v.W) && y0 < float64(v.H) {
			return true
		}
	}
	return false
}

// TestLabelsSVG checks that names stay text a reader can find: one
// <text class="label"> per member with its code, position and
// textLength, leader lines as paths, and none with --no-labels.
func TestLabelsSVG(t *testing.T) {
	o := testOptions(t, 1200, 675)
	var b bytes.Buffer
	require.NoError(t, WriteSVG(&b, o))
	svg := b.String()
	for _, iso := range []string{"RUS", "KAZ", "BLR", "ARM", "KGZ", "TJK"} {
		assert.Regexp(t, regexp.MustCompile(`<text class="label" data-iso="`+iso+`" data-kind="member" data-status="[a-z]+" x="[0-9.]+" y="[0-9.]+" [^>]*textLength="[0-9.]+"[^>]*>[^<]+</text>`), svg, iso)
	}
	assert.Contains(t, svg, `>Armenia</text>`)
	assert.Regexp(t, `<path class="leader" data-iso="[A-Z]{3}" [^>]*d="M[0-9. ]+L[0-9. ]+"/>`, svg)
	o.Hide.Labels = true
	b.Reset()
	require.NoError(t, WriteSVG(&b, o))
	assert.NotContains(t, b.String(), `class="label"`)
	assert.NotContains(t, b.String(), `class="leader"`)
}

// TestLabelsPNG checks that names are drawn: the image with them differs
// from the one without, and only inside the labels' boxes and leaders.
func TestLabelsPNG(t *testing.T) {
	o := testOptions(t, 1200, 675)
	with, err := Render(o)
	require.NoError(t, err)
	o.Hide.Labels = true
	without, err := Render(o)
	require.NoError(t, err)
	assert.NotEqual(t, with.Pix, without.Pix)
}

// TestLabelsClearOfMarkers: where there is room, names keep clear of the
// event markers (and where there is none they are drawn over them).
func TestLabelsClearOfMarkers(t *testing.T) {
	_, as := load(t)
	for _, year := range []int{2005, 2010, 2022, 2024} {
		o := Options{Scene: Scene{World: testW, Alliance: as["csto"], Year: year, Today: today, Events: allTestEvents(t)}, Width: 1920, Height: 1080}
		fs := faces{}
		l := o.layout(fs)
		r := o.renderer()
		v := o.view(r, l.Map)
		st := o.mapStyle(l)
		boxes := o.eventLayer(v, st).Boxes()
		require.NotEmpty(t, boxes, "%d has markers", year)
		for _, a := range o.placeLabels(fs, l, r, v, st) {
			for _, b := range boxes {
				m := labels.Rect{X0: float64(b.Min.X), Y0: float64(b.Min.Y), X1: float64(b.Max.X), Y1: float64(b.Max.Y)}
				assert.False(t, a.Box.Overlaps(m), "%d: %s's name covers a marker at %v", year, a.ISO, b)
			}
		}
	}
}
