package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// faultyFile fails its writes or its close with err, and records cleanup.
type faultyFile struct {
	writeErr, closeErr error
	written            int
	cleaned            bool
}

func (f *faultyFile) Write(p []byte) (int, error) {
	if f.writeErr != nil {
		return 0, f.writeErr
	}
	f.written += len(p)
	return len(p), nil
}
func (f *faultyFile) CloseAtomicallyReplace() error { return f.closeErr }
func (f *faultyFile) Cleanup() error                { f.cleaned = true; return nil }

func withPending(t *testing.T, f *faultyFile, openErr error) {
	t.Helper()
	old := createPending
	createPending = func(string) (pendingFile, error) {
		if openErr != nil {
			return nil, openErr
		}
		return f, nil
	}
	t.Cleanup(func() { createPending = old })
}

func TestWriteFileFaults(t *testing.T) {
	cases := []struct {
		name              string
		openErr, writeErr error
		closeErr          error
		want              error
		inMsg             string
	}{
		{"disk full while writing", nil, &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, nil, ErrDiskFull, "disk full"},
		{"disk full at close", nil, nil, &os.PathError{Op: "close", Path: "x", Err: syscall.ENOSPC}, ErrDiskFull, "disk full"},
		{"read-only file system", &os.PathError{Op: "open", Path: "x", Err: syscall.EROFS}, nil, nil, ErrPermissionDenied, "permission denied"},
		{"permission denied", &os.PathError{Op: "open", Path: "x", Err: syscall.EACCES}, nil, nil, ErrPermissionDenied, "permission denied"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := &faultyFile{writeErr: tc.writeErr, closeErr: tc.closeErr}
			withPending(t, f, tc.openErr)
			err := WriteFile(filepath.Join(t.TempDir(), "map.png"), func(w io.Writer) error {
				_, err := w.Write([]byte("png bytes"))
				return err
			})
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			assert.Contains(t, err.Error(), "cannot write")
			assert.Contains(t, err.Error(), tc.inMsg)
			if tc.openErr == nil {
				assert.True(t, f.cleaned, "temporary file removed")
			}
		})
	}
}

func TestWriteFileReal(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.png")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o644))
	// A failing encoder leaves the old file alone and no temporary file.
	err := WriteFile(path, func(w io.Writer) error {
		_, _ = w.Write([]byte("partial"))
		return errors.New("encoder broke")
	})
	assert.ErrorContains(t, err, "encoder broke")
	got, _ := os.ReadFile(path)
	assert.Equal(t, "old", string(got))
	es, _ := os.ReadDir(dir)
	assert.Len(t, es, 1)
	// A good write replaces it.
	require.NoError(t, WriteFile(path, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }))
	got, _ = os.ReadFile(path)
	assert.Equal(t, "new", string(got))
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm())
}

func TestWriteFileMissingFolder(t *testing.T) {
	err := WriteFile(filepath.Join(t.TempDir(), "gone", "a.png"), func(io.Writer) error { return nil })
	assert.ErrorIs(t, err, ErrFolderMissing)
}
