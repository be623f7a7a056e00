package passages_test

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"cstomap/passages"
)

// Run each with: go test -run=^$ -fuzz=^FuzzXxx$ -fuzztime=60s ./passages/
// Inputs that found bugs are kept under testdata/fuzz/<FuzzXxx>/.

// seedExcerpt has one of each part of the seed: headline, bullet, body,
// heading, photo blocks with and without credit, boilerplate. Fuzzing
// starts from it rather than from the whole 13 KB seed, because every
// execution of a large input is slow and new inputs are minimized.
const seedExcerpt = "Russia NATO Equivalent Ineffective, Putin Looks Weak, Says Experts\n\n\n" +
	"  • Russia has its own defense alliance, the CSTO, intended to mimic NATO.\n\n" +
	"Putin wanted his own version of NATO\n\n" +
	"The alliance is currently made up of Russia, Armenia, Kazakhstan, Belarus, Kyrgyzstan, and Tajikistan.\n\n" +
	"Armenia's prime minister and Russia's president among other CSTO leaders in Yerevan, Armenia.\n\n" +
	"CSTO leaders in Yerevan, Armenia, on November 23, 2022.\n\n" +
	"KAREN MINASYAN / AFP via Getty Images; Insider\n\n" +
	"Russian President Vladimir Putin.\n\nRussian President Vladimir Putin.\n\n\n" +
	"He noted that “the US and other NATO countries openly use central Asian countries.”\n\n\n" +
	"Source link\n\nLeave a reply"

func FuzzParseUserArticle(f *testing.F) {
	f.Add([]byte(seedExcerpt), "seed.txt")
	f.Add([]byte(seedExcerpt), "seed.md")
	f.Add([]byte("---\ntitle: T\nexperts:\n  - A\n---\n# H\n\n- *a* [b](c) `d`\n\n![x](y)\n\nP \\* &amp;\n"), "notes.markdown")
	f.Add([]byte("Title: T\nSource: S\n\nBody.\r\n\r\nREUTERS\r\n"), `C:\dir\a.TXT`)
	f.Add([]byte("---\n"), "")
	f.Add([]byte("\uFEFF \n"), "x.md")
	f.Add([]byte("a\x00b"), "a.txt")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		a, err := passages.ParseUserArticle(name, data)
		if err != nil {
			require.True(t, errors.Is(err, passages.ErrEmpty) || errors.Is(err, passages.ErrNotText) || errors.Is(err, passages.ErrTooLarge), err.Error())
			require.Nil(t, a)
			return
		}
		require.True(t, utf8.Valid(data))
		require.NotContains(t, string(data), "\x00")
		checkArticle(t, a)
		if !isMarkdownName(name) {
			requireLinesInOrder(t, data, a)
		}
		checkLinking(t, a, "the")
	})
}

// isMarkdownName mirrors ParseUserArticle's choice of Markdown.
func isMarkdownName(name string) bool {
	switch strings.ToLower(path.Ext(path.Base(strings.ReplaceAll(name, "\\", "/")))) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return true
	}
	return false
}

func FuzzParseArticle(f *testing.F) {
	f.Add([]byte(seedExcerpt), "Russia NATO Equivalent Ineffective, Putin Looks Weak, Says Experts")
	f.Add([]byte("A.\n\nB\n\nC.\n\n\nD\n\nE.\n\nGetty Images\n"), "")
	f.Add([]byte("x\r\ry\n\n\n\n"), "x")
	f.Fuzz(func(t *testing.T, data []byte, title string) {
		a, err := passages.ParseArticle(passages.Meta{ID: "f", Title: title}, data)
		if err != nil {
			require.True(t, errors.Is(err, passages.ErrEmpty) || errors.Is(err, passages.ErrNotText), err.Error())
			return
		}
		a.Title = "t" // checkArticle wants a title; ParseArticle keeps meta as given
		checkArticle(t, a)
		requireLinesInOrder(t, data, a)
	})
}

// FuzzIndex adds one passage of text and checks every match and search
// result: spans on rune boundaries, sorted, not overlapping, Words equal
// to the spanned text, whole words where the alias or query ends in a
// letter or digit; and that Markdown and Highlight accept the match.
func FuzzIndex(f *testing.F) {
	f.Add("Russia’s war in Ukraine; the US, not us or USSR.", "us")
	f.Add("Vladimir\u00a0Putin met Nikol\nPashinyan in Côte d’Ivoire", "putin met")
	f.Add("Papua New Guinea-Bissau Guinea", "Guinea")
	f.Add("central Asian and Central Asia", "central asia")
	f.Add("ǅ ǆ ß ẞ İ ı K", "ǆ")
	f.Fuzz(func(t *testing.T, text, query string) {
		if !utf8.ValidString(text) {
			return
		}
		a := &passages.Article{Meta: passages.Meta{ID: "f", Title: "t"},
			Passages: []passages.Passage{{Kind: passages.KindParagraph, Text: text}}}
		checkLinking(t, a, query)
	})
}

var (
	fuzzAliases *passages.Aliases
	// fuzzOwners maps a normalised alias or region term to the countries
	// it may link to.
	fuzzOwners map[string]map[string]bool
)

// normalise folds what matching treats as equal: white space runs to one
// space, apostrophes to ' and hyphens to -.
func normalise(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'", "‐", "-", "‑", "-").Replace(s)
}

// checkLinking indexes a with the seed aliases and checks For and Search:
// every match is well formed (checkMatch), every word of For(iso) is an
// alias of iso or a region term that includes it, and every word Search
// returns is the query, ignoring case. It avoids testify in its loops:
// fuzzing runs it many times, also while minimizing large inputs.
func checkLinking(t *testing.T, a *passages.Article, query string) {
	t.Helper()
	if fuzzAliases == nil {
		fuzzAliases = seedAliases(t)
		fuzzOwners = map[string]map[string]bool{}
		own := func(text, iso string) {
			if fuzzOwners[text] == nil {
				fuzzOwners[text] = map[string]bool{}
			}
			fuzzOwners[text][iso] = true
		}
		for _, e := range fuzzAliases.Names() {
			own(e.Alias, e.ISO)
		}
		for _, r := range fuzzAliases.Regions() {
			for _, iso := range r.ISOs {
				own(r.Term, iso)
				first, size := utf8.DecodeRuneInString(r.Term)
				own(string(unicode.ToLower(first))+r.Term[size:], iso)
				own(string(unicode.ToUpper(first))+r.Term[size:], iso)
			}
		}
	}
	ix := passages.NewIndex(fuzzAliases)
	require.NoError(t, ix.Add(a))
	for _, iso := range fuzzAliases.Countries() {
		for _, m := range ix.For(iso) {
			if err := checkMatch(m); err != "" {
				t.Fatalf("For(%s): %s\nmatch: %+v", iso, err, m)
			}
			for _, w := range m.Words {
				if !fuzzOwners[normalise(w)][iso] {
					t.Fatalf("For(%s) matched %q, which is not one of its aliases or regions", iso, w)
				}
			}
		}
	}
	q := normalise(query)
	for _, m := range ix.Search(query) {
		if err := checkMatch(m); err != "" {
			t.Fatalf("Search(%q): %s\nmatch: %+v", query, err, m)
		}
		for _, w := range m.Words {
			if !strings.EqualFold(normalise(w), q) {
				t.Fatalf("Search(%q) matched %q", query, w)
			}
		}
	}
}

// checkMatch returns what is wrong with m, or "".
func checkMatch(m passages.Match) string {
	text := m.Passage.Text
	if len(m.Words) != len(m.Spans) || len(m.Spans) == 0 {
		return "words and spans differ in number, or are empty"
	}
	end := 0
	for i, s := range m.Spans {
		switch {
		case s[0] < end || s[0] >= s[1] || s[1] > len(text):
			return fmt.Sprintf("span %v out of order or range", s)
		case !utf8.ValidString(text[s[0]:s[1]]):
			return fmt.Sprintf("span %v not on rune boundaries", s)
		case m.Words[i] != text[s[0]:s[1]]:
			return fmt.Sprintf("word %q is not the text of span %v", m.Words[i], s)
		}
		if r, _ := utf8.DecodeRuneInString(text[s[0]:]); isWord(r) && s[0] > 0 {
			if before, _ := utf8.DecodeLastRuneInString(text[:s[0]]); isWord(before) {
				return fmt.Sprintf("match %q starts inside a word", m.Words[i])
			}
		}
		if r, _ := utf8.DecodeLastRuneInString(text[:s[1]]); isWord(r) && s[1] < len(text) {
			if after, _ := utf8.DecodeRuneInString(text[s[1]:]); isWord(after) {
				return fmt.Sprintf("match %q ends inside a word", m.Words[i])
			}
		}
		end = s[1]
	}
	var b strings.Builder
	for _, p := range passages.Highlight(m) {
		b.WriteString(p.Text)
	}
	if b.String() != text {
		return "Highlight pieces do not join to the text"
	}
	if md := passages.Markdown(m); !utf8.ValidString(md) || strings.Contains(md, "\n") {
		return "Markdown is not one valid line"
	}
	return ""
}

// requireLinesInOrder checks that each passage is a trimmed line of data,
// in order.
func requireLinesInOrder(t *testing.T, data []byte, a *passages.Article) {
	t.Helper()
	s := strings.TrimPrefix(string(data), "\uFEFF")
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		lines = append(lines, strings.TrimSpace(l))
	}
	at := 0
	for _, p := range a.Passages {
		for at < len(lines) && lines[at] != p.Text {
			at++
		}
		if at == len(lines) {
			t.Fatalf("passage %d %q is not a later line of the input", p.Index, p.Text)
		}
		at++
	}
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
