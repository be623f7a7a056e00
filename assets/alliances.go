package assets

import "embed"

// Alliances holds the alliance timelines, one JSON file per alliance, at
// alliances/<id>.json (alliances/csto.json, alliances/nato.json). Only *.json
// files are embedded; the schema and provenance are in alliances/README.md.
// Load them with timeline.LoadFS(assets.Alliances, "alliances", known).
//
//go:embed alliances/*.json
var Alliances embed.FS

// Sources is the source policy, sources.json: every domain the alliance
// files cite, with its class (official, news, research, reference,
// unreliable), the publisher's name and a one-line reason. It sits beside
// the alliances folder, not in it, because every *.json file there (and in
// a user's --data folder) is read as an alliance. Parse it with
// timeline.ParsePolicy; the schema is in alliances/README.md.
//
//go:embed sources.json
var Sources []byte
