package ui

import (
	"context"
	"errors"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"cstomap/export"
	"cstomap/geo"
)

// Export kinds offered by the dialog.
const (
	KindPNG      = "png"
	KindSVG      = "svg"
	KindGIF      = "gif"
	KindYearsPNG = "years-png"
	KindYearsSVG = "years-svg"
)

var exportKinds = []struct{ key, label string }{
	{KindPNG, "PNG image"},
	{KindSVG, "SVG vector image"},
	{KindGIF, "Animated GIF, every year"},
	{KindYearsPNG, "One PNG per year, into a folder"},
	{KindYearsSVG, "One SVG per year, into a folder"},
}

// Export style choices.
const (
	StyleWindow = "window"
	StyleLight  = "light"
	StyleDark   = "dark"
)

// customPreset is the preset key of a size typed in by hand.
const customPreset = "custom"

// previewWidth is the width of the dialog's preview in logical pixels.
const previewWidth = 320

// ExportSettings are the export dialog's choices. They are remembered
// across restarts in the app's preferences.
type ExportSettings struct {
	Kind string
	// Preset is an export.Presets name or "custom" (then Width×Height).
	Preset        string
	Width, Height int
	Scale         int
	Title         string
	Hide          export.Hide
	// Style is StyleWindow, StyleLight or StyleDark.
	Style   string
	DelayMS int
	// Folder is where the last export went.
	Folder string
}

// DefaultExportSettings are the settings before anything was chosen.
func DefaultExportSettings() ExportSettings {
	return ExportSettings{
		Kind: KindPNG, Preset: customPreset, Width: export.DefaultWidth, Height: export.DefaultHeight,
		Scale: 1, Style: StyleWindow, DelayMS: int(export.DefaultDelay / time.Millisecond),
	}
}

// Preference keys of the export settings.
const (
	prefExportKind   = "export.kind"
	prefExportPreset = "export.preset"
	prefExportWidth  = "export.width"
	prefExportHeight = "export.height"
	prefExportScale  = "export.scale"
	prefExportTitle  = "export.title"
	prefExportStyle  = "export.style"
	prefExportDelay  = "export.delayMS"
	prefExportFolder = "export.folder"
	prefExportHide   = "export.hide" // comma-separated element names
)

// LoadExportSettings reads the settings remembered in p; missing or
// invalid values fall back to the defaults.
func LoadExportSettings(p fyne.Preferences) ExportSettings {
	s := DefaultExportSettings()
	if p == nil {
		return s
	}
	if k := p.String(prefExportKind); validKind(k) {
		s.Kind = k
	}
	if n := p.String(prefExportPreset); n == customPreset || validPreset(n) {
		s.Preset = n
	}
	if w, h := p.Int(prefExportWidth), p.Int(prefExportHeight); w >= export.MinSize && w <= export.MaxSize && h >= export.MinSize && h <= export.MaxSize {
		s.Width, s.Height = w, h
	}
	if sc := p.Int(prefExportScale); sc >= 1 && sc <= export.MaxScale {
		s.Scale = sc
	}
	s.Title = p.String(prefExportTitle)
	switch st := p.String(prefExportStyle); st {
	case StyleLight, StyleDark, StyleWindow:
		s.Style = st
	}
	if d := p.Int(prefExportDelay); d > 0 && d <= 655350 {
		s.DelayMS = d
	}
	s.Folder = p.String(prefExportFolder)
	for _, h := range strings.Split(p.String(prefExportHide), ",") {
		switch h {
		case "map":
			s.Hide.Map = true
		case "title":
			s.Hide.Title = true
		case "year":
			s.Hide.Year = true
		case "legend":
			s.Hide.Legend = true
		case "highlight":
			s.Hide.Highlight = true
		case "source":
			s.Hide.Source = true
		}
	}
	return s
}

// Save remembers s in p.
func (s ExportSettings) Save(p fyne.Preferences) {
	if p == nil {
		return
	}
	p.SetString(prefExportKind, s.Kind)
	p.SetString(prefExportPreset, s.Preset)
	p.SetInt(prefExportWidth, s.Width)
	p.SetInt(prefExportHeight, s.Height)
	p.SetInt(prefExportScale, s.Scale)
	p.SetString(prefExportTitle, s.Title)
	p.SetString(prefExportStyle, s.Style)
	p.SetInt(prefExportDelay, s.DelayMS)
	p.SetString(prefExportFolder, s.Folder)
	var hide []string
	for _, h := range []struct {
		on   bool
		name string
	}{{s.Hide.Map, "map"}, {s.Hide.Title, "title"}, {s.Hide.Year, "year"}, {s.Hide.Legend, "legend"}, {s.Hide.Highlight, "highlight"}, {s.Hide.Source, "source"}} {
		if h.on {
			hide = append(hide, h.name)
		}
	}
	p.SetString(prefExportHide, strings.Join(hide, ","))
}

func validKind(k string) bool {
	for _, x := range exportKinds {
		if x.key == k {
			return true
		}
	}
	return false
}

func validPreset(n string) bool {
	_, ok := export.PresetByName(n)
	return ok
}

// size returns the logical size and base DPI of the settings.
func (s ExportSettings) size() (w, h int, dpi float64) {
	if p, ok := export.PresetByName(s.Preset); ok {
		return p.Width, p.Height, p.DPI
	}
	return s.Width, s.Height, export.DefaultDPI
}

// format returns the file format of the kind.
func (s ExportSettings) format() export.Format {
	switch s.Kind {
	case KindSVG, KindYearsSVG:
		return export.SVG
	case KindGIF:
		return export.GIF
	}
	return export.PNG
}

// perYear reports whether the kind writes one file per year.
func (s ExportSettings) perYear() bool {
	return s.Kind == KindYearsPNG || s.Kind == KindYearsSVG
}

// DefaultExportName returns the file name the dialog offers: the alliance
// id and year ("csto-2024.png"), the range for an animation
// ("csto-1992-2026.gif"), or for a per-year export the folder name
// ("csto-1992-2026-png").
func DefaultExportName(s ExportSettings, sc export.Scene) string {
	if sc.Alliance == nil {
		return "map." + string(s.format())
	}
	first, last := sc.Alliance.YearRange(sc.Today)
	switch {
	case s.Kind == KindGIF:
		return export.AnimationName(sc.Alliance.ID, first, last)
	case s.perYear():
		return fmt.Sprintf("%s-%d-%d-%s", sc.Alliance.ID, first, last, s.format())
	}
	return export.FileName(sc.Alliance.ID, sc.Year, s.format())
}

// ExportJob returns the job the settings describe for the scene, writing
// name in the folder (for a per-year export, into the folder name made
// inside it).
func ExportJob(s ExportSettings, sc export.Scene, folder, name string) export.Job {
	w, h, dpi := s.size()
	switch s.Style {
	case StyleLight:
		sc.Dark = false
	case StyleDark:
		sc.Dark = true
	}
	if sc.View != nil {
		v := *sc.View
		sc.View = &v
	}
	sc.Renderer = nil // the export's own, so the window's cache stays warm
	j := export.Job{
		Options: export.Options{Scene: sc, Width: w, Height: h, Scale: float64(s.Scale), DPI: dpi, Title: s.Title, Hide: s.Hide},
		Format:  s.format(),
		Path:    filepath.Join(folder, name),
		Delay:   time.Duration(s.DelayMS) * time.Millisecond,
	}
	if sc.Alliance != nil && (s.perYear() || s.Kind == KindGIF) {
		j.Years = export.YearsBetween(sc.Alliance.YearRange(sc.Today))
		if s.Kind == KindGIF {
			j.Options.Year = j.Years[0]
		}
	}
	return j
}

// ShowExportDialog opens the export dialog over win. scene is called
// whenever the dialog needs what the window shows (the alliance, year,
// view, selection and style); prefs remembers the settings and the last
// folder, and may be nil.
func ShowExportDialog(win fyne.Window, prefs fyne.Preferences, scene func() export.Scene) {
	newExportDialog(win, prefs, scene).show()
}

// exportDialog is the state of one open export dialog.
type exportDialog struct {
	win      fyne.Window
	prefs    fyne.Preferences
	scene    func() export.Scene
	settings ExportSettings

	kind, preset            *widget.Select
	width, height           *widget.Entry
	scale, style            *widget.RadioGroup
	checks                  map[string]*widget.Check
	title, delay, fileName  *widget.Entry
	folder                  *widget.Label
	preview                 *canvas.Image
	progress                *widget.ProgressBar
	status                  *widget.Label
	exportBtn, cancelBtn    *widget.Button
	content                 fyne.CanvasObject
	dlg                     dialog.Dialog
	nameEdited, settingName bool

	previewRenderer *geo.Renderer
	previewMu       sync.Mutex
	previewGen      int

	cancel context.CancelFunc // of the running export; nil when idle
	// overwrite asks whether to replace existing files and calls yes if
	// so; tests replace it.
	overwrite func(existing []string, yes func())
	// finished is a hook that is called on the UI goroutine when an
	// export ends, with its error (nil on success); for tests.
	finished func(err error)
	// showError shows an export error; tests replace it.
	showError func(err error)
}

var sizeLabels = func() []string {
	var out []string
	for _, p := range export.Presets {
		out = append(out, p.Label)
	}
	return append(out, "Custom size")
}()

func newExportDialog(win fyne.Window, prefs fyne.Preferences, scene func() export.Scene) *exportDialog {
	d := &exportDialog{win: win, prefs: prefs, scene: scene, settings: LoadExportSettings(prefs), checks: map[string]*widget.Check{}}
	if d.settings.Folder == "" {
		d.settings.Folder = defaultFolder()
	}
	d.overwrite = d.askOverwrite
	d.showError = func(err error) { dialog.ShowError(errors.New(plainError(err)), d.win) }
	s := d.settings

	var kindLabels []string
	for _, k := range exportKinds {
		kindLabels = append(kindLabels, k.label)
	}
	d.kind = widget.NewSelect(kindLabels, func(label string) {
		for _, k := range exportKinds {
			if k.label == label {
				d.settings.Kind = k.key
			}
		}
		d.changed()
	})
	d.preset = widget.NewSelect(sizeLabels, func(label string) {
		d.settings.Preset = customPreset
		for _, p := range export.Presets {
			if p.Label == label {
				d.settings.Preset = p.Name
			}
		}
		d.changed()
	})
	d.width, d.height = widget.NewEntry(), widget.NewEntry()
	d.width.SetText(strconv.Itoa(s.Width))
	d.height.SetText(strconv.Itoa(s.Height))
	sizeChanged := func(string) {
		w, errW := strconv.Atoi(strings.TrimSpace(d.width.Text))
		h, errH := strconv.Atoi(strings.TrimSpace(d.height.Text))
		if errW == nil && errH == nil {
			d.settings.Width, d.settings.Height = w, h
		}
		d.changed()
	}
	d.width.OnChanged, d.height.OnChanged = sizeChanged, sizeChanged
	d.width.Validator = sizeValidator
	d.height.Validator = sizeValidator
	d.scale = widget.NewRadioGroup([]string{"×1", "×2", "×3"}, func(v string) {
		if n, err := strconv.Atoi(strings.TrimPrefix(v, "×")); err == nil {
			d.settings.Scale = n
		}
		d.changed()
	})
	d.scale.Horizontal = true
	d.style = widget.NewRadioGroup([]string{"As the window", "Light", "Dark"}, func(v string) {
		d.settings.Style = map[string]string{"As the window": StyleWindow, "Light": StyleLight, "Dark": StyleDark}[v]
		d.changed()
	})
	d.style.Horizontal = true
	for _, el := range []struct {
		name, label string
		field       *bool
	}{
		{"map", "Map", &d.settings.Hide.Map},
		{"title", "Title", &d.settings.Hide.Title},
		{"year", "Year", &d.settings.Hide.Year},
		{"legend", "Legend", &d.settings.Hide.Legend},
		{"highlight", "Highlight", &d.settings.Hide.Highlight},
		{"source", "Sources", &d.settings.Hide.Source},
	} {
		field := el.field
		c := widget.NewCheck(el.label, func(on bool) { *field = !on; d.changed() })
		c.Checked = !*field
		d.checks[el.name] = c
	}
	d.title = widget.NewEntry()
	if sc := scene(); sc.Alliance != nil {
		d.title.SetPlaceHolder(export.Options{Scene: sc}.TitleText() + "   ({alliance} and {year} are filled in)")
	}
	d.title.SetText(s.Title)
	d.title.OnChanged = func(t string) { d.settings.Title = t; d.changed() }
	d.delay = widget.NewEntry()
	d.delay.SetText(strconv.Itoa(s.DelayMS))
	d.delay.OnChanged = func(t string) {
		if n, err := strconv.Atoi(strings.TrimSpace(t)); err == nil && n > 0 {
			d.settings.DelayMS = n
		}
	}
	d.fileName = widget.NewEntry()
	d.fileName.OnChanged = func(string) {
		if !d.settingName {
			d.nameEdited = true
		}
	}
	d.folder = widget.NewLabel(s.Folder)
	d.folder.Truncation = fyne.TextTruncateEllipsis
	d.preview = canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	d.preview.FillMode = canvas.ImageFillContain
	d.preview.SetMinSize(fyne.NewSize(previewWidth, previewWidth*10/16))
	d.progress = widget.NewProgressBar()
	d.progress.Hide()
	d.status = widget.NewLabel("")
	d.exportBtn = widget.NewButton("Export", d.start)
	d.exportBtn.Importance = widget.HighImportance
	d.cancelBtn = widget.NewButton("Cancel export", d.cancelExport)
	d.cancelBtn.Hide()

	// Select the remembered values; the callbacks above run, so set the
	// fields first and refresh once at the end.
	for _, k := range exportKinds {
		if k.key == s.Kind {
			d.kind.SetSelected(k.label)
		}
	}
	d.preset.SetSelected(sizeLabels[len(sizeLabels)-1])
	for _, p := range export.Presets {
		if p.Name == s.Preset {
			d.preset.SetSelected(p.Label)
		}
	}
	d.scale.SetSelected(fmt.Sprintf("×%d", s.Scale))
	d.style.SetSelected(map[string]string{StyleWindow: "As the window", StyleLight: "Light", StyleDark: "Dark"}[s.Style])
	d.settings = s
	d.setDefaultName()

	show := container.NewGridWithColumns(3)
	for _, n := range []string{"map", "title", "year", "legend", "highlight", "source"} {
		show.Add(d.checks[n])
	}
	chooseFolder := widget.NewButton("Choose…", d.chooseFolder)
	form := widget.NewForm(
		widget.NewFormItem("Format", d.kind),
		widget.NewFormItem("Size", d.preset),
		widget.NewFormItem("Width × height", container.NewGridWithColumns(2, d.width, d.height)),
		widget.NewFormItem("Resolution", d.scale),
		widget.NewFormItem("Show", show),
		widget.NewFormItem("Title", d.title),
		widget.NewFormItem("Style", d.style),
		widget.NewFormItem("Frame delay (ms)", d.delay),
		widget.NewFormItem("File name", d.fileName),
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, chooseFolder, d.folder)),
	)
	buttons := container.NewHBox(d.cancelBtn, widget.NewButton("Close", d.close), d.exportBtn)
	bottom := container.NewVBox(d.progress, container.NewBorder(nil, nil, d.status, buttons))
	right := container.NewVBox(widget.NewLabel("Preview"), d.preview)
	d.content = container.NewBorder(nil, bottom, nil, right, form)
	d.syncEnabled()
	return d
}

func sizeValidator(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < export.MinSize || n > export.MaxSize {
		return fmt.Errorf("%d…%d pixels", export.MinSize, export.MaxSize)
	}
	return nil
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
	d.dlg.Resize(fyne.NewSize(880, 560))
	d.dlg.Show()
	d.updatePreview()
}

func (d *exportDialog) close() {
	d.cancelExport()
	if d.dlg != nil {
		d.dlg.Hide()
	}
}

// changed follows a change of settings: the default name, the enabled
// fields and the preview.
func (d *exportDialog) changed() {
	if d.content == nil {
		return // still building
	}
	d.setDefaultName()
	d.syncEnabled()
	d.updatePreview()
}

// setDefaultName offers the default file name unless the user typed one.
func (d *exportDialog) setDefaultName() {
	if d.nameEdited {
		// Keep the user's name but follow the format's extension.
		name := d.fileName.Text
		if !d.settings.perYear() {
			ext := "." + string(d.settings.format())
			if e := filepath.Ext(name); e != ext {
				d.settingName = true
				d.fileName.SetText(strings.TrimSuffix(name, e) + ext)
				d.settingName = false
			}
		}
		return
	}
	d.settingName = true
	d.fileName.SetText(DefaultExportName(d.settings, d.scene()))
	d.settingName = false
}

// syncEnabled enables the fields that apply to the current choices.
func (d *exportDialog) syncEnabled() {
	custom := d.settings.Preset == customPreset
	enable(d.width, custom)
	enable(d.height, custom)
	if !custom {
		w, h, _ := d.settings.size()
		d.width.SetText(strconv.Itoa(w))
		d.height.SetText(strconv.Itoa(h))
		d.settings.Width, d.settings.Height = w, h
	}
	enable(d.delay, d.settings.Kind == KindGIF)
	if d.settings.Kind == KindGIF {
		d.checks["year"].SetChecked(true)
		d.checks["year"].Disable() // every frame shows its year
	} else {
		d.checks["year"].Enable()
	}
	enable(d.scale, d.settings.format() != export.SVG)
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

// job returns the export the dialog describes now.
func (d *exportDialog) job() export.Job {
	return ExportJob(d.settings, d.scene(), d.settings.Folder, strings.TrimSpace(d.fileName.Text))
}

// updatePreview renders a small copy of the export in the background and
// shows it; of several quick changes only the last is drawn.
func (d *exportDialog) updatePreview() {
	j := d.job()
	o := j.Options
	if d.settings.Kind == KindGIF {
		o.Year = d.scene().Year
	}
	if o.Validate() != nil {
		return
	}
	o.Scale = float64(previewWidth) / float64(o.Width)
	d.previewMu.Lock()
	d.previewGen++
	gen := d.previewGen
	if d.previewRenderer == nil {
		d.previewRenderer = geo.NewRenderer(o.World)
	}
	o.Renderer = d.previewRenderer
	d.previewMu.Unlock()
	go func() {
		time.Sleep(120 * time.Millisecond)
		d.previewMu.Lock()
		latest := gen == d.previewGen
		d.previewMu.Unlock()
		if !latest {
			return
		}
		img, err := export.Render(o)
		if err != nil {
			return
		}
		fyne.Do(func() {
			d.preview.Image = img
			d.preview.Refresh()
		})
	}()
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
		d.settings.Folder = u.Path()
		d.folder.SetText(u.Path())
	}, d.win)
	if l, err := storage.ListerForURI(storage.NewFileURI(d.settings.Folder)); err == nil {
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
	name := strings.TrimSpace(d.fileName.Text)
	if name == "" || strings.ContainsRune(name, filepath.Separator) {
		d.showError(errors.New("give a file name (without a folder)"))
		return
	}
	j := d.job()
	if err := j.Check(); err != nil {
		d.showError(err)
		return
	}
	d.settings.Save(d.prefs)
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
	d.status.SetText("Exporting…")
	go func() {
		paths, err := j.Run(ctx, func(done, total int) {
			fyne.Do(func() { d.progress.SetValue(float64(done) / float64(total)) })
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
		d.status.SetText("Export cancelled; nothing was written.")
	case err != nil:
		d.status.SetText("Export failed.")
		d.showError(err)
	case len(paths) == 1:
		d.status.SetText("Saved " + filepath.Base(paths[0]))
	default:
		d.status.SetText(fmt.Sprintf("Saved %d files", len(paths)))
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

// plainError is err's message with the package prefixes dropped.
func plainError(err error) string {
	s := err.Error()
	s = strings.TrimPrefix(s, export.ErrOptions.Error()+": ")
	s = strings.TrimPrefix(s, "timeline: ")
	if s != "" {
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}
