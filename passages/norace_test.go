//go:build !race

package passages_test

// slowdown scales timing bounds; see race_test.go.
const slowdown = 1
