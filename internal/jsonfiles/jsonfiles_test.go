package jsonfiles

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEach(t *testing.T) {
	mem := fstest.MapFS{
		"d/b.json":     {Data: []byte("B")},
		"d/a.json":     {Data: []byte("A")},
		"d/notes.txt":  {Data: []byte("x")},
		"d/sub/c.json": {Data: []byte("C")},
	}
	user := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(user, "z.json"), []byte("Z"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(user, "big.json"), make([]byte, 100), 0o644))

	tests := []struct {
		name      string
		folder    Folder
		fnErr     error
		wantFiles []string
		wantData  []string
		wantFound bool
		wantErrs  []string
	}{
		{name: "embedded, in name order, no subfolders", folder: FS(mem, "d"),
			wantFiles: []string{"d/a.json", "d/b.json"}, wantData: []string{"A", "B"}, wantFound: true},
		{name: "fn errors are collected", folder: FS(mem, "d"), fnErr: errors.New("bad"),
			wantFiles: []string{"d/a.json", "d/b.json"}, wantData: []string{"A", "B"}, wantFound: true,
			wantErrs: []string{"bad", "bad"}},
		{name: "missing folder", folder: FS(mem, "nope"),
			wantErrs: []string{"read event folder nope"}},
		{name: "user folder, over the limit is reported", folder: Dir(user, 10),
			wantFiles: []string{filepath.Join(user, "z.json")}, wantData: []string{"Z"}, wantFound: true,
			wantErrs: []string{"cannot read event file " + filepath.Join(user, "big.json")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var files, data []string
			found, errs := tt.folder.Each("event", func(file string, b []byte) error {
				files, data = append(files, file), append(data, string(b))
				return tt.fnErr
			})
			assert.Equal(t, tt.wantFiles, files)
			assert.Equal(t, tt.wantData, data)
			assert.Equal(t, tt.wantFound, found)
			require.Len(t, errs, len(tt.wantErrs))
			for i, want := range tt.wantErrs {
				assert.Contains(t, errs[i].Error(), want)
			}
		})
	}
}
