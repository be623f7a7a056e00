// Command gencountries turns the Natural Earth admin-0 GeoJSON into the
// compact outlines file that CSTO Map embeds. It applies the same decoding
// and recognised-borders correction as geo.FromGeoJSON, so its output is
// reproducible from the unmodified upstream file:
//
//	go generate ./assets
//
// With -units it also writes the outlines of the historical units' split
// parts (units.Generate): the parts of each split, cut along the line
// their units file names, in the same compact format.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"cstomap/geo"
	"cstomap/units"

	"github.com/google/renameio/v2"
)

func main() {
	in := flag.String("in", "ne_50m_admin_0_countries.geojson", "Natural Earth admin-0 GeoJSON")
	out := flag.String("out", "countries.bin", "compact outlines file to write")
	unitsIn := flag.String("units", "", "historical units file (units.json); its cut files are read beside it")
	unitsOut := flag.String("units-out", "units.bin", "compact file of the units' split parts to write")
	flag.Parse()
	if err := run(*in, *out, *unitsIn, *unitsOut); err != nil {
		fmt.Fprintln(os.Stderr, "gencountries:", err)
		os.Exit(1)
	}
}

func run(in, out, unitsIn, unitsOut string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	countries, err := geo.FromGeoJSON(data)
	if err != nil {
		return err
	}
	if err := renameio.WriteFile(out, geo.EncodeCompact(countries), 0o644); err != nil {
		return err
	}
	if unitsIn == "" {
		return nil
	}
	udata, err := os.ReadFile(unitsIn)
	if err != nil {
		return err
	}
	dir := filepath.Dir(unitsIn)
	parts, err := units.Generate(udata, filepath.Base(unitsIn), countries, func(name string) ([]byte, error) {
		return os.ReadFile(filepath.Join(dir, name))
	})
	if err != nil {
		return err
	}
	return renameio.WriteFile(unitsOut, geo.EncodeCompact(parts), 0o644)
}
