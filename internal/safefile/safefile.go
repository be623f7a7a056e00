// Package safefile reads files that a user points the app at without
// trusting them: only regular files are opened (a FIFO, a device such as
// /dev/zero, a socket or a folder is refused before it is opened, so the
// read can never hang or grow without bound), and no more than a limit is
// read, checked while reading.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrNotRegular is returned for a path that is not a regular file (after
// following symbolic links): a folder, FIFO, device or socket.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is returned when a file holds more than the limit.
var ErrTooLarge = errors.New("file too large")

// Read returns the content of the regular file at path, or an error when it
// is not a regular file or holds more than limit bytes. The limit is
// applied while reading, so a file that grows, or lies about its size, is
// still cut off at limit+1 bytes. Errors name the path.
func Read(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w (%s)", path, ErrNotRegular, kind(st.Mode()))
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%s: %w (%d bytes, the limit is %d)", path, ErrTooLarge, st.Size(), limit)
	}
	// O_NONBLOCK would be needed for a FIFO swapped in between Stat and
	// Open; re-checking the opened file's mode catches that swap for every
	// other kind, and a FIFO opened for reading blocks only until a writer
	// appears, which the Stat above makes a narrow race.
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w (%s)", path, ErrNotRegular, kind(st.Mode()))
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: %w (over %d bytes)", path, ErrTooLarge, limit)
	}
	return data, nil
}

// kind names a non-regular file mode in plain words.
func kind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeCharDevice != 0, m&os.ModeDevice != 0:
		return "a device"
	default:
		return "not a plain file"
	}
}
