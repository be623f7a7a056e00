// Package export makes publication-ready images of the map: a laid-out
// PNG (title, year, legend, source line, text and DPI metadata), an SVG
// with one path per country, one image per year into a folder, and an
// animated GIF of the timeline. Every file goes through the atomic,
// fail-safe writing in this file, and long exports take a context and a
// progress hook. It is pure Go, takes "today" as a parameter, and is shared
// by the window and the command line.
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/google/renameio/v2"
)

// Plain-word causes of a failed write, for errors.Is.
var (
	ErrDiskFull         = errors.New("disk full")
	ErrPermissionDenied = errors.New("permission denied")
	ErrFolderMissing    = errors.New("folder missing")
)

// createPending opens the temporary file for path. It is a variable so that
// tests can inject faults.
var createPending = func(path string) (pendingFile, error) {
	return renameio.NewPendingFile(path, renameio.WithTempDir(filepath.Dir(path)), renameio.WithPermissions(0o644))
}

type pendingFile interface {
	io.Writer
	CloseAtomicallyReplace() error
	Cleanup() error
}

// WriteFile writes a file through write, atomically: the bytes go to a
// temporary file in the same folder, which is renamed over path only when
// write and the close both succeed. On any failure the temporary file is
// removed and an existing file at path is left untouched. Errors name the
// file and the cause in plain words (see ErrDiskFull and friends).
func WriteFile(path string, write func(io.Writer) error) error {
	f, err := stage(path, write)
	if err != nil {
		return err
	}
	return commit(path, f)
}

// stage writes path's new content into a temporary file beside it and
// returns that file, not yet renamed. On failure nothing is left behind.
func stage(path string, write func(io.Writer) error) (pendingFile, error) {
	f, err := createPending(path)
	if err != nil {
		return nil, describe(path, err)
	}
	if err := write(f); err != nil {
		_ = f.Cleanup()
		return nil, describe(path, err)
	}
	return f, nil
}

// commit renames the staged file f over path.
func commit(path string, f pendingFile) error {
	if err := f.CloseAtomicallyReplace(); err != nil {
		_ = f.Cleanup()
		return describe(path, err)
	}
	return nil
}

// WriteFiles writes paths[i] through write(i, w) for every i, all or
// nothing: each file is first written to its own temporary file, and only
// when every one of them is complete are they renamed into place. If ctx
// is cancelled or any write fails, the temporary files are removed and no
// file at any of the paths has changed.
//
// The renames come last and are very unlikely to fail (same folder, files
// already written), but if one does, the files this call created are
// removed again; files it had already replaced stay replaced, as the old
// content is gone. progress, if not nil, is called after each file is
// written.
func WriteFiles(ctx context.Context, paths []string, write func(i int, w io.Writer) error, progress Progress) error {
	staged := make([]pendingFile, 0, len(paths))
	defer func() {
		for _, f := range staged {
			if f != nil {
				_ = f.Cleanup()
			}
		}
	}()
	for i, p := range paths {
		if err := ctx.Err(); err != nil {
			return describe(p, err)
		}
		f, err := stage(p, func(w io.Writer) error { return write(i, w) })
		if err != nil {
			return err
		}
		staged = append(staged, f)
		if progress != nil {
			progress(i+1, len(paths))
		}
	}
	if err := ctx.Err(); err != nil {
		return describe(paths[0], err)
	}
	var created []string
	for i, f := range staged {
		_, statErr := os.Lstat(paths[i])
		if err := commit(paths[i], f); err != nil {
			for _, c := range created {
				_ = os.Remove(c)
			}
			return err
		}
		staged[i] = nil
		if errors.Is(statErr, fs.ErrNotExist) {
			created = append(created, paths[i])
		}
	}
	return nil
}

// Progress is a hook that is called with the number of steps done out of
// total as an export goes on. It is called on the export's goroutine.
type Progress func(done, total int)

// describe wraps err with the file name and, where it knows it, a plain-word
// cause.
func describe(path string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("export cancelled, %s not written: %w", path, err)
	}
	var cause error
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		cause = ErrDiskFull
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		cause = ErrPermissionDenied
	case errors.Is(err, fs.ErrNotExist):
		if _, serr := os.Stat(filepath.Dir(path)); serr != nil {
			cause = ErrFolderMissing
		}
	}
	if cause != nil {
		return fmt.Errorf("cannot write %s: %w (%v)", path, cause, err)
	}
	return fmt.Errorf("cannot write %s: %w", path, err)
}
