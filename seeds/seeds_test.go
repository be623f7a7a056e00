package seeds_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/passages"
	"cstomap/seeds"
)

const seedID = "000_3aff2444b0efe366"

func TestArticles(t *testing.T) {
	as, err := seeds.Articles()
	require.NoError(t, err)
	require.Len(t, as, 1)
	a := as[0]
	assert.Equal(t, passages.Meta{
		ID:            seedID,
		Title:         "Russia NATO Equivalent Ineffective, Putin Looks Weak, Says Experts",
		Publisher:     "Insider",
		Published:     "summer 2023",
		PublishedNote: "The title is as republished: this copy's headline was rewritten by the site that republished it and may differ from Insider's. The text cites a NATO dinner of 27 June 2023 and a statement by Pashinyan in May 2023, and the original URL is not known.",
		URL:           "",
		Experts:       []string{"Thomas Graham", "Alexander Cooley"},
	}, a.Meta)
	assert.Len(t, a.Passages, 96)
	assert.Equal(t, passages.KindHeadline, a.Passages[0].Kind)

	again, err := seeds.Articles()
	require.NoError(t, err)
	again[0].Passages[0].Text = "changed"
	assert.NotEqual(t, "changed", a.Passages[0].Text, "each call parses anew")
}

// TestSeedBytes checks the embedded text against the sha256 recorded in
// its sidecar and in README.md, and against the shared original when it
// is there.
func TestSeedBytes(t *testing.T) {
	text, err := seeds.Text(seedID)
	require.NoError(t, err)
	sum := sha256.Sum256(text)
	got := hex.EncodeToString(sum[:])

	sc, err := seeds.ReadSidecar(seedID)
	require.NoError(t, err)
	assert.Equal(t, sc.SHA256, got)
	assert.Equal(t, "925b7b4a99719c92147155a34d4410e2892984269b0c5e16df0a67b14693bfec", got)

	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	assert.Contains(t, string(readme), got)

	if shared, err := os.ReadFile("/work/shared/seeds/" + seedID + ".txt"); err == nil {
		assert.Equal(t, shared, text, "byte for byte the shared seed")
	}
}

// TestEverySidecarHash checks each bundled article's sha256 and README row.
func TestEverySidecarHash(t *testing.T) {
	as, err := seeds.Articles()
	require.NoError(t, err)
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	for _, a := range as {
		text, err := seeds.Text(a.ID)
		require.NoError(t, err)
		sum := sha256.Sum256(text)
		sc, err := seeds.ReadSidecar(a.ID)
		require.NoError(t, err)
		assert.Equal(t, hex.EncodeToString(sum[:]), sc.SHA256, a.ID)
		assert.Contains(t, string(readme), "`"+a.ID+".txt`", "README lists "+a.ID)
	}
}

func TestReadSidecar_Errors(t *testing.T) {
	_, err := seeds.ReadSidecar("999_missing")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "seeds: metadata of 999_missing")
	_, err = seeds.Text("999_missing")
	require.Error(t, err)
}

func TestAliases(t *testing.T) {
	a := seeds.Aliases()
	al, err := passages.ParseAliases(a, nil)
	require.NoError(t, err)
	assert.NotEmpty(t, al.Names())
	a[0] = 'x'
	assert.Equal(t, byte('{'), seeds.Aliases()[0], "Aliases returns a copy")
}
