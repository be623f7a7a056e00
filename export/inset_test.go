package export

import (
	"bytes"
	"image"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/geo"
	"cstomap/labels"
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
