package ui

import (
	"fmt"
	"image/color"
	"net/url"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cstomap/export"
)

// Theme choices of View › Theme.
const (
	ThemeSystem = "system"
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

type menuShortcut struct {
	shortcut fyne.Shortcut
	action   func()
}

// menuShortcuts are the Ctrl shortcuts, shared by the menus and the canvas.
func (a *App) menuShortcuts() []menuShortcut {
	return []menuShortcut{
		{&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}, a.ShowExport},
		{&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}, a.FocusSearch},
		{&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}, a.Quit},
	}
}

// MainMenu builds File, View and Help.
func (a *App) MainMenu() *fyne.MainMenu {
	sc := a.menuShortcuts()
	export := fyne.NewMenuItem("Export map…", a.ShowExport)
	export.Shortcut = sc[0].shortcut
	quit := fyne.NewMenuItem("Quit", a.Quit)
	quit.Shortcut = sc[2].shortcut
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		fyne.NewMenuItem("Add article…", a.ShowAddArticle),
		fyne.NewMenuItem("Remove article…", a.ShowRemoveArticle),
		fyne.NewMenuItemSeparator(),
		export,
		fyne.NewMenuItemSeparator(),
		quit,
	)
	find := fyne.NewMenuItem("Find country…", a.FocusSearch)
	find.Shortcut = sc[1].shortcut
	themes := fyne.NewMenuItem("Theme", nil)
	themes.ChildMenu = fyne.NewMenu("",
		fyne.NewMenuItem("System", func() { a.SetTheme(ThemeSystem) }),
		fyne.NewMenuItem("Light", func() { a.SetTheme(ThemeLight) }),
		fyne.NewMenuItem("Dark", func() { a.SetTheme(ThemeDark) }),
	)
	alliances := fyne.NewMenuItem("Alliance", nil)
	var items []*fyne.MenuItem
	for _, al := range a.alliances {
		id := al.ID
		items = append(items, fyne.NewMenuItem(al.ShortName+" — "+al.Name, func() { a.SetAlliance(id) }))
	}
	alliances.ChildMenu = fyne.NewMenu("", items...)
	view := fyne.NewMenu("View",
		fyne.NewMenuItem("Zoom in", func() { a.ZoomBy(zoomStep) }),
		fyne.NewMenuItem("Zoom out", func() { a.ZoomBy(1 / zoomStep) }),
		fyne.NewMenuItem("Reset view", a.Map.ResetView),
		fyne.NewMenuItemSeparator(),
		find,
		fyne.NewMenuItemSeparator(),
		themes,
		alliances,
	)
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard shortcuts", a.ShowKeyboardHelp),
		fyne.NewMenuItem("Data sources", a.ShowDataSources),
		fyne.NewMenuItem("About", a.ShowAbout),
	)
	return fyne.NewMainMenu(file, view, help)
}

// ShowExport opens the export dialog for what the window shows: the
// alliance, the year, the view and the selection.
func (a *App) ShowExport() {
	ShowExportDialog(a.window, a.exportPrefs(), func() export.Scene {
		v := a.Map.View()
		return export.Scene{World: a.World, Alliance: a.alliance, Year: a.year, Today: a.Today(),
			View: &v, Selected: a.sel, Dark: a.isDark()}
	})
}

// exportPrefs is where the export dialog remembers its settings: the app's
// preferences, or a throwaway store when there are none.
func (a *App) exportPrefs() fyne.Preferences {
	if a.prefs != nil {
		return a.prefs
	}
	return fyne.CurrentApp().Preferences()
}

// Quit closes the app, saving the preferences.
func (a *App) Quit() {
	a.savePrefs()
	a.saveWindowSize()
	fyne.CurrentApp().Quit()
}

// SetTheme switches to the system, light or dark theme and remembers it.
func (a *App) SetTheme(name string) {
	app := fyne.CurrentApp()
	switch name {
	case ThemeLight:
		app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case ThemeDark:
		app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		name = ThemeSystem
		app.Settings().SetTheme(theme.DefaultTheme())
	}
	a.themeName = name
	a.applyTheme()
	a.savePrefs()
	a.logf("theme %s", name)
}

// variantTheme is Fyne's default theme held to one variant.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// isDark reports whether the map should use the dark palette.
func (a *App) isDark() bool {
	switch a.themeName {
	case ThemeLight:
		return false
	case ThemeDark:
		return true
	}
	return fyne.CurrentApp().Settings().ThemeVariant() == theme.VariantDark
}

// ShowKeyboardHelp lists the keyboard shortcuts.
func (a *App) ShowKeyboardHelp() {
	var rows []fyne.CanvasObject
	for _, k := range KeyHelp {
		rows = append(rows, widget.NewLabelWithStyle(k[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), widget.NewLabel(k[1]))
	}
	rows = append(rows,
		widget.NewLabelWithStyle("Mouse", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
		widget.NewLabel("click selects · wheel zooms · drag pans · double-click resets"))
	dialog.ShowCustom("Keyboard shortcuts", "Close", container.NewGridWithColumns(2, rows...), a.window)
}

// ShowAbout shows the version and build from FyneApp.toml.
func (a *App) ShowAbout() {
	m := fyne.CurrentApp().Metadata()
	text := fmt.Sprintf("%s %s (build %d)\n\nA map of the member states of the Collective Security Treaty Organization over time, with dated, sourced facts and the passages of the bundled articles.\n\nApp ID: %s", orDefault(m.Name, "CSTO Map"), m.Version, m.Build, m.ID)
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("About", "Close", l, a.window)
	d.Resize(fyne.NewSize(440, 260))
	d.Show()
}

// ShowDataSources lists where the borders, the articles and the alliance
// events come from.
func (a *App) ShowDataSources() {
	box := container.NewVBox(
		heading("Borders"),
		newWrapLabel("Natural Earth v5.1.2, 1:50m Admin 0 – Countries (public domain; made with Natural Earth). "+
			"The map shows internationally recognised borders: Natural Earth's default file is de facto and puts Crimea in Russia, "+
			"so Crimea is moved to Ukraine when the outlines are generated. Abkhazia, South Ossetia, Transnistria and Nagorno-Karabakh are inside Georgia, Moldova and Azerbaijan."),
	)
	box.Add(heading("Articles"))
	for _, line := range a.articleLines() {
		box.Add(newWrapLabel(line))
	}
	for _, al := range a.alliances {
		box.Add(heading("Sources of the " + al.ShortName + " events"))
		seen := map[string]bool{}
		var urls []string
		add := func(ss []string) {
			for _, s := range ss {
				if !seen[s] {
					seen[s] = true
					urls = append(urls, s)
				}
			}
		}
		for _, e := range al.Notes {
			add(e.Sources)
		}
		for _, c := range al.Countries {
			add(c.Sources)
			for _, e := range c.Events {
				add(e.Sources)
			}
		}
		sort.Strings(urls)
		for _, s := range urls {
			if u, err := url.Parse(s); err == nil {
				h := widget.NewHyperlink(shorten(s, 80), u)
				box.Add(h)
			}
		}
	}
	d := dialog.NewCustom("Data sources", "Close", container.NewVScroll(box), a.window)
	d.Resize(fyne.NewSize(720, 560))
	d.Show()
}

func shorten(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func orDefault(s, d string) string {
	if strings.TrimSpace(s) == "" {
		return d
	}
	return s
}
