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
	// ErrNotRegular is the cause when the target is a folder, a device, a
	// pipe or a socket, which an export never replaces.
	ErrNotRegular = errors.New("not a regular file")
)

// opener opens the temporary file for a path. The writers take one so that
// tests can inject faults; everything else uses newPending.
type opener func(path string) (pendingFile, error)

// newPending opens the temporary file for path, which is not a link. A
// new file gets mode 0644 (less the umask); a file that is replaced keeps
// its mode.
func newPending(path string) (pendingFile, error) {
	return renameio.NewPendingFile(path,
		renameio.WithTempDir(filepath.Dir(path)),
		renameio.WithPermissions(0o644),
		renameio.WithExistingPermissions())
}

type pendingFile interface {
	io.Writer
	// Name is the temporary file's path.
	Name() string
	CloseAtomicallyReplace() error
	Cleanup() error
}

// staged is a temporary file written and waiting to be renamed over its
// target, with the lock that tells a later sweep it is still wanted.
type staged struct {
	f      pendingFile
	target string // path with its links resolved
	lock   *os.File
}

// drop takes the temporary file off the signal cleanup list and drops its
// lock, once it has been renamed or removed. The caller holds live.mu.
func (s *staged) drop() {
	delete(live.temps, s.f.Name())
	if s.lock != nil {
		_ = s.lock.Close()
	}
}

// discard removes the temporary file and drops it.
func (s *staged) discard() {
	_ = s.f.Cleanup()
	live.mu.Lock()
	defer live.mu.Unlock()
	s.drop()
}

// WriteFile writes a file through write, atomically: the bytes go to a
// temporary file in the same folder, which is renamed over path only when
// write and the close both succeed. On any failure the temporary file is
// removed and an existing file at path is left untouched. Errors name the
// file and the cause in plain words (see ErrDiskFull and friends).
//
// A file that is replaced keeps its permissions. If path is a symbolic
// link, the file it points to is replaced (atomically, in that file's
// folder) and the link stays a link, as the shell's > would do; a link
// that points nowhere gets its target created. A folder, device, pipe or
// socket at path is refused with ErrNotRegular.
//
// If SIGINT, SIGTERM or SIGHUP arrives during the write, the temporary
// file is removed and the process ends by the same signal (see the signal
// handling below). Temporary files that an earlier run left behind for
// this target, because it was killed outright, are removed first (see
// sweep).
func WriteFile(path string, write func(io.Writer) error) error {
	return writeFile(newPending, path, write)
}

// writeFile is WriteFile with the temporary file opened by open.
func writeFile(open opener, path string, write func(io.Writer) error) error {
	live.begin()
	defer live.end()
	s, err := stage(open, path, write)
	if err != nil {
		return err
	}
	return live.commit(func() error { return commit(path, s) })
}

// stage writes path's new content into a temporary file beside path's
// resolved target and returns that file, not yet renamed. On failure
// nothing is left behind.
func stage(open opener, path string, write func(io.Writer) error) (*staged, error) {
	target, err := resolve(path)
	if err != nil {
		return nil, err
	}
	sweep(filepath.Dir(target), map[string]bool{filepath.Base(target): true})
	f, err := live.create(open, target)
	if err != nil {
		return nil, describe(path, err)
	}
	s := &staged{f: f, target: target, lock: lockTemp(f.Name())}
	if err := write(f); err != nil {
		s.discard()
		return nil, describe(path, err)
	}
	return s, nil
}

// commit renames the staged file over its target. The caller holds
// live.mu (see inFlight.commit).
func commit(path string, s *staged) error {
	defer s.drop()
	if err := s.f.CloseAtomicallyReplace(); err != nil {
		_ = s.f.Cleanup()
		return describe(path, err)
	}
	return nil
}

// resolve returns the file that writing to path replaces: path itself, or
// the end of the chain of symbolic links that starts at path. It refuses a
// target that exists and is not a regular file.
func resolve(path string) (string, error) {
	target := path
	for range 40 { // as the kernel's limit on links in a path
		fi, err := os.Lstat(target)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return target, nil
		case err != nil:
			return "", describe(path, err)
		case fi.Mode().IsRegular():
			return target, nil
		case fi.IsDir():
			return "", fmt.Errorf("cannot write %s: it is a folder: %w", path, ErrNotRegular)
		case fi.Mode()&fs.ModeSymlink == 0:
			return "", fmt.Errorf("cannot write %s: it is a device, pipe or socket, not a file: %w", path, ErrNotRegular)
		}
		link, err := os.Readlink(target)
		if err != nil {
			return "", describe(path, err)
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(target), link)
		}
		target = link
	}
	return "", fmt.Errorf("cannot write %s: too many levels of symbolic links", path)
}

// WriteFiles writes paths[i] through write(i, w) for every i, all or
// nothing: each file is first written to its own temporary file, and only
// when every one of them is complete are they renamed into place. If ctx
// is cancelled or any write fails, the temporary files are removed and no
// file at any of the paths has changed. A folder of the paths that does
// not exist is created when its parent does, and removed again when the
// call fails.
//
// The renames come last and are very unlikely to fail (same folder, files
// already written), but if one does, the files this call created are
// removed again; files it had already replaced stay replaced, as the old
// content is gone. progress, if not nil, is called after each file is
// written.
//
// Paths are handled as WriteFile handles its path (kept permissions,
// links written through, stale temporary files swept). A signal during
// the call removes the temporary files and the folders the call created;
// a signal during the renames waits until they are all done.
func WriteFiles(ctx context.Context, paths []string, write func(i int, w io.Writer) error, progress Progress) error {
	return writeFiles(newPending, ctx, paths, write, progress)
}

// writeFiles is WriteFiles with the temporary files opened by open.
func writeFiles(open opener, ctx context.Context, paths []string, write func(i int, w io.Writer) error, progress Progress) (err error) {
	live.begin()
	defer live.end()
	var files []*staged
	var made []string
	defer func() {
		for _, s := range files {
			if s != nil {
				s.discard()
			}
		}
		if err != nil {
			for i := len(made) - 1; i >= 0; i-- {
				_ = os.Remove(made[i])
			}
		}
		live.forgetDirs(made)
	}()
	for _, p := range paths {
		m, err := makeFolder(filepath.Dir(p))
		if err != nil {
			return err
		}
		if m {
			made = append(made, filepath.Dir(p))
		}
	}
	for i, p := range paths {
		if err := ctx.Err(); err != nil {
			return describe(p, err)
		}
		s, err := stage(open, p, func(w io.Writer) error { return write(i, w) })
		if err != nil {
			return err
		}
		files = append(files, s)
		if progress != nil {
			progress(i+1, len(paths))
		}
	}
	if err := ctx.Err(); err != nil {
		return describe(paths[0], err)
	}
	return live.commit(func() error {
		var created []string
		for i, s := range files {
			_, statErr := os.Lstat(s.target)
			files[i] = nil
			if err := commit(paths[i], s); err != nil {
				for _, c := range created {
					_ = os.Remove(c)
				}
				return err
			}
			if errors.Is(statErr, fs.ErrNotExist) {
				created = append(created, s.target)
			}
		}
		return nil
	})
}

// makeFolder creates the folder dir if it is missing and its parent
// exists, and reports whether it did. A folder it makes is on the signal
// cleanup list until the caller takes it off.
func makeFolder(dir string) (bool, error) {
	st, err := os.Stat(dir)
	switch {
	case err == nil && st.IsDir():
		return false, nil
	case err == nil:
		return false, fmt.Errorf("cannot write into %s: it is a file, not a folder", dir)
	case !errors.Is(err, fs.ErrNotExist):
		return false, describe(dir, err)
	}
	if err := live.mkdir(dir); err != nil {
		return false, describe(dir, err)
	}
	return true, nil
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
