package ui

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"cstomap/timeline"
)

// Panel is the side panel. With a country selected it shows the country's
// status in the year and its whole timeline in the alliance, with links to
// the sources; with none, the alliance's own dated notes.
type Panel struct {
	widget.BaseWidget
	app    *App
	box    *fyne.Container
	scroll *container.Scroll
	title  *widget.Label
	status *widget.Label
}

// NewPanel returns the side panel of app.
func NewPanel(app *App) *Panel {
	p := &Panel{app: app, box: container.NewVBox()}
	p.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.title.SizeName = "headingText"
	p.status = newWrapLabel("")
	p.scroll = container.NewVScroll(container.NewPadded(p.box))
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer is part of fyne.Widget.
func (p *Panel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.scroll)
}

// Title returns the panel's heading.
func (p *Panel) Title() string { return p.title.Text }

// StatusText returns the line that states the selected country's status.
func (p *Panel) StatusText() string { return p.status.Text }

// Refresh rebuilds the panel for the app's selection, alliance and year.
func (p *Panel) Refresh() {
	a := p.app
	if a.alliance == nil {
		return
	}
	objs := []fyne.CanvasObject{p.title, p.status}
	if iso := a.sel; iso != "" {
		p.title.SetText(a.World.Name(iso))
		p.status.SetText(statusLine(a.alliance, iso, a.year, a.Today()))
		objs = append(objs, p.countryTimeline(iso)...)
	} else {
		p.title.SetText(a.alliance.Name)
		p.status.SetText("Click a country on the map, or in the list below, to see its status and its timeline in the " + a.alliance.ShortName + ".")
		objs = append(objs, p.countryList()...)
		objs = append(objs, p.allianceNotes()...)
	}
	p.box.Objects = objs
	p.box.Refresh()
	p.BaseWidget.Refresh()
}

// statusLine says what the status of iso is in year, and since when.
func statusLine(al *timeline.Alliance, iso string, year int, today time.Time) string {
	c, listed := al.Country(iso)
	st, since := al.StatusForYear(iso, year, today)
	when := fmt.Sprint(year)
	switch {
	case !listed:
		return fmt.Sprintf("Never a member of the %s.", al.ShortName)
	case c.Never:
		return fmt.Sprintf("Never a member of the %s. %s", al.ShortName, c.Note)
	case st == timeline.StatusCurrent:
		return fmt.Sprintf("%s: current member of the %s (since %s).", when, al.ShortName, since.Format(time.DateOnly))
	case st == timeline.StatusDeparted:
		return fmt.Sprintf("%s: departed from the %s (since %s).", when, al.ShortName, since.Format(time.DateOnly))
	case st == timeline.StatusThreatening:
		return fmt.Sprintf("%s: threatening to leave the %s (since %s).", when, al.ShortName, since.Format(time.DateOnly))
	}
	for _, e := range c.Events {
		if e.Status != timeline.StatusNone {
			return fmt.Sprintf("%s: not yet a member of the %s (first status on %s).", when, al.ShortName, e.Date.Format(time.DateOnly))
		}
	}
	return fmt.Sprintf("%s: no status in the %s.", when, al.ShortName)
}

func (p *Panel) countryTimeline(iso string) []fyne.CanvasObject {
	al := p.app.alliance
	c, ok := al.Country(iso)
	if !ok {
		return nil
	}
	out := []fyne.CanvasObject{widget.NewSeparator(), heading("Timeline in the " + al.ShortName)}
	if c.Never && len(c.Sources) > 0 {
		out = append(out, sourceLinks(c.Sources))
	}
	for _, e := range c.Events {
		out = append(out, eventRow(e)...)
	}
	return out
}

// countryGroups are the headings of the country list, in order.
var countryGroups = []struct {
	status timeline.Status
	title  string
}{
	{timeline.StatusCurrent, "Current members"},
	{timeline.StatusThreatening, "Threatening to leave"},
	{timeline.StatusDeparted, "Departed"},
	{timeline.StatusNone, "Not members this year"},
}

// CountryGroups returns the alliance's countries grouped by their status in
// the year shown, as listed in the panel: group title → names.
func (p *Panel) CountryGroups() map[string][]string {
	out := map[string][]string{}
	a := p.app
	for _, c := range a.alliance.Countries {
		st := a.statuses[c.ISO]
		for _, g := range countryGroups {
			if g.status == st {
				out[g.title] = append(out[g.title], a.World.Name(c.ISO))
			}
		}
	}
	return out
}

// countryList lists the alliance's countries grouped by status in the
// year; a click selects the country.
func (p *Panel) countryList() []fyne.CanvasObject {
	a := p.app
	out := []fyne.CanvasObject{widget.NewSeparator(), heading(fmt.Sprintf("Countries in %d", a.year))}
	for _, g := range countryGroups {
		var buttons []fyne.CanvasObject
		for _, c := range a.alliance.Countries {
			if a.statuses[c.ISO] != g.status {
				continue
			}
			iso := c.ISO
			b := widget.NewButton(a.World.Name(iso), func() { a.Select(iso) })
			b.Importance = widget.LowImportance
			b.Alignment = widget.ButtonAlignLeading
			buttons = append(buttons, b)
		}
		if len(buttons) == 0 {
			continue
		}
		out = append(out, widget.NewLabelWithStyle(fmt.Sprintf("%s (%d)", g.title, len(buttons)), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
		out = append(out, container.NewGridWrap(fyne.NewSize(150, 34), buttons...))
	}
	return out
}

func (p *Panel) allianceNotes() []fyne.CanvasObject {
	al := p.app.alliance
	out := []fyne.CanvasObject{}
	if al.Founding != "" {
		out = append(out, newWrapLabel(al.Founding))
	}
	if len(al.Notes) > 0 {
		out = append(out, widget.NewSeparator(), heading("Dated notes"))
		for _, e := range al.Notes {
			out = append(out, eventRow(e)...)
		}
	}
	return out
}

// eventRow shows one dated event: its date and status change, its note and
// its sources.
func eventRow(e timeline.Event) []fyne.CanvasObject {
	head := e.Date.Format(time.DateOnly)
	if e.Status != timeline.StatusNone {
		head += " — becomes " + string(e.Status)
	}
	if e.Confidence != "" && e.Confidence != "high" {
		head += " (confidence: " + e.Confidence + ")"
	}
	return []fyne.CanvasObject{
		widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		newWrapLabel(e.Note),
		sourceLinks(e.Sources),
	}
}

// sourceLinks lists source URLs as links named by their host, opened in the
// browser when clicked.
func sourceLinks(sources []string) fyne.CanvasObject {
	var links []fyne.CanvasObject
	for _, s := range sources {
		u, err := url.Parse(s)
		if err != nil {
			continue
		}
		name := strings.TrimPrefix(u.Host, "www.")
		links = append(links, widget.NewHyperlink(name, u))
	}
	return container.NewGridWrap(fyne.NewSize(180, 30), links...)
}

func heading(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = "subHeadingText"
	return l
}

func newWrapLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.Selectable = true
	return l
}
