// Package articles keeps the articles a user added: a copy of each file in
// a folder of the app's storage, read back into a passage index at every
// start. Every refusal is an error written for users ("notes.pdf was not
// added: this is not a text file"), which errors.Is still matches with its
// cause (passages.ErrNotText, safefile.ErrNotRegular, ...).
//
// The package never imports Fyne; the window and the command line call it.
package articles

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/google/renameio/v2"

	"cstomap/internal/safefile"
	"cstomap/passages"
)

// idPrefix starts the ID of every article a user added; see
// passages.ParseUserArticle.
const idPrefix = "user_"

// IsAdded reports whether id names an article a user added, as opposed to
// a bundled one (which cannot be removed).
func IsAdded(id string) bool { return strings.HasPrefix(id, idPrefix) }

// Store is the folder of added articles and the index they go into. Its
// files are named "<ID>--<original name>"; other files in the folder are
// left alone.
type Store struct {
	// Dir is the folder. It is made on the first Add; "" keeps no copies,
	// so added articles last for this run only.
	Dir string
	// Index receives the articles.
	Index *passages.Index
}

// Load indexes the articles kept in the folder by earlier runs, in file
// name order. A file that cannot be read or is refused (not a regular
// file, over 5 MB, not text, empty, the same as another) is skipped, with
// one error in plain words for each; the rest are loaded. A missing
// folder is an empty one.
func (s Store) Load() []error {
	if s.Dir == "" {
		return nil
	}
	if s.Index == nil {
		return []error{errors.New("the added articles could not be loaded: there is no passage index")}
	}
	if st, err := os.Stat(s.Dir); errors.Is(err, os.ErrNotExist) {
		return nil
	} else if err != nil {
		return []error{fmt.Errorf("the added articles could not be read: %w", err)}
	} else if !st.IsDir() {
		// Checked before reading it, as opening a named pipe would wait.
		return []error{fmt.Errorf("the added articles could not be read: %s is not a folder", s.Dir)}
	}
	entries, err := os.ReadDir(s.Dir)
	if err != nil {
		return []error{fmt.Errorf("the added articles could not be read: %w", err)}
	}
	var errs []error
	for _, e := range entries {
		id, orig, ok := strings.Cut(e.Name(), "--")
		if !ok || !IsAdded(id) {
			continue
		}
		if err := s.load(e.Name(), id, orig); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// load indexes one stored file.
func (s Store) load(file, id, orig string) error {
	skipped := func(why error) error { return explain("the added article "+orig+" was skipped", why) }
	data, err := safefile.Read(filepath.Join(s.Dir, file), passages.MaxUserArticleSize)
	if err != nil {
		return skipped(err)
	}
	art, err := passages.ParseUserArticle(orig, data)
	if err != nil {
		return skipped(err)
	}
	if prev := s.find(art.ID); prev != nil {
		return skipped(fmt.Errorf("%w %q", errDuplicate, prev.Title))
	}
	if err := s.Index.Add(art); err != nil {
		return skipped(err)
	}
	if art.ID != id {
		// The copy was edited outside the app: its name follows its new
		// ID, so that Remove finds it.
		if err := os.Rename(filepath.Join(s.Dir, file), filepath.Join(s.Dir, storedName(art.ID, orig))); err != nil {
			return fmt.Errorf("the added article %s was changed outside the app and could not be renamed: %w", orig, err)
		}
	}
	return nil
}

// Add parses an article file the user opened (name is its file name, data
// its content), keeps a copy in the folder, written atomically, and
// indexes it. A file that is over 5 MB, not text, empty, or the same as an
// article already indexed is refused with an error in plain words, and
// nothing changes.
func (s Store) Add(name string, data []byte) (*passages.Article, error) {
	base := baseName(name)
	if s.Index == nil {
		return nil, errors.New("articles cannot be added: there is no passage index")
	}
	art, err := passages.ParseUserArticle(name, data)
	if err != nil {
		return nil, explain(base+" was not added", err)
	}
	if prev := s.find(art.ID); prev != nil {
		return nil, explain(base+" was not added", fmt.Errorf("%w %q", errDuplicate, prev.Title))
	}
	var file string
	if s.Dir != "" {
		file = filepath.Join(s.Dir, storedName(art.ID, base))
		if err := os.MkdirAll(s.Dir, 0o755); err != nil {
			return nil, fmt.Errorf("%s was not added: no copy could be kept: %w", base, err)
		}
		if err := renameio.WriteFile(file, data, 0o644); err != nil {
			return nil, fmt.Errorf("%s was not added: no copy could be kept: %w", base, err)
		}
	}
	if err := s.Index.Add(art); err != nil {
		if file != "" {
			_ = os.Remove(file) // the index is the record; a failed Add keeps nothing
		}
		return nil, fmt.Errorf("%s was not added: %w", base, err)
	}
	return art, nil
}

// Remove removes an added article from the index and deletes its copies.
// Bundled articles and IDs not in the index are refused, and then no file
// is touched.
func (s Store) Remove(id string) error {
	if !IsAdded(id) {
		return errors.New("the bundled articles cannot be removed")
	}
	if s.Index == nil || s.find(id) == nil {
		return fmt.Errorf("there is no added article %s", id)
	}
	if s.Dir != "" {
		entries, err := os.ReadDir(s.Dir)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("the stored copy could not be removed: %w", err)
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), id+"--") {
				if err := os.Remove(filepath.Join(s.Dir, e.Name())); err != nil {
					return fmt.Errorf("the stored copy could not be removed: %w", err)
				}
			}
		}
	}
	s.Index.Remove(id)
	return nil
}

// find returns the indexed article with the given ID, or nil.
func (s Store) find(id string) *passages.Article {
	for _, a := range s.Index.Articles() {
		if a.ID == id {
			return a
		}
	}
	return nil
}

// ReadFile reads an article file a user named, through safefile: only a
// regular file is opened, and no more than passages.MaxUserArticleSize
// bytes are read, so /dev/zero or a named pipe is refused at once. Errors
// are in plain words: "cannot read article NAME: this is ...".
func ReadFile(name string) ([]byte, error) {
	data, err := safefile.Read(name, passages.MaxUserArticleSize)
	if err != nil {
		return nil, explain("cannot read article "+name, err)
	}
	return data, nil
}

// Parse is passages.ParseUserArticle with its refusals in plain words:
// "article NAME refused: this is ...".
func Parse(name string, data []byte) (*passages.Article, error) {
	art, err := passages.ParseUserArticle(name, data)
	if err != nil {
		return nil, explain("article "+name+" refused", err)
	}
	return art, nil
}

// errDuplicate is the cause of refusing an article already indexed.
var errDuplicate = errors.New("it was added before, as")

// plainError is a message for users that errors.Is and errors.As still
// match with its cause.
type plainError struct {
	msg   string
	cause error
}

func (e *plainError) Error() string { return e.msg }
func (e *plainError) Unwrap() error { return e.cause }

// explain says in plain words why err happened: lead, a colon, and the
// reason ("this is not a text file"). The technical detail (offsets,
// package prefixes) is dropped from the message but kept for errors.Is.
func explain(lead string, err error) error {
	var why string
	switch {
	case errors.Is(err, passages.ErrTooLarge), errors.Is(err, safefile.ErrTooLarge):
		why = "this is larger than 5 MB, the limit for an article"
	case errors.Is(err, passages.ErrNotText):
		why = "this is not a text file (articles are plain text, .txt, or Markdown, .md)"
	case errors.Is(err, passages.ErrEmpty):
		why = "this is empty; there is no article text in it"
	case errors.Is(err, safefile.ErrNotRegular):
		why = "this is not a text file but a folder, a device or a named pipe"
	case errors.Is(err, os.ErrNotExist):
		why = "there is no such file"
	case errors.Is(err, os.ErrPermission):
		why = "permission to read it was denied"
	case errors.Is(err, errDuplicate):
		why = err.Error()
	default:
		return fmt.Errorf("%s: %w", lead, err)
	}
	return &plainError{msg: lead + ": " + why, cause: err}
}

// maxNameBytes caps the original name kept in a stored file's name, well
// under the 255 bytes most file systems allow.
const maxNameBytes = 120

// baseName is the file name in name, whether its folders are separated by
// "/" or "\"; "article.txt" when it has none.
func baseName(name string) string {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	if base == "." || base == ".." || base == "/" {
		return "article.txt"
	}
	return base
}

// storedName is the file name of the kept copy: the ID, then the original
// name, whose extension says whether it is Markdown, shortened to
// maxNameBytes.
func storedName(id, name string) string {
	base := baseName(name)
	if len(base) > maxNameBytes {
		ext := path.Ext(base)
		if len(ext) > 16 {
			ext = ""
		}
		stem := base[:maxNameBytes-len(ext)]
		for !utf8.ValidString(stem) {
			stem = stem[:len(stem)-1]
		}
		base = stem + ext
	}
	return id + "--" + base
}
