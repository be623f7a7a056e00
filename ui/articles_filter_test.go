//go:build unix

package ui

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"fyne.io/fyne/v2/storage"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestArticleFilterListsRegularFilesOnly checks that File › Add article…
// does not offer a named pipe (opening it hung the window) or a folder,
// even with an article's ending, nor a file with another ending.
func TestArticleFilterListsRegularFilesOnly(t *testing.T) {
	dir := t.TempDir()
	path := func(name string) string { return filepath.Join(dir, name) }
	require.NoError(t, os.WriteFile(path("note.md"), []byte("# A\n\nText."), 0o644))
	require.NoError(t, os.WriteFile(path("photo.png"), []byte{0x89}, 0o644))
	require.NoError(t, syscall.Mkfifo(path("pipe.txt"), 0o644))
	require.NoError(t, os.Mkdir(path("folder.md"), 0o755))
	require.NoError(t, os.Symlink(path("pipe.txt"), path("link.txt")))
	f := articleFilter{storage.NewExtensionFileFilter(articleExts)}
	for name, want := range map[string]bool{
		"note.md": true, "photo.png": false, "pipe.txt": false, "folder.md": false, "link.txt": false, "gone.txt": false,
	} {
		assert.Equal(t, want, f.Matches(storage.NewFileURI(path(name))), name)
	}
}
