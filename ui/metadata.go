package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"github.com/BurntSushi/toml"
)

// ParseMetadata reads the [Details] and [Migrations] of a FyneApp.toml, so
// that a binary built with plain `go build` has the same ID, name, version
// and icon as one built by the fyne tool.
func ParseMetadata(data []byte, icon fyne.Resource) (fyne.AppMetadata, error) {
	var f struct {
		Details struct {
			ID, Name, Version string
			Build             int
		}
		Migrations map[string]bool
	}
	if _, err := toml.Decode(string(data), &f); err != nil {
		return fyne.AppMetadata{}, fmt.Errorf("ui: FyneApp.toml: %w", err)
	}
	if f.Details.ID == "" || f.Details.Name == "" {
		return fyne.AppMetadata{}, fmt.Errorf("ui: FyneApp.toml: [Details] needs ID and Name")
	}
	return fyne.AppMetadata{
		ID: f.Details.ID, Name: f.Details.Name, Version: f.Details.Version, Build: f.Details.Build,
		Icon: icon, Migrations: f.Migrations,
	}, nil
}
