package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/dataset"
	"cstomap/palette"
)

// hyperlinks returns the texts of every hyperlink under o.
func hyperlinks(o fyne.CanvasObject) []string {
	var out []string
	switch x := o.(type) {
	case *widget.Hyperlink:
		out = append(out, x.Text)
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, hyperlinks(c)...)
		}
	case *container.Scroll:
		out = append(out, hyperlinks(x.Content)...)
	}
	return out
}

// TestPanelNamesSourcesByPublisher: the country timeline names each source
// by its publisher and class from the source policy, not by its host.
func TestPanelNamesSourcesByPublisher(t *testing.T) {
	test.NewTempApp(t)
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	d, _, err := dataset.Load(dataset.Options{Clock: func() time.Time { return today }})
	require.NoError(t, err)
	nato, err := d.Alliance("nato")
	require.NoError(t, err)
	w := test.NewTempWindow(t, nil)
	p := NewPanel(d.World.Name, nil, w)
	p.sourceLabel = d.Sources.Label
	p.SetModel(PanelModel{State: State{Alliance: nato, Year: 2024, Selected: "FRA"}, Statuses: palette.ForYear(nato, 2024, today), Today: today})
	links := hyperlinks(p.box)
	require.NotEmpty(t, links)
	assert.Contains(t, links, "NATO (official)")
	for _, l := range links {
		assert.Regexp(t, `\((official|news|research|reference)\)(, \d of \d)?$`, l)
	}

	box := sourceLinks([]string{"https://jamestown.org/a", "https://www.nato.int/x", "https://jamestown.org/b"}, d.Sources.Label)
	assert.Equal(t, []string{"Jamestown Foundation (research), 1 of 2", "NATO (official)", "Jamestown Foundation (research), 2 of 2"}, hyperlinks(box))

	p.sourceLabel = nil
	p.Refresh()
	assert.Contains(t, hyperlinks(p.box), "nato.int", "without a policy, hosts name the sources")
}
