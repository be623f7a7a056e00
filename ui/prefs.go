package ui

import (
	"fmt"
	"math"
	"time"

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
	prefEvents   = "showEvents"
)

// SaveInterval is the least time between two writes of the preferences
// while the state keeps changing (panning, zooming, playback).
const SaveInterval = time.Second

// AfterFunc calls f once, after d, on the main goroutine, unless the
// returned stop is called first; stop reports whether it stopped the call.
type AfterFunc func(d time.Duration, f func()) (stop func() bool)

// fyneAfterFunc is the real AfterFunc: a timer whose function is handed
// to the main goroutine with fyne.Do.
func fyneAfterFunc(d time.Duration, f func()) func() bool {
	return time.AfterFunc(d, func() { fyne.Do(f) }).Stop
}

// prefsSaver writes the state to the preferences at most once per
// SaveInterval, and at once on flush. It writes only the keys whose value
// changed since the last write.
type prefsSaver struct {
	prefs   fyne.Preferences
	after   AfterFunc
	saved   State // what the preferences hold
	pending State // what they should hold
	stop    func() bool
	round   int // counts the timers, so that a late one is ignored
}

// newPrefsSaver returns a saver into p that takes it that p holds saved.
func newPrefsSaver(p fyne.Preferences, after AfterFunc, saved State) *prefsSaver {
	return &prefsSaver{prefs: p, after: after, saved: saved, pending: saved}
}

// changed notes cur as the state to save, starting the delay unless one is
// running.
func (s *prefsSaver) changed(cur State) {
	s.pending = cur
	if s.stop != nil || s.pending == s.saved {
		return
	}
	s.round++
	round := s.round
	s.stop = s.after(SaveInterval, func() {
		if round == s.round {
			s.stop = nil
			s.write()
		}
	})
}

// flush writes what is pending now.
func (s *prefsSaver) flush() {
	if s.stop != nil {
		s.stop()
		s.stop = nil
		s.round++
	}
	s.write()
}

// write puts the keys that changed into the preferences.
func (s *prefsSaver) write() {
	p, old, cur := s.prefs, s.saved, s.pending
	s.saved = cur
	if cur.Theme != old.Theme {
		p.SetString(prefTheme, cur.Theme)
	}
	if cur.Alliance != old.Alliance && cur.Alliance != nil {
		p.SetString(prefAlliance, cur.Alliance.ID)
	}
	if cur.Year != old.Year {
		p.SetInt(prefYear, cur.Year)
	}
	if cur.Selected != old.Selected {
		p.SetString(prefSelected, cur.Selected)
	}
	if cur.View.Zoom != old.View.Zoom {
		p.SetFloat(prefZoom, cur.View.Zoom)
	}
	if cur.View.Centred != old.View.Centred {
		p.SetBool(prefCentred, cur.View.Centred)
	}
	if cur.View.CX != old.View.CX {
		p.SetFloat(prefCX, cur.View.CX)
	}
	if cur.View.CY != old.View.CY {
		p.SetFloat(prefCY, cur.View.CY)
	}
	if cur.HideEvents != old.HideEvents {
		p.SetBool(prefEvents, !cur.HideEvents)
	}
}

// savePrefs writes the pending preferences and the window's size; it runs
// when the window closes and on Quit.
func (a *App) savePrefs() {
	if a.saver == nil {
		return
	}
	a.saver.flush()
	if sz := a.window.Canvas().Size(); sz.Width > 0 && sz.Height > 0 {
		if float64(sz.Width) != a.opts.Prefs.Float(prefWidth) {
			a.opts.Prefs.SetFloat(prefWidth, float64(sz.Width))
		}
		if float64(sz.Height) != a.opts.Prefs.Float(prefHeight) {
			a.opts.Prefs.SetFloat(prefHeight, float64(sz.Height))
		}
	}
}

// restorePrefs applies what the saver wrote to s. Values out of range or
// naming what is not there (an alliance, a country) are left at the
// defaults; it returns a phrase for each, naming the key. Values of the
// wrong type were taken out before the app started (CheckPreferences).
func restorePrefs(p fyne.Preferences, s *Store, known func(iso string) bool) (ignored []string) {
	switch t := p.String(prefTheme); t {
	case "", ThemeSystem:
	case ThemeLight, ThemeDark:
		s.SetTheme(t)
	default:
		ignored = append(ignored, fmt.Sprintf("%s: %q is not a theme (system, light or dark)", prefTheme, t))
	}
	if id := p.String(prefAlliance); id != "" && !s.SetAlliance(id) {
		ignored = append(ignored, fmt.Sprintf("%s: there is no alliance %q", prefAlliance, id))
	}
	if y := p.Int(prefYear); y != 0 {
		first, last := s.YearRange()
		if y < first || y > last {
			ignored = append(ignored, fmt.Sprintf("%s: %d is outside the %s's years, %d to %d", prefYear, y, s.Alliance().ShortName, first, last))
		} else {
			s.SetYear(y)
		}
	}
	if iso := p.String(prefSelected); iso != "" {
		if !known(iso) {
			ignored = append(ignored, fmt.Sprintf("%s: there is no country %q", prefSelected, iso))
		} else {
			s.Select(iso)
		}
	}
	if !p.BoolWithFallback(prefEvents, true) {
		s.SetEventsShown(false)
	}
	v := View{Zoom: p.Float(prefZoom), CX: p.Float(prefCX), CY: p.Float(prefCY), Centred: p.Bool(prefCentred)}
	if !v.Centred {
		v.CX, v.CY = 0, 0
	}
	switch {
	case v.Zoom == 0:
	case v.Zoom < 1 || v.Zoom > MaxZoom || math.IsNaN(v.Zoom):
		ignored = append(ignored, fmt.Sprintf("%s: %g is outside 1 to %d", prefZoom, v.Zoom, MaxZoom))
	case math.IsInf(v.CX, 0) || math.IsInf(v.CY, 0) || math.IsNaN(v.CX) || math.IsNaN(v.CY):
		ignored = append(ignored, fmt.Sprintf("%s, %s: (%g, %g) is not a point", prefCX, prefCY, v.CX, v.CY))
	default:
		s.SetView(v)
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

// Room a window leaves on its screen for the desktop's own bars and its
// title bar, in the window's units.
const (
	screenRoomW = 16
	screenRoomH = 72
)

// FitWindow returns size shrunk to fit a screen of screen (in the window's
// units) where it is larger than the screen, leaving room for the
// desktop's bars, but never below minimum (the size below which the layout
// no longer holds) unless the screen itself is smaller. A side that fits
// is left alone, and so is everything when the screen is not known (zero).
func FitWindow(size, screen, minimum fyne.Size) fyne.Size {
	if screen.Width <= 0 || screen.Height <= 0 {
		return size
	}
	fit := func(want, screen, room, minimum float32) float32 {
		if want <= screen {
			return want
		}
		avail := max(screen-room, min(minimum, screen))
		return min(want, avail)
	}
	return fyne.NewSize(
		fit(size.Width, screen.Width, screenRoomW, minimum.Width),
		fit(size.Height, screen.Height, screenRoomH, minimum.Height))
}
