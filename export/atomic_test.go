package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

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
func (f *faultyFile) Name() string                  { return "" }

// withPending returns an opener that fails with openErr, or gives f.
func withPending(f *faultyFile, openErr error) opener {
	return func(string) (pendingFile, error) {
		if openErr != nil {
			return nil, openErr
		}
		return f, nil
	}
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
			err := writeFile(withPending(f, tc.openErr), filepath.Join(t.TempDir(), "map.png"), func(w io.Writer) error {
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

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// TestWriteFileKeepsMode replaces files of several modes; each keeps its
// mode, and a new file gets 0644 less the umask.
func TestWriteFileKeepsMode(t *testing.T) {
	for _, mode := range []os.FileMode{0o600, 0o640, 0o644, 0o664, 0o400} {
		t.Run(mode.String(), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.png")
			require.NoError(t, os.WriteFile(path, []byte("old"), 0o600))
			require.NoError(t, os.Chmod(path, mode)) // not subject to the umask
			require.NoError(t, WriteFile(path, writeString("new")))
			st, err := os.Stat(path)
			require.NoError(t, err)
			assert.Equal(t, mode, st.Mode().Perm())
			assert.Equal(t, "new", string(mustRead(t, path)))
		})
	}
}

// TestWriteFileThroughLinks writes to symbolic links: the file at the end
// of the chain is replaced, in its own folder, and every link stays a link.
func TestWriteFileThroughLinks(t *testing.T) {
	cases := []struct {
		name  string
		setup func(t *testing.T, dir, other string) (path, target string)
	}{
		{"relative link", func(t *testing.T, dir, other string) (string, string) {
			require.NoError(t, os.WriteFile(filepath.Join(dir, "real.png"), []byte("old"), 0o600))
			require.NoError(t, os.Symlink("real.png", filepath.Join(dir, "link.png")))
			return filepath.Join(dir, "link.png"), filepath.Join(dir, "real.png")
		}},
		{"absolute link into another folder", func(t *testing.T, dir, other string) (string, string) {
			target := filepath.Join(other, "real.png")
			require.NoError(t, os.WriteFile(target, []byte("old"), 0o600))
			require.NoError(t, os.Symlink(target, filepath.Join(dir, "link.png")))
			return filepath.Join(dir, "link.png"), target
		}},
		{"chain of two links", func(t *testing.T, dir, other string) (string, string) {
			target := filepath.Join(other, "real.png")
			require.NoError(t, os.WriteFile(target, []byte("old"), 0o600))
			require.NoError(t, os.Symlink(target, filepath.Join(other, "mid.png")))
			require.NoError(t, os.Symlink(filepath.Join(other, "mid.png"), filepath.Join(dir, "link.png")))
			return filepath.Join(dir, "link.png"), target
		}},
		{"dangling link gets its target created", func(t *testing.T, dir, other string) (string, string) {
			require.NoError(t, os.Symlink("../"+filepath.Base(other)+"/new.png", filepath.Join(dir, "link.png")))
			return filepath.Join(dir, "link.png"), filepath.Join(other, "new.png")
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dir, other := filepath.Join(root, "d"), filepath.Join(root, "o")
			require.NoError(t, os.Mkdir(dir, 0o755))
			require.NoError(t, os.Mkdir(other, 0o755))
			path, target := tc.setup(t, dir, other)
			before, _ := os.Lstat(target)
			require.NoError(t, WriteFile(path, writeString("new")))
			st, err := os.Lstat(path)
			require.NoError(t, err)
			assert.NotZero(t, st.Mode()&os.ModeSymlink, "the link is still a link")
			assert.Equal(t, "new", string(mustRead(t, target)))
			if before != nil {
				after, err := os.Stat(target)
				require.NoError(t, err)
				assert.Equal(t, os.FileMode(0o600), after.Mode().Perm(), "the target keeps its mode")
			}
			for _, d := range []string{dir, other} {
				for _, e := range ls(t, d) {
					assert.NotRegexp(t, `^\.`, e, "no temporary file left in %s", d)
				}
			}
		})
	}
}

// TestWriteFileRefusesNonRegular leaves folders and pipes alone.
func TestWriteFileRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.png")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	sub := filepath.Join(dir, "folder.png")
	require.NoError(t, os.Mkdir(sub, 0o755))
	link := filepath.Join(dir, "link.png")
	require.NoError(t, os.Symlink("pipe.png", link))
	loop := filepath.Join(dir, "loop.png")
	require.NoError(t, os.Symlink("loop.png", loop))
	cases := []struct {
		path, msg string
		is        error
	}{
		{fifo, "device, pipe or socket", ErrNotRegular},
		{sub, "it is a folder", ErrNotRegular},
		{link, "device, pipe or socket", ErrNotRegular},
		{loop, "too many levels of symbolic links", nil},
	}
	for _, tc := range cases {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			err := WriteFile(tc.path, writeString("new"))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.msg)
			if tc.is != nil {
				assert.ErrorIs(t, err, tc.is)
			}
		})
	}
	st, err := os.Lstat(fifo)
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&os.ModeNamedPipe, "the pipe is still a pipe")
	assert.Equal(t, []string{"folder.png", "link.png", "loop.png", "pipe.png"}, ls(t, dir))
}

// The signal tests run this package's test binary again as a child that
// starts a write and hangs in the middle of it; childEnv says which write.
const (
	childEnv    = "CSTOMAP_EXPORT_TEST_CHILD"
	childDirEnv = "CSTOMAP_EXPORT_TEST_DIR"
)

// TestSignalChild is the child's part, and skips in a normal run. It
// writes part of a file, says "ready" on stdout and hangs until a signal
// comes: as "file", in WriteFile of map.png; as "folder", in WriteFiles of
// three files into the new folder "new", hanging in the third.
func TestSignalChild(t *testing.T) {
	mode, dir := os.Getenv(childEnv), os.Getenv(childDirEnv)
	if mode == "" {
		t.Skip("the child of TestSignalCleansUp and TestSweepAfterKill")
	}
	hang := func(w io.Writer) error {
		if _, err := io.WriteString(w, "partial"); err != nil {
			return err
		}
		fmt.Println("ready")
		for {
			time.Sleep(time.Hour)
		}
	}
	switch mode {
	case "file":
		t.Fatal(WriteFile(filepath.Join(dir, "map.png"), hang))
	case "folder":
		paths := []string{filepath.Join(dir, "new", "a.png"), filepath.Join(dir, "new", "b.png"), filepath.Join(dir, "new", "c.png")}
		t.Fatal(WriteFiles(context.Background(), paths, func(i int, w io.Writer) error {
			if i < 2 {
				return writeString("complete")(w)
			}
			return hang(w)
		}, nil))
	}
}

// startChild starts TestSignalChild in mode, writing into dir, and waits
// until it hangs in the middle of its write.
func startChild(t *testing.T, mode, dir string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestSignalChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+mode, childDirEnv+"="+dir)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	ready := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if sc.Text() == "ready" {
				ready <- true
				_, _ = io.Copy(io.Discard, out)
				return
			}
		}
		ready <- false
	}()
	select {
	case ok := <-ready:
		require.True(t, ok, "the child ended before it was ready")
	case <-time.After(time.Minute):
		t.Fatal("the child did not start its write within a minute")
	}
	return cmd
}

// TestSignalCleansUp sends each caught signal to a child in the middle of
// a write: the child must remove its temporary files and the folder it
// made, and end by that signal.
func TestSignalCleansUp(t *testing.T) {
	for _, mode := range []string{"file", "folder"} {
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
			t.Run(mode+"/"+sig.String(), func(t *testing.T) {
				if signal.Ignored(sig) {
					t.Skipf("%v is ignored in this process and so in the child", sig)
				}
				dir := t.TempDir()
				cmd := startChild(t, mode, dir)
				require.NotEmpty(t, ls(t, dir), "the child has something on disk to clean up")
				require.NoError(t, cmd.Process.Signal(sig))
				err := cmd.Wait()
				require.Error(t, err)
				ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
				require.True(t, ok)
				assert.True(t, ws.Signaled(), "ended by a signal: %v", err)
				assert.Equal(t, sig, ws.Signal())
				assert.Empty(t, ls(t, dir), "nothing left behind")
			})
		}
	}
}

// TestSweepAfterKill kills a child outright, which leaves its temporary
// file, and checks that the next write of the same target removes it, but
// not while the child lives, nor a young one, nor another target's.
func TestSweepAfterKill(t *testing.T) {
	dir := t.TempDir()
	cmd := startChild(t, "file", dir)
	var temps []string
	for _, n := range ls(t, dir) {
		if strings.HasPrefix(n, ".map.png") {
			temps = append(temps, n)
		}
	}
	require.Len(t, temps, 1)
	temp := filepath.Join(dir, temps[0])
	hourAgo := time.Now().Add(-time.Hour)
	require.NoError(t, os.Chtimes(temp, hourAgo, hourAgo))

	// The child still holds its lock: an old-looking file is kept.
	require.NoError(t, WriteFile(filepath.Join(dir, "map.png"), writeString("first")))
	assert.FileExists(t, temp, "a live writer's temporary file is kept")

	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	_ = cmd.Wait()
	assert.FileExists(t, temp, "SIGKILL cannot be caught")

	other := filepath.Join(dir, ".other.png123")
	young := filepath.Join(dir, ".map.png42")
	notOurs := filepath.Join(dir, ".map.png.bak")
	for _, p := range []string{other, young, notOurs} {
		require.NoError(t, os.WriteFile(p, nil, 0o644))
	}
	for _, p := range []string{other, notOurs} {
		require.NoError(t, os.Chtimes(p, hourAgo, hourAgo))
	}
	require.NoError(t, WriteFile(filepath.Join(dir, "map.png"), writeString("second")))
	assert.Equal(t, []string{".map.png.bak", ".map.png42", ".other.png123", "map.png"}, ls(t, dir))
	assert.Equal(t, "second", string(mustRead(t, filepath.Join(dir, "map.png"))))
}

func TestIsTempOf(t *testing.T) {
	bases := map[string]bool{"csto-2024.png": true, "map1": true}
	cases := []struct {
		name string
		want bool
	}{
		{".csto-2024.png123456789", true},
		{".csto-2024.png0", true},
		{".map112345", true},
		{".csto-2024.png", false},
		{"csto-2024.png123", false},
		{".csto-2024.png12a", false},
		{".csto-2025.png123", false},
		{".csto-2024.png.tmp", false},
		{".", false},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, isTempOf(tc.name, bases), tc.name)
	}
}
