package timeline

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"

	"cstomap/internal/jsonfiles"
)

// LoadFS parses every *.json file directly in dir of fsys (not in
// subdirectories), in file-name order, and returns the alliances in that
// order; which alliance comes first in the UI is the caller's business.
// Files are named path.Join(dir, name) in errors and in Alliance.File.
// Any problem (an unreadable directory or file, an invalid file, two files
// with the same ID, or no *.json file at all) fails the whole load: the
// result is nil and the error joins one error per problem. This suits
// embedded data, where any error is a bug.
func LoadFS(fsys fs.FS, dir string, known func(iso string) bool) ([]*Alliance, error) {
	as, errs := load(jsonfiles.FS(fsys, dir), known)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return as, nil
}

// LoadDir parses every *.json file directly in the operating-system
// directory dir, in file-name order, for a user's --data directory. Unlike
// LoadFS it is forgiving: good files load, and each bad file gives one error
// (naming filepath.Join(dir, name)) and is left out. A file whose ID an
// earlier file already used is an error wrapping ErrDuplicate. An unreadable
// directory gives no alliances and a single error; a directory without
// *.json files gives no alliances and an error wrapping ErrNoFiles.
//
// Only regular files (or links to them) of at most [MaxFileSize] bytes are
// read, and the limit holds while reading: a FIFO, a device such as
// /dev/zero, or an endless file is reported, never waited on or read.
func LoadDir(dir string, known func(iso string) bool) ([]*Alliance, []error) {
	return load(jsonfiles.Dir(dir, MaxFileSize), known)
}

// MaxFileSize is the largest user alliance file LoadDir reads, in bytes.
// The bundled CSTO and NATO files are each under 100 KB.
const MaxFileSize = 4 << 20

// load does the work of LoadFS and LoadDir.
func load(folder jsonfiles.Folder, known func(string) bool) ([]*Alliance, []error) {
	var out []*Alliance
	seen := map[string]string{} // ID -> file
	found, errs := folder.Each("alliance", func(file string, data []byte) error {
		a, err := Parse(file, data, known)
		if err != nil {
			return err
		}
		if first, dup := seen[a.ID]; dup {
			return &Error{File: file, Field: "id", Err: ErrDuplicate,
				Detail: fmt.Sprintf("alliance %q is already loaded from %s", a.ID, first)}
		}
		seen[a.ID] = file
		out = append(out, a)
		return nil
	})
	if !found && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("%w: no *.json file in %s", ErrNoFiles, folder.Name()))
	}
	return out, errs
}

// Merge returns base with every alliance of extra applied in order: one
// whose ID is already present replaces it in place (so the order of base is
// kept), and a new ID is appended. Within extra, a later alliance with the
// same ID wins. Neither input slice is modified; elements must be non-nil.
func Merge(base, extra []*Alliance) []*Alliance {
	out := slices.Clone(base)
	for _, x := range extra {
		if i := slices.IndexFunc(out, func(a *Alliance) bool { return a.ID == x.ID }); i >= 0 {
			out[i] = x
		} else {
			out = append(out, x)
		}
	}
	return out
}

// LoadAll loads the embedded alliance files from dir of fsys (any error
// there is fatal: the embedded data is the app's own) and, when userDir is
// not "", the user's files from it, which add to or replace the embedded
// ones. Bad user files are skipped and reported in userErrs; the embedded
// data stays.
func LoadAll(fsys fs.FS, dir, userDir string, known func(iso string) bool) (alliances []*Alliance, userErrs []error, err error) {
	base, err := LoadFS(fsys, dir, known)
	if err != nil {
		return nil, nil, fmt.Errorf("load embedded alliances: %w", err)
	}
	if userDir == "" {
		return base, nil, nil
	}
	extra, userErrs := LoadDir(userDir, known)
	return Merge(base, extra), userErrs, nil
}
