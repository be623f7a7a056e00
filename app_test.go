package main

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"fyne.io/fyne/v2/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/internal/clock"
)

func TestNoDisplay(t *testing.T) {
	cases := []struct {
		name string
		goos string
		env  map[string]string
		want bool // the window cannot open
	}{
		{"linux without a display", "linux", nil, true},
		{"freebsd without a display", "freebsd", nil, true},
		{"X11", "linux", map[string]string{"DISPLAY": ":0"}, false},
		{"Wayland", "linux", map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, false},
		{"macOS needs neither", "darwin", nil, false},
		{"Windows needs neither", "windows", nil, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			msg := noDisplay(tc.goos, func(k string) string { return tc.env[k] })
			if !tc.want {
				assert.Empty(t, msg)
				return
			}
			assert.Contains(t, msg, "no display")
			assert.NotContains(t, msg, "\n", "one line")
		})
	}
}

// TestNoDisplayExits checks that the window, started with no display, exits
// 1 before Fyne starts (GLFW would panic with a trace).
func TestNoDisplayExits(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	assert.Equal(t, 1, runApp(nil, clock.System))
}

// TestStorageRootIsFynes checks that the preferences are checked where
// Fyne reads them: storageRoot agrees with the app's own storage folder.
func TestStorageRootIsFynes(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("XDG_CONFIG_HOME moves the folder on Linux only")
	}
	// Not t.TempDir: Fyne's file watcher may still be creating the storage
	// folders while the test's clean-up removes them.
	dir, err := os.MkdirTemp("", "cstomap-storage-")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	t.Setenv("XDG_CONFIG_HOME", dir)
	a := app.NewWithID("org.cstomap.test")
	got := storageRoot("linux", "org.cstomap.test")
	assert.Equal(t, filepath.Join(dir, "fyne", "org.cstomap.test"), got)
	assert.Equal(t, a.Storage().RootURI().Path(), got)
}
