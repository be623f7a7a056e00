package passages_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/passages"
)

// seedDirect lists, per country, the seed passages that name it directly,
// written by reading the article (passage numbers as pinned in
// TestParseArticle_SeedKinds). The comment quotes the words.
var seedDirect = []struct {
	iso  string
	want []int
}{
	{"ARM", []int{
		11, // "Russia, Armenia, Kazakhstan"
		12, // "another member, Armenia"
		21, // "Armenia called on the CSTO", "Armenia’s prime minister"
		22, // "Prime Minister Nikol Pashinyan"
		24, // "Armenia's prime minister ... in Yerevan, Armenia"
		25, // "leaders in Yerevan, Armenia"
		26, // "he said Armenia could leave"
		46, // "when Armenia recently asked"
		48, // "Armenian prime minister Nikol Pashinyan"
		73, // "Armenia’s bitter complaints"
		76, // "When it comes to Armenia, Prime Minister Nikol Pashinyan"
		84, // "Armenian Prime Minister Nikol Pashinyan ... Yerevan, Armenia"
		85, // same, second caption
		91, // "Putin in Armenia in November 2022"
	}},
	{"KAZ", []int{
		11, // "Kazakhstan"
		47, // "Kazakh President Kassym-Jomart Tokayev"
		48, // "Kazakh President Kassym-Jomart Tokayev"
		52, // "a small force into Kazakhstan"
		56, // "withdrawal of troops from Kazakhstan"
		73, // "Kazakhstan seeking closer ties"
		80, // "Kazakhstan’s foreign minister"
		81, // "Kazakhstan’s existing position"
	}},
	{"KGZ", []int{
		11, // "Kyrgyzstan"
		47, // "yrgyz President Sadyr Japarov" (typo; found through Japarov)
		48, // "Kyrgyz President Sadyr Japarov"
		65, // "A Kyrgyzstan soldier"
	}},
	{"TJK", []int{
		11, // "and Tajikistan"
		73, // "Tajikistan’s president"
		75, // "in Dushanbe, Tajikistan"
	}},
	{"BLR", []int{
		11, // "Belarus"
		47, // "Belarussian President Alexander Lukashenko"
		48, // same
	}},
	{"RUS", []int{
		0,  // "Russia NATO Equivalent ..., Putin Looks Weak"
		1,  // "Russia has its own defense alliance ... Russian power"
		2,  // "making Putin look weak"
		4,  // "Russian President Vladimir Putin"
		5,  // "Russian power ... Russia’s control"
		6,  // "since Russia invaded Ukraine"
		7,  // "Yale University’s Russian, East European ... studies"
		8,  // "Putin wanted his own version of NATO"
		9,  // "Putin has long viewed NATO as a threat to Russia"
		11, // "made up of Russia ... apart from Russia"
		23, // "distanced himself from Putin"
		24, // "Russia's president"
		27, // "Putin’s failed efforts"
		28, // "Putin trying to re-form ... Russian power"
		29, // "Russia leading organizations ... Putin’s mind"
		31, // "for Moscow"
		32, // "Russian President Vladimir Putin."
		33, // "allows Russia to justify"
		34, // "Putin wants to repel"
		36, // "Making Putin look weak"
		37, // "Russia’s struggles"
		39, // "leadership Russia wants"
		40, // "Destroyed Russian tank"
		41, // "a destroyed Russian tank"
		42, // "Russia wants to look strong ... Russia unable"
		46, // "how Russia doesn’t want"
		47, // "Russian President Vladimir Putin ... Grand Kremlin Palace ... Moscow, Russia"
		48, // "Russian President Vladimir Putin"
		54, // "Russia’s actions"
		56, // "Russian peacekeepers"
		59, // "Russian efforts"
		61, // "Russia’s attempts"
		62, // "Putin, as Russia’s president"
		67, // "between Russia and ... the Russians themselves"
		68, // "gives Russia"
		69, // "Russia’s control ... relying on Russia"
		71, // "since Russia launched its war"
		72, // "snubs against Putin since Russia failed"
		73, // "in front of Putin ... Russia’s request"
		78, // "Russia’s reputation"
		80, // "Russian-backed separatist republics"
		83, // "Putin has failed ... “Putin, geopolitically"
		84, // "Russian President Vladimir Putin shake hands"
		85, // same
		86, // "Russia’s regional power is weakening"
		87, // "close ties to Russia"
		88, // "Russia’s influence"
		89, // "Russia’s broader influence"
		90, // "because Russia is distracted"
		91, // "Russian President Vladimir Putin in Armenia"
		92, // "erosion of Russian influence"
		93, // "meant Putin is less and less able"
		94, // "“Russia is facing challenges"
		95, // "Russia’s war in Ukraine"
	}},
	{"UZB", []int{
		12, // "Azerbaijan, Georgia, and Uzbekistan have all left"
	}},
	{"AZE", []int{
		12, // "Azerbaijan, Georgia, and Uzbekistan"
		21, // "neighboring Azerbaijan"
	}},
	{"GEO", []int{
		12, // "Azerbaijan, Georgia, and Uzbekistan"
	}},
	{"UKR", []int{
		3,  // "since the invasion of Ukraine"
		6,  // "Russia invaded Ukraine"
		9,  // "his invasion of Ukraine"
		37, // "struggles in Ukraine"
		40, // "tank in Kharkiv Ukraine"
		41, // "A Ukrainian woman ... Ukraine’s Kharkiv region"
		62, // "except for Ukraine"
		71, // "its war in Ukraine"
		72, // "overrun Ukraine"
		78, // "the invasion of Ukraine"
		80, // "separatist republics in Ukraine"
		90, // "distracted by Ukraine"
		93, // "the invasion of Ukraine"
		94, // "its engagement in Ukraine"
		95, // "Russia’s war in Ukraine"
	}},
	{"TUR", []int{
		90, // "Turkey was increasing its influence"
	}},
	{"CHN", []int{
		89, // "with China strengthening its position"
	}},
	{"USA", []int{
		58, // "the US and other NATO countries"
		59, // "The US also continued"
		66, // "NATO, led by the US"
		82, // "closer ties with the US ... with the US" (not "defend us" in 77)
		90, // "the United States could exploit"
	}},
	{"TKM", nil}, // never named; only the region terms reach it
	{"NLD", []int{
		17, // "at the Catshuis, in The Hague, Netherlands"
	}},
}

// TestFor_SeedPrecisionRecall compares For(iso)'s direct matches with the
// hand-made lists above. Both precision and recall must be 1.
func TestFor_SeedPrecisionRecall(t *testing.T) {
	ix := seedIndex(t)
	var table strings.Builder
	fmt.Fprintf(&table, "\n%-4s %5s %5s %9s %6s\n", "ISO", "want", "got", "precision", "recall")
	for _, tc := range seedDirect {
		t.Run(tc.iso, func(t *testing.T) {
			var got []int
			for _, m := range ix.For(tc.iso) {
				if !m.Region {
					got = append(got, m.Passage.Index)
				}
			}
			p, r := precisionRecall(got, tc.want)
			fmt.Fprintf(&table, "%-4s %5d %5d %9.3f %6.3f\n", tc.iso, len(tc.want), len(got), p, r)
			assert.Equal(t, 1.0, p, "precision: got %v, want %v", got, tc.want)
			assert.Equal(t, 1.0, r, "recall: got %v, want %v", got, tc.want)
			assert.Equal(t, tc.want, nilIfEmpty(got), "direct matches in passage order")
		})
	}
	t.Log(table.String())
}

func nilIfEmpty(s []int) []int {
	if len(s) == 0 {
		return nil
	}
	return s
}

// precisionRecall treats an empty set as perfectly found.
func precisionRecall(got, want []int) (precision, recall float64) {
	hit := 0
	for _, g := range got {
		if slices.Contains(want, g) {
			hit++
		}
	}
	precision, recall = 1, 1
	if len(got) > 0 {
		precision = float64(hit) / float64(len(got))
	}
	if len(want) > 0 {
		recall = float64(hit) / float64(len(want))
	}
	return precision, recall
}

func TestFor_SeedRegional(t *testing.T) {
	ix := seedIndex(t)
	cases := []struct {
		name string
		iso  string
		want []int // regional passages, hand-made
	}{
		// "Soviet Union" 4, 28; "former Soviet states" 13, 62; "post-Soviet" 31;
		// "central Asia" 34; "central Asian" 58; "former Soviet countries ... USSR" 61;
		// "Central Asia’s" 89; "former Soviet space" 94.
		{"Turkmenistan is reached only by region terms", "TKM", []int{4, 13, 28, 31, 34, 58, 61, 62, 89, 94}},
		{"Kazakhstan: the same, none of them names it", "KAZ", []int{4, 13, 28, 31, 34, 58, 61, 62, 89, 94}},
		{"Russia: only 13 lacks a direct mention", "RUS", []int{13}},
		// Ukraine also gets "East European" (7); 62 and 94 name it directly.
		{"Ukraine", "UKR", []int{4, 7, 13, 28, 31, 61}},
		{"Turkey is in no region term of the seed", "TUR", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ms := ix.For(tc.iso)
			var regional []int
			seenRegional := false
			direct := map[int]bool{}
			for _, m := range ms {
				if m.Region {
					seenRegional = true
					regional = append(regional, m.Passage.Index)
					assert.False(t, direct[m.Passage.Index], "passage %d is both direct and regional", m.Passage.Index)
				} else {
					assert.False(t, seenRegional, "direct match after a regional one")
					direct[m.Passage.Index] = true
				}
			}
			assert.Equal(t, tc.want, regional)
		})
	}
	tkm := ix.For("TKM")
	require.Len(t, tkm, 10)
	assert.Equal(t, []string{"former Soviet countries", "USSR"}, tkm[6].Words)
	assert.Equal(t, []string{"central Asian"}, tkm[5].Words)
}

func TestFor_MatchFields(t *testing.T) {
	ix := seedIndex(t)
	cases := []struct {
		name  string
		iso   string
		index int
		words []string
		kind  passages.Kind
	}{
		{"possessive and place", "ARM", 24, []string{"Armenia", "Yerevan", "Armenia"}, passages.KindCaption},
		{"leader carries the misspelt caption", "KGZ", 47, []string{"Sadyr Japarov"}, passages.KindCaption},
		{"demonym and leader", "KAZ", 48, []string{"Kazakh", "Kassym-Jomart Tokayev"}, passages.KindCaption},
		{"longest alias wins", "RUS", 4, []string{"Russian", "Vladimir Putin"}, passages.KindParagraph},
		{"headline", "RUS", 0, []string{"Russia", "Putin"}, passages.KindHeadline},
		{"bullet", "UKR", 3, []string{"Ukraine"}, passages.KindBullet},
		{"heading", "RUS", 86, []string{"Russia"}, passages.KindHeading},
		{"places in a caption", "NLD", 17, []string{"Catshuis", "Hague", "Netherlands"}, passages.KindCaption},
		{"Kremlin and Moscow", "RUS", 47, []string{"Russian", "Vladimir Putin", "Kremlin", "Moscow", "Russia"}, passages.KindCaption},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var m *passages.Match
			for _, x := range ix.For(tc.iso) {
				if x.Passage.Index == tc.index {
					m = &x
					break
				}
			}
			require.NotNil(t, m, "no match for passage %d", tc.index)
			assert.Equal(t, tc.words, m.Words)
			assert.Equal(t, tc.kind, m.Passage.Kind)
			assert.Equal(t, "Russia NATO Equivalent Ineffective, Putin Looks Weak, Says Experts", m.Article.Title)
			assert.Equal(t, "Insider", m.Article.Publisher)
			require.Len(t, m.Spans, len(m.Words))
			for i, s := range m.Spans {
				assert.Equal(t, m.Words[i], m.Passage.Text[s[0]:s[1]])
			}
		})
	}
	assert.Nil(t, ix.For("ATA"), "no mention")
	assert.Nil(t, ix.For("nope"), "unknown code")
}

func TestIndex_AddRemoveArticles(t *testing.T) {
	al := seedAliases(t)
	ix := passages.NewIndex(al)
	seed := seedArticle(t)
	require.NoError(t, ix.Add(seed))
	require.ErrorContains(t, ix.Add(seed), "already in the index")
	require.Error(t, ix.Add(nil))
	require.ErrorContains(t, ix.Add(&passages.Article{}), "no ID")

	other, err := passages.ParseArticle(passages.Meta{ID: "other", Title: "Tajik News"},
		[]byte("Tajik News\n\nDushanbe hosted the talks.\n\nCentral Asia watched."))
	require.NoError(t, err)
	require.NoError(t, ix.Add(other))
	assert.Equal(t, []*passages.Article{seed, other}, ix.Articles())

	tjk := ix.For("TJK")
	assert.Equal(t, []int{11, 73, 75, 0, 1, 4, 13, 28, 31, 34, 58, 61, 62, 89, 94, 2}, indexes(tjk),
		"direct in article order (seed, then other), then regional in article order")
	assert.Equal(t, "other", tjk[3].Article.ID)

	assert.True(t, ix.Remove(seedID))
	assert.False(t, ix.Remove(seedID))
	assert.Equal(t, []*passages.Article{other}, ix.Articles())
	assert.Equal(t, []int{0, 1, 2}, indexes(ix.For("TJK")))
	require.NoError(t, ix.Add(seed), "a removed ID can be added again")
}

func TestIndex_NilAliases(t *testing.T) {
	ix := passages.NewIndex(nil)
	require.NoError(t, ix.Add(seedArticle(t)))
	assert.Nil(t, ix.For("RUS"))
	assert.NotEmpty(t, ix.Search("Russia"))
}

func TestIndex_Search(t *testing.T) {
	ix := seedIndex(t)
	cases := []struct {
		name  string
		query string
		want  []int
		words []string // words of the first match
	}{
		{"case-insensitive whole word", "kyrgyzstan", []int{11, 65}, []string{"Kyrgyzstan"}},
		{"not inside a longer word", "Kyrgyz", []int{48}, []string{"Kyrgyz"}},
		{"the misspelling is a word of its own", "yrgyz", []int{47}, []string{"yrgyz"}},
		{"us finds US and us", "us", []int{58, 59, 66, 77, 82}, []string{"US"}},
		{"phrase across words", "central asia", []int{34, 89}, []string{"central Asia"}},
		{"straight apostrophe finds curly", "Russia's", []int{5, 24, 37, 54, 61, 62, 69, 73, 78, 86, 88, 89, 95}, []string{"Russia’s"}},
		{"punctuation at the ends", "(CSTO)", []int{24, 25, 47, 84}, []string{"(CSTO)"}},
		{"space around is ignored", "  Dushanbe ", []int{75}, []string{"Dushanbe"}},
		{"no match", "Mongolia", nil, nil},
		{"empty", "   ", nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ms := ix.Search(tc.query)
			if tc.want == nil {
				assert.Empty(t, ms)
				return
			}
			assert.Equal(t, tc.want, indexes(ms))
			assert.Equal(t, tc.words, ms[0].Words)
			for _, m := range ms {
				assert.False(t, m.Region)
				for i, s := range m.Spans {
					assert.Equal(t, m.Words[i], m.Passage.Text[s[0]:s[1]])
				}
			}
		})
	}
}

func TestIndex_Concurrent(t *testing.T) {
	al := seedAliases(t)
	seed := seedArticle(t)
	ix := passages.NewIndex(al)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := *seed
			a.ID = fmt.Sprintf("copy-%d", i)
			assert.NoError(t, ix.Add(&a))
			_ = ix.For("RUS")
			_ = ix.Search("Putin")
			_ = ix.Articles()
			if i%2 == 0 {
				assert.True(t, ix.Remove(a.ID))
			}
		}()
	}
	wg.Wait()
	assert.Len(t, ix.Articles(), 4)
	assert.Len(t, ix.For("ARM"), 4*(14+7), "14 direct and 7 regional passages per copy")
}
