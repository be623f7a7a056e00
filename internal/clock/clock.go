// Package clock is CSTO Map's one source of "now". The window, every
// command and the tests take a Clock instead of calling time.Now, so that
// "this year" is the same everywhere and can be pinned.
//
// It honours SOURCE_DATE_EPOCH, the reproducible-builds convention
// (https://reproducible-builds.org/specs/source-date-epoch/): when the
// variable is set, "now" is that many seconds after the Unix epoch, in UTC,
// so a user or a check can pin "today" and exports become reproducible.
// Go reads the system clock without libc, so faketime cannot do this.
package clock

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Clock returns the current time.
type Clock func() time.Time

// EnvVar is the environment variable that pins the clock.
const EnvVar = "SOURCE_DATE_EPOCH"

// System is the real clock.
func System() time.Time { return time.Now() }

// Fixed returns a clock that always says t.
func Fixed(t time.Time) Clock { return func() time.Time { return t } }

// FromEnv returns the clock the app runs with: fixed at SOURCE_DATE_EPOCH
// when getenv gives it a value, otherwise the system clock. A value that is
// not a whole number of seconds (0 or more, at most year 9999) is an error
// that names the variable and the value, as the convention asks: a build
// or check that sets it wants it honoured, not ignored.
func FromEnv(getenv func(string) string) (Clock, error) {
	v, ok := strings.TrimSpace(getenv(EnvVar)), getenv(EnvVar) != ""
	if !ok {
		return System, nil
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	const maxSecs = 253402300799 // 9999-12-31T23:59:59Z
	if err != nil || secs < 0 || secs > maxSecs {
		return nil, fmt.Errorf("%s=%q is not a number of seconds since 1970-01-01 (e.g. %d)", EnvVar, v, time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC).Unix())
	}
	return Fixed(time.Unix(secs, 0).UTC()), nil
}
