package ui_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/articles"
	"cstomap/passages"
	"cstomap/ui"
)

func TestPanelShowsPassagesOfArmenia(t *testing.T) {
	app, _ := newTestApp(t)
	test.TapAt(app.Map, app.Map.PositionOf(44.5126, 40.1776))
	require.Equal(t, "ARM", app.Store.Selected())
	ms := app.Panel.Passages()
	direct := 0
	lastIndex, seenRegion := -1, false
	for _, m := range ms {
		if m.Region {
			seenRegion = true
			continue
		}
		assert.False(t, seenRegion, "direct mentions come before regional ones")
		assert.Greater(t, m.Passage.Index, lastIndex, "in article order")
		lastIndex = m.Passage.Index
		direct++
		assert.NotEmpty(t, m.Words)
		bold := ""
		for _, p := range passages.Highlight(m) {
			if p.Bold {
				bold += p.Text + "|"
			}
		}
		assert.NotEmpty(t, bold, "matched words are bold in passage %d", m.Passage.Index)
	}
	assert.Equal(t, 14, direct)
	assert.False(t, app.Panel.SaysNoPassages())
}

func TestPanelNoPassages(t *testing.T) {
	app, _ := newTestApp(t)
	app.Store.Select("ISL")
	assert.Empty(t, app.Panel.Passages())
	assert.True(t, app.Panel.SaysNoPassages())
}

func TestPanelSearchesArticles(t *testing.T) {
	app, _ := newTestApp(t)
	test.Type(app.Panel.Find, "Kremlin")
	require.NotEmpty(t, app.Panel.Passages())
	for _, m := range app.Panel.Passages() {
		assert.Contains(t, strings.ToLower(m.Passage.Text), "kremlin")
	}
	assert.Contains(t, app.Panel.StatusText(), `contain "Kremlin"`)
	app.Panel.Find.SetText("")
	assert.Equal(t, "Collective Security Treaty Organization", app.Panel.Title())
}

func TestAddAndRemoveArticle(t *testing.T) {
	a := test.NewTempApp(t)
	opts := testOptions(t)
	w := a.NewWindow("t")
	app, err := ui.New(w, testWorld(t), opts)
	require.NoError(t, err)
	w.Resize(fyne.NewSize(1000, 700))

	md := []byte("---\ntitle: Reykjavik talks\npublisher: Example Times\n---\n# Iceland hosts talks\n\nIceland's prime minister met Armenia's foreign minister in Reykjavik.\n")
	art, err := app.AddArticleData("reykjavik.md", md)
	require.NoError(t, err)
	app.Store.Select("ISL")
	require.NotEmpty(t, app.Panel.Passages())
	assert.Equal(t, "Reykjavik talks", app.Panel.Passages()[0].Article.Title)
	// Armenia's passages now include it, after the seed's.
	app.Store.Select("ARM")
	found := false
	for _, m := range app.Panel.Passages() {
		found = found || m.Article.ID == art.ID
	}
	assert.True(t, found)

	// Refusals leave everything as it was.
	big := make([]byte, passages.MaxUserArticleSize+1)
	for i := range big {
		big[i] = 'a'
	}
	for name, data := range map[string][]byte{"binary.txt": {0, 1, 2}, "empty.txt": {}, "big.txt": big, "again.md": md} {
		_, err := app.AddArticleData(name, data)
		assert.Error(t, err, name)
	}
	_, err = app.AddArticleData("binary.txt", []byte{0, 1, 2})
	assert.ErrorContains(t, err, "not a text file")
	_, err = app.AddArticleData("big.txt", big)
	assert.ErrorContains(t, err, "larger than 5 MB")
	entries, _ := os.ReadDir(opts.ArticleDir)
	assert.Len(t, entries, 1, "only the good article is kept")

	// A restart finds it again.
	ix, names := testIndex(t)
	assert.Empty(t, articles.Store{Dir: opts.ArticleDir, Index: ix}.Load())
	w2 := a.NewWindow("t2")
	opts2 := opts
	opts2.Index, opts2.Aliases = ix, func() []ui.SearchName { return names }
	app2, err := ui.New(w2, testWorld(t), opts2)
	require.NoError(t, err)
	app2.Store.Select("ISL")
	assert.NotEmpty(t, app2.Panel.Passages())

	// Removing deletes the copy; the seed cannot be removed.
	require.NoError(t, app2.RemoveArticle(art.ID))
	_, err = os.Stat(filepath.Join(opts.ArticleDir, art.ID+"--reykjavik.md"))
	assert.True(t, os.IsNotExist(err))
	assert.Error(t, app2.RemoveArticle("000_3aff2444b0efe366"))
	app2.Store.Select("ISL")
	assert.True(t, app2.Panel.SaysNoPassages())
}

func TestSearchFindsAliases(t *testing.T) {
	app, _ := newTestApp(t)
	for q, iso := range map[string]string{"Yerevan": "ARM", "Belarussian": "BLR", "Kyrgyz": "KGZ", "Pashinyan": "ARM", "Tokayev": "KAZ"} {
		got := app.Search.Suggest(q)
		require.NotEmpty(t, got, q)
		assert.Equal(t, iso, got[0].ISO, q)
	}
}
