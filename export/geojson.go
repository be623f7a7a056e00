package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"cstomap/events"
)

// GeoJSON is the format of the map as geographic data (RFC 7946).
const GeoJSON Format = "geojson"

// GeoJSONOf returns the map of sc's year as a GeoJSON FeatureCollection,
// for GIS tools (QGIS, Datawrapper, Flourish, GDAL):
//
//   - one MultiPolygon feature per country of the year's outlines
//     (sc.WorldIn(sc.Year), else sc.World), in their order, with
//     the id and properties "iso", "name", "status" (current, departed,
//     threatening, or null for no status), "since" (YYYY-MM-DD, or null),
//     "via" (the sovereign whose status a territory takes, or null),
//     "year" and "alliance" (the alliance's id). A territory carries its
//     sovereign's status, as the map colours it.
//   - one Point feature per event of evs, at its place, with the id and
//     properties "id", "kind", "date", "end" (null for a one-day or an
//     open-ended event), "place", "outcome" (null but for requests),
//     "note", "sources" (an array of URLs), "iso" (the countries
//     concerned, comma-separated), "year" and "alliance" (the event's).
//     The caller chooses the events, e.g. those of the year
//     (events.Event.InYear).
//
// The geometry is in longitude/latitude degrees under the map's borders
// policy (Crimea in Ukraine, …), with the historical units of the year
// (the GDR and the Federal Republic in 1949–1990) when sc.WorldIn gives
// them. It follows RFC 7946: rings are
// closed, outer rings run counter-clockwise and holes clockwise (the
// outlines' own rings are never changed; reversed copies are written), and
// every feature and the collection carry a bbox. A coordinate that is not
// a finite number in range is an error: nothing is written that GIS tools
// would reject.
func GeoJSONOf(sc Scene, evs []events.Event) (*geojson.FeatureCollection, error) {
	if sc.World == nil || sc.Alliance == nil {
		return nil, problem("data", "no map data is loaded")
	}
	world := Options{Scene: sc}.YearWorld()
	entries := sc.Alliance.StatusesVia(sc.Year, sc.Today, world.Territories())
	byISO := make(map[string]int, len(entries))
	for i, e := range entries {
		byISO[e.ISO] = i
	}
	fc := geojson.NewFeatureCollection()
	fc.Features = make([]*geojson.Feature, 0, len(world.Countries)+len(evs))
	all := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	for i := range world.Countries {
		c := &world.Countries[i]
		mp, err := rfc7946(c.Geometry)
		if err != nil {
			return nil, fmt.Errorf("export GeoJSON: %s: %w", c.ISO, err)
		}
		f := geojson.NewFeature(mp)
		f.ID = c.ISO
		b := mp.Bound()
		f.BBox = geojson.NewBBox(b)
		all = all.Union(b)
		f.Properties = geojson.Properties{
			"iso": c.ISO, "name": c.Name, "status": nil, "since": nil, "via": nil,
			"year": sc.Year, "alliance": sc.Alliance.ID,
		}
		if j, ok := byISO[c.ISO]; ok {
			e := entries[j]
			f.Properties["status"] = string(e.Status)
			f.Properties["since"] = e.Since.Format(time.DateOnly)
			if e.Via != "" {
				f.Properties["via"] = e.Via
			}
		}
		fc.Append(f)
	}
	for i := range evs {
		e := &evs[i]
		p := orb.Point{e.Lon, e.Lat}
		if !validLonLat(p) {
			return nil, fmt.Errorf("export GeoJSON: event %s: place %g, %g is not a longitude and latitude", e.ID, e.Lon, e.Lat)
		}
		f := geojson.NewFeature(p)
		f.ID = e.ID
		f.BBox = geojson.NewBBox(p.Bound())
		all = all.Extend(p)
		f.Properties = geojson.Properties{
			"id": e.ID, "kind": string(e.Kind), "date": e.Date.String(), "end": orNil(e.End.String()),
			"place": e.Place, "outcome": orNil(string(e.Outcome)), "note": e.Note,
			"sources": append([]string{}, e.Sources...), "iso": strings.Join(e.ISO, ","),
			"year": sc.Year, "alliance": e.Alliance,
		}
		fc.Append(f)
	}
	if len(fc.Features) > 0 {
		fc.BBox = geojson.NewBBox(all)
	}
	return fc, nil
}

// WriteGeoJSON writes GeoJSONOf(sc, evs) to w, one feature a line,
// followed by a newline. The collection carries the export's source line
// (Options.SourceText, with the ODbL credit of the inner German border in
// 1949–1990) as the foreign member "attribution". Each feature is encoded
// by orb
// (geojson.Feature.MarshalJSON), on all CPUs; the collection around them
// is written here, which spares encoding/json checking the whole file
// once more.
func WriteGeoJSON(w io.Writer, sc Scene, evs []events.Event) error {
	fc, err := GeoJSONOf(sc, evs)
	if err != nil {
		return err
	}
	enc, err := marshalFeatures(fc.Features)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	attribution, err := json.Marshal(Options{Scene: sc}.SourceText())
	if err != nil {
		return fmt.Errorf("export GeoJSON: %w", err)
	}
	fmt.Fprintf(bw, `{"type":"FeatureCollection","attribution":%s,`, attribution)
	if fc.BBox != nil {
		bbox, err := json.Marshal(fc.BBox)
		if err != nil {
			return fmt.Errorf("export GeoJSON: %w", err)
		}
		fmt.Fprintf(bw, `"bbox":%s,`, bbox)
	}
	bw.WriteString(`"features":[`)
	for i, data := range enc {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
		bw.Write(data)
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

// marshalFeatures encodes each feature with orb, in parallel.
func marshalFeatures(fs []*geojson.Feature) ([][]byte, error) {
	out := make([][]byte, len(fs))
	errs := make([]error, len(fs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(fs)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(fs); i = int(next.Add(1) - 1) {
				out[i], errs[i] = fs[i].MarshalJSON()
			}
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("export GeoJSON: feature %v: %w", fs[i].ID, err)
		}
	}
	return out, nil
}

// orNil returns s, or nil (JSON null) for "".
func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// validLonLat reports whether p is a finite longitude and latitude.
func validLonLat(p orb.Point) bool {
	return p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90 // false for NaN
}

// rfc7946 returns mp with the winding RFC 7946 asks for: each polygon's
// outer ring counter-clockwise and its holes clockwise. Rings already so
// wound are shared with mp, the others are reversed copies; mp itself is
// never changed. A ring that is not closed, has fewer than four positions
// or a position that is not a finite longitude and latitude is an error.
func rfc7946(mp orb.MultiPolygon) (orb.MultiPolygon, error) {
	out := make(orb.MultiPolygon, len(mp))
	for i, poly := range mp {
		np := make(orb.Polygon, len(poly))
		for j, r := range poly {
			if len(r) < 4 || !r.Closed() {
				return nil, fmt.Errorf("polygon %d, ring %d: not a closed ring of at least four positions", i, j)
			}
			for _, p := range r {
				if !validLonLat(p) {
					return nil, fmt.Errorf("polygon %d, ring %d: position %g, %g is not a longitude and latitude", i, j, p[0], p[1])
				}
			}
			want := orb.CCW
			if j > 0 {
				want = orb.CW
			}
			if o := r.Orientation(); o != want && o != 0 {
				r = r.Clone()
				r.Reverse()
			}
			np[j] = r
		}
		out[i] = np
	}
	return out, nil
}
