// Package procstart tells when the current process was started by the
// kernel, so that start-up can be measured from launch (runtime and package
// initialisation included) rather than from main.
package procstart

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"golang.org/x/sys/unix"
)

// clockTicks is the unit of /proc/PID/stat's start time. The kernel exports
// it as USER_HZ, which is 100 on every Linux architecture Go supports.
const clockTicks = 100

// ErrFormat is returned when /proc/self/stat cannot be parsed.
var ErrFormat = errors.New("procstart: unexpected /proc/self/stat format")

// Time returns the wall-clock time at which the process started, to within
// 1/100 s. It fails where there is no /proc (not Linux); callers then fall
// back to time.Now.
func Time() (time.Time, error) {
	stat, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return time.Time{}, fmt.Errorf("procstart: %w", err)
	}
	var up unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_BOOTTIME, &up); err != nil {
		return time.Time{}, fmt.Errorf("procstart: boot clock: %w", err)
	}
	now := time.Now()
	ticks, err := startTicks(stat)
	if err != nil {
		return time.Time{}, err
	}
	sinceBoot := time.Duration(ticks) * time.Second / clockTicks
	return now.Add(sinceBoot - time.Duration(up.Nano())), nil
}

// OrNow returns Time, or time.Now when the start time is unknown.
func OrNow() time.Time {
	if t, err := Time(); err == nil {
		return t
	}
	return time.Now()
}

// startTicks returns field 22 (starttime, in clock ticks after boot) of a
// /proc/PID/stat line. The command name (field 2) is in parentheses and may
// itself hold spaces and parentheses, so fields are counted from the last ')'.
func startTicks(stat []byte) (uint64, error) {
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return 0, ErrFormat
	}
	f := bytes.Fields(stat[i+1:])
	// f[0] is field 3 (state), so field 22 is f[19].
	if len(f) < 20 {
		return 0, ErrFormat
	}
	v, err := strconv.ParseUint(string(f[19]), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%w: starttime %q", ErrFormat, f[19])
	}
	return v, nil
}
