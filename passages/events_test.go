package passages_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/assets"
	"cstomap/events"
	"cstomap/passages"
)

var eventsToday = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)

func seedEvents(t testing.TB) map[string]*events.Event {
	t.Helper()
	codes := knownISO(t)
	evs, err := events.LoadFS(assets.Events, "events", func(iso string) bool { return codes[iso] })
	require.NoError(t, err)
	out := map[string]*events.Event{}
	for i := range evs {
		out[evs[i].ID] = &evs[i]
	}
	return out
}

func linkTexts(ls []passages.EventLink) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Passage.Text)
	}
	return out
}

// The seed article's passages link to the events they speak of, by
// country, time and the kind's words; passage numbers as in
// TestParseArticle_SeedKinds.
func TestForEventSeed(t *testing.T) {
	ix := seedIndex(t)
	evs := seedEvents(t)
	for _, tc := range []struct {
		id   string
		want []int
	}{
		// "The one time the CSTO did intervene was in January 2022, when
		// it sent a small force into Kazakhstan at the government's
		// request"; "Russian peacekeepers leave ... the withdrawal of
		// troops from Kazakhstan in January 2022."
		{"kaz-2022-01-deployment", []int{52, 56}},
		// The first of the two asks for it: "at the government's request".
		{"kaz-2022-01-request", []int{52}},
		// "Last year, Armenia called on the CSTO for help during border
		// clashes" (published 2023); "when Armenia recently asked for
		// help".
		{"arm-2022-09-request", []int{21, 46}},
		// "Last year" is 2022, not 2021.
		{"arm-2021-05-request", []int{}},
		// "CSTO leaders in Yerevan, Armenia, on November 23, 2022" is not
		// about a September request, nor about the Gyumri base.
		{"ru-gyumri-102-base", []int{}},
		// The Dushanbe meeting of September 2021 is not about the base
		// there, nor about the April 2021 clash.
		{"ru-201-base", []int{}},
		{"kgz-tjk-2021-04-clash", []int{}},
		{"kgz-2010-osh-request", []int{}},
	} {
		e := evs[tc.id]
		require.NotNil(t, e, tc.id)
		got := ix.ForEvent(e, eventsToday)
		var idx []int
		for _, l := range got {
			idx = append(idx, l.Passage.Index)
		}
		if len(tc.want) == 0 {
			assert.Empty(t, idx, "%s: %q", tc.id, linkTexts(got))
			continue
		}
		assert.Equal(t, tc.want, idx, "%s: %q", tc.id, linkTexts(got))
	}
}

// The January 2022 Kazakhstan passage links to the deployment, with its
// reasons and the linking words marked.
func TestForEventKazakhstanPassage(t *testing.T) {
	ix := seedIndex(t)
	got := ix.ForEvent(seedEvents(t)["kaz-2022-01-deployment"], eventsToday)
	require.NotEmpty(t, got)
	l := got[0]
	assert.True(t, strings.HasPrefix(l.Passage.Text, "The one time the CSTO did intervene was in January 2022"))
	assert.Contains(t, l.Reasons, "names Kazakhstan")
	assert.Contains(t, l.Reasons, "says January 2022")
	assert.Contains(t, l.Words, "January 2022")
	assert.Contains(t, l.Words, "intervene")
	require.Len(t, l.Words, len(l.Spans))
	for i, s := range l.Spans {
		assert.Equal(t, l.Words[i], l.Passage.Text[s[0]:s[1]])
		if i > 0 {
			assert.GreaterOrEqual(t, s[0], l.Spans[i-1][1], "sorted, not overlapping")
		}
	}
}

func TestForEventArmeniaPassage(t *testing.T) {
	ix := seedIndex(t)
	got := ix.ForEvent(seedEvents(t)["arm-2022-09-request"], eventsToday)
	require.Len(t, got, 2)
	assert.True(t, strings.HasPrefix(got[0].Passage.Text, "Last year, Armenia called on the CSTO for help"))
	assert.Contains(t, got[0].Reasons, "says Last year (published 2023)")
	assert.Contains(t, got[1].Words, "recently")
}

// A made-up article checks the month rule and the year range of a lasting
// event.
func TestForEventRules(t *testing.T) {
	ix := passages.NewIndex(seedAliases(t))
	text := "Headline about the region\n\n" +
		"Kazakhstan said in April 2022 that it would not send troops anywhere.\n\n" +
		"In 2003 Russia opened an air base in Kyrgyzstan, at Kant.\n\n" +
		"Kyrgyzstan's base at Kant was still in use in 2024.\n\n" +
		"Kyrgyzstan held an election in 2024.\n"
	a, err := passages.ParseArticle(passages.Meta{ID: "t", Title: "Headline about the region", Published: "2025"}, []byte(text))
	require.NoError(t, err)
	require.NoError(t, ix.Add(a))
	evs := seedEvents(t)
	assert.Empty(t, ix.ForEvent(evs["kaz-2022-01-deployment"], eventsToday), "April is not January")
	// The base opened on 23 October 2003 and is open: passages of 2003
	// and 2024 that name Kyrgyzstan and say "base" speak of it, the
	// election does not.
	kant := ix.ForEvent(evs["ru-kant-base"], eventsToday)
	require.Len(t, kant, 2, "%q", linkTexts(kant))
	assert.Contains(t, kant[0].Passage.Text, "In 2003")
	assert.Contains(t, kant[1].Passage.Text, "still in use in 2024")
	assert.Contains(t, kant[1].Reasons, "names Kant")
	// The US base at Manas closed in 2014.
	assert.Empty(t, ix.ForEvent(evs["us-manas-base"], eventsToday), "%q", linkTexts(ix.ForEvent(evs["us-manas-base"], eventsToday)))
	assert.Equal(t, 2025, passages.PublishedYear(a.Meta))
	assert.Equal(t, 0, passages.PublishedYear(passages.Meta{Published: "summer"}))
}

// FuzzForEvent links made-up articles to the bundled events: whatever the
// text, every link's words are its spans' text, sorted and apart, and it
// gives reasons. Run with: go test -run=^$ -fuzz=^FuzzForEvent$ -fuzztime=60s ./passages/
func FuzzForEvent(f *testing.F) {
	f.Add("Headline\n\nThe one time the CSTO did intervene was in January 2022, when it sent a small force into Kazakhstan.", "summer 2023")
	f.Add("Headline\n\nLast year, Armenia called on the CSTO for help during border clashes.", "2023")
	f.Add("Headline\n\nIn May, 16, 2022 Kyrgyzstan's base at Kant; recently Tajikistan clashed.", "")
	evs := seedEvents(f)
	al := seedAliases(f)
	f.Fuzz(func(t *testing.T, text, published string) {
		a, err := passages.ParseArticle(passages.Meta{ID: "f", Title: "Headline", Published: published}, []byte(text))
		if err != nil {
			return
		}
		ix := passages.NewIndex(al)
		require.NoError(t, ix.Add(a))
		for _, e := range evs {
			for _, l := range ix.ForEvent(e, eventsToday) {
				require.NotEmpty(t, l.Reasons)
				require.Len(t, l.Words, len(l.Spans))
				for i, s := range l.Spans {
					require.Equal(t, l.Words[i], l.Passage.Text[s[0]:s[1]])
					if i > 0 {
						require.GreaterOrEqual(t, s[0], l.Spans[i-1][1])
					}
				}
			}
		}
	})
}
