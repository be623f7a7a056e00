package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// mapnikPython is the interpreter with Debian's python3-mapnik; the
// benchmark below is skipped without it (make bench installs it).
const mapnikPython = "/usr/bin/python3"

// BenchmarkMapnikProcessHDBaseline is the baseline of issue 10's export
// budget: the whole process of Mapnik drawing the same Natural Earth
// outlines at 1920×1080, plain (scripts/mapnik/render.py), against
// BenchmarkExportProcessPNGHD, `cstomap export --preset hd` with its title,
// legend, labels and inset. The budget: ours no slower than 1/0.6 of it.
func BenchmarkMapnikProcessHDBaseline(b *testing.B) {
	if err := exec.Command(mapnikPython, "-c", "import mapnik").Run(); err != nil {
		b.Skipf("no Mapnik for %s (apt-get install python3-mapnik): %v", mapnikPython, err)
	}
	script, data := filepath.Join("..", "scripts", "mapnik", "render.py"), filepath.Join("..", "assets", "ne_50m_admin_0_countries.geojson")
	out := filepath.Join(b.TempDir(), "mapnik.png")
	for b.Loop() {
		if msg, err := exec.Command(mapnikPython, script, data, out, "1920", "1080").CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, msg)
		}
	}
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		b.Fatalf("Mapnik wrote no image: %v", err)
	}
}
