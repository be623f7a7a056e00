package passages_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/passages"
)

func TestParseUserArticle_Metadata(t *testing.T) {
	cases := []struct {
		name     string
		file     string
		data     string
		wantMeta passages.Meta // ID is checked separately
		wantText []string
	}{
		{
			name: "front matter",
			file: "note.txt",
			data: "---\ntitle: \"Armenia freezes CSTO role\"\npublisher: RFE/RL\ndate: 2024-02-23\nurl: https://example.org/a\nexperts: [Jane Doe, 'John Roe']\nlayout: post\n---\nArmenia freezes CSTO role\n\nYerevan said so.\n",
			wantMeta: passages.Meta{Title: "Armenia freezes CSTO role", Publisher: "RFE/RL", Published: "2024-02-23",
				URL: "https://example.org/a", Experts: []string{"Jane Doe", "John Roe"}},
			wantText: []string{"Armenia freezes CSTO role", "Yerevan said so."},
		},
		{
			name:     "front matter with a YAML list of experts",
			file:     "a.md",
			data:     "---\ntitle: T\nexperts:\n  - A. One\n  - \"B. Two\"\nsource: Insider\n---\n\nBody.\n",
			wantMeta: passages.Meta{Title: "T", Publisher: "Insider", Experts: []string{"A. One", "B. Two"}},
			wantText: []string{"Body."},
		},
		{
			name:     "header lines",
			file:     "b.txt",
			data:     "Title: Kazakhstan and the CSTO\nSource: Example News\nDate: May 2023\n\nKazakhstan and the CSTO\n\nAstana spoke.",
			wantMeta: passages.Meta{Title: "Kazakhstan and the CSTO", Publisher: "Example News", Published: "May 2023"},
			wantText: []string{"Kazakhstan and the CSTO", "Astana spoke."},
		},
		{
			name:     "front matter wins over header lines",
			file:     "c.txt",
			data:     "---\ntitle: From front matter\n---\nTitle: From header\nPublisher: Header Pub\n\nBody text.",
			wantMeta: passages.Meta{Title: "From front matter", Publisher: "Header Pub"},
			wantText: []string{"Body text."},
		},
		{
			name:     "an unknown key ends the header lines",
			file:     "d.txt",
			data:     "Moscow: the Kremlin said no.\n\nMore.",
			wantMeta: passages.Meta{Title: "d"},
			wantText: []string{"Moscow: the Kremlin said no.", "More."},
		},
		{
			name:     "note is not a header line",
			file:     "g.txt",
			data:     "Note: the talks went on.\n\nMore.",
			wantMeta: passages.Meta{Title: "g"},
			wantText: []string{"Note: the talks went on.", "More."},
		},
		{
			name:     "a file name that is only an extension",
			file:     ".md",
			data:     "Lukashenko spoke.",
			wantMeta: passages.Meta{Title: ".md"},
			wantText: []string{"Lukashenko spoke."},
		},
		{
			name:     "unclosed front matter is text",
			file:     "e.txt",
			data:     "---\ntitle: x\n\nBody.",
			wantMeta: passages.Meta{Title: "---"},
			wantText: []string{"---", "title: x", "Body."},
		},
		{
			name:     "title falls back to the headline, then the file name",
			file:     "dir/Some Notes.txt",
			data:     "Minsk talks\n\nLukashenko spoke.",
			wantMeta: passages.Meta{Title: "Minsk talks"},
			wantText: []string{"Minsk talks", "Lukashenko spoke."},
		},
		{
			name:     "file name when there is no headline",
			file:     `C:\Users\x\Minsk notes.txt`,
			data:     "Lukashenko spoke.\n\nThen left.",
			wantMeta: passages.Meta{Title: "Minsk notes"},
			wantText: []string{"Lukashenko spoke.", "Then left."},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := passages.ParseUserArticle(tc.file, []byte(tc.data))
			require.NoError(t, err)
			got := a.Meta
			got.ID = ""
			assert.Equal(t, tc.wantMeta, got)
			var texts []string
			for _, p := range a.Passages {
				texts = append(texts, p.Text)
			}
			assert.Equal(t, tc.wantText, texts)
			assert.Regexp(t, `^user_[0-9a-f]{16}$`, a.ID)
		})
	}
}

func TestParseUserArticle_IDIsContentHash(t *testing.T) {
	a, err := passages.ParseUserArticle("one.txt", []byte("Same text."))
	require.NoError(t, err)
	b, err := passages.ParseUserArticle("two.md", []byte("Same text."))
	require.NoError(t, err)
	c, err := passages.ParseUserArticle("one.txt", []byte("Other text."))
	require.NoError(t, err)
	assert.Equal(t, a.ID, b.ID)
	assert.NotEqual(t, a.ID, c.ID)
}

func TestParseUserArticle_Markdown(t *testing.T) {
	md := strings.Join([]string{
		"# Russia *and* the CSTO",
		"",
		"- Armenia **froze** its role.",
		"* Kazakhstan asked for help",
		"  in January 2022.",
		"1. Kyrgyz and Tajik troops",
		"",
		"## Why it `matters`",
		"",
		"Read [the report](https://example.org/r \"t\") by _Cooley_ on",
		"snake_case and 5 * 3 and an *unpaired marker.",
		"",
		"![Putin in Yerevan](putin.jpg)",
		"",
		"> Quoted \\*not emphasis\\* &amp; more",
		"",
		"---",
		"",
		"Setext heading",
		"--------------",
		"",
		"```",
		"code line",
		"```",
		"",
		"[ref]: https://example.org",
		"Last ~~old~~ line with <https://example.org/x>.",
	}, "\n")
	a, err := passages.ParseUserArticle("story.md", []byte(md))
	require.NoError(t, err)
	want := []passages.Passage{
		{Index: 0, Kind: passages.KindHeadline, Text: "Russia and the CSTO"},
		{Index: 1, Kind: passages.KindBullet, Text: "Armenia froze its role."},
		{Index: 2, Kind: passages.KindBullet, Text: "Kazakhstan asked for help in January 2022."},
		{Index: 3, Kind: passages.KindBullet, Text: "Kyrgyz and Tajik troops"},
		{Index: 4, Kind: passages.KindHeading, Text: "Why it matters"},
		{Index: 5, Kind: passages.KindParagraph, Text: "Read the report by Cooley on snake_case and 5 * 3 and an *unpaired marker."},
		{Index: 6, Kind: passages.KindCaption, Text: "Putin in Yerevan"},
		{Index: 7, Kind: passages.KindParagraph, Text: "Quoted *not emphasis* & more"},
		{Index: 8, Kind: passages.KindHeading, Text: "Setext heading"},
		{Index: 9, Kind: passages.KindParagraph, Text: "code line"},
		{Index: 10, Kind: passages.KindParagraph, Text: "Last old line with https://example.org/x."},
	}
	assert.Equal(t, want, a.Passages)
	assert.Equal(t, "Russia and the CSTO", a.Title)

	ix := passages.NewIndex(seedAliases(t))
	require.NoError(t, ix.Add(a))
	assert.Equal(t, []int{3}, indexes(ix.For("KGZ")), "user articles are linked like seeds")
}

func TestParseUserArticle_Refusals(t *testing.T) {
	utf16 := []byte{0xFF, 0xFE, 'H', 0, 'i', 0}
	cases := []struct {
		name string
		file string
		data []byte
		want error
	}{
		{"empty", "a.txt", nil, passages.ErrEmpty},
		{"white space only", "a.txt", []byte(" \r\n\t \u00a0\n"), passages.ErrEmpty},
		{"only front matter", "a.md", []byte("---\ntitle: x\n---\n\n"), passages.ErrEmpty},
		{"only header lines", "a.txt", []byte("Title: x\nPublisher: y\n"), passages.ErrEmpty},
		{"only Markdown syntax", "a.md", []byte("---\n\n***\n\n# \n"), passages.ErrEmpty},
		{"NUL byte", "a.txt", []byte("Hello\x00world"), passages.ErrNotText},
		{"UTF-16", "a.txt", utf16, passages.ErrNotText},
		{"invalid UTF-8", "a.txt", []byte("caf\xe9"), passages.ErrNotText},
		{"PNG header", "a.png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), passages.ErrNotText},
		{"one byte over 5 MiB", "a.txt", []byte(strings.Repeat("a", passages.MaxUserArticleSize+1)), passages.ErrTooLarge},
		{"too large wins over not text", "a.bin", make([]byte, passages.MaxUserArticleSize+1), passages.ErrTooLarge},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := passages.ParseUserArticle(tc.file, tc.data)
			require.ErrorIs(t, err, tc.want)
			assert.Nil(t, a)
			assert.True(t, strings.HasPrefix(err.Error(), "passages: "), err.Error())
		})
	}
	t.Run("exactly 5 MiB is accepted", func(t *testing.T) {
		line := strings.Repeat("x", 99) + "\n"
		data := []byte(strings.Repeat(line, passages.MaxUserArticleSize/len(line)+1)[:passages.MaxUserArticleSize])
		a, err := passages.ParseUserArticle("big.txt", data)
		require.NoError(t, err)
		assert.NotEmpty(t, a.Passages)
	})
}

// checkArticle asserts the invariants every parsed article keeps. It uses
// no testify in its loop, as fuzzing runs it many times.
func checkArticle(t *testing.T, a *passages.Article) {
	t.Helper()
	require.NotEmpty(t, a.Passages)
	require.NotEmpty(t, a.ID)
	require.NotEmpty(t, a.Title)
	for i, p := range a.Passages {
		bad := ""
		switch {
		case p.Index != i:
			bad = "index differs from position"
		case p.Text == "":
			bad = "empty text"
		case strings.TrimSpace(p.Text) != p.Text:
			bad = "text not trimmed"
		case strings.Contains(p.Text, "\n"):
			bad = "line break in text"
		case !utf8.ValidString(p.Text):
			bad = "invalid UTF-8"
		case p.Kind == passages.KindHeadline && i != 0:
			bad = "headline after the first passage"
		case p.Kind != passages.KindHeadline && p.Kind != passages.KindBullet && p.Kind != passages.KindHeading &&
			p.Kind != passages.KindParagraph && p.Kind != passages.KindCaption:
			bad = "unknown kind"
		}
		if bad != "" {
			t.Fatalf("passage %d (%s %q): %s", i, p.Kind, p.Text, bad)
		}
	}
}
