package cli

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func run(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = Run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestWhich(t *testing.T) {
	cases := []struct {
		name       string
		args       []string
		code       int
		out, inErr string
	}{
		{"Washington with a negative longitude", []string{"which", "-77.04", "38.91"}, 0, "USA\tUnited States of America\n", ""},
		{"Yerevan", []string{"which", "44.5126", "40.1776"}, 0, "ARM\tArmenia\n", ""},
		{"Simferopol is Ukraine", []string{"which", "34.1024", "44.9521"}, 0, "UKR\tUkraine\n", ""},
		{"Chukotka east of 180", []string{"which", "-173.23", "64.42"}, 0, "RUS\tRussia\n", ""},
		{"Black Sea", []string{"which", "34", "43"}, 1, "", ""},
		{"not a number", []string{"which", "abc", "40"}, 2, "", "longitude \"abc\" is not a number"},
		{"NaN", []string{"which", "NaN", "40"}, 2, "", "is not a number"},
		{"latitude out of range", []string{"which", "10", "91"}, 2, "", "latitude 91 is outside ±90"},
		{"longitude out of range", []string{"which", "-181", "10"}, 2, "", "longitude -181 is outside ±180"},
		{"too few", []string{"which", "10"}, 2, "", "want 2 arguments"},
		{"too many", []string{"which", "1", "2", "3"}, 2, "", "want 2 arguments"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(tc.args...)
			assert.Equal(t, tc.code, code)
			assert.Equal(t, tc.out, out)
			assert.Contains(t, errOut, tc.inErr)
		})
	}
}

func TestUsage(t *testing.T) {
	code, _, errOut := run("bogus")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "cstomap which LON LAT")
	code, out, _ := run("help")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "cstomap export")
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}
