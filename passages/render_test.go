package passages_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/passages"
)

func match(text string, spans ...[2]int) passages.Match {
	m := passages.Match{Passage: passages.Passage{Kind: passages.KindParagraph, Text: text}, Spans: spans}
	for _, s := range spans {
		m.Words = append(m.Words, text[s[0]:s[1]])
	}
	return m
}

// The expected strings below were checked by rendering them with Fyne
// 2.7.1's widget.NewRichTextFromMarkdown: the shown text is the passage,
// plus a backslash before each of ! * < [ ] _ `.
func TestMarkdown(t *testing.T) {
	const z = "\u200B"
	cases := []struct {
		name string
		m    passages.Match
		want string
	}{
		{"plain", match("Russia and Armenia.", [2]int{0, 6}, [2]int{11, 18}), "**Russia** and **Armenia.**"},
		{"no spans", match("Plain text."), "Plain text."},
		{"bold covers the token", match("Russia’s war", [2]int{0, 6}), "**Russia’s** war"},
		{"token with a leading quote", match("he said. “Putin, geopolitically", [2]int{12, 17}), "he said. **“Putin,** geopolitically"},
		{"two matches in one token", match("US/Russia talks", [2]int{0, 2}, [2]int{3, 9}), "**US/Russia** talks"},
		{"brackets are escaped", match("I think [the CSTO’s] weaknesses"), `I think \[the CSTO’s\] weaknesses`},
		{"splitters are escaped", match("a*b _c_ `d` <e> f!"), "a\\*b \\_c\\_ \\`d\\` \\<e> f\\!"},
		{"an existing escape is kept", match(`a \*b`), `a \*b`},
		{"other punctuation is not escaped", match("Costs (in 2022): $5 & more # + - . | ~ {}"), "Costs (in 2022): $5 & more # + - . | ~ {}"},
		{"block syntax at the start is defused", match("# Not a heading"), z + "# Not a heading"},
		{"a list number at the start is defused", match("1992. A treaty"), z + "1992. A treaty"},
		{"a quote at the start", match("“I don’t think so,” he said"), z + "“I don’t think so,” he said"},
		{"bold at the start needs no guard", match("“Russia is facing", [2]int{3, 9}), "**“Russia** is facing"},
		{"backslash before the closing marker", match(`Russia\ next`, [2]int{0, 6}), `**Russia\` + z + `**` + " next"},
		{"line breaks become spaces", match("Russia\nArmenia", [2]int{0, 6}), "**Russia** Armenia"},
		{"bad spans are ignored", passages.Match{Passage: passages.Passage{Text: "Russia"}, Spans: [][2]int{{3, 2}, {-1, 2}, {0, 7}}}, "Russia"},
		{"empty", match(""), ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, passages.Markdown(tc.m))
		})
	}
	m := match("Russia", [2]int{0, 6})
	m.Spans = append(m.Spans, [2]int{4, 99}, [2]int{2, 4})
	assert.Equal(t, "**Russia**", passages.Markdown(m), "out-of-range and overlapping spans are ignored")
}

func TestMarkdown_Seed(t *testing.T) {
	ix := seedIndex(t)
	ms := ix.For("KGZ")
	require.NotEmpty(t, ms)
	assert.Equal(t, "The alliance is currently made up of Russia, Armenia, Kazakhstan, Belarus, **Kyrgyzstan,** and Tajikistan, none of which, apart from Russia, could be considered a military powerhouse.",
		passages.Markdown(ms[0]))
}

func TestHighlight(t *testing.T) {
	cases := []struct {
		name string
		m    passages.Match
		want []passages.Piece
	}{
		{"middle", match("The US and us", [2]int{4, 6}), []passages.Piece{{Text: "The "}, {Text: "US", Bold: true}, {Text: " and us"}}},
		{"whole", match("Russia", [2]int{0, 6}), []passages.Piece{{Text: "Russia", Bold: true}}},
		{"none", match("Russia"), []passages.Piece{{Text: "Russia"}}},
		{"empty", match(""), []passages.Piece{{Text: ""}}},
		{"not a rune boundary", match("Åland", [2]int{1, 5}), []passages.Piece{{Text: "Åland"}}},
		{"unsorted spans", passages.Match{Passage: passages.Passage{Text: "a b c"}, Spans: [][2]int{{4, 5}, {0, 1}}},
			[]passages.Piece{{Text: "a", Bold: true}, {Text: " b "}, {Text: "c", Bold: true}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := passages.Highlight(tc.m)
			assert.Equal(t, tc.want, got)
			var b strings.Builder
			for _, p := range got {
				b.WriteString(p.Text)
			}
			assert.Equal(t, tc.m.Passage.Text, b.String())
		})
	}
}

func TestWriteJSON(t *testing.T) {
	t.Run("empty is an empty array", func(t *testing.T) {
		for _, ms := range [][]passages.Match{nil, {}} {
			var b bytes.Buffer
			require.NoError(t, passages.WriteJSON(&b, ms))
			assert.Equal(t, "[]\n", b.String())
		}
	})
	t.Run("direct and regional", func(t *testing.T) {
		ix := seedIndex(t)
		ms := ix.For("TJK")
		var b bytes.Buffer
		require.NoError(t, passages.WriteJSON(&b, []passages.Match{ms[0], ms[len(ms)-1]}))
		var got []map[string]any
		require.NoError(t, json.Unmarshal(b.Bytes(), &got))
		require.Len(t, got, 2)
		assert.Equal(t, "Russia NATO Equivalent Ineffective, Putin Looks Weak, Says Experts", got[0]["article"])
		assert.Equal(t, "Insider", got[0]["publisher"])
		assert.Equal(t, 11.0, got[0]["index"])
		assert.Equal(t, "paragraph", got[0]["kind"])
		assert.Equal(t, ms[0].Passage.Text, got[0]["text"])
		assert.NotContains(t, got[0], "region", "region only when regional")
		assert.Equal(t, []any{"Tajikistan"}, got[0]["matches"])
		assert.Equal(t, []any{[]any{91.0, 101.0}}, got[0]["spans"])
		assert.Equal(t, true, got[1]["region"])
		assert.Equal(t, 94.0, got[1]["index"])
		assert.Contains(t, b.String(), "“", "no \\u escapes for text")
	})
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, passages.WriteText(&b, nil))
	assert.Empty(t, b.String())

	ix := seedIndex(t)
	ms := ix.For("TJK")
	require.NoError(t, passages.WriteText(&b, []passages.Match{ms[2], ms[3]}))
	assert.Equal(t, `Russia NATO Equivalent Ineffective, Putin Looks Weak, Says Experts (Insider) #75 caption
  A meeting of the Collective Security Treaty Organization in Dushanbe, Tajikistan, in September 2021.
  matched: Dushanbe, Tajikistan

Russia NATO Equivalent Ineffective, Putin Looks Weak, Says Experts (Insider) #4 paragraph [regional]
  In 2002, Russian President Vladimir Putin established a new organization widely viewed as his attempt to set up a NATO rival, made up of countries that were once part of the Soviet Union.
  matched: Soviet Union
`, b.String())
}
