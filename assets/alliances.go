package assets

import "embed"

// Alliances holds the alliance timelines, one JSON file per alliance, at
// alliances/<id>.json (alliances/csto.json, alliances/nato.json). Only *.json
// files are embedded; the schema and provenance are in alliances/README.md.
// Load them with timeline.LoadFS(assets.Alliances, "alliances", known).
//
//go:embed alliances/*.json
var Alliances embed.FS
