package clock

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		value   string
		want    time.Time
		wantErr string
	}{
		{"2027-01-02", "1798848000", time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC), ""},
		{"epoch", "0", time.Unix(0, 0).UTC(), ""},
		{"surrounding space", " 1798848000\n", time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC), ""},
		{"not a number", "tomorrow", time.Time{}, `SOURCE_DATE_EPOCH="tomorrow" is not a number`},
		{"negative", "-1", time.Time{}, "is not a number of seconds"},
		{"fraction", "1.5", time.Time{}, "is not a number of seconds"},
		{"past year 9999", "253402300800", time.Time{}, "is not a number of seconds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := FromEnv(func(k string) string {
				require.Equal(t, EnvVar, k)
				return tt.value
			})
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.True(t, tt.want.Equal(c()), "got %v", c())
		})
	}
}

func TestFromEnvUnsetIsTheSystemClock(t *testing.T) {
	c, err := FromEnv(func(string) string { return "" })
	require.NoError(t, err)
	assert.WithinDuration(t, time.Now(), c(), time.Minute)
}
