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
	"cstomap/timeline"
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

// menuShortcuts are the Ctrl shortcuts, shared by the menus and the canvas:
// export, find and quit.
func (a *App) menuShortcuts() []menuShortcut {
	return []menuShortcut{
		{&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}, a.ShowExport},
		{&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}, func() { a.window.Canvas().Focus(a.Search.Entry) }},
		{&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}, a.Quit},
		{&desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault}, func() { a.ShowChart(!a.ChartShown()) }},
	}
}

// mainMenu builds File, View and Help.
func (a *App) mainMenu() *fyne.MainMenu {
	sc := a.menuShortcuts()
	item := func(label string, s menuShortcut) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, s.action)
		it.Shortcut = s.shortcut
		return it
	}
	quit := item("Quit", sc[2])
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		fyne.NewMenuItem("Add article…", a.ShowAddArticle),
		fyne.NewMenuItem("Remove article…", a.ShowRemoveArticle),
		fyne.NewMenuItemSeparator(),
		item("Export map…", sc[0]),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	s := a.Store
	themes := fyne.NewMenuItem("Theme", nil)
	themes.ChildMenu = fyne.NewMenu("",
		fyne.NewMenuItem("System", func() { s.SetTheme(ThemeSystem) }),
		fyne.NewMenuItem("Light", func() { s.SetTheme(ThemeLight) }),
		fyne.NewMenuItem("Dark", func() { s.SetTheme(ThemeDark) }),
	)
	alliances := fyne.NewMenuItem("Alliance", nil)
	var items []*fyne.MenuItem
	for _, al := range s.Alliances() {
		items = append(items, fyne.NewMenuItem(al.ShortName+" — "+al.Name, func() { s.SetAlliance(al.ID) }))
	}
	alliances.ChildMenu = fyne.NewMenu("", items...)
	a.eventsItem = fyne.NewMenuItem("Events", func() { s.SetEventsShown(!s.EventsShown()) })
	a.eventsItem.Checked = s.EventsShown()
	a.mapItems = []*fyne.MenuItem{
		fyne.NewMenuItem("Zoom in", func() { a.Map.ZoomBy(zoomStep) }),
		fyne.NewMenuItem("Zoom out", func() { a.Map.ZoomBy(1 / zoomStep) }),
		fyne.NewMenuItem("Reset view", a.Map.ResetView),
	}
	view := fyne.NewMenu("View",
		a.mapItems[0], a.mapItems[1], a.mapItems[2],
		fyne.NewMenuItemSeparator(),
		a.namesMenuItem(),
		a.eventsItem,
		a.insetMenuItem(),
		a.chartMenuItem(sc[3]),
		fyne.NewMenuItemSeparator(),
		item("Find country…", sc[1]),
		fyne.NewMenuItemSeparator(),
		themes,
		alliances,
	)
	w := a.window
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard shortcuts", func() { showKeyboardHelp(w) }),
		fyne.NewMenuItem("Data sources", func() { showDataSources(w, a.articleLines(), s.Alliances(), a.opts.SourceLabel) }),
		fyne.NewMenuItem("About", func() { showAbout(w) }),
	)
	return fyne.NewMainMenu(file, view, help)
}

// ShowExport opens the export dialog for what the window shows: the
// alliance, the year, the view and the selection. The dialog remembers its
// settings in the app's preferences, or a throwaway store without them.
func (a *App) ShowExport() {
	prefs := a.opts.Prefs
	if prefs == nil {
		prefs = fyne.CurrentApp().Preferences()
	}
	ShowExportDialog(a.window, prefs, func() export.Scene {
		v, st := a.Map.View(), a.Store.State()
		return export.Scene{World: a.base, WorldIn: a.opts.WorldIn, Alliance: st.Alliance, Year: st.Year, Today: a.Store.Today(),
			View: &v, Selected: st.Selected, Dark: isDark(st.Theme), Events: a.opts.Events}
	})
}

// Quit closes the app, saving the preferences.
func (a *App) Quit() {
	a.savePrefs()
	fyne.CurrentApp().Quit()
}

// setFyneTheme switches Fyne to the system, light or dark theme.
func setFyneTheme(name string) {
	settings := fyne.CurrentApp().Settings()
	switch name {
	case ThemeLight:
		settings.SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case ThemeDark:
		settings.SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		settings.SetTheme(theme.DefaultTheme())
	}
}

// variantTheme is Fyne's default theme held to one variant.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// showKeyboardHelp lists the keyboard shortcuts in a dialog over w.
func showKeyboardHelp(w fyne.Window) {
	var rows []fyne.CanvasObject
	for _, k := range KeyHelp {
		rows = append(rows, widget.NewLabelWithStyle(k[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), widget.NewLabel(k[1]))
	}
	rows = append(rows,
		widget.NewLabelWithStyle("Mouse", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
		widget.NewLabel("click selects · wheel zooms · drag pans · double-click resets"))
	dialog.ShowCustom("Keyboard shortcuts", "Close", container.NewGridWithColumns(2, rows...), w)
}

// showAbout shows the version and build from FyneApp.toml in a dialog over
// w.
func showAbout(w fyne.Window) {
	m := fyne.CurrentApp().Metadata()
	text := fmt.Sprintf("%s %s (build %d)\n\nA map of the member states of the Collective Security Treaty Organization over time, with dated, sourced facts and the passages of the bundled articles.\n\nApp ID: %s", orDefault(m.Name, "CSTO Map"), m.Version, m.Build, m.ID)
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("About", "Close", l, w)
	d.Resize(fyne.NewSize(440, 260))
	d.Show()
}

// showDataSources lists where the borders, the articles (described by
// articles) and the events of the alliances come from, in a dialog over w.
func showDataSources(w fyne.Window, articles []string, alliances []*timeline.Alliance, label SourceLabel) {
	if label == nil {
		label = hostLabel
	}
	box := container.NewVBox(
		heading("Borders"),
		newWrapLabel("Natural Earth v5.1.2, 1:50m Admin 0 – Countries (public domain; made with Natural Earth). "+
			"Borders policy: the map shows UN member and observer states, and the territories the UN lists as non-self-governing as such. "+
			"Northern Cyprus is part of Cyprus and Somaliland part of Somalia; Western Sahara is whole (Natural Earth's Morocco south of 27°40′N goes to it); "+
			"Crimea stays with Ukraine (Natural Earth's default file puts it in Russia); Kosovo and Taiwan are drawn as Natural Earth draws them, their status disputed. "+
			"Abkhazia, South Ossetia, Transnistria and Nagorno-Karabakh are inside Georgia, Moldova and Azerbaijan. "+
			"A dependent territory such as Greenland keeps its own outline and name and takes its sovereign's status, unless the alliance's data excludes it with a dated, sourced note."),
		newWrapLabel("Historical units: in 1949–1990 (every year from a unit's first to its last, both included) Germany is drawn as the Federal Republic (DEU) and the German Democratic Republic (DDR). "+
			"The line between them is derived from Länder borders of Elastic Maps Service, © OpenStreetMap contributors, under the Open Database License (ODbL) 1.0; "+
			"the derived outlines are offered under the ODbL too. West Berlin is not drawn apart at this scale."),
	)
	box.Add(heading("Articles"))
	for _, line := range articles {
		box.Add(newWrapLabel(line))
	}
	for _, al := range alliances {
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
		for _, x := range al.Exclusions {
			add(x.Sources)
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
				h := widget.NewHyperlink(label(s)+": "+shorten(s, 70), u)
				box.Add(h)
			}
		}
	}
	d := dialog.NewCustom("Data sources", "Close", container.NewVScroll(box), w)
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
