package ui

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/assets"
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
		w, err := geo.LoadCompact(assets.Countries)
		require.NoError(t, err)
		as, err := timeline.LoadFS(assets.Alliances, "alliances", w.Known)
		require.NoError(t, err)
		exportWorld = w
		for _, a := range as {
			if a.ID == "csto" {
				exportCSTO = a
			}
		}
	})
	today := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	v := geo.DefaultFraming.View(geo.Project(exportWorld, geo.Eurasia), 900, 600)
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
	j := d.job()
	assert.Equal(t, 1920, j.Options.Width)
	d.preset.SetSelected("A4 landscape, 300 DPI (3508×2480)")
	assert.Equal(t, 300.0, d.job().Options.DPI)
}

func TestExportSettingsRoundTrip(t *testing.T) {
	a := test.NewTempApp(t)
	p := a.Preferences()
	assert.Equal(t, DefaultExportSettings(), LoadExportSettings(p), "nothing stored yet")
	s := ExportSettings{
		Kind: KindGIF, Preset: "social", Width: 1200, Height: 675, Scale: 2, Title: "Allies, {year}",
		Hide: export.Hide{Legend: true, Source: true}, Style: StyleDark, DelayMS: 400, Folder: "/tmp/maps",
	}
	s.Save(p)
	assert.Equal(t, s, LoadExportSettings(p))

	// Damaged values fall back to the defaults.
	p.SetString(prefExportKind, "bmp")
	p.SetInt(prefExportScale, 9)
	p.SetInt(prefExportWidth, 5)
	got := LoadExportSettings(p)
	assert.Equal(t, KindPNG, got.Kind)
	assert.Equal(t, 1, got.Scale)
	assert.Equal(t, export.DefaultWidth, got.Width)

	// The dialog opens with what was saved.
	s.Save(p)
	d := newExportDialog(test.NewTempWindow(t, nil), p, exportTestScene(t))
	assert.Equal(t, "Animated GIF, every year", d.kind.Selected)
	assert.Equal(t, "×2", d.scale.Selected)
	assert.Equal(t, "Dark", d.style.Selected)
	assert.False(t, d.checks["legend"].Checked)
	assert.True(t, d.checks["map"].Checked)
	assert.Equal(t, "Allies, {year}", d.title.Text)
	assert.Equal(t, s, d.settings)
}

func TestExportDialogWritesFile(t *testing.T) {
	d, a, errs := newTestExportDialog(t)
	dir := t.TempDir()
	d.settings.Folder = dir
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
	assert.Equal(t, dir, a.Preferences().String(prefExportFolder), "the folder is remembered")
	assert.Equal(t, 400, a.Preferences().Int(prefExportWidth))
}

func TestExportDialogAsksBeforeOverwriting(t *testing.T) {
	d, _, _ := newTestExportDialog(t)
	dir := t.TempDir()
	d.settings.Folder = dir
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
	d.settings.Folder = dir
	d.kind.SetSelected("One PNG per year, into a folder")
	d.width.SetText("300")
	d.height.SetText("200")
	j := d.job()
	done := make(chan error, 1)
	d.finished = func(err error) { done <- err }
	// Cancel as soon as the first file is staged, from the progress hook
	// as a Cancel tap would.
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	go func() {
		_, err := j.Run(ctx, func(done, total int) { cancel() })
		fyne.Do(func() { d.done(nil, err) })
	}()
	err := <-done
	assert.ErrorIs(t, err, context.Canceled)
	assert.Empty(t, *errs, "a cancel is not an error")
	assert.Equal(t, "Export cancelled; nothing was written.", d.status.Text)
	es, _ := os.ReadDir(dir)
	assert.Empty(t, es, "nothing left behind")
}

func TestExportDialogPlainErrors(t *testing.T) {
	d, _, errs := newTestExportDialog(t)
	d.settings.Folder = filepath.Join(t.TempDir(), "gone")
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

func TestExportJobFollowsWindowView(t *testing.T) {
	sc := exportTestScene(t)()
	s := DefaultExportSettings()
	j := ExportJob(s, sc, "/x", "a.png")
	assert.Nil(t, j.Options.Renderer, "the export draws with its own renderer")
	require.NotNil(t, j.Options.View)
	assert.Equal(t, *sc.View, *j.Options.View)
	assert.NotSame(t, sc.View, j.Options.View, "a copy, not the window's own")
	s.Style = StyleDark
	assert.True(t, ExportJob(s, sc, "/x", "a.png").Options.Dark)
	assert.Equal(t, "/x/a.png", j.Path)
}
