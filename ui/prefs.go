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
	prefWidth    = "windowWidth"
	prefHeight   = "windowHeight"
)

// savePrefs remembers the theme, the alliance, the year, the selection, the
// zoom and the window size.
func (a *App) savePrefs() {
	p := a.prefs
	if p == nil || a.alliance == nil {
		return
	}
	p.SetString(prefTheme, a.themeName)
	p.SetString(prefAlliance, a.alliance.ID)
	p.SetInt(prefYear, a.year)
	p.SetString(prefSelected, a.sel)
	z, cx, cy, centred := a.Map.ViewState()
	if !centred {
		cx, cy = math.NaN(), math.NaN()
	}
	p.SetFloat(prefZoom, z)
	p.SetFloat(prefCX, cx)
	p.SetFloat(prefCY, cy)
	if sz := a.window.Canvas().Size(); sz.Width > 0 {
		p.SetFloat(prefWidth, float64(sz.Width))
		p.SetFloat(prefHeight, float64(sz.Height))
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
	z, cx, cy := p.Float(prefZoom), p.FloatWithFallback(prefCX, math.NaN()), p.FloatWithFallback(prefCY, math.NaN())
	switch {
	case z == 0:
	case z < 1 || z > MaxZoom || math.IsNaN(z):
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
