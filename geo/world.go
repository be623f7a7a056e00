// Package geo is the pure core of CSTO Map: the country outlines, the map
// projection and viewport, hit testing and rendering to an *image.RGBA.
// It never imports Fyne, so the window, the command line and the tests share
// exactly the same code.
package geo

import (
	"errors"
	"sync"

	"github.com/paulmach/orb"
)

// ErrUnknownCountry is returned when an ISO 3166-1 alpha-3 code names no
// country in the outlines.
var ErrUnknownCountry = errors.New("geo: unknown country code")

// Country is one admin-0 feature of the outlines.
//
// Geometry holds lon/lat degrees exactly as Natural Earth has them (rings
// closed, exteriors clockwise, holes counter-clockwise), after the
// recognised-borders correction applied by FromGeoJSON.
type Country struct {
	// ISO is the ISO 3166-1 alpha-3 code (ISO_A3_EH, or ADM0_A3 where that is -99).
	ISO string
	// Name is Natural Earth's short name (NAME), e.g. "Russia".
	Name string
	// LongName is Natural Earth's long name (NAME_LONG), e.g. "Russian Federation".
	LongName string
	// Geometry is the country's outline; a Polygon feature becomes a
	// MultiPolygon of one part.
	Geometry orb.MultiPolygon
	// Sovereign is the code of the state a territory belongs to (from
	// Natural Earth's SOVEREIGNT, e.g. "DNK" for Greenland), or "" for a
	// state. A territory takes its sovereign's status on the map.
	Sovereign string
	// Disputed marks a unit whose statehood is disputed among UN members
	// (Kosovo, Taiwan); the map says so where it names it.
	Disputed bool
}

// World is the set of countries of the outlines, in file order.
// It is read-only once built and safe for concurrent use.
type World struct {
	Countries []Country
	byISO     map[string]int
	// The hit-testing index is built on first use: the first frame of the
	// window does not need it, and start-up is felt every time.
	hitOnce sync.Once
	hit     *hitIndex
}

// NewWorld indexes countries for lookup. It fails on an empty or duplicate
// ISO code. The index for hit testing (CountryAt) is built on the first
// query.
func NewWorld(countries []Country) (*World, error) {
	w := &World{Countries: countries, byISO: make(map[string]int, len(countries))}
	for i, c := range countries {
		if c.ISO == "" {
			return nil, errors.New("geo: country without ISO code")
		}
		if _, dup := w.byISO[c.ISO]; dup {
			return nil, errors.New("geo: duplicate country code " + c.ISO)
		}
		w.byISO[c.ISO] = i
	}
	return w, nil
}

// Country returns the country with the ISO code, or false.
func (w *World) Country(iso string) (*Country, bool) {
	i, ok := w.byISO[iso]
	if !ok {
		return nil, false
	}
	return &w.Countries[i], true
}

// Known reports whether iso is the code of a country in the outlines.
func (w *World) Known(iso string) bool {
	_, ok := w.byISO[iso]
	return ok
}

// Name returns the short name of the country, or iso itself when unknown.
func (w *World) Name(iso string) string {
	if c, ok := w.Country(iso); ok {
		return c.Name
	}
	return iso
}

// Index returns the position of the country in Countries, or -1.
func (w *World) Index(iso string) int {
	if i, ok := w.byISO[iso]; ok {
		return i
	}
	return -1
}
