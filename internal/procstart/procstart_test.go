package procstart

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStartTicks(t *testing.T) {
	tail := " S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 %s 20 21\n"
	cases := []struct {
		name string
		stat string
		want uint64
		err  bool
	}{
		{name: "plain", stat: "42 (cstomap)" + fmt.Sprintf(tail, "12345"), want: 12345},
		{name: "name with spaces and parentheses", stat: "42 (a) b (c))" + fmt.Sprintf(tail, "777"), want: 777},
		{name: "no parenthesis", stat: "42 cstomap S 1", err: true},
		{name: "too few fields", stat: "42 (x) S 1 2 3", err: true},
		{name: "not a number", stat: "42 (x)" + fmt.Sprintf(tail, "-5"), err: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := startTicks([]byte(tc.stat))
			if tc.err {
				assert.ErrorIs(t, err, ErrFormat)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestTimeIsRecent checks the start of the test binary itself: before now,
// and not long before (a test binary starts in well under a minute).
func TestTimeIsRecent(t *testing.T) {
	start, err := Time()
	require.NoError(t, err)
	age := time.Since(start)
	assert.Greater(t, age, time.Duration(0))
	assert.Less(t, age, time.Minute)
}
