package safefile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.txt")
	require.NoError(t, os.WriteFile(plain, []byte("hello"), 0o644))
	fifo := filepath.Join(dir, "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	zero := filepath.Join(dir, "zero")
	require.NoError(t, os.Symlink("/dev/zero", zero))
	link := filepath.Join(dir, "link")
	require.NoError(t, os.Symlink(plain, link))

	tests := []struct {
		name  string
		path  string
		limit int64
		want  string
		err   error
	}{
		{"plain", plain, 10, "hello", nil},
		{"exactly the limit", plain, 5, "hello", nil},
		{"over the limit", plain, 4, "", ErrTooLarge},
		{"link to a plain file", link, 10, "hello", nil},
		{"fifo is refused without blocking", fifo, 10, "", ErrNotRegular},
		{"link to /dev/zero", zero, 10, "", ErrNotRegular},
		{"device", "/dev/urandom", 10, "", ErrNotRegular},
		{"folder", dir, 10, "", ErrNotRegular},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(tt.path, tt.limit)
			if tt.err != nil {
				assert.ErrorIs(t, err, tt.err)
				assert.Contains(t, err.Error(), tt.path)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))
		})
	}
	_, err := Read(filepath.Join(dir, "missing"), 10)
	assert.ErrorIs(t, err, os.ErrNotExist)
}
