package ui

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2"
)

// Preference keys.
const (
	prefTheme    = "theme"
	prefAlliance = "alliance"
	prefYear     = "year"
	prefSelected = "selected"
	prefZoom     = "zoom"
	prefCX       = "centerX"
	prefCY       = "centerY"
	prefCentred  = "centred"
	prefWidth    = "windowWidth"
	prefHeight   = "windowHeight"
)

// savePrefs remembers the theme, the alliance, the year, the selection and
// the zoom. It does nothing while the window is being built or restored.
func (a *App) savePrefs() {
	p := a.prefs
	if p == nil || a.alliance == nil || !a.ready {
		return
	}
	p.SetString(prefTheme, a.themeName)
	p.SetString(prefAlliance, a.alliance.ID)
	p.SetInt(prefYear, a.year)
	p.SetString(prefSelected, a.sel)
	z, cx, cy, centred := a.Map.ViewState()
	p.SetFloat(prefZoom, z)
	p.SetBool(prefCentred, centred)
	p.SetFloat(prefCX, cx)
	p.SetFloat(prefCY, cy)
}

// saveWindowSize remembers the window's size; it runs when the window
// closes.
func (a *App) saveWindowSize() {
	if a.prefs == nil {
		return
	}
	if sz := a.window.Canvas().Size(); sz.Width > 0 && sz.Height > 0 {
		a.prefs.SetFloat(prefWidth, float64(sz.Width))
		a.prefs.SetFloat(prefHeight, float64(sz.Height))
	}
}

// restorePrefs applies what savePrefs remembered. Values that are missing,
// of the wrong type or out of range are ignored, so a damaged store falls
// back to the defaults; it returns a message naming what was ignored.
func (a *App) restorePrefs() (ignored []string) {
	p := a.prefs
	if p == nil {
		return nil
	}
	switch t := p.String(prefTheme); t {
	case "", ThemeSystem:
	case ThemeLight, ThemeDark:
		a.SetTheme(t)
	default:
		ignored = append(ignored, fmt.Sprintf("theme %q", t))
	}
	if id := p.String(prefAlliance); id != "" {
		if a.findAlliance(id) == nil {
			ignored = append(ignored, fmt.Sprintf("alliance %q", id))
		} else {
			a.SetAlliance(id)
		}
	}
	if y := p.Int(prefYear); y != 0 {
		first, last := a.alliance.YearRange(a.Today())
		if y < first || y > last {
			ignored = append(ignored, fmt.Sprintf("year %d", y))
		} else {
			a.SetYear(y)
		}
	}
	if iso := p.String(prefSelected); iso != "" {
		if !a.World.Known(iso) {
			ignored = append(ignored, fmt.Sprintf("country %q", iso))
		} else {
			a.Select(iso)
		}
	}
	z, cx, cy := p.Float(prefZoom), p.Float(prefCX), p.Float(prefCY)
	if !p.Bool(prefCentred) {
		cx, cy = math.NaN(), math.NaN()
	}
	switch {
	case z == 0:
	case z < 1 || z > MaxZoom || math.IsNaN(z) || math.IsInf(cx, 0) || math.IsInf(cy, 0):
		ignored = append(ignored, fmt.Sprintf("zoom %g", z))
	default:
		a.Map.SetViewState(z, cx, cy)
	}
	return ignored
}

// WindowSize returns the remembered window size, or def.
func WindowSize(p fyne.Preferences, def fyne.Size) fyne.Size {
	w, h := p.Float(prefWidth), p.Float(prefHeight)
	if w < 320 || h < 240 || w > 20000 || h > 20000 {
		return def
	}
	return fyne.NewSize(float32(w), float32(h))
}
