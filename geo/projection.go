package geo

import (
	"fmt"
	"math"
)

const deg = math.Pi / 180

// Albers is the Albers equal-area conic projection on the unit sphere.
//
// It suits the wide east-west, mid-latitude span of Europe and northern Asia:
// areas are true, so Russia keeps its real size relative to its neighbours
// (unlike plate carrée or Mercator). Longitudes are measured from Lon0; the
// seam where the cone is cut is the meridian opposite Lon0, and geometry
// that crosses it is split there (see Seam).
type Albers struct {
	Lon0, Lat0, Lat1, Lat2 float64 // degrees: central meridian, origin latitude, standard parallels

	n, c, rho0 float64
}

// NewAlbers returns the projection with central meridian lon0, origin
// latitude lat0 and standard parallels lat1 and lat2 (degrees). The
// parallels must be in the same hemisphere and not symmetric about the
// equator.
func NewAlbers(lon0, lat0, lat1, lat2 float64) (Albers, error) {
	p := Albers{Lon0: lon0, Lat0: lat0, Lat1: lat1, Lat2: lat2}
	p.n = (math.Sin(lat1*deg) + math.Sin(lat2*deg)) / 2
	if math.Abs(p.n) < 1e-9 || lon0 < -180 || lon0 > 180 {
		return Albers{}, fmt.Errorf("geo: bad Albers parameters lon0=%g lat1=%g lat2=%g", lon0, lat1, lat2)
	}
	p.c = math.Cos(lat1*deg)*math.Cos(lat1*deg) + 2*p.n*math.Sin(lat1*deg)
	p.rho0 = math.Sqrt(p.c-2*p.n*math.Sin(lat0*deg)) / p.n
	return p, nil
}

// MustAlbers is NewAlbers for parameters known to be valid; it panics
// otherwise.
func MustAlbers(lon0, lat0, lat1, lat2 float64) Albers {
	p, err := NewAlbers(lon0, lat0, lat1, lat2)
	if err != nil {
		panic(err)
	}
	return p
}

// Seam is the longitude, in [-180, 180), where the cone is cut: the meridian
// opposite Lon0.
func (p Albers) Seam() float64 {
	return normLon(p.Lon0 + 180)
}

// Forward projects lon/lat (degrees) to unit-sphere map coordinates, y
// pointing north. lon is taken relative to Lon0 after wrapping into
// [Lon0-180, Lon0+180).
func (p Albers) Forward(lon, lat float64) (x, y float64) {
	return p.forwardDelta(normLon(lon-p.Lon0), lat)
}

func (p Albers) forwardDelta(dlon, lat float64) (x, y float64) {
	theta := p.n * dlon * deg
	rho := math.Sqrt(math.Max(0, p.c-2*p.n*math.Sin(lat*deg))) / p.n
	return rho * math.Sin(theta), p.rho0 - rho*math.Cos(theta)
}

// Inverse maps unit-sphere map coordinates back to lon/lat (degrees, lon in
// [-180, 180)). ok is false for points outside the projected globe.
func (p Albers) Inverse(x, y float64) (lon, lat float64, ok bool) {
	dy := p.rho0 - y
	rho := math.Hypot(x, dy)
	theta := math.Atan2(x, dy)
	if p.n < 0 {
		rho, theta = -rho, math.Atan2(-x, -dy)
	}
	s := (p.c - rho*rho*p.n*p.n) / (2 * p.n)
	if s < -1-1e-12 || s > 1+1e-12 {
		return 0, 0, false
	}
	s = math.Max(-1, math.Min(1, s))
	dlon := theta / p.n / deg
	if dlon < -180-1e-9 || dlon > 180+1e-9 {
		return 0, 0, false
	}
	return normLon(p.Lon0 + dlon), math.Asin(s) / deg, true
}

// normLon wraps a longitude into [-180, 180).
func normLon(lon float64) float64 {
	lon = math.Mod(lon+180, 360)
	if lon < 0 {
		lon += 360
	}
	return lon - 180
}
