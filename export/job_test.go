package export

import (
	"context"
	"errors"
	"image/gif"
	"io"
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ls(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// failAfter returns an opener whose n-th temporary file (counting from 1)
// fails as fault says, and every other one is a real one.
func failAfter(n int, fault func(real pendingFile) (pendingFile, error)) opener {
	count := 0
	return func(path string) (pendingFile, error) {
		count++
		f, err := newPending(path)
		if err != nil || count != n {
			return f, err
		}
		return fault(f)
	}
}

// brokenFile is a real temporary file whose writes fail with err.
type brokenFile struct {
	pendingFile
	err error
}

func (b brokenFile) Write([]byte) (int, error) { return 0, b.err }

var (
	errNoSpace = &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}
	errDenied  = &os.PathError{Op: "open", Path: "x", Err: syscall.EACCES}
)

func TestJobSingleFiles(t *testing.T) {
	for _, f := range []Format{PNG, SVG} {
		t.Run(string(f), func(t *testing.T) {
			dir := t.TempDir()
			j := Job{Options: testOptions(t, 320, 200), Format: f, Path: filepath.Join(dir, fileName("csto", 2024, f))}
			var got []int
			paths, err := j.Run(context.Background(), func(d, n int) { got = append(got, d, n) })
			require.NoError(t, err)
			assert.Equal(t, []string{j.Path}, paths)
			assert.Equal(t, []int{1, 1}, got)
			assert.Equal(t, []string{"csto-2024." + string(f)}, ls(t, dir))
		})
	}
}

func TestJobFaults(t *testing.T) {
	type setup func() opener
	diskFull := func(n int) setup {
		return func() opener {
			return failAfter(n, func(f pendingFile) (pendingFile, error) { return brokenFile{f, errNoSpace}, nil })
		}
	}
	denied := func(n int) setup {
		return func() opener {
			return failAfter(n, func(f pendingFile) (pendingFile, error) { _ = f.Cleanup(); return nil, errDenied })
		}
	}
	cases := []struct {
		name   string
		format Format
		years  []int
		fault  setup
		want   error
	}{
		{"png disk full", PNG, nil, diskFull(1), ErrDiskFull},
		{"svg permission denied", SVG, nil, denied(1), ErrPermissionDenied},
		{"gif disk full", GIF, YearsBetween(1992, 1995), diskFull(1), ErrDiskFull},
		{"years disk full on the third file", PNG, YearsBetween(1992, 1996), diskFull(3), ErrDiskFull},
		{"years permission denied on the last file", SVG, YearsBetween(1992, 1994), denied(3), ErrPermissionDenied},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			// One file of the run already exists and must survive.
			keep := filepath.Join(dir, fileName("csto", 1992, tc.format))
			if tc.format == GIF {
				keep = filepath.Join(dir, "anim.gif")
			}
			require.NoError(t, os.WriteFile(keep, []byte("old"), 0o644))
			before := ls(t, dir)
			j := Job{Options: testOptions(t, 160, 100), Format: tc.format, Years: tc.years, Path: dir}
			if !j.PerYear() {
				j.Path = filepath.Join(dir, "out."+string(tc.format))
				if tc.format == GIF {
					j.Path = keep
				}
			}
			j.open = tc.fault()
			_, err := j.Run(context.Background(), nil)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			assert.Contains(t, err.Error(), "cannot write")
			assert.Equal(t, before, ls(t, dir), "no file added, no temporary file left")
			b, _ := os.ReadFile(keep)
			assert.Equal(t, "old", string(b), "existing file untouched")
		})
	}
}

func TestJobFolderMissing(t *testing.T) {
	base := t.TempDir()
	for _, f := range []Format{PNG, SVG, GIF} {
		j := Job{Options: testOptions(t, 160, 100), Format: f, Path: filepath.Join(base, "gone", "x."+string(f)), Years: []int{1999, 2000}}
		if f != GIF {
			j.Path = filepath.Join(base, "gone", "deeper")
		}
		_, err := j.Run(context.Background(), nil)
		assert.ErrorIs(t, err, ErrFolderMissing, f)
	}
	assert.Empty(t, ls(t, base))
}

func TestJobYearsCreatesFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "years")
	j := Job{Options: testOptions(t, 160, 100), Format: PNG, Path: dir, Years: YearsBetween(1992, 1994)}
	paths, err := j.Run(context.Background(), nil)
	require.NoError(t, err)
	assert.Len(t, paths, 3)
	assert.Equal(t, []string{"csto-1992.png", "csto-1993.png", "csto-1994.png"}, ls(t, dir))

	// A failed run into a folder it made removes the folder again.
	dir2 := filepath.Join(filepath.Dir(dir), "years2")
	j.open = failAfter(2, func(f pendingFile) (pendingFile, error) { return brokenFile{f, errNoSpace}, nil })
	j.Path = dir2
	_, err = j.Run(context.Background(), nil)
	require.ErrorIs(t, err, ErrDiskFull)
	_, statErr := os.Stat(dir2)
	assert.True(t, errors.Is(statErr, os.ErrNotExist), "folder made by the failed run is gone")
}

func TestJobCancel(t *testing.T) {
	for _, tc := range []struct {
		format Format
		years  []int
	}{{GIF, YearsBetween(1992, 2026)}, {PNG, YearsBetween(1992, 2026)}, {SVG, YearsBetween(1992, 2000)}} {
		t.Run(string(tc.format), func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "csto-1992.png"), []byte("old"), 0o644))
			ctx, cancel := context.WithCancel(context.Background())
			j := Job{Options: testOptions(t, 160, 100), Format: tc.format, Years: tc.years, Path: dir}
			if tc.format == GIF {
				j.Path = filepath.Join(dir, "csto.gif")
			}
			_, err := j.Run(ctx, func(done, _ int) {
				if done == 4 {
					cancel()
				}
			})
			assert.ErrorIs(t, err, context.Canceled)
			assert.Contains(t, err.Error(), "export cancelled")
			assert.Equal(t, []string{"csto-1992.png"}, ls(t, dir), "only what was there before")
			b, _ := os.ReadFile(filepath.Join(dir, "csto-1992.png"))
			assert.Equal(t, "old", string(b))
		})
	}
}

func TestJobGIFWholeRange(t *testing.T) {
	dir := t.TempDir()
	j := Job{Options: testOptions(t, 64, 40), Format: GIF, Path: filepath.Join(dir, "a.gif")}
	_, err := j.Run(context.Background(), nil)
	require.NoError(t, err)
	f, err := os.Open(j.Path)
	require.NoError(t, err)
	defer f.Close()
	g, err := gif.DecodeAll(f)
	require.NoError(t, err)
	assert.Len(t, g.Image, 2026-1992+1)
}

func TestJobTargetsAndCheck(t *testing.T) {
	j := Job{Options: testOptions(t, 64, 40), Format: SVG, Path: "/out", Years: []int{1999, 2000}}
	assert.Equal(t, []string{"/out/csto-1999.svg", "/out/csto-2000.svg"}, j.Targets())
	j.Years = []int{1990}
	assert.Error(t, j.Check(), "1990 is before the CSTO")
	j.Format = "jpg"
	assert.ErrorIs(t, j.Check(), ErrOptions)
	assert.Equal(t, []string{"/x.png"}, Job{Format: PNG, Path: "/x.png"}.Targets())
}

func TestWriteFilesCommitFailureRemovesCreated(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "b")
	require.NoError(t, os.WriteFile(old, []byte("old"), 0o644))
	paths := []string{filepath.Join(dir, "a"), old, filepath.Join(dir, "c")}
	// The third rename fails: "a" was created by this call and goes; "b"
	// was replaced and stays replaced.
	open := failAfter(3, func(f pendingFile) (pendingFile, error) { return failingCommit{f}, nil })
	err := writeFiles(open, context.Background(), paths, func(i int, w io.Writer) error { _, err := w.Write([]byte("new")); return err }, nil)
	assert.ErrorIs(t, err, ErrDiskFull)
	assert.Equal(t, []string{"b"}, ls(t, dir))
}

type failingCommit struct{ pendingFile }

func (f failingCommit) CloseAtomicallyReplace() error {
	_ = f.pendingFile.Cleanup()
	return &os.PathError{Op: "close", Path: "x", Err: syscall.ENOSPC}
}

// TestJobReadOnlyFolder uses a real read-only folder. Root writes through
// file modes, so as root the injected faults above stand in for it.
func TestJobReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: file modes do not stop root; TestJobFaults injects permission denied instead")
	}
	dir := t.TempDir()
	require.NoError(t, os.Chmod(dir, 0o555))
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	for _, j := range []Job{
		{Options: testOptions(t, 64, 40), Format: PNG, Path: filepath.Join(dir, "a.png")},
		{Options: testOptions(t, 64, 40), Format: SVG, Path: dir, Years: []int{2000, 2001}},
		{Options: testOptions(t, 64, 40), Format: GIF, Path: filepath.Join(dir, "a.gif"), Years: []int{2000, 2001}},
	} {
		_, err := j.Run(context.Background(), nil)
		assert.ErrorIs(t, err, ErrPermissionDenied, j.Format)
	}
	assert.Empty(t, ls(t, dir))
}
