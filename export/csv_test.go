package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"testing"

	"github.com/paulmach/orb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/geo"
	"cstomap/timeline"
)

// TestStatusRows: one row per country with a status and year, in year then
// ISO order, as Statuses with the territories rule gives them.
func TestStatusRows(t *testing.T) {
	w, as := load(t)
	a := as["nato"]
	rows := StatusRows(a, 1949, 2026, today, func(int) *geo.World { return w })
	n := 0
	for y := 1949; y <= 2026; y++ {
		want := a.StatusesVia(y, today, w.Territories())
		got := rows[n : n+len(want)]
		for i, e := range want {
			assert.Equal(t, StatusRow{"nato", y, e.ISO, w.Name(e.ISO), e.Status, e.Since.Format("2006-01-02"), e.Via}, got[i])
		}
		n += len(want)
	}
	assert.Len(t, rows, n)
	assert.Equal(t, StatusRow{"nato", 1949, "ABW", "Aruba", timeline.StatusCurrent, "1949-04-04", "NLD"}, rows[0])

	// Without outlines: no names, no territories.
	bare := StatusRows(a, 2024, 2024, today, nil)
	assert.Len(t, bare, 32)
	assert.Empty(t, bare[0].Name)
	assert.Empty(t, StatusRows(a, 2024, 2023, today, nil), "backwards")
}

// TestStatusRowsWorldPerYear: the names and territories come from each
// year's outlines.
func TestStatusRowsWorldPerYear(t *testing.T) {
	_, as := load(t)
	sq := orb.MultiPolygon{{{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}}}
	early, err := geo.NewWorld([]geo.Country{{ISO: "DNK", Name: "Denmark (early)", Geometry: sq}})
	require.NoError(t, err)
	late, err := geo.NewWorld([]geo.Country{{ISO: "DNK", Name: "Denmark", Geometry: sq}, {ISO: "GRL", Name: "Greenland", Sovereign: "DNK", Geometry: sq}})
	require.NoError(t, err)
	var asked []int
	rows := StatusRows(as["nato"], 1950, 1951, today, func(y int) *geo.World {
		asked = append(asked, y)
		if y == 1950 {
			return early
		}
		return late
	})
	assert.Equal(t, []int{1950, 1951}, asked)
	var got []string
	for _, r := range rows {
		if r.ISO == "DNK" || r.ISO == "GRL" {
			got = append(got, strconv.Itoa(r.Year)+" "+r.ISO+" "+r.Name+" "+r.Via)
		}
	}
	assert.Equal(t, []string{"1950 DNK Denmark (early) ", "1951 DNK Denmark ", "1951 GRL Greenland DNK"}, got)
}

// TestWriteStatusCSV: a header, then one record per row, quoted where a
// field needs it, read back the same by encoding/csv.
func TestWriteStatusCSV(t *testing.T) {
	rows := []StatusRow{
		{"csto", 2024, "ARM", "Armenia", timeline.StatusThreatening, "2023-05-22", ""},
		{"nato", 2024, "XXA", `Bosnia, "and" Herz.`, timeline.StatusCurrent, "1999-03-12", "DNK"},
	}
	var b bytes.Buffer
	require.NoError(t, WriteStatusCSV(&b, rows))
	assert.Equal(t, "alliance,year,iso,name,status,since,via\n"+
		"csto,2024,ARM,Armenia,threatening,2023-05-22,\n"+
		`nato,2024,XXA,"Bosnia, ""and"" Herz.",current,1999-03-12,DNK`+"\n", b.String())
	recs, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 3)
	assert.Equal(t, StatusColumns, recs[0])
	assert.Equal(t, `Bosnia, "and" Herz.`, recs[2][3])

	b.Reset()
	require.NoError(t, WriteStatusCSV(&b, nil))
	assert.Equal(t, "alliance,year,iso,name,status,since,via\n", b.String())
}

// TestWriteStatusJSON: the same columns as keys, "year" a number.
func TestWriteStatusJSON(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteStatusJSON(&b, []StatusRow{{"nato", 2024, "GRL", "Greenland", timeline.StatusCurrent, "1949-04-04", "DNK"}}))
	var got []map[string]any
	require.NoError(t, json.Unmarshal(b.Bytes(), &got))
	assert.Equal(t, []map[string]any{{"alliance": "nato", "year": float64(2024), "iso": "GRL", "name": "Greenland",
		"status": "current", "since": "1949-04-04", "via": "DNK"}}, got)
	b.Reset()
	require.NoError(t, WriteStatusJSON(&b, nil))
	assert.Equal(t, "[]\n", b.String())
}
