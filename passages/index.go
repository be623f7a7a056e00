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

// indexed is an article with its matches, in passage order. The direct
// matches of country i (an Aliases.isos index) are ms[k] for k in
// direct[dOff[i]:dOff[i+1]], in passage order; region and rOff are the same
// for regional matches. Keeping the grouping in pointer-free int32 slices
// keeps the garbage collector's work small.
type indexed struct {
	a              *Article
	ms             []Match
	direct, region []int32
	dOff, rOff     []int32
}

// matches appends the direct or regional matches of country id to out.
func (e *indexed) matches(out []Match, id int, regional bool) []Match {
	ks := e.direct[e.dOff[id]:e.dOff[id+1]]
	if regional {
		ks = e.region[e.rOff[id]:e.rOff[id+1]]
	}
	for _, k := range ks {
		out = append(out, e.ms[k])
	}
	return out
}

// count returns how many matches country id has.
func (e *indexed) count(id int) int {
	return int(e.dOff[id+1] - e.dOff[id] + e.rOff[id+1] - e.rOff[id])
}

// NewIndex returns an empty index that links with al. A nil al links
// nothing; [Index.Search] still works.
func NewIndex(al *Aliases) *Index {
	if al == nil {
		al = &Aliases{}
	}
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

// link finds the countries of every passage of a. Words and spans of all
// matches share two backing arrays per article, and the matches are
// grouped by country with a counting sort, to keep allocations few.
func (ix *Index) link(a *Article) *indexed {
	al := ix.al
	var (
		hits        []hit
		words       []string
		spans       [][2]int
		ms          = make([]Match, 0, len(a.Passages))
		dIDs, rIDs  []int32  // country of each direct or regional match
		dKs, rKs    []int32  // its position in ms
		ids, regIDs []int    // a passage's countries, in order of first mention
		regPairs    [][2]int // (country, hit) for each country of each region hit
		seen        []int32  // full-form patterns mentioned so far (AliasRule.FullMention)
	)
	// take returns the words and spans appended since from, capped so
	// that later appends cannot reach them.
	take := func(from int) ([]string, [][2]int) {
		n := len(words)
		return words[from:n:n], spans[from:n:n]
	}
	for _, p := range a.Passages {
		hits = al.m.find(p.Text, hits[:0], &seen)
		if len(hits) == 0 {
			continue
		}
		ids, regIDs, regPairs = ids[:0], regIDs[:0], regPairs[:0]
		for _, h := range hits {
			if h.pat.kind == patCountry && !slices.Contains(ids, h.pat.id) {
				ids = append(ids, h.pat.id)
			}
		}
		for _, id := range ids {
			from := len(words)
			for _, h := range hits {
				if h.pat.kind == patCountry && h.pat.id == id {
					words = append(words, p.Text[h.start:h.end])
					spans = append(spans, [2]int{h.start, h.end})
				}
			}
			ws, ss := take(from)
			dIDs, dKs = append(dIDs, int32(id)), append(dKs, int32(len(ms)))
			ms = append(ms, Match{Article: a, Passage: p, Words: ws, Spans: ss})
		}
		for hi, h := range hits {
			if h.pat.kind != patRegion {
				continue
			}
			for _, id := range al.members[h.pat.id] {
				if slices.Contains(ids, id) {
					continue
				}
				if !slices.Contains(regIDs, id) {
					regIDs = append(regIDs, id)
				}
				regPairs = append(regPairs, [2]int{id, hi})
			}
		}
		for _, id := range regIDs {
			from := len(words)
			for _, rp := range regPairs {
				if rp[0] == id {
					h := hits[rp[1]]
					words = append(words, p.Text[h.start:h.end])
					spans = append(spans, [2]int{h.start, h.end})
				}
			}
			ws, ss := take(from)
			rIDs, rKs = append(rIDs, int32(id)), append(rKs, int32(len(ms)))
			ms = append(ms, Match{Article: a, Passage: p, Words: ws, Spans: ss, Region: true})
		}
	}
	e := &indexed{a: a, ms: ms}
	e.direct, e.dOff = groupByCountry(dKs, dIDs, len(al.isos))
	e.region, e.rOff = groupByCountry(rKs, rIDs, len(al.isos))
	return e
}

// groupByCountry sorts ks by ids[i] (a stable counting sort, so passage
// order stays) and returns the offsets of each country's group.
func groupByCountry(ks, ids []int32, n int) ([]int32, []int32) {
	off := make([]int32, n+1)
	for _, id := range ids {
		off[id+1]++
	}
	for i := 1; i <= n; i++ {
		off[i] += off[i-1]
	}
	out := make([]int32, len(ks))
	next := slices.Clone(off[:n])
	for i, k := range ks {
		out[next[ids[i]]] = k
		next[ids[i]]++
	}
	return out, off
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
	id, ok := ix.al.isoID[iso]
	if !ok {
		return nil
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	n := 0
	for _, e := range ix.articles {
		n += e.count(id)
	}
	if n == 0 {
		return nil
	}
	out := make([]Match, 0, n)
	for _, regional := range []bool{false, true} {
		for _, e := range ix.articles {
			out = e.matches(out, id, regional)
		}
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
