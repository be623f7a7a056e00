package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type passageJSON struct {
	Article string   `json:"article"`
	Index   int      `json:"index"`
	Kind    string   `json:"kind"`
	Text    string   `json:"text"`
	Matches []string `json:"matches"`
	Region  bool     `json:"region"`
}

func passagesJSON(t *testing.T, args ...string) []passageJSON {
	t.Helper()
	code, out, errOut := run(append([]string{"passages", "--json"}, args...)...)
	require.Equal(t, 0, code, errOut)
	var ps []passageJSON
	require.NoError(t, json.Unmarshal([]byte(out), &ps))
	return ps
}

func TestPassagesJSON(t *testing.T) {
	ps := passagesJSON(t, "ARM")
	direct := 0
	for _, p := range ps {
		if !p.Region {
			direct++
		}
	}
	assert.Equal(t, 14, direct, "Armenia is named in 14 passages")
	assert.Greater(t, len(ps), direct, "and former Soviet states are mentioned too")
	seenRegion := false
	for i, p := range ps {
		assert.Equal(t, "Russia NATO Equivalent Ineffective, Putin Looks Weak, Says Experts", p.Article)
		assert.NotEmpty(t, p.Matches)
		assert.Contains(t, []string{"headline", "bullet", "heading", "paragraph", "caption"}, p.Kind)
		if p.Region {
			seenRegion = true
		} else {
			assert.False(t, seenRegion, "direct mentions come first (passage %d)", i)
		}
		for _, m := range p.Matches {
			assert.Contains(t, p.Text, m)
		}
	}
	// Turkmenistan is only mentioned as part of a region.
	tkm := passagesJSON(t, "tkm")
	require.NotEmpty(t, tkm)
	for _, p := range tkm {
		assert.True(t, p.Region)
	}
	// A known country without passages prints [].
	code, out, _ := run("passages", "--json", "ISL")
	assert.Equal(t, 0, code)
	assert.Equal(t, "[]", strings.TrimSpace(out))
	code, out, _ = run("passages", "ISL")
	assert.Equal(t, 0, code)
	assert.Empty(t, out)
}

func TestPassagesText(t *testing.T) {
	code, out, _ := run("passages", "KGZ")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "Japarov")
	assert.NotContains(t, out, "Getty Images")
}

func TestPassagesExtraArticle(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "note.md")
	require.NoError(t, os.WriteFile(f, []byte("---\ntitle: Field note\npublisher: Example Times\n---\n# Iceland\n\nReykjavik hosted talks on Iceland and NATO.\n"), 0o644))
	ps := passagesJSON(t, "--article", f, "ISL")
	require.NotEmpty(t, ps)
	assert.Equal(t, "Field note", ps[0].Article)
	// Flags after the code work too.
	code, out, _ := run("passages", "ISL", "--article", f)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "Reykjavik")
}

func TestPassagesErrors(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "x.txt")
	require.NoError(t, os.WriteFile(bin, []byte{0, 1, 2, 3}, 0o644))
	empty := filepath.Join(dir, "empty.txt")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	cases := []struct {
		name  string
		args  []string
		inErr string
	}{
		{"unknown code", []string{"XXX"}, `unknown country code "XXX"`},
		{"no code", nil, "want one ISO3 country code"},
		{"two codes", []string{"ARM", "RUS"}, "want one ISO3 country code"},
		{"binary article", []string{"--article", bin, "ARM"}, "not a text file"},
		{"empty article", []string{"--article", empty, "ARM"}, "empty"},
		{"missing article", []string{"--article", filepath.Join(dir, "nope.txt"), "ARM"}, "cannot read article"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(append([]string{"passages"}, tc.args...)...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tc.inErr)
		})
	}
}

// TestPassagesArticleNotAFile: a named pipe or a link to /dev/zero given as
// --article is refused at once with exit 1, rather than read without end.
func TestPassagesArticleNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.md")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	zero := filepath.Join(dir, "zero.txt")
	require.NoError(t, os.Symlink("/dev/zero", zero))
	big := filepath.Join(dir, "big.txt")
	require.NoError(t, os.WriteFile(big, make([]byte, 5<<20+1), 0o644))
	cases := []struct {
		name, path, says string
	}{
		{"named pipe", fifo, "is not a text file but a folder, a device or a named pipe"},
		{"link to /dev/zero", zero, "is not a text file but a folder, a device or a named pipe"},
		{"the device itself", "/dev/zero", "is not a text file but a folder, a device or a named pipe"},
		{"over 5 MB", big, "is larger than 5 MB, the limit for an article"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			type result struct {
				code        int
				out, errOut string
			}
			done := make(chan result, 1)
			go func() {
				code, out, errOut := run("passages", "--article", tc.path, "ARM")
				done <- result{code, out, errOut}
			}()
			select {
			case r := <-done:
				assert.Equal(t, 1, r.code)
				assert.Empty(t, r.out)
				assert.Equal(t, "cstomap passages: cannot read article "+tc.path+": this "+tc.says+"\n", r.errOut)
			case <-time.After(10 * time.Second):
				t.Fatal("passages --article still reading after 10 s")
			}
		})
	}
}
