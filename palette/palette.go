// Package palette holds the map's colours: one fill per membership status,
// chosen from the Okabe–Ito colour-blind-safe set, for a light and a dark
// style. Threatening is also hatched, so it reads without colour. The window
// and every export use the same palette.
package palette

import (
	"image/color"
	"time"

	"cstomap/geo"
	"cstomap/timeline"
)

// Palette is the set of colours of one style.
type Palette struct {
	// Name is "light" or "dark".
	Name string
	// Map is the sea, border and outline style.
	Map geo.Style
	// Land is the fill of countries with no status: a quiet neutral,
	// distinct from the sea.
	Land color.RGBA
	// Fills per status, and the hatch drawn over Threatening.
	Current, Departed, Threatening, Hatch color.RGBA
	// Text and SubtleText are for titles, the year and the legend in exports.
	Text, SubtleText, Background color.RGBA
}

// Light and Dark are the two styles.
var (
	Light = Palette{
		Name:        "light",
		Map:         geo.LightStyle,
		Land:        color.RGBA{0xe6, 0xe3, 0xdc, 0xff},
		Current:     color.RGBA{0x00, 0x72, 0xb2, 0xff}, // Okabe–Ito blue
		Departed:    color.RGBA{0xd5, 0x5e, 0x00, 0xff}, // vermillion
		Threatening: color.RGBA{0xe6, 0x9f, 0x00, 0xff}, // orange
		Hatch:       color.RGBA{0x7a, 0x4a, 0x00, 0xff},
		Text:        color.RGBA{0x1a, 0x1a, 0x1a, 0xff},
		SubtleText:  color.RGBA{0x55, 0x55, 0x55, 0xff},
		Background:  color.RGBA{0xff, 0xff, 0xff, 0xff},
	}
	Dark = Palette{
		Name:        "dark",
		Map:         geo.DarkStyle,
		Land:        color.RGBA{0x4a, 0x4d, 0x52, 0xff},
		Current:     color.RGBA{0x56, 0xb4, 0xe9, 0xff}, // Okabe–Ito sky blue
		Departed:    color.RGBA{0xe0, 0x6c, 0x1f, 0xff}, // vermillion, lifted for dark ground
		Threatening: color.RGBA{0xf0, 0xb0, 0x20, 0xff}, // orange
		Hatch:       color.RGBA{0x3a, 0x26, 0x00, 0xff},
		Text:        color.RGBA{0xf0, 0xf0, 0xf0, 0xff},
		SubtleText:  color.RGBA{0xb0, 0xb0, 0xb0, 0xff},
		Background:  color.RGBA{0x16, 0x1a, 0x20, 0xff},
	}
)

// Paint returns the paint of a country with status s.
func (p Palette) Paint(s timeline.Status) geo.Paint {
	switch s {
	case timeline.StatusCurrent:
		return geo.Paint{Fill: p.Current}
	case timeline.StatusDeparted:
		return geo.Paint{Fill: p.Departed}
	case timeline.StatusThreatening:
		return geo.Paint{Fill: p.Threatening, Hatch: p.Hatch}
	}
	return geo.Paint{Fill: p.Land}
}

// Colour returns the fill of status s (Land for none).
func (p Palette) Colour(s timeline.Status) color.RGBA {
	return p.Paint(s).Fill
}

// Statuses maps ISO codes to their status in one year.
type Statuses map[string]timeline.Status

// ForYear returns the status of every country of a in year (the timeline's
// status rule, with today for the current year).
func ForYear(a *timeline.Alliance, year int, today time.Time) Statuses {
	es := a.Statuses(year, today)
	m := make(Statuses, len(es))
	for _, e := range es {
		m[e.ISO] = e.Status
	}
	return m
}

// PaintFunc returns the geo.PaintFunc that colours countries by st.
func (p Palette) PaintFunc(st Statuses) geo.PaintFunc {
	return func(iso string) geo.Paint { return p.Paint(st[iso]) }
}
