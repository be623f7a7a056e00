package export

import (
	"bytes"
	"fmt"
	"image"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/geo"
	"cstomap/labels"
	"cstomap/timeline"
)

// socialOptions is the CSTO in 2024 at the social preset (1200×675).
func socialOptions(t *testing.T) Options {
	o := testOptions(t, 1200, 675)
	o.Selected = ""
	return o
}

// TestInsetAtSocialSize checks that the CSTO's map at the social preset
// has an inset with Armenia at 60 px or more, inside the map frame, and
// that the PNG shows it: the inset's pixels differ from the same image
// without it, and Armenia's colour is found at its label point there.
func TestInsetAtSocialSize(t *testing.T) {
	o := socialOptions(t)
	r := geo.NewRenderer(o.World)
	l := o.layout(faces{})
	v := o.view(r, l.Map)
	ins := o.insets(r, v, l)
	require.NotEmpty(t, ins)
	in := ins[0]
	require.Contains(t, in.Countries, "ARM")
	assert.Subset(t, in.Countries, []string{"ARM", "AZE", "GEO"})
	assert.GreaterOrEqual(t, in.Smallest, 60.0)
	// Armenia's box in the inset, measured.
	b := geo.RegionBound(r.Projected(v.Proj), []string{"ARM"})
	x0, y0 := in.View.FromProjected(b.Min[0], b.Max[1])
	x1, y1 := in.View.FromProjected(b.Max[0], b.Min[1])
	assert.GreaterOrEqual(t, max(x1-x0, y1-y0), 60.0)
	assert.True(t, in.Rect.In(image.Rect(0, 0, l.Map.Dx(), l.Map.Dy())))

	with, err := Render(o)
	require.NoError(t, err)
	o.Hide.Inset = true
	without, err := Render(o)
	require.NoError(t, err)
	assert.Empty(t, o.insets(r, v, l), "Hide.Inset leaves it out")
	rect := in.Rect.Add(l.Map.Min)
	differ := 0
	for y := rect.Min.Y; y < rect.Max.Y; y++ {
		for x := rect.Min.X; x < rect.Max.X; x++ {
			if with.RGBAAt(x, y) != without.RGBAAt(x, y) {
				differ++
			}
		}
	}
	assert.Greater(t, differ, rect.Dx()*rect.Dy()/4, "the inset is drawn")
	lon, lat, _ := o.World.LabelPoint("ARM")
	ax, ay := in.View.Pixel(lon, lat)
	// A patch below the name, inside Armenia: it shows both the fill and
	// the stripes of "threatening".
	py := ay + 12
	iso, _ := o.World.CountryNear(in.View, ax, py, 0)
	require.Equal(t, "ARM", iso)
	p := o.Palette().Paint("threatening")
	seen := map[any]bool{}
	for y := int(py) - 4; y < int(py)+4; y++ {
		for x := int(ax) - 4; x < int(ax)+4; x++ {
			seen[with.RGBAAt(rect.Min.X+x, rect.Min.Y+y)] = true
		}
	}
	assert.True(t, seen[p.Fill] && seen[p.Hatch], "Armenia (threatening) in its colours and hatching in the inset")
}

// TestInsetSVG checks the SVG's inset: one <g id="inset" class="inset">,
// its own clipPath, and Armenia as <path id="inset-ARM"
// data-status="threatening">, with its name.
func TestInsetSVG(t *testing.T) {
	o := socialOptions(t)
	o.Selected = "ARM"
	var buf bytes.Buffer
	require.NoError(t, WriteSVG(&buf, o))
	svg := buf.String()
	assert.Equal(t, 1, strings.Count(svg, `<g id="inset" class="inset">`))
	assert.Regexp(t, `<clipPath id="inset-frame">`, svg)
	assert.Regexp(t, `<g class="inset-map" data-countries="[A-Z ]*ARM[A-Z ]*" clip-path="url\(#inset-frame\)">`, svg)
	assert.Regexp(t, `<path id="inset-ARM" data-iso="ARM" data-status="threatening" fill="url\(#inset-hatch\)"`, svg)
	assert.Regexp(t, `<path class="inset-selected-outline" data-iso="ARM"`, svg)
	assert.Equal(t, 1, strings.Count(svg, `<text class="label" data-iso="ARM"`), "Armenia is named once, in the inset")
	ids := regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(svg, -1)
	seen := map[string]bool{}
	for _, m := range ids {
		assert.False(t, seen[m[1]], "duplicate id %s", m[1])
		seen[m[1]] = true
	}

	o.Hide.Inset = true
	buf.Reset()
	require.NoError(t, WriteSVG(&buf, o))
	assert.NotContains(t, buf.String(), `id="inset"`)
}

// TestInsetElement checks that the inset is one of the elements the flags
// and the dialog switch ("--no-inset").
func TestInsetElement(t *testing.T) {
	i := slices.IndexFunc(Elements, func(e Element) bool { return e.Name == "inset" })
	require.GreaterOrEqual(t, i, 0)
	var h Hide
	Elements[i].Set(&h, true)
	assert.True(t, h.Inset)
}

// TestInsetStableInAnimation checks that an animation plans its inset
// once for all its years: the South Caucasus inset of 1992 (Armenia only
// a member) is the one of 2024.
func TestInsetStableInAnimation(t *testing.T) {
	o := socialOptions(t)
	r := geo.NewRenderer(o.World)
	l := o.layout(faces{})
	v := o.view(r, l.Map)
	anim := o.forYears([]int{1992, 2024})
	anim.Year = 1992
	a := anim.insets(r, v, l)
	anim.Year = 2024
	b := anim.insets(r, v, l)
	require.NotEmpty(t, a)
	assert.Equal(t, a, b)
	assert.Contains(t, a[0].Countries, "GEO", "Georgia, a member from 1993, is in 1992's frame's inset too")
}

// TestInsetNames checks the names with an inset: the inset's countries
// are named once, inside it, and no other name covers it.
func TestInsetNames(t *testing.T) {
	o := socialOptions(t)
	fs := faces{}
	r := geo.NewRenderer(o.World)
	l := o.layout(fs)
	v := o.view(r, l.Map)
	st := o.mapStyle(l)
	ins := o.insets(r, v, l)
	require.NotEmpty(t, ins)
	in := ins[0]
	box := labels.Rect{X0: float64(in.Rect.Min.X), Y0: float64(in.Rect.Min.Y), X1: float64(in.Rect.Max.X), Y1: float64(in.Rect.Max.Y)}
	count := map[string]int{}
	for _, lb := range o.placeLabelsWith(fs, l, r, v, st, ins) {
		count[lb.ISO]++
		inside := lb.Box.X0 >= box.X0 && lb.Box.Y0 >= box.Y0 && lb.Box.X1 <= box.X1 && lb.Box.Y1 <= box.Y1
		if slices.Contains(in.Countries, lb.ISO) {
			assert.True(t, inside, "%s named outside its inset: %v not in %v", lb.ISO, lb.Box, box)
			continue
		}
		overlap := lb.Box.X0 < box.X1 && box.X0 < lb.Box.X1 && lb.Box.Y0 < box.Y1 && box.Y0 < lb.Box.Y1
		assert.False(t, overlap, "%s's name %v covers the inset %v", lb.ISO, lb.Box, box)
	}
	for _, iso := range []string{"ARM", "GEO", "AZE", "RUS", "KAZ"} {
		assert.Equal(t, 1, count[iso], "%s is named once", iso)
	}
}

// TestInsetProperties plans the insets of both alliances over a grid of
// years and sizes, with the renderer that drew the map as an export does,
// and checks the rules: at most geo.DefaultMaxInsets insets, each
// inside the map frame, clear of the others, of every area an inset
// magnifies and of every member country, magnifying at least
// geo.DefaultMinZoom times; no country in two insets and no large one
// (Germany) in any from 800 pixels wide; Luxembourg and Armenia, when
// small, in one; and every country with a status named exactly once, on
// the main map or inside its inset, with no name on the main map covering
// an inset.
func TestInsetProperties(t *testing.T) {
	if testing.Short() {
		t.Skip("plans insets and places names for many years at seven sizes")
	}
	sizes := [][2]int{{640, 480}, {800, 600}, {1200, 675}, {1080, 1080}, {1920, 1080}, {800, 1200}, {3508, 2480}}
	_, as := load(t)
	for _, id := range []string{"csto", "nato"} {
		a := as[id]
		lo, hi := a.YearRange(today)
		for year := lo; year <= hi; year++ {
			if year%5 != 4 && year != lo && year != hi {
				continue // membership changes slowly: a sample of years
			}
			for _, sz := range sizes {
				o := Options{Scene: Scene{World: testW, Alliance: a, Year: year, Today: today}, Width: sz[0], Height: sz[1]}
				checkInsets(t, fmt.Sprintf("%s-%d-%dx%d", id, year, sz[0], sz[1]), o)
			}
		}
	}
}

func checkInsets(t *testing.T, name string, o Options) {
	t.Helper()
	fs := faces{}
	l := o.layout(fs)
	r := o.renderer()
	v := o.view(r, l.Map)
	st := o.mapStyle(l)
	r.Render(image.NewRGBA(image.Rect(0, 0, l.Map.Dx(), l.Map.Dy())), geo.Frame{View: v, Style: st, Paint: o.paint()})
	ins := o.insets(r, v, l)
	members, own := o.members()
	frame := image.Rect(0, 0, l.Map.Dx(), l.Map.Dy())
	require.LessOrEqual(t, len(ins), geo.DefaultMaxInsets, name)
	seen := map[string]bool{}
	for i, in := range ins {
		require.True(t, in.Rect.In(frame), "%s: inset %v leaves the frame", name, in.Countries)
		require.GreaterOrEqual(t, in.Zoom(v), float64(geo.DefaultMinZoom), "%s: inset %v", name, in.Countries)
		for j, other := range ins {
			require.False(t, in.Rect.Overlaps(other.Source), "%s: inset %v covers the area of %v", name, in.Countries, other.Countries)
			if j != i {
				require.False(t, in.Rect.Overlaps(other.Rect), "%s: insets %v and %v overlap", name, in.Countries, other.Countries)
			}
		}
		for _, iso := range in.Countries {
			require.False(t, seen[iso], "%s: %s in two insets", name, iso)
			seen[iso] = true
			require.Contains(t, own, iso, "%s: %s in an inset without a status", name, iso)
		}
		if o.Width >= 800 {
			require.NotContains(t, in.Countries, "DEU", "%s: Germany in an inset", name)
		}
		for y := in.Rect.Min.Y; y < in.Rect.Max.Y; y += 3 {
			for x := in.Rect.Min.X; x < in.Rect.Max.X; x += 3 {
				if lon, lat, ok := v.LonLat(float64(x)+0.5, float64(y)+0.5); ok {
					iso, _ := o.YearWorld().CountryAt(lon, lat)
					require.NotContains(t, members, iso, "%s: inset %v covers %s at (%d,%d)", name, in.Countries, iso, x, y)
				}
			}
		}
	}
	pr := r.Projected(v.Proj)
	s := math.Max(o.scale(), l.Unit)
	for _, iso := range []string{"LUX", "ARM"} {
		if !slices.Contains(own, iso) || !inView(pr, v, iso) {
			continue
		}
		b := geo.RegionBound(pr, []string{iso})
		x0, y0 := v.FromProjected(b.Min[0], b.Max[1])
		x1, y1 := v.FromProjected(b.Max[0], b.Min[1])
		if max(x1-x0, y1-y0) < insetMinSide*s && o.Width >= 800 {
			assert.True(t, seen[iso], "%s: %s is %.0f px and in no inset", name, iso, max(x1-x0, y1-y0))
		}
	}
	// Names: each country with a status once, those of an inset inside it,
	// the others clear of every inset.
	count := map[string]int{}
	for _, lb := range o.placeLabelsWith(fs, l, r, v, st, ins) {
		count[lb.ISO]++
		var home *geo.Inset
		for i := range ins {
			if slices.Contains(ins[i].Countries, lb.ISO) {
				home = &ins[i]
			}
		}
		for i := range ins {
			rb := ins[i].Rect
			box := labels.Rect{X0: float64(rb.Min.X), Y0: float64(rb.Min.Y), X1: float64(rb.Max.X), Y1: float64(rb.Max.Y)}
			if home == &ins[i] {
				assert.True(t, lb.Box.Within(box), "%s: %s named outside its inset", name, lb.ISO)
			} else {
				assert.False(t, lb.Box.Overlaps(box), "%s: %s's name covers the inset of %v", name, lb.ISO, ins[i].Countries)
			}
		}
	}
	for iso, status := range o.labelStatuses() {
		if status != timeline.StatusNone && inView(pr, v, iso) {
			assert.Equal(t, 1, count[iso], "%s: %s has %d names", name, iso, count[iso])
		}
	}
}
