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
	{"L", "show / hide the country names"},
	{"Tab / Shift+Tab", "next / previous country of the alliance"},
	{"Esc", "clear the selection"},
	{"Ctrl+F", "find a country"},
	{"Ctrl+E", "export the map"},
	{"Ctrl+T", "show the membership chart / the map"},
	{"Up / Down (chart)", "country of the row above / below"},
	{"Ctrl+Q", "quit"},
}

// panStep is how far Shift+arrow pans, in logical pixels.
const panStep = 80

// zoomStep is the zoom factor of + and −.
const zoomStep = 1.5

// keyHandler handles keys for the map: when the map has focus, and when
// no widget has (the window's own handler).
func keyHandler(s *Store, years *YearBar, m *MapView) func(*fyne.KeyEvent) {
	return func(ev *fyne.KeyEvent) {
		first, last := s.YearRange()
		switch ev.Name {
		case fyne.KeyLeft:
			years.Pause()
			s.StepYear(-1)
		case fyne.KeyRight:
			years.Pause()
			s.StepYear(1)
		case fyne.KeyHome:
			years.Pause()
			s.SetYear(first)
		case fyne.KeyEnd:
			years.Pause()
			s.SetYear(last)
		case fyne.KeySpace:
			years.TogglePlay()
		case fyne.KeyEscape:
			s.Select("")
		case fyne.KeyTab:
			s.Select(s.NextCountry(1))
		case fyne.KeyPlus, fyne.KeyEqual: // + is Shift+= on most layouts
			m.ZoomBy(zoomStep)
		case fyne.KeyMinus:
			m.ZoomBy(1 / zoomStep)
		case fyne.Key0:
			m.ResetView()
		}
	}
}

// addShortcuts registers the window's shortcuts on c: Shift+arrows pan,
// Shift+Tab goes back a country, and the menus' Ctrl shortcuts.
func addShortcuts(c fyne.Canvas, s *Store, m *MapView, menu []menuShortcut) {
	pan := map[fyne.KeyName][2]float32{
		fyne.KeyLeft: {panStep, 0}, fyne.KeyRight: {-panStep, 0},
		fyne.KeyUp: {0, panStep}, fyne.KeyDown: {0, -panStep},
	}
	for k, d := range pan {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShift}, func(fyne.Shortcut) { m.Pan(d[0], d[1]) })
	}
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierShift}, func(fyne.Shortcut) { s.Select(s.NextCountry(-1)) })
	for _, sc := range menu {
		c.AddShortcut(sc.shortcut, func(fyne.Shortcut) { sc.action() })
	}
}
