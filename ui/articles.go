package ui

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cstomap/articles"
	"cstomap/passages"
)

// articleStore is the folder of added articles and the index they go into.
func (a *App) articleStore() articles.Store {
	return articles.Store{Dir: a.opts.ArticleDir, Index: a.index}
}

// AddArticleData adds an article file the user opened (name is its file
// name, data its bytes) with [articles.Store.Add]: it is indexed and a copy
// kept for the next run. A refusal is an error in plain words, and then
// nothing changes.
func (a *App) AddArticleData(name string, data []byte) (*passages.Article, error) {
	art, err := a.articleStore().Add(name, data)
	if err != nil {
		return nil, err
	}
	a.Panel.Refresh()
	a.logf("article added %s %q (%d passages)", art.ID, art.Title, len(art.Passages))
	return art, nil
}

// RemoveArticle removes an article the user added, and its stored copy.
func (a *App) RemoveArticle(id string) error {
	if err := a.articleStore().Remove(id); err != nil {
		return err
	}
	a.Panel.Refresh()
	a.logf("article removed %s", id)
	return nil
}

// ShowAddArticle asks for a plain-text or Markdown file and adds it.
func (a *App) ShowAddArticle() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, a.window)
			return
		}
		if r == nil {
			return // cancelled
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, passages.MaxUserArticleSize+1))
		if err != nil {
			dialog.ShowError(fmt.Errorf("cannot read %s: %w", r.URI().Name(), err), a.window)
			return
		}
		art, err := a.AddArticleData(r.URI().Name(), data)
		if err != nil {
			dialog.ShowError(err, a.window)
			return
		}
		dialog.ShowInformation("Article added", fmt.Sprintf("%q: %d passages, indexed and kept for next time.", art.Title, len(art.Passages)), a.window)
	}, a.window)
	d.SetFilter(articleFilter{storage.NewExtensionFileFilter(articleExts)})
	d.Show()
}

// articleExts are the file name endings File › Add article… lists.
var articleExts = []string{".txt", ".md", ".markdown", ".text"}

// articleFilter lists, of the files with an article's ending, only the
// regular ones. Fyne's open dialog opens the chosen file itself, on the
// main goroutine, and opening a named pipe waits for a writer: choosing
// one hung the window. (A device or a folder named like an article is
// left out as well; the store refuses them anyway.)
type articleFilter struct{ ext storage.FileFilter }

// Matches is part of storage.FileFilter.
func (f articleFilter) Matches(u fyne.URI) bool {
	if !f.ext.Matches(u) {
		return false
	}
	if u.Scheme() != "file" {
		return true
	}
	st, err := os.Stat(u.Path())
	return err == nil && st.Mode().IsRegular()
}

// ShowRemoveArticle asks which added article to remove.
func (a *App) ShowRemoveArticle() {
	var ids, titles []string
	for _, art := range a.index.Articles() {
		if articles.IsAdded(art.ID) {
			ids = append(ids, art.ID)
			titles = append(titles, art.Title)
		}
	}
	if len(ids) == 0 {
		dialog.ShowInformation("Remove article", "No articles have been added; the bundled ones stay.", a.window)
		return
	}
	choice := widget.NewRadioGroup(titles, nil)
	dialog.ShowCustomConfirm("Remove article", "Remove", "Cancel", choice, func(ok bool) {
		if !ok || choice.Selected == "" {
			return
		}
		for i, t := range titles {
			if t == choice.Selected {
				if err := a.RemoveArticle(ids[i]); err != nil {
					dialog.ShowError(err, a.window)
				}
			}
		}
	}, a.window)
}

// articleLines describes every article, for Help › Data sources.
func (a *App) articleLines() []string {
	if a.index == nil {
		return nil
	}
	var out []string
	for _, art := range a.index.Articles() {
		out = append(out, articleSource(art))
	}
	sort.Strings(out)
	return out
}

// articleSource names an article as a source: title, publisher, date and
// URL, saying what is not known.
func articleSource(art *passages.Article) string {
	s := fmt.Sprintf("%q, %s", art.Title, orDefault(art.Publisher, "publisher unknown"))
	if art.Published != "" {
		s += ", " + art.Published
	}
	if art.PublishedNote != "" {
		s += ". " + art.PublishedNote
	}
	if art.URL != "" {
		s += " " + art.URL
	} else if art.PublishedNote == "" {
		s += " (URL not known)"
	}
	if len(art.Experts) > 0 {
		s += " Experts quoted: " + strings.Join(art.Experts, ", ") + "."
	}
	if articles.IsAdded(art.ID) {
		s += " (added by you)"
	}
	return s
}

// passageCard shows one passage: a header naming the source and the
// passage's place, a caption badge where it applies, the text with the
// matched words in bold, and a button that copies the text.
func passageCard(m passages.Match, win fyne.Window) fyne.CanvasObject {
	head := fmt.Sprintf("%s · %s · %s %d", orDefault(m.Article.Publisher, "unknown publisher"), shorten(m.Article.Title, 48), m.Passage.Kind, m.Passage.Index+1)
	header := widget.NewLabel(head)
	header.SizeName = theme.SizeNameCaptionText
	header.Truncation = fyne.TextTruncateEllipsis
	var segs []widget.RichTextSegment
	for _, p := range passages.Highlight(m) {
		segs = append(segs, &widget.TextSegment{Text: p.Text, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: p.Bold}}})
	}
	text := widget.NewRichText(segs...)
	text.Wrapping = fyne.TextWrapWord
	copyText := m.Passage.Text
	copyBtn := widget.NewButtonWithIcon("", theme.ContentCopyIcon(), func() {
		if win != nil {
			win.Clipboard().SetContent(copyText)
		}
	})
	copyBtn.Importance = widget.LowImportance
	top := []fyne.CanvasObject{}
	if m.Passage.Kind == passages.KindCaption {
		badge := widget.NewLabelWithStyle("PHOTO CAPTION", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		badge.SizeName = theme.SizeNameCaptionText
		badge.Importance = widget.WarningImportance
		top = append(top, badge)
	}
	top = append(top, header)
	return container.NewBorder(container.NewVBox(top...), nil, nil, copyBtn, text)
}
