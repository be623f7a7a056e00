package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// KeyHelp lists the keyboard shortcuts, as shown in Help › Keyboard
// shortcuts. The handlers below implement exactly these.
var KeyHelp = [][2]string{
	{"Left / Right", "previous / next year"},
	{"Home / End", "first / last year"},
	{"Space", "play / pause the years"},
	{"+ / -", "zoom in / out"},
	{"Shift + arrow keys", "pan the map"},
	{"0", "reset the view"},
	{"Tab / Shift+Tab", "next / previous country of the alliance"},
	{"Esc", "clear the selection"},
	{"Ctrl+F", "find a country"},
	{"Ctrl+E", "export the map"},
	{"Ctrl+Q", "quit"},
}

// panStep is how far Shift+arrow pans, in logical pixels.
const panStep = 80

// zoomStep is the zoom factor of + and −.
const zoomStep = 1.5

// typedKey handles keys for the map: when the map has focus, and when no
// widget has (the window's own handler).
func (a *App) typedKey(ev *fyne.KeyEvent) {
	first, last := a.alliance.YearRange(a.Today())
	switch ev.Name {
	case fyne.KeyLeft:
		a.Years.Pause()
		a.StepYear(-1)
	case fyne.KeyRight:
		a.Years.Pause()
		a.StepYear(1)
	case fyne.KeyHome:
		a.Years.Pause()
		a.SetYear(first)
	case fyne.KeyEnd:
		a.Years.Pause()
		a.SetYear(last)
	case fyne.KeySpace:
		a.Years.TogglePlay()
	case fyne.KeyEscape:
		a.Select("")
	case fyne.KeyTab:
		a.SelectNextCountry(1)
	case fyne.KeyPlus, fyne.KeyEqual: // + is Shift+= on most layouts
		a.ZoomBy(zoomStep)
	case fyne.KeyMinus:
		a.ZoomBy(1 / zoomStep)
	case fyne.Key0:
		a.Map.ResetView()
	}
}

// addShortcuts registers the window's shortcuts: Shift+arrows pan,
// Shift+Tab goes back a country, Ctrl+E/F/Q.
func (a *App) addShortcuts(c fyne.Canvas) {
	pan := map[fyne.KeyName][2]float32{
		fyne.KeyLeft: {panStep, 0}, fyne.KeyRight: {-panStep, 0},
		fyne.KeyUp: {0, panStep}, fyne.KeyDown: {0, -panStep},
	}
	for k, d := range pan {
		d := d
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShift}, func(fyne.Shortcut) { a.Map.Pan(d[0], d[1]) })
	}
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierShift}, func(fyne.Shortcut) { a.SelectNextCountry(-1) })
	for _, s := range a.menuShortcuts() {
		s := s
		c.AddShortcut(s.shortcut, func(fyne.Shortcut) { s.action() })
	}
}

// ZoomBy zooms the map around its centre.
func (a *App) ZoomBy(f float64) {
	sz := a.Map.Size()
	a.Map.ZoomAt(fyne.NewPos(sz.Width/2, sz.Height/2), f)
}

// SelectNextCountry selects the next (dir > 0) or previous country of the
// alliance, in the order of the alliance's list, and zooms to it.
func (a *App) SelectNextCountry(dir int) {
	cs := a.alliance.Countries
	if len(cs) == 0 {
		return
	}
	i := -1
	for j, c := range cs {
		if c.ISO == a.sel {
			i = j
		}
	}
	switch {
	case i < 0 && dir > 0:
		i = 0
	case i < 0:
		i = len(cs) - 1
	default:
		i = (i + dir + len(cs)) % len(cs)
	}
	a.Select(cs[i].ISO)
}
