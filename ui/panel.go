package ui

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"cstomap/passages"
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
	// Find filters the articles' passages by a word.
	Find *widget.Entry
	// shown are the passages on show, for tests and copying.
	shown []passages.Match
	none  bool // "No passages mention this country" is on show
}

// NewPanel returns the side panel of app.
func NewPanel(app *App) *Panel {
	p := &Panel{app: app, box: container.NewVBox()}
	p.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.title.SizeName = "headingText"
	p.status = newWrapLabel("")
	p.scroll = container.NewVScroll(container.NewPadded(p.box))
	p.Find = widget.NewEntry()
	p.Find.SetPlaceHolder("Search the articles for a word…")
	p.Find.OnChanged = func(string) { p.Refresh(); p.scroll.ScrollToTop() }
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer is part of fyne.Widget.
func (p *Panel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(container.NewPadded(p.Find), nil, nil, nil, p.scroll))
}

// Passages returns the passages on show.
func (p *Panel) Passages() []passages.Match { return p.shown }

// SaysNoPassages reports whether the panel says that no passage mentions
// the selected country.
func (p *Panel) SaysNoPassages() bool { return p.none }

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
	p.shown, p.none = nil, false
	switch q := strings.TrimSpace(p.Find.Text); {
	case q != "" && a.index != nil:
		p.shown = a.index.Search(q)
		p.title.SetText("Search the articles")
		p.status.SetText(fmt.Sprintf("%s contain %q.", plural(len(p.shown), "passage"), q))
		for _, m := range p.shown {
			objs = append(objs, passageCard(m, a.window))
		}
	case a.sel != "":
		iso := a.sel
		p.title.SetText(a.World.Name(iso))
		p.status.SetText(statusLine(a.alliance, iso, a.year, a.Today()))
		if a.index != nil {
			objs = append(objs, widget.NewLabelWithStyle(passageSummary(a.index.For(iso)), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
		}
		objs = append(objs, p.countryTimeline(iso)...)
		objs = append(objs, p.countryPassages(iso)...)
	default:
		p.title.SetText(a.alliance.Name)
		p.status.SetText("Click a country on the map, or in the list below, to see its status, its " + a.alliance.ShortName + " timeline and what the articles say about it.")
		objs = append(objs, p.articleList()...)
		objs = append(objs, p.countryList()...)
		objs = append(objs, p.allianceNotes()...)
	}
	p.box.Objects = objs
	p.box.Refresh()
	p.BaseWidget.Refresh()
}

// countryPassages lists the passages that mention iso: direct mentions in
// article order, then regional ones under "Region".
func (p *Panel) countryPassages(iso string) []fyne.CanvasObject {
	a := p.app
	if a.index == nil {
		return nil
	}
	ms := a.index.For(iso)
	p.shown = ms
	out := []fyne.CanvasObject{widget.NewSeparator(), heading(fmt.Sprintf("Passages (%d)", len(ms)))}
	if len(ms) == 0 {
		p.none = true
		return append(out, newWrapLabel("No passages mention this country."))
	}
	var direct, region []fyne.CanvasObject
	for _, m := range ms {
		if m.Region {
			region = append(region, passageCard(m, a.window))
		} else {
			direct = append(direct, passageCard(m, a.window))
		}
	}
	if len(direct) > 0 {
		out = append(out, subheading(fmt.Sprintf("Mentioned by name (%d)", len(direct))))
		out = append(out, direct...)
	} else {
		out = append(out, newWrapLabel("No passage names this country."))
	}
	if len(region) > 0 {
		out = append(out, subheading(fmt.Sprintf("Region (%d): passages about a region it belongs to", len(region))))
		out = append(out, region...)
	}
	return out
}

// articleList shows every article's headline, source and summary bullets.
func (p *Panel) articleList() []fyne.CanvasObject {
	a := p.app
	if a.index == nil {
		return nil
	}
	arts := a.index.Articles()
	out := []fyne.CanvasObject{widget.NewSeparator(), heading(fmt.Sprintf("Articles (%d)", len(arts)))}
	for _, art := range arts {
		t := widget.NewLabelWithStyle(art.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		t.Wrapping = fyne.TextWrapWord
		out = append(out, t, newWrapLabel(articleSource(art)))
		for _, ps := range art.Passages {
			if ps.Kind == passages.KindBullet {
				out = append(out, newWrapLabel(ps.Text))
			}
		}
	}
	return out
}

// passageSummary counts the passages about a country, for the top of the
// panel: the passages themselves come below the timeline.
func passageSummary(ms []passages.Match) string {
	direct := 0
	for _, m := range ms {
		if !m.Region {
			direct++
		}
	}
	switch {
	case len(ms) == 0:
		return "No passages mention this country."
	case direct == len(ms):
		return fmt.Sprintf("%s in the articles, below its timeline.", plural(len(ms), "passage"))
	}
	return fmt.Sprintf("%s in the articles (%d by name, %d about its region), below its timeline.", plural(len(ms), "passage"), direct, len(ms)-direct)
}

func subheading(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true, Italic: true})
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// statusLine says what the status of iso is in year, and since when.
func statusLine(al *timeline.Alliance, iso string, year int, today time.Time) string {
	c, listed := al.Country(iso)
	st, since := al.StatusForYear(iso, year, today)
	when := fmt.Sprint(year)
	switch {
	case !listed:
		return fmt.Sprintf("Never a %s member.", al.ShortName)
	case c.Never:
		return fmt.Sprintf("Never a %s member. %s", al.ShortName, c.Note)
	case st == timeline.StatusCurrent:
		return fmt.Sprintf("%s: current %s member, since %s.", when, al.ShortName, since.Format(time.DateOnly))
	case st == timeline.StatusDeparted:
		return fmt.Sprintf("%s: former %s member, departed on %s.", when, al.ShortName, since.Format(time.DateOnly))
	case st == timeline.StatusThreatening:
		return fmt.Sprintf("%s: %s member threatening to leave, since %s.", when, al.ShortName, since.Format(time.DateOnly))
	}
	for _, e := range c.Events {
		if e.Status != timeline.StatusNone {
			return fmt.Sprintf("%s: not yet a %s member (first status on %s).", when, al.ShortName, e.Date.Format(time.DateOnly))
		}
	}
	return fmt.Sprintf("%s: no %s status.", when, al.ShortName)
}

func (p *Panel) countryTimeline(iso string) []fyne.CanvasObject {
	al := p.app.alliance
	c, ok := al.Country(iso)
	if !ok {
		return nil
	}
	out := []fyne.CanvasObject{widget.NewSeparator(), heading(al.ShortName + " timeline")}
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
			b := widget.NewButton(a.World.Name(iso), func() { a.Select(iso); a.focusMap() })
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
