package passages_test

import (
	"bufio"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"cstomap/passages"
	"cstomap/seeds"
)

// seedID is the bundled Insider article.
const seedID = "000_3aff2444b0efe366"

var iso3 = sync.OnceValues(func() (map[string]bool, error) {
	f, err := os.Open("testdata/iso3.txt")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	codes := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			codes[l] = true
		}
	}
	return codes, sc.Err()
})

// knownISO is the set of Natural Earth 1:50m codes (testdata/iso3.txt).
func knownISO(t testing.TB) map[string]bool {
	t.Helper()
	codes, err := iso3()
	require.NoError(t, err)
	require.Len(t, codes, 238)
	return codes
}

// seedAliases parses seeds/aliases.json against the Natural Earth codes.
func seedAliases(t testing.TB) *passages.Aliases {
	t.Helper()
	codes := knownISO(t)
	al, err := passages.ParseAliases(seeds.Aliases(), func(iso string) bool { return codes[iso] })
	require.NoError(t, err)
	return al
}

// seedArticle parses the bundled Insider article.
func seedArticle(t testing.TB) *passages.Article {
	t.Helper()
	as, err := seeds.Articles()
	require.NoError(t, err)
	for _, a := range as {
		if a.ID == seedID {
			return a
		}
	}
	t.Fatalf("seed %s not bundled", seedID)
	return nil
}

// seedIndex is an index holding the seed article.
func seedIndex(t testing.TB) *passages.Index {
	t.Helper()
	ix := passages.NewIndex(seedAliases(t))
	require.NoError(t, ix.Add(seedArticle(t)))
	return ix
}

// indexes returns the passage indexes of ms, in order.
func indexes(ms []passages.Match) []int {
	out := []int{}
	for _, m := range ms {
		out = append(out, m.Passage.Index)
	}
	return out
}
