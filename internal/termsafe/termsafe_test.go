package termsafe

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSanitize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Armenia — Pashinyan", "Armenia — Pashinyan"},
		{"newline and tab kept", "a\n\tb", "a\n\tb"},
		{"screen clear", "\x1b[2Jgone", `\u001b[2Jgone`},
		{"window title OSC", "\x1b]0;pwned\x07", `\u001b]0;pwned\u0007`},
		{"clipboard OSC 52", "\x1b]52;c;cm0gLXJm\x07", `\u001b]52;c;cm0gLXJm\u0007`},
		{"carriage return", "ok\rEVIL", `ok\u000dEVIL`},
		{"C1 CSI", "a\u009b2Jb", `a\u009b2Jb`},
		{"bidi override", "abc\u202edcba", `abc\u202edcba`},
		{"bidi isolate", "\u2066x\u2069", `\u2066x\u2069`},
		{"DEL", "a\x7fb", `a\u007fb`},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Sanitize(tt.in))
		})
	}
}

func TestWriterKeepsSplitRunes(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out)
	s := "Ереван\x1b[2J"
	for i := 0; i < len(s); i++ { // one byte at a time
		n, err := w.Write([]byte{s[i]})
		require.NoError(t, err)
		assert.Equal(t, 1, n)
	}
	require.NoError(t, w.Flush())
	assert.Equal(t, `Ереван\u001b[2J`, out.String())

	out.Reset()
	_, _ = w.Write([]byte("x\xd0"))
	require.NoError(t, w.Flush())
	assert.Equal(t, "x\uFFFD", out.String())
}

func TestEscapedJSONStaysValidAndEqual(t *testing.T) {
	raw, err := json.Marshal(map[string]string{"title": "a\u202eb\u0085c"})
	require.NoError(t, err)
	var got map[string]string
	require.NoError(t, json.Unmarshal([]byte(Sanitize(string(raw))), &got))
	assert.Equal(t, "a\u202eb\u0085c", got["title"])
}
