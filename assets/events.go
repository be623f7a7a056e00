package assets

import "embed"

// Events holds the dated, sourced events shown on the map (calls for help,
// deployments, clashes, foreign bases, invocations), one or more JSON files
// at events/*.json. Only *.json files are embedded; the schema and
// provenance are in events/README.md. Load them with
// events.LoadFS(assets.Events, "events", known).
//
//go:embed events/*.json
var Events embed.FS
