package geo_test

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Golden tolerances: anti-aliasing may move a channel by a little on many
// pixels, or by more on a few; more than goldenShare of the pixels off by
// more than goldenSmall, or any off by more than goldenLarge, fails.
const (
	goldenSmall = 2
	goldenLarge = 48
	goldenShare = 0.005
)

// errGoldenWritten is checkGolden's answer under -update: the golden was
// written and the test must be run again to compare with it.
var errGoldenWritten = errors.New("golden written; look at it, then run the test again without -update")

// checkGolden compares img with the PNG at path. With update it writes
// img there and returns errGoldenWritten, so an update never passes by
// comparing an image with itself. On a mismatch it writes the actual
// image and a diff (differing pixels in red over a faded golden) into
// failedDir and says where.
func checkGolden(path string, img *image.RGBA, update bool, failedDir string) error {
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := writePNG(path, img); err != nil {
			return err
		}
		return fmt.Errorf("%s: %w", path, errGoldenWritten)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("missing golden (run with -update and look at it): %w", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		return fmt.Errorf("golden %s: %w", path, err)
	}
	if want.Bounds() != img.Bounds() {
		return fmt.Errorf("golden %s is %v, the image %v", path, want.Bounds(), img.Bounds())
	}
	bad, worst, diff := compareImages(want, img)
	b := img.Bounds()
	maxBad := int(goldenShare * float64(b.Dx()*b.Dy()))
	if bad <= maxBad && worst <= goldenLarge {
		return nil
	}
	name := strings.TrimSuffix(filepath.Base(path), ".png")
	actual, diffPath := filepath.Join(failedDir, name+".png"), filepath.Join(failedDir, name+"-diff.png")
	if err := os.MkdirAll(failedDir, 0o755); err != nil {
		return err
	}
	if err := errors.Join(writePNG(actual, img), writePNG(diffPath, diff)); err != nil {
		return err
	}
	return fmt.Errorf("%d pixels differ by more than %d (at most %d may), the worst by %d (at most %d); actual in %s, diff in %s",
		bad, goldenSmall, maxBad, worst, goldenLarge, actual, diffPath)
}

// compareImages counts the pixels of got that differ from want by more
// than goldenSmall in some channel, returns the largest difference, and
// draws the diff.
func compareImages(want image.Image, got *image.RGBA) (bad, worst int, diff *image.RGBA) {
	b := got.Bounds()
	diff = image.NewRGBA(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r1, g1, b1, _ := want.At(x, y).RGBA()
			r2, g2, b2, _ := got.At(x, y).RGBA()
			d := int(max(absDiff(r1, r2), absDiff(g1, g2), absDiff(b1, b2)) >> 8)
			worst = max(worst, d)
			if d > goldenSmall {
				bad++
				diff.SetRGBA(x, y, color.RGBA{0xff, 0, 0, 0xff})
				continue
			}
			grey := uint8(0xc0 + (r1>>8+g1>>8+b1>>8)/12)
			diff.SetRGBA(x, y, color.RGBA{grey, grey, grey, 0xff})
		}
	}
	return bad, worst, diff
}

func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func TestCheckGolden(t *testing.T) {
	flat := func(c uint8) *image.RGBA {
		img := image.NewRGBA(image.Rect(0, 0, 100, 100))
		for i := range img.Pix {
			img.Pix[i] = c
		}
		return img
	}
	base := flat(100)
	cases := []struct {
		name    string
		edit    func(*image.RGBA)
		wantErr string
	}{
		{"same", func(*image.RGBA) {}, ""},
		{"a few pixels a little off", func(m *image.RGBA) {
			for x := range 50 {
				m.SetRGBA(x, 0, color.RGBA{110, 100, 100, 255})
			}
		}, ""},
		{"many pixels a little off", func(m *image.RGBA) {
			for x := range 100 {
				m.SetRGBA(x, 0, color.RGBA{110, 100, 100, 255})
			}
		}, "100 pixels differ by more than 2 (at most 50 may)"},
		{"one pixel far off", func(m *image.RGBA) { m.SetRGBA(5, 5, color.RGBA{200, 100, 100, 255}) }, "the worst by 100"},
		{"another size", func(m *image.RGBA) { *m = *image.NewRGBA(image.Rect(0, 0, 10, 10)) }, "is (0,0)-(100,100), the image (0,0)-(10,10)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			golden, failed := filepath.Join(dir, "golden", "g.png"), filepath.Join(dir, "failed")
			err := checkGolden(golden, base, true, failed)
			require.ErrorIs(t, err, errGoldenWritten, "an update fails, asking for a re-run")
			require.NoError(t, checkGolden(golden, base, false, failed))
			got := flat(100)
			tc.edit(got)
			err = checkGolden(golden, got, false, failed)
			if tc.wantErr == "" {
				assert.NoError(t, err)
				assert.NoDirExists(t, failed)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.wantErr)
			if got.Bounds() == base.Bounds() {
				assert.FileExists(t, filepath.Join(failed, "g.png"))
				assert.FileExists(t, filepath.Join(failed, "g-diff.png"))
			}
		})
	}
	t.Run("missing", func(t *testing.T) {
		err := checkGolden(filepath.Join(t.TempDir(), "none.png"), base, false, t.TempDir())
		assert.ErrorContains(t, err, "missing golden")
	})
}
