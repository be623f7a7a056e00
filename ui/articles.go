package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cstomap/export"
	"cstomap/passages"
)

// userPrefix starts the IDs of articles a user added (see
// passages.ParseUserArticle); the bundled ones cannot be removed.
const userPrefix = "user_"

// AddArticleData indexes an article file the user opened (name is its file
// name, data its bytes) and keeps a copy in the app's article folder so that
// it is there after a restart. A file that is not text, is empty, is over
// 5 MB or was added before is refused with an error in plain words, and
// nothing else changes.
func (a *App) AddArticleData(name string, data []byte) (*passages.Article, error) {
	if a.index == nil {
		return nil, errors.New("articles are not available")
	}
	art, err := passages.ParseUserArticle(name, data)
	if err != nil {
		return nil, articleError(name, err)
	}
	for _, x := range a.index.Articles() {
		if x.ID == art.ID {
			return nil, fmt.Errorf("%s was added before, as %q", filepath.Base(name), x.Title)
		}
	}
	if dir := a.opts.ArticleDir; dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("cannot keep a copy of %s: %w", filepath.Base(name), err)
		}
		path := filepath.Join(dir, storedName(art.ID, name))
		if err := export.WriteFile(path, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
			return nil, fmt.Errorf("cannot keep a copy of %s: %w", filepath.Base(name), err)
		}
	}
	if err := a.index.Add(art); err != nil {
		return nil, err
	}
	a.Panel.Refresh()
	a.logf("article added %s %q (%d passages)", art.ID, art.Title, len(art.Passages))
	return art, nil
}

// RemoveArticle removes an article the user added, and its stored copy.
func (a *App) RemoveArticle(id string) error {
	if !strings.HasPrefix(id, userPrefix) {
		return errors.New("the bundled articles cannot be removed")
	}
	if dir := a.opts.ArticleDir; dir != "" {
		matches, _ := filepath.Glob(filepath.Join(dir, id+"--*"))
		for _, m := range matches {
			if err := os.Remove(m); err != nil {
				return fmt.Errorf("cannot remove the stored copy: %w", err)
			}
		}
	}
	if !a.index.Remove(id) {
		return fmt.Errorf("no article %s", id)
	}
	a.Panel.Refresh()
	a.logf("article removed %s", id)
	return nil
}

// storedName is the file name of the kept copy: the ID, then the original
// name, whose extension says whether it is Markdown.
func storedName(id, name string) string {
	return id + "--" + filepath.Base(name)
}

// LoadArticleDir indexes the articles kept in dir by earlier sessions. A
// file that cannot be read any more is reported and skipped.
func LoadArticleDir(ix *passages.Index, dir string) []error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return []error{fmt.Errorf("added articles: %w", err)}
	}
	var errs []error
	for _, e := range entries {
		name := e.Name()
		id, orig, ok := strings.Cut(name, "--")
		if !ok || !strings.HasPrefix(id, userPrefix) || e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err == nil {
			var art *passages.Article
			if art, err = passages.ParseUserArticle(orig, data); err == nil {
				err = ix.Add(art)
			}
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("added article %s: %w", orig, err))
		}
	}
	return errs
}

// articleError says in plain words why a file was refused.
func articleError(name string, err error) error {
	base := filepath.Base(name)
	switch {
	case errors.Is(err, passages.ErrTooLarge):
		return fmt.Errorf("%s is larger than 5 MB; only articles up to 5 MB can be added", base)
	case errors.Is(err, passages.ErrNotText):
		return fmt.Errorf("%s is not a text file; add a plain-text (.txt) or Markdown (.md) article", base)
	case errors.Is(err, passages.ErrEmpty):
		return fmt.Errorf("%s is empty; there is no article text in it", base)
	}
	return fmt.Errorf("%s could not be read: %w", base, err)
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
	d.SetFilter(storage.NewExtensionFileFilter([]string{".txt", ".md", ".markdown", ".text"}))
	d.Show()
}

// ShowRemoveArticle asks which added article to remove.
func (a *App) ShowRemoveArticle() {
	var ids, titles []string
	for _, art := range a.index.Articles() {
		if strings.HasPrefix(art.ID, userPrefix) {
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
	if strings.HasPrefix(art.ID, userPrefix) {
		s += " (added by you)"
	}
	return s
}

// passageCard shows one passage: a header naming the source and the
// passage's place, a caption badge where it applies, the text with the
// matched words in bold, and a button that copies the text.
func passageCard(m passages.Match, win fyne.Window) fyne.CanvasObject {
	head := fmt.Sprintf("%s · %s · %s %d", orDefault(m.Article.Publisher, "unknown publisher"), shorten(m.Article.Title, 48), m.Passage.Kind, m.Passage.Index+1)
	header := widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
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
