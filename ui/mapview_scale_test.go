package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDeviceScale(t *testing.T) {
	for _, tc := range []struct {
		name  string
		w     int
		width float32
		want  float32
	}{
		{"whole", 874, 874, 1},
		{"rounded up", 874, 873.6, 1},
		{"rounded down", 873, 873.4, 1},
		{"HiDPI", 1748, 873.8, 2},
		{"Fyne's 1.35", 1180, 874, 1.35},
		{"odd scale kept", 1125, 1000, 1.125},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.InDelta(t, tc.want, deviceScale(tc.w, tc.width), 1e-6)
		})
	}
}
