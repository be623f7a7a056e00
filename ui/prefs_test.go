package ui_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/ui"
)

// fakeClock is a ui.AfterFunc whose timers run only when the test fires
// them.
type fakeClock struct {
	timers []*fakeTimer
}

type fakeTimer struct {
	d             time.Duration
	f             func()
	done, stopped bool
}

func (c *fakeClock) after(d time.Duration, f func()) func() bool {
	t := &fakeTimer{d: d, f: f}
	c.timers = append(c.timers, t)
	return func() bool {
		pending := !t.done && !t.stopped
		t.stopped = true
		return pending
	}
}

// pending returns the timers that are set and have neither run nor been
// stopped.
func (c *fakeClock) pending() []*fakeTimer {
	var out []*fakeTimer
	for _, t := range c.timers {
		if !t.done && !t.stopped {
			out = append(out, t)
		}
	}
	return out
}

// fire runs the pending timers, as if their time had come.
func (c *fakeClock) fire() {
	for _, t := range c.pending() {
		t.done = true
		t.f()
	}
}

// countingPrefs counts the writes of each key.
type countingPrefs struct {
	fyne.Preferences
	writes map[string]int
}

func (p *countingPrefs) SetBool(k string, v bool)     { p.writes[k]++; p.Preferences.SetBool(k, v) }
func (p *countingPrefs) SetFloat(k string, v float64) { p.writes[k]++; p.Preferences.SetFloat(k, v) }
func (p *countingPrefs) SetInt(k string, v int)       { p.writes[k]++; p.Preferences.SetInt(k, v) }
func (p *countingPrefs) SetString(k string, v string) { p.writes[k]++; p.Preferences.SetString(k, v) }

// written returns the keys written since the last call, sorted, and
// forgets them.
func (p *countingPrefs) written() []string {
	var keys []string
	for k, n := range p.writes {
		for range n {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	p.writes = map[string]int{}
	return keys
}

// TestPreferencesSavedDebounced checks that a burst of changes (panning,
// zooming, playback) writes each changed key once, a second after the
// burst starts, and that closing the window writes what is pending at once.
func TestPreferencesSavedDebounced(t *testing.T) {
	drag := func(app *ui.App) {
		for range 30 {
			app.Map.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 3, DY: 2}})
		}
	}
	zoom := func(app *ui.App) {
		for range 10 {
			app.Map.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(300, 300)}, Scrolled: fyne.Delta{DY: 25}})
		}
	}
	cases := []struct {
		name  string
		burst func(app *ui.App)
		keys  []string // written after the first burst
		again []string // written on closing after the second
	}{
		{"pan", drag, []string{"centerX", "centerY", "centred"}, []string{"centerX", "centerY"}},
		{"zoom", zoom, []string{"centerX", "centerY", "centred", "zoom"}, []string{"centerX", "centerY", "zoom"}},
		{"play the years", func(app *ui.App) {
			for range 20 {
				app.Store.StepYear(-1)
			}
		}, []string{"year"}, []string{"year"}},
		{"click countries, ending where they started", func(app *ui.App) {
			for _, iso := range []string{"ARM", "KAZ", "RUS"} {
				app.Store.Select(iso)
			}
		}, []string{"selected"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			prefs := &countingPrefs{Preferences: a.Preferences(), writes: map[string]int{}}
			clock := &fakeClock{}
			w := a.NewWindow("t")
			app, err := ui.New(w, testWorld(t), ui.Options{Alliances: testAlliances(t), Today: fixedToday, Prefs: prefs, AfterFunc: clock.after})
			require.NoError(t, err)
			w.Resize(fyne.NewSize(1000, 700))
			assert.Empty(t, prefs.written(), "nothing is written at start-up")

			tc.burst(app)
			assert.Empty(t, prefs.written(), "nothing is written during the burst")
			require.Len(t, clock.pending(), 1, "one delayed save for the whole burst")
			assert.Equal(t, ui.SaveInterval, clock.pending()[0].d)
			assert.Equal(t, time.Second, ui.SaveInterval)
			clock.fire()
			assert.Equal(t, tc.keys, prefs.written(), "each changed key is written once")
			assert.Empty(t, clock.pending())

			tc.burst(app)
			require.Len(t, clock.pending(), 1)
			w.Close()
			want := append(tc.again, "windowHeight", "windowWidth")
			sort.Strings(want)
			assert.Equal(t, want, prefs.written(), "closing writes what changed, and the window size")
			assert.Empty(t, clock.pending(), "the delayed save is stopped")
		})
	}
}

// TestRestoreNamesKeyAndProblem checks that settings that do not fit are
// reported by key, with the value as it is.
func TestRestoreNamesKeyAndProblem(t *testing.T) {
	cases := []struct {
		name string
		set  func(p fyne.Preferences)
		want string
	}{
		{"unknown alliance", func(p fyne.Preferences) { p.SetString("alliance", "warsaw-pact") }, `alliance: there is no alliance "warsaw-pact"`},
		{"year out of range", func(p fyne.Preferences) { p.SetInt("year", 1066) }, "year: 1066 is outside the CSTO's years, 1992 to 2026"},
		{"unknown country", func(p fyne.Preferences) { p.SetString("selected", "XXX") }, `selected: there is no country "XXX"`},
		{"zoom too far", func(p fyne.Preferences) { p.SetFloat("zoom", 1000) }, "zoom: 1000 is outside 1 to 64"},
		{"unknown theme", func(p fyne.Preferences) { p.SetString("theme", "purple") }, `theme: "purple" is not a theme (system, light or dark)`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			var log logBuffer
			tc.set(a.Preferences())
			w := a.NewWindow("t")
			app, err := ui.New(w, testWorld(t), ui.Options{Alliances: testAlliances(t), Today: fixedToday, Prefs: a.Preferences(), Log: &log})
			require.NoError(t, err)
			assert.Contains(t, log.String(), tc.want)
			assert.Equal(t, "csto", app.Store.Alliance().ID)
			assert.Equal(t, 2026, app.Store.Year())
			assert.Equal(t, 1.0, app.Map.Zoom())
		})
	}
}

// logBuffer is an io.Writer that keeps what the app logs.
type logBuffer struct{ lines []byte }

func (b *logBuffer) Write(p []byte) (int, error) { b.lines = append(b.lines, p...); return len(p), nil }
func (b *logBuffer) String() string              { return string(b.lines) }

// TestCheckPreferences checks each kind of damage: the message names the
// key and the problem, the good settings stay, and the file as it was is
// kept beside.
func TestCheckPreferences(t *testing.T) {
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		name    string
		content string
		want    []string       // in the message
		kept    map[string]any // what is left in preferences.json; nil: no file
		aside   bool           // the original is moved aside
	}{
		{name: "good", content: `{"year":1999,"alliance":"nato","zoom":2.5,"centred":true,"export.format":"png"}`,
			kept: map[string]any{"year": 1999.0, "alliance": "nato", "zoom": 2.5, "centred": true, "export.format": "png"}},
		{name: "empty", content: "", kept: map[string]any{}},
		{name: "wrong types", content: `{"year":"1999","zoom":true,"centred":1,"alliance":7,"theme":"dark"}`,
			want: []string{`year: text "1999"; it should be a whole number`, "zoom: true or false; it should be a number",
				"centred: a number; it should be true or false", "alliance: a number; it should be text"},
			kept: map[string]any{"theme": "dark"}, aside: true},
		{name: "null", content: `{"year":null,"selected":"ARM"}`, want: []string{"year: null; it should be a whole number"},
			kept: map[string]any{"selected": "ARM"}, aside: true},
		{name: "arrays", content: `{"zoom":[1,2],"alliance":["csto"]}`,
			want: []string{"zoom: a list; it should be a number", "alliance: a list; it should be text"}, kept: map[string]any{}, aside: true},
		{name: "1e999", content: `{"year":1e999,"zoom":2}`, want: []string{"year: 1e999 is out of range; it should be a whole number"},
			kept: map[string]any{"zoom": 2.0}, aside: true},
		{name: "year too large", content: `{"year":1e300}`, want: []string{"year: 1e300 is not a year"}, kept: map[string]any{}, aside: true},
		{name: "year with a fraction", content: `{"year":1999.5}`, want: []string{"year: 1999.5 is not a year"}, kept: map[string]any{}, aside: true},
		{name: "a list that would panic Fyne's loader", content: `{"export.sizes":[1,"a"],"year":2000}`,
			want: []string{"export.sizes: a list that mixes a number and text"}, kept: map[string]any{"year": 2000.0}, aside: true},
		{name: "another key's number out of range", content: `{"export.scale":-1e400}`,
			want: []string{"export.scale: -1e400 is out of range"}, kept: map[string]any{}, aside: true},
		{name: "not JSON", content: `{"year":`, want: []string{"is not a settings file", "the defaults are used"}, aside: true},
		{name: "a list, not an object", content: `[1,2]`, want: []string{"is not a settings file", "array"}, aside: true},
		{name: "null, not an object", content: `null`, want: []string{"it holds null"}, aside: true},
		{name: "two objects", content: `{} {}`, want: []string{"more follows"}, aside: true},
		{name: "too large", content: `{"x":"` + string(make([]byte, ui.PrefsFileLimit)) + `"}`, want: []string{"is larger than 1024 KB"}, aside: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "preferences.json")
			require.NoError(t, os.WriteFile(path, []byte(tc.content), 0o640))
			msgs, err := ui.CheckPreferences(path, now)
			require.NoError(t, err)
			checkRepair(t, path, msgs, tc.want, tc.kept, tc.aside, tc.content)
			if st, err := os.Stat(path); err == nil {
				assert.Equal(t, os.FileMode(0o640), st.Mode().Perm(), "the mode is kept")
			}
		})
	}
}

// checkRepair checks CheckPreferences' message, the file left at path and
// the copy moved aside.
func checkRepair(t *testing.T, path string, msgs, want []string, kept map[string]any, aside bool, original string) {
	t.Helper()
	if len(want) == 0 {
		assert.Empty(t, msgs)
	} else {
		require.Len(t, msgs, 1)
		for _, w := range want {
			assert.Contains(t, msgs[0], w)
		}
		assert.NotContains(t, msgs[0], "-9223372036854775808")
	}
	data, err := os.ReadFile(path)
	if kept == nil {
		assert.True(t, os.IsNotExist(err), "no preferences.json is left")
	} else if len(kept) > 0 || len(data) > 0 {
		require.NoError(t, err)
		var got map[string]any
		require.NoError(t, json.Unmarshal(data, &got))
		assert.Equal(t, kept, got)
	}
	matches, _ := filepath.Glob(path + ".bad-20261130T100000Z*")
	if !aside {
		assert.Empty(t, matches)
		return
	}
	require.Len(t, matches, 1, "the file as it was is kept")
	assert.Contains(t, msgs[0], matches[0])
	if original != "" {
		if data, err := os.ReadFile(matches[0]); err == nil {
			assert.Equal(t, original, string(data))
		}
	}
}

// TestCheckPreferencesSpecialFiles checks that a FIFO, a link to
// /dev/zero and a folder in place of preferences.json are moved aside
// without being read, so the window opens.
func TestCheckPreferencesSpecialFiles(t *testing.T) {
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		make func(path string) error
		want string
	}{
		{"FIFO", func(p string) error { return syscall.Mkfifo(p, 0o600) }, "is a named pipe, not a plain file"},
		{"link to /dev/zero", func(p string) error { return os.Symlink("/dev/zero", p) }, "is a device, not a plain file (it links to /dev/zero)"},
		{"folder", func(p string) error { return os.Mkdir(p, 0o700) }, "is a folder, not a plain file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "preferences.json")
			require.NoError(t, tc.make(path))
			done := make(chan struct{})
			var msgs []string
			var err error
			go func() { msgs, err = ui.CheckPreferences(path, now); close(done) }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("CheckPreferences did not return")
			}
			require.NoError(t, err)
			checkRepair(t, path, msgs, []string{tc.want, "the defaults are used"}, nil, true, "")
			// Twice in the same second: a second name.
			require.NoError(t, tc.make(path))
			msgs, err = ui.CheckPreferences(path, now)
			require.NoError(t, err)
			require.Len(t, msgs, 1)
			assert.Contains(t, msgs[0], ".bad-20261130T100000Z-2")
		})
	}
}

// TestCheckPreferencesCannotMoveAside checks that a bad file that cannot
// be moved aside is an error, so the window does not hang on it.
func TestCheckPreferencesCannotMoveAside(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may rename in a read-only folder")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "preferences.json")
	require.NoError(t, syscall.Mkfifo(path, 0o600))
	require.NoError(t, os.Chmod(dir, 0o500))
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	_, err := ui.CheckPreferences(path, time.Now())
	assert.ErrorContains(t, err, "could not be moved aside")
}

func TestFitWindow(t *testing.T) {
	minimum := fyne.NewSize(760, 560)
	for _, tc := range []struct {
		name               string
		size, screen, want fyne.Size
	}{
		{"fits", fyne.NewSize(1280, 800), fyne.NewSize(1920, 1080), fyne.NewSize(1280, 800)},
		{"exactly the screen", fyne.NewSize(1280, 800), fyne.NewSize(1280, 800), fyne.NewSize(1280, 800)},
		{"unknown screen", fyne.NewSize(1280, 800), fyne.Size{}, fyne.NewSize(1280, 800)},
		{"laptop: too tall", fyne.NewSize(1280, 800), fyne.NewSize(1366, 768), fyne.NewSize(1280, 768-72)},
		{"small screen: down to the minimum", fyne.NewSize(1280, 800), fyne.NewSize(800, 600), fyne.NewSize(800-16, 560)},
		{"screen below the minimum: the screen", fyne.NewSize(1280, 800), fyne.NewSize(640, 480), fyne.NewSize(640, 480)},
		{"remembered size larger than this screen", fyne.NewSize(2500, 1400), fyne.NewSize(1920, 1080), fyne.NewSize(1920-16, 1080-72)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, ui.FitWindow(tc.size, tc.screen, minimum))
		})
	}
}
