package passages

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// AliasKind says what an alias names.
type AliasKind string

// The alias kinds.
const (
	// AliasName is a country's name or short form ("Kyrgyzstan", "US").
	AliasName AliasKind = "name"
	// AliasDemonym is an adjective or people ("Kyrgyz", "Belarussian").
	AliasDemonym AliasKind = "demonym"
	// AliasPlace is a capital, city, region or institution ("Yerevan",
	// "Kremlin", "Kharkiv").
	AliasPlace AliasKind = "place"
	// AliasLeader is a person who leads or led the country ("Putin").
	AliasLeader AliasKind = "leader"
)

// AliasEntry is one alias of one country.
type AliasEntry struct {
	// Alias is the text as matched (case-sensitive, single spaces).
	Alias string `json:"alias"`
	// ISO is the country's ISO 3166-1 alpha-3 code as used by Natural
	// Earth's ISO_A3_EH (or ADM0_A3 where that is "-99", e.g. KOS).
	ISO string `json:"iso"`
	// Kind says what the alias names.
	Kind AliasKind `json:"kind"`
	// Rule, if not nil, says when an ambiguous alias counts (see
	// [AliasRule]); an alias without one always counts.
	Rule *AliasRule `json:"rule,omitempty"`
}

// RegionEntry is a term that stands for several countries.
type RegionEntry struct {
	// Term is the text as matched; its first letter matches in either
	// case ("Central Asia" also matches "central Asia").
	Term string `json:"term"`
	// ISOs are the countries the term stands for.
	ISOs []string `json:"iso"`
}

// Aliases is parsed alias data, ready for matching. It is immutable and
// safe for concurrent use.
type Aliases struct {
	entries []AliasEntry
	regions []RegionEntry
	ignore  []string
	isos    []string       // every ISO code in entries and regions, sorted
	isoID   map[string]int // index into isos
	members [][]int        // per region, its countries as isos indexes
	m       matcher
}

// aliasFile is the JSON layout of seeds/aliases.json.
type aliasFile struct {
	About   string        `json:"about"`
	Aliases []AliasEntry  `json:"aliases"`
	Regions []RegionEntry `json:"regions"`
	Ignore  []string      `json:"ignore"`
}

// ParseAliases reads alias data:
//
//	{
//	  "about": "free text",
//	  "aliases": [{"alias": "Kyrgyz", "iso": "KGZ", "kind": "demonym"},
//	              {"alias": "Chad", "iso": "TCD", "kind": "name",
//	               "rule": {"why": "a first name", "first_name": true}}, ...],
//	  "regions": [{"term": "Central Asia", "iso": ["KAZ", "KGZ", ...]}, ...],
//	  "ignore": ["Indian Ocean", ...]
//	}
//
// known reports whether an ISO code exists (for example, is a code of the
// map's features); nil accepts any three upper-case letters. It returns an
// error naming the offender for: an unknown field, an ISO code that is not
// three upper-case letters or that known rejects, a kind other than name,
// demonym, place or leader, an alias, term or ignore phrase that is empty,
// does not start with a letter or digit, or has leading, trailing or double
// spaces, any text listed twice (aliases, region terms in either case
// of their first letter, and ignore phrases must all differ), and a
// malformed rule: no "why", no condition, an empty or badly spaced phrase,
// a phrase listed twice in one list, name_except without first_name or
// surname or with more than one word, or full_mention on an alias that no longer
// alias of its country ends with.
func ParseAliases(data []byte, known func(iso string) bool) (*Aliases, error) {
	var f aliasFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("passages: aliases: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("passages: aliases: data after the JSON object")
	}
	checkISO := func(iso, owner string) error {
		if !isISOShape(iso) {
			return fmt.Errorf("passages: aliases: %s: ISO code %q is not three upper-case letters", owner, iso)
		}
		if known != nil && !known(iso) {
			return fmt.Errorf("passages: aliases: %s: unknown ISO code %q", owner, iso)
		}
		return nil
	}
	a := &Aliases{}
	seen := map[string]string{} // text -> who uses it
	claim := func(text, owner string) error {
		if err := checkAliasText(text); err != nil {
			return fmt.Errorf("passages: aliases: %s: %w", owner, err)
		}
		if prev, ok := seen[text]; ok {
			return fmt.Errorf("passages: aliases: %q is listed twice (%s and %s)", text, prev, owner)
		}
		seen[text] = owner
		return nil
	}
	isoSet := map[string]bool{}
	for _, e := range f.Aliases {
		owner := fmt.Sprintf("alias %q of %s", e.Alias, e.ISO)
		if err := checkISO(e.ISO, owner); err != nil {
			return nil, err
		}
		switch e.Kind {
		case AliasName, AliasDemonym, AliasPlace, AliasLeader:
		default:
			return nil, fmt.Errorf("passages: aliases: %s: unknown kind %q", owner, e.Kind)
		}
		if err := claim(e.Alias, owner); err != nil {
			return nil, err
		}
		if e.Rule != nil {
			if err := e.Rule.check(); err != nil {
				return nil, fmt.Errorf("passages: aliases: %s: %w", owner, err)
			}
			e.Rule = e.Rule.clone()
		}
		isoSet[e.ISO] = true
		a.entries = append(a.entries, e)
	}
	for _, r := range f.Regions {
		owner := fmt.Sprintf("region %q", r.Term)
		if len(r.ISOs) == 0 {
			return nil, fmt.Errorf("passages: aliases: %s lists no countries", owner)
		}
		inRegion := map[string]bool{}
		for _, iso := range r.ISOs {
			if err := checkISO(iso, owner); err != nil {
				return nil, err
			}
			if inRegion[iso] {
				return nil, fmt.Errorf("passages: aliases: %s lists %s twice", owner, iso)
			}
			inRegion[iso] = true
			isoSet[iso] = true
		}
		for _, v := range firstLetterVariants(r.Term) {
			if err := claim(v, owner); err != nil {
				return nil, err
			}
		}
		a.regions = append(a.regions, RegionEntry{Term: r.Term, ISOs: slices.Clone(r.ISOs)})
	}
	for _, p := range f.Ignore {
		if err := claim(p, fmt.Sprintf("ignore phrase %q", p)); err != nil {
			return nil, err
		}
		a.ignore = append(a.ignore, p)
	}
	for iso := range isoSet {
		a.isos = append(a.isos, iso)
	}
	slices.Sort(a.isos)
	a.isoID = make(map[string]int, len(a.isos))
	for i, iso := range a.isos {
		a.isoID[iso] = i
	}
	for _, r := range a.regions {
		ids := make([]int, len(r.ISOs))
		for i, iso := range r.ISOs {
			ids[i] = a.isoID[iso]
		}
		a.members = append(a.members, ids)
	}
	for _, e := range a.entries {
		if e.Rule != nil && e.Rule.FullMention && len(fullForms(a.entries, e)) == 0 {
			return nil, fmt.Errorf("passages: aliases: alias %q of %s: rule full_mention, but no longer alias of %s ends with it", e.Alias, e.ISO, e.ISO)
		}
	}
	a.m = newMatcher(a)
	return a, nil
}

func isISOShape(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// checkAliasText enforces the shape rules documented on ParseAliases.
func checkAliasText(s string) error {
	if s == "" {
		return fmt.Errorf("empty text")
	}
	if r, _ := utf8.DecodeRuneInString(s); !isWordRune(r) {
		return fmt.Errorf("%q does not start with a letter or digit", s)
	}
	if strings.Join(strings.Fields(s), " ") != s || strings.ContainsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) && r != ' ' || unicode.IsControl(r)
	}) {
		return fmt.Errorf("%q has extra, trailing or non-space white space", s)
	}
	return nil
}

// fullForms returns the indexes in entries of the longer aliases of e's
// country that end with e's alias after a non-word rune ("Ilham Aliyev"
// for "Aliyev").
func fullForms(entries []AliasEntry, e AliasEntry) []int {
	var out []int
	for i, f := range entries {
		if f.ISO != e.ISO || len(f.Alias) <= len(e.Alias) || !strings.HasSuffix(f.Alias, e.Alias) {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(f.Alias[:len(f.Alias)-len(e.Alias)]); !isWordRune(r) {
			out = append(out, i)
		}
	}
	return out
}

// firstLetterVariants returns s and, if different, s with the case of its
// first letter swapped.
func firstLetterVariants(s string) []string {
	r, size := utf8.DecodeRuneInString(s)
	var other rune
	if unicode.IsUpper(r) {
		other = unicode.ToLower(r)
	} else {
		other = unicode.ToUpper(r)
	}
	if other == r {
		return []string{s}
	}
	return []string{s, string(other) + s[size:]}
}

// Names returns every country alias with its ISO code and kind, for search
// completion, sorted case-insensitively by alias. Region terms and ignore
// phrases are not included (see [Aliases.Regions]). The slice and the
// rules in it are new.
func (a *Aliases) Names() []AliasEntry {
	out := slices.Clone(a.entries)
	for i := range out {
		out[i].Rule = out[i].Rule.clone()
	}
	slices.SortStableFunc(out, func(x, y AliasEntry) int {
		if c := strings.Compare(strings.ToLower(x.Alias), strings.ToLower(y.Alias)); c != 0 {
			return c
		}
		return strings.Compare(x.Alias, y.Alias)
	})
	return out
}

// Regions returns the region terms in file order. The slices are new.
func (a *Aliases) Regions() []RegionEntry {
	out := make([]RegionEntry, len(a.regions))
	for i, r := range a.regions {
		out[i] = RegionEntry{Term: r.Term, ISOs: slices.Clone(r.ISOs)}
	}
	return out
}

// Countries returns the sorted ISO codes that have at least one alias or
// belong to a region.
func (a *Aliases) Countries() []string {
	return slices.Clone(a.isos)
}
