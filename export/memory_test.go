package export

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeSystem writes a /proc/meminfo, a /proc/self/cgroup and cgroup files
// into a folder and returns a memorySource that reads them. files maps
// paths under the folder to contents.
func fakeSystem(t *testing.T, files map[string]string) memorySource {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return memorySource{meminfo: filepath.Join(dir, "meminfo"), cgroups: filepath.Join(dir, "cgroup"), cgroupDir: filepath.Join(dir, "fs")}
}

const (
	meminfo3G = "MemTotal:        8000000 kB\nMemFree:          100000 kB\nMemAvailable:    3000000 kB\n"
	meminfo2G = "MemTotal:        8000000 kB\nMemAvailable:    2000000 kB\nBuffers:          100000 kB\n"
)

func TestCheckMemory(t *testing.T) {
	cases := []struct {
		name         string
		files        map[string]string
		w, h, frames int
		wantErr      []string // parts of the message; nil means no error
	}{
		{"HD image fits in 3 GB", map[string]string{"meminfo": meminfo3G}, 1920, 1080, 1, nil},
		{"16384² image does not", map[string]string{"meminfo": meminfo3G}, 16384, 16384, 1,
			[]string{"an image of 16384×16384 pixels", "about 4.9 GB", "3.1 GB is available"}},
		{"A4 ×3 image fits in 2 GB", map[string]string{"meminfo": meminfo2G}, 10524, 7440, 1, nil},
		{"the same as an animation does not", map[string]string{"meminfo": meminfo2G}, 10524, 7440, 35,
			[]string{"an animation of 10524×7440 pixels", "about 2.9 GB", "2.0 GB is available"}},
		{"cgroup v2 limit is lower", map[string]string{
			"meminfo": meminfo3G, "cgroup": "0::/app\n",
			"fs/app/memory.max": "1000000000\n", "fs/app/memory.current": "200000000\n",
		}, 7680, 4320, 35, []string{"0.8 GB is available"}},
		{"cgroup v2 without a limit", map[string]string{
			"meminfo": meminfo3G, "cgroup": "0::/app\n",
			"fs/app/memory.max": "max\n", "fs/app/memory.current": "200000000\n",
		}, 3840, 2160, 35, nil},
		{"cgroup v1 limit at the root in a container", map[string]string{
			"meminfo": meminfo3G, "cgroup": "5:devices:/\n4:memory:/hidden/abc\n0::/\n",
			"fs/memory/memory.limit_in_bytes": "500000000\n", "fs/memory/memory.usage_in_bytes": "100000000\n",
		}, 7680, 4320, 1, []string{"0.4 GB is available"}},
		{"unknown memory: a 4 GiB cap", map[string]string{}, 16384, 16384, 1, []string{"4.3 GB is available"}},
		{"unknown memory: 4K fits the cap", map[string]string{}, 3840, 2160, 35, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := checkMemory(tc.w, tc.h, tc.frames, fakeSystem(t, tc.files))
			if tc.wantErr == nil {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrNotEnoughMemory)
			for _, part := range tc.wantErr {
				assert.Contains(t, err.Error(), part)
			}
		})
	}
}

func TestMemoryNeed(t *testing.T) {
	assert.Less(t, MemoryNeed(1920, 1080, 1), MemoryNeed(1920, 1080, 2), "an animation needs more")
	assert.Equal(t, MemoryNeed(1920, 1080, 2), MemoryNeed(1920, 1080, 200), "frames are written one at a time")
	assert.Less(t, MemoryNeed(1920, 1080, 1), MemoryNeed(3840, 2160, 1))
	assert.Equal(t, MemoryNeed(0, 0, 1), MemoryNeed(-5, 10, 1))
}

// TestCheckMemoryHere reads this machine's memory: an HD image fits
// anywhere this test runs, and a 655350² one nowhere.
func TestCheckMemoryHere(t *testing.T) {
	assert.NoError(t, CheckMemory(1920, 1080, 1))
	assert.ErrorIs(t, CheckMemory(655350, 655350, 1), ErrNotEnoughMemory)
}
