package passages

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"
)

// patKind says what a pattern links to.
type patKind uint8

const (
	patCountry patKind = iota // id indexes Aliases.isos
	patRegion                 // id indexes Aliases.regions
	patIgnore                 // links to nothing
)

type pattern struct {
	text string
	kind patKind
	id   int
	// rule, if not nil, says when the alias counts (patCountry only).
	rule *rule
	// full is true for an alias whose mention lets a shorter one with
	// rule full_mention count later in the article ("Ilham Aliyev").
	full bool
}

// matcher finds aliases in text. Every pattern starts with a word, so the
// matcher looks at word starts only and keys its candidates by the whole
// first word: one map lookup per word of text, and a comparison only for
// patterns whose first word is that word. Candidates are tried longest
// first, which gives leftmost-longest, non-overlapping matches.
type matcher struct {
	pats  []pattern
	first map[string][]int32
	// lens[b] has bit n set if some first word starts with byte b and is n
	// bytes long (n capped at 63): a cheap test before the map lookup.
	lens [256]uint64
}

// asciiWord[c] reports whether ASCII byte c is a word rune.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

func lenBit(n int) uint64 { return 1 << min(n, 63) }

func newMatcher(a *Aliases) matcher {
	var pats []pattern
	for _, e := range a.entries {
		pats = append(pats, pattern{text: e.Alias, kind: patCountry, id: a.isoID[e.ISO]})
	}
	// Entries are the first patterns, in the same order, so an entry's
	// index is its pattern's index.
	for i, e := range a.entries {
		r := e.Rule
		if r == nil {
			continue
		}
		c := &rule{notBefore: r.NotBefore, notAfter: r.NotAfter, onlyAfter: r.OnlyAfter,
			except: r.NameExcept, firstName: r.FirstName, surname: r.Surname}
		if r.FullMention {
			for _, f := range fullForms(a.entries, e) {
				c.full = append(c.full, int32(f))
				pats[f].full = true
			}
		}
		pats[i].rule = c
	}
	for i, r := range a.regions {
		for _, v := range firstLetterVariants(r.Term) {
			pats = append(pats, pattern{text: v, kind: patRegion, id: i})
		}
	}
	for _, p := range a.ignore {
		pats = append(pats, pattern{text: p, kind: patIgnore})
	}
	m := matcher{pats: pats, first: make(map[string][]int32)}
	for i, p := range pats {
		w := p.text[:wordEnd(p.text, 0)]
		m.first[w] = append(m.first[w], int32(i))
		m.lens[w[0]] |= lenBit(len(w))
	}
	for _, c := range m.first {
		slices.SortFunc(c, func(x, y int32) int {
			return cmp.Or(cmp.Compare(len(pats[y].text), len(pats[x].text)), cmp.Compare(pats[x].text, pats[y].text))
		})
	}
	return m
}

// hit is one match of a pattern: text[start:end].
type hit struct {
	start, end int
	pat        *pattern
}

// find appends the matches in text to hits, in text order. A pattern
// whose rule says it does not count there is skipped, and a shorter
// candidate may match instead. seen holds the indexes of the full-form
// patterns (pattern.full) found so far in the article; find appends those
// it finds, so pass the same seen for each passage of one article in
// order.
func (m *matcher) find(text string, hits []hit, seen *[]int32) []hit {
	prevWord := false
	for i := 0; i < len(text); {
		var w bool
		size := 1
		if c := text[i]; c < utf8.RuneSelf {
			w = asciiWord[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			w = isWordRune(r)
		}
		if !w || prevWord {
			prevWord = w
			i += size
			continue
		}
		j := wordEnd(text, i)
		matched := false
		if m.lens[text[i]]&lenBit(j-i) != 0 {
			for _, pi := range m.first[text[i:j]] {
				p := &m.pats[pi]
				if end := matchAt(text, i, p.text, false); end >= 0 && endsWord(text, end, p.text) {
					if p.rule != nil && !p.rule.counts(text, i, end, *seen) {
						continue
					}
					if p.full && !slices.Contains(*seen, pi) {
						*seen = append(*seen, pi)
					}
					hits = append(hits, hit{start: i, end: end, pat: p})
					last, _ := utf8.DecodeLastRuneInString(text[:end])
					i, prevWord, matched = end, isWordRune(last), true
					break
				}
			}
		}
		if !matched {
			i, prevWord = j, true
		}
	}
	return hits
}

// decodeRune is utf8.DecodeRuneInString with an ASCII fast path.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// wordEnd returns the end of the run of word runes starting at i.
func wordEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			break
		}
		i += size
	}
	return i
}

// endsWord reports whether a match of pat ending at end is not followed by
// more of the same word: true if pat ends with a non-word rune (as "U.S."
// does) or the text's next rune is not a word rune.
func endsWord(text string, end int, pat string) bool {
	if end >= len(text) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(pat)
	if !isWordRune(last) {
		return true
	}
	r, _ := decodeRune(text, end)
	return !isWordRune(r)
}

// matchAt returns the end of pat matched at text[i:], or -1. A space in pat
// matches one or more white space runes; apostrophes match apostrophes and
// hyphens hyphens; fold makes the comparison case-insensitive.
func matchAt(text string, i int, pat string, fold bool) int {
	j := i
	for k := 0; k < len(pat); {
		pr, ps := decodeRune(pat, k)
		k += ps
		if pr == ' ' {
			n := j
			for j < len(text) {
				tr, ts := decodeRune(text, j)
				if !unicode.IsSpace(tr) {
					break
				}
				j += ts
			}
			if j == n {
				return -1
			}
			continue
		}
		if j >= len(text) {
			return -1
		}
		tr, ts := decodeRune(text, j)
		if !runesMatch(pr, tr, fold) {
			return -1
		}
		j += ts
	}
	return j
}

func runesMatch(p, t rune, fold bool) bool {
	switch {
	case p == t:
		return true
	case isApostrophe(p):
		return isApostrophe(t)
	case isHyphen(p):
		return isHyphen(t)
	case fold:
		return equalFoldRune(p, t)
	}
	return false
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ'
}

func isHyphen(r rune) bool {
	return r == '-' || r == '‐' || r == '‑'
}

// equalFoldRune reports whether p and t are equal under simple Unicode case
// folding, as strings.EqualFold compares runes.
func equalFoldRune(p, t rune) bool {
	if p < utf8.RuneSelf && t < utf8.RuneSelf {
		return lowerASCII(p) == lowerASCII(t)
	}
	for f := unicode.SimpleFold(p); f != p; f = unicode.SimpleFold(f) {
		if f == t {
			return true
		}
	}
	return false
}

func lowerASCII(r rune) rune {
	if 'A' <= r && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}

// findFold returns the spans of whole-word, case-insensitive matches of q
// in text (q has single spaces and no surrounding space). The whole-word
// check applies at an end of q only where q has a word rune.
func findFold(text, q string, spans [][2]int) [][2]int {
	first, _ := utf8.DecodeRuneInString(q)
	last, _ := utf8.DecodeLastRuneInString(q)
	checkStart, checkEnd := isWordRune(first), isWordRune(last)
	prevWord := false
	for i := 0; i < len(text); {
		r, size := decodeRune(text, i)
		if (!checkStart || !prevWord) && runesMatch(first, r, true) {
			if end := matchAt(text, i, q, true); end >= 0 && (!checkEnd || endsWord(text, end, q)) {
				spans = append(spans, [2]int{i, end})
				lr, _ := utf8.DecodeLastRuneInString(text[:end])
				i, prevWord = end, isWordRune(lr)
				continue
			}
		}
		prevWord = isWordRune(r)
		i += size
	}
	return spans
}
