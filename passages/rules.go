package passages

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// AliasRule says when an ambiguous alias counts as a mention of its
// country: a place that is also a US state ("Georgia"), a name that is
// also a person's ("Jordan", "Chad", "Finn"), an animal or a dish
// ("Turkey", "Guinea pig"), a surname shared across countries ("Aliyev"),
// a city that is also a surname ("Hague"). The rule lives in the alias
// data next to the alias; the matcher implements its kinds.
//
// The context words of a rule are phrases: one or more words separated by
// single spaces, compared ignoring case, where a space matches any run of
// white space and apostrophes match each other. A phrase must be a whole
// word or words of the text.
//
// The conditions are checked in this order; the first that decides wins:
//
//  1. NotAfter: the alias does not count right after one of these phrases.
//     White space, or a comma and white space, may separate them
//     ("Atlanta, Georgia").
//  2. NotBefore: the alias does not count right before one of these
//     phrases. A phrase that starts with a letter or digit must be
//     separated from the alias by white space ("Turkey dinners"); one that
//     starts with punctuation follows the alias directly ("Georgia's
//     governor" is matched by "'s governor").
//  3. FirstName: the alias does not count before a capitalised word on the
//     same line, separated by white space only ("Chad Smith", "Jordan
//     Peterson"). Surname: the alias does not count after such a word
//     ("Kevin Jordan", "Air Jordan"). A capitalised word listed in
//     NameExcept does not count as a name ("Jordan River", "King", and
//     sentence-initial words such as "In Jordan").
//  4. OnlyAfter and FullMention: if either is set, the alias counts only
//     right after one of the OnlyAfter phrases, separated by white space
//     ("President Aliyev", "the Hague", "a Finn"), or, with FullMention,
//     once the same article has already mentioned a longer alias of the
//     same country that ends with this one ("Ilham Aliyev" before
//     "Aliyev").
//
// An alias that passes every condition counts.
type AliasRule struct {
	// Why says in a few words what else the alias means ("a US state",
	// "a first name"). It is required.
	Why string `json:"why"`
	// NotBefore lists phrases after the alias that cancel it (rule 2).
	NotBefore []string `json:"not_before,omitempty"`
	// NotAfter lists phrases before the alias that cancel it (rule 1).
	NotAfter []string `json:"not_after,omitempty"`
	// FirstName marks an alias that is also a first name (rule 3).
	FirstName bool `json:"first_name,omitempty"`
	// Surname marks an alias that is also a surname (rule 3).
	Surname bool `json:"surname,omitempty"`
	// NameExcept lists the capitalised words that may stand next to a
	// FirstName or Surname alias without making it part of a name. Each
	// is one word; it needs FirstName or Surname.
	NameExcept []string `json:"name_except,omitempty"`
	// OnlyAfter lists the phrases, such as titles or determiners, one of
	// which must come right before the alias (rule 4).
	OnlyAfter []string `json:"only_after,omitempty"`
	// FullMention lets the alias also count after an earlier mention, in
	// the same article, of a longer alias of the same country that ends
	// with it (rule 4). Some such alias must exist.
	FullMention bool `json:"full_mention,omitempty"`
}

// clone returns a deep copy of r.
func (r *AliasRule) clone() *AliasRule {
	if r == nil {
		return nil
	}
	c := *r
	c.NotBefore = slices.Clone(r.NotBefore)
	c.NotAfter = slices.Clone(r.NotAfter)
	c.NameExcept = slices.Clone(r.NameExcept)
	c.OnlyAfter = slices.Clone(r.OnlyAfter)
	return &c
}

// check reports the first way in which r is malformed.
func (r *AliasRule) check() error {
	if strings.TrimSpace(r.Why) == "" {
		return fmt.Errorf("rule has no \"why\"")
	}
	lists := []struct {
		name  string
		words []string
	}{
		{"not_before", r.NotBefore}, {"not_after", r.NotAfter},
		{"name_except", r.NameExcept}, {"only_after", r.OnlyAfter},
	}
	for _, l := range lists {
		seen := map[string]bool{}
		for _, w := range l.words {
			if err := checkContextPhrase(w); err != nil {
				return fmt.Errorf("rule %s: %w", l.name, err)
			}
			k := strings.ToLower(w)
			if seen[k] {
				return fmt.Errorf("rule %s lists %q twice", l.name, w)
			}
			seen[k] = true
		}
	}
	for _, w := range r.NameExcept {
		if wordEnd(w, 0) != len(w) {
			return fmt.Errorf("rule name_except: %q is not one word", w)
		}
	}
	if len(r.NameExcept) > 0 && !r.FirstName && !r.Surname {
		return fmt.Errorf("rule has name_except without first_name or surname")
	}
	if len(r.NotBefore) == 0 && len(r.NotAfter) == 0 && !r.FirstName && !r.Surname && len(r.OnlyAfter) == 0 && !r.FullMention {
		return fmt.Errorf("rule sets no condition")
	}
	return nil
}

// checkContextPhrase checks one phrase of a rule: not empty, single
// spaces, no surrounding or control white space, and at least one letter
// or digit. Unlike an alias, it may start with punctuation ("'s governor").
func checkContextPhrase(s string) error {
	if !strings.ContainsFunc(s, isWordRune) {
		return fmt.Errorf("phrase %q has no letter or digit", s)
	}
	if strings.Join(strings.Fields(s), " ") != s || strings.ContainsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) && r != ' ' || unicode.IsControl(r)
	}) {
		return fmt.Errorf("phrase %q has extra, trailing or non-space white space", s)
	}
	return nil
}

// rule is an AliasRule ready for matching.
type rule struct {
	notBefore, notAfter, onlyAfter, except []string
	firstName, surname                     bool
	// full holds the pattern indexes of the longer aliases whose earlier
	// mention lets this one count (FullMention); nil without FullMention.
	full []int32
}

// counts reports whether the alias matched at text[start:end] counts as a
// mention, given the full-form patterns seen so far in the article.
func (r *rule) counts(text string, start, end int, seen []int32) bool {
	for _, p := range r.notAfter {
		if phraseBefore(text, start, p, true) {
			return false
		}
	}
	for _, p := range r.notBefore {
		if phraseAfter(text, end, p) {
			return false
		}
	}
	if r.firstName && beforeName(text, end, r.except) {
		return false
	}
	if r.surname && afterName(text, start, r.except) {
		return false
	}
	if len(r.onlyAfter) == 0 && r.full == nil {
		return true
	}
	for _, p := range r.onlyAfter {
		if phraseBefore(text, start, p, false) {
			return true
		}
	}
	for _, f := range r.full {
		if slices.Contains(seen, f) {
			return true
		}
	}
	return false
}

// isBlank reports whether r is white space other than a line break.
func isBlank(r rune) bool {
	return unicode.IsSpace(r) && r != '\n' && r != '\r' && r != '\u2028' && r != '\u2029'
}

// phraseAfter reports whether phrase p follows text[:end] as whole words:
// after white space if p starts with a word rune, directly otherwise.
func phraseAfter(text string, end int, p string) bool {
	j := end
	first, _ := utf8.DecodeRuneInString(p)
	if isWordRune(first) {
		for j < len(text) {
			r, size := decodeRune(text, j)
			if !unicode.IsSpace(r) {
				break
			}
			j += size
		}
		if j == end {
			return false
		}
	}
	m := matchAt(text, j, p, true)
	return m >= 0 && endsWord(text, m, p)
}

// phraseBefore reports whether phrase p, as whole words, precedes
// text[start:] with white space between them, or with comma also a comma
// and white space.
func phraseBefore(text string, start int, p string, comma bool) bool {
	i := skipSpaceBack(text, start)
	if comma && i > 0 && text[i-1] == ',' {
		i--
	}
	if i == start {
		return false
	}
	s := matchBefore(text, i, p, true)
	if s < 0 {
		return false
	}
	if first, _ := utf8.DecodeRuneInString(p); isWordRune(first) && s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		return !isWordRune(r)
	}
	return true
}

// skipSpaceBack returns the start of the run of white space that ends at i.
func skipSpaceBack(text string, i int) int {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= size
	}
	return i
}

// matchBefore is matchAt backwards: it returns the start of pat matched so
// that it ends at text[:i], or -1.
func matchBefore(text string, i int, pat string, fold bool) int {
	j := i
	for k := len(pat); k > 0; {
		pr, ps := utf8.DecodeLastRuneInString(pat[:k])
		k -= ps
		if pr == ' ' {
			n := skipSpaceBack(text, j)
			if n == j {
				return -1
			}
			j = n
			continue
		}
		if j == 0 {
			return -1
		}
		tr, ts := utf8.DecodeLastRuneInString(text[:j])
		if !runesMatch(pr, tr, fold) {
			return -1
		}
		j -= ts
	}
	return j
}

// beforeName reports whether text[end:] is blank space followed by a
// capitalised word that is not in except (compared ignoring case).
func beforeName(text string, end int, except []string) bool {
	j := end
	for j < len(text) {
		r, size := decodeRune(text, j)
		if !isBlank(r) {
			break
		}
		j += size
	}
	if j == end || j >= len(text) {
		return false
	}
	if r, _ := decodeRune(text, j); !unicode.IsUpper(r) {
		return false
	}
	return isName(text[j:wordEnd(text, j)], except)
}

// afterName reports whether text[:start] ends with a capitalised word that
// is not in except, separated from start by blank space only.
func afterName(text string, start int, except []string) bool {
	i := start
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if !isBlank(r) {
			break
		}
		i -= size
	}
	if i == start || i == 0 {
		return false
	}
	w := i
	for w > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:w])
		if !isWordRune(r) {
			break
		}
		w -= size
	}
	if w == i {
		return false
	}
	if r, _ := decodeRune(text, w); !unicode.IsUpper(r) {
		return false
	}
	return isName(text[w:i], except)
}

// isName reports whether the capitalised word w is not in except
// (compared ignoring case).
func isName(w string, except []string) bool {
	return !slices.ContainsFunc(except, func(e string) bool { return strings.EqualFold(e, w) })
}
