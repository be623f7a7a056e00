package events_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/assets"
	"cstomap/events"
	"cstomap/timeline"
)

func TestCheckSources(t *testing.T) {
	pol, err := timeline.ParsePolicy([]byte(`{"domains": [
	  {"domain": "rferl.org", "class": "news", "publisher": "RFE/RL", "reason": "r"},
	  {"domain": "britannica.com", "class": "reference", "publisher": "Britannica", "reason": "r"},
	  {"domain": "rt.com", "class": "unreliable", "publisher": "RT", "reason": "state media"}]}`))
	require.NoError(t, err)
	ev := func(id string, srcs ...string) events.Event {
		return events.Event{ID: id, File: "f.json", Sources: srcs}
	}
	cases := []struct {
		name  string
		ev    events.Event
		lines []string
	}{
		{"news source passes", ev("a", "https://www.rferl.org/a/1.html"), nil},
		{"subdomain of a listed domain passes", ev("a", "https://gandhara.rferl.org/a/1.html"), nil},
		{"unknown domain", ev("b", "https://example.org/x", "https://www.rferl.org/y"),
			[]string{"f.json\t-\t-\tevent b: sources[0]: domain not in the source policy: example.org: https://example.org/x"}},
		{"unreliable and reference only", ev("c", "https://www.rt.com/x", "https://www.britannica.com/y"),
			[]string{"f.json\t-\t-\tevent c: sources[0]: unreliable source: rt.com (state media): https://www.rt.com/x",
				"f.json\t-\t-\tevent c: no official, news or research source"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var lines []string
			for _, p := range events.CheckSources(pol, []events.Event{tc.ev}) {
				lines = append(lines, p.Line())
			}
			assert.Equal(t, tc.lines, lines)
		})
	}
}

// TestEmbeddedEventsMeetPolicy: every bundled event cites only domains the
// project's source policy (assets/sources.json) accepts, and at least one
// official, news or research source.
func TestEmbeddedEventsMeetPolicy(t *testing.T) {
	pol, err := timeline.ParsePolicy(assets.Sources)
	require.NoError(t, err)
	evs, err := events.LoadFS(assets.Events, "events", nil)
	require.NoError(t, err)
	for _, p := range events.CheckSources(pol, evs) {
		t.Error(p.Line())
	}
}
