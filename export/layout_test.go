package export

import (
	"image"
	"math"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// boxes returns the ink boxes of l's text and swatches, in pixels.
func boxes(fs faces, l layout) (names []string, rs []image.Rectangle) {
	for _, t := range l.Texts {
		a, d := fs.metrics(t.Bold, t.Size)
		w := fs.width(t.Bold, t.Size, t.Text)
		x := t.X
		if t.Anchor == anchorEnd {
			x -= w
		}
		names = append(names, t.Role+" "+t.Text)
		rs = append(rs, image.Rect(int(math.Floor(x)), int(math.Floor(t.Y-a)), int(math.Ceil(x+w)), int(math.Ceil(t.Y+d))))
	}
	for _, s := range l.Swatches {
		names = append(names, "swatch "+string(s.Status))
		rs = append(rs, image.Rect(int(s.X), int(s.Y), int(s.X+s.Size), int(s.Y+s.Size)))
	}
	return names, rs
}

// checkLayout asserts that nothing in l overlaps or leaves the image.
func checkLayout(t *testing.T, o Options, l layout) {
	t.Helper()
	fs := faces{}
	names, rs := boxes(fs, l)
	img := image.Rect(0, 0, l.W, l.H)
	for i, r := range rs {
		assert.True(t, r.In(img), "%s %v outside the image %v", names[i], r, img)
		assert.False(t, r.Overlaps(l.Map), "%s %v overlaps the map %v", names[i], r, l.Map)
		for j := i + 1; j < len(rs); j++ {
			assert.False(t, r.Overlaps(rs[j]), "%s %v overlaps %s %v", names[i], r, names[j], rs[j])
		}
	}
	if !o.Hide.Map {
		assert.False(t, l.Map.Empty(), "map shown")
		assert.True(t, l.Map.In(img))
	}
}

func TestLayoutHidesAndMargins(t *testing.T) {
	o := testOptions(t, 1600, 1000)
	l := o.layout(faces{})
	roles := map[string]int{}
	for _, x := range l.Texts {
		roles[x.Role]++
	}
	assert.Equal(t, map[string]int{"title": 1, "year": 1, "legend": 4, "source": 1}, roles)
	// Even margins: the map frame is as far from the left as from the right.
	assert.Equal(t, l.Map.Min.X, l.W-l.Map.Max.X)

	o.Hide = Hide{Title: true, Year: true, Legend: true, Source: true}
	l = o.layout(faces{})
	assert.Equal(t, image.Rect(0, 0, 1600, 1000), l.Map, "the map alone fills the image")
	assert.Empty(t, l.Texts)

	o.Hide = Hide{Map: true}
	l = o.layout(faces{})
	assert.True(t, l.Map.Empty())
	assert.NotEmpty(t, l.Texts)
}

func TestLayoutLongTitle(t *testing.T) {
	o := testOptions(t, 1200, 675)
	o.Title = "A very long custom title for a newspaper article about the Collective Security Treaty Organization and its members over thirty years, with more words than fit on two lines"
	l := o.layout(faces{})
	checkLayout(t, o, l)
	n := 0
	for _, x := range l.Texts {
		if x.Role == "title" {
			n++
		}
	}
	assert.Equal(t, 2, n)
}

func TestTitleText(t *testing.T) {
	o := testOptions(t, 100, 100)
	assert.Equal(t, "CSTO member states, 2024", o.TitleText())
	o.Title = "{alliance} in {year}"
	o.Year = 2003
	assert.Equal(t, "CSTO in 2003", o.TitleText())
}

// TestTitlesTrueToTheEra: before the 2002 Charter the alliance was a treaty,
// and every export text says so.
func TestTitlesTrueToTheEra(t *testing.T) {
	tests := []struct {
		year             int
		title, nonMember string
		title2, pngAlly  string
	}{
		{1995, "Collective Security Treaty states, 1995", "Not a party", "CST in 1995", "CST (Collective Security Treaty)"},
		{2001, "Collective Security Treaty states, 2001", "Not a party", "CST in 2001", "CST (Collective Security Treaty)"},
		{2002, "CSTO member states, 2002", "Not a member", "CSTO in 2002", "CSTO (Collective Security Treaty Organization)"},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.year), func(t *testing.T) {
			o := testOptions(t, 100, 100)
			o.Year = tt.year
			assert.Equal(t, tt.title, o.TitleText())
			es := o.legendEntries()
			assert.Equal(t, tt.nonMember, es[len(es)-1].label)
			assert.Equal(t, tt.pngAlly, allianceIn(o))
			o.Title = "{alliance} in {year}"
			assert.Equal(t, tt.title2, o.TitleText())
		})
	}
}

// longTitle returns a title of n characters: words, or one endless word.
func longTitle(n int, words bool) string {
	unit := "x"
	if words {
		unit = "Armenia "
	}
	return strings.Repeat(unit, n/len(unit)+1)[:n]
}

// TestLayoutLongTitleIsLinear lays out titles far beyond MaxTitle (the
// layout may be called directly, without Validate) and checks that the
// work grows with the length, not its square: four times the characters
// may allocate at most eight times the bytes (linear work gives about
// four; the old wrap, which rebuilt and re-measured the growing line,
// gave about sixteen, and a 10k-character title took 4–16 s). Bytes
// allocated are counted rather than time, which varies with the load.
func TestLayoutLongTitleIsLinear(t *testing.T) {
	for _, tc := range []struct {
		name  string
		words bool
	}{{"words", true}, {"one word", false}} {
		t.Run(tc.name, func(t *testing.T) {
			bytes := func(n int) uint64 {
				o := testOptions(t, 1600, 1000)
				o.Title = longTitle(n, tc.words)
				fs := faces{}
				o.layout(fs) // make the faces first
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				l := o.layout(fs)
				runtime.ReadMemStats(&after)
				checkLayout(t, o, l)
				var title []string
				for _, x := range l.Texts {
					if x.Role == "title" {
						title = append(title, x.Text)
					}
				}
				require.NotEmpty(t, title)
				assert.True(t, strings.HasSuffix(title[len(title)-1], "…"), "cut with an ellipsis")
				return after.TotalAlloc - before.TotalAlloc
			}
			small, large := bytes(10_000), bytes(40_000)
			t.Logf("%d bytes for 10k characters, %d for 40k", small, large)
			assert.Less(t, float64(large)/float64(small), 8.0, "%d bytes for 10k characters, %d for 40k", small, large)
		})
	}
}

func BenchmarkLayoutTitle1k(b *testing.B)  { benchLayoutTitle(b, 1_000) }
func BenchmarkLayoutTitle10k(b *testing.B) { benchLayoutTitle(b, 10_000) }

// benchLayoutTitle lays out a title of n characters; 1k and 10k side by
// side show that the time grows linearly.
func benchLayoutTitle(b *testing.B, n int) {
	o := testOptions(b, 1600, 1000)
	o.Title = longTitle(n, true)
	fs := faces{}
	b.ReportAllocs()
	for b.Loop() {
		o.layout(fs)
	}
}
