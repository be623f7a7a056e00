package events

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"cstomap/internal/jsonfiles"
)

// MaxFileSize is the largest user event file LoadDir reads, in bytes.
const MaxFileSize = 4 << 20

// UserSubdir is the folder inside a user's --data folder that holds event
// files: the alliance files sit directly in --data, the events in
// --data/events, as in assets/.
const UserSubdir = "events"

// LoadFS parses every *.json file directly in dir of fsys, in file-name
// order, and returns all their events sorted with [Sort]. Files are named
// path.Join(dir, name) in errors and in Event.File. Any problem (an
// unreadable directory or file, an invalid file, an ID used in two files,
// or no *.json file at all) fails the whole load: the result is nil and
// the error joins one error per problem. This suits embedded data, where
// any error is a bug.
func LoadFS(fsys fs.FS, dir string, known func(iso string) bool) ([]Event, error) {
	evs, errs := load(jsonfiles.FS(fsys, dir), known)
	if len(errs) == 0 && len(evs) == 0 {
		errs = append(errs, fmt.Errorf("%w in %s", ErrNoFiles, dir))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return evs, nil
}

// LoadDir parses every *.json file directly in the operating-system folder
// dir, in file-name order, for a user's data. Unlike LoadFS it is
// forgiving: good files load, and each bad file gives one error (naming
// filepath.Join(dir, name)) and is left out; so is an event whose ID an
// earlier file already used (an error wrapping ErrDuplicate). A folder
// that does not exist gives no events and no error, since event files are
// optional; an unreadable one gives a single error. Only regular files of
// at most [MaxFileSize] bytes are read (see package safefile).
func LoadDir(dir string, known func(iso string) bool) ([]Event, []error) {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return load(jsonfiles.Dir(dir, MaxFileSize), known)
}

// load does the work of LoadFS and LoadDir.
func load(folder jsonfiles.Folder, known func(string) bool) ([]Event, []error) {
	var out []Event
	seen := map[string]string{} // ID -> file
	_, errs := folder.Each("event", func(file string, data []byte) error {
		evs, err := Parse(file, data, known)
		if err != nil {
			return err
		}
		var dups []error
		for _, e := range evs {
			if first, dup := seen[e.ID]; dup {
				dups = append(dups, &Error{File: file, Event: e.ID, Field: "id", Err: ErrDuplicate,
					Detail: fmt.Sprintf("event %q is already loaded from %s", e.ID, first)})
				continue
			}
			seen[e.ID] = file
			out = append(out, e)
		}
		return errors.Join(dups...)
	})
	Sort(out)
	return out, errs
}

// Merge returns base with the events of extra applied: one whose ID is
// already in base replaces it, a new ID is added; the result is sorted with
// [Sort]. Neither input is modified.
func Merge(base, extra []Event) []Event {
	out := slices.Clone(base)
	for _, x := range extra {
		if i := slices.IndexFunc(out, func(e Event) bool { return e.ID == x.ID }); i >= 0 {
			out[i] = x
		} else {
			out = append(out, x)
		}
	}
	Sort(out)
	return out
}

// LoadAll loads the embedded event files from dir of fsys (any error there
// is fatal: the embedded data is the app's own) and, when userDir (the
// user's --data folder) is not "", the user's event files from
// userDir/[UserSubdir], which add to or replace embedded events by ID. Bad
// user files are skipped and reported in userErrs; the embedded events
// stay.
func LoadAll(fsys fs.FS, dir, userDir string, known func(iso string) bool) (evs []Event, userErrs []error, err error) {
	base, err := LoadFS(fsys, dir, known)
	if err != nil {
		return nil, nil, fmt.Errorf("load embedded events: %w", err)
	}
	if userDir == "" {
		return base, nil, nil
	}
	extra, userErrs := LoadDir(filepath.Join(userDir, UserSubdir), known)
	return Merge(base, extra), userErrs, nil
}
