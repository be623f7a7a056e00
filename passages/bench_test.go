package passages_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cstomap/passages"
	"cstomap/seeds"
)

// megabyte returns copies of the seed article with distinct IDs, adding up
// to at least 1 MB of passage text, and its exact size.
func megabyte(b *testing.B) ([]*passages.Article, int) {
	b.Helper()
	seed := seedArticle(b)
	per := 0
	for _, p := range seed.Passages {
		per += len(p.Text)
	}
	var as []*passages.Article
	total := 0
	for i := 0; total < 1<<20; i++ {
		a := *seed
		a.ID = fmt.Sprintf("%s-%d", seedID, i)
		as = append(as, &a)
		total += per
	}
	return as, total
}

// BenchmarkIndexAdd1MB indexes 1 MB of parsed passages (budget: 20 ms).
func BenchmarkIndexAdd1MB(b *testing.B) {
	al := seedAliases(b)
	as, total := megabyte(b)
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		ix := passages.NewIndex(al)
		for _, a := range as {
			if err := ix.Add(a); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkParseAndIndex1MB parses and indexes 1 MB of raw article text.
func BenchmarkParseAndIndex1MB(b *testing.B) {
	al := seedAliases(b)
	raw, err := seeds.Text(seedID)
	require.NoError(b, err)
	n := (1<<20)/len(raw) + 1
	b.SetBytes(int64(n * len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		ix := passages.NewIndex(al)
		for i := range n {
			a, err := passages.ParseArticle(passages.Meta{ID: fmt.Sprint(i)}, raw)
			if err != nil {
				b.Fatal(err)
			}
			if err := ix.Add(a); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkFor looks up one country in a 1 MB index (budget: 1 ms).
func BenchmarkFor(b *testing.B) {
	al := seedAliases(b)
	as, _ := megabyte(b)
	ix := passages.NewIndex(al)
	for _, a := range as {
		require.NoError(b, ix.Add(a))
	}
	for _, iso := range []string{"RUS", "KGZ", "TKM"} {
		b.Run(iso, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if len(ix.For(iso)) == 0 {
					b.Fatal("no matches")
				}
			}
		})
	}
}

// BenchmarkSearch scans a 1 MB index for one word.
func BenchmarkSearch(b *testing.B) {
	al := seedAliases(b)
	as, _ := megabyte(b)
	ix := passages.NewIndex(al)
	for _, a := range as {
		require.NoError(b, ix.Add(a))
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(ix.Search("kremlin")) == 0 {
			b.Fatal("no matches")
		}
	}
}

// BenchmarkIndexAddNaiveRegexp is the baseline the matcher replaces: one
// regexp per alias run over every passage of one seed copy (about 1/76 of
// BenchmarkIndexAdd1MB's text).
func BenchmarkIndexAddNaiveRegexp(b *testing.B) {
	al := seedAliases(b)
	var res []*regexp.Regexp
	for _, e := range al.Names() {
		res = append(res, regexp.MustCompile(`(^|[^\pL\pN])`+regexp.QuoteMeta(e.Alias)+`($|[^\pL\pN])`))
	}
	seed := seedArticle(b)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, p := range seed.Passages {
			for _, re := range res {
				n += len(re.FindAllStringIndex(p.Text, -1))
			}
		}
		if n == 0 {
			b.Fatal("no matches")
		}
	}
}

// BenchmarkParseMarkdownAndIndex1MB parses 1 MB of Markdown (the seed
// text, whose prose is valid Markdown) and indexes it (budget: 20 ms).
func BenchmarkParseMarkdownAndIndex1MB(b *testing.B) {
	al := seedAliases(b)
	raw, err := seeds.Text(seedID)
	require.NoError(b, err)
	n := (1<<20)/len(raw) + 1
	b.SetBytes(int64(n * len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		ix := passages.NewIndex(al)
		for i := range n {
			// Each copy differs by its number, so it has its own ID.
			a, err := passages.ParseUserArticle("seed.md", append([]byte(fmt.Sprintf("%d\n\n", i)), raw...))
			if err != nil {
				b.Fatal(err)
			}
			if err := ix.Add(a); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkParsePathological1MB parses and indexes 1 MB of each shape of
// Markdown that makes parsers slow (budget: 20 ms each).
func BenchmarkParsePathological1MB(b *testing.B) {
	al := seedAliases(b)
	for name, md := range pathological() {
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			b.SetBytes(int64(len(md)))
			for b.Loop() {
				a, err := passages.ParseUserArticle("x.md", []byte(md))
				if err != nil {
					b.Fatal(err)
				}
				if err := passages.NewIndex(al).Add(a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
