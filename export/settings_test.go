package export

import (
	"errors"
	"math"
	"strings"
	"testing"

	"cstomap/geo"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testScene is the CSTO in 2024 with Armenia selected.
func testScene(tb testing.TB) Scene { return testOptions(tb, 100, 100).Scene }

func TestSettingsJobProblems(t *testing.T) {
	cases := []struct {
		name    string
		edit    func(*Settings, *Scene)
		setting string
		msg     string
	}{
		{"width too small", func(s *Settings, _ *Scene) { s.Width = 8 }, "width", "width 8 is outside 16…16384"},
		{"height too large", func(s *Settings, _ *Scene) { s.Height = 20000 }, "height", "height 20000 is outside 16…16384"},
		{"scale 4", func(s *Settings, _ *Scene) { s.Scale = 4 }, "scale", "scale 4 is outside 1…3"},
		{"scale too big for the size", func(s *Settings, _ *Scene) { s.Width, s.Scale = 6000, 3 }, "scale", "more than 16384 per side"},
		{"unknown preset", func(s *Settings, _ *Scene) { s.Preset = "poster" }, "preset", `unknown preset "poster"`},
		{"unknown kind", func(s *Settings, _ *Scene) { s.Kind = "bmp" }, "format", `unknown kind of export "bmp"`},
		{"delay too long", func(s *Settings, _ *Scene) { s.Kind, s.DelayMS = KindGIF, MaxDelayMS+1 }, "delay", "delay 655351 ms is outside 0…655350 ms"},
		{"title too long", func(s *Settings, _ *Scene) { s.Title = strings.Repeat("é", MaxTitle+1) }, "title", "the title has 301 characters; at most 300 fit"},
		{"title with a control character", func(s *Settings, _ *Scene) { s.Title = "a\x01b" }, "title", "control character U+0001"},
		{"title with a line break", func(s *Settings, _ *Scene) { s.Title = "a\nb" }, "title", "control character U+000A"},
		{"title with an escape", func(s *Settings, _ *Scene) { s.Title = "\x1b]0;x\x07" }, "title", "control character U+001B"},
		{"title not UTF-8", func(s *Settings, _ *Scene) { s.Title = "a\xffb" }, "title", "not valid UTF-8"},
		{"year before the alliance", func(_ *Settings, sc *Scene) { sc.Year = 1980 }, "year", "year 1980 is outside CSTO's years 1992-2026"},
		{"unknown country", func(_ *Settings, sc *Scene) { sc.Selected = "XXX" }, "select", `unknown country code "XXX"`},
		{"huge years", func(s *Settings, _ *Scene) { s.Kind, s.First, s.Last = KindGIF, 1, 2_000_000_000 }, "years", "years 1-2000000000 are outside CSTO's years 1992-2026"},
		{"years to the largest int", func(s *Settings, _ *Scene) { s.Kind, s.First, s.Last = KindYearsPNG, 1992, math.MaxInt }, "years", "are outside CSTO's years 1992-2026"},
		{"years backwards", func(s *Settings, _ *Scene) { s.Kind, s.First, s.Last = KindGIF, 2000, 1999 }, "years", "years 2000-1999 run backwards"},
		{"years from the smallest int", func(s *Settings, _ *Scene) { s.Kind, s.First, s.Last = KindGIF, math.MinInt, 2000 }, "years", "are outside CSTO's years"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, sc := DefaultSettings(), testScene(t)
			tc.edit(&s, &sc)
			_, err := s.Job(sc, "/tmp/x.png")
			require.Error(t, err)
			var p *Problem
			require.True(t, errors.As(err, &p), "%T is a *Problem", err)
			assert.Equal(t, tc.setting, p.Setting)
			assert.Contains(t, err.Error(), tc.msg)
			assert.NotContains(t, err.Error(), "export:", "written for users")
			assert.ErrorIs(t, err, ErrOptions)
		})
	}
}

func TestSettingsJob(t *testing.T) {
	sc := testScene(t)
	cases := []struct {
		name   string
		s      Settings
		format Format
		years  []int
		year   int
		dark   bool
		size   [2]int
		dpi    float64
	}{
		{"png", DefaultSettings(), PNG, nil, 2024, false, [2]int{1600, 1000}, DefaultDPI},
		{"svg, dark, a preset", Settings{Kind: KindSVG, Preset: "a4", Scale: 1, Style: StyleDark}, SVG, nil, 2024, true, [2]int{3508, 2480}, 300},
		{"gif of every year", Settings{Kind: KindGIF, Width: 64, Height: 40, Scale: 1, Style: StyleLight}, GIF, YearsBetween(1992, 2026), 1992, false, [2]int{64, 40}, DefaultDPI},
		{"gif of a few years", Settings{Kind: KindGIF, Width: 64, Height: 40, Scale: 1, Style: StyleWindow, First: 2000, Last: 2002}, GIF, []int{2000, 2001, 2002}, 2000, false, [2]int{64, 40}, DefaultDPI},
		{"svg per year", Settings{Kind: KindYearsSVG, Width: 64, Height: 40, Scale: 2, Style: StyleWindow, First: 1999, Last: 2000}, SVG, []int{1999, 2000}, 1999, false, [2]int{64, 40}, DefaultDPI},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			j, err := tc.s.Job(sc, "/x/out")
			require.NoError(t, err)
			assert.Equal(t, tc.format, j.Format)
			assert.Equal(t, tc.years, j.Years)
			assert.Equal(t, tc.year, j.Options.Year)
			assert.Equal(t, tc.dark, j.Options.Dark)
			assert.Equal(t, tc.size, [2]int{j.Options.Width, j.Options.Height})
			assert.Equal(t, tc.dpi, j.Options.DPI)
			assert.Equal(t, "/x/out", j.Path)
		})
	}
}

func TestSettingsJobCopiesTheView(t *testing.T) {
	sc := testScene(t)
	f := FramingOf(sc.Alliance, sc.World)
	v := f.View(geo.NewRenderer(sc.World).Projected(f.Proj), 900, 600)
	sc.View = &v
	j, err := DefaultSettings().Job(sc, "a.png")
	require.NoError(t, err)
	require.NotNil(t, j.Options.View)
	assert.Equal(t, v, *j.Options.View)
	assert.NotSame(t, sc.View, j.Options.View, "a copy, not the window's own")
}

func TestSettingsDefaultName(t *testing.T) {
	sc := testScene(t)
	for _, tc := range []struct {
		s    Settings
		want string
	}{
		{Settings{Kind: KindPNG}, "csto-2024.png"},
		{Settings{Kind: KindSVG}, "csto-2024.svg"},
		{Settings{Kind: KindGIF}, "csto-1992-2026.gif"},
		{Settings{Kind: KindGIF, First: 2000, Last: 2010}, "csto-2000-2010.gif"},
		{Settings{Kind: KindYearsPNG}, "csto-1992-2026-png"},
	} {
		assert.Equal(t, tc.want, tc.s.DefaultName(sc))
	}
	assert.Equal(t, "armenia.svg", Settings{Kind: KindSVG}.WithExt("armenia.png"))
	assert.Equal(t, "maps", Settings{Kind: KindYearsSVG}.WithExt("maps"))
}

func TestSettingsRepaired(t *testing.T) {
	d := DefaultSettings()
	damaged := Settings{Kind: "bmp", Preset: "poster", Width: 5, Height: 100, Scale: 9, Title: "a\x00", Style: "neon", DelayMS: -1, First: 2000}
	assert.Equal(t, d, damaged.Repaired())
	good := Settings{Kind: KindGIF, Preset: "hd", Width: 300, Height: 200, Scale: 2, Title: "T", Style: StyleDark, DelayMS: 100}
	assert.Equal(t, good, good.Repaired())
}

func TestHideNames(t *testing.T) {
	for _, tc := range []struct {
		hide  Hide
		names []string
	}{
		{Hide{}, nil},
		{Hide{Map: true, Source: true}, []string{"map", "source"}},
		{Hide{Map: true, Title: true, Year: true, Legend: true, Highlight: true, Source: true}, []string{"map", "title", "year", "legend", "highlight", "source"}},
	} {
		assert.Equal(t, tc.names, tc.hide.Names())
		assert.Equal(t, tc.hide, HideNames(tc.names))
	}
	assert.Equal(t, Hide{Legend: true}, HideNames([]string{"legend", "frame"}), "unknown names ignored")
}
