package passages_test

import (
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/passages"
)

func TestParseUserArticle_MarkdownRules(t *testing.T) {
	type p = passages.Passage
	const (
		headline  = passages.KindHeadline
		heading   = passages.KindHeading
		bullet    = passages.KindBullet
		paragraph = passages.KindParagraph
		caption   = passages.KindCaption
	)
	cases := []struct {
		name string
		md   string
		want []p
	}{
		{"a level-1 heading after text is a heading", "Intro.\n\n# Later\n",
			[]p{{0, paragraph, "Intro."}, {1, heading, "Later"}}},
		{"an image alone on a line splits its paragraph", "Before the photo\n![Putin in *Yerevan*](p.jpg)\nafter it.\n",
			[]p{{0, paragraph, "Before the photo"}, {1, caption, "Putin in Yerevan"}, {2, paragraph, "after it."}}},
		{"an image inside a line stays text", "See ![the map](m.png) here.\n",
			[]p{{0, paragraph, "See the map here."}}},
		{"nested list items are bullets", "- Armenia\n  - Yerevan\n    said no\n",
			[]p{{0, bullet, "Armenia"}, {1, bullet, "Yerevan said no"}}},
		{"a loose list item's paragraphs are bullets", "1. First\n\n   More of it.\n2. Second\n",
			[]p{{0, bullet, "First"}, {1, bullet, "More of it."}, {2, bullet, "Second"}}},
		{"code keeps its text as typed", "Run `a *b* &amp;` now\n\n    indented *code*\n",
			[]p{{0, paragraph, "Run a *b* &amp; now"}, {1, paragraph, "indented *code*"}}},
		{"escapes and entities", "\\&amp; is &amp;, &#65; &copy; \\_x\\_\n",
			[]p{{0, paragraph, "&amp; is &, A © _x_"}}},
		{"hard line breaks are spaces", "one\\\ntwo  \nthree\n",
			[]p{{0, paragraph, "one two three"}}},
		{"raw HTML tags are dropped, their text kept", "a <b>bold</b> word <!-- note -->\n",
			[]p{{0, paragraph, "a bold word"}}},
		{"reference links give their text", "See [the report][r].\n\n[r]: https://example.org\n",
			[]p{{0, paragraph, "See the report."}}},
		{"nested emphasis and links", "***[Armenia](a) _froze_ ~~its~~ role***\n",
			[]p{{0, paragraph, "Armenia froze its role"}}},
		{"block quotes keep their blocks", "> ## Said\n>\n> - a point\n",
			[]p{{0, heading, "Said"}, {1, bullet, "a point"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := passages.ParseUserArticle("x.md", []byte(tc.md))
			require.NoError(t, err)
			assert.Equal(t, tc.want, a.Passages)
		})
	}
}

// pathological returns about 1 MB of Markdown of each shape that makes
// Markdown parsers slow: many brackets, emphasis markers, backticks or
// nested containers in one paragraph or line.
func pathological() map[string]string {
	const mb = 1 << 20
	rep := strings.Repeat
	backticks := func() string {
		var b strings.Builder
		for i := 1; b.Len() < mb; i++ {
			b.WriteString("Armenia" + rep("`", i))
		}
		return b.String()
	}
	return map[string]string{
		"brackets":              rep("[", mb/2) + "Armenia" + rep("]", mb/2),
		"link openers":          rep("[Armenia ", mb/9),
		"unclosed links":        rep("[Armenia](<b", mb/12),
		"empty links":           rep("[](", mb/3) + " Armenia",
		"nested emphasis":       rep("*a **a ", mb/14) + "Armenia" + rep(" a** a*", mb/14),
		"mismatched emphasis":   rep("*Armenia_ ", mb/10),
		"backtick runs":         backticks(),
		"escaped backticks":     rep("\\``", mb/3) + " Armenia",
		"nested block quotes":   rep("> ", mb/2) + "Armenia",
		"nested lists":          rep("- ", mb/2) + "Armenia",
		"short paragraphs":      rep("[*Armenia*](x) `y`\n\n", mb/20),
		"bracket lines":         rep("]([\n", mb/4) + "Armenia",
		"deeply indented lists": deepList(mb),
	}
}

// cpuTime returns the CPU time the test process has used. No test in this
// package runs in parallel, so a difference is the work in between (with
// the garbage collector's).
func cpuTime(t *testing.T) time.Duration {
	t.Helper()
	var ru syscall.Rusage
	require.NoError(t, syscall.Getrusage(syscall.RUSAGE_SELF, &ru))
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// deepList nests list items one level deeper on every line.
func deepList(size int) string {
	var b strings.Builder
	for d := 0; b.Len() < size; d++ {
		b.WriteString(strings.Repeat("  ", d) + "- Armenia\n")
	}
	return b.String()
}

func TestParseUserArticle_PathologicalMarkdown(t *testing.T) {
	ix := func() *passages.Index { return passages.NewIndex(seedAliases(t)) }()
	for name, md := range pathological() {
		t.Run(name, func(t *testing.T) {
			start, startCPU := time.Now(), cpuTime(t)
			a, err := passages.ParseUserArticle(name+".md", []byte(md))
			require.NoError(t, err)
			require.NoError(t, ix.Add(a))
			// The budget is 20 ms per MB, and minutes is what goldmark
			// alone takes. The bound is 1 s of CPU time, not of wall time,
			// so that other work on the machine does not fail the test.
			used := cpuTime(t) - startCPU
			t.Logf("%v CPU, %v wall", used, time.Since(start))
			assert.Less(t, used, slowdown*time.Second)
			checkArticle(t, a)
			found := false
			for _, p := range a.Passages {
				found = found || strings.Contains(p.Text, "Armenia")
			}
			assert.True(t, found, "the text is kept")
		})
	}
}

func TestParseUserArticle_LongMarkdownStaysMarkdown(t *testing.T) {
	// 600 paragraphs with links, emphasis and code: about 8,400 markers,
	// far more than an article needs, still under the limits.
	para := "Read [the *report*](https://example.org/r) on `Armenia` and [Kazakhstan][k], **again**.\n\n"
	md := strings.Repeat(para, 600) + "[k]: https://example.org/k\n"
	a, err := passages.ParseUserArticle("long.md", []byte(md))
	require.NoError(t, err)
	require.Len(t, a.Passages, 600)
	assert.Equal(t, "Read the report on Armenia and Kazakhstan, again.", a.Passages[599].Text)
}
