// Package dataset is CSTO Map's one loader. The window, every command and
// the tests get the outlines, the alliances (embedded and the user's), the
// articles with their aliases, and "today" from [Load], so that they all
// see the same data.
package dataset

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"cstomap/assets"
	"cstomap/events"
	"cstomap/geo"
	"cstomap/internal/clock"
	"cstomap/passages"
	"cstomap/seeds"
	"cstomap/timeline"
	"cstomap/units"
)

// Options say where the user's data is and what time it is.
type Options struct {
	// DataDir is a folder of the user's alliance files (--data), which add
	// to or replace the embedded ones, and of their event files in its
	// events subfolder; "" for none.
	DataDir string
	// Clock gives "now"; nil means the system clock.
	Clock clock.Clock
}

// Data is everything the app shows. It is read-only once loaded, except
// the passage index, which the window may add user articles to.
type Data struct {
	// World holds today's country outlines; WorldIn gives a year's.
	World *geo.World
	// Atlas holds the historical units (assets/units.json) and the
	// outlines of every year; see WorldIn.
	Atlas *units.Atlas
	// Alliances are the embedded alliances, with the user's files applied,
	// in the order the alliance switch lists them.
	Alliances []*timeline.Alliance
	// Events are the embedded events, with the user's event files (in the
	// events folder of DataDir) applied, sorted by date (see package events).
	Events []events.Event
	// Aliases link words in articles to countries.
	Aliases *passages.Aliases
	// Sources is the source policy (assets/sources.json): each cited
	// domain's class and publisher, for checks and for display.
	Sources *timeline.Policy
	// Clock gives "now"; never nil.
	Clock clock.Clock

	indexOnce sync.Once
	index     *passages.Index
	indexErr  error
}

// Load loads the embedded data and the user's alliance and event files. A problem
// with the embedded data is a bug in the build and is returned as err,
// with no Data. Each bad user file is reported in userErrs and left out;
// the embedded data stays. The bundled articles are indexed on the first
// call of [Data.Index], not here, so a window can show its first frame
// before that work.
func Load(opts Options) (d *Data, userErrs []error, err error) {
	world, err := geo.LoadCompact(assets.Countries)
	if err != nil {
		return nil, nil, fmt.Errorf("load outlines: %w", err)
	}
	atlas, err := units.Load(world, assets.Units, "units.json", assets.UnitsBin)
	if err != nil {
		return nil, nil, fmt.Errorf("load historical units: %w", err)
	}
	alliances, userErrs, err := timeline.LoadAll(assets.Alliances, "alliances", opts.DataDir, atlas.Known)
	if err != nil {
		return nil, nil, err
	}
	evs, eventErrs, err := events.LoadAll(assets.Events, "events", opts.DataDir, atlas.Known)
	if err != nil {
		return nil, nil, err
	}
	if opts.DataDir != "" && isDir(filepath.Join(opts.DataDir, events.UserSubdir)) {
		// A folder of the user's events alone is no error for lacking
		// alliance files.
		userErrs = slices.DeleteFunc(userErrs, func(e error) bool { return errors.Is(e, timeline.ErrNoFiles) })
	}
	userErrs = append(userErrs, eventErrs...)
	al, err := passages.ParseAliases(seeds.Aliases(), world.Known)
	if err != nil {
		return nil, nil, fmt.Errorf("load aliases: %w", err)
	}
	pol, err := timeline.ParsePolicy(assets.Sources)
	if err != nil {
		return nil, nil, fmt.Errorf("load source policy: %w", err)
	}
	c := opts.Clock
	if c == nil {
		c = clock.System
	}
	return &Data{World: world, Atlas: atlas, Alliances: alliances, Events: evs, Aliases: al, Sources: pol, Clock: c}, userErrs, nil
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// WorldIn returns the outlines of year: today's, with the historical
// units of that year (the German Democratic Republic and the Federal
// Republic in 1949–1990) in place of the outlines they replace. Years with
// the same units share one *geo.World, built at load, so the call is a
// look-up and a caller can cache per world (e.g. a geo.Renderer each).
func (d *Data) WorldIn(year int) *geo.World { return d.Atlas.WorldIn(year) }

// Now returns the current time of the data's clock.
func (d *Data) Now() time.Time { return d.Clock() }

// ThisYear returns the current year of the data's clock.
func (d *Data) ThisYear() int { return d.Clock().Year() }

// Alliance returns the alliance whose ID is id, in any case. The error of
// an unknown ID lists the known ones.
func (d *Data) Alliance(id string) (*timeline.Alliance, error) {
	ids := make([]string, 0, len(d.Alliances))
	for _, a := range d.Alliances {
		if strings.EqualFold(a.ID, id) {
			return a, nil
		}
		ids = append(ids, a.ID)
	}
	return nil, fmt.Errorf("unknown alliance %q (want one of %s)", id, strings.Join(ids, ", "))
}

// Index returns the passage index of the bundled articles, building it on
// the first call. It is safe to call from several goroutines; the index
// itself is not, so once shared it must be used from one goroutine.
func (d *Data) Index() (*passages.Index, error) {
	d.indexOnce.Do(func() { d.index, d.indexErr = d.NewIndex() })
	return d.index, d.indexErr
}

// NewIndex builds a new passage index of the bundled articles, apart from
// the one Index shares: for a caller that adds articles of its own.
func (d *Data) NewIndex() (*passages.Index, error) {
	arts, err := seeds.Articles()
	if err != nil {
		return nil, fmt.Errorf("load articles: %w", err)
	}
	ix := passages.NewIndex(d.Aliases)
	for _, a := range arts {
		if err := ix.Add(a); err != nil {
			return nil, fmt.Errorf("index %s: %w", a.ID, err)
		}
	}
	return ix, nil
}
