package ui

import "fyne.io/fyne/v2"

// typedKey handles the keys the window gets when no widget has focus:
// ←/→ step a year, Home/End jump to the first and last year, Space plays and
// pauses.
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
	}
}
