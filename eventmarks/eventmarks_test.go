package eventmarks_test

import (
	"image"
	"image/color"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/assets"
	"cstomap/eventmarks"
	"cstomap/events"
	"cstomap/geo"
	"cstomap/palette"
)

var today = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)

var world *geo.World

func load(tb testing.TB) (*geo.World, []events.Event) {
	tb.Helper()
	if world == nil {
		w, err := geo.LoadCompact(assets.Countries)
		require.NoError(tb, err)
		world = w
	}
	evs, err := events.LoadFS(assets.Events, "events", world.Known)
	require.NoError(tb, err)
	return world, evs
}

func view(tb testing.TB, w *geo.World, width, height int) geo.Viewport {
	r := geo.NewRenderer(w)
	return geo.DefaultFraming.View(r.Projected(geo.Eurasia), width, height)
}

func ofYear(evs []events.Event, year int) []events.Event {
	return events.Select(evs, events.Filter{Alliance: "csto", Year: year, Today: today})
}

func TestPlaceAtTheEventsPlaces(t *testing.T) {
	w, evs := load(t)
	v := view(t, w, 1600, 1000)
	year := ofYear(evs, 2010)
	l := eventmarks.Place(v, year, eventmarks.Light)
	require.Len(t, l.Markers, len(year), "every marker of 2010 is inside the default view")
	for _, m := range l.Markers {
		x, y := v.Pixel(m.Event.Lon, m.Event.Lat)
		assert.InDelta(t, x, m.PX, 1e-9, m.Event.ID)
		assert.InDelta(t, y, m.PY, 1e-9, m.Event.ID)
		// Moved or not, a marker stays close to its place.
		assert.Less(t, math.Hypot(m.X-m.PX, m.Y-m.PY), 4*m.R, m.Event.ID)
	}
}

// Markers at nearly the same place (Manas and Kant near Bishkek; the
// Kazakh request and deployment in Almaty) are spread so that none covers
// another, and each is found by At at its own centre.
func TestPlaceSpreadsOverlappingMarkers(t *testing.T) {
	w, evs := load(t)
	v := view(t, w, 1600, 1000)
	for _, year := range []int{2005, 2010, 2022, 2024} {
		l := eventmarks.Place(v, ofYear(evs, year), eventmarks.Light)
		for i, a := range l.Markers {
			for _, b := range l.Markers[i+1:] {
				assert.GreaterOrEqual(t, math.Hypot(a.X-b.X, a.Y-b.Y), a.R+b.R-1e-6, "%d: %s and %s overlap", year, a.Event.ID, b.Event.ID)
			}
			j, ok := l.At(a.X, a.Y, 0)
			require.True(t, ok)
			assert.Equal(t, a.Event.ID, l.Markers[j].Event.ID)
		}
	}
	l := eventmarks.Place(v, ofYear(evs, 2022), eventmarks.Light)
	i, ok := l.Find("kaz-2022-01-deployment")
	require.True(t, ok)
	assert.True(t, l.Markers[i].Moved(), "the deployment shares Almaty with the request")
}

// The spreading depends on the events, not on their order in the files.
func TestPlaceIsDeterministic(t *testing.T) {
	w, evs := load(t)
	v := view(t, w, 1600, 1000)
	a := eventmarks.Place(v, ofYear(evs, 2022), eventmarks.Light)
	rev := slices.Clone(ofYear(evs, 2022))
	slices.Reverse(rev)
	b := eventmarks.Place(v, rev, eventmarks.Light)
	require.Equal(t, len(a.Markers), len(b.Markers))
	for i := range a.Markers {
		assert.Equal(t, a.Markers[i].Event.ID, b.Markers[i].Event.ID)
		assert.Equal(t, a.Markers[i].X, b.Markers[i].X)
		assert.Equal(t, a.Markers[i].Y, b.Markers[i].Y)
	}
}

func TestPlaceLeavesOutMarkersOffTheView(t *testing.T) {
	w, evs := load(t)
	v := view(t, w, 1600, 1000)
	// Zoomed in on Armenia, the Central Asian markers are off the view.
	zoomed := v
	zoomed.Scale *= 16
	zoomed.CX, zoomed.CY = v.Proj.Forward(44.8, 40.2)
	l := eventmarks.Place(zoomed, ofYear(evs, 2022), eventmarks.Light)
	var ids []string
	for _, m := range l.Markers {
		ids = append(ids, m.Event.ID)
	}
	assert.Contains(t, ids, "arm-2022-09-request")
	assert.Contains(t, ids, "ru-gyumri-102-base")
	assert.NotContains(t, ids, "kaz-2022-01-deployment")
}

func TestBoxesAndKinds(t *testing.T) {
	w, evs := load(t)
	v := view(t, w, 1600, 1000)
	l := eventmarks.Place(v, ofYear(evs, 2022), eventmarks.Light)
	boxes := l.Boxes()
	require.Len(t, boxes, len(l.Markers))
	for i, m := range l.Markers {
		assert.True(t, image.Pt(int(m.X), int(m.Y)).In(boxes[i]))
		assert.LessOrEqual(t, boxes[i].Dx(), int(2*m.R)+2, "markers stay small")
	}
	assert.Equal(t, []events.Kind{events.KindRequest, events.KindDeployment, events.KindClash, events.KindBase}, l.Kinds())
	_, ok := l.At(-100, -100, 3)
	assert.False(t, ok)
}

// Each marker shows its kind's fill at its centre, its stroke and its halo
// round it, on every status fill, hatched or not, in both styles.
func TestDrawIsLegibleOnEveryFill(t *testing.T) {
	for _, pal := range []palette.Palette{palette.Light, palette.Dark} {
		// At scale 2 the stroke and the halo are 2.5 and 3 pixels wide,
		// so each has pixels of its own, whatever the anti-aliasing.
		st := eventmarks.Light.Scaled(2)
		if pal.Name == "dark" {
			st = eventmarks.Dark.Scaled(2)
		}
		for _, bg := range []geo.Paint{{Fill: pal.Land}, {Fill: pal.Current}, {Fill: pal.Departed}, {Fill: pal.Threatening, Hatch: pal.Hatch}, {Fill: pal.Map.Sea}} {
			for _, k := range events.Kinds {
				img := image.NewRGBA(image.Rect(0, 0, 60, 60))
				for y := 0; y < 60; y++ {
					for x := 0; x < 60; x++ {
						c := bg.Fill
						if bg.Hatch.A != 0 && (x+y)%7 < 2 {
							c = bg.Hatch
						}
						img.SetRGBA(x, y, c)
					}
				}
				e := &events.Event{ID: "x", Kind: k}
				l := eventmarks.Layer{Style: st, W: 60, H: 60, Markers: []eventmarks.Marker{{Event: e, X: 30.5, Y: 30.5, PX: 30.5, PY: 30.5, R: st.Outer()}}}
				l.Draw(img)
				name := pal.Name + "/" + string(k)
				assert.Equal(t, st.FillOf(k), img.RGBAAt(30, 30), "%s: fill at the centre", name)
				// Straight up from the centre, past the fill, come the
				// stroke and then the halo.
				var seen []color.RGBA
				for y := 30; y >= 0; y-- {
					c := img.RGBAAt(30, y)
					if len(seen) == 0 || seen[len(seen)-1] != c {
						seen = append(seen, c)
					}
				}
				assert.Contains(t, seen, st.Stroke, name)
				assert.Contains(t, seen, st.Halo, name)
				assert.Less(t, lastIndex(seen, st.Stroke), lastIndex(seen, st.Halo), "%s: the stroke lies inside the halo", name)
			}
		}
	}
}

func TestShapesDiffer(t *testing.T) {
	// Colour is not the only cue: each kind is drawn in its own shape, so
	// the masks of two kinds differ.
	masks := map[string]events.Kind{}
	for _, k := range events.Kinds {
		img := image.NewRGBA(image.Rect(0, 0, 40, 40))
		st := eventmarks.Light
		st.Fill = map[events.Kind]color.RGBA{} // all grey: shape alone
		var p eventmarks.Painter
		p.Symbol(img, k, 20, 20, st)
		var b strings.Builder
		for i := 3; i < len(img.Pix); i += 4 {
			if img.Pix[i] > 0x80 {
				b.WriteByte('1')
			} else {
				b.WriteByte('0')
			}
		}
		for y := 0; y < 40; y++ {
			for x := 0; x < 40; x++ {
				if img.RGBAAt(x, y) == (color.RGBA{0x88, 0x88, 0x88, 0xff}) {
					b.WriteByte('#')
				} else {
					b.WriteByte('.')
				}
			}
		}
		prev, dup := masks[b.String()]
		assert.False(t, dup, "%s is drawn like %s", k, prev)
		masks[b.String()] = k
		assert.NotEmpty(t, eventmarks.ShapeName(k))
		assert.NotEmpty(t, eventmarks.Label(k))
	}
}

func TestSVGShapes(t *testing.T) {
	for _, k := range events.Kinds {
		for _, out := range []bool{false, true} {
			shs := eventmarks.SVGShapes(eventmarks.Sign{Kind: k, Outside: out}, 10, 10, eventmarks.Light)
			want := 3
			if out {
				want = 4
			}
			require.Len(t, shs, want)
			for _, sh := range shs {
				assert.True(t, strings.HasPrefix(sh.D, "M") && strings.HasSuffix(sh.D, "Z"), sh.D)
				assert.NotContains(t, sh.D, "NaN")
			}
			assert.Equal(t, eventmarks.Light.Halo, shs[0].Fill)
			assert.Equal(t, eventmarks.Light.Stroke, shs[1].Fill)
			assert.Equal(t, eventmarks.Light.FillOf(k), shs[len(shs)-1].Fill)
		}
	}
	m := eventmarks.Marker{X: 1, Y: 2, PX: 3, PY: 4}
	assert.Equal(t, "M3 4L1 2", eventmarks.SVGLeader(m))
	assert.Empty(t, eventmarks.SVGLeader(eventmarks.Marker{X: 1, Y: 1, PX: 1, PY: 1}))
}

func lastIndex(cs []color.RGBA, c color.RGBA) int {
	for i := len(cs) - 1; i >= 0; i-- {
		if cs[i] == c {
			return i
		}
	}
	return -1
}

func TestSummary(t *testing.T) {
	_, evs := load(t)
	byID := map[string]*events.Event{}
	for i := range evs {
		byID[evs[i].ID] = &evs[i]
	}
	assert.Equal(t, "Call for help: Osh\n2010-06-12\nOutcome: no troops sent", eventmarks.Summary(byID["kgz-2010-osh-request"]))
	assert.Equal(t, "Deployment: Almaty and strategic sites\n2022-01-06 to 2022-01-19", eventmarks.Summary(byID["kaz-2022-01-deployment"]))
	assert.Equal(t, "since 1995", eventmarks.Dates(byID["ru-gyumri-102-base"]))
	assert.Equal(t, "Foreign base: Karshi-Khanabad (K2) air base\n2001-10-05 to 2005-11-21\nOperated by United States", eventmarks.Summary(byID["us-k2-base"]))
}

func TestAtHitsTheSymbolNotTheHalo(t *testing.T) {
	st := eventmarks.Light
	for _, k := range events.Kinds {
		e := &events.Event{ID: "x", Kind: k}
		l := eventmarks.Layer{Style: st, Markers: []eventmarks.Marker{{Event: e, X: 50, Y: 50, PX: 50, PY: 50, R: st.Outer()}}}
		_, ok := l.At(50, 50, 0)
		assert.True(t, ok, "%s: centre", k)
		_, ok = l.At(50, 50+st.Radius*0.5, 0)
		assert.True(t, ok, "%s: inside", k)
		_, ok = l.At(50+st.Outer()-0.2, 50+st.Outer()-0.2, 0)
		assert.False(t, ok, "%s: the corner of the box is not the symbol", k)
	}
}

// A base operated by a country outside the alliance (the US bases of 2005)
// has a sign of its own: hollow, with a core of the kind's fill.
func TestOutsideBases(t *testing.T) {
	w, evs := load(t)
	v := view(t, w, 1600, 1000)
	st := eventmarks.Light
	st.Member = func(iso string) bool { return iso != "USA" }
	year := ofYear(evs, 2005)
	l := eventmarks.Place(v, year, st)
	out := map[string]bool{}
	for _, m := range l.Markers {
		out[m.Event.ID] = m.Sign.Outside
	}
	assert.True(t, out["us-k2-base"])
	assert.True(t, out["us-manas-base"])
	assert.False(t, out["ru-kant-base"])
	assert.Equal(t, []eventmarks.Sign{{Kind: events.KindBase}, {Kind: events.KindBase, Outside: true}}, st.Signs(year))
	assert.Equal(t, "Foreign base of a non-member", eventmarks.Sign{Kind: events.KindBase, Outside: true}.Label())
	assert.Equal(t, []eventmarks.Sign{{Kind: events.KindBase}}, eventmarks.Light.Signs(year), "no Member, no distinction")

	// Drawn hollow: the halo's colour between the stroke and the core.
	img := image.NewRGBA(image.Rect(0, 0, 60, 60))
	var p eventmarks.Painter
	s2 := st.Scaled(2)
	p.Sign(img, eventmarks.Sign{Kind: events.KindBase, Outside: true}, 30.5, 30.5, s2)
	assert.Equal(t, s2.FillOf(events.KindBase), img.RGBAAt(30, 30))
	assert.Equal(t, s2.Halo, img.RGBAAt(30, 30-int(0.75*s2.Radius*2)))
}
