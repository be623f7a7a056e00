package timeline_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/assets"
	"cstomap/timeline"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestNamesTrueToTheEra(t *testing.T) {
	as, err := timeline.LoadFS(assets.Alliances, "alliances", testKnown)
	require.NoError(t, err)
	var csto, nato *timeline.Alliance
	for _, a := range as {
		switch a.ID {
		case "csto":
			csto = a
		case "nato":
			nato = a
		}
	}
	require.NotNil(t, csto)
	require.NotNil(t, nato)
	today := day("2026-11-27")

	tests := []struct {
		name      string
		a         *timeline.Alliance
		year      int
		states    string
		member    string
		statusISO string
		describe  string
	}{
		{"CST in 1995", csto, 1995, "Collective Security Treaty states", "party to the Collective Security Treaty", "ARM", "current party to the Collective Security Treaty, since 1992-05-15"},
		{"the Charter year counts as the CSTO (end of 2002)", csto, 2002, "CSTO member states", "CSTO member", "ARM", "current CSTO member, since 1992-05-15"},
		{"Azerbaijan left the treaty, not the CSTO", csto, 2010, "CSTO member states", "CSTO member", "AZE", "left the Collective Security Treaty on 1999-04-20"},
		{"Uzbekistan left the CSTO", csto, 2013, "CSTO member states", "CSTO member", "UZB", "former CSTO member, departed on 2012-12-19"},
		{"Azerbaijan in 1999, in the treaty era", csto, 1999, "Collective Security Treaty states", "party to the Collective Security Treaty", "AZE", "left the Collective Security Treaty on 1999-04-20"},
		{"Armenia threatening", csto, 2024, "CSTO member states", "CSTO member", "ARM", "CSTO member threatening to leave, since 2023-05-22"},
		{"NATO has one name", nato, 1960, "NATO member states", "NATO member", "FRA", "current NATO member, since 1949-04-04"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := tt.a.NameInYear(tt.year, today)
			assert.Equal(t, tt.states, n.States())
			assert.Equal(t, tt.member, n.Member())
			s, since := tt.a.StatusForYear(tt.statusISO, tt.year, today)
			assert.Equal(t, tt.describe, tt.a.Describe(s, since, tt.year, today))
		})
	}
	assert.Equal(t, "CSTO", csto.Latest().Short, "the switch keeps the current name")
	assert.Equal(t, "not a party to the Collective Security Treaty", csto.Describe(timeline.StatusNone, time.Time{}, 1995, today))
	assert.Equal(t, "not a CSTO member", csto.Describe(timeline.StatusNone, time.Time{}, 2020, today))
}

func TestNamesValidation(t *testing.T) {
	base := `{"id":"x","name":"New Org","short_name":"NO","first_year":1990,"names":%s,
	 "countries":[{"iso":"ARM","events":[{"date":"1995-01-01","status":"current","note":"Joins.","sources":["https://example.org/1"]}]}]}`
	tests := []struct {
		name, names, field string
		err                error
	}{
		{"dates out of order", `[{"from":"2000-01-01","name":"Old","short":"OT","form":"treaty"},{"from":"1999-01-01","name":"New Org","short":"NO","form":"organization","sources":["https://example.org/2"]}]`, "names[1].from", timeline.ErrInvalid},
		{"unknown form", `[{"from":"1990-01-01","name":"New Org","short":"NO","form":"club"}]`, "names[0].form", timeline.ErrInvalid},
		{"a rename needs a source", `[{"from":"1990-01-01","name":"Old","short":"OT","form":"treaty"},{"from":"2000-01-01","name":"New Org","short":"NO","form":"organization"}]`, "names[1].sources", timeline.ErrNoSource},
		{"newest must match the file's name", `[{"from":"1990-01-01","name":"Other","short":"NO","form":"organization"}]`, "names[0]", timeline.ErrInvalid},
		{"bad date", `[{"from":"1990-13-01","name":"New Org","short":"NO","form":"organization"}]`, "names[0].from", timeline.ErrBadDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := timeline.Parse("test.json", []byte(fmt.Sprintf(base, tt.names)), testKnown)
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.err)
			var te *timeline.Error
			require.ErrorAs(t, err, &te)
			assert.Equal(t, tt.field, te.Field)
		})
	}
}
