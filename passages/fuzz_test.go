package passages_test

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"cstomap/passages"
	"cstomap/seeds"
)

// Run each with: go test -run=^$ -fuzz=^FuzzXxx$ -fuzztime=60s ./passages/
// Inputs that found bugs are kept under testdata/fuzz/<FuzzXxx>/.

func FuzzParseUserArticle(f *testing.F) {
	seed, err := seeds.Text(seedID)
	require.NoError(f, err)
	f.Add(seed, false)
	f.Add(seed, true)
	f.Add([]byte("---\ntitle: T\nexperts:\n  - A\n---\n# H\n\n- *a* [b](c) `d`\n\n![x](y)\n\nP \\* &amp;\n"), true)
	f.Add([]byte("Title: T\nSource: S\n\nBody.\r\n\r\nREUTERS\r\n"), false)
	f.Add([]byte("---\n"), false)
	f.Add([]byte("\uFEFF \n"), true)
	f.Add([]byte("a\x00b"), false)
	f.Fuzz(func(t *testing.T, data []byte, markdown bool) {
		name := "f.txt"
		if markdown {
			name = "f.md"
		}
		a, err := passages.ParseUserArticle(name, data)
		if err != nil {
			require.True(t, errors.Is(err, passages.ErrEmpty) || errors.Is(err, passages.ErrNotText) || errors.Is(err, passages.ErrTooLarge), err.Error())
			require.Nil(t, a)
			return
		}
		require.True(t, utf8.Valid(data))
		require.NotContains(t, string(data), "\x00")
		checkArticle(t, a)
		if !markdown {
			requireLinesInOrder(t, data, a)
		}
		checkLinking(t, a, "the")
	})
}

func FuzzParseArticle(f *testing.F) {
	seed, err := seeds.Text(seedID)
	require.NoError(f, err)
	f.Add(seed, "Russia NATO Equivalent Ineffective, Putin Looks Weak, Says Experts")
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

var fuzzAliases *passages.Aliases

// checkLinking indexes a with the seed aliases and checks For and Search.
func checkLinking(t *testing.T, a *passages.Article, query string) {
	t.Helper()
	if fuzzAliases == nil {
		fuzzAliases = seedAliases(t)
	}
	ix := passages.NewIndex(fuzzAliases)
	require.NoError(t, ix.Add(a))
	var all []passages.Match
	for _, iso := range fuzzAliases.Countries() {
		all = append(all, ix.For(iso)...)
	}
	all = append(all, ix.Search(query)...)
	for _, m := range all {
		text := m.Passage.Text
		require.Len(t, m.Words, len(m.Spans))
		require.NotEmpty(t, m.Spans)
		end := 0
		for i, s := range m.Spans {
			require.GreaterOrEqual(t, s[0], end, "spans sorted and not overlapping")
			require.Less(t, s[0], s[1])
			require.LessOrEqual(t, s[1], len(text))
			require.True(t, utf8.ValidString(text[s[0]:s[1]]), "span on rune boundaries")
			require.Equal(t, m.Words[i], text[s[0]:s[1]])
			if r, _ := utf8.DecodeRuneInString(text[s[0]:]); isWord(r) && s[0] > 0 {
				before, _ := utf8.DecodeLastRuneInString(text[:s[0]])
				require.False(t, isWord(before), "match %q starts inside a word", m.Words[i])
			}
			if r, _ := utf8.DecodeLastRuneInString(text[:s[1]]); isWord(r) && s[1] < len(text) {
				after, _ := utf8.DecodeRuneInString(text[s[1]:])
				require.False(t, isWord(after), "match %q ends inside a word", m.Words[i])
			}
			end = s[1]
		}
		var b strings.Builder
		for _, p := range passages.Highlight(m) {
			b.WriteString(p.Text)
		}
		require.Equal(t, text, b.String())
		md := passages.Markdown(m)
		require.True(t, utf8.ValidString(md))
		require.NotContains(t, md, "\n")
	}
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
		require.Less(t, at, len(lines), "passage %d %q is not a later line of the input", p.Index, p.Text)
		at++
	}
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
