package export

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// What a raster export needs, per pixel of the image, measured as the peak
// resident size of `cstomap export` (/usr/bin/time -v) at 4K, A4 ×3, 8K and
// 16384×16384, rounded up:
//
//   - a still image needs the image itself (4 bytes), geo.Renderer's
//     per-pixel caches (7) and its rasterisers' scratch (about 5), and a
//     little for the encoder, which streams: 18 bytes;
//   - an animation needs the same plus two paletted frames, and the
//     previous frame's image until the garbage collector takes it: 36
//     bytes.
//
// SVG exports do not rasterise and need none of this.
const (
	stillBytesPerPixel = 18
	animBytesPerPixel  = 36
	// baseMemory is the program, its data and fonts.
	baseMemory = 64 << 20
	// unknownMemoryCap stands in for the available memory where it cannot
	// be read (not Linux): exports needing more are refused.
	unknownMemoryCap = 4 << 30
)

// ErrNotEnoughMemory is the cause when an export would need more memory
// than the machine has available.
var ErrNotEnoughMemory = errors.New("not enough memory")

// MemoryNeed returns about how many bytes a PNG (frames ≤ 1) or GIF
// (frames > 1) export of w×h pixels needs at its peak. It does not grow
// with the number of frames: they are drawn and written one at a time.
func MemoryNeed(w, h, frames int) uint64 {
	per := uint64(stillBytesPerPixel)
	if frames > 1 {
		per = animBytesPerPixel
	}
	return uint64(max(w, 0))*uint64(max(h, 0))*per + baseMemory
}

// CheckMemory returns an error wrapping ErrNotEnoughMemory, naming the size
// and the memory it needs, when a PNG (frames ≤ 1) or GIF (frames > 1)
// export of w×h pixels would need more memory than is available now: Linux's
// MemAvailable, or less if the process's cgroup has a lower limit. Where
// neither can be read, a fixed 4 GiB stands in. SVG exports need no check.
func CheckMemory(w, h, frames int) error {
	return checkMemory(w, h, frames, systemMemory())
}

// checkMemory is CheckMemory with the memory read from src.
func checkMemory(w, h, frames int, src memorySource) error {
	need := MemoryNeed(w, h, frames)
	avail, ok := src.available()
	if !ok {
		avail = unknownMemoryCap
	}
	if need <= avail {
		return nil
	}
	what := "an image"
	if frames > 1 {
		what = "an animation"
	}
	return fmt.Errorf("%w: %s of %d×%d pixels needs about %s of memory, and %s is available; choose a smaller size or scale",
		ErrNotEnoughMemory, what, w, h, gigabytes(need), gigabytes(avail))
}

// gigabytes formats n bytes for a person, e.g. "4.8 GB".
func gigabytes(n uint64) string {
	return strconv.FormatFloat(float64(n)/1e9, 'f', 1, 64) + " GB"
}

// memorySource names the files the available memory is read from.
type memorySource struct {
	meminfo   string // /proc/meminfo
	cgroups   string // /proc/self/cgroup
	cgroupDir string // where the cgroup v2 hierarchy is mounted
}

// systemMemory is the running system's memorySource.
func systemMemory() memorySource {
	return memorySource{meminfo: "/proc/meminfo", cgroups: "/proc/self/cgroup", cgroupDir: "/sys/fs/cgroup"}
}

// available returns the memory available to the process in bytes, and
// false if it cannot be read.
func (s memorySource) available() (uint64, bool) {
	avail, ok := memAvailable(s.meminfo)
	if limit, ok2 := s.cgroupRoom(); ok2 && (!ok || limit < avail) {
		return limit, true
	}
	return avail, ok
}

// memAvailable reads MemAvailable from a /proc/meminfo file.
func memAvailable(path string) (uint64, bool) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// MemAvailable:   23465852 kB
		fields := strings.Fields(sc.Text())
		if len(fields) == 3 && fields[0] == "MemAvailable:" && fields[2] == "kB" {
			kb, err := strconv.ParseUint(fields[1], 10, 64)
			return kb * 1024, err == nil
		}
	}
	return 0, false
}

// cgroupRoom returns the room left under the process's cgroup memory
// limit (v2 memory.max, or v1 memory.limit_in_bytes, less the usage), and
// false if it cannot be read. A cgroup whose own folder is not visible
// (as in a container) is read at the hierarchy's root. "No limit" reads
// as a huge number (v1) or fails to parse (v2's "max"), which both leave
// MemAvailable in charge.
func (s memorySource) cgroupRoom() (uint64, bool) {
	b, err := os.ReadFile(s.cgroups)
	if err != nil {
		return 0, false
	}
	for line := range strings.Lines(string(b)) {
		// "0::/path" (v2) or "4:memory:/path" (v1)
		f := strings.SplitN(strings.TrimSpace(line), ":", 3)
		if len(f) != 3 {
			continue
		}
		var root, limitFile, usageFile string
		switch {
		case f[0] == "0" && f[1] == "":
			root, limitFile, usageFile = s.cgroupDir, "memory.max", "memory.current"
		case strings.Contains(","+f[1]+",", ",memory,"):
			root, limitFile, usageFile = filepath.Join(s.cgroupDir, "memory"), "memory.limit_in_bytes", "memory.usage_in_bytes"
		default:
			continue
		}
		for _, dir := range []string{filepath.Join(root, filepath.Clean("/"+f[2])), root} {
			limit, ok1 := readUint(filepath.Join(dir, limitFile))
			used, ok2 := readUint(filepath.Join(dir, usageFile))
			if ok1 && ok2 {
				return limit - min(used, limit), true
			}
		}
	}
	return 0, false
}

// readUint reads a file holding one decimal number.
func readUint(path string) (uint64, bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, false
	}
	n, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64)
	return n, err == nil
}
