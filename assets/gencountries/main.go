// Command gencountries turns the Natural Earth admin-0 GeoJSON into the
// compact outlines file that CSTO Map embeds. It applies the same decoding
// and recognised-borders correction as geo.FromGeoJSON, so its output is
// reproducible from the unmodified upstream file:
//
//	go generate ./assets
package main

import (
	"flag"
	"fmt"
	"os"

	"cstomap/geo"

	"github.com/google/renameio/v2"
)

func main() {
	in := flag.String("in", "ne_50m_admin_0_countries.geojson", "Natural Earth admin-0 GeoJSON")
	out := flag.String("out", "countries.bin", "compact outlines file to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gencountries:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	countries, err := geo.FromGeoJSON(data)
	if err != nil {
		return err
	}
	return renameio.WriteFile(out, geo.EncodeCompact(countries), 0o644)
}
