package ui

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/lithammer/fuzzysearch/fuzzy"

	"cstomap/passages"
)

// maxSuggestions is how many completions the search shows.
const maxSuggestions = 8

// SearchName is one name a country can be found by: its own names and the
// aliases of the articles (demonyms, capitals, leaders).
type SearchName struct {
	Text, ISO, Kind string
}

// Search is the find-a-country field (Ctrl+F) with completion on every name
// and alias. The completions are listed under the field, in the layout (a
// pop-up overlay would take the keyboard away from the field).
type Search struct {
	*widget.Entry
	// List holds the completions; place it under the field.
	List     *fyne.Container
	names    []SearchName
	texts    []string
	load     func() []SearchName // nil once the names are made
	onChoose func(iso string)
	current  []SearchName
}

// NewSearch returns a search field over names that calls onChoose with the
// ISO code of the chosen country.
func NewSearch(names []SearchName, onChoose func(iso string)) *Search {
	s := NewSearchFunc(nil, onChoose)
	s.SetNames(names)
	return s
}

// NewSearchFunc is NewSearch with the names made by load on the first
// search, not at start-up: the thousands of aliases are not needed until
// someone types.
func NewSearchFunc(load func() []SearchName, onChoose func(iso string)) *Search {
	s := &Search{Entry: widget.NewEntry(), List: container.NewVBox(), onChoose: onChoose, load: load}
	// Short enough for the side panel at its narrowest (the 800×600 window).
	s.PlaceHolder = "Find a country, capital or leader…"
	s.OnChanged = s.changed
	s.OnSubmitted = func(string) {
		if len(s.current) > 0 {
			s.choose(s.current[0])
		}
	}
	return s
}

// SetNames replaces the names searched.
func (s *Search) SetNames(names []SearchName) {
	s.load = nil
	s.names = names
	s.texts = make([]string, len(names))
	for i, n := range names {
		s.texts[i] = n.Text
	}
}

// Suggest returns the best completions of q: names that start with it
// first, then fuzzy matches by edit distance, one entry per name.
func (s *Search) Suggest(q string) []SearchName {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil
	}
	if s.load != nil {
		s.SetNames(s.load())
	}
	ranks := fuzzy.RankFindNormalizedFold(q, s.texts)
	lq := strings.ToLower(q)
	sort.SliceStable(ranks, func(i, j int) bool {
		pi := strings.HasPrefix(strings.ToLower(ranks[i].Target), lq)
		pj := strings.HasPrefix(strings.ToLower(ranks[j].Target), lq)
		if pi != pj {
			return pi
		}
		if ranks[i].Distance != ranks[j].Distance {
			return ranks[i].Distance < ranks[j].Distance
		}
		return ranks[i].Target < ranks[j].Target
	})
	var out []SearchName
	seen := map[string]bool{}
	for _, r := range ranks {
		n := s.names[r.OriginalIndex]
		key := n.Text + "|" + n.ISO
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, n)
		if len(out) == maxSuggestions {
			break
		}
	}
	return out
}

// Suggestions returns the completions shown now, as "text — ISO".
func (s *Search) Suggestions() []string {
	var out []string
	for _, n := range s.current {
		out = append(out, n.Text+" — "+n.ISO)
	}
	return out
}

// Choose picks the i-th completion shown.
func (s *Search) Choose(i int) {
	if i >= 0 && i < len(s.current) {
		s.choose(s.current[i])
	}
}

func (s *Search) changed(q string) {
	s.current = s.Suggest(q)
	var items []fyne.CanvasObject
	for _, n := range s.current {
		n := n
		label := n.Text
		if n.Kind != "" && n.Kind != "name" {
			label += " (" + n.Kind + ")"
		}
		b := widget.NewButton(label+" — "+n.ISO, func() { s.choose(n) })
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		items = append(items, b)
	}
	s.List.Objects = items
	s.List.Refresh()
}

func (s *Search) choose(n SearchName) {
	s.SetText("") // clears the list through OnChanged
	s.onChoose(n.ISO)
}

// AliasNames turns the articles' aliases into search names.
func AliasNames(al *passages.Aliases) []SearchName {
	if al == nil {
		return nil
	}
	var out []SearchName
	for _, e := range al.Names() {
		out = append(out, SearchName{Text: e.Alias, ISO: e.ISO, Kind: string(e.Kind)})
	}
	return out
}
