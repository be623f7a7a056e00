package cli

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"cstomap/assets"
	"cstomap/timeline"
)

// now is the clock of the commands; tests replace it.
var now = time.Now

// loadAlliances loads the embedded alliance files and, when dataDir is set,
// the user's files from it, which add to or replace the embedded ones. A bad
// user file is reported on stderr and skipped; the embedded data stays.
func (e *env) loadAlliances(dataDir string) ([]*timeline.Alliance, error) {
	w, err := e.loadWorld()
	if err != nil {
		return nil, err
	}
	all, userErrs, err := timeline.LoadAll(assets.Alliances, "alliances", dataDir, w.Known)
	for _, err := range userErrs {
		fmt.Fprintf(e.stderr, "cstomap: skipping user data: %v\n", err)
	}
	return all, err
}

// errUnknownAlliance is returned by findAlliance.
var errUnknownAlliance = errors.New("unknown alliance")

// findAlliance returns the alliance with the id (case-insensitive).
func findAlliance(all []*timeline.Alliance, id string) (*timeline.Alliance, error) {
	var ids []string
	for _, a := range all {
		if strings.EqualFold(a.ID, id) {
			return a, nil
		}
		ids = append(ids, a.ID)
	}
	return nil, fmt.Errorf("%w %q (want one of %s)", errUnknownAlliance, id, strings.Join(ids, ", "))
}
