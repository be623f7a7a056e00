package articles

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/internal/safefile"
	"cstomap/passages"
)

const goodMD = "---\ntitle: Reykjavik talks\n---\n# Iceland hosts talks\n\nArmenia's foreign minister came.\n"

// newStore is a store over an empty index and a folder that does not exist
// yet.
func newStore(t *testing.T) Store {
	t.Helper()
	return Store{Dir: filepath.Join(t.TempDir(), "articles"), Index: passages.NewIndex(nil)}
}

// files lists the folder's file names.
func files(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil
	}
	require.NoError(t, err)
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// within fails the test if f does not return in time: a read of a named
// pipe would block forever.
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("still running after 10 s")
	}
}

func TestAddKeepsACopy(t *testing.T) {
	s := newStore(t)
	art, err := s.Add(`C:\notes\reykjavik.md`, []byte(goodMD))
	require.NoError(t, err)
	assert.Equal(t, "Reykjavik talks", art.Title)
	assert.Len(t, s.Index.Articles(), 1)
	name := art.ID + "--reykjavik.md"
	assert.Equal(t, []string{name}, files(t, s.Dir), "one copy, no temporary file left")
	data, err := os.ReadFile(filepath.Join(s.Dir, name))
	require.NoError(t, err)
	assert.Equal(t, goodMD, string(data))

	// A restart finds it again, with the same ID and title.
	again := Store{Dir: s.Dir, Index: passages.NewIndex(nil)}
	assert.Empty(t, again.Load())
	require.Len(t, again.Index.Articles(), 1)
	assert.Equal(t, art.ID, again.Index.Articles()[0].ID)
	assert.Equal(t, art.Title, again.Index.Articles()[0].Title)
}

func TestAddRefusals(t *testing.T) {
	s := newStore(t)
	_, err := s.Add("first.md", []byte(goodMD))
	require.NoError(t, err)
	before := files(t, s.Dir)
	big := []byte(strings.Repeat("a", passages.MaxUserArticleSize+1))
	cases := []struct {
		name  string
		file  string
		data  []byte
		cause error
		says  string
	}{
		{"NUL byte", "notes.txt", []byte("Armenia\x00said"), passages.ErrNotText, "notes.txt was not added: this is not a text file"},
		{"invalid UTF-8", "caf.txt", []byte("caf\xe9"), passages.ErrNotText, "caf.txt was not added: this is not a text file"},
		{"empty", "empty.md", nil, passages.ErrEmpty, "empty.md was not added: this is empty"},
		{"too large", "big.txt", big, passages.ErrTooLarge, "big.txt was not added: this is larger than 5 MB"},
		{"the same content again", "again.md", []byte(goodMD), errDuplicate, `again.md was not added: it was added before, as "Reykjavik talks"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			art, err := s.Add(tc.file, tc.data)
			assert.Nil(t, art)
			require.ErrorIs(t, err, tc.cause)
			assert.True(t, strings.HasPrefix(err.Error(), tc.says), err.Error())
			for _, jargon := range []string{"NUL", "offset", "UTF-8", "passages:", "bytes"} {
				assert.NotContains(t, err.Error(), jargon)
			}
			assert.Equal(t, before, files(t, s.Dir), "no file is written")
			assert.Len(t, s.Index.Articles(), 1, "the index is unchanged")
		})
	}
}

func TestWithoutFolderOrIndex(t *testing.T) {
	s := Store{Index: passages.NewIndex(nil)}
	_, err := s.Add("a.txt", []byte("Armenia said no."))
	require.NoError(t, err)
	assert.Len(t, s.Index.Articles(), 1)
	_, err = Store{}.Add("a.txt", []byte("Armenia said no."))
	assert.ErrorContains(t, err, "no passage index")
	assert.ErrorContains(t, Store{Dir: t.TempDir()}.Remove("user_1"), "no added article")
	errs := Store{Dir: t.TempDir()}.Load()
	require.Len(t, errs, 1)
	assert.ErrorContains(t, errs[0], "no passage index")
}

func TestLoadSkipsBadFiles(t *testing.T) {
	s := newStore(t)
	good, err := s.Add("good.md", []byte(goodMD))
	require.NoError(t, err)
	write := func(name, data string) {
		require.NoError(t, os.WriteFile(filepath.Join(s.Dir, name), []byte(data), 0o644))
	}
	write("user_00000000000000aa--nul.txt", "Armenia\x00said")
	write("user_00000000000000bb--latin1.txt", "caf\xe9")
	write("user_00000000000000cc--empty.md", " \n")
	write("notes.txt", "not ours, left alone and not read")
	write(".user_00000000000000dd--x.md123", "a temporary file, left alone")
	require.NoError(t, syscall.Mkfifo(filepath.Join(s.Dir, "user_00000000000000ee--pipe.md"), 0o644))
	require.NoError(t, os.Symlink("/dev/zero", filepath.Join(s.Dir, "user_00000000000000ff--zero.txt")))
	require.NoError(t, os.Mkdir(filepath.Join(s.Dir, "user_0000000000000011--dir.md"), 0o755))

	s2 := Store{Dir: s.Dir, Index: passages.NewIndex(nil)}
	var errs []error
	within(t, func() { errs = s2.Load() })
	var msgs []string
	for _, err := range errs {
		msgs = append(msgs, err.Error())
	}
	assert.Equal(t, []string{
		"the added article dir.md was skipped: this is not a text file but a folder, a device or a named pipe",
		"the added article nul.txt was skipped: this is not a text file (articles are plain text, .txt, or Markdown, .md)",
		"the added article latin1.txt was skipped: this is not a text file (articles are plain text, .txt, or Markdown, .md)",
		"the added article empty.md was skipped: this is empty; there is no article text in it",
		"the added article pipe.md was skipped: this is not a text file but a folder, a device or a named pipe",
		"the added article zero.txt was skipped: this is not a text file but a folder, a device or a named pipe",
	}, msgs)
	assert.ErrorIs(t, errs[0], safefile.ErrNotRegular)
	assert.ErrorIs(t, errs[1], passages.ErrNotText)
	require.Len(t, s2.Index.Articles(), 1, "the good one is loaded")
	assert.Equal(t, good.ID, s2.Index.Articles()[0].ID)
}

func TestLoadFolderProblems(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	plain := filepath.Join(dir, "plain")
	require.NoError(t, os.WriteFile(plain, nil, 0o644))
	cases := []struct {
		name string
		dir  string
		want string
	}{
		{"no folder setting", "", ""},
		{"missing folder", filepath.Join(dir, "nope"), ""},
		{"a named pipe", fifo, "is not a folder"},
		{"a file", plain, "is not a folder"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var errs []error
			within(t, func() { errs = Store{Dir: tc.dir, Index: passages.NewIndex(nil)}.Load() })
			if tc.want == "" {
				assert.Empty(t, errs)
				return
			}
			require.Len(t, errs, 1)
			assert.ErrorContains(t, errs[0], tc.want)
		})
	}
}

func TestLoadRenamesAnEditedCopy(t *testing.T) {
	s := newStore(t)
	art, err := s.Add("note.txt", []byte("Armenia said no."))
	require.NoError(t, err)
	old := filepath.Join(s.Dir, art.ID+"--note.txt")
	require.NoError(t, os.WriteFile(old, []byte("Armenia said yes."), 0o644))

	s2 := Store{Dir: s.Dir, Index: passages.NewIndex(nil)}
	require.Empty(t, s2.Load())
	edited := s2.Index.Articles()[0]
	assert.NotEqual(t, art.ID, edited.ID)
	assert.Equal(t, []string{edited.ID + "--note.txt"}, files(t, s.Dir))
	require.NoError(t, s2.Remove(edited.ID))
	assert.Empty(t, files(t, s.Dir), "Remove finds the edited copy")
}

func TestRemove(t *testing.T) {
	s := newStore(t)
	a, err := s.Add("a.md", []byte("# A\n\nArmenia."))
	require.NoError(t, err)
	b, err := s.Add("b.md", []byte("# B\n\nBelarus."))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(s.Dir, "notes.txt"), nil, 0o644))
	require.NoError(t, s.Index.Add(&passages.Article{Meta: passages.Meta{ID: "000_seed"},
		Passages: []passages.Passage{{Kind: passages.KindParagraph, Text: "Seed."}}}))

	cases := []struct {
		name string
		id   string
		err  string
	}{
		{"a bundled article", "000_seed", "bundled articles cannot be removed"},
		{"an ID not in the index", "user_0000000000000000", "no added article"},
		{"a pattern is not a pattern", "user_*", "no added article"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.ErrorContains(t, s.Remove(tc.id), tc.err)
			assert.Len(t, files(t, s.Dir), 3, "no file is deleted")
			assert.Len(t, s.Index.Articles(), 3)
		})
	}
	require.NoError(t, s.Remove(a.ID))
	assert.Equal(t, []string{"notes.txt", b.ID + "--b.md"}, files(t, s.Dir))
	assert.Len(t, s.Index.Articles(), 2)
}

func TestStoredName(t *testing.T) {
	long := strings.Repeat("é", 100) // 200 bytes
	cases := []struct {
		name, want string
	}{
		{"a.md", "user_1--a.md"},
		{"/home/x/a b.txt", "user_1--a b.txt"},
		{`C:\x\y.markdown`, "user_1--y.markdown"},
		{"", "user_1--article.txt"},
		{"..", "user_1--article.txt"},
		{long + ".md", "user_1--" + strings.Repeat("é", 58) + ".md"},
		{long + "." + long, "user_1--" + strings.Repeat("é", 60)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, storedName("user_1", tc.name))
		})
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.md")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	zero := filepath.Join(dir, "zero.md")
	require.NoError(t, os.Symlink("/dev/zero", zero))
	big := filepath.Join(dir, "big.txt")
	require.NoError(t, os.WriteFile(big, make([]byte, passages.MaxUserArticleSize+1), 0o644))
	good := filepath.Join(dir, "good.md")
	require.NoError(t, os.WriteFile(good, []byte(goodMD), 0o644))
	cases := []struct {
		name  string
		path  string
		cause error
		says  string
	}{
		{"named pipe", fifo, safefile.ErrNotRegular, "this is not a text file but a folder, a device or a named pipe"},
		{"link to /dev/zero", zero, safefile.ErrNotRegular, "this is not a text file but"},
		{"device", "/dev/urandom", safefile.ErrNotRegular, "this is not a text file but"},
		{"over 5 MB", big, safefile.ErrTooLarge, "this is larger than 5 MB"},
		{"missing", filepath.Join(dir, "nope.md"), os.ErrNotExist, "there is no such file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			within(t, func() { _, err = ReadFile(tc.path) })
			require.ErrorIs(t, err, tc.cause)
			assert.True(t, strings.HasPrefix(err.Error(), "cannot read article "+tc.path+": "+tc.says), err.Error())
		})
	}
	data, err := ReadFile(good)
	require.NoError(t, err)
	assert.Equal(t, goodMD, string(data))
}

func TestParse(t *testing.T) {
	_, err := Parse("/x/notes.txt", []byte("Armenia\x00said"))
	require.ErrorIs(t, err, passages.ErrNotText)
	assert.Equal(t, "article /x/notes.txt refused: this is not a text file (articles are plain text, .txt, or Markdown, .md)", err.Error())
	art, err := Parse("/x/notes.txt", []byte("Armenia said no."))
	require.NoError(t, err)
	assert.Equal(t, "Armenia said no.", art.Passages[0].Text)
}
