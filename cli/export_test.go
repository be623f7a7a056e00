package cli

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExportWritesPNG(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "map.png")
	code, stdout, stderr := run("export", "--out", out, "--width", "320", "--height", "200", "--select", "arm")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "wrote")
	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	require.NoError(t, err)
	assert.Equal(t, 320, cfg.Width)
	assert.Equal(t, 200, cfg.Height)
	assert.Equal(t, []string{"map.png"}, listDir(t, dir), "no temporary file left")
}

func TestExportDefaultSize(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "map.png")
	code, _, stderr := run("export", "--out", out)
	require.Equal(t, 0, code, stderr)
	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	require.NoError(t, err)
	assert.Equal(t, [2]int{1600, 1000}, [2]int{cfg.Width, cfg.Height})
}

func TestExportFailures(t *testing.T) {
	notDir := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(notDir, []byte("x"), 0o644))
	cases := []struct {
		name  string
		args  []string
		code  int
		inErr string
	}{
		{"unknown ISO", []string{"--select", "XXX"}, 2, `unknown country code "XXX"`},
		{"too small", []string{"--width", "8"}, 2, "--width 8 is outside 16…16384"},
		{"too large", []string{"--height", "20000"}, 2, "--height 20000 is outside 16…16384"},
		{"not a number", []string{"--width", "wide"}, 2, "invalid value"},
		{"stray argument", []string{"extra"}, 2, `unexpected argument "extra"`},
		{"unknown flag", []string{"--colour", "red"}, 2, "flag provided but not defined"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "map.png")
			code, _, errOut := run(append([]string{"export", "--out", out}, tc.args...)...)
			assert.Equal(t, tc.code, code)
			assert.Contains(t, errOut, tc.inErr)
			assert.Empty(t, listDir(t, dir), "nothing written")
		})
	}
	t.Run("missing --out", func(t *testing.T) {
		code, _, errOut := run("export")
		assert.Equal(t, 2, code)
		assert.Contains(t, errOut, "--out is required")
	})
	t.Run("not an image format", func(t *testing.T) {
		code, _, errOut := run("export", "--out", filepath.Join(t.TempDir(), "map.jpg"))
		assert.Equal(t, 2, code)
		assert.Contains(t, errOut, "only .png, .svg and .gif")
	})
	t.Run("folder missing", func(t *testing.T) {
		code, _, errOut := run("export", "--out", filepath.Join(t.TempDir(), "nope", "map.png"))
		assert.Equal(t, 1, code)
		assert.Contains(t, errOut, "folder missing")
	})
	t.Run("folder is a file", func(t *testing.T) {
		code, _, errOut := run("export", "--out", filepath.Join(notDir, "map.png"))
		assert.Equal(t, 1, code)
		assert.Contains(t, errOut, "cannot write")
	})
}

func TestExportKeepsExistingFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "map.png")
	require.NoError(t, os.WriteFile(out, []byte("old"), 0o644))
	code, _, _ := run("export", "--out", out, "--select", "XXX")
	assert.Equal(t, 2, code)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "old", string(got))
}
