package export

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"cstomap/geo"
	"cstomap/palette"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// svgDoc is the part of an exported SVG the tests read.
type svgDoc struct {
	XMLName xml.Name  `xml:"svg"`
	Width   int       `xml:"width,attr"`
	Height  int       `xml:"height,attr"`
	Title   string    `xml:"title"`
	Groups  []svgG    `xml:"g"`
	Texts   []svgText `xml:"text"`
}

type svgG struct {
	ID       string    `xml:"id,attr"`
	FillRule string    `xml:"fill-rule,attr"`
	Clip     string    `xml:"clip-path,attr"`
	Paths    []svgPath `xml:"path"`
	Groups   []svgG    `xml:"g"`
	Rects    []svgRect `xml:"rect"`
}

type svgPath struct {
	ID     string `xml:"id,attr"`
	Status string `xml:"data-status,attr"`
	Fill   string `xml:"fill,attr"`
	Stroke string `xml:"stroke,attr"`
	D      string `xml:"d,attr"`
}

type svgRect struct {
	Status string `xml:"data-status,attr"`
	Fill   string `xml:"fill,attr"`
}

type svgText struct {
	Class string `xml:"class,attr"`
	Text  string `xml:",chardata"`
}

func parseSVG(t *testing.T, b []byte) svgDoc {
	t.Helper()
	var doc svgDoc
	require.NoError(t, xml.Unmarshal(b, &doc))
	return doc
}

func TestSVGStructure(t *testing.T) {
	o := testOptions(t, 1600, 1000)
	var buf bytes.Buffer
	require.NoError(t, WriteSVG(&buf, o))
	doc := parseSVG(t, buf.Bytes())
	assert.Equal(t, 1600, doc.Width)
	assert.Equal(t, 1000, doc.Height)
	assert.Equal(t, "CSTO member states, 2024", doc.Title)

	var mapG *svgG
	for i := range doc.Groups {
		if doc.Groups[i].ID == "map" {
			mapG = &doc.Groups[i]
		}
	}
	require.NotNil(t, mapG, "map group")
	assert.Equal(t, "url(#map-frame)", mapG.Clip)
	require.Len(t, mapG.Groups, 1)
	countries := mapG.Groups[0]
	assert.Equal(t, "evenodd", countries.FillRule)
	status := map[string]string{}
	for _, p := range countries.Paths {
		_, dup := status[p.ID]
		assert.False(t, dup, "one path per country: %s", p.ID)
		status[p.ID] = p.Status
		assert.True(t, o.World.Known(p.ID), p.ID)
		assert.True(t, strings.HasPrefix(p.D, "M") && strings.HasSuffix(p.D, "Z"), p.ID)
	}
	want := palette.ForYear(o.Alliance, o.World.Territories(), 2024, today)
	for iso, st := range want {
		if _, shown := status[iso]; shown {
			assert.Equal(t, string(st), status[iso], iso)
		}
	}
	assert.Equal(t, "current", status["RUS"])
	assert.Equal(t, "threatening", status["ARM"])
	assert.Equal(t, "departed", status["GEO"])
	assert.Equal(t, "none", status["CHN"])
	assert.Equal(t, "url(#hatch)", findPath(countries.Paths, "ARM").Fill)
	assert.Equal(t, "#0072b2", findPath(countries.Paths, "RUS").Fill)

	ids := map[string]svgPath{}
	for _, p := range mapG.Paths {
		ids[p.ID] = p
	}
	assert.Equal(t, "none", ids["borders"].Fill)
	assert.NotEmpty(t, ids["borders"].D)
	assert.Equal(t, "none", ids["selected-outline"].Fill)

	texts := map[string][]string{}
	for _, x := range doc.Texts {
		texts[x.Class] = append(texts[x.Class], x.Text)
	}
	assert.Equal(t, []string{"CSTO member states, 2024"}, texts["title"])
	assert.Equal(t, []string{"2024"}, texts["year"])
	assert.Equal(t, []string{"Current 5", "Departed 3", "Threatening 1", "Not a member"}, texts["legend"])
	assert.Equal(t, []string{SourceLine}, texts["source"])
}

func findPath(ps []svgPath, id string) svgPath {
	for _, p := range ps {
		if p.ID == id {
			return p
		}
	}
	return svgPath{}
}

// TestSVGNoArtificialEdges checks that the border path never runs along
// the antimeridian cut: Chukotka straddles ±180°, and its cut edge would be
// a long vertical stroke across the projected map.
func TestSVGNoArtificialEdges(t *testing.T) {
	o := testOptions(t, 1600, 1000)
	r := geo.NewRenderer(o.World)
	l := o.layout(faces{})
	v := o.view(r, l.Map)
	rings := countryRings(r.Projected(v.Proj), v, l.Map)
	ci := o.World.Index("RUS")
	nArt := 0
	for _, rg := range rings[ci] {
		for i, a := range rg.art {
			if a {
				nArt++
				// The stroke path must not contain this edge as
				// consecutive points.
				d := string(strokePath(nil, []ring{rg}))
				seg := string(num(nil, rg.pts[2*i])) + " " + string(num(nil, rg.pts[2*i+1])) + " " +
					string(num(nil, rg.pts[2*i+2])) + " " + string(num(nil, rg.pts[2*i+3]))
				assert.NotContains(t, d, seg)
			}
		}
	}
	assert.Positive(t, nArt, "Russia has artificial edges at the antimeridian")
}

func TestBandPath(t *testing.T) {
	assert.Equal(t, "M1 0L3 0L0 3L0 1Z", string(bandPath(nil, 1, 3, 7)))
	assert.Equal(t, "", string(bandPath(nil, -6, -4, 7)))
}

// TestSVGMatchesPNG renders the same export as PNG and as SVG through
// rsvg-convert, an independent renderer, and compares the colour inside
// each country: the average over one hatch period around its label point,
// so stripes and anti-aliasing average out the same way in both.
func TestSVGMatchesPNG(t *testing.T) {
	rsvg, err := exec.LookPath("rsvg-convert")
	if err != nil {
		t.Skip("rsvg-convert not installed (apt-get install librsvg2-bin); skipping the independent-renderer check")
	}
	for _, dark := range []bool{false, true} {
		o := testOptions(t, 1600, 1000)
		o.Dark = dark
		o.Selected = "KAZ"
		// The fills are compared; names are drawn by each renderer in its
		// own fonts (TestLabelsSVG checks them).
		o.Hide.Labels = true
		dir := t.TempDir()
		svgPath := filepath.Join(dir, "m.svg")
		require.NoError(t, WriteFile(svgPath, func(w io.Writer) error { return WriteSVG(w, o) }))
		out, err := exec.Command(rsvg, "-w", "1600", "-h", "1000", "-o", filepath.Join(dir, "svg.png"), svgPath).CombinedOutput()
		require.NoError(t, err, string(out))
		got := readPNG(t, filepath.Join(dir, "svg.png"))
		want, err := Render(o)
		require.NoError(t, err)
		dump(t, "svg-rsvg-dark="+map[bool]string{false: "0", true: "1"}[dark]+".png", func(p string) error {
			return os.WriteFile(p, mustRead(t, filepath.Join(dir, "svg.png")), 0o644)
		})
		l := o.layout(faces{})
		v := o.view(geo.NewRenderer(o.World), l.Map)
		st := o.mapStyle(l)
		period, _ := hatchPeriod(st)
		checked := 0
		for _, iso := range []string{"RUS", "KAZ", "UZB", "TKM", "KGZ", "TJK", "ARM", "AZE", "GEO", "BLR", "UKR", "MNG", "CHN", "IRN", "AFG", "FIN", "POL", "TUR", "JPN", "NOR", "SWE", "MDA", "ROU"} {
			lon, lat, ok := o.World.LabelPoint(iso)
			require.True(t, ok, iso)
			x, y := v.Pixel(lon, lat)
			px, py := int(x)+l.Map.Min.X, int(y)+l.Map.Min.Y
			if !image.Pt(px, py).In(l.Map.Inset(period)) {
				continue
			}
			a, b := meanAround(want, px, py, period), meanAround(got, px, py, period)
			for c := 0; c < 3; c++ {
				assert.InDelta(t, a[c], b[c], 10, "%s at (%d,%d) dark=%v: PNG %v, SVG %v", iso, px, py, dark, a, b)
			}
			checked++
		}
		assert.GreaterOrEqual(t, checked, 18)
	}
}

func meanAround(img image.Image, x, y, n int) [3]float64 {
	var s [3]float64
	h := n / 2
	for j := y - h; j < y-h+n; j++ {
		for i := x - h; i < x-h+n; i++ {
			r, g, b, _ := img.At(i, j).RGBA()
			s[0] += float64(r >> 8)
			s[1] += float64(g >> 8)
			s[2] += float64(b >> 8)
		}
	}
	for c := range s {
		s[c] = math.Round(s[c] / float64(n*n))
	}
	return s
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(mustRead(t, path)))
	require.NoError(t, err)
	return img
}

// TestSVGEscapesHostileText writes titles with markup characters and with
// characters XML 1.0 forbids, and reads the file back with encoding/xml,
// token by token: the document must parse, and the title must come back
// with the markup intact and the forbidden characters gone.
func TestSVGEscapesHostileText(t *testing.T) {
	cases := []struct {
		name, title, want string
	}{
		{"C0 control", "a\x01b", "ab"},
		{"terminal escape", "\x1b[2Jcleared\x07", "[2Jcleared"},
		{"NUL and DEL", "x\x00y\x7fz", "xyz"},
		{"C1 controls", "a\u0085b\u009bc", "abc"},
		{"non-characters", "a\uFFFEb\uFFFFc", "abc"},
		{"markup", `<b a="1">&amp;'quoted'</b>`, `<b a="1">&amp;'quoted'</b>`},
		{"invalid UTF-8 becomes U+FFFD", "a\xffb", "a\uFFFDb"},
		{"tab kept", "a\tb", "a\tb"},
		{"Cyrillic kept", "ОДКБ", "ОДКБ"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := testOptions(t, 480, 300)
			o.Title = tc.title
			var buf bytes.Buffer
			require.NoError(t, WriteSVG(&buf, o))
			dec := xml.NewDecoder(bytes.NewReader(buf.Bytes()))
			for {
				_, err := dec.Token()
				if err == io.EOF {
					break
				}
				require.NoError(t, err, "the SVG is not well-formed XML")
			}
			doc := parseSVG(t, buf.Bytes())
			assert.Equal(t, tc.want, doc.Title)
			var title string
			for _, tx := range doc.Texts {
				if tx.Class == "title" {
					title = tx.Text
				}
			}
			// The layout may break the line at a control character that
			// counts as a space; what matters is that nothing forbidden
			// is left and nothing else is lost.
			squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
			assert.Equal(t, squash(tc.want), squash(title), "the visible title")
		})
	}
}

// TestXMLEscapeAttributes checks esc in an attribute, where quotes and
// newlines must survive a round trip.
func TestXMLEscapeAttributes(t *testing.T) {
	for _, s := range []string{`"q" & 'a' <x>`, "line\nbreak\r\ttab", "\x01\x02"} {
		var v struct {
			A string `xml:"a,attr"`
		}
		doc := `<e a="` + esc(s) + `"/>`
		require.NoError(t, xml.Unmarshal([]byte(doc), &v), doc)
		assert.Equal(t, strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
				return -1
			}
			return r
		}, s), v.A)
	}
}

// TestSVGTerritories: a territory keeps its own path and takes its
// sovereign's data-status (Greenland and the Faroes with Denmark in NATO).
func TestSVGTerritories(t *testing.T) {
	o := testOptions(t, 1600, 1000)
	_, as := load(t)
	o.Alliance = as["nato"]
	o.Selected = ""
	var buf bytes.Buffer
	require.NoError(t, WriteSVG(&buf, o))
	doc := parseSVG(t, buf.Bytes())
	var countries *svgG
	for i := range doc.Groups {
		if doc.Groups[i].ID == "map" {
			countries = &doc.Groups[i].Groups[0]
		}
	}
	require.NotNil(t, countries)
	for _, iso := range []string{"DNK", "GRL", "FRO"} {
		p := findPath(countries.Paths, iso)
		assert.Equal(t, "current", p.Status, iso)
	}
	assert.Equal(t, "none", findPath(countries.Paths, "AUT").Status, "Austria is neutral")
}
