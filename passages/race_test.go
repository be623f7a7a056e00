//go:build race

package passages_test

// slowdown: the race detector makes code 5 to 20 times slower, so
// timing bounds are scaled by slowdown.
const slowdown = 20
