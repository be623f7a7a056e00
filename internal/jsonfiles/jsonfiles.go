// Package jsonfiles walks a folder of JSON data files, embedded or the
// user's, in file-name order. The alliance and event loaders share it: they
// differ in what a file holds, not in how the folder is read.
package jsonfiles

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"cstomap/internal/safefile"
)

// Folder is a folder of *.json files.
type Folder struct {
	fsys fs.FS
	dir  string
	// name turns a file name into the name shown in errors ("" names the
	// folder itself).
	name func(string) string
	read func(string) ([]byte, error)
}

// FS is the folder dir of fsys (embedded data); files are named
// path.Join(dir, name).
func FS(fsys fs.FS, dir string) Folder {
	return Folder{
		fsys: fsys, dir: dir,
		name: func(n string) string { return path.Join(dir, n) },
		read: func(n string) ([]byte, error) { return fs.ReadFile(fsys, path.Join(dir, n)) },
	}
}

// Dir is the operating-system folder dir (a user's data); files are named
// filepath.Join(dir, name), and only regular files of at most limit bytes
// are read (see package safefile).
func Dir(dir string, limit int64) Folder {
	return Folder{
		fsys: os.DirFS(dir), dir: ".",
		name: func(n string) string { return filepath.Join(dir, n) },
		read: func(n string) ([]byte, error) { return safefile.Read(filepath.Join(dir, n), limit) },
	}
}

// Name is the folder's name as errors show it.
func (f Folder) Name() string { return f.name("") }

// Each calls fn with the name and contents of every *.json file directly
// in the folder (not in subfolders), in file-name order. what names the
// files in errors ("alliance", "event"). An unreadable folder gives one
// error and no call; an unreadable file gives an error and is skipped; the
// errors fn returns are collected. It reports whether any file was found.
func (f Folder) Each(what string, fn func(file string, data []byte) error) (found bool, errs []error) {
	entries, err := fs.ReadDir(f.fsys, f.dir)
	if err != nil {
		return false, []error{fmt.Errorf("read %s folder %s: %w", what, f.Name(), err)}
	}
	for _, de := range entries {
		if de.IsDir() || !strings.HasSuffix(de.Name(), ".json") {
			continue
		}
		found = true
		file := f.name(de.Name())
		data, err := f.read(de.Name())
		if err != nil {
			errs = append(errs, fmt.Errorf("cannot read %s file %s: %w", what, file, err))
			continue
		}
		if err := fn(file, data); err != nil {
			errs = append(errs, err)
		}
	}
	return found, errs
}
