package ui_test

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/ui"
)

func TestStoreKeepsStateConsistent(t *testing.T) {
	cases := []struct {
		name   string
		change func(s *ui.Store)
		want   func(t *testing.T, st ui.State)
	}{
		{"opens on the first alliance's last year", func(*ui.Store) {}, func(t *testing.T, st ui.State) {
			assert.Equal(t, "csto", st.Alliance.ID)
			assert.Equal(t, 2026, st.Year)
			assert.Equal(t, ui.ThemeSystem, st.Theme)
			assert.Equal(t, 1.0, st.View.Zoom)
		}},
		{"a year is clamped to the range", func(s *ui.Store) { s.SetYear(1066) }, func(t *testing.T, st ui.State) {
			assert.Equal(t, 1992, st.Year)
		}},
		{"an alliance that covers the year keeps it", func(s *ui.Store) { s.SetYear(1999); s.SetAlliance("nato") }, func(t *testing.T, st ui.State) {
			assert.Equal(t, "nato", st.Alliance.ID)
			assert.Equal(t, 1999, st.Year)
		}},
		{"an alliance that does not cover the year moves to its last", func(s *ui.Store) {
			s.SetAlliance("nato")
			s.SetYear(1950)
			s.SetAlliance("csto")
		}, func(t *testing.T, st ui.State) {
			assert.Equal(t, 2026, st.Year)
		}},
		{"a new alliance starts with the whole region", func(s *ui.Store) {
			s.SetView(ui.View{Zoom: 3, CX: 1, CY: 2, Centred: true})
			s.SetAlliance("nato")
		}, func(t *testing.T, st ui.State) {
			assert.Equal(t, ui.View{Zoom: 1}, st.View)
		}},
		{"an unknown alliance changes nothing", func(s *ui.Store) { assert.False(t, s.SetAlliance("warsaw-pact")) }, func(t *testing.T, st ui.State) {
			assert.Equal(t, "csto", st.Alliance.ID)
		}},
		{"an unknown theme is the system's", func(s *ui.Store) { s.SetTheme("purple") }, func(t *testing.T, st ui.State) {
			assert.Equal(t, ui.ThemeSystem, st.Theme)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := ui.NewStore(testAlliances(t), fixedToday)
			tc.change(s)
			tc.want(t, s.State())
		})
	}
}

// TestStoreFanOut checks that every listener hears of every change once, in
// order, also when a listener changes the state while it is told.
func TestStoreFanOut(t *testing.T) {
	s := ui.NewStore(testAlliances(t), fixedToday)
	var first, second []int
	s.Listen(func(old, cur ui.State) {
		first = append(first, cur.Year)
		if cur.Year == 2000 {
			s.SetYear(2001) // a listener moving on
		}
	})
	s.Listen(func(old, cur ui.State) {
		if old.Alliance != nil {
			assert.NotEqual(t, old, cur, "told of a change that is none")
		}
		second = append(second, cur.Year)
	})
	s.SetYear(2000)
	s.SetYear(2001) // no change: nobody is told
	s.Select("ARM")
	assert.Equal(t, []int{2026, 2000, 2001, 2001}, first)
	assert.Equal(t, []int{2026, 2000, 2001, 2001}, second)
}

// widgetsOf returns every widget and container in o's tree, through the
// renderers, hidden ones included.
func widgetsOf(o fyne.CanvasObject, into map[fyne.CanvasObject]bool) map[fyne.CanvasObject]bool {
	switch x := o.(type) {
	case *fyne.Container:
		into[x] = true
		for _, c := range x.Objects {
			widgetsOf(c, into)
		}
	case fyne.Widget:
		into[x] = true
		for _, c := range test.WidgetRenderer(x).Objects() {
			widgetsOf(c, into)
		}
	}
	return into
}

// TestYearStepBuildsNoWidgetInPanel checks that a year step updates the
// panel's widgets in place: every widget in the panel after the step was
// there before it, while the texts show the new year.
func TestYearStepBuildsNoWidgetInPanel(t *testing.T) {
	cases := []struct {
		name  string
		setup func(app *ui.App)
		check func(t *testing.T, app *ui.App)
	}{
		{"alliance overview", func(app *ui.App) {}, func(t *testing.T, app *ui.App) {
			assert.Contains(t, app.Panel.CountryGroups()["Departed"], "Uzbekistan")
		}},
		{"country selected", func(app *ui.App) { app.Store.Select("ARM") }, func(t *testing.T, app *ui.App) {
			assert.Equal(t, "1999: current party to the Collective Security Treaty, since 1992-05-15.", app.Panel.StatusText())
		}},
		{"article search", func(app *ui.App) { test.Type(app.Panel.Find, "Kremlin") }, func(t *testing.T, app *ui.App) {
			assert.NotEmpty(t, app.Panel.Passages())
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app, _ := newTestApp(t)
			tc.setup(app)
			app.Store.SetYear(1998)
			before := widgetsOf(app.Panel, map[fyne.CanvasObject]bool{})
			app.Store.StepYear(1)
			require.Equal(t, 1999, app.Store.Year())
			after := widgetsOf(app.Panel, map[fyne.CanvasObject]bool{})
			var added []string
			for o := range after {
				if !before[o] {
					added = append(added, fmt.Sprintf("%T", o))
				}
			}
			assert.Empty(t, added, "widgets built by a year step")
			tc.check(t, app)
		})
	}
}

// TestLogsWhereItStarts checks that the log names the alliance and the
// year the window opens on (scripts/smoke.sh steps back from that year),
// and then each change once.
func TestLogsWhereItStarts(t *testing.T) {
	a := test.NewTempApp(t)
	var log logBuffer
	w := a.NewWindow("t")
	app, err := ui.New(w, testWorld(t), ui.Options{Alliances: testAlliances(t), Today: fixedToday, Log: &log})
	require.NoError(t, err)
	assert.Equal(t, "alliance csto\nyear 2026\n", log.String())
	app.Store.StepYear(-1)
	app.Store.Select("ARM")
	app.Store.SetTheme(ui.ThemeDark)
	assert.Equal(t, "alliance csto\nyear 2026\nyear 2025\nselected ARM Armenia\ntheme dark\n", log.String())
}
