// Package seeds holds the articles CSTO Map bundles, their metadata, and the
// alias data that links passages to countries. Provenance is in README.md.
package seeds

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"cstomap/passages"
)

// files holds each bundled article as NNN_<id>.txt with its metadata in
// NNN_<id>.json, and aliases.json.
//
//go:embed *.txt *.json
var files embed.FS

// Sidecar is the JSON metadata file next to a bundled article: the
// article's [passages.Meta] plus the SHA-256 of the text file, in hex.
type Sidecar struct {
	passages.Meta
	// SHA256 is the hex SHA-256 of the article's .txt file.
	SHA256 string `json:"sha256"`
}

// Articles parses and returns the bundled articles, ordered by file name.
// Each call parses them anew, so callers may keep or modify the result. An
// error means the bundle itself is broken (a missing or invalid sidecar, or
// an ID that differs from the file name).
func Articles() ([]*passages.Article, error) {
	names, err := fs.Glob(files, "*.txt")
	if err != nil {
		return nil, fmt.Errorf("seeds: %w", err)
	}
	slices.Sort(names)
	out := make([]*passages.Article, 0, len(names))
	for _, name := range names {
		id := strings.TrimSuffix(name, path.Ext(name))
		sc, err := ReadSidecar(id)
		if err != nil {
			return nil, err
		}
		text, err := files.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("seeds: %w", err)
		}
		a, err := passages.ParseArticle(sc.Meta, text)
		if err != nil {
			return nil, fmt.Errorf("seeds: %s: %w", name, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// ReadSidecar returns the metadata of the bundled article id (the text
// file's name without ".txt"). Unknown JSON fields are an error, and so is
// an "id" field that differs from id.
func ReadSidecar(id string) (Sidecar, error) {
	var sc Sidecar
	data, err := files.ReadFile(id + ".json")
	if err != nil {
		return sc, fmt.Errorf("seeds: metadata of %s: %w", id, err)
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&sc); err != nil {
		return sc, fmt.Errorf("seeds: metadata of %s: %w", id, err)
	}
	if sc.ID != id {
		return sc, fmt.Errorf("seeds: metadata of %s: id is %q", id, sc.ID)
	}
	return sc, nil
}

// Text returns the raw bytes of the bundled article id, as published. The
// slice is a copy.
func Text(id string) ([]byte, error) {
	b, err := files.ReadFile(id + ".txt")
	if err != nil {
		return nil, fmt.Errorf("seeds: %w", err)
	}
	return b, nil
}

// Aliases returns the alias data (aliases.json) for
// [passages.ParseAliases]. The slice is a copy.
func Aliases() []byte {
	b, err := files.ReadFile("aliases.json")
	if err != nil {
		panic("seeds: aliases.json is not embedded: " + err.Error())
	}
	return b
}
