package passages

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Match is one passage that mentions a country or a search word.
type Match struct {
	// Article is the passage's article (title, publisher and the rest of
	// its metadata). It is the pointer given to [Index.Add].
	Article *Article
	// Passage is the passage itself; Passage.Index is its position in the
	// article (see [Passage]).
	Passage Passage
	// Words are the matched texts as written in the passage, one per span,
	// in text order: Words[i] == Passage.Text[Spans[i][0]:Spans[i][1]].
	Words []string
	// Spans are byte offsets into Passage.Text, half-open, sorted and not
	// overlapping.
	Spans [][2]int
	// Region is true when the passage names the country only through a
	// region term ("Central Asia"); Words then holds the region terms.
	Region bool
}

// Index links passages to countries. Every alias in every passage is found
// once, when the article is added, so [Index.For] only gathers stored
// matches. An Index is safe for concurrent use. Articles given to it must
// not be modified afterwards, and the Words and Spans of returned matches
// are shared with the index and must not be modified either.
type Index struct {
	al *Aliases

	mu       sync.RWMutex
	articles []*indexed
	byID     map[string]*indexed
}

// indexed is an article with its matches by ISO code, in passage order.
type indexed struct {
	a      *Article
	direct map[string][]Match
	region map[string][]Match
}

// NewIndex returns an empty index that links with al. A nil al links
// nothing; [Index.Search] still works.
func NewIndex(al *Aliases) *Index {
	return &Index{al: al, byID: map[string]*indexed{}}
}

// Add adds an article. It returns an error if a is nil, has no ID, or has
// the ID of an article already in the index.
func (ix *Index) Add(a *Article) error {
	if a == nil {
		return errors.New("passages: add: nil article")
	}
	if a.ID == "" {
		return fmt.Errorf("passages: add %q: article has no ID", a.Title)
	}
	e := ix.link(a)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if _, ok := ix.byID[a.ID]; ok {
		return fmt.Errorf("passages: add: an article with ID %q is already in the index", a.ID)
	}
	ix.articles = append(ix.articles, e)
	ix.byID[a.ID] = e
	return nil
}

// link finds the countries of every passage of a.
func (ix *Index) link(a *Article) *indexed {
	e := &indexed{a: a, direct: map[string][]Match{}, region: map[string][]Match{}}
	if ix.al == nil {
		return e
	}
	var hits []hit
	type found struct {
		iso   string
		words []string
		spans [][2]int
	}
	var direct, region []found
	add := func(fs []found, iso string, text string, h hit) []found {
		for i := range fs {
			if fs[i].iso == iso {
				fs[i].words = append(fs[i].words, text[h.start:h.end])
				fs[i].spans = append(fs[i].spans, [2]int{h.start, h.end})
				return fs
			}
		}
		return append(fs, found{iso: iso, words: []string{text[h.start:h.end]}, spans: [][2]int{{h.start, h.end}}})
	}
	for _, p := range a.Passages {
		hits = ix.al.m.find(p.Text, hits[:0])
		direct, region = direct[:0], region[:0]
		for _, h := range hits {
			if h.pat.kind == patCountry {
				direct = add(direct, ix.al.isos[h.pat.id], p.Text, h)
			}
		}
		for _, h := range hits {
			if h.pat.kind != patRegion {
				continue
			}
			for _, iso := range ix.al.regions[h.pat.id].ISOs {
				if !slices.ContainsFunc(direct, func(f found) bool { return f.iso == iso }) {
					region = add(region, iso, p.Text, h)
				}
			}
		}
		for _, f := range direct {
			e.direct[f.iso] = append(e.direct[f.iso], Match{Article: a, Passage: p, Words: f.words, Spans: f.spans})
		}
		for _, f := range region {
			e.region[f.iso] = append(e.region[f.iso], Match{Article: a, Passage: p, Words: f.words, Spans: f.spans, Region: true})
		}
	}
	return e
}

// Remove removes the article with the given ID and reports whether it was
// in the index.
func (ix *Index) Remove(id string) bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	e, ok := ix.byID[id]
	if !ok {
		return false
	}
	delete(ix.byID, id)
	ix.articles = slices.DeleteFunc(ix.articles, func(x *indexed) bool { return x == e })
	return true
}

// Articles returns the indexed articles in the order they were added. The
// slice is new.
func (ix *Index) Articles() []*Article {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := make([]*Article, len(ix.articles))
	for i, e := range ix.articles {
		out[i] = e.a
	}
	return out
}

// For returns the passages that mention the country with ISO code iso:
// first every direct mention (name, demonym, place or leader), in article
// order (the order of Add) and passage order, then every regional one (a
// region term that includes the country) in the same order. A passage that
// mentions the country directly is not listed again as regional. It
// returns nil for a code with no mentions.
func (ix *Index) For(iso string) []Match {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	n := 0
	for _, e := range ix.articles {
		n += len(e.direct[iso]) + len(e.region[iso])
	}
	if n == 0 {
		return nil
	}
	out := make([]Match, 0, n)
	for _, e := range ix.articles {
		out = append(out, e.direct[iso]...)
	}
	for _, e := range ix.articles {
		out = append(out, e.region[iso]...)
	}
	return out
}

// Search returns the passages, across all articles in article and passage
// order, that contain query as a whole word or phrase, ignoring case
// (Unicode simple folding). Surrounding space in query is ignored and a
// run of spaces in it matches any run of white space; apostrophes ' and ’
// match each other. "Whole word" is checked only at an end of query that
// is a letter or digit, so "Russia" finds "Russia's" but not "Russian",
// while "(CSTO)" finds the bracketed word. An empty query returns nil.
func (ix *Index) Search(query string) []Match {
	q := strings.Join(strings.Fields(query), " ")
	if q == "" {
		return nil
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var out []Match
	for _, e := range ix.articles {
		for _, p := range e.a.Passages {
			spans := findFold(p.Text, q, nil)
			if len(spans) == 0 {
				continue
			}
			words := make([]string, len(spans))
			for i, s := range spans {
				words[i] = p.Text[s[0]:s[1]]
			}
			out = append(out, Match{Article: e.a, Passage: p, Words: words, Spans: spans})
		}
	}
	return out
}
