package ui

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"cstomap/events"
	"cstomap/palette"
	"cstomap/passages"
	"cstomap/timeline"
)

// PanelModel is what the side panel shows: the window's state and the
// statuses of its year. The App hands a new one to Panel.SetModel on every
// change; the panel reads nothing else of the App.
type PanelModel struct {
	State    State
	Statuses palette.Statuses
	Today    time.Time
	// Sovereign gives a territory's sovereign (geo.World.Sovereign), so
	// the panel can say that it takes its sovereign's status; nil for none.
	Sovereign func(iso string) string
	// Events are the dated events (calls for help, bases, …); the panel
	// shows those of the alliance on show.
	Events []events.Event
}

// panelKey is what decides which widgets the panel holds: a change of key
// rebuilds the list under the heading, any other change (the year) updates
// the widgets in place.
type panelKey struct {
	alliance *timeline.Alliance
	selected string
	query    string
	event    string
}

// Panel is the side panel. With a country selected it shows the country's
// status in the year and its whole timeline in the alliance, with links to
// the sources; with none, the articles, the alliance's countries grouped by
// their status in the year and the alliance's dated notes. A year step
// changes the texts and regroups the country buttons; it builds no widget.
type Panel struct {
	widget.BaseWidget

	// Find filters the articles' passages by a word.
	Find *widget.Entry
	// OnSelect is a hook that is called with the ISO code of a country
	// chosen in the country list.
	OnSelect func(iso string) `json:"-"`
	// OnEvent is a hook that is called with the ID of an event chosen in a
	// country's list of events.
	OnEvent func(id string) `json:"-"`
	// OnEventClosed is a hook that is called when the event shown is
	// closed to go back to its country.
	OnEventClosed func() `json:"-"`

	name   func(iso string) string
	index  *passages.Index
	window fyne.Window // for the passages' copy buttons; may be nil

	box    *fyne.Container
	scroll *container.Scroll
	title  *widget.Label
	status *widget.Label

	model PanelModel
	key   panelKey
	built bool
	// sourceLabel names sources (Options.SourceLabel); nil names hosts.
	sourceLabel SourceLabel
	countries   *countryList // the alliance's countries, when listed
	// shown are the passages on show, for tests and copying.
	shown []passages.Match
	none  bool // "No passages mention this country" is on show
	// event is the event on show (panelevents.go), or nil; eventLinks
	// are its passages and eventList the country's events listed.
	event      *events.Event
	eventLinks []passages.EventLink
	eventList  []string
}

// NewPanel returns a side panel that names countries with name, shows the
// passages of index (nil for none) and copies passages to win's clipboard.
// It is empty until the first Show.
func NewPanel(name func(iso string) string, index *passages.Index, win fyne.Window) *Panel {
	p := &Panel{name: name, index: index, window: win, box: container.NewVBox()}
	p.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.title.SizeName = "headingText"
	p.title.Wrapping = fyne.TextWrapWord // the alliance's full name is wider than a narrow panel
	p.status = newWrapLabel("")
	p.scroll = container.NewVScroll(container.NewPadded(p.box))
	p.Find = widget.NewEntry()
	p.Find.SetPlaceHolder("Search the articles for a word…")
	p.Find.OnChanged = func(string) { p.SetModel(p.model); p.scroll.ScrollToTop() }
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer is part of fyne.Widget.
func (p *Panel) CreateRenderer() fyne.WidgetRenderer {
	p.ExtendBaseWidget(p)
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

// SetModel shows m. Only a new alliance, selection or search rebuilds the list
// under the heading; a new year updates the widgets on show.
func (p *Panel) SetModel(m PanelModel) {
	p.model = m
	if m.State.Alliance == nil {
		return
	}
	key := panelKey{alliance: m.State.Alliance, selected: m.State.Selected, query: strings.TrimSpace(p.Find.Text), event: m.State.Event}
	if p.index == nil {
		key.query = ""
	}
	if !p.built || key != p.key {
		p.key, p.built = key, true
		p.rebuild()
	}
	al, iso := m.State.Alliance, m.State.Selected
	switch {
	case key.query != "":
		setText(p.title, "Search the articles")
		setText(p.status, fmt.Sprintf("%s contain %q.", plural(len(p.shown), "passage"), key.query))
	case p.event != nil:
		p.showEventHeading()
	case iso != "":
		setText(p.title, p.name(iso))
		sov := ""
		if m.Sovereign != nil {
			sov = m.Sovereign(iso)
		}
		setText(p.status, statusLine(al, iso, sov, p.name(sov), m.State.Year, m.Today))
	default:
		setText(p.title, al.NameInYear(m.State.Year, m.Today).Name)
		setText(p.status, "Click a country on the map, or in the list below, to see its status, its "+al.ShortName+" timeline and what the articles say about it.")
		p.countries.show(m.State.Year, m.Statuses, al.NameInYear(m.State.Year, m.Today).Form)
	}
}

// Refresh rebuilds the list under the heading, for articles added or
// removed, and redraws the panel.
func (p *Panel) Refresh() {
	p.built = false
	p.SetModel(p.model)
	p.BaseWidget.Refresh()
}

// rebuild makes the widgets of the list under the heading for p.key.
func (p *Panel) rebuild() {
	objs := []fyne.CanvasObject{p.title, p.status}
	p.shown, p.none, p.countries = nil, false, nil
	p.event, p.eventLinks, p.eventList = nil, nil, nil
	al, iso := p.key.alliance, p.key.selected
	if p.key.query == "" && p.key.event != "" {
		p.event = p.findEvent(p.key.event)
	}
	switch {
	case p.key.query != "":
		p.shown = p.index.Search(p.key.query)
		for _, m := range p.shown {
			objs = append(objs, passageCard(m, p.window))
		}
	case p.event != nil:
		objs = append(objs, p.eventSections()...)
	case iso != "":
		if p.index != nil {
			summary := widget.NewLabel(passageSummary(p.index.For(iso)))
			summary.Wrapping = fyne.TextWrapWord // unwrapped, it widened the panel
			objs = append(objs, summary)
		}
		objs = append(objs, countryTimeline(al, iso, p.sourceLabel)...)
		objs = append(objs, p.countryEvents(iso)...)
		objs = append(objs, p.countryPassages(iso)...)
	default:
		objs = append(objs, p.articleList()...)
		p.countries = newCountryList(al, p.name, func(iso string) {
			if p.OnSelect != nil {
				p.OnSelect(iso)
			}
		})
		objs = append(objs, p.countries.objects...)
		objs = append(objs, allianceNotes(al, p.sourceLabel)...)
	}
	p.box.Objects = objs
	p.box.Refresh()
}

// setText changes a label's text, leaving it alone when it is the same.
func setText(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}

// countryPassages lists the passages that mention iso: direct mentions in
// article order, then regional ones under "Region".
func (p *Panel) countryPassages(iso string) []fyne.CanvasObject {
	if p.index == nil {
		return nil
	}
	ms := p.index.For(iso)
	p.shown = ms
	out := []fyne.CanvasObject{widget.NewSeparator(), heading(fmt.Sprintf("Passages (%d)", len(ms)))}
	if len(ms) == 0 {
		p.none = true
		return append(out, newWrapLabel("No passages mention this country."))
	}
	var direct, region []fyne.CanvasObject
	for _, m := range ms {
		if m.Region {
			region = append(region, passageCard(m, p.window))
		} else {
			direct = append(direct, passageCard(m, p.window))
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
	if p.index == nil {
		return nil
	}
	arts := p.index.Articles()
	out := []fyne.CanvasObject{widget.NewSeparator(), heading(fmt.Sprintf("Articles (%d)", len(arts)))}
	for _, art := range arts {
		t := widget.NewLabelWithStyle(art.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		t.Wrapping = fyne.TextWrapWord
		// The source and the summary are folded under the headline: laid
		// out only when opened, they were most of the start panel's text.
		details := []fyne.CanvasObject{newWrapLabel(articleSource(art))}
		n := 0
		for _, ps := range art.Passages {
			if ps.Kind == passages.KindBullet {
				details = append(details, newWrapLabel(ps.Text))
				n++
			}
		}
		title := "Source" // short: an accordion's title does not wrap
		if n > 0 {
			title = "Summary and source"
		}
		out = append(out, t, widget.NewAccordion(widget.NewAccordionItem(title, container.NewVBox(details...))))
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

// subheading returns a bold label that heads a group of passages. The panel
// uses only the regular and bold faces: each further face (italic, bold
// italic) costs about 3 MB of parsed font data when first drawn.
func subheading(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// statusLine says what the status of iso is in year, and since when, in
// the words of that year (see timeline.Alliance.Describe). A territory of
// sov ("" for a state), named sovName, that the alliance does not list
// takes sov's status, unless an exclusion of the alliance leaves it out.
func statusLine(al *timeline.Alliance, iso, sov, sovName string, year int, today time.Time) string {
	if _, own := al.Country(iso); !own && sov != "" {
		if x := al.ExclusionInYear(iso, year, today); x != nil {
			return fmt.Sprintf("%d: not covered by the %s. %s", year, al.NameInYear(year, today).Name, x.Note)
		}
		if st, since, via := al.StatusForYearVia(iso, sov, year, today); via != "" {
			return fmt.Sprintf("%d: %s, as a territory of %s.", year, al.Describe(st, since, year, today), sovName)
		}
		iso = sov
	}
	c, listed := al.Country(iso)
	st, since := al.StatusForYear(iso, year, today)
	n := al.NameInYear(year, today)
	never := "Never a " + n.Member() + "."
	if n.Form == timeline.FormTreaty {
		never = "Never a party to the " + n.Name + "."
	}
	switch {
	case !listed:
		return never
	case c.Never:
		return never + " " + c.Note
	case st != timeline.StatusNone:
		return fmt.Sprintf("%d: %s.", year, al.Describe(st, since, year, today))
	}
	for _, e := range c.Events {
		if e.Status != timeline.StatusNone {
			if n.Form == timeline.FormTreaty {
				return fmt.Sprintf("%d: not yet a party to the %s (first status on %s).", year, n.Name, e.Date.Format(time.DateOnly))
			}
			return fmt.Sprintf("%d: not yet a %s (first status on %s).", year, n.Member(), e.Date.Format(time.DateOnly))
		}
	}
	return fmt.Sprintf("%d: %s.", year, al.Describe(st, since, year, today))
}

// countryTimeline lists the dated events of iso in al, with their sources.
func countryTimeline(al *timeline.Alliance, iso string, label SourceLabel) []fyne.CanvasObject {
	c, ok := al.Country(iso)
	if !ok {
		return nil
	}
	out := []fyne.CanvasObject{widget.NewSeparator(), heading(al.ShortName + " timeline")}
	if c.Never && len(c.Sources) > 0 {
		out = append(out, sourceLinks(c.Sources, label))
	}
	for _, e := range c.Events {
		out = append(out, eventRow(e, label)...)
	}
	return out
}

// countryGroups are the headings of the country list, in order: the
// organization's words, and a treaty's (the Collective Security Treaty of
// 1992–2002 had parties, not members).
var countryGroups = []struct {
	status        timeline.Status
	title, treaty string
}{
	{timeline.StatusCurrent, "Current members", "Parties"},
	{timeline.StatusThreatening, "Threatening to leave", "Threatening to leave"},
	{timeline.StatusDeparted, "Departed", "Departed"},
	{timeline.StatusNone, "Not members this year", "Not parties this year"},
}

// CountryGroups returns the alliance's countries grouped by their status in
// the year shown, as the panel's country list shows them: group title (in
// the words of the year: "Parties" to the treaty in 1995) → names. It is
// empty while a country is selected or a search is shown.
func (p *Panel) CountryGroups() map[string][]string {
	out := map[string][]string{}
	if p.countries == nil {
		return out
	}
	for i := range countryGroups {
		t := p.countries.titles[i]
		for _, o := range p.countries.grids[i].Objects {
			out[t] = append(out[t], o.(*widget.Button).Text)
		}
	}
	return out
}

// countryList lists an alliance's countries grouped by their status in a
// year, one button per country; a click selects the country. The buttons
// are made once per alliance and moved between the groups as the year
// changes.
type countryList struct {
	heading *widget.Label
	labels  []*widget.Label   // one per countryGroups entry
	grids   []*fyne.Container // the buttons of each group
	titles  []string          // each group's title in the year shown
	buttons []*widget.Button  // in the alliance's order
	isos    []string
	objects []fyne.CanvasObject // the list's widgets, in order
	name    func(iso string) string
}

// newCountryList makes the list of al's countries, named by name; a click
// calls onSelect with the country's ISO code.
func newCountryList(al *timeline.Alliance, name func(string) string, onSelect func(iso string)) *countryList {
	l := &countryList{heading: heading(""), name: name}
	l.objects = []fyne.CanvasObject{widget.NewSeparator(), l.heading}
	for _, c := range al.Countries {
		iso := c.ISO
		b := widget.NewButton(name(iso), func() { onSelect(iso) })
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		l.buttons, l.isos = append(l.buttons, b), append(l.isos, iso)
	}
	for range countryGroups {
		label := widget.NewLabel("") // regular, not italic: see subheading
		grid := container.NewGridWrap(fyne.NewSize(150, 34))
		l.labels, l.grids = append(l.labels, label), append(l.grids, grid)
		l.objects = append(l.objects, label, grid)
	}
	return l
}

// show groups the buttons by their countries' statuses in year, hiding
// the empty groups, with the headings of the alliance's form that year. It
// makes no widget.
func (l *countryList) show(year int, statuses palette.Statuses, form timeline.Form) {
	if l == nil {
		return
	}
	setText(l.heading, fmt.Sprintf("Countries in %d", year))
	l.titles = l.titles[:0]
	for i, g := range countryGroups {
		title := g.title
		if form == timeline.FormTreaty {
			title = g.treaty
		}
		l.titles = append(l.titles, title)
		var in []fyne.CanvasObject
		for j, iso := range l.isos {
			if statuses[iso] == g.status {
				// The year's name: "West Germany" before 1991.
				if n := l.name(iso); l.buttons[j].Text != n {
					l.buttons[j].SetText(n)
				}
				in = append(in, l.buttons[j])
			}
		}
		setText(l.labels[i], fmt.Sprintf("%s (%d)", title, len(in)))
		l.grids[i].Objects = in
		if len(in) == 0 {
			l.labels[i].Hide()
			l.grids[i].Hide()
		} else {
			l.labels[i].Show()
			l.grids[i].Show()
		}
		l.grids[i].Refresh()
	}
}

// allianceNotes shows how the alliance was founded and its dated notes.
func allianceNotes(al *timeline.Alliance, label SourceLabel) []fyne.CanvasObject {
	out := []fyne.CanvasObject{}
	if al.Founding != "" {
		out = append(out, newWrapLabel(al.Founding))
	}
	if len(al.Notes) > 0 {
		// Folded: the notes are long, below the fold, and read by few; a
		// folded item's text is not laid out until it is opened.
		var rows []fyne.CanvasObject
		for _, e := range al.Notes {
			rows = append(rows, eventRow(e, label)...)
		}
		notes := widget.NewAccordion(widget.NewAccordionItem(fmt.Sprintf("Dated notes (%d)", len(al.Notes)), container.NewVBox(rows...)))
		out = append(out, widget.NewSeparator(), notes)
	}
	return out
}

// eventRow shows one dated event: its date and status change, its note and
// its sources.
func eventRow(e timeline.Event, label SourceLabel) []fyne.CanvasObject {
	head := e.Date.Format(time.DateOnly)
	if e.Status != timeline.StatusNone {
		head += " — becomes " + string(e.Status)
	}
	if e.Confidence != "" && e.Confidence != "high" {
		head += " (confidence: " + e.Confidence + ")"
	}
	headLabel := widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	headLabel.Wrapping = fyne.TextWrapWord
	return []fyne.CanvasObject{
		headLabel,
		newWrapLabel(e.Note),
		sourceLinks(e.Sources, label),
	}
}

// SourceLabel names a source URL for a reader: its publisher and the
// class the source policy gives it, e.g. "NATO (official)".
type SourceLabel func(url string) string

// hostLabel is the SourceLabel used without a source policy: the host.
func hostLabel(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return s
	}
	return strings.TrimPrefix(u.Host, "www.")
}

// sourceLinks lists source URLs as links named by label (the host when
// label is nil), one a line, opened in the browser when clicked.
func sourceLinks(sources []string, label SourceLabel) fyne.CanvasObject {
	if label == nil {
		label = hostLabel
	}
	names := make([]string, len(sources))
	count := map[string]int{}
	for i, s := range sources {
		names[i] = label(s)
		count[names[i]]++
	}
	// Two links with the same name are told apart by number, so a reader
	// sees that they are two sources.
	nth := map[string]int{}
	box := container.NewVBox()
	for i, s := range sources {
		u, err := url.Parse(s)
		if err != nil {
			continue
		}
		name := names[i]
		if count[name] > 1 {
			nth[name]++
			name = fmt.Sprintf("%s, %d of %d", name, nth[name], count[name])
		}
		link := widget.NewHyperlink(name, u)
		link.Truncation = fyne.TextTruncateEllipsis // a long publisher name must not widen the panel
		box.Add(link)
	}
	return box
}

func heading(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = "subHeadingText"
	l.Wrapping = fyne.TextWrapWord
	return l
}

func newWrapLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.Selectable = true
	return l
}
