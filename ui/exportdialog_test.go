package ui

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/dataset"
	"cstomap/export"
	"cstomap/geo"
	"cstomap/timeline"
)

var (
	exportSceneOnce sync.Once
	exportWorld     *geo.World
	exportCSTO      *timeline.Alliance
)

// exportTestScene is the window's state as the dialog sees it: the CSTO in
// 2024 with Armenia selected, seen through a 900×600 default view.
func exportTestScene(t *testing.T) func() export.Scene {
	t.Helper()
	exportSceneOnce.Do(func() {
		d, _, err := dataset.Load(dataset.Options{})
		require.NoError(t, err)
		exportWorld = d.World
		exportCSTO, err = d.Alliance("csto")
		require.NoError(t, err)
	})
	today := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	f := export.FramingOf(exportCSTO, exportWorld)
	v := f.View(geo.Project(exportWorld, f.Proj), 900, 600)
	return func() export.Scene {
		return export.Scene{World: exportWorld, Alliance: exportCSTO, Year: 2024, Today: today, View: &v, Selected: "ARM"}
	}
}

// newTestExportDialog opens the dialog's logic in a test window, with
// errors collected instead of shown.
func newTestExportDialog(t *testing.T) (*exportDialog, fyne.App, *[]error) {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	d := newExportDialog(w, a.Preferences(), exportTestScene(t))
	var errs []error
	d.showError = func(err error) { errs = append(errs, err) }
	return d, a, &errs
}

// runAndWait starts the dialog's export and waits for it to end.
func runAndWait(t *testing.T, d *exportDialog) error {
	t.Helper()
	done := make(chan error, 1)
	d.finished = func(err error) { done <- err }
	d.start()
	select {
	case err := <-done:
		return err
	case <-time.After(60 * time.Second):
		t.Fatal("export did not finish")
		return nil
	}
}

func TestExportDialogDefaultName(t *testing.T) {
	d, _, _ := newTestExportDialog(t)
	assert.Equal(t, "csto-2024.png", d.fileName.Text)
	d.kind.SetSelected("SVG vector image")
	assert.Equal(t, "csto-2024.svg", d.fileName.Text)
	d.kind.SetSelected("Animated GIF, every year")
	assert.Equal(t, "csto-1992-2026.gif", d.fileName.Text)
	assert.False(t, d.delay.Disabled())
	assert.True(t, d.checks["year"].Checked, "every frame shows its year")
	d.kind.SetSelected("One PNG per year, into a folder")
	assert.Equal(t, "csto-1992-2026-png", d.fileName.Text)

	// A name the user typed is kept, with the format's extension.
	d.kind.SetSelected("PNG image")
	d.fileName.SetText("armenia.png")
	d.kind.SetSelected("SVG vector image")
	assert.Equal(t, "armenia.svg", d.fileName.Text)
}

func TestExportDialogPresetFillsSize(t *testing.T) {
	d, _, _ := newTestExportDialog(t)
	assert.True(t, d.width.Disabled() == false, "custom size by default")
	d.preset.SetSelected("HD 1920×1080")
	assert.Equal(t, "1920", d.width.Text)
	assert.Equal(t, "1080", d.height.Text)
	assert.True(t, d.width.Disabled())
	j, err := d.job()
	require.NoError(t, err)
	assert.Equal(t, 1920, j.Options.Width)
	d.preset.SetSelected("A4 landscape, 300 DPI (3508×2480)")
	j, err = d.job()
	require.NoError(t, err)
	assert.Equal(t, 300.0, j.Options.DPI)
	d.preset.SetSelected("Custom size")
	assert.False(t, d.width.Disabled())
	assert.Equal(t, "3508", d.width.Text, "the preset's size stays to edit")
}

func TestExportSettingsRoundTrip(t *testing.T) {
	a := test.NewTempApp(t)
	p := a.Preferences()
	s, folder := LoadExportSettings(p)
	assert.Equal(t, export.DefaultSettings(), s, "nothing stored yet")
	assert.Empty(t, folder)
	s = export.Settings{
		Kind: export.KindGIF, Preset: "social", Width: 1200, Height: 675, Scale: 2, Title: "Allies, {year}",
		Hide: export.Hide{Legend: true, Source: true}, Style: export.StyleDark, DelayMS: 400,
	}
	SaveExportSettings(p, s, "/tmp/maps")
	got, folder := LoadExportSettings(p)
	assert.Equal(t, s, got)
	assert.Equal(t, "/tmp/maps", folder)

	// Damaged values fall back to the defaults.
	p.SetString("export.kind", "bmp")
	p.SetInt("export.scale", 9)
	p.SetInt("export.width", 5)
	p.SetString("export.preset", "custom") // as older versions stored it
	got, _ = LoadExportSettings(p)
	assert.Equal(t, export.KindPNG, got.Kind)
	assert.Equal(t, 1, got.Scale)
	assert.Equal(t, export.DefaultWidth, got.Width)
	assert.Empty(t, got.Preset)

	// The dialog opens with what was saved.
	SaveExportSettings(p, s, t.TempDir())
	d := newExportDialog(test.NewTempWindow(t, nil), p, exportTestScene(t))
	assert.Equal(t, "Animated GIF, every year", d.kind.Selected)
	assert.Equal(t, "Social media 1200×675", d.preset.Selected)
	assert.Equal(t, "×2", d.scale.Selected)
	assert.Equal(t, "Dark", d.style.Selected)
	assert.False(t, d.checks["legend"].Checked)
	assert.True(t, d.checks["map"].Checked)
	assert.Equal(t, "Allies, {year}", d.title.Text)
	assert.Equal(t, "400", d.delay.Text)
	assert.Equal(t, s, d.settings)
}

func TestExportDialogShowsProblems(t *testing.T) {
	d, _, _ := newTestExportDialog(t)
	d.width.SetText("8")
	assert.Equal(t, "Width 8 is outside 16…16384", d.status.Text)
	d.width.SetText("800")
	assert.Empty(t, d.status.Text)
	d.title.SetText(strings.Repeat("x", export.MaxTitle+1))
	assert.Contains(t, d.status.Text, "at most 300 fit")
	d.title.SetText("a\tb")
	assert.Contains(t, d.status.Text, "control character U+0009")
	d.title.SetText("")
	d.width.SetText("6000")
	d.scale.SetSelected("×3")
	assert.Contains(t, d.status.Text, "more than 16384 per side")
}

func TestExportDialogWritesFile(t *testing.T) {
	d, a, errs := newTestExportDialog(t)
	dir := t.TempDir()
	d.folder = dir
	d.width.SetText("400")
	d.height.SetText("250")
	require.NoError(t, runAndWait(t, d))
	assert.Empty(t, *errs)
	f, err := os.Open(filepath.Join(dir, "csto-2024.png"))
	require.NoError(t, err)
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	require.NoError(t, err)
	assert.Equal(t, [2]int{400, 250}, [2]int{cfg.Width, cfg.Height})
	assert.Equal(t, "Saved csto-2024.png", d.status.Text)
	assert.Equal(t, dir, a.Preferences().String("export.folder"), "the folder is remembered")
	assert.Equal(t, 400, a.Preferences().Int("export.width"))
}

func TestExportDialogAsksBeforeOverwriting(t *testing.T) {
	d, _, _ := newTestExportDialog(t)
	dir := t.TempDir()
	d.folder = dir
	d.width.SetText("200")
	d.height.SetText("120")
	path := filepath.Join(dir, "csto-2024.png")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o644))
	var asked []string
	var yes func()
	d.overwrite = func(existing []string, y func()) { asked, yes = existing, y }
	d.start()
	assert.Equal(t, []string{path}, asked)
	b, _ := os.ReadFile(path)
	assert.Equal(t, "old", string(b), "nothing written before the answer")

	done := make(chan error, 1)
	d.finished = func(err error) { done <- err }
	yes()
	require.NoError(t, <-done)
	b, _ = os.ReadFile(path)
	assert.NotEqual(t, "old", string(b))
}

func TestExportDialogCancel(t *testing.T) {
	d, _, errs := newTestExportDialog(t)
	dir := t.TempDir()
	d.folder = dir
	d.kind.SetSelected("One PNG per year, into a folder")
	d.width.SetText("300")
	d.height.SetText("200")
	// Tap Cancel as soon as the first file is staged.
	d.progressed = func(done, total int) { test.Tap(d.cancelBtn) }
	err := runAndWait(t, d)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Empty(t, *errs, "a cancel is not an error")
	assert.Equal(t, "Export cancelled; nothing was written.", d.status.Text)
	assert.True(t, d.cancelBtn.Hidden)
	assert.False(t, d.exportBtn.Disabled())
	es, _ := os.ReadDir(dir)
	assert.Empty(t, es, "nothing left behind")
}

func TestExportDialogPlainErrors(t *testing.T) {
	d, _, errs := newTestExportDialog(t)
	d.folder = filepath.Join(t.TempDir(), "gone")
	d.width.SetText("200")
	d.height.SetText("120")
	err := runAndWait(t, d)
	require.Error(t, err)
	require.Len(t, *errs, 1)
	assert.Contains(t, (*errs)[0].Error(), "folder missing")
	assert.Equal(t, "Export failed.", d.status.Text)

	d.fileName.SetText("")
	d.start()
	assert.Contains(t, (*errs)[1].Error(), "file name")
}

func TestExportDialogJobFollowsWindowView(t *testing.T) {
	d, _, _ := newTestExportDialog(t)
	sc := d.scene()
	d.folder = "/x"
	j, err := d.job()
	require.NoError(t, err)
	assert.Nil(t, j.Options.Renderer, "the export draws with its own renderer")
	require.NotNil(t, j.Options.View)
	assert.Equal(t, *sc.View, *j.Options.View)
	assert.Equal(t, "/x/csto-2024.png", j.Path)
	assert.Equal(t, "ARM", j.Options.Selected)
	d.style.SetSelected("Dark")
	j, err = d.job()
	require.NoError(t, err)
	assert.True(t, j.Options.Dark)
}
