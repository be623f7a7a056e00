#!/usr/bin/python3
"""render.py GEOJSON OUT.png W H - Mapnik's plain render of the country outlines.

The baseline of the export budget of issue 10: `cstomap export` of a
1920x1080 PNG, whole process, with labels and inset, may take at most 1/0.6
of this script's time (see cli/export_test.go, BenchmarkMapnikProcessHDBaseline).

It draws the same Natural Earth outlines the app bundles, in the CSTO map's
Albers projection (centre 80E, parallels 45N and 65N), framed on the same
region, with one fill and a border line: no labels, colours by status or
legend. Needs Debian's python3-mapnik (make bench installs it).
"""
import sys

import mapnik

ALBERS = "+proj=aea +lat_1=45 +lat_2=65 +lat_0=55 +lon_0=80 +datum=WGS84 +units=m +no_defs"
# The region the CSTO map frames: the members from Belarus to the Pacific.
REGION = (23.0, 36.0, 180.0, 72.0)  # lon0, lat0, lon1, lat1


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__.splitlines()[0])
    src, out, w, h = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    m = mapnik.Map(w, h, ALBERS)
    m.background = mapnik.Color("#dfeaf2")
    style = mapnik.Style()
    rule = mapnik.Rule()
    fill = mapnik.PolygonSymbolizer()
    fill.fill = mapnik.Color("#d9d9d9")
    rule.symbols.append(fill)
    line = mapnik.LineSymbolizer()
    line.stroke = mapnik.Color("#ffffff")
    line.stroke_width = 0.8
    rule.symbols.append(line)
    style.rules.append(rule)
    m.append_style("countries", style)
    layer = mapnik.Layer("countries", "+proj=longlat +datum=WGS84 +no_defs")
    layer.datasource = mapnik.Datasource(type="geojson", file=src)
    layer.styles.append("countries")
    m.layers.append(layer)
    to_map = mapnik.ProjTransform(mapnik.Projection(layer.srs), mapnik.Projection(ALBERS))
    # The box of the region's edge, sampled every degree: in a conic
    # projection the corners alone do not bound it.
    lon0, lat0, lon1, lat1 = REGION
    edge = [(lon, lat) for lon in range(int(lon0), int(lon1) + 1) for lat in (lat0, lat1)]
    edge += [(lon, lat) for lat in range(int(lat0), int(lat1) + 1) for lon in (lon0, lon1)]
    pts = [to_map.forward(mapnik.Coord(lon, lat)) for lon, lat in edge]
    m.zoom_to_box(mapnik.Box2d(min(p.x for p in pts), min(p.y for p in pts), max(p.x for p in pts), max(p.y for p in pts)))
    mapnik.render_to_file(m, out, "png")


if __name__ == "__main__":
    main()
