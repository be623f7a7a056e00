// Package export writes map images to files: PNG encoding and the atomic,
// fail-safe file writing that every export goes through. It is pure Go and
// shared by the window and the command line.
package export

import (
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
	f, err := createPending(path)
	if err != nil {
		return describe(path, err)
	}
	if err := write(f); err != nil {
		_ = f.Cleanup()
		return describe(path, err)
	}
	if err := f.CloseAtomicallyReplace(); err != nil {
		_ = f.Cleanup()
		return describe(path, err)
	}
	return nil
}

// describe wraps err with the file name and, where it knows it, a plain-word
// cause.
func describe(path string, err error) error {
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
