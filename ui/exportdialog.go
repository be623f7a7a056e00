package ui

import (
	"context"
	"errors"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"cstomap/export"
	"cstomap/geo"
)

// previewWidth is the width of the dialog's preview in logical pixels;
// narrowPreviewWidth is its width in a window too narrow for the dialog's
// full width (800 logical pixels, say), where the wide preview ran over
// the form.
const (
	previewWidth       = 320
	narrowPreviewWidth = 180
	dialogWidth        = 880
	dialogHeight       = 560
)

// customLabel is the size choice of a size typed in by hand.
const customLabel = "Custom size"

// exportPrefs maps the preference keys of the export settings to the
// fields of s they store. The folder is "export.folder" and the hidden
// elements "export.hide", comma-separated.
func exportPrefs(s *export.Settings) (ints map[string]*int, strs map[string]*string) {
	return map[string]*int{"export.width": &s.Width, "export.height": &s.Height, "export.scale": &s.Scale, "export.delayMS": &s.DelayMS},
		map[string]*string{"export.kind": (*string)(&s.Kind), "export.preset": &s.Preset, "export.title": &s.Title, "export.style": (*string)(&s.Style)}
}

// LoadExportSettings reads the export settings and the last folder
// remembered in p; missing or damaged values fall back to the defaults.
func LoadExportSettings(p fyne.Preferences) (s export.Settings, folder string) {
	s = export.DefaultSettings()
	if p == nil {
		return s, ""
	}
	ints, strs := exportPrefs(&s)
	for k, v := range ints {
		*v = p.IntWithFallback(k, *v)
	}
	for k, v := range strs {
		*v = p.StringWithFallback(k, *v)
	}
	s.Hide = export.HideNames(strings.Split(p.String("export.hide"), ","))
	return s.Repaired(), p.String("export.folder")
}

// SaveExportSettings remembers s and the folder in p.
func SaveExportSettings(p fyne.Preferences, s export.Settings, folder string) {
	if p == nil {
		return
	}
	ints, strs := exportPrefs(&s)
	for k, v := range ints {
		p.SetInt(k, *v)
	}
	for k, v := range strs {
		p.SetString(k, *v)
	}
	p.SetString("export.hide", strings.Join(s.Hide.Names(), ","))
	p.SetString("export.folder", folder)
}

// ShowExportDialog opens the export dialog over win. scene is called
// whenever the dialog needs what the window shows (the alliance, year,
// view, selection and style); prefs remembers the settings and the last
// folder, and may be nil.
func ShowExportDialog(win fyne.Window, prefs fyne.Preferences, scene func() export.Scene) {
	newExportDialog(win, prefs, scene).show()
}

// exportDialog is the state of one open export dialog: the settings, and
// the widgets that edit them.
type exportDialog struct {
	win      fyne.Window
	previewW int // the preview's width in logical pixels
	prefs    fyne.Preferences
	scene    func() export.Scene
	settings export.Settings
	folder   string

	kind, preset                   *widget.Select
	width, height, title, delay    *widget.Entry
	fileName                       *widget.Entry
	scale, style                   *widget.RadioGroup
	checks                         map[string]*widget.Check
	folderLabel, status            *widget.Label
	preview                        *canvas.Image
	progress                       *widget.ProgressBar
	exportBtn, cancelBtn, closeBtn *widget.Button
	form                           *widget.Form
	content                        fyne.CanvasObject
	dlg                            dialog.Dialog
	offeredName                    string // the name the dialog last offered
	nameEdited                     bool   // the user typed another
	previewRenderer                *geo.Renderer
	previewGen                     atomic.Int64       // of the latest preview asked for
	cancel                         context.CancelFunc // of the running export; nil when idle

	// overwrite asks whether to replace existing files and calls yes if
	// so; tests replace it.
	overwrite func(existing []string, yes func())
	// showError shows an export error; tests replace it.
	showError func(err error)
	// progressed and finished are called on the UI goroutine after each
	// step and at the end of an export (with its error); for tests.
	progressed func(done, total int)
	finished   func(err error)
}

func newExportDialog(win fyne.Window, prefs fyne.Preferences, scene func() export.Scene) *exportDialog {
	d := &exportDialog{win: win, prefs: prefs, scene: scene, checks: map[string]*widget.Check{}, previewW: previewWidth}
	if win != nil && win.Canvas() != nil {
		if w := win.Canvas().Size().Width; w > 0 && w < dialogWidth+40 {
			d.previewW = narrowPreviewWidth
		}
	}
	d.overwrite = d.askOverwrite
	d.showError = func(err error) { dialog.ShowError(err, d.win) }
	d.build()
	d.restore(LoadExportSettings(prefs))
	d.content = d.layout()
	d.changed()
	return d
}

// build makes the widgets; each writes its value into d.settings.
func (d *exportDialog) build() {
	kinds := labels(export.Kinds, func(k export.KindInfo) string { return k.Label })
	d.kind = widget.NewSelect(kinds, func(l string) {
		if i := slices.Index(kinds, l); i >= 0 {
			d.settings.Kind = export.Kinds[i].Kind
		}
		d.changed()
	})
	sizes := append(labels(export.Presets, func(p export.Preset) string { return p.Label }), customLabel)
	d.preset = widget.NewSelect(sizes, func(l string) {
		d.settings.Preset = ""
		if i := slices.Index(sizes, l); i >= 0 && i < len(export.Presets) {
			d.settings.Preset = export.Presets[i].Name
		}
		d.changed()
	})
	d.width = d.intEntry(&d.settings.Width)
	d.height = d.intEntry(&d.settings.Height)
	var scales []string
	for n := 1; n <= export.MaxScale; n++ {
		scales = append(scales, scaleLabel(n))
	}
	d.scale = widget.NewRadioGroup(scales, func(l string) { d.settings.Scale = slices.Index(scales, l) + 1; d.changed() })
	d.scale.Horizontal = true
	styles := labels(export.Styles, func(s export.StyleInfo) string { return s.Label })
	d.style = widget.NewRadioGroup(styles, func(l string) {
		if i := slices.Index(styles, l); i >= 0 {
			d.settings.Style = export.Styles[i].Style
		}
		d.changed()
	})
	d.style.Horizontal = true
	for _, el := range export.Elements {
		d.checks[el.Name] = widget.NewCheck(el.Label, func(on bool) { el.Set(&d.settings.Hide, !on); d.changed() })
	}
	d.title = widget.NewEntry()
	d.title.OnChanged = func(t string) { d.settings.Title = t; d.changed() }
	d.delay = d.intEntry(&d.settings.DelayMS)
	d.fileName = widget.NewEntry()
	d.fileName.OnChanged = func(name string) { d.nameEdited = name != d.offeredName }
	d.folderLabel = widget.NewLabel("")
	d.folderLabel.Truncation = fyne.TextTruncateEllipsis
	d.preview = canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	d.preview.FillMode = canvas.ImageFillContain
	d.preview.SetMinSize(fyne.NewSize(float32(d.previewW), float32(d.previewW*10/16)))
	d.progress = widget.NewProgressBar()
	d.progress.Hide()
	d.status = widget.NewLabel("")
	d.status.Wrapping = fyne.TextWrapWord
	d.exportBtn = widget.NewButton("Export", d.start)
	d.exportBtn.Importance = widget.HighImportance
	d.cancelBtn = widget.NewButton("Cancel export", d.cancelExport)
	d.cancelBtn.Hide()
	d.closeBtn = widget.NewButton("Close", d.hide)
}

// labels returns the label of each of xs.
func labels[T any](xs []T, label func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = label(x)
	}
	return out
}

func scaleLabel(n int) string { return fmt.Sprintf("×%d", n) }

// intEntry returns an entry for a whole number stored in *v; text that is
// not a number leaves *v as it was.
func (d *exportDialog) intEntry(v *int) *widget.Entry {
	e := widget.NewEntry()
	e.Validator = func(t string) error {
		if _, err := strconv.Atoi(strings.TrimSpace(t)); err != nil {
			return errors.New("a whole number")
		}
		return nil
	}
	e.OnChanged = func(t string) {
		if n, err := strconv.Atoi(strings.TrimSpace(t)); err == nil {
			*v = n
		}
		d.changed()
	}
	return e
}

// restore shows the remembered settings s and folder in the widgets.
func (d *exportDialog) restore(s export.Settings, folder string) {
	if folder == "" {
		folder = defaultFolder()
	}
	d.folder = folder
	d.folderLabel.SetText(folder)
	d.width.SetText(strconv.Itoa(s.Width))
	d.height.SetText(strconv.Itoa(s.Height))
	d.delay.SetText(strconv.Itoa(s.DelayMS))
	d.title.SetText(s.Title)
	if k, ok := s.Kind.Info(); ok {
		d.kind.SetSelected(k.Label)
	}
	d.preset.SetSelected(customLabel)
	if p, ok := export.PresetByName(s.Preset); ok {
		d.preset.SetSelected(p.Label)
	}
	d.scale.SetSelected(scaleLabel(s.Scale))
	d.style.SetSelected(export.StyleLabel(s.Style))
	for _, el := range export.Elements {
		d.checks[el.Name].SetChecked(!el.Hidden(s.Hide))
	}
	d.settings = s // the callbacks above set the same values, field by field
}

// layout arranges the widgets: the form on the left, the preview on the
// right, the progress, status and buttons below.
func (d *exportDialog) layout() fyne.CanvasObject {
	show := container.NewGridWithColumns(3)
	for _, el := range export.Elements {
		show.Add(d.checks[el.Name])
	}
	d.form = widget.NewForm(
		widget.NewFormItem("Format", d.kind),
		widget.NewFormItem("Size", d.preset),
		widget.NewFormItem("Width × height", container.NewGridWithColumns(2, d.width, d.height)),
		widget.NewFormItem("Resolution", d.scale),
		widget.NewFormItem("Show", show),
		widget.NewFormItem("Title", d.title),
		widget.NewFormItem("Style", d.style),
		widget.NewFormItem("Frame delay (ms)", d.delay),
		widget.NewFormItem("File name", d.fileName),
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, widget.NewButton("Choose…", d.chooseFolder), d.folderLabel)),
	)
	buttons := container.NewHBox(d.cancelBtn, d.closeBtn, d.exportBtn)
	bottom := container.NewVBox(d.progress, container.NewBorder(nil, nil, nil, buttons, d.status))
	right := container.NewVBox(widget.NewLabel("Preview"), d.preview)
	return container.NewBorder(nil, bottom, nil, right, d.form)
}

// defaultFolder is the Pictures folder, or the home folder.
func defaultFolder() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	if st, err := os.Stat(filepath.Join(home, "Pictures")); err == nil && st.IsDir() {
		return filepath.Join(home, "Pictures")
	}
	return home
}

func (d *exportDialog) show() {
	d.dlg = dialog.NewCustomWithoutButtons("Export the map", d.content, d.win)
	// Never larger than the window: Fyne lays a dialog over its window.
	sz := fyne.NewSize(dialogWidth, dialogHeight)
	if c := d.win.Canvas().Size(); c.Width > 0 {
		sz = fyne.NewSize(min(sz.Width, c.Width-16), min(sz.Height, c.Height-16))
	}
	d.dlg.Resize(sz)
	d.dlg.Show()
	d.changed()
}

func (d *exportDialog) hide() {
	d.cancelExport()
	if d.dlg != nil {
		d.dlg.Hide()
	}
}

// changed follows a change of settings: the file name, the enabled fields,
// the problem if any, and the preview.
func (d *exportDialog) changed() {
	if d.content == nil {
		return // still building
	}
	d.offerName()
	d.syncEnabled()
	j, err := d.job()
	if err != nil {
		d.setStatus(err.Error(), widget.DangerImportance)
		return
	}
	d.setStatus("", widget.MediumImportance)
	d.updatePreview(j)
}

// setStatus shows msg as a sentence below the form.
func (d *exportDialog) setStatus(msg string, imp widget.Importance) {
	if r, n := utf8.DecodeRuneInString(msg); n > 0 {
		msg = string(unicode.ToUpper(r)) + msg[n:]
	}
	d.status.Importance = imp
	d.status.SetText(msg)
}

// offerName offers the default file name, or keeps the one the user typed
// with the format's extension.
func (d *exportDialog) offerName() {
	name := d.settings.DefaultName(d.scene())
	if d.nameEdited {
		name = d.settings.WithExt(d.fileName.Text)
	}
	d.offeredName = name
	d.fileName.SetText(name)
}

// syncEnabled enables the fields that apply to the current choices.
func (d *exportDialog) syncEnabled() {
	data := d.settings.Format().Data() // GeoJSON, CSV: no picture to size or style
	custom := d.settings.Preset == ""
	enable(d.width, custom && !data)
	enable(d.height, custom && !data)
	if !custom {
		w, h, _ := d.settings.Size()
		d.width.SetText(strconv.Itoa(w))
		d.height.SetText(strconv.Itoa(h))
	}
	gif := d.settings.Kind == export.KindGIF
	enable(d.delay, gif)
	if gif {
		d.checks["year"].SetChecked(true) // every frame shows its year
	}
	chart := d.settings.Kind.Chart()
	if chart {
		d.checks["map"].SetChecked(true) // the chart takes the map's place
	}
	for name, c := range d.checks {
		// A GeoJSON file holds the events as points, or not; a chart
		// takes the map's place.
		enable(c, (!data && !(gif && name == "year") || name == "events" && d.settings.Kind == export.KindGeoJSON) && !(chart && name == "map"))
	}
	for _, w := range []disableable{d.preset, d.style, d.title} {
		enable(w, !data)
	}
	if sc := d.scene(); sc.Alliance != nil {
		d.title.SetPlaceHolder(export.Options{Scene: sc, Chart: chart}.TitleText() + "   ({alliance} and {year} are filled in)")
	}
	enable(d.scale, d.settings.Format() != export.SVG && !data)
	d.form.Refresh() // the labels follow their fields' state
}

type disableable interface {
	Enable()
	Disable()
}

func enable(w disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// job returns the export the dialog describes now, drawn with a renderer
// of its own so that the window's cache stays warm.
func (d *exportDialog) job() (export.Job, error) {
	sc := d.scene()
	sc.Renderer = nil
	return d.settings.Job(sc, filepath.Join(d.folder, strings.TrimSpace(d.fileName.Text)))
}

// updatePreview renders a small copy of j in the background and shows
// it (for several years, the window's year); of several quick changes
// only the last is drawn and shown.
func (d *exportDialog) updatePreview(j export.Job) {
	o := j.Options
	if len(j.Years) > 0 {
		o.Year = d.scene().Year // the window's year stands for them all
	}
	o.Scale = float64(d.previewW) / float64(o.Width)
	if w := o.YearWorld(); d.previewRenderer == nil || d.previewRenderer.World() != w {
		d.previewRenderer = geo.NewRenderer(w)
	}
	o.Renderer = d.previewRenderer
	gen := d.previewGen.Add(1)
	time.AfterFunc(120*time.Millisecond, func() {
		if d.previewGen.Load() != gen {
			return // a newer change follows
		}
		img, err := export.Render(o)
		if err != nil || d.previewGen.Load() != gen {
			return
		}
		fyne.Do(func() {
			d.preview.Image = img
			d.preview.Refresh()
		})
	})
}

// chooseFolder lets the user pick the folder with Fyne's folder dialog.
// (Fyne's file-save dialog opens and truncates the chosen file before
// calling back, which would break the promise that an existing file is
// only replaced by a complete one, so the name is typed here instead.)
func (d *exportDialog) chooseFolder() {
	fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		d.folder = u.Path()
		d.folderLabel.SetText(u.Path())
		d.changed()
	}, d.win)
	if l, err := storage.ListerForURI(storage.NewFileURI(d.folder)); err == nil {
		fd.SetLocation(l)
	}
	fd.Show()
}

// start checks the settings, asks before replacing files and runs the
// export.
func (d *exportDialog) start() {
	if d.cancel != nil {
		return // one at a time
	}
	if name := strings.TrimSpace(d.fileName.Text); name == "" || strings.ContainsRune(name, filepath.Separator) {
		d.showError(errors.New("give a file name (without a folder)"))
		return
	}
	j, err := d.job()
	if err != nil {
		d.showError(err)
		return
	}
	SaveExportSettings(d.prefs, d.settings, d.folder)
	if existing := j.Existing(); len(existing) > 0 {
		d.overwrite(existing, func() { d.run(j) })
		return
	}
	d.run(j)
}

// askOverwrite asks whether to replace the existing files.
func (d *exportDialog) askOverwrite(existing []string, yes func()) {
	msg := fmt.Sprintf("%s already exists. Replace it?", filepath.Base(existing[0]))
	if len(existing) > 1 {
		msg = fmt.Sprintf("%d of the files already exist (%s, …). Replace them?", len(existing), filepath.Base(existing[0]))
	}
	c := dialog.NewConfirm("Replace existing files?", msg, func(ok bool) {
		if ok {
			yes()
		}
	}, d.win)
	c.SetConfirmText("Replace")
	c.Show()
}

// run runs the job in the background, showing its progress; the window
// stays responsive and the export can be cancelled.
func (d *exportDialog) run(j export.Job) {
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	d.progress.SetValue(0)
	d.progress.Show()
	d.cancelBtn.Show()
	d.exportBtn.Disable()
	d.setStatus("Exporting…", widget.MediumImportance)
	go func() {
		paths, err := j.Run(ctx, func(done, total int) {
			fyne.Do(func() {
				d.progress.SetValue(float64(done) / float64(total))
				if d.progressed != nil {
					d.progressed(done, total)
				}
			})
		})
		cancel()
		fyne.Do(func() { d.done(paths, err) })
	}()
}

// done shows how the export ended.
func (d *exportDialog) done(paths []string, err error) {
	d.cancel = nil
	d.progress.Hide()
	d.cancelBtn.Hide()
	d.exportBtn.Enable()
	switch {
	case errors.Is(err, context.Canceled):
		d.setStatus("Export cancelled; nothing was written.", widget.MediumImportance)
	case err != nil:
		d.setStatus("Export failed.", widget.DangerImportance)
		d.showError(err)
	case len(paths) == 1:
		d.setStatus("Saved "+filepath.Base(paths[0]), widget.SuccessImportance)
	default:
		d.setStatus(fmt.Sprintf("Saved %d files", len(paths)), widget.SuccessImportance)
	}
	if d.finished != nil {
		d.finished(err)
	}
}

// cancelExport stops the running export, if any.
func (d *exportDialog) cancelExport() {
	if d.cancel != nil {
		d.cancel()
	}
}
