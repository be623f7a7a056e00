package passages_test

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/passages"
)

// probeLine is one labelled sentence of testdata/probe.txt.
type probeLine struct {
	line   int      // line number in the file
	trap   bool     // the ambiguous word does not mean the country
	labels []string // the codes the sentence truly names, sorted
	text   string
}

// readProbe parses testdata/probe.txt into articles: runs of lines with no
// blank line between them (format in the file's header).
func readProbe(t *testing.T) [][]probeLine {
	t.Helper()
	codes := knownISO(t)
	f, err := os.Open("testdata/probe.txt")
	require.NoError(t, err)
	defer f.Close()
	var (
		articles [][]probeLine
		cur      []probeLine
	)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if strings.HasPrefix(l, "#") {
			continue
		}
		if strings.TrimSpace(l) == "" {
			if cur != nil {
				articles = append(articles, cur)
				cur = nil
			}
			continue
		}
		fields := strings.SplitN(l, " | ", 3)
		require.Len(t, fields, 3, "line %d: want class | labels | text", n)
		p := probeLine{line: n, text: fields[2]}
		switch fields[0] {
		case "trap":
			p.trap = true
		case "true":
		default:
			t.Fatalf("line %d: class %q is neither trap nor true", n, fields[0])
		}
		if fields[1] != "-" {
			p.labels = strings.Fields(fields[1])
			for _, iso := range p.labels {
				require.True(t, codes[iso], "line %d: unknown code %q", n, iso)
			}
			slices.Sort(p.labels)
		}
		require.False(t, !p.trap && len(p.labels) == 0, "line %d: a true mention needs a label", n)
		cur = append(cur, p)
	}
	require.NoError(t, sc.Err())
	if cur != nil {
		articles = append(articles, cur)
	}
	return articles
}

// linkedCodes indexes one probe article and returns, per passage, the
// sorted codes it is linked to directly (region terms do not count).
func linkedCodes(t *testing.T, al *passages.Aliases, id string, lines []probeLine) [][]string {
	t.Helper()
	a := &passages.Article{Meta: passages.Meta{ID: id}}
	for i, l := range lines {
		a.Passages = append(a.Passages, passages.Passage{Index: i, Kind: passages.KindParagraph, Text: l.text})
	}
	ix := passages.NewIndex(al)
	require.NoError(t, ix.Add(a))
	got := make([][]string, len(lines))
	for _, iso := range al.Countries() {
		for _, m := range ix.For(iso) {
			if !m.Region {
				got[m.Passage.Index] = append(got[m.Passage.Index], iso)
			}
		}
	}
	return got
}

// TestProbe_PrecisionRecall links every sentence of the probe corpus and
// counts (sentence, country) pairs: precision is the share of linked pairs
// that the labels list, recall the share of labelled pairs that are
// linked. It fails below 0.98 precision or 0.95 recall, and lists every
// sentence whose links differ from its labels.
func TestProbe_PrecisionRecall(t *testing.T) {
	al := seedAliases(t)
	articles := readProbe(t)

	type tally struct{ sentences, linked, labelled, correct int }
	var all, traps, trues tally
	var wrong strings.Builder
	for ai, lines := range articles {
		got := linkedCodes(t, al, fmt.Sprintf("probe-%d", ai), lines)
		for i, l := range lines {
			ok := 0
			for _, iso := range got[i] {
				if slices.Contains(l.labels, iso) {
					ok++
				}
			}
			for _, c := range []*tally{&all, map[bool]*tally{true: &traps, false: &trues}[l.trap]} {
				c.sentences++
				c.linked += len(got[i])
				c.labelled += len(l.labels)
				c.correct += ok
			}
			if !slices.Equal(got[i], l.labels) {
				fmt.Fprintf(&wrong, "  line %d: linked %v, labelled %v: %s\n", l.line, got[i], l.labels, l.text)
			}
		}
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	var report strings.Builder
	fmt.Fprintf(&report, "\n%-6s %9s %6s %8s %7s %9s %6s\n", "", "sentences", "linked", "labelled", "correct", "precision", "recall")
	for _, r := range []struct {
		name string
		c    tally
	}{{"traps", traps}, {"true", trues}, {"all", all}} {
		fmt.Fprintf(&report, "%-6s %9d %6d %8d %7d %9.3f %6.3f\n", r.name, r.c.sentences, r.c.linked, r.c.labelled, r.c.correct,
			ratio(r.c.correct, r.c.linked), ratio(r.c.correct, r.c.labelled))
	}
	t.Log(report.String())
	if wrong.Len() > 0 {
		t.Log("sentences whose links differ from their labels:\n" + wrong.String())
	}

	require.GreaterOrEqual(t, all.sentences, 150, "the probe needs at least 150 sentences")
	assert.GreaterOrEqual(t, traps.sentences*10, all.sentences*4, "at least 40%% traps")
	assert.GreaterOrEqual(t, trues.sentences*10, all.sentences*4, "at least 40%% true mentions")
	assert.GreaterOrEqual(t, ratio(all.correct, all.linked), 0.98, "precision")
	assert.GreaterOrEqual(t, ratio(all.correct, all.labelled), 0.95, "recall")
}
