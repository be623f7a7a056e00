package timeline_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cstomap/assets"
	"cstomap/internal/safefile"
	"cstomap/timeline"
)

func TestLoadFSEmbedded(t *testing.T) {
	as, err := timeline.LoadFS(assets.Alliances, "alliances", knownISO(t))
	require.NoError(t, err)
	require.Len(t, as, 2)
	assert.Equal(t, "csto", as[0].ID, "file-name order")
	assert.Equal(t, "alliances/csto.json", as[0].File)
	assert.Equal(t, "CSTO", as[0].ShortName)
	assert.Equal(t, 1992, as[0].FirstYear)
	assert.Equal(t, "nato", as[1].ID)
	assert.Equal(t, 1949, as[1].FirstYear)
	for _, a := range as {
		assert.NotEmpty(t, a.Name)
		assert.NotEmpty(t, a.Founding)
		assert.Zero(t, a.LastYear, "both run up to the current year")
	}
}

// oneCountry returns a minimal valid file for alliance id.
func oneCountry(id string) []byte {
	return []byte(`{"id":"` + id + `","name":"N","first_year":1990,"countries":[
	 {"iso":"ARM","events":[{"date":"1995-01-01","status":"current","note":"Joins.","sources":["https://example.org/1"]}]}]}`)
}

func TestLoadFS(t *testing.T) {
	cases := []struct {
		name string
		fsys fstest.MapFS
		ids  []string
		errs []error
		msgs []string
	}{
		{
			name: "sorted by file name, other files ignored",
			fsys: fstest.MapFS{
				"d/b.json":        {Data: oneCountry("bee")},
				"d/a.json":        {Data: oneCountry("ant")},
				"d/README.md":     {Data: []byte("# not JSON")},
				"d/sub/c.json":    {Data: []byte("broken")},
				"other/c.json":    {Data: []byte("broken")},
				"d/upper.JSON":    {Data: []byte("broken")},
				"d/dir.json/x.md": {Data: []byte("a directory named .json")},
			},
			ids: []string{"ant", "bee"},
		},
		{
			name: "one bad file fails the load",
			fsys: fstest.MapFS{
				"d/a.json": {Data: oneCountry("ant")},
				"d/b.json": {Data: []byte(`{"id":"bee"}`)},
				"d/c.json": {Data: []byte(`{`)},
			},
			errs: []error{timeline.ErrMissing, timeline.ErrSyntax},
			msgs: []string{"d/b.json: name: missing name", "d/c.json:1:2: JSON syntax error"},
		},
		{
			name: "duplicate IDs",
			fsys: fstest.MapFS{
				"d/a.json": {Data: oneCountry("ant")},
				"d/b.json": {Data: oneCountry("ant")},
			},
			errs: []error{timeline.ErrDuplicate},
			msgs: []string{`d/b.json: id: alliance "ant" is already loaded from d/a.json`},
		},
		{
			name: "no files",
			fsys: fstest.MapFS{"d/README.md": {Data: []byte("x")}},
			errs: []error{timeline.ErrNoFiles},
			msgs: []string{"timeline: no alliance files: no *.json file in d"},
		},
		{
			name: "no directory",
			fsys: fstest.MapFS{},
			errs: []error{os.ErrNotExist},
			msgs: []string{"read alliance folder d:"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			as, err := timeline.LoadFS(tc.fsys, "d", nil)
			if len(tc.errs) == 0 {
				require.NoError(t, err)
				var ids []string
				for _, a := range as {
					ids = append(ids, a.ID)
				}
				assert.Equal(t, tc.ids, ids)
				return
			}
			require.Error(t, err)
			assert.Nil(t, as)
			for _, e := range tc.errs {
				assert.ErrorIs(t, err, e)
			}
			for _, m := range tc.msgs {
				assert.Contains(t, err.Error(), m)
			}
		})
	}
}

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	write("a.json", oneCountry("csto"))
	write("b.json", []byte(`{"id":"nato","name":"N","first_year":1949,"countries":[{"iso":"XYZ","never":true,"note":"x","sources":["https://example.org"]}]}`))
	write("c.json", oneCountry("csto"))
	write("d.json", oneCountry("extra"))
	write("notes.txt", []byte("ignored"))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "sub.json"), 0o755))

	as, errs := timeline.LoadDir(dir, testKnown)
	require.Len(t, as, 2, "good files load")
	assert.Equal(t, "csto", as[0].ID)
	assert.Equal(t, filepath.Join(dir, "a.json"), as[0].File)
	assert.Equal(t, "extra", as[1].ID)

	require.Len(t, errs, 2, "each bad file gives one error")
	assert.ErrorIs(t, errs[0], timeline.ErrUnknownCountry)
	assert.Equal(t, filepath.Join(dir, "b.json")+`: country XYZ: iso: unknown ISO3 code "XYZ" (no country outline has it)`, errs[0].Error())
	assert.ErrorIs(t, errs[1], timeline.ErrDuplicate)
	assert.Contains(t, errs[1].Error(), filepath.Join(dir, "c.json")+": id:")

	t.Run("FIFO, /dev/zero and an oversized file are refused, not read", func(t *testing.T) {
		dir := t.TempDir()
		require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "a-fifo.json"), 0o644))
		require.NoError(t, os.Symlink("/dev/zero", filepath.Join(dir, "b-zero.json")))
		big := append(oneCountry("big"), bytes.Repeat([]byte(" "), timeline.MaxFileSize)...)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "c-big.json"), big, 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "d.json"), oneCountry("good"), 0o644))
		as, errs := timeline.LoadDir(dir, testKnown)
		require.Len(t, as, 1)
		assert.Equal(t, "good", as[0].ID)
		require.Len(t, errs, 3)
		assert.ErrorIs(t, errs[0], safefile.ErrNotRegular)
		assert.Contains(t, errs[0].Error(), "a-fifo.json")
		assert.ErrorIs(t, errs[1], safefile.ErrNotRegular)
		assert.ErrorIs(t, errs[2], safefile.ErrTooLarge)
	})
	t.Run("a byte order mark is accepted", func(t *testing.T) {
		dir := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(dir, "bom.json"), append([]byte("\uFEFF"), oneCountry("bom")...), 0o644))
		as, errs := timeline.LoadDir(dir, testKnown)
		require.Empty(t, errs)
		require.Len(t, as, 1)
		assert.Equal(t, "bom", as[0].ID)
	})
	t.Run("missing directory", func(t *testing.T) {
		as, errs := timeline.LoadDir(filepath.Join(dir, "nope"), testKnown)
		assert.Empty(t, as)
		require.Len(t, errs, 1)
		assert.True(t, errors.Is(errs[0], os.ErrNotExist))
	})
	t.Run("empty directory", func(t *testing.T) {
		as, errs := timeline.LoadDir(t.TempDir(), testKnown)
		assert.Empty(t, as)
		require.Len(t, errs, 1)
		assert.ErrorIs(t, errs[0], timeline.ErrNoFiles)
	})
}

func TestMerge(t *testing.T) {
	a := &timeline.Alliance{ID: "csto", Name: "base CSTO"}
	b := &timeline.Alliance{ID: "nato", Name: "base NATO"}
	a2 := &timeline.Alliance{ID: "csto", Name: "user CSTO"}
	a3 := &timeline.Alliance{ID: "csto", Name: "user CSTO, later file"}
	c := &timeline.Alliance{ID: "sco", Name: "user SCO"}

	cases := []struct {
		name        string
		base, extra []*timeline.Alliance
		want        []*timeline.Alliance
	}{
		{"replace in place, append new", []*timeline.Alliance{a, b}, []*timeline.Alliance{c, a2}, []*timeline.Alliance{a2, b, c}},
		{"later extra wins", []*timeline.Alliance{a, b}, []*timeline.Alliance{a2, a3}, []*timeline.Alliance{a3, b}},
		{"no extra", []*timeline.Alliance{a, b}, nil, []*timeline.Alliance{a, b}},
		{"no base", nil, []*timeline.Alliance{c}, []*timeline.Alliance{c}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			base := append([]*timeline.Alliance(nil), tc.base...)
			got := timeline.Merge(tc.base, tc.extra)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, base, tc.base, "base is not modified")
		})
	}
}

func TestLoadAll(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.json"), []byte("{"), 0o644))
	all, userErrs, err := timeline.LoadAll(assets.Alliances, "alliances", dir, nil)
	require.NoError(t, err)
	assert.Len(t, all, 2, "the embedded alliances stay")
	require.Len(t, userErrs, 1)
	assert.Contains(t, userErrs[0].Error(), "bad.json")
	all, userErrs, err = timeline.LoadAll(assets.Alliances, "alliances", "", nil)
	require.NoError(t, err)
	assert.Len(t, all, 2)
	assert.Empty(t, userErrs)
}
