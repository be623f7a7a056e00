package passages_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/passages"
	"cstomap/seeds"
)

// TestParseArticle_SeedKinds pins the classification of every kept line of
// the seed, worked out by reading the page: its photo blocks are an image
// description (alt text, often without a final period) plus a caption and
// usually a credit; descriptions identical to their caption are kept once.
func TestParseArticle_SeedKinds(t *testing.T) {
	want := []struct {
		kind   passages.Kind
		prefix string
	}{
		{passages.KindHeadline, "Russia NATO Equivalent Ineffective, Putin"},       // 0
		{passages.KindBullet, "• Russia has its own"},                              // 1
		{passages.KindBullet, "• But experts told Insider"},                        // 2
		{passages.KindBullet, "• The CSTO has only"},                               // 3
		{passages.KindParagraph, "In 2002, Russian President Vladimir"},            // 4
		{passages.KindParagraph, "His goal, experts told Insider,"},                // 5
		{passages.KindParagraph, "But the Collective Security Treaty"},             // 6
		{passages.KindParagraph, "“I don’t think it ever"},                         // 7
		{passages.KindHeading, "Putin wanted his own version"},                     // 8
		{passages.KindParagraph, "Putin has long viewed NATO"},                     // 9
		{passages.KindParagraph, "Experts say the CSTO is"},                        // 10
		{passages.KindParagraph, "The alliance is currently made"},                 // 11
		{passages.KindParagraph, "The alliance has also lost"},                     // 12
		{passages.KindParagraph, "Alexander Cooley, an expert on"},                 // 13
		{passages.KindParagraph, "But he said the alliance"},                       // 14
		{passages.KindParagraph, "“The status of it rises"},                        // 15
		{passages.KindCaption, "NATO leaders stand in front"},                      // 16
		{passages.KindCaption, "World leaders attend a press"},                     // 17
		{passages.KindParagraph, "The CSTO is supposed to"},                        // 18
		{passages.KindParagraph, "The CSTO “wants to say"},                         // 19
		{passages.KindParagraph, "The alliance has “kind of"},                      // 20
		{passages.KindParagraph, "Last year, Armenia called on"},                   // 21
		{passages.KindParagraph, "Prime Minister Nikol Pashinyan called"},          // 22
		{passages.KindParagraph, "He also physically distanced himself"},           // 23
		{passages.KindCaption, "Armenia's prime minister and Russia's"},            // 24
		{passages.KindCaption, "Collective Security Treaty Organization (CSTO)"},   // 25
		{passages.KindParagraph, "In May, he said Armenia"},                        // 26
		{passages.KindHeading, "Putin’s failed efforts to project"},                // 27
		{passages.KindParagraph, "According to Cooley, the CSTO"},                  // 28
		{passages.KindParagraph, "Russia leading organizations like the"},          // 29
		{passages.KindParagraph, "But it’s also about control."},                   // 30
		{passages.KindParagraph, "The CSTO is for Moscow"},                         // 31
		{passages.KindCaption, "Russian President Vladimir Putin."},                // 32
		{passages.KindParagraph, "Graham said the CSTO also"},                      // 33
		{passages.KindParagraph, "Putin wants to repel Western"},                   // 34
		{passages.KindParagraph, "But the problem with forming"},                   // 35
		{passages.KindHeading, "Making Putin look weak"},                           // 36
		{passages.KindParagraph, "Member complaints and Russia’s struggles"},       // 37
		{passages.KindParagraph, "Cooley said the alliance has"},                   // 38
		{passages.KindParagraph, "He added that though the"},                       // 39
		{passages.KindCaption, "Destroyed Russian tank in Kharkiv"},                // 40
		{passages.KindCaption, "A Ukrainian woman on a"},                           // 41
		{passages.KindParagraph, "Russia wants to look strong,"},                   // 42
		{passages.KindParagraph, "Graham gave the most damning"},                   // 43
		{passages.KindHeading, "CSTO has failed to achieve"},                       // 44
		{passages.KindParagraph, "CSTO members have asked the"},                    // 45
		{passages.KindParagraph, "Cooley pointed to the CSTO"},                     // 46
		{passages.KindCaption, "yrgyz President Sadyr Japarov, CSTO"},              // 47
		{passages.KindCaption, "Kyrgyz President Sadyr Japarov, CSTO"},             // 48
		{passages.KindParagraph, "Cooley said this shows how"},                     // 49
		{passages.KindParagraph, "“It aspires to be an"},                           // 50
		{passages.KindParagraph, "It also shows how the"},                          // 51
		{passages.KindParagraph, "The one time the CSTO"},                          // 52
		{passages.KindParagraph, "The riots ended shortly after,"},                 // 53
		{passages.KindParagraph, "Cooley said Russia’s actions were"},              // 54
		{passages.KindCaption, "Soldiers stand in a row"},                          // 55
		{passages.KindCaption, "Russian peacekeepers leave a military"},            // 56
		{passages.KindParagraph, "Cooley said the CSTO hasn’t"},                    // 57
		{passages.KindParagraph, "He noted that “the US"},                          // 58
		{passages.KindParagraph, "The US also continued to"},                       // 59
		{passages.KindHeading, "Most CSTO members are militarily"},                 // 60
		{passages.KindParagraph, "The CSTO was born out"},                          // 61
		{passages.KindParagraph, "While most former Soviet states"},                // 62
		{passages.KindParagraph, "But part of its struggles"},                      // 63
		{passages.KindCaption, "A solider fires a portable"},                       // 64
		{passages.KindCaption, "A Kyrgyzstan soldier during joint"},                // 65
		{passages.KindParagraph, "NATO, led by the US,"},                           // 66
		{passages.KindParagraph, "When it comes to the"},                           // 67
		{passages.KindParagraph, "Cooley also questioned how much"},                // 68
		{passages.KindParagraph, "He said Russia’s control is"},                    // 69
		{passages.KindHeading, "But it looks more splintered"},                     // 70
		{passages.KindParagraph, "Even so, the alliance has"},                      // 71
		{passages.KindParagraph, "CSTO country leaders have committed"},            // 72
		{passages.KindParagraph, "This includes Tajikistan’s president demanding"}, // 73
		{passages.KindCaption, "CSTO leaders sit around a"},                        // 74
		{passages.KindCaption, "A meeting of the Collective"},                      // 75
		{passages.KindParagraph, "When it comes to Armenia,"},                      // 76
		{passages.KindParagraph, "“He’s just calling things out"},                  // 77
		{passages.KindParagraph, "Experts previously told Insider the"},            // 78
		{passages.KindParagraph, "“I think [the CSTO’s] weaknesses"},               // 79
		{passages.KindParagraph, "He also said that members"},                      // 80
		{passages.KindParagraph, "Cooley said those comments were"},                // 81
		{passages.KindParagraph, "He also said that CSTO"},                         // 82
		{passages.KindParagraph, "But this just shows how"},                        // 83
		{passages.KindCaption, "Armenian Prime Minister Nikol Pashinyan"},          // 84
		{passages.KindCaption, "Armenian Prime Minister Nikol Pashinyan"},          // 85
		{passages.KindHeading, "Russia’s regional power is weakening"},             // 86
		{passages.KindParagraph, "CSTO countries have close ties"},                 // 87
		{passages.KindParagraph, "But changes in the region"},                      // 88
		{passages.KindParagraph, "Central Asia’s “dynamics are changing,”"},        // 89
		{passages.KindParagraph, "He also said Turkey was"},                        // 90
		{passages.KindCaption, "Russian President Vladimir Putin in"},              // 91
		{passages.KindParagraph, "“You’re seeing the slow erosion"},                // 92
		{passages.KindParagraph, "Graham also said the invasion"},                  // 93
		{passages.KindParagraph, "“Russia is facing challenges across"},            // 94
		{passages.KindParagraph, "Russia’s war in Ukraine, in"},                    // 95
	}
	a := seedArticle(t)
	require.Len(t, a.Passages, len(want))
	for i, w := range want {
		p := a.Passages[i]
		assert.Equal(t, i, p.Index, "passage %d", i)
		assert.Equal(t, w.kind, p.Kind, "passage %d %q", i, p.Text)
		assert.True(t, strings.HasPrefix(p.Text, w.prefix), "passage %d is %q, want it to start with %q", i, p.Text, w.prefix)
	}
}

// creditsAndBoilerplate are the seed's lines that must never be passages.
var creditsAndBoilerplate = []string{
	"REUTERS/Piroschka van de Wouw",
	"KAREN MINASYAN / AFP via Getty Images; Insider",
	"Contributor/Getty Images",
	"Russian Defense Ministry Press Service via AP",
	"AP Photo/Vladimir Voronin",
	"Russian Foreign Ministry Press Service via AP)",
	"Hayk Baghdasaryan/Photolure via REUTERS",
	"Source link",
	"We will be happy to hear your thoughts",
	"Leave a reply",
}

func TestParseArticle_SeedDropsCreditsAndBoilerplate(t *testing.T) {
	raw, err := seeds.Text(seedID)
	require.NoError(t, err)
	lines := map[string]bool{}
	for _, l := range strings.Split(string(raw), "\n") {
		lines[strings.TrimSpace(l)] = true
	}
	for _, l := range creditsAndBoilerplate {
		require.True(t, lines[l], "%q must be a real line of the seed", l)
	}
	for _, p := range seedArticle(t).Passages {
		for _, l := range creditsAndBoilerplate {
			assert.NotEqual(t, l, p.Text, "passage %d", p.Index)
			assert.NotContains(t, p.Text, l, "passage %d", p.Index)
		}
	}
}

// TestParseArticle_SeedTextVerbatim checks that every passage is a line of
// the file with only surrounding white space trimmed, in file order.
func TestParseArticle_SeedTextVerbatim(t *testing.T) {
	raw, err := seeds.Text(seedID)
	require.NoError(t, err)
	var lines []string
	for _, l := range strings.Split(string(raw), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	at := 0
	for _, p := range seedArticle(t).Passages {
		for at < len(lines) && lines[at] != p.Text {
			at++
		}
		require.Less(t, at, len(lines), "passage %d %q is not a later line of the file", p.Index, p.Text)
		at++
	}
	a := seedArticle(t)
	assert.True(t, strings.HasPrefix(a.Passages[47].Text, "yrgyz President Sadyr Japarov,"), "typos stay")
	assert.Equal(t, "Putin’s failed efforts to project power", a.Passages[27].Text, "the trailing no-break space is trimmed")
}

func TestParseArticle_Rules(t *testing.T) {
	cases := []struct {
		name  string
		title string
		text  string
		want  []passages.Passage
	}{
		{
			name: "headline, bullets, heading, paragraph",
			text: "Big News Today\n\n• First point.\n\n• Second point.\n\nA short heading\n\nA paragraph ends here.\n",
			want: []passages.Passage{
				{Index: 0, Kind: passages.KindHeadline, Text: "Big News Today"},
				{Index: 1, Kind: passages.KindBullet, Text: "• First point."},
				{Index: 2, Kind: passages.KindBullet, Text: "• Second point."},
				{Index: 3, Kind: passages.KindHeading, Text: "A short heading"},
				{Index: 4, Kind: passages.KindParagraph, Text: "A paragraph ends here."},
			},
		},
		{
			name: "first line with a period is a paragraph unless it is the title",
			text: "It began in May.\n\nThen it went on.",
			want: []passages.Passage{
				{Index: 0, Kind: passages.KindParagraph, Text: "It began in May."},
				{Index: 1, Kind: passages.KindParagraph, Text: "Then it went on."},
			},
		},
		{
			name:  "first line equal to the title is the headline",
			title: "It began in May.",
			text:  "It began in May.\n\nThen it went on.",
			want: []passages.Passage{
				{Index: 0, Kind: passages.KindHeadline, Text: "It began in May."},
				{Index: 1, Kind: passages.KindParagraph, Text: "Then it went on."},
			},
		},
		{
			name: "photo block with credit: description, caption, credit",
			text: "Title\n\nBody one.\n\nSoldiers stand in a row\n\nTroops leave in January 2022.\n\nAP Photo/Someone\n\nBody two.",
			want: []passages.Passage{
				{Index: 0, Kind: passages.KindHeadline, Text: "Title"},
				{Index: 1, Kind: passages.KindParagraph, Text: "Body one."},
				{Index: 2, Kind: passages.KindCaption, Text: "Soldiers stand in a row"},
				{Index: 3, Kind: passages.KindCaption, Text: "Troops leave in January 2022."},
				{Index: 4, Kind: passages.KindParagraph, Text: "Body two."},
			},
		},
		{
			name: "a sentence before a caption and credit stays a paragraph",
			text: "Title\n\nThe talks failed in Minsk yesterday.\n\nLeaders meet in Astana in 2023.\n\nREUTERS\n\nBody.",
			want: []passages.Passage{
				{Index: 0, Kind: passages.KindHeadline, Text: "Title"},
				{Index: 1, Kind: passages.KindParagraph, Text: "The talks failed in Minsk yesterday."},
				{Index: 2, Kind: passages.KindCaption, Text: "Leaders meet in Astana in 2023."},
				{Index: 3, Kind: passages.KindParagraph, Text: "Body."},
			},
		},
		{
			name: "photo block without credit, then a double gap; repeated description kept once",
			text: "Title\n\nBody.\n\nPresident Putin.\n\nPresident Putin.\n\n\nDestroyed tank near Kharkiv\n\nA destroyed tank near the city of Kharkiv.\n\n\nMore body.",
			want: []passages.Passage{
				{Index: 0, Kind: passages.KindHeadline, Text: "Title"},
				{Index: 1, Kind: passages.KindParagraph, Text: "Body."},
				{Index: 2, Kind: passages.KindCaption, Text: "President Putin."},
				{Index: 3, Kind: passages.KindCaption, Text: "Destroyed tank near Kharkiv"},
				{Index: 4, Kind: passages.KindCaption, Text: "A destroyed tank near the city of Kharkiv."},
				{Index: 5, Kind: passages.KindParagraph, Text: "More body."},
			},
		},
		{
			name: "heading and paragraph before a double gap stay heading and paragraph",
			text: "Title\n\nPutin wanted his own version of NATO\n\nPutin has long viewed NATO as a threat.\n\n\nNext.",
			want: []passages.Passage{
				{Index: 0, Kind: passages.KindHeadline, Text: "Title"},
				{Index: 1, Kind: passages.KindHeading, Text: "Putin wanted his own version of NATO"},
				{Index: 2, Kind: passages.KindParagraph, Text: "Putin has long viewed NATO as a threat."},
				{Index: 3, Kind: passages.KindParagraph, Text: "Next."},
			},
		},
		{
			name: "boilerplate cuts the rest; CRLF, BOM and surrounding spaces",
			text: "\uFEFFTitle\r\n\r\n  Body.\u00A0 \r\n\r\nSource link\r\n\r\nMore text after the page.\r\n",
			want: []passages.Passage{
				{Index: 0, Kind: passages.KindHeadline, Text: "Title"},
				{Index: 1, Kind: passages.KindParagraph, Text: "Body."},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := passages.ParseArticle(passages.Meta{ID: "x", Title: tc.title}, []byte(tc.text))
			require.NoError(t, err)
			assert.Equal(t, tc.want, a.Passages)
			assert.Equal(t, "x", a.ID)
		})
	}
}

func TestParseArticle_Refusals(t *testing.T) {
	cases := []struct {
		name string
		text string
		want error
	}{
		{"empty", "", passages.ErrEmpty},
		{"white space", " \n\t\n", passages.ErrEmpty},
		{"only boilerplate", "Leave a reply\nanything", passages.ErrEmpty},
		{"NUL byte", "Title\x00", passages.ErrNotText},
		{"invalid UTF-8", "Title \xff\xfe", passages.ErrNotText},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := passages.ParseArticle(passages.Meta{ID: "x"}, []byte(tc.text))
			require.ErrorIs(t, err, tc.want)
			assert.True(t, strings.HasPrefix(err.Error(), "passages: "), err.Error())
		})
	}
}
