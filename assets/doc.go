// Package assets holds the data files that CSTO Map embeds: the Natural Earth
// country outlines (and the compact form generated from them) and the
// alliance timelines. Provenance and licences are recorded beside each file.
package assets
